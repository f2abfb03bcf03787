"""The bank's terminology (terminology.yaml) and the typography of Russian and Kazakh texts.

`text_problems(text, lang)` names every replaced term a text uses, with the preferred one,
and every spaced hyphen (" - ") where Russian and Kazakh typography want a dash (" — ").
tests/test_terminology.py runs it over every page source, UI string, vocabulary label,
catalogue text and checklist.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

TERMINOLOGY_FILE = Path(__file__).with_name("terminology.yaml")
# A hyphen between spaces, between two words: «Копия - это папка». Not a list's "- "
# at the start of a line, nor a minus written against its number (-5).
SPACED_HYPHEN = re.compile(r"(?<=\S) - (?=\S)")
DASH_LANGS = ("ru", "kk")


@cache
def terminology() -> dict[str, dict[str, dict]]:
    with open(TERMINOLOGY_FILE, encoding="utf-8") as f:
        return yaml.safe_load(f)["concepts"]


def _pattern(term: str) -> re.Pattern[str]:
    words = [re.escape(word).replace(r"\*", r"\w*") for word in term.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


@cache
def _replaced(lang: str) -> list[tuple[re.Pattern[str], str, str]]:
    """(pattern, replaced term, preferred term) for `lang`."""
    out = []
    for concept in terminology().values():
        entry = concept.get(lang, {})
        out += [(_pattern(old), old, entry["preferred"]) for old in entry.get("replaces") or []]
    return out


def text_problems(text: str, lang: str) -> list[str]:
    """What is wrong with `text` in `lang`: replaced terms and spaced hyphens, one line each."""
    problems = [f"«{m.group(0)}» ({old}): write «{preferred}»"
                for pattern, old, preferred in _replaced(lang) for m in pattern.finditer(text)]
    if lang in DASH_LANGS:
        problems += [f"spaced hyphen in «…{text[max(0, m.start() - 20):m.end() + 20]}…»: write a dash « — »"
                     for m in SPACED_HYPHEN.finditer(text)]
    return problems


def markdown_prose(text: str) -> str:
    """A Markdown page without its code (fenced blocks and `inline` spans), which quotes
    commands and messages, not prose; lines stay where they were."""
    out, fenced = [], False
    for line in text.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            out.append("")
            continue
        out.append("" if fenced else re.sub(r"`[^`]*`", "``", line))
    return "\n".join(out)
