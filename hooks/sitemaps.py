"""MkDocs hook: per-language sitemaps (eucj_bank/open_data/sitemaps.py), once every language is built."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from eucj_bank.copies import build_session
from eucj_bank.open_data.sitemaps import write_sitemaps


@event_priority(-200)  # after static-i18n and Material (-100), which write the sitemap they know
def on_post_build(config):
    if config.plugins["i18n"].building:
        return  # a nested language build; the first build ends after all of them
    if build_session.current().preview is not None:
        return  # a preview's quick pass: the full build that follows writes these
    write_sitemaps(Path(config.site_dir), config.site_url or "")
