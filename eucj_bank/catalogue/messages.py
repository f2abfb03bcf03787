"""Messages in the editor's language: one function, `_`, and gettext catalogues kept with Babel.

Every sentence an editor reads (validator, build refusals, scaffold, translation status,
copy checks) is written in English in the code as `_("the file {path} does not exist",
path=value)`: the English text is the gettext msgid, a `str.format` template whose
placeholders are filled in after translation (a literal brace is written `{{`), so a
translator sees whole sentences and may reorder them.
The translations live in `locale/{ru,kk}/LC_MESSAGES/eucj_bank.po` (Poedit, Weblate);
`make messages` extracts new msgids and merges them in, `make messages-check` compiles them.

The language is `--lang` when a script is given it (`set_language`), else the first of
LANGUAGE, LC_ALL, LC_MESSAGES, LANG that is set (POSIX order), else English.
We read the .po files themselves (Babel's parser, a few milliseconds) rather than
compiled .mo files: a fresh clone works without a compile step and a translation can
never be stale. Fuzzy and empty entries are not used, as msgfmt does.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

LOCALE_DIR = Path(__file__).with_name("locale")
DOMAIN = "eucj_bank"
LANGUAGES = ("en", "ru", "kk")
ENV_ORDER = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_chosen: str | None = None


def language_from_env(env: dict | None = None) -> str:
    """The editor's language from the locale variables (POSIX order); English by default."""
    env = os.environ if env is None else env
    for name in ENV_ORDER:
        value = env.get(name, "")
        if not value:
            continue
        # LANGUAGE may list several (ru:en); the others hold one locale such as kk_KZ.UTF-8.
        for part in value.split(":") if name == "LANGUAGE" else [value]:
            code = part.split(".")[0].split("@")[0].split("_")[0].lower()
            if code in LANGUAGES:
                return code
        if name != "LANGUAGE":
            return "en"  # the locale in force is another language (C, de_DE...)
    return "en"


def set_language(lang: str | None) -> str:
    """Use `lang` (en, ru or kk) from now on; None: from the environment. Returns the language."""
    global _chosen
    _chosen = lang if lang in LANGUAGES else None
    return language()


def language() -> str:
    return _chosen or language_from_env()


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(lang: str) -> dict[str, str]:
    """msgid -> translated text for `lang` (nothing for English, the source language)."""
    path = po_path(lang)
    if lang == "en" or not path.is_file():
        return {}
    from babel.messages.pofile import read_po  # Babel comes with MkDocs; only needed here

    with open(path, "rb") as f:
        catalog = read_po(f, locale=lang, domain=DOMAIN)
    return {m.id: m.string for m in catalog if m.id and isinstance(m.id, str) and m.string and not m.fuzzy}


def _(message: str, /, **values: object) -> str:
    """`message` in the editor's language, with its {placeholders} filled in from `values`."""
    return translations(language()).get(message, message).format(**values)


def lang_argument(parser) -> None:
    """Add `--lang {en,ru,kk}` to a script's argument parser."""
    parser.add_argument("--lang", choices=LANGUAGES, help=_("language of the messages (default: from LANG)"))
