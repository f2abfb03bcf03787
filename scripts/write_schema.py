#!/usr/bin/env python3
"""Write the JSON Schemas (schema/resource_catalog.schema.json, schema/site_profile.schema.json).

Usage: python scripts/write_schema.py [--check]   (--check: exit 1 if it is out of date)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eucj_bank.catalogue.generated import write_or_check
from eucj_bank.catalogue.schema import SCHEMAS

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    command = "python scripts/write_schema.py"
    # every schema, even after a stale one: all are reported at once
    results = [write_or_check(ROOT / path, render(), check=args.check, command=command)
               for path, render in SCHEMAS.items()]
    return max(results)


if __name__ == "__main__":
    sys.exit(main())
