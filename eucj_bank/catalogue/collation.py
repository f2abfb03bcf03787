"""Alphabetical order in each language, by ICU's collation (PyICU).

Code-point order is not alphabetical: it puts Kazakh Ә, Ғ, Қ, Ң, Ө, Ұ, Ү, Һ, І after Я, and
Russian Ё after Я. ICU carries the CLDR rules of each language (kk: Қ after К, Ө after О,
І after Ы; ru: Ё with Е), so every list the site sorts by name goes through `sort_key`:
browse pages, facet lists of the catalogue, agencies, and titles in the catalogue table.
The browser's filter script sorts with `Intl.Collator(lang)`, which is ICU in Chromium
too, so the page's order and the script's order agree.

Why PyICU from PyPI and not Debian's python3-icu: the venv installs exact versions from
requirements/site.lock on any Python >= 3.11, while python3-icu is built for the system
Python only and would need a venv with --system-site-packages (every system package
leaking into the build). PyICU compiles against the system ICU: it needs libicu-dev,
pkg-config and a C++ compiler (scripts/install_build_system_deps.sh, run by `make site`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from typing import TypeVar

import icu

T = TypeVar("T")


@cache
def _collator(lang: str) -> icu.Collator:
    collator = icu.Collator.createInstance(icu.Locale(lang))
    # Numbers in names compare as numbers ("Module 2" before "Module 10"), as the
    # browser's Intl.Collator(lang, {numeric: true}) does.
    collator.setAttribute(icu.UCollAttribute.NUMERIC_COLLATION, icu.UCollAttributeValue.ON)
    return collator


def sort_key(lang: str) -> Callable[[str], bytes]:
    """A key function that orders texts alphabetically for readers of `lang`."""
    return _collator(lang).getSortKey


def sorted_by_name(items: Iterable[T], lang: str, name: Callable[[T], str] = str) -> list[T]:
    """`items` in the alphabetical order of `name(item)` in `lang`."""
    key = sort_key(lang)
    return sorted(items, key=lambda item: key(name(item)))
