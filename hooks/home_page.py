"""MkDocs hook: put the "recently added" list on each language's home page.

The home pages are hand-written (docs/<lang>/index.md); the list comes from the
catalogue at build time (eucj_bank.site.recent), where the page holds its marker line.
In the navigation the home page is "Home" in its language: its heading is the bank's
name, which the sidebar already shows above the list (the bank was named twice). The
browser tab keeps the bank's name (overrides/main.html, block htmltitle).
"""

from __future__ import annotations

from eucj_bank.catalogue.vocab import LANGS
from eucj_bank.copies import build_session
from eucj_bank.site.recent import insert_recently_added
from eucj_bank.site.ui import t


def on_page_markdown(markdown, page, config, files):
    # static-i18n keeps the language folder in src_uri: "ru/index.md".
    lang, _, name = page.file.src_uri.partition("/")
    if name != "index.md" or lang not in LANGS:
        return markdown
    # MkDocs' Page.title is a weak property: a value set here wins over the page's h1,
    # and every page is read before any is rendered, so all navigations see it.
    page.title = t("home", lang)
    return insert_recently_added(markdown, build_session.current().catalogue, lang)
