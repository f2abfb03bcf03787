"""The search thesaurus: what a query word also searches, per page language.

The entries live with the controlled vocabularies (eucj_bank/catalogue/vocabularies.yaml,
section `thesaurus`, documented there for editors). `tables()` turns them into what the
search worker looks up: for each language, every word of every entry (in all three
languages, lower case, Kazakh letters folded, as the query is) -> the words to search on a
page of that language (the entry's words in that language and the labels of its terms).
"""

from __future__ import annotations

from ..catalogue.vocab import LANGS, label, vocabularies
from .query_normaliser import clean, fold


class ThesaurusError(ValueError):
    pass


def _check(key: str, entry: object, vocabs: dict) -> list[str]:
    """The vocabulary terms an entry stands for (its own and its `see:`)."""
    where = f"eucj_bank/catalogue/vocabularies.yaml: thesaurus: {key}"
    if not isinstance(entry, dict):
        raise ThesaurusError(f"{where}: expected en, ru and kk lists of words")
    for lang in LANGS:
        words = entry.get(lang)
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise ThesaurusError(f"{where}: '{lang}' must be a list of words (a phrase is one item)")
    unknown = set(entry) - set(LANGS) - {"see"}
    if unknown:
        raise ThesaurusError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}; use en, ru, kk and see")
    terms = [key] if not key.startswith("concepts/") else []
    terms += entry.get("see") or []
    for term in terms:
        vocab, _, name = str(term).partition("/")
        if name not in vocabs.get(vocab, {}) or vocab == "thesaurus":
            raise ThesaurusError(f"{where}: '{term}' is no term of the vocabularies (write <vocabulary>/<term>,"
                                 " or concepts/<name> for a concept of its own)")
    return terms


def key(word: str) -> str:
    """How a word is looked up: as the worker sees a query (normalised, folded)."""
    return fold(clean(word))


def tables() -> dict[str, dict[str, list[str]]]:
    vocabs = vocabularies()
    out: dict[str, dict[str, list[str]]] = {lang: {} for lang in LANGS}
    for name, entry in (vocabs.get("thesaurus") or {}).items():
        terms = _check(name, entry, vocabs)
        keys = {key(w) for lang in LANGS for w in entry[lang]}
        for lang in LANGS:
            labels = [label(*t.split("/", 1), lang) for t in terms]
            expansion = list(dict.fromkeys(clean(w) for w in labels + entry[lang]))
            for k in sorted(keys):
                out[lang].setdefault(k, [])
                out[lang][k] = list(dict.fromkeys(out[lang][k] + expansion))
    return out
