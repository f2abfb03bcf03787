#!/usr/bin/env python3
"""Which resources and pages still miss text in en, ru or kk: one table per language.

Usage: make status   (or: python3 scripts/translation_status.py [CATALOGUE] [--lang ru])
Exit status 0; 1 if the catalogue cannot be read (its problems are printed).
"""

from __future__ import annotations

import _venv

_venv.ensure("status")

import argparse  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from eucj_bank.catalogue.load import load_catalogue  # noqa: E402
from eucj_bank.catalogue.messages import _, lang_argument, set_language  # noqa: E402
from eucj_bank.catalogue.problems import errors  # noqa: E402
from eucj_bank.catalogue.translation_status import render_report  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    set_language(None)
    parser = argparse.ArgumentParser(description=_("Which resources and pages still miss text in en, ru or kk"))
    parser.add_argument("path", nargs="?", default=str(ROOT / "resource_catalog.yaml"))
    lang_argument(parser)
    args = parser.parse_args(argv)
    set_language(args.lang)
    result = load_catalogue(Path(args.path))
    if not result.ok:
        print("\n".join(p.report() for p in errors(result.problems)), file=sys.stderr)
        return 1
    print(render_report(result.catalogue, ROOT / "docs"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
