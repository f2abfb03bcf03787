#!/usr/bin/env python3
"""Lighthouse scores of a built site: home, catalogue and a resource page in each language.

Usage: python scripts/audit.py [SITE] [--min 90]   (default: site/; `make audit`)
Serves SITE on 127.0.0.1 (a free port, text compressed as a production server does), runs Lighthouse (npm, node_modules/.bin) with
Debian's Chromium (CHROME_PATH=/usr/bin/chromium) in its mobile setting (a mid-range
phone on a slow 4G line, simulated), and prints performance, accessibility, best
practices and SEO per page: of --runs runs (default 3), the one with the median
performance, as Lighthouse's own docs advise. Exit 1 if any score is below --min.
Figures, not a test: Lighthouse estimates the phone's CPU time from this machine's, so
a busy machine (other builds running) costs a run up to 30 performance points.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = ("index.html", "catalogue.html", "resources/epr-checklist.html")
LANG_ROOTS = {"en": "", "ru": "ru/", "kk": "kk/"}


COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".map", ".txt"}


class _Server(http.server.SimpleHTTPRequestHandler):
    """Serves the site as a production web server would: text compressed with gzip when
    the browser accepts it (nginx `gzip on;`, Apache mod_deflate, IIS dynamic
    compression). Python's own server does not compress, which made a phone on slow 4G
    wait for 138 KB of Material's CSS instead of 20 KB."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", "") \
                or not path.is_file():
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def scores(url: str, out: Path) -> dict[str, int]:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
                    f"--only-categories={','.join(CATEGORIES)}",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                   check=True, env=env, timeout=300)
    report = json.loads(out.read_text("utf-8"))
    return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default=str(ROOT / "site"))
    parser.add_argument("--min", type=int, default=90, help="lowest acceptable score (default 90)")
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median is kept (default 3)")
    args = parser.parse_args(argv)
    site = Path(args.site)
    if not (site / "index.html").is_file():
        print(f"error: {site} holds no built site - run `make site` first", file=sys.stderr)
        return 1
    if not LIGHTHOUSE.exists():
        print("error: Lighthouse is missing - run `make test-deps` (npm ci)", file=sys.stderr)
        return 1
    handler = functools.partial(_Server, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    low = []
    print(f"{'page':<34} " + " ".join(f"{c:>14}" for c in CATEGORIES))
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for lang, root in LANG_ROOTS.items():
                for page in PAGES:
                    runs = sorted((scores(base + root + page, Path(tmp) / "report.json") for _ in range(args.runs)),
                                  key=lambda run: run["performance"])
                    got = runs[len(runs) // 2]
                    print(f"{root + page:<34} " + " ".join(f"{got[c]:>14}" for c in CATEGORIES), flush=True)
                    low += [(root + page, c, got[c]) for c in CATEGORIES if got[c] < args.min]
    finally:
        server.shutdown()
    for page, category, score in low:
        print(f"{page}: {category} {score} < {args.min}", file=sys.stderr)
    return 1 if low else 0


if __name__ == "__main__":
    sys.exit(main())
