#!/usr/bin/env python3
"""Benchmark search offline: keystroke-to-results in Chromium on a synthetic bank.

Usage: python scripts/benchmark_search.py [N ...]   (default: 1000 resources per language)
Prints, for each N: build time, search index size per language, and the time from a
keystroke to rendered results on each language's home page opened from disk with
the network blocked: "cold" types right after the page loads (the worker still
building the index), "warm" types a second query once results are shown.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from eucj_bank.bench import LANG_ROOT, QUERIES, build_synthetic_site, search_latency


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="*", type=int, default=[1000])
    args = parser.parse_args(argv)
    for n in args.n:
        with tempfile.TemporaryDirectory() as tmp:
            site, seconds = build_synthetic_site(n, Path(tmp))
            print(f"N={n}: build {seconds:.1f} s")
            for lang in QUERIES:
                size = (site / LANG_ROOT[lang] / "search/search_index.json").stat().st_size
                print(f"  {lang}: search index {size / 1e6:.1f} MB")
            for lang, (cold, warm) in search_latency(site).items():
                print(f"  {lang}: keystroke to results offline: cold {cold:.2f} s, warm {warm:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
