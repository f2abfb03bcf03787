"""Two builds of the same commit give byte-identical sites and zips.

The builds differ in what must not matter: output folder, hash seed, time zone, the
moment they run. The profile has a base URL, so the site includes the dated files
(sitemap.xml and its gzip twin, whose header holds a time).
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
import re
import subprocess

import pytest

from eucj_bank.reproducible import FALLBACK_EPOCH, source_date_epoch
from support import ROOT, build_site, package

PROFILE = ROOT / "tests/fixtures/profiles/intranet-copy.yml"


def _commit_time() -> dt.datetime:
    out = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%ct"], capture_output=True, text=True,
                         check=True)
    return dt.datetime.fromtimestamp(int(out.stdout), dt.timezone.utc)


def _files(site) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    builds = []
    for n, (seed, tz) in enumerate([("1", "UTC"), ("4242", "Asia/Almaty")]):
        out = tmp_path_factory.mktemp(f"build{n}")
        result = build_site(out / "site", profile=PROFILE, PYTHONHASHSEED=seed, TZ=tz)
        assert result.returncode == 0, result.stderr
        package(out / "site", out / "copy.zip", profile=PROFILE)
        builds.append(out)
    return builds


def test_two_builds_are_byte_identical(two_builds):
    first, second = (_files(b / "site") for b in two_builds)
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, differing
    assert "sitemap.xml" in first and "sitemap.xml.gz" in first and "404.html" in first


def test_two_zips_are_byte_identical(two_builds):
    first, second = ((b / "copy.zip").read_bytes() for b in two_builds)
    assert first == second


def test_dates_are_the_last_commits_not_the_builds(two_builds):
    site = two_builds[0] / "site"
    day = _commit_time().date()
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)) == {day.isoformat()}
    raw = (site / "sitemap.xml.gz").read_bytes()
    header_time = int.from_bytes(raw[4:8], "little")  # RFC 1952: MTIME, seconds since the epoch
    assert header_time == int(dt.datetime.combine(day, dt.time(), dt.timezone.utc).timestamp())
    assert gzip.decompress(raw).decode("utf-8") == sitemap


def test_a_given_source_date_epoch_wins(tmp_path):
    result = build_site(tmp_path / "site", profile=PROFILE, SOURCE_DATE_EPOCH="1500000000")
    assert result.returncode == 0, result.stderr
    sitemap = (tmp_path / "site/sitemap.xml").read_text("utf-8")
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)) == {"2017-07-14"}
    raw = (tmp_path / "site/sitemap.xml.gz").read_bytes()
    assert int.from_bytes(raw[4:8], "little") == int(dt.datetime(2017, 7, 14, tzinfo=dt.timezone.utc).timestamp())


def test_the_build_date_is_the_last_commits(tmp_path):
    """Built today, a commit from 2016 still dates the site 2016 (the builds above run on
    their commit's day, where the build date and the commit date agree)."""
    repo = tmp_path / "repo"
    repo.mkdir()
    env = {"GIT_AUTHOR_DATE": "2016-05-20T10:00:00Z", "GIT_COMMITTER_DATE": "2016-05-20T10:00:00Z",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org", "PATH": os.environ["PATH"]}
    subprocess.run(["git", "init", "-q", str(repo)], check=True, env=env)
    subprocess.run(["git", "-C", str(repo), "commit", "-q", "--allow-empty", "-m", "x"], check=True, env=env)
    assert source_date_epoch(repo, {}) == str(int(dt.datetime(2016, 5, 20, 10, tzinfo=dt.timezone.utc).timestamp()))
    assert source_date_epoch(repo, {"SOURCE_DATE_EPOCH": "1500000000"}) == "1500000000"
    assert source_date_epoch(tmp_path / "not-a-repo", {}) == str(FALLBACK_EPOCH)
