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


def build_command(site_dir: Path, *, strict: bool = False, config: Path = ROOT / "mkdocs.yml") -> list[str]:
    cmd = [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(config), "-d", str(site_dir)]
    return cmd + ["--strict"] if strict else cmd


def build_env(*, catalogue: Path | None = None, profile: Path | None = None, **extra: str) -> dict:
    """The environment of a build: this one without the variables a build reads, plus these."""
    env = {k: v for k, v in os.environ.items() if k not in ("EUCJ_CATALOGUE", "EUCJ_PROFILE", "SOURCE_DATE_EPOCH")}
    env.update(NO_MKDOCS_2_WARNING="1", **extra)
    if catalogue is not None:
        env["EUCJ_CATALOGUE"] = str(catalogue)
    if profile is not None:
        env["EUCJ_PROFILE"] = str(profile)
    return env


def build_site(site_dir: Path, *, catalogue: Path | None = None, profile: Path | None = None,
               strict: bool = False, config: Path = ROOT / "mkdocs.yml", **env: str) -> subprocess.CompletedProcess:
    """Run a real `mkdocs build` into `site_dir` (a subprocess, as `make site` does)."""
    return subprocess.run(build_command(site_dir, strict=strict, config=config), cwd=ROOT,
                          env=build_env(catalogue=catalogue, profile=profile, **env), capture_output=True, text=True)


def package(site_dir: Path, zip_path: Path | None = None, *, profile: Path | None = None) -> subprocess.CompletedProcess:
    cmd = [sys.executable, str(ROOT / "scripts" / "package_offline.py"), "--site", str(site_dir)]
    cmd += ["--out", str(zip_path)] if zip_path else []
    cmd += ["--profile", str(profile)] if profile else []
    return subprocess.run(cmd, capture_output=True, text=True, check=True, env=build_env())


def build_and_package(out: Path, *, catalogue: Path | None = None, profile: Path | None = None,
                      strict: bool = False, zip_name: str = "eucj-resource-bank-offline.zip") -> dict:
    """Build a site into out/site and its offline zip into out/dist; fail the test on a build error."""
    site = out / "site"
    result = build_site(site, catalogue=catalogue, profile=profile, strict=strict)
    assert result.returncode == 0, result.stdout + result.stderr
    zip_path = out / "dist" / zip_name
    package(site, zip_path, profile=profile)
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


def output_bytes(site_dir: Path, zip_path: Path | None = None):
    """Every byte a build produced, as (where, bytes): each file of the site, each zip
    member and its name, the raw zip; gzip files also decompressed."""
    import gzip

    def expand(where: str, data: bytes):
        yield where, data
        if data[:2] == b"\x1f\x8b":
            yield where + " (gunzipped)", gzip.decompress(data)

    for path in sorted(Path(site_dir).rglob("*")):
        yield str(path.relative_to(site_dir)), path.as_posix().encode("utf-8")
        if path.is_file():
            yield from expand(str(path.relative_to(site_dir)), path.read_bytes())
    if zip_path is not None:
        yield str(zip_path), zip_path.read_bytes()
        with zipfile.ZipFile(zip_path) as archive:
            for info in archive.infolist():
                yield f"{zip_path.name}:{info.filename} (name)", info.filename.encode("utf-8")
                yield from expand(f"{zip_path.name}:{info.filename}", archive.read(info))
