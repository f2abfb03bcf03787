#!/usr/bin/env python3
"""Write the JSON Schemas (schema/resource_catalog.schema.json, schema/site_profile.schema.json).

Usage: python scripts/write_schema.py [--check]   (--check: exit 1 if it is out of date)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eucj_bank.schema import SCHEMAS

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    stale = 0
    for path, render in SCHEMAS.items():
        target, text = ROOT / path, render()
        if args.check:
            if not target.is_file() or target.read_text(encoding="utf-8") != text:
                print(f"{path} is out of date: run python scripts/write_schema.py", file=sys.stderr)
                stale += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
