"""Material's search worker with inflected queries (see search_worker.js for why).

The build writes one script: Material's worker followed by our patch. One file,
not a wrapper that imports Material's: over file:// the iframe-worker shim loads
imported scripts asynchronously, and a message arriving before the worker's code
had loaded would be lost (search stuck on "Initializing").
"""

from __future__ import annotations

from pathlib import Path

WORKERS = "assets/javascripts/workers"
OUR_WORKER = f"{WORKERS}/eucj-search.js"
PATCH = Path(__file__).with_name("search_worker.js")


def material_worker(theme_dir: Path) -> str:
    """The site path of Material's (content-hashed) search worker."""
    found = sorted((theme_dir / WORKERS).glob("search.*.min.js"))
    if len(found) != 1:
        raise RuntimeError(f"expected one Material search worker in {theme_dir / WORKERS}, found {found}")
    return f"{WORKERS}/{found[0].name}"


def write_search_worker(site_dir: Path, material: str) -> Path:
    target = site_dir / OUR_WORKER
    code = (site_dir / material).read_text(encoding="utf-8")
    target.write_text(code + "\n" + PATCH.read_text(encoding="utf-8"), encoding="utf-8")
    return target
