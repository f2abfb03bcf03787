"""A resource's own Markdown text, rendered as data.

The file comes from an editor's pull request, so it never goes through MkDocs: MkDocs'
Markdown passes raw HTML through, follows pymdownx.snippets' `--8<--` includes
(any file of the repository, internal ones too) and md_in_html. Here Python-Markdown
renders it with a fixed set of extensions that read nothing but the text (no
snippets, no md_in_html), and the result goes through the one sanitiser
(eucj_bank.catalogue.safe_html): raw HTML, `javascript:` links and event attributes
are gone before the HTML reaches the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import markdown

from ..catalogue.safe_html import sanitise_html

# mkdocs.yml's extensions for the hand-written pages, less snippets and md_in_html.
_EXTENSIONS = ["admonition", "attr_list", "tables", "toc", "pymdownx.details", "pymdownx.superfences"]
_CONFIG = {"toc": {"permalink": False}}


@dataclass(frozen=True)
class ResourceText:
    html: str  # sanitised
    toc: list  # Python-Markdown's toc_tokens: the page's table of contents (MkDocs get_toc)


def render_resource_text(text: str) -> ResourceText:
    """Render `text` with its headings pushed two levels down (the page's own h1 and h2 come first)."""
    if not text.strip():
        return ResourceText("", [])
    text = re.sub(r"^(#{1,4}) ", lambda m: "#" * (len(m.group(1)) + 2) + " ", text, flags=re.M)
    md = markdown.Markdown(extensions=_EXTENSIONS, extension_configs=_CONFIG)
    html = md.convert(text)
    return ResourceText(sanitise_html(html), _safe_toc(md.toc_tokens))


def _safe_toc(tokens: list) -> list:
    """The toc tokens with their names as plain text (MkDocs shows `name` as HTML)."""
    from html import escape, unescape

    return [{**t, "name": escape(unescape(re.sub(r"<[^>]*>", "", t["name"]))),
             "html": escape(unescape(re.sub(r"<[^>]*>", "", t.get("html", t["name"])))),
             "children": _safe_toc(t["children"])} for t in tokens]
