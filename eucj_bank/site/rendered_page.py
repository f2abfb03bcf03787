"""A generated page as the build uses it: metadata, final HTML, and its own search entries.

Generated pages (resource, catalogue, browse) are HTML from end to end: every value is
escaped where it is written (eucj_bank.text). Passing that HTML through Markdown only
re-parsed it (Python-Markdown's raw-HTML extraction and md_in_html), and Material's
search plugin parsed it once more to cut it into sections: at 1,000 resources x 3
languages those two parsers were 70% of the build. So the build hands MkDocs only the
real Markdown (a resource's own text), sets the metadata, puts the HTML in front of
the converted Markdown and indexes the page from the entries written here
(hooks/i18n_adapter.py, hooks/generated_html.py). The entries index what a reader
searches for (title, summary, facets, file names), not the page's furniture
(breadcrumbs, related titles, citation).
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field

from ..catalogue.text import escape


@dataclass(frozen=True)
class SearchEntry:
    anchor: str  # "" for the page itself, else the id of its section
    title: str  # plain text
    text: str  # HTML (escaped text with p, ul, li... as Material's index keeps them)

    def index_entry(self, page_url: str) -> dict:
        """The entry as Material's search index holds it. Material's parser escapes
        text with quote=False and its UI shows title and text as HTML: so here."""
        return {"location": page_url + (f"#{self.anchor}" if self.anchor else ""),
                "title": html.escape(self.title, quote=False),
                "text": self.text.replace("&quot;", '"').replace("&#x27;", "'")}


@dataclass
class RenderedPage:
    meta: dict  # front matter: title, description, scripts, ...
    html: str  # the page body, final HTML
    markdown: str = ""  # Markdown shown after the HTML (a resource's own text)
    search: list[SearchEntry] = field(default_factory=list)
    # The id and title of the HTML heading above the Markdown part: its search section
    # until the Markdown's own first heading.
    markdown_heading: tuple[str, str] = ("", "")
    # A resource's own text, rendered and sanitised here (resource_text.py), never by
    # MkDocs: it goes after `html`, is indexed like the Markdown part, and its headings
    # make the page's table of contents (Python-Markdown toc tokens).
    text_html: str = ""
    text_toc: list = field(default_factory=list)

    def page_meta(self) -> dict:
        """The page's metadata, as MkDocs would read it from front matter (set directly:
        PyYAML parsing the JSON-LD of 3,000 pages cost a second). Material's search
        skips the page (search.exclude); the hook indexes `search` instead."""
        return {**_escaped(self.meta), "search": {"exclude": True}}

    def as_markdown(self) -> str:
        """The whole page as one Markdown source, as a plain MkDocs project would hold
        it (the naive configuration of the benchmark)."""
        # JSON values are valid YAML: no editor text can break the front matter.
        lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in _escaped(self.meta).items()]
        return "\n".join(["---", *lines, "---", "", self.html, self.text_html, self.markdown])


def _escaped(meta: dict) -> dict:
    """Title and description are shown by the theme as HTML: escape what an editor typed."""
    return {key: escape(value) if key in ("title", "description") else value for key, value in meta.items()}
