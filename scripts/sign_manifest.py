#!/usr/bin/env python3
"""Sign a built site's SHA256SUMS.txt with the agency's SSH key (SHA256SUMS.txt.sig beside it).

Usage: python scripts/sign_manifest.py [SITE] [--key PRIVATE_KEY]   (default: site/, $EUCJ_SIGNING_KEY)
`make site` runs it when EUCJ_SIGNING_KEY is set. Without a key it does nothing.
Readers check a copy with `scripts/verify_copy.py COPY --public-key KEY.pub`.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from eucj_bank.catalogue.messages import _, set_language
from eucj_bank.copies.manifest import MANIFEST_NAME
from eucj_bank.copies.signature import SignatureError, sign

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default=str(ROOT / "site"))
    parser.add_argument("--key", default=os.environ.get("EUCJ_SIGNING_KEY", ""))
    args = parser.parse_args(argv)
    set_language(None)
    if not args.key:
        return 0
    manifest = Path(args.site) / MANIFEST_NAME
    if not manifest.is_file():
        print(_("error") + ": " + _("{manifest} is missing: build the site first", manifest=manifest), file=sys.stderr)
        return 1
    try:
        target = sign(manifest, Path(args.key))
    except SignatureError as exc:
        print(_("error") + ": " + str(exc), file=sys.stderr)
        return 1
    print(_("signed: {path}", path=target), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
