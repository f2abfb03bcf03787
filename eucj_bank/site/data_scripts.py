"""Data for the site's own scripts, written as one `<script>` file per language.

A script file, not JSON: over file:// Chromium refuses to fetch local files but loads
scripts, so the offline copy works. The data is JSON assigned to a global; "</" is
escaped so that an editor's "</script>" in a title or label could not end a script even
if the data were ever inlined in a page.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from ..catalogue.vocab import LANGS
from ..search.index_split import language_root


def data_script(global_name: str, data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f"window.{global_name} = {text};\n"


def write_language_scripts(site_dir: Path, file_name: str, script_for: Callable[[str], str]) -> None:
    """Write `script_for(lang)` as `file_name` at each language's root."""
    for lang in LANGS:
        folder = language_root(site_dir, lang)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / file_name).write_text(script_for(lang), encoding="utf-8")
