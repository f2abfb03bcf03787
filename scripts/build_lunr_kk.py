#!/usr/bin/env python3
"""Write the browser's Kazakh lunr module from the Python stemmer's tables.

Usage: python scripts/build_lunr_kk.py [--check]
With --check, exit 1 if the committed file is not what this would write.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eucj_bank.lunr_kk import OUTPUT, render_lunr_kk

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    target = ROOT / OUTPUT
    code = render_lunr_kk()
    if args.check:
        if not target.is_file() or target.read_text(encoding="utf-8") != code:
            print(f"{OUTPUT} is out of date: run python scripts/build_lunr_kk.py", file=sys.stderr)
            return 1
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(code, encoding="utf-8")
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
