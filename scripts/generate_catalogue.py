#!/usr/bin/env python3
"""Write a synthetic catalogue of N resources (with files) for benchmarks.

Usage: python scripts/generate_catalogue.py N [--out DIR]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eucj_bank.bench.synthetic import generate_catalogue

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--out", default=None, help="folder (default: bench/catalogue-N)")
    args = parser.parse_args(argv)
    out = Path(args.out or ROOT / "bench" / f"catalogue-{args.n}")
    print(generate_catalogue(args.n, out, ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
