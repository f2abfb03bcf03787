#!/usr/bin/env python3
"""Write the browser's Kazakh lunr module from the Python stemmer's tables.

Usage: python scripts/build_lunr_kk.py [--check]
With --check, exit 1 if the committed file is not what this would write.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eucj_bank.catalogue.generated import write_or_check
from eucj_bank.search.lunr_kk import OUTPUT, render_lunr_kk

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    return write_or_check(ROOT / OUTPUT, render_lunr_kk(), check=args.check, command="python scripts/build_lunr_kk.py")


if __name__ == "__main__":
    sys.exit(main())
