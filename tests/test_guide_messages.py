"""The contributor guide quotes the checks' messages as they are printed, in its own language.

docs/<lang>/contributing.md, section "Messages from the checks", has tables whose first cell
is one message, in code, as the validator prints it in that language (with the values of an
example entry). Each must still be a message of that language's gettext catalogue: the
English msgids in the source for the en guide, the translations (msgstr of
locale/<lang>/LC_MESSAGES/eucj_bank.po) for ru and kk. A message reworded in the code or
in a catalogue, and not in the guide, fails here. (The sections and tables being parallel
in the three languages is tested in test_propose.py.)
"""

from __future__ import annotations

import re
from functools import cache

import pytest
from babel.messages.pofile import read_po
from support import ROOT
from test_messages import EXTRACTED

from eucj_bank.catalogue import messages

LANGS = ("en", "ru", "kk")
SECTION = "{ #messages-from-the-checks }"
# What every guide must explain: the plain-word YAML errors and the editors' checks.
REQUIRED = (
    "the file starts with an invisible byte-order mark (BOM)",
    "this line is indented with a tab",
    "this line is indented {n} spaces, the lines of this resource use {m}",
    "the quote opened on line {line} is not closed",
    "the quote {quote} inside the text ends the value early",
    "this item of the list has no dash",
    "a value containing ': ' must be in quotes",
    "{value} is written day, month, year ({date})",
    "{field} must be {expected}, not {got}",
    "the file {path} is in the resource's folder but not listed",
    "{field} still holds placeholder text ({text})",
    "{field} names the internal resource '{id}'",
    "the profile has no description: its pages describe it as the full bank",
)


@cache
def templates(lang: str) -> dict[str, str]:
    """msgid -> the message as printed in `lang` (a str.format template), for every message
    the source still uses (extracted as `make messages` does): a msgid left in a catalogue
    after the code stopped using it does not count."""
    if lang == "en":
        return {msgid: msgid for msgid in EXTRACTED}
    with open(messages.po_path(lang), "rb") as f:
        catalog = read_po(f, locale=lang)
    return {m.id: m.string for m in catalog
            if isinstance(m.id, str) and m.id in EXTRACTED and m.string and not m.fuzzy}


def pattern(template: str) -> re.Pattern | None:
    """The lines a template can print: each {placeholder} stands for any value.
    None for a template that is only placeholders and punctuation ("{where}: {message} - {hint}"),
    which would match anything."""
    parts = re.split(r"(\{\{|\}\}|\{[^{}]*\})", template)
    literal = re.sub(r"\{[^{}]*\}", "", template.replace("{{", "").replace("}}", ""))
    if not re.search(r"\w{2}", literal):
        return None
    regex = "".join("\\{" if p == "{{" else "\\}" if p == "}}" else "(.+?)" if p.startswith("{") and p.endswith("}")
                    else re.escape(p) for p in parts)
    return re.compile(regex)


def quoted(lang: str) -> list[tuple[int, str]]:
    """(line number, message) for every row of the message tables of the guide in `lang`."""
    lines = (ROOT / "docs" / lang / "contributing.md").read_text("utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("## ") and line.endswith(SECTION))
    rows = []
    for number, line in enumerate(lines[start + 1:], start + 2):
        if line.startswith("## "):
            break
        if not line.startswith("| ") or line.startswith("| ---"):
            continue
        cell = line[2:].split(" | ")[0]
        if cell in ("message", "сообщение", "хабарлама"):
            continue  # the header row
        code = re.fullmatch(r"(`+) ?(.+?) ?\1", cell)
        assert code, f"docs/{lang}/contributing.md:{number}: the first cell must be the message in `code`: {cell}"
        rows.append((number, code[2]))
    return rows


def matches(lang: str, message: str) -> set[str]:
    """The msgids whose text in `lang` prints `message`."""
    # A field's own check (a date, for one) is printed after the field's name, as
    # `date: <message>` (catalogue/load.py writes the name; it is not translated).
    field = re.fullmatch(r"[\w.\[\]]+: (.+)", message)
    forms = [message, field[1]] if field else [message]
    found = set()
    for msgid, text in templates(lang).items():
        compiled = pattern(text)
        if compiled is not None and any(compiled.fullmatch(form) for form in forms):
            found.add(msgid)
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_the_guide_quotes_is_one_the_checks_print(lang):
    rows = quoted(lang)
    assert len(rows) > 40, "the guide has its tables of messages"
    stale = [f"docs/{lang}/contributing.md:{n}: `{m}`" for n, m in rows if not matches(lang, m)]
    assert not stale, "no longer a message of the checks in this language:\n" + "\n".join(stale)


@pytest.mark.parametrize("lang", LANGS)
def test_the_guide_explains_the_yaml_errors_and_the_editor_checks(lang):
    explained = set().union(*(matches(lang, m) for _, m in quoted(lang)))
    assert not [m for m in REQUIRED if m not in explained]
    guide = (ROOT / "docs" / lang / "contributing.md").read_text("utf-8")
    assert "make validate --strict" in guide


def test_the_three_guides_quote_the_same_messages_in_the_same_order():
    rows = {lang: [matches(lang, m) for _, m in quoted(lang)] for lang in LANGS}
    assert len(rows["ru"]) == len(rows["en"]) == len(rows["kk"])
    for i, (en, ru, kk) in enumerate(zip(rows["en"], rows["ru"], rows["kk"])):
        assert en & ru & kk, f"row {i + 1}: en {sorted(en)}, ru {sorted(ru)}, kk {sorted(kk)}"


def test_a_reworded_message_is_detected():
    """The check itself: a template matches its own output and nothing reworded."""
    compiled = pattern(templates("ru")["the file {path} does not exist"])
    assert compiled.fullmatch("файла files/ok/report.pdf нет")
    assert not compiled.fullmatch("файл files/ok/report.pdf не найден")
    assert pattern("{where}: {message} - {hint}") is None
    assert pattern("add `description: {{en: ..., ru: ..., kk: ...}}`").fullmatch("add `description: {en: ..., ru: ..., kk: ...}`")
