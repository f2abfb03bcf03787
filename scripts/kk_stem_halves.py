#!/usr/bin/env python3
"""Score the shipped Kazakh stemmer on the shared dev set and on its two halves.

Usage: python scripts/kk_stem_halves.py [--eval ../shared/eval]

Runs the shared scorer (kk_stem_eval.py, pair recall and pair precision under node)
on the whole CoNLL-U file and on its odd and even sentences. The halves are written
to a temporary directory and deleted afterwards: nothing of the data enters the
project. A rule checked on the errors of one half is reported on the other.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULE = ROOT / "overrides/assets/javascripts/lunr/min/lunr.kk.min.js"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval",
                        help="folder of kk_stem_eval.py and kk-dev.conllu")
    args = parser.parse_args(argv)
    scorer, conllu = args.eval / "kk_stem_eval.py", args.eval / "kk-dev.conllu"
    if not scorer.is_file() or not conllu.is_file():
        print(f"{args.eval}: no kk_stem_eval.py and kk-dev.conllu there", file=sys.stderr)
        return 2
    import material

    support = Path(material.__file__).parent / "templates/assets/javascripts/lunr/min/lunr.stemmer.support.min.js"
    sentences = conllu.read_text("utf-8").strip().split("\n\n")
    with tempfile.TemporaryDirectory() as tmp:
        parts = {"whole": (conllu, len(sentences))}
        for name, half in (("odd", sentences[0::2]), ("even", sentences[1::2])):
            path = Path(tmp) / f"{name}.conllu"
            path.write_text("\n\n".join(half) + "\n\n", "utf-8")
            parts[name] = (path, len(half))
        for name, (path, count) in parts.items():
            print(f"{name} ({count} sentences)", flush=True)
            done = subprocess.run([sys.executable, str(scorer), "--module", str(MODULE), "--support", str(support),
                                   "--conllu", str(path)], check=False)
            if done.returncode:
                return done.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
