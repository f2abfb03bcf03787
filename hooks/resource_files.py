"""MkDocs hook: copy the resources' files into the site, once for all languages."""

from __future__ import annotations

from pathlib import Path

from eucj_bank import build_session
from eucj_bank.site_files import copy_resource_files


def on_post_build(config):
    copy_resource_files(build_session.current().catalogue, build_session.current().root, Path(config.site_dir))
