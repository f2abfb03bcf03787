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
from pathlib import Path

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


# The preview's quick pass (scripts/_quick_pass.py, eucj_bank/copies/preview_plan.py)
# must leave the served site as a full build would make it, for every page it builds;
# what it leaves to the full build that follows is named here.
LEFT_TO_THE_FULL_BUILD = ("SHA256SUMS.txt", "sitemap", "feed", "data/", "oai/", "cite/", "fulltext/", "404.html")


def _edits(catalogue) -> list[list[str]]:
    import yaml

    from eucj_bank.catalogue.vocab import terms

    text = catalogue.read_text("utf-8")
    resources = yaml.safe_load(text)["resources"]
    titled = next(r for r in resources if f"    en: {r['title']['en']}\n" in text)
    title = f"  title:\n    en: {titled['title']['en']}\n"
    moved = resources[-2]
    block = text[text.index(f"- id: {moved['id']}\n"):text.index(f"- id: {resources[-1]['id']}\n")]
    topic = next(t for t in terms("topics") if t not in moved["topics"])
    last = text[text.index(f"- id: {resources[-1]['id']}\n"):]
    added = (last.replace(resources[-1]["id"], "added-entry").split("  files:")[0]
             .replace("availability: in-bank", "availability: not-located"))
    return [[title, title.replace("    en: ", "    en: Edited «quick» ")],  # a title
            [block, block.replace(f"  - {moved['topics'][0]}\n", f"  - {topic}\n", 1)],  # a topic
            [last, last + added]]  # an entry added at the end


def _stale(path: str) -> bool:
    return any(part in path for part in LEFT_TO_THE_FULL_BUILD)


def _same(quick: Path, full: Path) -> bool:
    """Byte for byte; a search index as its documents and settings, since a quick pass
    ships it without the prebuilt lunr index (the browser builds it from those)."""
    if quick.read_bytes() == full.read_bytes():
        return True
    if quick.name not in ("search_index.json", "search_index.js"):
        return False
    import json

    from eucj_bank.search.index_split import read_disk_index
    from eucj_bank.search.lunr_index import without_prebuilt

    text = quick.read_text("utf-8")
    fast = read_disk_index(text) if quick.suffix == ".js" else json.loads(text)
    # from disk a full build ships resource entries cut to their display (result_display.for_disk),
    # the quick pass the whole texts the browser builds its index from: both against search_index.json
    whole = json.loads(full.with_name("search_index.json").read_text("utf-8"))
    return "eucjIndex" not in fast["config"] and fast == without_prebuilt(whole)


def test_the_quick_pass_builds_what_a_full_build_would(tmp_path):
    import json

    from eucj_bank.bench.synthetic import generate_catalogue

    catalogue = generate_catalogue(8, tmp_path / "bank", ROOT)
    edits = tmp_path / "edits.json"
    edits.write_text(json.dumps(_edits(catalogue)), "utf-8")
    env = {k: v for k, v in build_env(catalogue=catalogue).items()}
    done = subprocess.run([sys.executable, str(ROOT / "tests/quick_pass_run.py"), str(catalogue), str(tmp_path),
                           str(edits)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stderr[-5000:]
    runs = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert len(runs) == 3 and all(run["pages"] for run in runs)
    assert [run["whole_load"] for run in runs] == [False, False, False]  # the changed entry alone was read
    assert "en/resources/added-entry.md" in runs[2]["pages"]
    for n, run in enumerate(runs):
        quick, full = tmp_path / f"quick-{n}", tmp_path / f"full-{n}"
        in_quick = {p.relative_to(quick).as_posix() for p in quick.rglob("*") if p.is_file()}
        in_full = {p.relative_to(full).as_posix() for p in full.rglob("*") if p.is_file()}
        assert {p for p in in_full - in_quick if not _stale(p)} == set(), f"edit {n}: pages missing"
        assert {p for p in in_quick - in_full if not _stale(p)} == set(), f"edit {n}: pages left over"
        differ = sorted(p for p in in_full & in_quick if not _stale(p)
                        and not _same(quick / p, full / p))
        assert differ == [], f"edit {n}: the quick pass left these unlike a full build: {differ[:20]}"
        assert len([p for p in in_full if p.endswith(".html")]) > 100  # whole sites were compared


def test_an_edited_title_is_served_then_the_full_build_replaces_the_site(tmp_path):
    shutil.copytree(BANK, tmp_path / "bank")
    catalogue = tmp_path / "bank" / "resource_catalog.yaml"
    good = catalogue.read_text("utf-8")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    process = subprocess.Popen([sys.executable, str(ROOT / "scripts/serve.py"), "--dev-addr", f"127.0.0.1:{port}"],
                               cwd=ROOT, env=build_env(catalogue=catalogue), stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    try:
        page = url + "resources/english-only.html"
        _until(page, lambda p: "Only written in English" in p, 180)
        manifest = _get(url + "SHA256SUMS.txt")
        catalogue.write_text(good.replace("Only written in English", "Written «again» in English", 1), "utf-8")
        _until(page, lambda p: "Written «again» in English" in p, 60)
        _until(url + "catalogue.html", lambda p: "Written «again» in English" in p, 5)  # its listing
        _until(url + "SHA256SUMS.txt", lambda p: p != manifest, 180)  # the full build is served
        assert "Written «again» in English" in _get(page)
    finally:
        process.terminate()
        log = process.communicate(timeout=30)[1]
    assert "Quick pass done" in log and "The full build is served" in log, log[-3000:]


def test_the_quick_pass_is_written_for_the_locked_mkdocs():
    """scripts/_quick_pass.py wraps private MkDocs functions of one version: a new lock must
    come with the wrappers checked against the new mkdocs/commands/build.py."""
    import re

    locked = re.search(r"^mkdocs==([\d.]+)", (ROOT / "requirements/site.lock").read_text("utf-8"), re.M)
    written = re.search(r'^MKDOCS_VERSION = "([\d.]+)"', (ROOT / "scripts/_quick_pass.py").read_text("utf-8"), re.M)
    assert locked and written and locked[1] == written[1], "re-check scripts/_quick_pass.py against this MkDocs"
