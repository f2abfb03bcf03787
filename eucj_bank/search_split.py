"""One search index per language.

Material writes one `search/search_index.json` per build and mkdocs-static-i18n
would merge all languages into it (a query on /kk/ then returns en and ru pages).
With its merging switched off, each language build's index holds that language's
pages only; we file it under the language's own root (`/`, `/ru/`, `/kk/`), with
locations relative to that root, and the page's `__config.base` points there
(overrides/main.html). Each index also gets the `search_index.js` twin that
Material reads over file://, where fetching a local JSON file is blocked.
"""

from __future__ import annotations

import json
from pathlib import Path

from .vocab import DEFAULT_LANG


def language_root(site_dir: Path, lang: str) -> Path:
    return site_dir if lang == DEFAULT_LANG else site_dir / lang


def language_index(index: dict, lang: str) -> dict:
    """The index of one language build, with locations relative to its root."""
    prefix = "" if lang == DEFAULT_LANG else f"{lang}/"
    docs = []
    for doc in index.get("docs", []):
        location = doc["location"]
        if prefix and location.startswith(prefix):
            location = location[len(prefix):]
        docs.append({**doc, "location": location})
    config = {**index.get("config", {}), "lang": [lang]}
    return {**index, "config": config, "docs": docs}


def write_index(site_dir: Path, lang: str, index: dict) -> None:
    folder = language_root(site_dir, lang) / "search"
    folder.mkdir(parents=True, exist_ok=True)
    # ensure_ascii=False: \uXXXX escapes made Cyrillic text 2.4x larger.
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    (folder / "search_index.json").write_text(data, encoding="utf-8")
    (folder / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")
