"""MkDocs hook: open data, citation files and feeds (eucj_bank/open_data/exports.py,
citation_exports.py, feeds.py), once per build."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from eucj_bank.copies import build_session
from eucj_bank.open_data.citation_exports import write_citation_files
from eucj_bank.open_data.exports import write_open_data
from eucj_bank.open_data.feeds import write_feeds
from eucj_bank.site.citation import publisher_names


@event_priority(-200)
def on_post_build(config):
    if config.plugins["i18n"].building:
        return  # nested language builds; the first build ends after all of them
    catalogue, site_dir = build_session.current().catalogue, Path(config.site_dir)
    write_open_data(catalogue, site_dir, config.site_url or "")
    write_citation_files(catalogue, site_dir, publisher_names(), config.site_url or "")
    write_feeds(catalogue, site_dir, config.site_url or "")
