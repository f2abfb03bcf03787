"""MkDocs hook: write each language's propose-data.js, read by the "Propose a resource" form.

Once, at the end of the first build (static-i18n has built the other languages
inside it by then). The ids it lists as taken are the published catalogue's: an
internal resource's id must not appear in a public copy.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from eucj_bank.copies import build_session
from eucj_bank.site.propose_form import write_propose_data


@event_priority(-200)
def on_post_build(config):
    if config.plugins["i18n"].building:
        return
    write_propose_data(Path(config.site_dir), build_session.current().catalogue)
