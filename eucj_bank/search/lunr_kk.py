"""Render lunr.kk.min.js: the JS algorithm (lunr_kk_template.js) with kk_stemmer's tables."""

from __future__ import annotations

import json
from pathlib import Path

from .kk_stemmer import js_tables

OUTPUT = "overrides/assets/javascripts/lunr/min/lunr.kk.min.js"
TEMPLATE = Path(__file__).with_name("lunr_kk_template.js")


def render_lunr_kk() -> str:
    tables = json.dumps(js_tables(), ensure_ascii=False, sort_keys=True)
    return TEMPLATE.read_text(encoding="utf-8").replace("/*TABLES*/ null", tables)
