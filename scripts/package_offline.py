#!/usr/bin/env python3
"""Pack the built site into the offline zip: dist/<profile name>-offline.zip.

Usage: python scripts/package_offline.py [--site site] [--profile profiles/NAME.yml] [--out ZIP]
The profile (default: $EUCJ_PROFILE, as `make site PROFILE=...` sets it, else
profiles/full-bank.yml) names the zip and its folder.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from eucj_bank.catalogue.profiles import load_profile, profile_path
from eucj_bank.copies.packaging import PackagingError, write_offline_zip, zip_name

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default=str(ROOT / "site"))
    parser.add_argument("--profile", default=os.environ.get("EUCJ_PROFILE") or None)
    parser.add_argument("--out", help="the zip to write (default: dist/<profile name>-offline.zip)")
    args = parser.parse_args(argv)
    site = Path(args.site)
    if not (site / "index.html").is_file():
        print(f"error: {site} holds no built site - run `make site` first", file=sys.stderr)
        return 1
    loaded = load_profile(profile_path(ROOT, args.profile))
    if not loaded.ok:
        for problem in loaded.problems:
            print(problem, file=sys.stderr)
        return 1
    profile = loaded.profile
    out = Path(args.out) if args.out else ROOT / "dist" / zip_name(profile.name)
    try:
        count = write_offline_zip(site, out, profile.name)
    except PackagingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"{out}: {count} files, {out.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
