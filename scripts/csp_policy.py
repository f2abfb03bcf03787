#!/usr/bin/env python3
"""Print the Content-Security-Policy a built site satisfies (for the server configuration).

Usage: python scripts/csp_policy.py [SITE]   (default: site/)
deploy/ carries the policy of the shipped bank; a copy built with other settings
(another theme version, a base_url) may need its own: see the hosting guide.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eucj_bank.copies.csp import policy_for

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default=str(ROOT / "site"))
    args = parser.parse_args(argv)
    site = Path(args.site)
    if not (site / "index.html").is_file():
        print(f"error: {site} holds no built site - run `make site` first", file=sys.stderr)
        return 1
    print(policy_for(site))
    return 0


if __name__ == "__main__":
    sys.exit(main())
