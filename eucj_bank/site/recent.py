"""The "recently added" list of the home pages.

An entry's `added` is the day it joined the bank; entries without it belong to the
first import and count as older than any dated one. When no entry has `added`, the
list says what it really is: the newest documents, by their own date.
"""

from __future__ import annotations

from ..catalogue.model import Catalogue, Resource
from ..catalogue.text import escape
from ..catalogue.vocab import label
from .ui import t

# A line the hand-written home page may hold where the list belongs; without it the
# list goes at the end of the page.
MARKER = "<!-- eucj:recently-added -->"
LIMIT = 6


def recently_added(catalogue: Catalogue, limit: int = LIMIT) -> list[Resource]:
    by_title = sorted(catalogue.resources, key=lambda r: r.id)
    return sorted(by_title, key=lambda r: (r.added or "", r.date), reverse=True)[:limit]


def render_recently_added(catalogue: Catalogue, lang: str) -> str:
    """The list as HTML for a page at the language root (links are relative to it)."""
    shown = recently_added(catalogue)
    if not shown:
        return ""
    heading = t("recently_added_heading" if any(r.added for r in shown) else "newest_heading", lang)
    items = []
    for res in shown:
        title, used = res.title.get(lang)
        when = t("added_on", lang, date=res.added) if res.added else res.date
        kind = escape(label("types", res.type, lang))
        items.append(f'<li><a href="resources/{res.id}.html" lang="{used}">{escape(title)}</a> '
                     f'<span class="eucj-file-meta">{kind} · {escape(when)}</span></li>')
    return (f'<section class="eucj-recent" aria-labelledby="recently-added">'
            f'<h2 id="recently-added">{escape(heading)}</h2><ul>{"".join(items)}</ul>'
            f'<p><a href="catalogue.html">{escape(t("all_resources_link", lang))}</a></p></section>')


def insert_recently_added(markdown: str, catalogue: Catalogue, lang: str) -> str:
    block = render_recently_added(catalogue, lang)
    if MARKER in markdown:
        return markdown.replace(MARKER, block)
    return f"{markdown.rstrip()}\n\n{block}\n" if block else markdown
