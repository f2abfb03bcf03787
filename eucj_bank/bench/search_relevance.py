"""Relevance of the shipped search on judged queries (scripts/bench_search.py, make bench-search).

Each query of the judged file (tests/data/search_bench.json) runs through the site's own
search worker under node (scripts/search_node.js: Material's worker with our prelude,
normaliser, thesaurus and patch, against the built index of the query's language). A query
succeeds at k if one of its relevant resources is among the first k results.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

RUNNER = Path(__file__).resolve().parents[2] / "scripts" / "search_node.js"
TARGETS = {"success@5": 0.90, "zero": 0.05, "en success@5": 0.95}


def run_queries(site: Path, lang: str, queries: list[str]) -> dict:
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("node is needed to run the site's search worker")
    out = subprocess.run([node, str(RUNNER), str(site), lang], input=json.dumps(queries, ensure_ascii=False),
                         capture_output=True, text=True, timeout=600)
    if out.returncode != 0:
        raise RuntimeError(out.stderr)
    return json.loads(out.stdout)


def rank_of(locations: list[str], relevant: list[str]) -> int | None:
    """1-based rank of the first relevant resource page, None if absent."""
    wanted = {f"resources/{rid}.html" for rid in relevant}
    for i, location in enumerate(locations, 1):
        if location.split("#")[0] in wanted:
            return i
    return None


def evaluate(site: Path, judged: list[dict]) -> list[dict]:
    rows = []
    for lang in sorted({q["lang"] for q in judged}):
        mine = [q for q in judged if q["lang"] == lang]
        answer = run_queries(site, lang, [q["query"] for q in mine])
        for q, got in zip(mine, answer["results"]):
            rows.append({**q, "rank": rank_of(got["locations"], q["relevant"]), "found": len(got["locations"]),
                         "top": got["locations"][:3], "note": got["note"], "ms": got["ms"]})
    return rows


def summary(rows: list[dict]) -> dict[str, float]:
    n = len(rows)
    ranks = [r["rank"] for r in rows]
    return {"queries": n,
            "success@1": sum(1 for k in ranks if k == 1) / n,
            "success@5": sum(1 for k in ranks if k and k <= 5) / n,
            "MRR": sum(1 / k for k in ranks if k) / n,
            "zero": sum(1 for r in rows if not r["found"]) / n}


def report(rows: list[dict]) -> str:
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        groups[r["lang"]].append(r)
        groups[f"{r['lang']} {r['class']}"].append(r)
        groups[f"all {r['class']}"].append(r)
    groups["all"] = rows
    lines = [f"{'group':<18} {'n':>3} {'success@1':>9} {'success@5':>9} {'MRR':>6} {'zero':>6}"]
    for name in sorted(groups, key=lambda g: (g.count(" "), g)):
        s = summary(groups[name])
        lines.append(f"{name:<18} {s['queries']:>3} {s['success@1']:>9.2f} {s['success@5']:>9.2f} "
                     f"{s['MRR']:>6.2f} {s['zero']:>6.2f}")
    misses = [r for r in rows if not r["rank"] or r["rank"] > 5]
    if misses:
        lines.append("\nnot in the first 5:")
        lines += [f"  {r['lang']} {r['class']:<10} {r['query']!r}: {r['top']} {r['note'] or ''}" for r in misses]
    return "\n".join(lines)


def targets_met(rows: list[dict]) -> list[str]:
    """The targets missed, as sentences (none: all met)."""
    missed = []
    for lang in sorted({r["lang"] for r in rows}):
        s = summary([r for r in rows if r["lang"] == lang])
        floor = TARGETS["en success@5"] if lang == "en" else TARGETS["success@5"]
        if s["success@5"] < floor:
            missed.append(f"{lang}: success@5 {s['success@5']:.2f} < {floor}")
        if s["zero"] > TARGETS["zero"]:
            missed.append(f"{lang}: zero-result rate {s['zero']:.2f} > {TARGETS['zero']}")
    return missed
