"""The copy's manifest (SHA256SUMS.txt), the zip built from it, and scripts/verify_copy.py."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import zipfile

import pytest
from support import ROOT, package, serve, unzip

from eucj_bank.catalogue.vocab import LANGS

VERIFY = [sys.executable, str(ROOT / "scripts/verify_copy.py")]
KAZAKH_LETTERS = set("әғқңөұүһі")


def _manifest(folder) -> dict[str, str]:
    lines = (folder / "SHA256SUMS.txt").read_text("utf-8").splitlines()
    return {line[66:]: line[:64] for line in lines}


def test_manifest_lists_every_file_of_the_site_with_its_sha256(shipped):
    site = shipped["site"]
    entries = _manifest(site)
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()} - {"SHA256SUMS.txt"}
    assert set(entries) == files
    for name, digest in entries.items():
        assert hashlib.sha256((site / name).read_bytes()).hexdigest() == digest, name
    # GNU coreutils reads it too: an agency can check a copy without our scripts.
    check = subprocess.run(["sha256sum", "--check", "--quiet", "--strict", "SHA256SUMS.txt"], cwd=site,
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_zip_holds_the_manifest_and_matches_it(shipped):
    with zipfile.ZipFile(shipped["zip"]) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    assert all(name.startswith("eucj-resource-bank/") for name in members)
    inside = {name.removeprefix("eucj-resource-bank/"): data for name, data in members.items()}
    listed = {line[66:]: line[:64] for line in inside["SHA256SUMS.txt"].decode("utf-8").splitlines()}
    assert set(listed) == set(inside) - {"SHA256SUMS.txt"}
    for name, digest in listed.items():
        assert hashlib.sha256(inside[name]).hexdigest() == digest, name


def test_how_to_open_is_in_three_languages(shipped):
    text = (shipped["site"] / "HOW-TO-OPEN.txt").read_text("utf-8")
    paragraphs = text.strip().split("\n\n")
    assert len(paragraphs) == len(LANGS)
    assert "index.html" in paragraphs[0] and "Откройте" in paragraphs[1]
    assert KAZAKH_LETTERS & set(paragraphs[2])
    assert all("eucj-resource-bank" in p and "SHA256SUMS.txt" in p for p in paragraphs)


@pytest.fixture
def unpacked(shipped, tmp_path):
    return unzip(shipped["zip"], tmp_path) / "eucj-resource-bank"


def _verify(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(VERIFY + list(args), capture_output=True, text=True)


# what verify_copy.py reports for _damage(), in its order
DAMAGE_REPORTED = [
    "missing: kk/search/search_index.js",
    "missing: kk/search/search_index.json",
    "missing: ru/about.html",
    "changed: assets/stylesheets/eucj.css",
    "changed: catalogue.html",
]


def _damage(copy) -> None:
    (copy / "ru/about.html").unlink()
    shutil.rmtree(copy / "kk/search")
    with open(copy / "catalogue.html", "a", encoding="utf-8") as f:
        f.write("<!-- edited -->")
    (copy / "assets/stylesheets/eucj.css").write_text("body{}", encoding="utf-8")
    (copy / "web.config").write_text("<configuration/>", encoding="utf-8")  # a server's own file


def test_verify_copy_accepts_an_unpacked_zip(unpacked):
    result = _verify(str(unpacked))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert f"all {len(_manifest(unpacked))} files match" in result.stderr


def test_verify_copy_names_every_missing_and_changed_file(unpacked):
    _damage(unpacked)
    result = _verify(str(unpacked))
    assert result.returncode == 1
    assert result.stdout.splitlines() == DAMAGE_REPORTED + ["not in the manifest (left alone): web.config"]


def test_verify_copy_checks_a_served_copy(unpacked, tmp_path):
    published = tmp_path / "published-SHA256SUMS.txt"
    shutil.copy(unpacked / "SHA256SUMS.txt", published)
    with serve(unpacked) as base:
        result = _verify(base + "/")
        assert result.returncode == 0, result.stdout + result.stderr
        _damage(unpacked)
        (unpacked / "SHA256SUMS.txt").write_text("", encoding="utf-8")  # a tampered manifest is not used
        result = _verify(base, "--manifest", str(published))
    assert result.returncode == 1
    # over HTTP an unlisted file cannot be seen, nor is it looked for
    assert result.stdout.splitlines() == DAMAGE_REPORTED


def test_verify_copy_reports_an_unreadable_manifest(unpacked):
    manifest = unpacked / "SHA256SUMS.txt"
    lines = manifest.read_text("utf-8").splitlines()
    lines[2] = "not a checksum line"
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _verify(str(unpacked))
    assert result.returncode == 1
    assert result.stderr.strip() == f"error: {manifest}:3: not a line of the form '<64 hex digits>  <path>'"


def test_packaging_refuses_a_site_changed_since_its_build(shipped, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(shipped["site"], site)
    (site / "about.html").write_text("changed", encoding="utf-8")
    (site / "stray.txt").write_text("added", encoding="utf-8")
    with pytest.raises(subprocess.CalledProcessError) as failed:
        package(site, tmp_path / "copy.zip")
    assert "no longer matches its SHA256SUMS.txt (rebuild the site): about.html, stray.txt" in failed.value.stderr
    assert not (tmp_path / "copy.zip").exists()
