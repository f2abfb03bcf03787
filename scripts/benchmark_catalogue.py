#!/usr/bin/env python3
"""Benchmark the catalogue page on a synthetic bank: data sizes and filter speed from disk.

Usage: python scripts/benchmark_catalogue.py [N ...]   (default: 1000 resources)
Prints, for each N: the time to rank related resources, the size of catalogue.html and
of catalogue-data.js per language, and in Chromium (from disk, network blocked) the
time until the filters are ready after navigation, and the time each of these takes
to update the table and counts: ticking a topic, typing a word, sorting by title.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from eucj_bank.bench.measure import LANG_ROOT, build_synthetic_site, offline_pages
from eucj_bank.catalogue.load import load_catalogue
from eucj_bank.site.related import related_index

WORDS = {"en": "probation", "ru": "пробации", "kk": "пробация"}
# Each action runs the page's own handlers synchronously inside dispatchEvent.
TIMED = {
    "tick a topic": "() => document.querySelector('input[name=topic]').click()",
    "type a word": "w => { const q = document.getElementById('eucj-filter-q'); q.value = w;"
                   " q.dispatchEvent(new Event('input', {bubbles: true})); }",
    "sort by title": "() => { const s = document.getElementById('eucj-filter-sort'); s.value = 'title';"
                     " s.dispatchEvent(new Event('change', {bubbles: true})); }",
}


def measure(site: Path) -> dict[str, dict[str, float]]:
    out = {}
    with offline_pages() as new_page:
        for lang, word in WORDS.items():
            page = new_page()
            start = time.perf_counter()
            page.goto((site / f"{LANG_ROOT[lang]}catalogue.html").as_uri())
            page.wait_for_selector("#eucj-filters:not([hidden])", timeout=120000)
            timings = {"ready after navigation": (time.perf_counter() - start) * 1000}
            for name, action in TIMED.items():
                timings[name] = page.evaluate(
                    f"w => {{ const t0 = performance.now(); ({action})(w); return performance.now() - t0; }}", word)
            out[lang] = timings
            page.context.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="*", type=int, default=[1000])
    args = parser.parse_args(argv)
    for n in args.n:
        with tempfile.TemporaryDirectory() as tmp:
            site, seconds = build_synthetic_site(n, Path(tmp))
            catalogue = load_catalogue(Path(tmp) / "catalogue" / "resource_catalog.yaml").catalogue
            start = time.perf_counter()
            related_index(catalogue)
            print(f"N={n}: build {seconds:.1f} s; related resources ranked in {time.perf_counter() - start:.2f} s")
            for lang in WORDS:
                root = site / LANG_ROOT[lang]
                print(f"  {lang}: catalogue.html {(root / 'catalogue.html').stat().st_size / 1e6:.2f} MB,"
                      f" catalogue-data.js {(root / 'catalogue-data.js').stat().st_size / 1e6:.2f} MB")
            for lang, timings in measure(site).items():
                print(f"  {lang}: " + ", ".join(f"{name} {ms:.0f} ms" for name, ms in timings.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
