"""MkDocs hook: what mkdocs-static-i18n (1.3) needs from us.

1. It re-creates every File from `src_path` and `docs_dir`, which drops the in-memory
   content of generated files; after it ran (priority -110 < its -100) we render the
   pages of this build's language (only these) and give MkDocs their Markdown part.
   Their metadata and HTML join in hooks/generated_html.py.
2. At the very end of the first build it writes one search index merging all
   languages; we split it and file each language's part under that language's root
   (eucj_bank.search.index_split), with its lunr index built here
   (eucj_bank.search.lunr_index) for the worker to load. Priority -200: after static-i18n
   and the offline plugin (both -100), which would otherwise overwrite our files. A
   preview's quick pass (scripts/serve.py) builds some pages only: their entries replace
   theirs in the indexes served until then (eucj_bank.copies.preview_plan.patch_language_index),
   and the browser builds that index itself (prebuilding would cost the quick pass seconds;
   the full build that follows ships it prebuilt).
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority

from eucj_bank.catalogue.vocab import LANGS
from eucj_bank.copies import build_session
from eucj_bank.copies.preview_plan import patch_language_index
from eucj_bank.search.index_split import language_root, split_index, write_index
from eucj_bank.search.lunr_index import CACHE_DIR as LUNR_CACHE
from eucj_bank.search.lunr_index import with_prebuilt, without_prebuilt
from eucj_bank.search.lunr_pipeline import material_lunr_modules

LUNR_MODULES = material_lunr_modules()
_served: dict[str, dict] = {}  # a quick pass: each language's index before it


@event_priority(-110)
def on_files(files, config):
    session = build_session.current()
    session.rendered.clear()
    for file in files:
        render = session.pages.get(file.src_uri)
        if render is not None:
            page = session.rendered[file.src_uri] = render()
            file.content_string = page.markdown
    return files


def on_pre_build(config):
    if config.plugins["i18n"].building or build_session.current().preview is None:
        return
    for lang in LANGS:
        index = language_root(Path(config.site_dir), lang) / "search" / "search_index.json"
        _served[lang] = json.loads(index.read_text(encoding="utf-8"))


@event_priority(-200)
def on_post_build(config):
    if config.plugins["i18n"].building:
        return  # a nested language build: the merged index comes at the end of the first
    site_dir = Path(config.site_dir)
    merged = site_dir / "search" / "search_index.json"
    if not merged.is_file():
        return
    plan = build_session.current().preview
    for lang, index in split_index(json.loads(merged.read_text(encoding="utf-8"))).items():
        if plan is None:
            write_index(site_dir, lang, with_prebuilt(index, LUNR_MODULES, build_session.current().root / LUNR_CACHE))
        else:
            write_index(site_dir, lang, without_prebuilt(patch_language_index(_served[lang], index, plan, lang)))
