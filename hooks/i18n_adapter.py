"""MkDocs hook: what mkdocs-static-i18n (1.3) needs from us.

1. It re-creates every File from `src_path` and `docs_dir`, which drops the in-memory
   content of generated files; after it ran (priority -110 < its -100) we give the
   files of this build's language their rendered Markdown. Only these are rendered.
2. Its search merging is switched off (`reconfigure_search: false`); each language
   build's index is filed under that language's root (see eucj_bank.search_split),
   before Material's offline plugin (-100) copies the default one into search_index.js.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority

from eucj_bank import build_session
from eucj_bank.search_split import language_index, write_index


def _language(config) -> str:
    return config.plugins["i18n"].current_language


@event_priority(-110)
def on_files(files, config):
    pages = build_session.current().pages
    for file in files:
        render = pages.get(file.src_uri)
        if render is not None:
            file.content_string = render()
    return files


@event_priority(-50)
def on_post_build(config):
    session = build_session.current()
    site_dir = Path(config.site_dir)
    source = site_dir / "search" / "search_index.json"
    if not source.is_file():
        return
    lang = _language(config)
    session.search_indexes[lang] = language_index(json.loads(source.read_text(encoding="utf-8")), lang)
    # Every language build overwrites search/search_index.json: write them all back.
    for code, index in session.search_indexes.items():
        write_index(site_dir, code, index)
