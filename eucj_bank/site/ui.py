"""Look up the generated pages' UI strings (ui_strings.yaml)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml


@cache
def strings() -> dict[str, dict[str, object]]:
    with open(Path(__file__).with_name("ui_strings.yaml"), encoding="utf-8") as f:
        return yaml.safe_load(f)


def t(key: str, lang: str, **values: object) -> str:
    text = strings()[key][lang]
    return text.format(**values) if values else text
