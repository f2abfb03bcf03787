"""What the benchmark scripts share: synthetic banks built for real (the bank and the
naive setup), their figures, Chromium reading them from disk with the network
blocked, and a rebuild under `mkdocs serve`. How fast their search answers is
search_timing.py."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..catalogue.vocab import LANGS
from ..copies.packaging import pack_directory
from .naive_site import write_naive_project
from .synthetic import generate_catalogue

ROOT = Path(__file__).resolve().parents[2]
LANG_ROOT = {"en": "", "ru": "ru/", "kk": "kk/"}
LANG_FOLDERS = {folder.rstrip("/") for folder in LANG_ROOT.values() if folder}
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--allow-file-access-from-files"]


@dataclass
class Figures:
    """One build of one catalogue, measured."""

    seconds: float
    peak_mb: float
    pages: int = 0
    site_bytes: int = 0
    payload_bytes: int = 0  # the resources' own files (the same downloads in every setup)
    zip_bytes: int = 0
    index_bytes: dict[str, int] = field(default_factory=dict)  # "en"/"ru"/"kk", or "all" (merged)
    largest_page: tuple[str, int] = ("", 0)
    keystroke: dict[str, tuple[float, float]] = field(default_factory=dict)  # lang -> (cold, warm) s
    first_click: dict[str, float] = field(default_factory=dict)  # lang -> s from the first click
    first_typed: dict[str, float] = field(default_factory=dict)  # lang -> s from the keystroke, typed after the click

    @property
    def pages_bytes(self) -> int:
        """The site without the resources' own files: what the generator writes."""
        return self.site_bytes - self.payload_bytes


def _mkdocs_env(**extra: str) -> dict:
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", **extra)


def timed_run(args: list[str], cwd: Path, env: dict) -> tuple[float, float]:
    """Run a command to completion; return (wall seconds, peak resident memory in MB)."""
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, args)
    return seconds, usage.ru_maxrss / 1024  # Linux reports kilobytes


def build_synthetic_site(n: int, work: Path) -> tuple[Path, float]:
    """Generate an n-resource catalogue under `work`, build the bank; return (site, seconds)."""
    catalogue = generate_catalogue(n, work / "catalogue", ROOT)
    site = work / "site"
    return site, build_bank(catalogue, site).seconds


def build_bank(catalogue: Path, site: Path) -> Figures:
    seconds, peak = timed_run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], ROOT,
                              _mkdocs_env(EUCJ_CATALOGUE=str(catalogue)))
    return Figures(seconds, peak)


def build_naive(catalogue: Path, work: Path) -> tuple[Path, Figures]:
    config = write_naive_project(catalogue, work)
    site = work / "site"
    seconds, peak = timed_run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
                              work, _mkdocs_env())
    return site, Figures(seconds, peak)


def _is_payload(relative: Path) -> bool:
    """A resource's own file: files/... under the site root or a language root."""
    parts = relative.parts
    if parts and parts[0] in LANG_FOLDERS:
        parts = parts[1:]
    return bool(parts) and parts[0] == "files"


def measure_site(site: Path, figures: Figures, zip_path: Path) -> Figures:
    """Fill in the sizes of a built site (and pack it into `zip_path`)."""
    largest = ("", 0)
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        relative = path.relative_to(site)
        figures.site_bytes += size
        if _is_payload(relative):
            figures.payload_bytes += size
        elif path.suffix == ".html":
            figures.pages += 1
            largest = max(largest, (relative.as_posix(), size), key=lambda item: item[1])
    figures.largest_page = largest
    for lang in LANGS:
        index = site / LANG_ROOT[lang] / "search" / "search_index.json"
        if index.is_file():
            figures.index_bytes[lang] = index.stat().st_size
    if set(figures.index_bytes) == {LANGS[0]}:  # one index for every language (static-i18n's merge)
        figures.index_bytes = {"all": figures.index_bytes[LANGS[0]]}
    pack_directory(site, zip_path, "site")
    figures.zip_bytes = zip_path.stat().st_size
    zip_path.unlink()
    return figures


@contextlib.contextmanager
def offline_pages():
    """Yield a function that opens a new Chromium page allowed to read file:// only."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        def new_page():
            context = browser.new_context()
            context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
            return context.new_page()

        try:
            yield new_page
        finally:
            browser.close()


def free_port() -> int:
    """A port nothing listens on now: the OS picks it (bind to port 0). `mkdocs serve`
    needs a number, not a socket; if another process takes it before mkdocs does, mkdocs
    exits, and _wait_for says so instead of waiting."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_rebuild(catalogue: Path, port: int | None = None, timeout: float = 900,
                  edits: int = 3) -> tuple[float, list[float], list[float]]:
    """Under `make serve` (scripts/serve.py, as the Makefile runs it), change the English
    title of one resource after another (`edits` of them, spread over the catalogue);
    return (seconds to the first served site, for each edit the seconds from the save
    until its page is served with the new title, and until the full build that follows
    is served: the manifest, which only a full build writes, changes)."""
    port = port or free_port()
    data = yaml.safe_load(catalogue.read_text(encoding="utf-8"))
    base = f"http://127.0.0.1:{port}/"
    args = [sys.executable, str(ROOT / "scripts" / "serve.py"), "--dev-addr", f"127.0.0.1:{port}"]
    server = subprocess.Popen(args, cwd=ROOT, env=_mkdocs_env(EUCJ_CATALOGUE=str(catalogue)),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        start = time.perf_counter()
        _wait_for(base + "SHA256SUMS.txt", lambda body: True, timeout, server)
        first_served = time.perf_counter() - start
        served, full = [], []
        resources = data["resources"]
        for n in range(edits):
            res = resources[(n * 7919) % len(resources)]
            manifest = _get(base + "SHA256SUMS.txt")
            new_title = f"Changed title {time.time_ns()}"
            res["title"]["en"] = new_title
            start = time.perf_counter()
            catalogue.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
            _wait_for(f"{base}resources/{res['id']}.html", lambda body: new_title in body, timeout, server, 0.05)
            served.append(time.perf_counter() - start)
            _wait_for(base + "SHA256SUMS.txt", lambda body: body != manifest, timeout, server)
            full.append(time.perf_counter() - start)
        return first_served, served, full
    finally:
        server.terminate()
        server.wait(timeout=60)


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode("utf-8")


def _wait_for(url: str, ready, timeout: float, server: subprocess.Popen | None = None, poll: float = 0.1) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server is not None and server.poll() is not None:
            raise RuntimeError(f"mkdocs serve for {url} exited with status {server.returncode} "
                               "(is the port taken?) before serving the page")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if ready(response.read().decode("utf-8")):
                    return
        except OSError:
            pass
        time.sleep(poll)
    raise TimeoutError(f"{url} not ready after {timeout:.0f} s")
