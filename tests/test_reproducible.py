"""Two builds of the same commit give byte-identical sites and zips.

The builds differ in what must not matter: output folder, hash seed, time zone, the
moment they run. The profile has a base URL, so the site also holds what only such a
copy has (404 page, absolute addresses), and every sitemap with its gzip twin, whose
header could hold a time.
"""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from support import ROOT, build_site, package

from eucj_bank.copies.packaging import FIXED_TIME

PROFILE = ROOT / "tests/fixtures/profiles/intranet-copy.yml"


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
    assert {"sitemap.xml", "sitemap.xml.gz", "kk/resources/sitemap.xml", "404.html", "feed.xml"} <= set(first)


def test_two_zips_are_byte_identical(two_builds):
    first, second = ((b / "copy.zip").read_bytes() for b in two_builds)
    assert first == second


def test_no_build_time_in_the_output(two_builds):
    """A date or time of the build in any file would make the next day's build differ,
    which two builds on the same day cannot show. Today's date may appear only if an
    editor dated an entry today."""
    now = dt.datetime.now(dt.timezone.utc)
    stamps = {now.strftime("%Y-%m-%d"), now.strftime("%d.%m.%Y"), now.strftime("%Y%m%d"),
              now.strftime("%a, %d %b %Y")}
    in_catalogue = {s for s in stamps if s in (ROOT / "resource_catalog.yaml").read_text("utf-8")}
    site = two_builds[0] / "site"
    for name, data in _files(site).items():
        text = data.decode("utf-8", "replace")
        assert not [s for s in stamps - in_catalogue if s in text], name
        if name.endswith(".gz"):
            assert int.from_bytes(data[4:8], "little") == 0, f"{name}: gzip header holds a time"
    with zipfile.ZipFile(two_builds[0] / "copy.zip") as archive:
        assert {info.date_time for info in archive.infolist()} == {FIXED_TIME}
