#!/usr/bin/env python3
"""Check the catalogue (and a site profile) the way the build does; print every problem, located.

Usage: make validate   (or: python3 scripts/validate_catalogue.py [PATH] [--strict] [--profile FILE] [--lang ru])
The profile defaults to $EUCJ_PROFILE (as `make validate PROFILE=...` sets it). Messages are
in the editor's language: --lang, else LANGUAGE / LC_ALL / LC_MESSAGES / LANG, else English.
Exit status: 0 when valid, 1 when not (with --strict, warnings count).
"""

from __future__ import annotations

import _venv

_venv.ensure("validate")

import argparse  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from eucj_bank.catalogue.load import display_path, load_catalogue  # noqa: E402
from eucj_bank.catalogue.messages import _, lang_argument, set_language  # noqa: E402
from eucj_bank.catalogue.problems import errors  # noqa: E402
from eucj_bank.catalogue.profiles import load_profile, profile_path  # noqa: E402
from eucj_bank.catalogue.repository import check_copy, snippet_problems, symlink_problems  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    set_language(None)
    parser = argparse.ArgumentParser(description=_("Check the catalogue and a site profile the way the build does"))
    parser.add_argument("path", nargs="?", default=str(ROOT / "resource_catalog.yaml"))
    parser.add_argument("--strict", action="store_true", help=_("treat warnings as errors"))
    parser.add_argument("--profile", default=os.environ.get("EUCJ_PROFILE") or None,
                        help=_("a site profile: check it and what it selects"))
    lang_argument(parser)
    args = parser.parse_args(argv)
    set_language(args.lang)
    path = Path(args.path)
    result = load_catalogue(path, path.parent, strict=args.strict)
    problems = list(result.problems)
    # Without --profile, the build's own default (the full public bank): what the build
    # refuses (an empty or all-internal catalogue), the validator refuses first.
    profile = load_profile(profile_path(ROOT, args.profile), strict=args.strict)
    problems += profile.problems
    problems += check_copy(profile, result, path.parent, display_path(path))
    problems += symlink_problems(ROOT) + snippet_problems(ROOT)  # the hand-written pages the build reads
    for problem in problems:
        print(problem.report())
    found = errors(problems)
    if found or not result.ok or not profile.ok:
        print(_("errors: {errors}, warnings: {warnings}", errors=len(found), warnings=len(problems) - len(found)),
              file=sys.stderr)
        return 1
    count = len(result.catalogue.resources) if result.catalogue else 0
    summary = _("{path}: valid; resources: {count}, warnings: {warnings}", path=path, count=count,
                warnings=len(problems))
    if args.profile:
        summary += "; " + _("in the copy {name}: {count}", name=profile.profile.name,
                            count=len(profile.profile.select(result.catalogue).resources))
    print(summary, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
