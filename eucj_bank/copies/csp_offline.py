"""The Content-Security-Policy each page carries itself, for the offline copy.

Opened from disk there is no server to send a header, so every page (of site/ and so
of the zip) starts with a `<meta http-equiv="Content-Security-Policy">` allowing only
the copy's own files and the inline scripts known before the build: the theme's
(csp.theme_scripts) and the one iframe-worker writes into its frame to run the search
worker over file:// (vendor/iframe-worker/shim.js: a document.write of a script whose
text is two of the shim's functions and the worker's page-relative address, the same
for every page at one folder depth). `frame-ancestors` cannot be given in a meta
element (CSP3); the server's header carries it. Served, the header and the meta both
apply: the meta allows no more than the header, plus the iframe-worker script, which
only runs over file://.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from ..search.worker_patch import OUR_WORKER
from .csp import FIXED, theme_scripts

MAX_DEPTH = 4  # pages are at most two folders deep (ru/resources/x.html)
_IN_META = {name: value for name, value in FIXED.items() if name != "frame-ancestors"}


def _source(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"


def _function(text: str, name: str) -> str:
    """The source of the top-level `function name(...){...}` in minified `text`."""
    start = text.index(f"function {name}(")
    depth, i = 0, text.index("{", start)
    while True:
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        if depth == 0:
            return text[start:i + 1]
        i += 1


def iframe_worker_scripts(shim: Path, depth: int) -> set[str]:
    """The inline script iframe-worker writes into its frame, for pages up to `depth` deep."""
    text = Path(shim).read_text(encoding="utf-8")
    template = re.search(r"<script>(postMessage=\$\{(\w)\};importScripts=\$\{(\w)\};.*?)<\\/script>", text)
    if template is None:
        raise ValueError(f"{shim}: iframe-worker's frame script not found; update eucj_bank/copies/csp_offline.py")
    body, post, imports = template.groups()
    body = body.replace("${" + post + "}", _function(text, post)).replace("${" + imports + "}", _function(text, imports))
    worker = re.search(r"\$\{(\w)\}", body).group(0)
    return {body.replace(worker, "../" * d + OUR_WORKER) for d in range(depth + 1)}


def offline_policy(shim: Path, site_url: str = "") -> str:
    bodies = theme_scripts(MAX_DEPTH, site_url) | iframe_worker_scripts(shim, MAX_DEPTH)
    hashes = sorted(_source(body) for body in bodies)
    parts = [f"{name} {value} {' '.join(hashes)}" if name == "script-src" else f"{name} {value}"
             for name, value in _IN_META.items()]
    return "; ".join(parts)


def add_meta(html: str, policy: str) -> str:
    """`html` with the policy as the first thing after its charset declaration."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    if meta in html:
        return html
    charset = re.search(r"<meta charset=[^>]*>", html, re.I)
    if charset:
        return html[:charset.end()] + "\n    " + meta + html[charset.end():]
    head = re.search(r"<head[^>]*>", html, re.I)
    return html[:head.end()] + meta + html[head.end():] if head else html
