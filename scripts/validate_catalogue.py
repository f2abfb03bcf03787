#!/usr/bin/env python3
"""Check the catalogue (and a site profile) the way the build does; print every problem, located.

Usage: python scripts/validate_catalogue.py [PATH] [--strict] [--profile profiles/NAME.yml]
The profile defaults to $EUCJ_PROFILE (as `make validate PROFILE=...` sets it).
Exit status: 0 when valid, 1 when not (with --strict, warnings count).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from eucj_bank.catalogue.load import load_catalogue
from eucj_bank.catalogue.problems import errors
from eucj_bank.catalogue.load import display_path
from eucj_bank.catalogue.profiles import load_profile, profile_path
from eucj_bank.catalogue.repository import check_copy, snippet_problems, symlink_problems

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(ROOT / "resource_catalog.yaml"))
    parser.add_argument("--strict", action="store_true", help="treat missing translations as errors")
    parser.add_argument("--profile", default=os.environ.get("EUCJ_PROFILE") or None,
                        help="a site profile: check it and what it selects")
    args = parser.parse_args(argv)
    path = Path(args.path)
    result = load_catalogue(path, path.parent, strict=args.strict)
    problems = list(result.problems)
    # Without --profile, the build's own default (the full public bank): what the build
    # refuses (an empty or all-internal catalogue), the validator refuses first.
    profile = load_profile(profile_path(ROOT, args.profile))
    problems += profile.problems
    problems += check_copy(profile, result, path.parent, display_path(path))
    problems += symlink_problems(ROOT) + snippet_problems(ROOT)  # the hand-written pages the build reads
    for problem in problems:
        print(problem)
    found = errors(problems)
    if found or not result.ok or not profile.ok:
        print(f"{len(found)} error(s), {len(problems) - len(found)} warning(s)", file=sys.stderr)
        return 1
    count = len(result.catalogue.resources) if result.catalogue else 0
    chosen = f", {len(profile.profile.select(result.catalogue).resources)} in the copy {profile.profile.name}" \
        if args.profile else ""
    print(f"{path}: {count} resources{chosen}, valid ({len(problems)} warning(s))", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
