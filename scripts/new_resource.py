#!/usr/bin/env python3
"""Add a resource to the catalogue: asks for each field in turn and writes a valid entry.

Usage: make new   (or: python3 scripts/new_resource.py [--lang ru] [--id ID --type TYPE ... --file PATH:LANG])
Each answer is checked as it is typed and asked again when it is wrong; the answers are
kept as they are given, so after Ctrl-C or a refused entry `make new` offers to carry on.
Values given as options are checked the same way. Nothing is written to the catalogue
unless the whole catalogue is valid afterwards.
"""

from __future__ import annotations

import _venv

_venv.ensure("new")

import argparse  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from eucj_bank.catalogue.load import load_catalogue  # noqa: E402
from eucj_bank.catalogue.messages import _, lang_argument, set_language  # noqa: E402
from eucj_bank.catalogue.scaffold import NewResource, add_resource  # noqa: E402
from eucj_bank.catalogue.scaffold_session import (  # noqa: E402
    Session,
    Stop,
    check_choice,
    check_date,
    check_file,
    check_id,
    forget_answers,
    load_answers,
    save_answers,
)
from eucj_bank.catalogue.vocab import LANGS  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LISTS = {"agencies": "agencies", "topics": "topics", "audience": "audiences"}
YES = ("", "y", "yes", "д", "да", "и", "иә")


def _given(args: argparse.Namespace, taken: set[str]) -> tuple[dict, list[str]]:
    """Answers given as options, checked like typed ones; the problems of the others."""
    answers, problems = {}, []
    checks = {"id": lambda t: check_id(t, taken), "type": lambda t: check_choice(t, "types", multiple=False),
              "date": check_date, "licence": lambda t: check_choice(t, "licences", multiple=False)}
    checks.update({name: (lambda t, v=vocab: check_choice(t, v, multiple=True)) for name, vocab in LISTS.items()})
    for key, check in checks.items():
        text = getattr(args, key)
        if text is None:
            continue
        value, problem = check(text)
        if problem:
            problems.append(f"--{key}: {problem}")
        else:
            answers[key] = value
    for lang in LANGS:
        for kind in ("title", "summary"):
            if getattr(args, f"{kind}_{lang}") is not None:
                answers[f"{kind}.{lang}"] = getattr(args, f"{kind}_{lang}").strip()
    if args.file:
        answers["files"], answers["files_done"] = [], True
        for spec in args.file:
            path, _sep, lang = spec.rpartition(":")
            value, problem = check_file(path)
            if problem or lang not in LANGS:
                problem = problem or _("write the language after a colon: PATH:ru")
                problems.append(f"--file {spec}: {problem}")
            else:
                answers["files"].append({"path": value, "lang": lang})
    return answers, problems


def _ask(prompt: str) -> str:
    return input(prompt)


def main(argv: list[str] | None = None) -> int:
    set_language(None)
    parser = argparse.ArgumentParser(description=_("Add a resource to the catalogue"))
    parser.add_argument("--catalogue", default=str(ROOT / "resource_catalog.yaml"))
    for key in ("id", "type", "date", "licence", *LISTS):
        parser.add_argument(f"--{key}")
    for lang in LANGS:
        parser.add_argument(f"--title-{lang}")
        parser.add_argument(f"--summary-{lang}")
    parser.add_argument("--file", action="append", default=[], help=_("PATH:LANG, repeatable"))
    lang_argument(parser)
    args = parser.parse_args(argv)
    set_language(args.lang)
    catalogue = Path(args.catalogue)
    loaded = load_catalogue(catalogue)
    if not loaded.ok:
        for problem in loaded.problems:
            print(problem.report())
        print(_("the catalogue has errors: fix them first (make validate lists them)"), file=sys.stderr)
        return 1
    taken = {r.id for r in loaded.catalogue.resources}
    answers = load_answers(catalogue)
    if answers:
        title = next((answers[k] for k in ("title.en", "title.ru", "title.kk") if answers.get(k)), "")
        print(_("An unfinished entry was kept from last time ({count} answers; title: {title}).",
                count=len(answers), title=title or "-"))
        try:
            resume = input(_("Continue it? [Y/n]: ")).strip().lower() in YES
        except EOFError:
            resume = False
        if not resume:
            answers = {}
    given, problems = _given(args, taken)
    for problem in problems:
        print(problem)
    answers.update(given)
    save_answers(catalogue, answers)
    try:
        Session(catalogue, _ask, print, answers, taken).run()
    except (KeyboardInterrupt, Stop):
        print()
        print(_("Stopped. Your answers are kept: run `make new` again to continue."), file=sys.stderr)
        return 130 if not problems else 1
    new = NewResource(
        id=answers["id"], type=answers["type"], date=answers["date"], licence=answers["licence"],
        title={lang: answers.get(f"title.{lang}", "") for lang in LANGS},
        summary={lang: answers.get(f"summary.{lang}", "") for lang in LANGS},
        agencies=answers["agencies"], topics=answers["topics"], audience=answers["audience"],
        files=[(Path(f["path"]), f["lang"]) for f in answers["files"]],
        availability=answers["availability"], holder=answers.get("holder"),
    )
    found = add_resource(catalogue, new)
    for problem in found:
        print(problem.report())
    if found:
        print(_("Nothing was written to the catalogue. Your answers are kept: fix the problem above "
                "and run `make new` again."), file=sys.stderr)
        return 1
    forget_answers(catalogue)
    print(_("Added {id} to {catalogue}. Check it with `make validate` and look at it with `make serve`.",
            id=new.id, catalogue=catalogue.name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
