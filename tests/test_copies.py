"""Agencies' copies built from the shipped profiles: what they hold, how they look, where they work.

The probation service's copy (profiles/probation-service.yml) is built from the shipped
catalogue, packed, unzipped and opened from disk in Chromium with all network blocked.
A copy with a base URL gets the files that need its address; one without has no
absolute link at all.
"""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from support import ROOT, build_and_package, build_site, unzip
from test_browser_browsing import open_catalogue, tick, visible_ids
from test_browser_site import search

from eucj_bank.catalogue.load import load_catalogue
from eucj_bank.catalogue.profiles import load_profile
from eucj_bank.catalogue.vocab import LANGS
from eucj_bank.site.ui import t

PROBATION = ROOT / "profiles/probation-service.yml"
INTRANET = ROOT / "tests/fixtures/profiles/intranet-copy.yml"
LANG_ROOT = {"en": "", "ru": "ru/", "kk": "kk/"}


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(ROOT / "resource_catalog.yaml", ROOT).catalogue


@pytest.fixture(scope="module")
def profile():
    return load_profile(PROBATION).profile


@pytest.fixture(scope="module")
def probation(tmp_path_factory):
    out = tmp_path_factory.mktemp("probation")
    built = build_and_package(out, profile=PROBATION, zip_name="probation-service-offline.zip")
    built["unzipped"] = unzip(built["zip"], out / "unzipped") / "probation-service"
    return built


@pytest.fixture(scope="module")
def chosen(profile, catalogue) -> set[str]:
    return {r.id for r in profile.select(catalogue).resources}


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append((tag, value))


def _links(page: Path) -> list[tuple[str, str]]:
    parser = _Links()
    parser.feed(page.read_text("utf-8"))
    return parser.links


def test_the_copy_holds_only_the_chosen_resources(probation, catalogue, chosen):
    site = probation["site"]
    assert chosen and len(chosen) < len(catalogue.resources)
    for lang in LANGS:
        pages = {p.stem for p in (site / LANG_ROOT[lang] / "resources").glob("*.html")}
        assert pages == chosen, lang
        listed = set(re.findall(r'href="resources/([^"]+)\.html"',
                                (site / LANG_ROOT[lang] / "catalogue.html").read_text("utf-8")))
        assert listed == chosen, lang
    left_out = {r.id for r in catalogue.resources} - chosen
    for page in site.rglob("*.html"):
        html = page.read_text("utf-8")
        assert not [rid for rid in left_out if f"resources/{rid}.html" in html], page
    assert {p.name for p in (site / "files").iterdir()} <= chosen


def test_every_local_link_of_the_copy_resolves_and_none_is_absolute(probation):
    site = probation["site"]
    broken, absolute = [], []
    for page in site.rglob("*.html"):
        for tag, url in _links(page):
            if re.match(r"^[a-z][a-z0-9+.-]*:", url, re.I) or url.startswith("#"):
                continue  # external links (allowed, from the catalogue) and in-page anchors
            if url.startswith("/"):
                absolute.append((str(page.relative_to(site)), url))
                continue
            target = posixpath.normpath(posixpath.join(page.parent.relative_to(site).as_posix(),
                                                       url.split("#")[0].split("?")[0]))
            if not (site / target).is_file():
                broken.append((str(page.relative_to(site)), url))
    assert not absolute, absolute[:10]
    assert not broken, broken[:10]
    assert not (site / "404.html").exists()


@pytest.mark.parametrize("lang", LANGS)
def test_the_copy_wears_the_profiles_name_logo_colours_and_contact(probation, profile, lang):
    site = probation["site"]
    name = getattr(profile.site_name, lang)
    contact = getattr(profile.contact.name, lang)
    for page in (site / LANG_ROOT[lang]).glob("*.html"):
        html = page.read_text("utf-8")
        assert re.search(rf"<title>(.* — )?{re.escape(name)}</title>", html), page
        assert re.search(rf'<div class="md-header__topic">\s*<span class="md-ellipsis">\s*{re.escape(name)}\s*</span>',
                         html), page
        assert 'data-md-color-primary="custom"' in html and 'data-md-color-accent="teal"' in html
        assert re.search(r'<img src="(\.\./)*assets/images/eucj-logo\.svg"', html), page
        assert f"<strong>{t('contact_heading', lang)}:</strong> {contact}" in html, page
        assert "eucj-internal-banner" not in html
    assert (site / "assets/images/eucj-logo.svg").read_bytes() == (ROOT / "profiles/logos/probation-service.svg").read_bytes()
    css = (site / "assets/stylesheets/eucj-colours.css").read_text("utf-8")
    assert "--md-primary-fg-color: #1b5e20;" in css


def test_the_zip_is_named_after_the_profile(probation):
    assert probation["zip"].name == "probation-service-offline.zip"
    how_to = (probation["unzipped"] / "HOW-TO-OPEN.txt").read_text("utf-8")
    assert "probation-service" in how_to and "Probation Service Resource Library - offline copy" in how_to


@pytest.fixture(scope="module")
def intranet(tmp_path_factory):
    site = tmp_path_factory.mktemp("intranet") / "site"
    result = build_site(site, profile=INTRANET)
    assert result.returncode == 0, result.stderr
    return site


def test_a_copy_with_a_base_url_gets_its_sitemap_404_page_and_canonical_links(intranet):
    base = "https://intranet.example.kz/bank/"
    sitemaps = {p: p.read_text("utf-8") for p in intranet.rglob("sitemap.xml")}
    locs = [loc for text in sitemaps.values() for loc in re.findall(r"<loc>([^<]+)</loc>", text)]
    assert locs and all(loc.startswith(base) for loc in locs)
    for loc in locs:
        assert (intranet / loc.removeprefix(base)).is_file(), loc
    assert f"<loc>{base}kk/catalogue.html</loc>" in sitemaps[intranet / "kk/sitemap.xml"]
    assert f'hreflang="ru" href="{base}ru/catalogue.html"' in sitemaps[intranet / "sitemap.xml"]
    not_found = (intranet / "404.html").read_text("utf-8")
    assert 'href="/bank/assets/stylesheets/' in not_found
    page = (intranet / "ru/catalogue.html").read_text("utf-8")
    assert f'<link rel="canonical" href="{base}ru/catalogue.html">' in page


def test_every_inline_script_of_a_base_url_copy_is_one_the_theme_emits(intranet):
    from eucj_bank.copies.csp import inline_script_hashes

    hashes, unknown = inline_script_hashes(intranet, "https://intranet.example.kz/bank/")
    assert hashes and unknown == {}


# --- the offline copy in Chromium, every request but file:// blocked ---------------

@pytest.mark.browser
def test_offline_copy_home_catalogue_resource_and_download(page, probation, profile, chosen):
    base = probation["unzipped"].as_uri() + "/"
    page.goto(base + "index.html")
    assert profile.site_name.en in page.locator(".md-header__topic").first.inner_text()
    header = page.eval_on_selector(".md-header", "e => getComputedStyle(e).backgroundColor")
    assert header == "rgb(27, 94, 32)"  # #1b5e20, from the generated stylesheet
    page.goto(base + "ru/catalogue.html")
    rows = page.locator("table.eucj-catalogue tbody tr")
    assert rows.count() == len(chosen)
    rid = next(r for r in sorted(chosen) if (probation["unzipped"] / "files" / r).is_dir())
    page.click(f"table.eucj-catalogue a[href='resources/{rid}.html']")
    page.wait_for_url(f"{base}ru/resources/{rid}.html")
    assert page.locator("h1").inner_text().strip()
    link = page.locator("ul.eucj-downloads a[download]").first
    target = posixpath.normpath(posixpath.join("ru/resources", link.get_attribute("href")))
    with page.expect_download() as info:
        link.click()
    assert Path(info.value.path()).read_bytes() == (probation["unzipped"] / target).read_bytes()
    assert not page.page_errors


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_offline_copy_searches_in_each_language(page, probation, catalogue, chosen, lang):
    base = probation["unzipped"].as_uri() + "/"
    res = next(r for r in catalogue.resources if r.id in chosen and getattr(r.title, lang))
    word = max(re.findall(r"\w{5,}", getattr(res.title, lang)), key=len)
    page.goto(f"{base}{LANG_ROOT[lang]}index.html")
    hrefs = search(page, word)
    assert f"{base}{LANG_ROOT[lang]}resources/{res.id}.html" in hrefs, (word, hrefs)
    assert all(h.removeprefix(base).startswith(LANG_ROOT[lang]) for h in hrefs)
    left_out = {r.id for r in catalogue.resources} - chosen
    assert not [h for h in hrefs if any(f"resources/{rid}.html" in h for rid in left_out)]
    assert not page.page_errors


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_offline_copy_filters_its_own_resources(page, probation, catalogue, chosen, lang):
    base = probation["unzipped"].as_uri() + "/"
    mine = [r for r in catalogue.resources if r.id in chosen]
    open_catalogue(page, base, lang)
    assert sorted(visible_ids(page)) == sorted(chosen)
    offered = set(page.eval_on_selector_all("input[name='topic']", "els => els.map(e => e.value)"))
    assert offered and offered <= {t for r in mine for t in r.topics}, "topics of resources not in the copy"
    topic = next(t for t in sorted(offered) if 0 < sum(t in r.topics for r in mine) < len(mine))
    tick(page, "topic", topic)
    assert set(visible_ids(page)) == {r.id for r in mine if topic in r.topics}
    assert f"topic={topic}" in page.url
    assert not page.page_errors
