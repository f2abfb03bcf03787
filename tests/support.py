"""Shared test helpers: real builds, a real local HTTP server, real Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import subprocess
import sys
import threading
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]"}


def build_site(site_dir: Path, *, catalogue: Path | None = None, strict: bool = False,
               config: Path = ROOT / "mkdocs.yml") -> subprocess.CompletedProcess:
    """Run a real `mkdocs build` into `site_dir` (a subprocess, as `make site` does)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if catalogue is not None:
        env["EUCJ_CATALOGUE"] = str(catalogue)
    cmd = [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(config), "-d", str(site_dir)]
    if strict:
        cmd.append("--strict")
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)


def package(site_dir: Path, zip_path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "package_offline.py"),
                           "--site", str(site_dir), "--out", str(zip_path)],
                          capture_output=True, text=True, check=True)


def build_and_package(out: Path, *, catalogue: Path | None = None, strict: bool = False) -> dict:
    """Build a site into out/site and its offline zip into out/dist; fail the test on a build error."""
    site = out / "site"
    result = build_site(site, catalogue=catalogue, strict=strict)
    assert result.returncode == 0, result.stdout + result.stderr
    zip_path = out / "dist" / "eucj-resource-bank-offline.zip"
    package(site, zip_path)
    return {"site": site, "zip": zip_path, "log": result.stdout + result.stderr}


def unzip(zip_path: Path, into: Path) -> Path:
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(into)
    return into


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output clean
        pass


@contextlib.contextmanager
def serve(directory: Path):
    """Serve `directory` on 127.0.0.1 at a free port; yield the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("file", "data", "blob", "about"):
        return True
    return parts.hostname in {"127.0.0.1", "localhost", "::1"}


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--allow-file-access-from-files"]
