"""MkDocs hook: put the "recently added" list on each language's home page.

The home pages are hand-written (docs/<lang>/index.md); the list comes from the
catalogue at build time (eucj_bank.site.recent), where the page holds its marker line.
"""

from __future__ import annotations

from eucj_bank.catalogue.vocab import LANGS
from eucj_bank.copies import build_session
from eucj_bank.site.recent import insert_recently_added


def on_page_markdown(markdown, page, config, files):
    # static-i18n keeps the language folder in src_uri: "ru/index.md".
    lang, _, name = page.file.src_uri.partition("/")
    if name != "index.md" or lang not in LANGS:
        return markdown
    return insert_recently_added(markdown, build_session.current().catalogue, lang)
