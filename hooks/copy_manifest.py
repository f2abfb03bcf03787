"""MkDocs hook: the copy's own files, written last: HOW-TO-OPEN.txt, then SHA256SUMS.txt.

Priority -1000: after every other writer, static-i18n's language builds and the
search split (-200) included, so that the manifest lists the final bytes of every file.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from eucj_bank.copies import build_session
from eucj_bank.copies.manifest import write_manifest
from eucj_bank.copies.packaging import write_how_to_open
from eucj_bank.site.page_store import FOLDER as PAGE_STORE
from eucj_bank.site.page_store import PageStore


@event_priority(-1000)
def on_post_build(config):
    if getattr(config.plugins.get("i18n"), "building", False):
        return  # a nested language build: the first build ends last
    if build_session.current().preview is not None:
        return  # a preview's quick pass: the full build that follows writes these
    site_dir = Path(config.site_dir)
    write_how_to_open(site_dir, build_session.current().profile)
    write_manifest(site_dir, PageStore(build_session.current().root / PAGE_STORE).hashes())
