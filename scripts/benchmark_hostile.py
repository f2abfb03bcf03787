#!/usr/bin/env python3
"""Time and memory of every refusal of hostile input, and the related index at scale.

Usage: python scripts/benchmark_hostile.py
For each case of tests/data/hostile/ (catalogue, profile, checklist): the seconds the
loader takes to refuse it and its peak memory (tracemalloc: what the loading allocated),
against the bounds of issue 13 (under 1 s, under 200 MB). Then the related index of
catalogues where every resource lists every topic, N = 20 ... 20,000: time per
resource should stay flat (linear). Figures are printed, not asserted.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path

from eucj_bank.catalogue.checklist_model import check_checklist
from eucj_bank.catalogue.load import load_catalogue
from eucj_bank.catalogue.model import Catalogue
from eucj_bank.catalogue.profiles import load_profile
from eucj_bank.catalogue.vocab import terms
from eucj_bank.site.related import related_index

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ROOT / "tests/data/hostile"


def _measure(run) -> tuple[float, float, int]:
    tracemalloc.start()
    start = time.perf_counter()
    problems = run()
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return seconds, peak / 1e6, len(problems)


def main(argv: list[str] | None = None) -> int:
    print(f"{'case':45} {'seconds':>8} {'peak MB':>8} {'problems':>8}")
    worst = (0.0, 0.0)
    for case in sorted(HOSTILE.iterdir()):
        if case.name.startswith("catalogue-"):
            path = case / "resource_catalog.yaml" if case.is_dir() else case
            run = lambda path=path: load_catalogue(path, path.parent).problems  # noqa: E731
        elif case.name.startswith("profile-"):
            run = lambda case=case: load_profile(case).problems  # noqa: E731
        elif case.name.startswith("checklist-"):
            run = lambda case=case: check_checklist(case, case.name)  # noqa: E731
        else:
            continue
        seconds, peak, count = _measure(run)
        worst = (max(worst[0], seconds), max(worst[1], peak))
        print(f"{case.name:45} {seconds:8.4f} {peak:8.2f} {count:8d}")
    print(f"worst: {worst[0]:.4f} s, {worst[1]:.2f} MB (bounds: 1 s, 200 MB)")
    shipped = load_catalogue(ROOT / "resource_catalog.yaml").catalogue
    base = shipped.resources
    print(f"\nrelated index, every resource lists all {len(terms('topics'))} topics")
    for n in (20, 200, 2000, 20000):
        resources = [base[i % len(base)].model_copy(update={"id": f"r{i}", "topics": list(terms("topics")),
                                                            "activity": None}) for i in range(n)]
        start = time.perf_counter()
        related_index(Catalogue.model_construct(resources=resources))
        seconds = time.perf_counter() - start
        print(f"N = {n:6d}: {seconds:7.3f} s, {seconds / n * 1e3:.3f} ms per resource")
    return 0


if __name__ == "__main__":
    sys.exit(main())
