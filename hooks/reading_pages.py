"""MkDocs hook: a reading page for every document, filled into the shell page MkDocs
rendered for each language (eucj_bank/site/reading_page.py says why).

Priority -150: after static-i18n (-100) has built the other languages inside the
first build, before the sitemaps (-200) and the manifest (-1000) list the pages.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from eucj_bank.catalogue.vocab import LANGS
from eucj_bank.copies import build_session
from eucj_bank.search.index_split import language_root
from eucj_bank.site.reading_page import write_reading_pages


@event_priority(-150)
def on_post_build(config):
    if config.plugins["i18n"].building:
        return
    session = build_session.current()
    for lang in LANGS:
        write_reading_pages(language_root(Path(config.site_dir), lang), lang, session.reading_context())
