"""MkDocs hook: write each language's catalogue-data.js, read by the catalogue filters.

Once, at the end of the first build (static-i18n has built the other languages
inside it by then); the data comes from the build session's published catalogue.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from eucj_bank.copies import build_session
from eucj_bank.site.catalogue_filters import write_catalogue_data


@event_priority(-200)
def on_post_build(config):
    if config.plugins["i18n"].building:
        return
    write_catalogue_data(Path(config.site_dir), build_session.current().catalogue)
