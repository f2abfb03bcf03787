"""The Content-Security-Policy a built site satisfies, for the hosting guide's configurations.

Measured in Chromium (tests/test_hosting.py): the pages run Material's script bundle,
a search worker and two small inline scripts; nothing else. Inline scripts are
allowed by their hashes, not 'unsafe-inline'. Material's first script holds the
page's path back to the site root (`new URL("..", location)`), so there is one
hash per folder depth (en at the root, ru/ and kk/, their resources/ and browse/
pages), the same on every build of the same theme version; a 404 page (built only
with a base URL) adds its own. `policy_for(site)` gives the header for a site;
deploy/ holds it for the shipped bank, and a test keeps the two equal.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
# Script types a browser runs; any other (application/json, application/ld+json) is data.
_RUN = {"", "text/javascript", "application/javascript", "module"}

# Each directive and why the site needs it.
FIXED = {
    "default-src": "'none'",  # anything not named below is refused
    "script-src": "'self'",  # Material's bundle, lunr, our search worker (+ inline hashes)
    "style-src": "'self'",  # stylesheets only: no inline style in the pages
    "img-src": "'self' data:",  # Material's icons are data: URLs in its CSS
    "font-src": "'self'",
    "connect-src": "'self'",  # the search index (search_index.json) over http(s)
    "worker-src": "'self'",  # the search worker
    "form-action": "'self'",
    "base-uri": "'self'",
    "frame-ancestors": "'self'",
}


def inline_script_hashes(site_dir: Path) -> list[str]:
    """The CSP source of every distinct inline script in the site's pages, sorted."""
    found = set()
    for page in Path(site_dir).rglob("*.html"):
        for attrs, body in _INLINE_SCRIPT.findall(page.read_text(encoding="utf-8")):
            kind = _TYPE.search(attrs)
            if (kind.group(1).lower() if kind else "") not in _RUN:
                continue  # data, never run: Material's __config, the resource pages' JSON-LD
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
            found.add(f"'sha256-{digest}'")
    return sorted(found)


def policy(hashes: list[str]) -> str:
    parts = []
    for name, value in FIXED.items():
        if name == "script-src" and hashes:
            value = " ".join([value, *hashes])
        parts.append(f"{name} {value}")
    return "; ".join(parts)


def policy_for(site_dir: Path) -> str:
    return policy(inline_script_hashes(site_dir))
