"""Outside checkers on the built site: linkchecker (every link, served and from the unzipped
copy) and the Nu HTML checker (our templates and generated pages give no error).
Lighthouse runs in `make audit` (scripts/audit.py): its scores are figures, not a test."""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import tempfile
from pathlib import Path

import pytest
from support import ROOT, unzip

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _linkchecker(url: str) -> subprocess.CompletedProcess:
    if not shutil.which("linkchecker"):
        pytest.fail("linkchecker is missing: run `make test-deps` (Debian package linkchecker)")
    # Internal links only (no network); robots.txt does not apply to a check of our own copy.
    return subprocess.run(["linkchecker", "--no-status", "--no-warnings", "--no-robots", "-t", "4", "-o", "text", url],
                          capture_output=True, text=True, timeout=900)


def _checked(result: subprocess.CompletedProcess) -> int:
    """How many links linkchecker followed ("378 links in 378 URLs checked.")."""
    found = re.search(r"(\d+) links? in \d+ URLs? checked", result.stdout)
    return int(found.group(1)) if found else 0


def test_no_broken_link_in_the_served_site(served_site):
    result = _linkchecker(served_site)
    assert result.returncode == 0 and " 0 errors found" in result.stdout, result.stdout[-6000:]
    assert _checked(result) > 300  # every page of three languages, not a start page alone


def test_no_broken_link_in_the_unzipped_copy(shipped):
    # linkchecker run as root drops to the user nobody: the copy must be readable by all.
    folder = Path(tempfile.mkdtemp(prefix="eucj-linkcheck-"))
    try:
        os.chmod(folder, stat.S_IRWXU | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)
        root = unzip(shipped["zip"], folder) / "eucj-resource-bank"
        result = _linkchecker((root / "index.html").as_uri())
        assert result.returncode == 0 and " 0 errors found" in result.stdout, result.stdout[-6000:]
        assert _checked(result) > 300
    finally:
        shutil.rmtree(folder)


# Errors in Material's own base.html, which we do not copy (a copy would not follow its
# security fixes): autocomplete="off" on its drawer and search toggles (checkboxes), and
# its contents title's label for the "__toc" toggle, which Material renders only for a
# page listed in the navigation (resource pages are not: see mkdocs.yml not_in_nav).
MATERIAL = [("Attribute “autocomplete” is only allowed", 'data-md-toggle="drawer"'),
            ("Attribute “autocomplete” is only allowed", 'data-md-toggle="search"'),
            ("The value of the “for” attribute of the “label” element", 'class="md-nav__title" for="__toc"')]


def _ours(message: dict) -> bool:
    return not any(message.get("message", "").startswith(text) and mark in message.get("extract", "")
                   for text, mark in MATERIAL)


def _vnu(paths: list[Path]) -> list[dict]:
    if not VNU.exists() or not shutil.which("java"):
        pytest.fail("the Nu HTML checker needs `make test-deps` (npm vnu-jar, Debian default-jre-headless)")
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--errors-only", *map(str, paths)],
                            capture_output=True, text=True, timeout=900)
    return json.loads(result.stderr or "{}").get("messages", [])


def test_nu_html_checker_finds_no_error(shipped):
    site = shipped["site"]
    pages = [site / lang / name for lang in ("", "ru", "kk")
             for name in ("index.html", "catalogue.html", "browse/topic.html", "browse/topic-probation.html",
                          "resources/epr-checklist.html", "resources/project-aims-and-objectives.html",
                          "how-to-use.html", "data.html")]
    messages = [m for m in _vnu(pages) if _ours(m)]
    shown = "\n".join(f"{m.get('url', '')}:{m.get('lastLine')}: {m.get('message')} [{m.get('extract', '')[:120]}]"
                      for m in messages)
    assert messages == [], shown
