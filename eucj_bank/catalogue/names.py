"""Names of authors in each language.

An author in the catalogue is a key of the `authors` vocabulary (vocabularies.yaml:
organisations and people, each with its name in en, ru and kk), or a name written out,
which is shown as written in every language. A value written like a key (lowercase,
digits, hyphens) must be in the vocabulary: validate.py reports it where it stands.

`author_names(res, lang)` is what every page, citation and export uses.
"""

from __future__ import annotations

import re

from .model import ID_PATTERN, Resource
from .vocab import label, terms, vocabularies

VOCAB = "authors"
_KEY = re.compile(ID_PATTERN)


def is_term_like(value: str) -> bool:
    """Written like a vocabulary key: it must then be one (validate.py)."""
    return bool(_KEY.match(value))


def author_name(value: str, lang: str) -> str:
    """One author's name in `lang`: the vocabulary's label, or the name as written."""
    return label(VOCAB, value, lang) if value in terms(VOCAB) else value


def author_names(res: Resource, lang: str) -> list[str]:
    """The names of `res`'s authors in `lang` ("en", "ru" or "kk"), in catalogue order."""
    return [author_name(value, lang) for value in res.authors]


def is_organisation(value: str) -> bool:
    """True for a vocabulary author marked `kind: organisation`."""
    entry = vocabularies()[VOCAB].get(value)
    return bool(entry) and entry.get("kind") == "organisation"
