"""MkDocs hook: each document's text once, texts/<key>.html at the site root
(eucj_bank/site/text_document.py), and a reading page for it in each UI language,
filled into the shell page MkDocs rendered for each language
(eucj_bank/site/reading_page.py says why).

Priority -150: after static-i18n (-100) has built the other languages inside the
first build, before the sitemaps (-200) and the manifest (-1000) list the pages.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from eucj_bank.catalogue.vocab import LANGS
from eucj_bank.copies import build_session
from eucj_bank.search.index_split import language_root
from eucj_bank.site.page_store import FOLDER as PAGE_STORE
from eucj_bank.site.page_store import PageStore
from eucj_bank.site.reading_page import write_reading_pages
from eucj_bank.site.text_document import write_text_documents


@event_priority(-150)
def on_post_build(config):
    if config.plugins["i18n"].building:
        return
    session = build_session.current()
    store = PageStore(session.root / PAGE_STORE)
    write_text_documents(Path(config.site_dir), session.context.catalogue.resources, session.texts,
                         internal=session.profile.internal, store=store)
    for lang in LANGS:
        write_reading_pages(language_root(Path(config.site_dir), lang), lang, session.reading_context(), store)
    if session.preview is None:  # a quick pass writes a few pages: the store keeps the rest
        store.prune()
