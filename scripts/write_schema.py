#!/usr/bin/env python3
"""Write schema/resource_catalog.schema.json from the model and vocabularies.

Usage: python scripts/write_schema.py [--check]   (--check: exit 1 if it is out of date)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eucj_bank.generated import write_or_check

from eucj_bank.schema import SCHEMA_PATH, render_schema

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    return write_or_check(ROOT / SCHEMA_PATH, render_schema(), check=args.check, command="python scripts/write_schema.py")


if __name__ == "__main__":
    sys.exit(main())
