"""The query normaliser: what a typed query may have meant, in one place.

People in Kazakhstan type Russian with the English keyboard layout on (`ghj,fwbz` for
пробация), Kazakh in Latin script (the 2021 and 2018 alphabets with diacritics, the
2017 one with apostrophes, and informal transliteration such as `probatsiia qyzmeti`),
and Kazakh without its special letters (`кылмыстык`). `alternatives(query, lang)` lists
the readings of a query worth trying on a page of `lang`, the typed one first; the
search worker (search_worker.js) keeps the first reading whose words the index knows.
`fold` maps the Kazakh special letters to their Russian look-alikes; the Kazakh index
holds a folded twin of each term (lunr_kk_template.js), so a folded query matches.

This is the Python twin: `js_tables()` feeds the shipped JS (query_normaliser_template.js,
rendered into the search worker by worker_patch.py), and tests/data/query_vectors.json
runs against both. The JS `eucjQuery.normalise(query, lang)` is the one function other
searches (full text) call.
"""

from __future__ import annotations

import re
import unicodedata

# Keys of the US layout -> the letters of the Russian (ЙЦУКЕН) layout on the same keys.
_EN_KEYS = "`qwertyuiop[]asdfghjkl;'zxcvbnm,./"
_RU_KEYS = "ёйцукенгшщзхъфывапролджэячсмитьбю."
EN_TO_RU = dict(zip(_EN_KEYS, _RU_KEYS))
# The Kazakh layout (KZ, Windows and phones) is the Russian one with the nine Kazakh
# letters on the digit row: 2 ә, 3 і, 4 ң, 5 ғ, 8 ү, 9 ұ, 0 қ, - ө, = һ.
EN_TO_KK = {**EN_TO_RU, "2": "ә", "3": "і", "4": "ң", "5": "ғ", "8": "ү", "9": "ұ", "0": "қ", "-": "ө", "=": "һ"}
RU_TO_EN = {ru: en for en, ru in EN_TO_RU.items() if ru != "."}

# Kazakh Latin -> Cyrillic, longest sequence first: the 2021/2018 alphabets (á ǵ ı ń ó ú ū ý,
# with ä ğ ñ ö ü ş ç of the Turkic-style drafts), the 2017 apostrophe alphabet (a' g' n'
# o' u' y' i' s' c'), digraphs (sh, ch, zh) and informal transliteration (ts, iia, ya, yu).
KK_LATIN = {
    "shch": "щ", "iia": "ия", "iya": "ия",
    "sh": "ш", "ch": "ч", "zh": "ж", "kh": "х", "ts": "ц", "ya": "я", "yu": "ю", "yo": "ё",
    "a'": "ә", "g'": "ғ", "n'": "ң", "o'": "ө", "u'": "ү", "y'": "ұ", "i'": "й", "s'": "ш", "c'": "ч",
    "á": "ә", "ä": "ә", "ǵ": "ғ", "ğ": "ғ", "ń": "ң", "ñ": "ң", "ó": "ө", "ö": "ө", "ú": "ү", "ü": "ү",
    "ū": "ұ", "ý": "ұ", "ı": "ы", "ş": "ш", "ç": "ч",
    "a": "а", "b": "б", "c": "с", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "i": "і", "j": "ж",
    "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "қ", "r": "р", "s": "с", "t": "т",
    "u": "у", "v": "в", "w": "у", "x": "х", "y": "ы", "z": "з",
}
# Russian in Latin letters, as typed in messages (BGN/ISO-like, informal).
RU_LATIN = {
    "shch": "щ", "iia": "ия", "iya": "ия", "iy": "ий", "yy": "ый",
    "sh": "ш", "ch": "ч", "zh": "ж", "kh": "х", "ts": "ц", "ya": "я", "ia": "я", "yu": "ю", "iu": "ю",
    "yo": "ё", "ye": "е",
    "a": "а", "b": "б", "c": "ц", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и", "j": "й",
    "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "к", "r": "р", "s": "с", "t": "т",
    "u": "у", "v": "в", "w": "в", "x": "кс", "y": "ы", "z": "з", "'": "ь",
}
# Kazakh special letters -> the letters typed without them (a Russian keyboard or phone).
FOLD = {"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и"}

LATIN = "a-zá-ÿğıńñşūǵ"
_HAS_LATIN = re.compile(f"[{LATIN}]")
_HAS_CYRILLIC = re.compile("[а-яёәғқңөұүһі]")
_HAS_LETTER = re.compile(f"[{LATIN}а-яёәғқңөұүһі]")


def clean(query: str) -> str:
    """NFC, lower case, one space between words."""
    return " ".join(unicodedata.normalize("NFC", query).lower().split())


def replace_longest(text: str, table: dict[str, str]) -> str:
    """Left to right, the longest sequence of `table` at each position; other characters stay."""
    longest = max(map(len, table))
    out, i = [], 0
    while i < len(text):
        for size in range(min(longest, len(text) - i), 0, -1):
            piece = text[i:i + size]
            if piece in table:
                out.append(table[piece])
                i += size
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _per_word(query: str, table: dict[str, str], pattern: re.Pattern) -> str:
    """`table` applied to each word that has a letter matching `pattern`; numbers stay numbers."""
    return " ".join(replace_longest(w, table) if pattern.search(w) else w for w in query.split(" "))


def layout(query: str, table: dict[str, str]) -> str:
    words = clean(query).split(" ")
    return " ".join(replace_longest(w, table) if _HAS_LETTER.search(w) else w for w in words)


def fold(text: str) -> str:
    return "".join(FOLD.get(c, c) for c in text)


def alternatives(query: str, lang: str) -> list[tuple[str, str]]:
    """The readings of `query` to try on a page of `lang`, as (kind, text), typed first."""
    typed = clean(query)
    found = [("typed", typed)]
    if lang in ("ru", "kk") and _HAS_LATIN.search(typed):
        found.append(("layout", layout(typed, EN_TO_KK if lang == "kk" else EN_TO_RU)))
        found.append(("latin", _per_word(typed, KK_LATIN if lang == "kk" else RU_LATIN, _HAS_LATIN)))
    elif lang == "en" and _HAS_CYRILLIC.search(typed):
        found.append(("layout", layout(typed, RU_TO_EN)))
    seen, unique = set(), []
    for kind, text in found:
        if text and text not in seen:
            seen.add(text)
            unique.append((kind, text))
    return unique


def js_tables() -> dict:
    """The tables the JS twin needs (query_normaliser_template.js)."""
    return {"enToRu": EN_TO_RU, "enToKk": EN_TO_KK, "ruToEn": RU_TO_EN, "kkLatin": KK_LATIN,
            "ruLatin": RU_LATIN, "fold": FOLD, "latin": LATIN}
