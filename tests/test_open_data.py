"""Open data checked with real parsers: JSON, CSV, Atom (feedparser), JSON-LD (pyld),
the data package (frictionless), sitemaps (xmlschema against the sitemap schema)."""

from __future__ import annotations

import csv
import json
import re

import feedparser
import pytest
import xmlschema
from pyld import jsonld
from support import ROOT, build_site

from eucj_bank.catalogue.load import load_catalogue
from eucj_bank.catalogue.vocab import LANGS
from eucj_bank.open_data.exports import CSV_FIELDS, LIST_SEPARATOR

LANG_ROOT = {"en": "", "ru": "ru/", "kk": "kk/"}
SITE_URL = "https://bank.example.kz/eucj/"


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(ROOT / "resource_catalog.yaml", ROOT).catalogue


def test_json_holds_every_resource_with_its_fields(shipped, catalogue):
    data = json.loads((shipped["site"] / "data/catalogue.json").read_text("utf-8"))
    assert [r["id"] for r in data["resources"]] == [r.id for r in catalogue.resources]
    for record, res in zip(data["resources"], catalogue.resources):
        assert record["title"] == res.title.model_dump(exclude_none=True)
        assert record["topics"] == res.topics
        assert all((shipped["site"] / page).is_file() for page in record["pages"].values())


def test_csv_round_trips(shipped, catalogue):
    raw = (shipped["site"] / "data/catalogue.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: spreadsheets read the Cyrillic right
    with open(shipped["site"] / "data/catalogue.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == CSV_FIELDS and len(rows) == len(catalogue.resources)
    for row, res in zip(rows, catalogue.resources):
        assert row["id"] == res.id and row["title_kk"] == (res.title.kk or "")
        assert row["summary_ru"] == (res.summary.ru or "")
        assert row["topics"].split(LIST_SEPARATOR) == res.topics


def test_data_package_is_valid_for_frictionless(shipped):
    from frictionless import Package

    report = Package(str(shipped["site"] / "data/datapackage.json")).validate()
    assert report.valid, report.flatten(["type", "note"])


@pytest.mark.parametrize("lang", LANGS)
def test_atom_feed_parses_with_dated_entries(shipped, catalogue, lang):
    feed = feedparser.parse((shipped["site"] / LANG_ROOT[lang] / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.language == lang and len(feed.entries) == min(50, len(catalogue.resources))
    for entry in feed.entries:
        rid = entry.id.split(":")[-2]
        assert (shipped["site"] / LANG_ROOT[lang] / entry.link).is_file()
        assert entry.updated_parsed and entry.published_parsed and rid


def _documents(url, options=None):
    # No network: schema.org's context maps every term into https://schema.org/.
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": "https://schema.org/"}}}
    raise ValueError(f"unexpected remote document {url}")


@pytest.mark.parametrize("lang", LANGS)
def test_resource_pages_carry_json_ld_and_dublin_core(shipped, catalogue, lang):
    res = catalogue.resources[0]
    html = (shipped["site"] / f"{LANG_ROOT[lang]}resources/{res.id}.html").read_text("utf-8")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    expanded = jsonld.expand(json.loads(block), {"documentLoader": _documents,
                                                 "base": f"https://example.org/{LANG_ROOT[lang]}resources/"})
    node = expanded[0]
    assert {"https://schema.org/CreativeWork", "https://schema.org/LearningResource"} <= set(node["@type"])
    assert node["https://schema.org/identifier"][0]["@value"] == res.id
    assert node["https://schema.org/inLanguage"][0]["@value"] in LANGS
    assert node["https://schema.org/learningResourceType"] and node["https://schema.org/license"]
    translations = [t["@id"] for t in node["https://schema.org/workTranslation"]]
    assert all(t.endswith(f"resources/{res.id}.html") for t in translations)
    for name in ("DC.title", "DC.language", "DC.date", "DC.type", "DC.rights"):
        assert f'<meta name="{name}"' in html
    assert f'<meta name="DC.language" content="{lang}">' in html


@pytest.fixture(scope="module")
def hosted_site(tmp_path_factory):
    """A copy built for a fixed address (site_url), as an agency would host it."""
    import os

    out = tmp_path_factory.mktemp("hosted") / "site"
    os.environ["EUCJ_SITE_URL"] = SITE_URL
    try:
        result = build_site(out)
    finally:
        del os.environ["EUCJ_SITE_URL"]
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def test_sitemaps_of_a_hosted_copy_validate_against_the_sitemap_schema(hosted_site):
    schema = xmlschema.XMLSchema(str(ROOT / "tests/data/sitemap/sitemap.xsd"))
    sitemaps = list(hosted_site.rglob("sitemap.xml"))
    assert len(sitemaps) >= 9
    for path in sitemaps:
        schema.validate(str(path))
        text = path.read_text("utf-8")
        for href in re.findall(r'<(?:loc>|xhtml:link rel="alternate" hreflang="\w\w" href=")([^<"]+)', text):
            assert href.startswith(SITE_URL) and (hosted_site / href[len(SITE_URL):]).is_file(), href


def test_feeds_of_a_hosted_copy_have_absolute_links(hosted_site):
    feed = feedparser.parse((hosted_site / "kk/feed.xml").read_bytes())
    assert not feed.bozo and feed.entries[0].link.startswith(SITE_URL + "kk/resources/")


def test_exports_leave_internal_resources_out(tmp_path):
    bank = tmp_path / "bank"
    (bank / "files").mkdir(parents=True)
    text = (ROOT / "tests/fixtures/search_bank/resource_catalog.yaml").read_text("utf-8")
    text += """  - id: staff-only-memo
    type: article
    title: {en: "SECRET-MARKER memo", ru: "SECRET-MARKER записка", kk: "SECRET-MARKER жазба"}
    summary: {en: "Internal.", ru: "Служебное.", kk: "Қызметтік."}
    date: "2018"
    agencies: [gpo]
    topics: [prosecution-reform]
    audience: [prosecutors]
    licence: eucj-project
    access: internal
    availability: not-located
"""
    (bank / "resource_catalog.yaml").write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = build_site(site, catalogue=bank / "resource_catalog.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    data_files = [p for p in (site / "data").rglob("*") if p.is_file()]  # data/cite/ too
    assert any(p.parent.name == "cite" for p in data_files)
    for path in [*data_files, *site.rglob("feed.xml"), *site.rglob("sitemap.xml")]:
        content = path.read_text("utf-8")
        assert "SECRET-MARKER" not in content and "staff-only-memo" not in content, path
