"""Every message an editor can read exists in Russian and Kazakh (eucj_bank/catalogue/messages.py).

The messages are extracted from the source the way `make messages` does (Babel), so a new
`_("...")` without its translations fails here, not in front of an editor.
"""

from __future__ import annotations

import ast
import string

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from support import ROOT

from eucj_bank.catalogue import messages

SOURCES = ("eucj_bank", "hooks", "scripts")


def _extracted() -> dict[str, str]:
    """msgid -> where it is used, from the source as it is now."""
    found = {}
    for folder in SOURCES:
        for filename, _lineno, message, _comments, _context in extract_from_dir(
                ROOT / folder, method_map=[("**.py", "python")], keywords={"_": None}):
            if isinstance(message, str):
                found.setdefault(message, f"{folder}/{filename}")
    return found


EXTRACTED = _extracted()


def _catalogue(lang: str):
    with open(messages.po_path(lang), "rb") as f:
        return {m.id: m for m in read_po(f, locale=lang) if m.id}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_messages_are_found_in_the_source():
    assert len(EXTRACTED) > 200
    assert "the quote opened on line {line} is not closed" in EXTRACTED


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_every_message_has_a_translation(lang):
    catalogue = _catalogue(lang)
    untranslated = [f"{where}: {msgid!r}" for msgid, where in sorted(EXTRACTED.items())
                    if msgid not in catalogue or not catalogue[msgid].string or catalogue[msgid].fuzzy]
    assert not untranslated, f"run `make messages` and translate in {messages.po_path(lang)}:\n" + \
        "\n".join(untranslated)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_translations_keep_the_placeholders(lang):
    wrong = [(msgid, m.string) for msgid, m in _catalogue(lang).items()
             if msgid in EXTRACTED and m.string and _fields(msgid) != _fields(m.string)]
    assert not wrong


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_translations_are_in_cyrillic_with_typographic_quotes(lang):
    for msgid, m in _catalogue(lang).items():
        words = [w for w in m.string.split() if w.isalpha()]
        if msgid in EXTRACTED and words and all(w.isascii() for w in words) and msgid not in (
                "true or false", "{where}: {message} - {hint}"):
            pytest.fail(f"{lang}: {msgid!r} -> {m.string!r} is not translated")
        assert " - " not in m.string.replace("`- ", ""), (msgid, m.string)  # a spaced dash is " — "


def _calls(tree: ast.AST, path):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_":
            yield node
        if isinstance(node, ast.JoinedStr):  # Babel does not look inside f-strings (Python 3.11)
            for inner in ast.walk(node):
                assert not (isinstance(inner, ast.Call) and getattr(inner.func, "id", "") == "_"), \
                    f"{path}:{inner.lineno}: _() inside an f-string is not extracted; compute it before"


@pytest.mark.parametrize("folder", SOURCES)
def test_messages_are_literal_templates(folder):
    """`_(f"...")` or `_(variable)` cannot be extracted or translated: the message must be a
    literal, with its values passed as keywords."""
    for path in sorted((ROOT / folder).rglob("*.py")):
        for call in _calls(ast.parse(path.read_text("utf-8")), path):
            first = call.args[0] if call.args else None
            assert isinstance(first, ast.Constant) and isinstance(first.value, str) and len(call.args) == 1, \
                f"{path.relative_to(ROOT)}:{call.lineno}: _() takes one literal string and keyword values"


@pytest.mark.parametrize(("env", "lang"), [
    ({}, "en"), ({"LANG": "ru_RU.UTF-8"}, "ru"), ({"LANG": "kk_KZ"}, "kk"), ({"LANG": "de_DE.UTF-8"}, "en"),
    ({"LC_ALL": "kk_KZ.UTF-8", "LANG": "ru_RU.UTF-8"}, "kk"), ({"LC_MESSAGES": "ru_RU", "LANG": "kk_KZ"}, "ru"),
    ({"LANGUAGE": "de:kk", "LANG": "ru_RU.UTF-8"}, "kk"), ({"LANGUAGE": "de", "LANG": "ru_RU.UTF-8"}, "ru"),
    ({"LC_ALL": "C", "LANG": "ru_RU.UTF-8"}, "en"),
])
def test_language_from_the_environment(env, lang):
    assert messages.language_from_env(env) == lang


def test_a_message_in_each_language():
    try:
        template = "the quote opened on line {line} is not closed"
        assert messages.set_language("en") == "en"
        assert messages._(template, line=7) == "the quote opened on line 7 is not closed"
        messages.set_language("ru")
        assert messages._(template, line=7) == "кавычка, открытая в строке 7, не закрыта"
        messages.set_language("kk")
        assert messages._(template, line=7) == "7-жолда ашылған тырнақша жабылмаған"
    finally:
        messages.set_language(None)
