"""MkDocs hook: write each language's full-text search files (eucj_bank.search.fulltext).

Once, at the end of the first build, from the text the build session extracted;
before the copy's manifest (-1000) so that it lists them.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from eucj_bank.catalogue.vocab import LANGS
from eucj_bank.copies import build_session
from eucj_bank.search.fulltext import CACHE_DIR, write_all
from eucj_bank.search.lunr_pipeline import material_lunr_modules, stop_words
from eucj_bank.site.ui import t


@event_priority(-200)
def on_post_build(config):
    if config.plugins["i18n"].building:
        return
    if build_session.current().preview is not None:
        return  # a preview's quick pass: the full build that follows writes these
    session = build_session.current()
    ui = {lang: {"heading": t("fulltext_heading", lang)} for lang in LANGS}
    stop = {lang: stop_words(lang, material_lunr_modules()) for lang in LANGS}
    write_all(Path(config.site_dir), session.catalogue, session.texts, ui, stop, cache_dir=session.root / CACHE_DIR)
