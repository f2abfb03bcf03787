"""The Content-Security-Policy a built site satisfies, for the hosting guide's configurations.

Measured in Chromium (tests/test_hosting.py): the pages run Material's script bundle,
a search worker and two small inline scripts; nothing else. Inline scripts are
allowed by their hashes, not 'unsafe-inline'. Material's first script holds the
page's path back to the site root (`new URL("..", location)`), so there is one
hash per folder depth (en at the root, ru/ and kk/, their resources/ and browse/
pages), the same on every build of the same theme version; a 404 page (built only
with a base URL) adds its own. `policy_for(site)` gives the header for a site;
deploy/ holds it for the shipped bank, and a test keeps the two equal.

The hashes are never taken on trust from site/: a script injected into a page would
be allowed by its own hash. The scripts the theme can emit are known before the
build: the inline `<script>` bodies of Material's partials/javascripts/ templates,
rendered for each page depth's base_url (and the 404 page's, from the site address).
A script found in the site is allowed only if it is one of those;
`inline_script_hashes` returns the others, by page, for scripts/csp_policy.py to
refuse. (Our own templates, overrides/, emit no inline script that runs: the JSON-LD
is data.)
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from urllib.parse import urlsplit

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
    # a document's text, stored once under texts/ and shown in each language's reading
    # page in an <iframe> (eucj_bank/site/text_document.py); iframe-worker's frame is about:blank
    "frame-src": "'self'",
    "form-action": "'self'",
    "base-uri": "'self'",
    "frame-ancestors": "'self'",
}


def _source(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"


def theme_scripts(depth: int, site_url: str = "") -> set[str]:
    """The bodies of every inline script Material's templates can emit, for pages up to
    `depth` folders below the site root (and the 404 page of a site at `site_url`)."""
    import importlib.util

    import jinja2

    spec = importlib.util.find_spec("material")  # the theme's files, without importing MkDocs
    folder = Path(next(iter(spec.submodule_search_locations))) / "templates/partials/javascripts"
    bases = [".", *("/".join([".."] * d) for d in range(1, depth + 1))]
    if site_url:
        root = urlsplit(site_url).path or "/"
        bases += [root, root.rstrip("/"), *(f"{root.rstrip('/')}/{lang}" for lang in ("ru", "kk")),
                  *(f"{root.rstrip('/')}/{lang}/" for lang in ("ru", "kk"))]
    bodies = set()
    for template in sorted(folder.glob("*.html")):
        text = re.sub(r"\{#.*?#\}", "", template.read_text(encoding="utf-8"), flags=re.S)
        for body in re.findall(r"<script>(.*?)</script>", text, re.S):
            for base in bases if "{{" in body else ["."]:
                bodies.add(jinja2.Template(body).render(base_url=base, config={"extra": {}}))
    return bodies


def inline_script_hashes(site_dir: Path, site_url: str = "") -> tuple[list[str], dict[str, list[str]]]:
    """(the CSP sources of the theme's inline scripts found in the site's pages, sorted;
    the pages holding an inline script the theme does not emit -> their hashes)."""
    pages = sorted(Path(site_dir).rglob("*.html"))
    depth = max((len(p.relative_to(site_dir).parts) - 1 for p in pages), default=0)
    known = {_source(body) for body in theme_scripts(depth, site_url)}
    found, unknown = set(), {}
    for page in pages:
        for attrs, body in _INLINE_SCRIPT.findall(page.read_text(encoding="utf-8")):
            kind = _TYPE.search(attrs)
            if (kind.group(1).lower() if kind else "") not in _RUN:
                continue  # data, never run: Material's __config, the resource pages' JSON-LD
            source = _source(body)
            if source in known:
                found.add(source)
            else:
                unknown.setdefault(page.relative_to(site_dir).as_posix(), []).append(source)
    return sorted(found), unknown


def policy(hashes: list[str]) -> str:
    parts = []
    for name, value in FIXED.items():
        if name == "script-src" and hashes:
            value = " ".join([value, *hashes])
        parts.append(f"{name} {value}")
    return "; ".join(parts)


def policy_for(site_dir: Path, site_url: str = "") -> str:
    return policy(inline_script_hashes(site_dir, site_url)[0])
