"""`make serve` (scripts/serve.py) tells the truth: a failed build is a page in the browser,
in the editor's language, answered at once; the next good save brings the site back."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from support import ROOT, build_env

BANK = ROOT / "tests/fixtures/fallback_bank"
BROKEN_LINE = ("    type: article\n", '    type: "article\n')  # an unclosed quote on line 4


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str:
    """The page at `url`; a 404 answer (the error page for any address) counts as an answer."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # never a browser left waiting
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.read().decode("utf-8")


def _until(url: str, wanted, limit: float) -> str:
    deadline = time.monotonic() + limit
    while True:
        try:
            page = _get(url)
            if wanted(page):
                return page
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            page = ""
        if time.monotonic() > deadline:
            pytest.fail(f"{url} did not show what was expected within {limit} s:\n{page[:2000]}")
        time.sleep(0.3)


@pytest.fixture
def served(tmp_path):
    shutil.copytree(BANK, tmp_path / "bank")
    catalogue = tmp_path / "bank" / "resource_catalog.yaml"
    good = catalogue.read_text("utf-8")
    assert BROKEN_LINE[0] in good
    catalogue.write_text(good.replace(*BROKEN_LINE, 1), "utf-8")
    port = _free_port()
    env = {k: v for k, v in build_env(catalogue=catalogue).items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    process = subprocess.Popen([sys.executable, str(ROOT / "scripts/serve.py"), "--dev-addr", f"127.0.0.1:{port}"],
                               cwd=ROOT, env={**env, "LANG": "kk_KZ.UTF-8"}, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        yield f"http://127.0.0.1:{port}/", catalogue, good
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_a_broken_catalogue_is_an_error_page_and_the_fix_brings_the_site_back(served):
    url, catalogue, good = served
    page = _until(url, lambda p: "eucj-build-error" in p, 120)  # the first build fails at once
    assert "<title>Сайтты құрастыру мүмкін емес</title>" in page and 'lang="kk"' in page
    assert "resource_catalog.yaml:4:11: YAML синтаксисі: 4-жолда ашылған тырнақша жабылмаған" in page
    assert "    4 |     type: &quot;article" in page  # the line as written, escaped
    assert "eucj-build-error" in _get(url + "ru/resources/english-only.html")  # every address answers

    catalogue.write_text(good, "utf-8")
    _until(url, lambda p: "eucj-build-error" not in p and "<html" in p, 180)
    assert "Only written in English" in _get(url + "resources/english-only.html")

    catalogue.write_text(good.replace(*BROKEN_LINE, 1), "utf-8")  # broken again while serving
    _until(url, lambda p: "eucj-build-error" in p, 60)
