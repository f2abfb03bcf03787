"""MkDocs hook: use Material's search worker with inflected queries.

on_config tells the template (overrides/main.html) which worker to swap in the
page's __config; on_post_build writes it (eucj_bank/search/worker_patch.py).
"""

from __future__ import annotations

from pathlib import Path

import material

from eucj_bank.search.worker_patch import OUR_WORKER, material_worker, write_search_worker

THEME_DIR = Path(material.__file__).parent / "templates"


def on_config(config):
    config.extra["search_worker"] = {"material": material_worker(THEME_DIR), "ours": OUR_WORKER}
    return config


def on_post_build(config):
    write_search_worker(Path(config.site_dir), config.extra["search_worker"]["material"])
