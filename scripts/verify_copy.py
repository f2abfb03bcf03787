#!/usr/bin/env python3
"""Check a copy of the bank against its manifest (SHA256SUMS.txt); name every missing or changed file.

Usage: python scripts/verify_copy.py TARGET [--manifest FILE_OR_URL]
TARGET is an unpacked copy (a folder) or the address of a served copy (http(s)://.../).
The manifest is the copy's own SHA256SUMS.txt unless --manifest names another one,
such as the one published with the release or taken from the offline zip.
Exit status: 0 when every listed file is present and unchanged, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.error import URLError

from eucj_bank.copies.manifest import (
    MANIFEST_NAME,
    ManifestError,
    http_get,
    parse_manifest,
    verify_directory,
    verify_served,
)


def _is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def _read(source: str) -> str:
    return http_get(source).decode("utf-8") if _is_url(source) else Path(source).read_text(encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", help="folder of an unpacked copy, or http(s) address of a served one")
    parser.add_argument("--manifest", help=f"manifest to check against (default: the copy's own {MANIFEST_NAME})")
    args = parser.parse_args(argv)
    served = _is_url(args.target)
    base = args.target if not served or args.target.endswith("/") else args.target + "/"
    if not served and not Path(base).is_dir():
        print(f"error: {base} is not a folder (give the unpacked copy's folder or an http(s) address)",
              file=sys.stderr)
        return 1
    source = args.manifest or (base + MANIFEST_NAME if served else str(Path(base) / MANIFEST_NAME))
    try:
        entries = parse_manifest(_read(source), source)
    except (OSError, URLError, UnicodeDecodeError) as exc:
        print(f"error: cannot read the manifest {source}: {getattr(exc, 'reason', exc)}", file=sys.stderr)
        return 1
    except ManifestError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    report = verify_served(base, entries) if served else verify_directory(Path(base), entries)
    for name in report.missing:
        print(f"missing: {name}")
    for name in report.changed:
        print(f"changed: {name}")
    for name, why in report.unreadable:
        print(f"unreadable: {name} ({why})")
    for name in report.unlisted:
        print(f"not in the manifest (left alone): {name}")
    problems = len(report.missing) + len(report.changed) + len(report.unreadable)
    if problems:
        print(f"{base}: {problems} of {report.checked} files missing, changed or unreadable "
              f"({len(report.missing)} missing, {len(report.changed)} changed)", file=sys.stderr)
        return 1
    print(f"{base}: all {report.checked} files match {source}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
