"""One search index per language.

Material writes one `search/search_index.json` per build. mkdocs-static-i18n (1.3)
then refills Material's search plugin with the entries of every language and re-runs
it at the end of the first build (even with `reconfigure_search: false`, which only
skips its quadratic duplicate removal), so the final file holds all languages and a
query on /kk/ would return en and ru pages. We split that final index by location
and file each part under its language's root (`/`, `/ru/`, `/kk/`), with locations
relative to that root; the page's `__config.base` points there (overrides/main.html).
Each index also gets the `search_index.js` twin that Material reads over file://,
where fetching a local JSON file is blocked. It holds the resource entries' texts only as
far as their results show them (result_display.for_disk), as a JSON string for JSON.parse:
V8 reads JSON faster than the same data as an object literal (measured in Chromium at
5,000 resources, Russian: 9.3 MB read in 0.15-0.27 s as a literal; 4.6 MB, trimmed, in
0.10-0.14 s as a literal and 0.09-0.10 s through JSON.parse).
"""

from __future__ import annotations

import json
from pathlib import Path

from ..catalogue.vocab import DEFAULT_LANG, LANGS
from .result_display import for_disk

# What lunr does to words, per language. Material drops the trimmer and the stemmer
# unless they are listed. lunr's English trimmer deletes every non-Latin word and its
# Russian one every non-Cyrillic word ("EUCJ", "UNDP" on a Russian page), so those
# languages rely on the separator to split off punctuation; lunr.kk's keeps both scripts.
PIPELINES = {"en": ["stopWordFilter", "stemmer"], "ru": ["stopWordFilter", "stemmer"],
             "kk": ["trimmer", "stopWordFilter", "stemmer"]}


def language_root(site_dir: Path, lang: str) -> Path:
    return site_dir if lang == DEFAULT_LANG else site_dir / lang


def _language_of(location: str) -> str:
    head = location.split("/", 1)[0]
    return head if head in LANGS and head != DEFAULT_LANG else DEFAULT_LANG


def split_index(merged: dict) -> dict[str, dict]:
    """One index per language from the merged one, locations relative to the language root."""
    docs: dict[str, list] = {lang: [] for lang in LANGS}
    for doc in merged.get("docs", []):
        lang = _language_of(doc["location"])
        prefix = "" if lang == DEFAULT_LANG else f"{lang}/"
        docs[lang].append({**doc, "location": doc["location"][len(prefix):]})
    return {lang: {**merged, "config": {**merged.get("config", {}), "lang": [lang], "pipeline": PIPELINES[lang]},
                   "docs": docs[lang]}
            for lang in LANGS}


def write_index(site_dir: Path, lang: str, index: dict) -> None:
    folder = language_root(site_dir, lang) / "search"
    folder.mkdir(parents=True, exist_ok=True)
    # ensure_ascii=False: \uXXXX escapes made Cyrillic text 2.4x larger.
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    (folder / "search_index.json").write_text(data, encoding="utf-8")
    disk = json.dumps(for_disk(index), ensure_ascii=False, separators=(",", ":"))
    # a JS string literal: JSON's, with the two line separators JS did not allow in one before ES2019
    literal = json.dumps(disk, ensure_ascii=False).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    (folder / "search_index.js").write_text(f"{_DISK_PREFIX}{literal}{_DISK_SUFFIX}", encoding="utf-8")


_DISK_PREFIX, _DISK_SUFFIX = "var __index = JSON.parse(", ");\n"


def read_disk_index(text: str) -> dict:
    """The index a search_index.js holds (as `write_index` writes it)."""
    if not (text.startswith(_DISK_PREFIX) and text.endswith(_DISK_SUFFIX)):
        raise ValueError("not a search_index.js written by write_index")
    return json.loads(json.loads(text[len(_DISK_PREFIX):-len(_DISK_SUFFIX)]))
