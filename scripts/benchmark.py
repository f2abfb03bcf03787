#!/usr/bin/env python3
"""Benchmark the bank against the naive setup on synthetic catalogues (`make bench`).

Usage: python scripts/benchmark.py [N ...] [--naive-max N] [--serve N] [--serve-only] [--no-browser]

For each N (default 100 1000 5000 resources, each in en, ru and kk) it generates a
catalogue (eucj_bank.bench.synthetic), builds the bank and, up to --naive-max (default
1000), the naive setup of eucj_bank.bench.naive_site on the same catalogue, and prints for
each: build wall time and peak memory, HTML pages written, size of site/ (and without
the resources' own files, the same downloads in both), of the zip, of the search
index per language, the largest page, and the time from a keystroke to results in
Chromium from disk with the network blocked (and from the first click into the search
box, loading the index included); the document text: the build again with the
extraction cache warm, the full-text index per language and the texts (stored once),
and a first full-text query from disk (keystroke to results, median of 3 visits; bytes
loaded); then the ratios to the naive setup
against the targets, time per resource across N, and the time `make serve` takes
to show one changed resource (at N = --serve, default 1000; 0 skips it): from the save
until its page is served with the change (the median of 3 edits, each of another
resource), and until the full build that follows is served. --serve-only measures
that alone.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from eucj_bank.bench.fulltext_figures import build_cold_and_warm, fulltext_latency, fulltext_sizes
from eucj_bank.bench.measure import Figures, build_naive, measure_site, serve_rebuild
from eucj_bank.bench.search_timing import (
    LETTER_SECONDS,
    first_search_from_click,
    first_search_typed,
    search_latency,
    search_queries,
)
from eucj_bank.bench.synthetic import generate_catalogue

ROOT = Path(__file__).resolve().parent.parent
# issue #8: at N = 1,000, as ratios to the naive setup measured in the same run
TARGETS = {"build time": 0.10, "site/": 0.10, "search index": 0.15, "keystroke to results": 0.25}
LINEAR_LIMIT = 1.5  # time per resource at 5,000 against 1,000
MEMORY_LIMIT_MB = 2048
FIRST_SEARCH_LIMIT = 0.3  # issue 14: a first search from disk, at 5,000 resources too
WARM_LIMIT = 2 * 16.6  # issue 17: twice the build time at N = 1,000 before document text


def mb(size: float) -> str:
    return f"{size / 1e6:.1f} MB"


def print_figures(name: str, f: Figures) -> None:
    print(f"  {name}:")
    print(f"    build {f.seconds:.1f} s, peak memory {f.peak_mb:.0f} MB; {f.pages} HTML pages")
    print(f"    site/ {mb(f.site_bytes)} ({mb(f.pages_bytes)} without the resources' files); zip {mb(f.zip_bytes)}")
    print("    search index " + ", ".join(f"{lang} {mb(size)}" for lang, size in f.index_bytes.items()))
    print(f"    largest page {f.largest_page[0]} ({f.largest_page[1] / 1e3:.0f} kB)")
    for lang, (cold, warm) in f.keystroke.items():
        print(f"    keystroke to results, {lang}: {cold:.2f} s cold, {warm:.2f} s warm")
    for lang, seconds in f.first_click.items():
        print(f"    first click in the search box to results (index loading included, the query pasted at once), {lang}:"
              f" {seconds:.2f} s (target < {FIRST_SEARCH_LIMIT} s: {'met' if seconds < FIRST_SEARCH_LIMIT else 'NOT met'})")
    for lang, seconds in f.first_typed.items():
        print(f"    first search of a visit typed after the click ({LETTER_SECONDS:.2f} s a letter), keystroke to results,"
              f" {lang}: {seconds:.2f} s (target < {FIRST_SEARCH_LIMIT} s: {'met' if seconds < FIRST_SEARCH_LIMIT else 'NOT met'})")


def print_documents(site: Path, warm: float, browser: bool, queries: dict[str, tuple[str, str]]) -> None:
    print(f"    with the extraction cache warm: {warm:.1f} s (target < {WARM_LIMIT:.1f} s:"
          f" {'met' if warm < WARM_LIMIT else 'NOT met'})")
    for lang, size in fulltext_sizes(site).items():
        print(f"    full-text index {lang}: {mb(size['shards'])} in {size['count']} shards (largest"
              f" {size['largest'] / 1e3:.0f} kB), index.js {size['index'] / 1e3:.0f} kB;"
              f" its documents' texts (texts/, once) {mb(size['texts'])}")
    if browser:
        for lang, (seconds, loaded, hits, runs, snippets) in fulltext_latency(site, queries).items():
            print(f"    first full-text query {lang} ({queries[lang][0]!r}): median {seconds:.2f} s keystroke to"
                  f" {hits} passages in the result list (runs: {', '.join(f'{r:.2f}' for r in runs)}; their"
                  f" snippets {snippets:.2f} s), loaded"
                  f" {loaded / 1e3:.0f} kB (targets < 0.5 s, <= 1 MB: "
                  f"{'met' if seconds < 0.5 and loaded <= 1e6 else 'NOT met'})")


def ratio_line(what: str, bank: float, naive: float, target: float | None) -> str:
    ratio = bank / naive
    verdict = "" if target is None else f" (target <= {target:.2f}x: {'met' if ratio <= target else 'NOT met'})"
    return f"    {what}: {ratio:.3f}x{verdict}"


def print_ratios(bank: Figures, naive: Figures, targets: dict[str, float]) -> None:
    print("  bank / naive" + (" (targets hold at N = 1000):" if targets else ":"))
    print(ratio_line("build time", bank.seconds, naive.seconds, targets.get("build time")))
    print(ratio_line("peak memory", bank.peak_mb, naive.peak_mb, None))
    print(ratio_line("site/", bank.site_bytes, naive.site_bytes, targets.get("site/")))
    print(ratio_line("site/ without the resources' files", bank.pages_bytes, naive.pages_bytes, targets.get("site/")))
    print(ratio_line("zip", bank.zip_bytes, naive.zip_bytes, None))
    merged = sum(naive.index_bytes.values())
    for lang, size in bank.index_bytes.items():
        print(ratio_line(f"search index {lang} (of the merged naive index)", size, merged, targets.get("search index")))
    for lang, (cold, warm) in bank.keystroke.items():
        if lang in naive.keystroke:
            print(ratio_line(f"keystroke to results {lang}, cold", cold, naive.keystroke[lang][0],
                             targets.get("keystroke to results")))
            # The target is on the first search of a visit (the naive 2.6 s of the issue);
            # once an index is loaded, both answer in tens of milliseconds.
            print(ratio_line(f"keystroke to results {lang}, warm", warm, naive.keystroke[lang][1], None))


def run(n: int, work: Path, naive: bool, browser: bool) -> Figures:
    catalogue = generate_catalogue(n, work / "catalogue", ROOT)
    print(f"\nN = {n} resources x 3 languages", flush=True)
    cold, warm = build_cold_and_warm(catalogue, work / "site")
    bank = measure_site(work / "site", cold, work / "bank.zip")
    queries = search_queries(catalogue)
    if browser:
        bank.keystroke = search_latency(work / "site", queries)
        bank.first_click = first_search_from_click(work / "site", queries)
        bank.first_typed = first_search_typed(work / "site", queries)
    print_figures("bank", bank)
    print_documents(work / "site", warm, browser, queries)
    if naive:
        naive_site, figures = build_naive(catalogue, work / "naive")
        figures = measure_site(naive_site, figures, work / "naive.zip")
        if browser:
            figures.keystroke = search_latency(naive_site, queries)
        print_figures("naive setup", figures)
        print_ratios(bank, figures, TARGETS if n == 1000 else {})
    print(f"  time per resource: {1000 * bank.seconds / n:.1f} ms"
          f" (memory limit {MEMORY_LIMIT_MB} MB: {'met' if bank.peak_mb <= MEMORY_LIMIT_MB else 'NOT met'})", flush=True)
    return bank


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="*", type=int, default=[100, 1000, 5000])
    parser.add_argument("--naive-max", type=int, default=1000, help="build the naive setup up to this N")
    parser.add_argument("--serve", type=int, default=1000, help="measure a rebuild under mkdocs serve at this N")
    parser.add_argument("--serve-only", action="store_true", help="measure the rebuild under make serve only")
    parser.add_argument("--no-browser", action="store_true", help="skip the keystroke-to-results timings")
    args = parser.parse_args(argv)
    per_resource = {}
    for n in [] if args.serve_only else args.n:
        with tempfile.TemporaryDirectory(prefix=f"eucj-bench-{n}-") as tmp:
            bank = run(n, Path(tmp), n <= args.naive_max, not args.no_browser)
            per_resource[n] = bank.seconds / n
    if 1000 in per_resource and max(per_resource) > 1000:
        n = max(per_resource)
        growth = per_resource[n] / per_resource[1000]
        print(f"\nLinearity: time per resource at N = {n} is {growth:.2f}x that at N = 1000"
              f" (target <= {LINEAR_LIMIT}x: {'met' if growth <= LINEAR_LIMIT else 'NOT met'})")
    if args.serve:
        with tempfile.TemporaryDirectory(prefix="eucj-bench-serve-") as tmp:
            catalogue = generate_catalogue(args.serve, Path(tmp) / "catalogue", ROOT)
            first, served, full = serve_rebuild(catalogue)
            print(f"\nmake serve at N = {args.serve}: site first served after {first:.1f} s;"
                  f" one resource's title changed -> page served with it after {statistics.median(served):.1f} s"
                  f" (median of {len(served)} edits: {', '.join(f'{s:.1f}' for s in served)} s; target < 5 s:"
                  f" {'met' if statistics.median(served) < 5 else 'NOT met'}); the full site updated after"
                  f" {statistics.median(full):.1f} s (median; {', '.join(f'{s:.1f}' for s in full)} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
