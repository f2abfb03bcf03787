"""MkDocs hook: open data, citation files, the OAI-PMH static repository and feeds
(eucj_bank/open_data/exports.py, citation_exports.py, oai_pmh.py, feeds.py), once per build."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from eucj_bank.copies import build_session
from eucj_bank.open_data.citation_exports import write_citation_files
from eucj_bank.open_data.exports import write_open_data
from eucj_bank.open_data.feeds import write_feeds
from eucj_bank.open_data.oai_pmh import write_oai_repository
from eucj_bank.site.citation import publisher_names


@event_priority(-200)
def on_post_build(config):
    if config.plugins["i18n"].building:
        return  # nested language builds; the first build ends after all of them
    if build_session.current().preview is not None:
        return  # a preview's quick pass: the full build that follows writes these
    session, site_dir, site_url = build_session.current(), Path(config.site_dir), config.site_url or ""
    catalogue, contact = session.catalogue, session.profile.contact
    oai = write_oai_repository(catalogue, site_dir, publisher_names(), site_url, contact.email if contact else "")
    write_open_data(catalogue, site_dir, site_url, oai is not None)
    write_citation_files(catalogue, site_dir, publisher_names(), site_url)
    write_feeds(catalogue, site_dir, site_url)
