"""Material's JavaScript bundle without CDN addresses.

Material 9.8.1's bundle (assets/javascripts/bundle.*.min.js) loads two scripts from
unpkg.com when it needs them: a ResizeObserver polyfill on browsers without
ResizeObserver (Chromium < 64, Firefox < 69, Safari < 13.1: old machines in regional
academies) and mermaid for diagrams. With no network those pages break silently, and a
copy must not name a CDN at all. After the build we point the polyfill at the copy
vendored in overrides/assets/javascripts/vendor/resize-observer-polyfill/ (npm
resize-observer-polyfill 1.5.1, MIT, its dist/ResizeObserver.js: the file unpkg serves
for that address), and mermaid at a local path where no copy is shipped (the bank has no
diagrams; one would fail to load locally instead of reaching the network).

The bundle loads a script by inserting <script src=URL>, so a relative URL would resolve
against the page, not the bundle; the replacement finds the bundle's own <script> and
resolves against its address, which works served, under a sub-path and from disk. The
source map's embedded TypeScript names the same addresses and gets the local paths; its
column mappings after the polyfill's call are off by the length difference, which only
matters to someone debugging Material.
"""

from __future__ import annotations

import re
from pathlib import Path

BUNDLES = "assets/javascripts"
POLYFILL = "vendor/resize-observer-polyfill/ResizeObserver.js"
MERMAID = "vendor/mermaid/mermaid.min.js"
CDN_PATTERN = re.compile(r"(?:https?:)?//(?:unpkg\.com|cdn\.jsdelivr\.net|cdnjs\.cloudflare\.com|"
                         r"fonts\.googleapis\.com|fonts\.gstatic\.com|ajax\.googleapis\.com)[^\s\"'`)]*")

_SELF = 'document.querySelector(\'script[src*="assets/javascripts/bundle."]\').src'
# address in the bundle -> the file, relative to the bundle, that replaces it
REPLACEMENTS = {
    "https://unpkg.com/resize-observer-polyfill": POLYFILL,
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js": MERMAID,
}


def _local(path: str) -> str:
    """A JavaScript expression: the address of `path` next to the bundle."""
    return f'new URL("{path}",{_SELF}).href'


def patch_bundle(code: str) -> str:
    for url, path in REPLACEMENTS.items():
        quoted = f'"{url}"'
        if quoted not in code:
            raise RuntimeError(f"Material's bundle no longer loads {url}: check eucj_bank/copies/material_bundle.py")
        code = code.replace(quoted, _local(path))
    return code


def patch_source_map(text: str) -> str:
    for url, path in REPLACEMENTS.items():
        text = text.replace(url, f"{BUNDLES}/{path}")
    return text


def write_local_bundles(site_dir: Path) -> list[Path]:
    """Rewrite every Material bundle in site_dir (and its source map) in place."""
    changed = []
    for bundle in sorted((site_dir / BUNDLES).glob("bundle.*.min.js")):
        bundle.write_text(patch_bundle(bundle.read_text(encoding="utf-8")), encoding="utf-8")
        changed.append(bundle)
        source_map = bundle.with_name(bundle.name + ".map")
        if source_map.exists():
            source_map.write_text(patch_source_map(source_map.read_text(encoding="utf-8")), encoding="utf-8")
            changed.append(source_map)
    return changed


def cdn_addresses(site_dir: Path) -> list[tuple[str, str]]:
    """(file, address) for every CDN address left in the text files of site_dir."""
    found = []
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        if path.suffix.lower() not in {".html", ".js", ".map", ".css", ".json", ".xml", ".txt", ".svg"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        found += [(path.relative_to(site_dir).as_posix(), m.group(0)) for m in CDN_PATTERN.finditer(text)]
    return found
