"""MkDocs hook: copy the resources' files into the site, once for all languages."""

from __future__ import annotations

from pathlib import Path

from eucj_bank.copies import build_session
from eucj_bank.copies.site_files import copy_resource_files


def on_post_build(config):
    session = build_session.current()
    copy_resource_files(session.copied_catalogue(), session.root, Path(config.site_dir))
