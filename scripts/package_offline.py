#!/usr/bin/env python3
"""Pack the built site into the offline zip.

Usage: python scripts/package_offline.py [--site site] [--out dist/eucj-resource-bank-offline.zip]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eucj_bank.packaging import ZIP_NAME, write_offline_zip

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default=str(ROOT / "site"))
    parser.add_argument("--out", default=str(ROOT / "dist" / ZIP_NAME))
    args = parser.parse_args(argv)
    site = Path(args.site)
    if not (site / "index.html").is_file():
        print(f"error: {site} holds no built site - run `make site` first", file=sys.stderr)
        return 1
    count = write_offline_zip(site, Path(args.out))
    print(f"{args.out}: {count} files, {Path(args.out).stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
