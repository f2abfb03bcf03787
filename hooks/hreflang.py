"""MkDocs hook: hreflang links absolute with a base URL, absent without (eucj_bank/site/hreflang.py)."""

from __future__ import annotations

from eucj_bank.site.hreflang import hreflang_links


def on_post_page(output, page, config):
    return hreflang_links(output, page.url, config.site_url or "")
