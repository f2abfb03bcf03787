"""What the benchmark scripts share: a synthetic bank built for real, and Chromium
reading it from disk with the network blocked."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

from .synthetic import generate_catalogue

ROOT = Path(__file__).resolve().parent.parent
LANG_ROOT = {"en": "", "ru": "ru/", "kk": "kk/"}
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--allow-file-access-from-files"]


def build_synthetic_site(n: int, work: Path) -> tuple[Path, float]:
    """Generate an n-resource catalogue under `work`, build it; return (site dir, seconds)."""
    catalogue = generate_catalogue(n, work / "catalogue", ROOT)
    site = work / "site"
    env = dict(os.environ, EUCJ_CATALOGUE=str(catalogue), NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=ROOT, env=env, check=True)
    return site, time.perf_counter() - start


@contextlib.contextmanager
def offline_pages():
    """Yield a function that opens a new Chromium page allowed to read file:// only."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        def new_page():
            context = browser.new_context()
            context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
            return context.new_page()

        try:
            yield new_page
        finally:
            browser.close()
