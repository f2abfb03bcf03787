"""MkDocs hook: Material's search with our query handling.

on_config tells the template (overrides/main.html) which worker to swap in the
page's __config; on_post_build writes that worker (eucj_bank/search/worker_patch.py)
the page-side script with its strings in the three languages, and the normaliser
and thesaurus for the full-text search on the page.
"""

from __future__ import annotations

from pathlib import Path

import material

from eucj_bank.catalogue.vocab import LANGS
from eucj_bank.search.worker_patch import (
    OUR_WORKER,
    PAGE_SCRIPT,
    material_worker,
    write_page_script,
    write_query_script,
    write_search_worker,
)
from eucj_bank.site.ui import t

THEME_DIR = Path(material.__file__).parent / "templates"


def on_config(config):
    config.extra["search_worker"] = {"material": material_worker(THEME_DIR), "ours": OUR_WORKER, "page": PAGE_SCRIPT}
    return config


def on_post_build(config):
    site_dir = Path(config.site_dir)
    write_search_worker(site_dir, config.extra["search_worker"]["material"])
    write_query_script(site_dir)
    write_page_script(site_dir, {lang: {"instead": t("search_instead", lang), "didYouMean": t("search_did_you_mean", lang)}
                                 for lang in LANGS})
