"""MkDocs hook: the contents list of generated pages and home pages lists every section
of the page as shown, not only its Markdown part (eucj_bank/site/page_toc.py)."""

from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs.structure.toc import AnchorLink, TableOfContents

from eucj_bank.copies import build_session
from eucj_bank.site.page_toc import page_headings


def _link(heading) -> AnchorLink:
    link = AnchorLink(heading.title, heading.id, heading.level)
    link.children = [_link(child) for child in heading.children]
    return link


@event_priority(-50)  # after generated_html.py and home_page.py put the page together
def on_page_content(html, page, config, files):
    generated = page.file.src_uri in build_session.current().rendered
    if generated or page.file.src_uri.endswith("/index.md") and page.file.src_uri.count("/") == 1:
        page.toc = TableOfContents([_link(h) for h in page_headings(html)])
    return html
