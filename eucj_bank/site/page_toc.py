"""A page's table of contents from its final HTML.

MkDocs builds the contents list from the Markdown it converts. A generated page's
metadata, downloads, checklist and citation are HTML written here (rendered_page.py),
and a home page's newest documents are HTML put into its Markdown: the list saw only
the Markdown part (a resource page listed its full text only, the checklist page
nothing of its 7 sections, the home page no "Newest documents"). This reads the h1-h3
headings that have an id from the page as it will be shown, in order, nested by level.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

LEVELS = {"h1": 1, "h2": 2, "h3": 3}
# The parser only needs the headings: the text from each <h1>-<h3> to the next closing
# one. Cutting them out first spares parsing the rest (a catalogue page's table of
# 1,000 rows: most of a preview's quick pass). Where the parser reads text otherwise
# (comments, scripts, styles), the whole page is parsed.
_HEADING = re.compile(r"<h[1-3][\s>/].*?</h[1-3]\s*>", re.S | re.I)
_RAW_TEXT = re.compile(r"<!|<script|<style", re.I)


@dataclass
class Heading:
    level: int
    id: str
    title: str  # HTML-escaped text, as MkDocs' contents entries hold it
    children: list["Heading"] = field(default_factory=list)


class _Headings(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Heading] = []
        self._open: tuple[int, str] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        ident = dict(attrs).get("id")
        if tag in LEVELS and ident:
            self._open, self._text = (LEVELS[tag], ident), []

    def handle_endtag(self, tag):
        if self._open and LEVELS.get(tag) == self._open[0]:
            title = " ".join("".join(self._text).split())
            self.found.append(Heading(self._open[0], self._open[1], html.escape(title, quote=False)))
            self._open = None

    def handle_data(self, data):
        if self._open:
            self._text.append(data)


def page_headings(page_html: str) -> list[Heading]:
    """The page's h1-h3 headings with an id, each under the nearest higher one before it."""
    parser = _Headings()
    parser.feed(page_html if _RAW_TEXT.search(page_html) else "".join(_HEADING.findall(page_html)))
    parser.close()
    top: list[Heading] = []
    stack: list[Heading] = []
    for heading in parser.found:
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        (stack[-1].children if stack else top).append(heading)
        stack.append(heading)
    return top
