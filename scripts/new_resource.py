#!/usr/bin/env python3
"""Add a resource to the catalogue: asks for what is missing, writes a valid entry.

Usage: python scripts/new_resource.py [--id ID --type TYPE --title-en ... --file PATH:LANG ...]
Nothing is written unless the whole catalogue is valid afterwards; problems are printed
with their location, as scripts/validate_catalogue.py prints them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eucj_bank.catalogue.scaffold import NewResource, add_resource
from eucj_bank.catalogue.vocab import LANGS, terms

ROOT = Path(__file__).resolve().parent.parent
LISTS = {"agencies": "agencies", "topics": "topics", "audience": "audiences"}


def _ask(prompt: str, choices: list[str] | None = None) -> str:
    if choices:
        print(f"  ({', '.join(choices)})")
    return input(f"{prompt}: ").strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalogue", default=str(ROOT / "resource_catalog.yaml"))
    parser.add_argument("--id")
    parser.add_argument("--type")
    parser.add_argument("--date")
    parser.add_argument("--licence")
    for lang in LANGS:
        parser.add_argument(f"--title-{lang}")
        parser.add_argument(f"--summary-{lang}")
    for name in LISTS:
        parser.add_argument(f"--{name}", help="comma-separated terms")
    parser.add_argument("--file", action="append", default=[], help="PATH:LANG, repeatable")
    args = parser.parse_args(argv)
    a = vars(args)
    for key, vocab in [("id", None), ("type", "types"), ("date", None), ("licence", "licences")]:
        if not a[key]:
            a[key] = _ask(key, terms(vocab) if vocab else None)
    for lang in LANGS:
        for kind in ("title", "summary"):
            if a[f"{kind}_{lang}"] is None:
                a[f"{kind}_{lang}"] = _ask(f"{kind} ({lang})")
    for name, vocab in LISTS.items():
        if not a[name]:
            a[name] = _ask(f"{name} (comma-separated)", terms(vocab))
    files = []
    for spec in args.file:
        path, _, lang = spec.rpartition(":")
        files.append((Path(path), lang))
    new = NewResource(
        id=a["id"], type=a["type"], date=a["date"], licence=a["licence"],
        title={lang: a[f"title_{lang}"] for lang in LANGS}, summary={lang: a[f"summary_{lang}"] for lang in LANGS},
        files=files, **{name: [v.strip() for v in a[name].split(",") if v.strip()] for name in LISTS},
    )
    missing = [str(path) for path, _ in files if not path.is_file()]
    if missing:
        print(f"error: no such file: {', '.join(missing)}", file=sys.stderr)
        return 1
    problems = add_resource(Path(args.catalogue), new)
    for problem in problems:
        print(problem)
    if problems:
        print("nothing was written; fix the values above and run again", file=sys.stderr)
        return 1
    print(f"added {new.id} to {args.catalogue}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
