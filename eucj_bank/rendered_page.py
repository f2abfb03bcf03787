"""A generated page as the build uses it: metadata, final HTML, and its own search entries.

Generated pages (resource, catalogue, browse) are HTML from end to end: every value is
escaped where it is written (eucj_bank.text). Passing that HTML through Markdown only
re-parsed it (Python-Markdown's raw-HTML extraction and md_in_html), and Material's
search plugin parsed it once more to cut it into sections: at 1,000 resources x 3
languages those two parsers were 70% of the build. So the build hands MkDocs the front
matter and any real Markdown (a resource's own text), puts the HTML in front of the
converted Markdown (hooks/i18n_adapter.py), and indexes the page from the entries
written here, which also index what a reader searches for (title, summary, facets,
file names) and not the page's furniture (breadcrumbs, related titles, citation).
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field

from .text import escape


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

    def source(self) -> str:
        """What MkDocs reads: the front matter and the Markdown part only. Material's
        search skips the page (search.exclude); the hook indexes `search` instead."""
        return front_matter({**self.meta, "search": {"exclude": True}}) + self.markdown

    def as_markdown(self) -> str:
        """The whole page as one Markdown source, as a plain MkDocs project would hold
        it (the naive configuration of the benchmark)."""
        return front_matter(self.meta) + self.html + "\n\n" + self.markdown


def front_matter(meta: dict) -> str:
    # JSON values are valid YAML: no editor text can break the front matter.
    lines = ["---"]
    for key, value in meta.items():
        if key in ("title", "description"):
            value = escape(value)
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(lines + ["---", ""]) + "\n"
