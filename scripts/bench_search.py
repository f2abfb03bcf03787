"""Relevance benchmark of the site's search (make bench-search).

Usage: python scripts/bench_search.py [SITE_DIR] [--queries tests/data/search_bench.json]
Runs every judged query through the shipped search worker under node against SITE_DIR
(default site/, built by `make site`) and prints success@1, success@5, MRR and the
zero-result rate per language and per class, then the queries missed. Exit 1 if a
target is missed (success@5 >= 0.90 per language, English >= 0.95, zero results <= 0.05).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eucj_bank.bench.search_relevance import evaluate, report, targets_met  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site")
    parser.add_argument("--queries", type=Path, default=ROOT / "tests/data/search_bench.json")
    args = parser.parse_args(argv)
    if not (args.site / "search" / "search_index.json").is_file():
        print(f"{args.site}: no built site (run `make site` first)", file=sys.stderr)
        return 2
    rows = evaluate(args.site, json.loads(args.queries.read_text("utf-8"))["queries"])
    print(report(rows))
    missed = targets_met(rows)
    print("\ntargets: " + ("all met" if not missed else "; ".join(missed)))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
