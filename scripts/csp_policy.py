#!/usr/bin/env python3
"""Print the Content-Security-Policy a built site satisfies (for the server configuration).

Usage: python scripts/csp_policy.py [SITE] [--site-url URL]   (default: site/, $EUCJ_SITE_URL)
Only the inline scripts the theme's templates emit are allowed; an inline script in a
page that the theme does not emit is named, and the exit status is 1.
deploy/ carries the policy of the shipped bank; a copy built with other settings
(another theme version, a base_url) may need its own: see the hosting guide.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from eucj_bank.catalogue.messages import _, set_language
from eucj_bank.copies.csp import inline_script_hashes, policy

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    set_language(None)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default=str(ROOT / "site"))
    parser.add_argument("--site-url", default=os.environ.get("EUCJ_SITE_URL", ""),
                        help=_("the copy's address (base_url), if it has one: its 404 page has its own script"))
    args = parser.parse_args(argv)
    site = Path(args.site)
    if not (site / "index.html").is_file():
        print(_("error") + ": " + _("{site} holds no built site: run `make site` first", site=site), file=sys.stderr)
        return 1
    hashes, unknown = inline_script_hashes(site, args.site_url)
    for page, sources in unknown.items():
        print(_("error") + ": " + _("{page}: an inline script the theme does not emit ({sources}); it is not "
                                    "allowed: rebuild the site from a clean checkout",
                                    page=site / page, sources=", ".join(sources)), file=sys.stderr)
    print(policy(hashes))
    return 1 if unknown else 0


if __name__ == "__main__":
    sys.exit(main())
