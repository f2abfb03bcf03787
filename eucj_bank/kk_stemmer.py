"""A light stemmer for Kazakh nouns and adjectives: the source of truth for search.

Kazakh nominal inflection stacks suffixes after the stem in a fixed order:

    stem + plural + possessive + case (+ attributive -ДАҒЫ / -НІКІ)
    кітап + тар + ы + нан      "from his books"

We strip them from the end, one slot at a time (attributive, case, possessive,
plural), trying each slot's longer endings first. An ending is removed only where
Kazakh grammar would have put it:

- allomorphs follow the sound they attach to: the genitive is -НЫҢ after a vowel
  or a nasal, -ДЫҢ after a voiced consonant, -ТЫҢ after a voiceless one, and so on
  for every case and the plural (`AFTER` below);
- vowel harmony: a back-vowel ending (а, ы) follows a stem whose last vowel is back
  (а о ұ ы), a front one (е, і) a front stem (ә ө ү і е); loanword vowels (и у э ю я ё)
  accept either;
- a minimum stem: two letters ending in a consonant other than у (ел-де, үй-ге, but
  not ау-дан) or three letters (so күні is күн-і, not кү-ні);
- -стан in place names is the stem's (Қазақстан); the instrumental мен/бен/пен has
  no harmony.

Some endings can be read two ways, and then both stems are indexed, the likelier
first (the site stems a typed query with the first): a final ы/і + н (қызмет-і-н, or
a stem in -ын such as кәсіпорын); -сы after ы/і (соғыс-ы, or үлгі-сі); and the 1st
and 2nd person singular possessives -ым/-ім, -м, -ң, rare in documents and
homographs of common stem endings (келісім, шешім, адам, кезең), so their stripped
reading comes second. A vowel ы/і dropped before a possessive (халқы, аузы, орны)
is put back.

Finally a stem-final б, г, ғ is devoiced to п, к, қ: before a vowel the spelling
voices the stem (кітап -> кітабы, жүрек -> жүрегі), and the index must meet the bare
noun. This is a conflation key, not a dictionary form.

The browser runs the same algorithm: overrides/assets/javascripts/lunr/min/lunr.kk.min.js
is generated from these tables by scripts/build_lunr_kk.py (a test checks it is
up to date), so this module and the JS cannot drift apart.
"""

from __future__ import annotations

import re

VOWELS = "аәеиоөұүыіэюяё"
BACK, FRONT = "аоұыяюё", "әөүіеиэ"  # loanword и, э front; я, ю, ё back (полицияға)
VOICELESS = "кқпстфхцчшщв"
NASAL = "мнң"

MIN_STEM = 3  # letters a stem keeps; one fewer if it ends in a consonant other than у
SECOND_READING_MIN_STEM = 4  # -ым/-ім read as a possessive only on longer stems

# What may precede an ending: "V" a vowel, "N" a nasal (м н ң), "Z" another voiced
# consonant or sonorant (у and й count here: отаудың, үйге), "T" a voiceless consonant,
# "P" the possessive vowel ы/і (the case forms -НА, -НДА, -Н... that follow a 3rd-person possessive), "W" a vowel
# other than ы/і (no stem ends in them before -СЫ or -НЫ: жұмысы is жұмыс-ы).
AFTER = {"V": VOWELS, "W": VOWELS.replace("ы", "").replace("і", ""), "N": NASAL,
         "Z": "бвгғджзйлрһу", "T": VOICELESS, "P": "ыі"}

# Slots in the order they are stripped (from the end of the word). Each entry:
# ending -> the classes of sounds it may follow.
SLOTS: list[dict[str, str]] = [
    {  # attributive: -дағы "the one in", -нікі "the one of"
        "ндағы": "P", "ндегі": "P", "дағы": "VNZ", "дегі": "VNZ", "тағы": "T", "тегі": "T",
        "нікі": "VN", "ныкі": "VN", "дікі": "Z", "дыкі": "Z", "тікі": "T", "тыкі": "T",
    },
    {  # case
        "ның": "VN", "нің": "VN", "дың": "Z", "дің": "Z", "тың": "T", "тің": "T",  # genitive
        "нан": "PN", "нен": "PN", "дан": "VZ", "ден": "VZ", "тан": "T", "тен": "T",  # ablative
        "нда": "P", "нде": "P", "да": "VNZ", "де": "VNZ", "та": "T", "те": "T",  # locative
        "на": "P", "не": "P", "ға": "VNZ", "ге": "VNZ", "қа": "T", "ке": "T",  # dative
        "ны": "W", "ні": "W", "ды": "NZ", "ді": "NZ", "ты": "T", "ті": "T", "н": "P",  # accusative
        "менен": "VNZ", "бенен": "Z", "пенен": "T", "мен": "VNZ", "бен": "Z", "пен": "T",  # instrumental
        # dative after a 1st/2nd person singular possessive, stripped with it (жер-іңе)
        "ыма": "NZT", "іме": "NZT", "ыңа": "NZT", "іңе": "NZT",
    },
    {  # possessive
        "ымыз": "NZT", "іміз": "NZT", "мыз": "V", "міз": "V",
        "ыңыз": "NZT", "іңіз": "NZT", "ңыз": "V", "ңіз": "V",
        "сы": "V", "сі": "V", "ың": "NZT", "ің": "NZT", "ы": "NZT", "і": "NZT",
    },
    {  # plural
        "лар": "V", "лер": "V", "дар": "NZ", "дер": "NZ", "тар": "T", "тер": "T",
    },
]
# лар/лер also follow р, й, у; дар/дер follow л, з, ж: covered by the classes above
# except р й у after which Kazakh writes -лар.
PLURAL_L_AFTER = "рйу"

DEVOICE = {"б": "п", "г": "к", "ғ": "қ"}

# The instrumental does not follow vowel harmony (баламен, үймен).
INVARIABLE = frozenset({"мен", "бен", "пен", "менен", "бенен", "пенен"})
# Word ends that look like an ending but are part of the stem: place names in -стан.
PROTECTED = ("стан",)
# A vowel ы/і between two consonants drops before a vowel-initial ending
# (халық -> халқы, ауыз -> аузы, орын -> орны); it is put back when a stem left by
# the possessive ends in one of these pairs of consonants.
DROPPED_VOWEL_BEFORE = "зқкнр"
DROPPED_VOWEL_AFTER = "улрйх"

STOP_WORDS = frozenset("""
және мен бен пен да де та те ал бірақ немесе не әрі яғни себебі сондықтан өйткені егер
үшін туралы бойынша арқылы сияқты секілді дейін шейін кейін соң бері қарай қарсы бірге
арасында ішінде үстінде астында жанында кезінде
бұл осы сол ол олар біз сіз сен мен өз өзі өзінің барлық әр әрбір кейбір бірнеше
ма ме ба бе па пе ғана қана тек да ғой қой ше шы ші
еді екен болып болды болса болған болады бар жоқ емес
""".split())

_LATIN_I = re.compile(r"(?<=[а-яёәғқңөұүһі])i|i(?=[а-яёәғқңөұүһі])")
_EDGES = re.compile(r"^[^0-9a-zа-яёәғқңөұүһі]+|[^0-9a-zа-яёәғқңөұүһі]+$")


def trim(word: str) -> str:
    """Lowercase, strip punctuation at the edges, read a Latin i in Cyrillic as і."""
    word = word.lower()
    word = _LATIN_I.sub("і", word)
    return _EDGES.sub("", word)


def is_stop_word(word: str) -> bool:
    return word in STOP_WORDS


def _harmony(stem: str) -> str:
    for ch in reversed(stem):
        if ch in BACK:
            return "back"
        if ch in FRONT:
            return "front"
    return "any"


def _suffix_harmony(ending: str) -> str:
    for ch in ending:
        if ch in "аы":
            return "back"
        if ch in "еі":
            return "front"
    return "any"


def _fits(stem: str, ending: str, classes: str) -> bool:
    minimum = MIN_STEM if stem[-1:] in VOWELS + "у" else MIN_STEM - 1
    if len(stem) < minimum or not any(ch in VOWELS for ch in stem):
        return False
    last = stem[-1]
    allowed = "".join(AFTER[c] for c in classes)
    if ending in ("лар", "лер"):
        allowed += PLURAL_L_AFTER
    if last not in allowed:
        return False
    if ending in INVARIABLE:
        return True
    stem_h, end_h = _harmony(stem), _suffix_harmony(ending)
    return stem_h == "any" or end_h == "any" or stem_h == end_h


def _strip_slot(word: str, slot: dict[str, str]) -> str:
    for ending in sorted(slot, key=len, reverse=True):
        if any(word.endswith(p) and p.endswith(ending) for p in PROTECTED):
            continue
        if word.endswith(ending):
            stem = word[: -len(ending)]
            if _fits(stem, ending, slot[ending]):
                return stem
    return word


def _restore_vowel(stem: str) -> str:
    if len(stem) >= 3 and stem[-1] in DROPPED_VOWEL_BEFORE and stem[-2] in DROPPED_VOWEL_AFTER:
        return stem[:-1] + ("ы" if _harmony(stem) == "back" else "і") + stem[-1]
    return stem


# 1st/2nd person singular possessives: indexed as a second reading (see the module doc).
SECOND_READINGS = {"ым": "NZT", "ім": "NZT", "м": "V", "ң": "V"}
CASE, POSSESSIVE = 1, 2


def _finish(word: str) -> str:
    if word and word[-1] in DEVOICE:
        word = word[:-1] + DEVOICE[word[-1]]
    return word


def _readings(word: str, slot_index: int) -> list[str]:
    """The stems `word` may have once the slots from `slot_index` on are stripped,
    likeliest first."""
    if slot_index == len(SLOTS):
        return [_finish(word)]
    slot = SLOTS[slot_index]
    stripped = _strip_slot(word, slot)
    options = [stripped]
    ending = word[len(stripped):]
    if slot_index == CASE and ending == "н":
        options.append(word)  # кәсіпорын, жақын: -ын is the stem's, not the accusative
    if slot_index == POSSESSIVE:
        if ending in ("ы", "і"):
            options[0] = _restore_vowel(stripped)
        if ending in ("сы", "сі") and stripped[-1:] in "ыі":
            options.insert(0, _restore_vowel(word[:-1]))  # соғыс-ы before соғы-сы
        if stripped == word:
            second = _strip_slot(word, SECOND_READINGS)
            if len(second) >= SECOND_READING_MIN_STEM or word[len(second):] in ("м", "ң"):
                options.append(second)
    result: list[str] = []
    for option in dict.fromkeys(options):
        for reading in _readings(option, slot_index + 1):
            if reading not in result:
                result.append(reading)
    return result


def stem(word: str) -> list[str]:
    """The index terms of `word`; the first is its likeliest stem (the site stems
    typed queries with it). Where an ending can be read two ways both stems are
    indexed (see `_readings`)."""
    if len(word) < MIN_STEM:
        return [word]
    return _readings(word, 0)


def js_tables() -> dict:
    """The tables the JS module needs, for scripts/build_lunr_kk.py."""
    return {
        "vowels": VOWELS, "back": BACK, "front": FRONT, "after": AFTER, "slots": SLOTS,
        "pluralLAfter": PLURAL_L_AFTER, "devoice": DEVOICE, "minStem": MIN_STEM,
        "invariable": sorted(INVARIABLE), "protected": list(PROTECTED), "stopWords": sorted(STOP_WORDS),
        "droppedVowelBefore": DROPPED_VOWEL_BEFORE, "droppedVowelAfter": DROPPED_VOWEL_AFTER,
        "secondReadings": SECOND_READINGS, "secondReadingMinStem": SECOND_READING_MIN_STEM,
    }
