"""The questions of `make new`: each answer is checked as it is given and kept as soon as it is.

An editor types a dozen answers, half of them long texts in three languages; none may be
lost. So every answer is checked on its own (and asked again, with the reason, when it is
wrong), and saved at once in a small file beside the catalogue: after Ctrl-C, a closed
terminal or a refused entry, the next `make new` offers to carry on from there. Vocabulary
answers are chosen from numbered lists labelled in the editor's language. The session
talks through two functions (`ask`, `say`), so that the script owns the terminal.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .messages import _, language
from .model import DATE_PATTERN, DAY_MONTH_YEAR, ID_PATTERN
from .vocab import LANGS, format_for_extension, label, nearest, terms

ANSWERS_NAME = ".new-resource-answers.json"  # beside the catalogue; never shown to the editor
QUOTES = "\"'«»„“”"
Ask = Callable[[str], str]
Say = Callable[[str], None]


class Stop(Exception):
    """The editor ended the session (end of input): the answers are kept."""


def answers_path(catalogue: Path) -> Path:
    return Path(catalogue).parent / ANSWERS_NAME


def load_answers(catalogue: Path) -> dict:
    try:
        data = json.loads(answers_path(catalogue).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def save_answers(catalogue: Path, answers: dict) -> None:
    answers_path(catalogue).write_text(json.dumps(answers, ensure_ascii=False, indent=1), encoding="utf-8")


def forget_answers(catalogue: Path) -> None:
    answers_path(catalogue).unlink(missing_ok=True)


def unquote(text: str) -> str:
    """An answer without the quotes an editor may type around it ("2024-05-15", «…»)."""
    text = text.strip()
    while len(text) >= 2 and text[0] in QUOTES and text[-1] in QUOTES:
        text = text[1:-1].strip()
    return text


def check_id(text: str, taken: set[str]) -> tuple[str | None, str | None]:
    value = unquote(text)
    if not re.match(ID_PATTERN, value) or len(value) > 80:
        return None, _("use lowercase latin letters, digits and single hyphens, e.g. epr-checklist")
    if value in taken:
        return None, _("the id '{id}' is already used in the catalogue; choose another", id=value)
    return value, None


def check_date(text: str) -> tuple[str | None, str | None]:
    value = unquote(text)
    written = DAY_MONTH_YEAR.match(value)
    if written:
        day, month, year = written.groups()
        value = f"{year}-{int(month):02d}-{int(day):02d}"
    match = DATE_PATTERN.match(value)
    if not match:
        return None, _("write the date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2016-05-20 (quotes are not needed)")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None, _("there is no such date: {value}", value=value)
    return value, None


def check_choice(text: str, vocab: str, *, multiple: bool) -> tuple[object, str | None]:
    """Numbers from the list or the terms themselves, separated by commas or spaces."""
    options = terms(vocab)
    tokens = [t for t in re.split(r"[,;\s]+", unquote(text)) if t]
    if not tokens:
        return None, _("choose at least one number from the list")
    chosen = []
    for token in tokens:
        term = options[int(token) - 1] if token.isdigit() and 1 <= int(token) <= len(options) else token
        if term not in options:
            guess = nearest(vocab, token) if not token.isdigit() else None
            return None, (_("'{answer}' is not in the list; did you mean '{term}'?", answer=token, term=guess)
                          if guess else _("'{answer}' is not in the list: give a number from 1 to {n}",
                                          answer=token, n=len(options)))
        if term not in chosen:
            chosen.append(term)
    if not multiple and len(chosen) > 1:
        return None, _("choose one number only")
    return (chosen if multiple else chosen[0]), None


def check_file(text: str) -> tuple[str | None, str | None]:
    """A document to add: a file that exists, in a format the bank knows."""
    value = unquote(text).replace("\\ ", " ")  # a file dropped on a terminal comes quoted or escaped
    path = Path(value).expanduser()
    if not path.is_file():
        return None, _("there is no file {path}: check the path (you can drag the file onto this window)",
                       path=value)
    if format_for_extension(path.suffix) is None:
        known = ", ".join(ext for spec in _formats() for ext in spec)
        return None, _("the bank does not take files ending in '{suffix}': use one of {known}",
                       suffix=path.suffix, known=known)
    return str(path.resolve()), None


def _formats() -> list[list[str]]:
    from .vocab import vocabularies
    return [spec["extensions"] for spec in vocabularies()["formats"].values()]


def _where(text: str) -> tuple[str | None, str | None]:
    choice = {"1": "held-by-agency", "2": "not-located"}.get(unquote(text))
    return (choice, None) if choice else (None, _("give 1 or 2"))


@dataclass
class Question:
    key: str
    prompt: str | Callable[[], str]  # a function when it depends on earlier answers
    check: Callable[[str], tuple[object, str | None]]
    vocab: str | None = None


def menu(vocab: str) -> str:
    """The numbered list of a vocabulary, labelled in the editor's language."""
    lang = language()
    return "\n".join(f"  {i:>2}. {label(vocab, term, lang)} ({term})" for i, term in enumerate(terms(vocab), 1))


class Session:
    """Asks what is not answered yet, in order; `answers` is saved after each one."""

    def __init__(self, catalogue: Path, ask: Ask, say: Say, answers: dict, taken: set[str]):
        self.catalogue, self.ask, self.say, self.answers, self.taken = catalogue, ask, say, answers, taken

    def run(self) -> dict:
        for question in self.questions():
            if question.key not in self.answers:
                self.answers[question.key] = self.get(question)
                save_answers(self.catalogue, self.answers)
        self.files()
        return self.answers

    def get(self, question: Question) -> object:
        if question.vocab:
            self.say(menu(question.vocab))
        while True:
            prompt = question.prompt() if callable(question.prompt) else question.prompt
            value, problem = question.check(self.read(prompt))
            if problem is None:
                return value
            self.say("  ! " + problem)

    def read(self, prompt: str) -> str:
        try:
            return self.ask(prompt + ": ")
        except EOFError:
            raise Stop from None

    def questions(self) -> list[Question]:
        prompts = {  # one sentence each, so that every language can phrase it as it needs
            "title.en": _("Title in English (Enter: not yet)"),
            "title.ru": _("Title in Russian (Enter: not yet)"),
            "title.kk": _("Title in Kazakh (Enter: not yet)"),
            "summary.en": _("Summary in English, two to five sentences (Enter: not yet)"),
            "summary.ru": _("Summary in Russian, two to five sentences (Enter: not yet)"),
            "summary.kk": _("Summary in Kazakh, two to five sentences (Enter: not yet)"),
        }
        texts = [Question(key, prompt, lambda text, key=key: self.text(*key.split("."), text))
                 for key, prompt in prompts.items()]
        return texts + [
            Question("id", lambda: _("Identifier, the page address (latin letters, digits, hyphens){default}",
                                     default=self.default_id()),
                     lambda text: check_id(text or self.default_id(True), self.taken)),
            Question("type", _("Type: a number from the list"), lambda t: check_choice(t, "types", multiple=False),
                     "types"),
            Question("date", _("Date of the document: YYYY, YYYY-MM or YYYY-MM-DD"), check_date),
            Question("agencies", _("Agencies concerned: numbers separated by commas"),
                     lambda t: check_choice(t, "agencies", multiple=True), "agencies"),
            Question("topics", _("Topics: numbers separated by commas"),
                     lambda t: check_choice(t, "topics", multiple=True), "topics"),
            Question("audience", _("Audience: numbers separated by commas"),
                     lambda t: check_choice(t, "audiences", multiple=True), "audiences"),
            Question("licence", _("Licence: a number from the list"),
                     lambda t: check_choice(t, "licences", multiple=False), "licences"),
        ]

    def text(self, field: str, lang: str, text: str) -> tuple[str | None, str | None]:
        value = unquote(text) if text.strip()[:1] in QUOTES else text.strip()
        if not value and lang == LANGS[-1] and not any(self.answers.get(f"{field}.{other}") for other in LANGS):
            return None, _("write it in at least one language")
        return value, None

    def default_id(self, value: bool = False) -> str:
        words = re.findall(r"[a-z0-9]+", (self.answers.get("title.en") or "").lower())
        slug = "-".join(words[:6])
        if value:
            return slug
        return _(" [Enter: {id}]", id=slug) if slug and slug not in self.taken else ""

    def files(self) -> None:
        """The documents and their languages; without any, who holds the original."""
        files = self.answers.setdefault("files", [])
        if not self.answers.get("files_done"):
            self.say(_("The document itself: give the path of each file, one at a time."))
            while True:
                pending = self.answers.get("file_pending")
                if pending is None:
                    prompt = _("File {n} (Enter: no more files)", n=len(files) + 1)
                    text = self.read(prompt)
                    if not text.strip():
                        break
                    pending, problem = check_file(text)
                    if problem:
                        self.say("  ! " + problem)
                        continue
                    self.answers["file_pending"] = pending
                    save_answers(self.catalogue, self.answers)
                lang = self.get(Question("lang", _("Language of the text of {name}: a number from the list",
                                                   name=Path(pending).name),
                                         lambda t: check_choice(t, "languages", multiple=False), "languages"))
                files.append({"path": pending, "lang": lang})
                del self.answers["file_pending"]
                save_answers(self.catalogue, self.answers)
            self.answers["files_done"] = True
            save_answers(self.catalogue, self.answers)
        if files:
            self.answers["availability"] = "in-bank"
            return
        if "availability" not in self.answers:
            self.say(_("No file: where is the document?"))
            self.say("\n".join(f"  {i}. {label('availability', term, language())} ({term})"
                               for i, term in enumerate(("held-by-agency", "not-located"), 1)))
            self.answers["availability"] = self.get(Question("availability", _("A number from the list"), _where))
            save_answers(self.catalogue, self.answers)
        if self.answers["availability"] == "held-by-agency" and "holder" not in self.answers:
            self.answers["holder"] = self.get(Question("holder", _("Which agency holds it: a number from the list"),
                                                       lambda t: check_choice(t, "agencies", multiple=False),
                                                       "agencies"))
            save_answers(self.catalogue, self.answers)
