"""MkDocs hook: the metadata, HTML and search entries of the generated pages.

MkDocs converts only their Markdown part (a resource's own text; see
eucj_bank.site.rendered_page for why): the rendered HTML goes in front of it, and the
page is indexed from its own entries, plus the sections of that Markdown part cut
by Material's own search parser, as Material would have cut them.
"""

from __future__ import annotations

from material.plugins.search.plugin import Parser
from mkdocs.plugins import event_priority
from mkdocs.structure.toc import get_toc

from eucj_bank.copies import build_session


@event_priority(100)  # before any other plugin reads the page's metadata
def on_page_markdown(markdown, page, config, files):
    rendered = build_session.current().rendered.get(page.file.src_uri)
    if rendered is not None:
        page.meta = rendered.page_meta()
    return markdown


def on_page_content(html, page, config, files):
    rendered = build_session.current().rendered.get(page.file.src_uri)
    if rendered is None:
        return html
    # the resource's own text (rendered and sanitised by eucj_bank, not MkDocs) and the
    # converted Markdown part, indexed below
    page.eucj_markdown_html = rendered.text_html + html
    if rendered.text_toc:
        page.toc = get_toc(rendered.text_toc)
    return rendered.html + rendered.text_html + html


def on_page_context(context, page, config, nav):
    rendered = build_session.current().rendered.get(page.file.src_uri)
    search = config.plugins.get("material/search")
    if rendered is None or search is None or not search.config.enabled:
        return context
    index = search.search_index
    index.entries.extend(entry.index_entry(page.url) for entry in rendered.search)
    if page.eucj_markdown_html.strip():
        parser = Parser()
        parser.feed(page.eucj_markdown_html)
        parser.close()
        for section in parser.data:
            if not section.id and not section.title:  # text before the Markdown's first heading
                section.id, title = rendered.markdown_heading
                section.title = [title]
            if not section.is_excluded():
                index.create_entry_for_section(section, page.toc, page.url, page)
    return context
