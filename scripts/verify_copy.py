#!/usr/bin/env python3
"""Check a copy of the bank against its manifest (SHA256SUMS.txt); name every missing or changed file.

Usage: python3 scripts/verify_copy.py TARGET [--manifest FILE_OR_URL] [--lang ru]
TARGET is an unpacked copy (a folder) or the address of a served copy (http(s)://.../).
The manifest is the copy's own SHA256SUMS.txt unless --manifest names another one,
such as the one published with the release or taken from the offline zip.
Exit status: 0 when every listed file is present and unchanged, 1 otherwise.
"""

from __future__ import annotations

import _venv

_venv.ensure("site")

import argparse  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from urllib.error import URLError  # noqa: E402

from eucj_bank.catalogue.messages import _, lang_argument, set_language  # noqa: E402
from eucj_bank.copies.manifest import (  # noqa: E402
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
    set_language(None)
    parser = argparse.ArgumentParser(description=_("Check a copy of the bank against its manifest"))
    parser.add_argument("target", help=_("folder of an unpacked copy, or http(s) address of a served one"))
    parser.add_argument("--manifest", help=_("manifest to check against (default: the copy's own {name})",
                                             name=MANIFEST_NAME))
    lang_argument(parser)
    args = parser.parse_args(argv)
    set_language(args.lang)
    error = _("error") + ": "
    served = _is_url(args.target)
    base = args.target if not served or args.target.endswith("/") else args.target + "/"
    if not served and not Path(base).is_dir():
        print(error + _("{path} is not a folder (give the unpacked copy's folder or an http(s) address)",
                                path=base), file=sys.stderr)
        return 1
    source = args.manifest or (base + MANIFEST_NAME if served else str(Path(base) / MANIFEST_NAME))
    try:
        entries = parse_manifest(_read(source), source)
    except (OSError, URLError, UnicodeDecodeError) as exc:
        print(error + _("cannot read the manifest {source}: {reason}", source=source,
                                reason=getattr(exc, "reason", exc)), file=sys.stderr)
        return 1
    except ManifestError as exc:
        print(error + str(exc), file=sys.stderr)
        return 1
    report = verify_served(base, entries) if served else verify_directory(Path(base), entries)
    for name in report.missing:
        print(_("missing: {name}", name=name))
    for name in report.changed:
        print(_("changed: {name}", name=name))
    for name, why in report.unreadable:
        print(_("unreadable: {name} ({reason})", name=name, reason=why))
    for name in report.unlisted:
        print(_("not in the manifest (left alone): {name}", name=name))
    problems = len(report.missing) + len(report.changed) + len(report.unreadable)
    if problems:
        print(_("{target}: files missing, changed or unreadable: {problems} of {checked} "
                "(missing: {missing}, changed: {changed})", target=base, problems=problems,
                checked=report.checked, missing=len(report.missing), changed=len(report.changed)),
              file=sys.stderr)
        return 1
    print(_("{target}: all {checked} files match {source}", target=base, source=source,
            checked=report.checked), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
