#!/usr/bin/env python3
"""Which resources and pages still miss text in en, ru or kk: one table per language.

Usage: python scripts/translation_status.py [CATALOGUE]
Exit status 0; 1 if the catalogue cannot be read (its problems are printed).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eucj_bank.catalogue.load import load_catalogue
from eucj_bank.catalogue.problems import errors
from eucj_bank.catalogue.translation_status import render_report

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(ROOT / "resource_catalog.yaml"))
    args = parser.parse_args(argv)
    result = load_catalogue(Path(args.path))
    if not result.ok:
        print("\n".join(str(p) for p in errors(result.problems)), file=sys.stderr)
        return 1
    print(render_report(result.catalogue, ROOT / "docs"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
