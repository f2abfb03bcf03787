#!/usr/bin/env python3
"""Write schema/resource_catalog.schema.json from the model and vocabularies.

Usage: python scripts/write_schema.py [--check]   (--check: exit 1 if it is out of date)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eucj_bank.schema import SCHEMA_PATH, render_schema

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    target, text = ROOT / SCHEMA_PATH, render_schema()
    if args.check:
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            print(f"{SCHEMA_PATH} is out of date: run python scripts/write_schema.py", file=sys.stderr)
            return 1
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
