"""MkDocs hook: Material's bundle loads its polyfill locally, never from a CDN
(eucj_bank/copies/material_bundle.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from eucj_bank.copies import build_session
from eucj_bank.copies.material_bundle import write_local_bundles


@event_priority(-200)  # after Material copied its assets; before the manifest (-1000)
def on_post_build(config):
    if config.plugins["i18n"].building:
        return  # a nested language build; the first build ends after all of them
    if build_session.current().preview is not None:
        return  # a preview's quick pass copies no theme files: the bundle is already local
    write_local_bundles(Path(config.site_dir))
