"""The controlled vocabularies and the site's languages, read from vocabularies.yaml."""

from __future__ import annotations

import difflib
from functools import cache
from pathlib import Path

import yaml

LANGS = ("en", "ru", "kk")
DEFAULT_LANG = "en"

# When a text is missing in a language, the first of these that has it is shown.
# Kazakh readers read Russian more widely than English, hence kk -> ru first.
FALLBACK = {"en": ("ru", "kk"), "ru": ("en", "kk"), "kk": ("ru", "en")}

VOCAB_FILE = Path(__file__).with_name("vocabularies.yaml")


@cache
def vocabularies() -> dict[str, dict[str, dict]]:
    with open(VOCAB_FILE, encoding="utf-8") as f:
        return yaml.safe_load(f)


def terms(vocab: str) -> list[str]:
    return list(vocabularies()[vocab])


def label(vocab: str, term: str, lang: str) -> str:
    return vocabularies()[vocab][term][lang]


def nearest(vocab: str, value: str) -> str | None:
    """The valid term closest to a misspelt `value`, if any is close."""
    match = difflib.get_close_matches(str(value), terms(vocab), n=1, cutoff=0.5)
    return match[0] if match else None


def format_for_extension(suffix: str) -> str | None:
    for name, spec in vocabularies()["formats"].items():
        if suffix.lower() in spec["extensions"]:
            return name
    return None
