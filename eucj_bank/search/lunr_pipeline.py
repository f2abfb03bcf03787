"""What the browser does to the text of a search document before indexing it, in Python:
Material's tokenizer and each language's lunr pipeline, as the search worker sets them
up (Material's worker, then our patch, eucj_bank/search/search_worker.js).

- Tokens: Material's `tokenize` (its own, not lunr's): the HTML of a field is cut into
  text sections between tags (`extract`), each section split with the search plugin's
  separator, each piece lowercased.
- Pipelines (index_split.PIPELINES keeps these functions, Material drops the others):
  en: lunr's stop words, lunr.js's Porter stemmer; ru: lunr.ru's stop words and
  Snowball stemmer; kk: lunr.kk's trimmer and stop words, the folded twin of each word
  (search_worker.js), lunr.kk's stemmer (all from eucj_bank.search.kk_stemmer).
  The stemmers are the full-text index's (fulltext.stems), compared with lunr.js under
  node on every word: tests/test_fulltext.py and tests/test_search_prebuilt.py.
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path
from typing import Callable

from . import kk_stemmer, query_normaliser
from .fulltext import stems

# JavaScript's \s (ECMAScript WhiteSpace and LineTerminator); Python's differs (\x1c-\x1f, \ufeff).
_JS_SPACE = "\t\n\x0b\x0c\r \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"


def js_separator(pattern: str) -> re.Pattern:
    """The search plugin's separator (a JS regular expression) for Python's re."""
    out, in_class, i = [], False, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            pair = pattern[i:i + 2]
            out.append(_JS_SPACE if pair == "\\s" and in_class else f"[{_JS_SPACE}]" if pair == "\\s" else pair)
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        out.append(ch)
        i += 1
    return re.compile("".join(out))


def text_sections(html: str) -> list[str]:
    """Material's `extract` (integrations/search/internal/extract): the text between tags,
    line by line the same loop (a stray ">" ends a "tag" as it does there)."""
    sections, start, stack, end = [], 0, 0, 0
    while end < len(html):
        ch = html[end]
        if ch == "<" and end > start:
            sections.append(html[start:end])
            start = end
        elif ch == ">":
            if html[start + 1:start + 2] == "/":
                stack -= 1
            elif html[end - 1:end] != "/":
                stack += 1
            start = end + 1
        end += 1
    if end > start:
        sections.append(html[start:end])
    return sections


def tokenize(value: str | list[str] | None, separator: re.Pattern) -> list[str]:
    """Material's `tokenize`: the lowercased tokens of a field (a string or a list of them)."""
    if value is None:
        return []
    tokens = []
    for text in value if isinstance(value, list) else [value]:
        for section in text_sections(text):
            index = 0
            for match in separator.finditer(section):
                if index < match.start():
                    tokens.append(section[index:match.start()].lower())
                index = match.end()
            if index < len(section):
                tokens.append(section[index:].lower())
    return tokens


def material_lunr_modules() -> Path:
    """The lunr-languages modules of the installed Material theme."""
    spec = importlib.util.find_spec("material")  # found, not imported: the theme is MkDocs' layer
    if spec is None or spec.origin is None:
        raise RuntimeError("mkdocs-material is not installed: run `make test-deps`")
    return Path(spec.origin).parent / "templates" / "assets" / "javascripts" / "lunr" / "min"


@lru_cache(maxsize=None)
def stop_words(lang: str, lunr_modules: Path) -> frozenset[str]:
    if lang == "en":
        from lunr.stop_word_filter import WORDS  # lunr.py's copy of lunr.js's list

        return frozenset(WORDS)
    if lang == "kk":
        return frozenset(kk_stemmer.STOP_WORDS)
    # lunr.ru.min.js as Material ships it: the list is one space-separated string there.
    code = (lunr_modules / f"lunr.{lang}.min.js").read_text("utf-8")
    found = re.search(r'generateStopWordFilter\("([^"]*)"\.split\(" "\)\)', code)
    if not found:
        raise RuntimeError(f"no stop words found in {lunr_modules / f'lunr.{lang}.min.js'}")
    return frozenset(found.group(1).split(" "))


# lunr.ru's Snowball (Oleg Mazko's 2010 port) knows ё as no vowel and in no ending, so
# «отчёт» stays «отчёт»; Python's Snowball (3.x) reads ё as е first («отчет»). A letter
# that is no vowel and in no ending stands for ё while Python's stemmer runs.
_KEEP_YO = "\ue000"


def pipeline(lang: str, lunr_modules: Path) -> Callable[[str], list[str]]:
    """One token in, its index terms out (none for a stop word), memoised per word.
    `lunr_modules`: the lunr-languages modules Material ships (its stop words for ru)."""
    stop = stop_words(lang, lunr_modules)
    memo: dict[str, list[str]] = {}

    def run_en_ru(token: str) -> list[str]:
        if token in stop:
            return []
        if lang == "ru" and "ё" in token and _KEEP_YO not in token:
            return [stems(token.replace("ё", _KEEP_YO), lang)[0].replace(_KEEP_YO, "ё")]
        return [stems(token, lang)[0]]

    def run_kk(token: str) -> list[str]:
        word = kk_stemmer.trim(token)
        if not word or word in stop:
            return []
        folded = query_normaliser.fold(word)
        # stems() is stem(trim(word)) with a cache the full-text index shares (trim is idempotent)
        out = list(stems(word, "kk"))
        return out if folded == word else out + list(stems(folded, "kk"))

    run = run_kk if lang == "kk" else run_en_ru

    def cached(token: str) -> list[str]:
        got = memo.get(token)
        if got is None:
            got = memo[token] = run(token)
        return got

    return cached
