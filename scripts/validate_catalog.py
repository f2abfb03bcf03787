#!/usr/bin/env python3
"""Check the catalogue the way the build does; print every problem, located.

Usage: python scripts/validate_catalog.py [PATH] [--strict]
Exit status: 0 when valid, 1 when not (with --strict, warnings count).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eucj_bank.catalog import load_catalog
from eucj_bank.problems import errors

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(ROOT / "resource_catalog.yaml"))
    parser.add_argument("--strict", action="store_true", help="treat missing translations as errors")
    args = parser.parse_args(argv)
    path = Path(args.path)
    result = load_catalog(path, path.parent, strict=args.strict)
    for problem in result.problems:
        print(problem)
    found = errors(result.problems)
    if found or not result.ok:
        print(f"{len(found)} error(s), {len(result.problems) - len(found)} warning(s)", file=sys.stderr)
        return 1
    count = len(result.catalogue.resources) if result.catalogue else 0
    print(f"{path}: {count} resources, valid ({len(result.problems)} warning(s))", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
