"""A real build of the shipped catalogue: pages, languages, search split, zip, no network."""

from __future__ import annotations

import json
import re
import zipfile
from html import escape as html_escape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from support import ROOT, package

from eucj_bank.catalogue.load import load_catalogue
from eucj_bank.catalogue.vocab import LANGS, label
from eucj_bank.search.index_split import read_disk_index
from eucj_bank.search.result_display import for_disk
from eucj_bank.site.ui import t

LANG_ROOT = {"en": "", "ru": "ru/", "kk": "kk/"}


@pytest.fixture(scope="module")
def catalogue():
    result = load_catalogue(ROOT / "resource_catalog.yaml", ROOT, strict=True)
    assert result.ok, "\n".join(map(str, result.problems))
    return result.catalogue


def test_shipped_catalogue_is_substantial(catalogue):
    assert len(catalogue.resources) >= 25
    types = {r.type for r in catalogue.resources}
    assert {"checklist", "pilot-guide"} <= types


@pytest.mark.parametrize("lang", LANGS)
def test_every_resource_has_a_page_in_each_language(shipped, catalogue, lang):
    for res in catalogue.resources:
        page = shipped["site"] / f"{LANG_ROOT[lang]}resources/{res.id}.html"
        html = page.read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
        assert h1 and h1.group(1).strip(), f"{page} has an empty title"


@pytest.mark.parametrize("lang", LANGS)
def test_hand_written_and_generated_pages_exist(shipped, lang):
    for name in ("index", "about", "how-to-use", "catalogue", "browse/type", "browse/topic", "browse/agency"):
        html = (shipped["site"] / f"{LANG_ROOT[lang]}{name}.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html


@pytest.mark.parametrize("lang", LANGS)
def test_search_index_holds_only_its_language(shipped, lang):
    index = json.loads((shipped["site"] / LANG_ROOT[lang] / "search/search_index.json").read_text("utf-8"))
    assert index["config"]["lang"] == [lang]
    assert index["docs"], "empty index"
    for doc in index["docs"]:
        target = shipped["site"] / LANG_ROOT[lang] / doc["location"].split("#")[0]
        assert target.is_file(), f"{doc['location']} does not resolve inside /{LANG_ROOT[lang]}"
        assert f'<html lang="{lang}"' in target.read_text("utf-8")
    js = (shipped["site"] / LANG_ROOT[lang] / "search/search_index.js").read_text("utf-8")
    # from disk: the same index, resource entries holding what their results show
    assert read_disk_index(js) == for_disk(index)


@pytest.mark.parametrize("lang", LANGS)
def test_search_indexes_what_a_resource_is_found_by(shipped, catalogue, lang):
    """A resource page's entry holds its title, summary and facets in the page language;
    the page's furniture (breadcrumbs, related resources' titles, the citation) is not
    indexed, so a search for one resource does not also return every page linking it."""
    docs = json.loads((shipped["site"] / LANG_ROOT[lang] / "search/search_index.json").read_text("utf-8"))["docs"]
    by_location = {}
    for doc in docs:
        assert doc["location"] not in by_location, f"two entries for {doc['location']}"
        by_location[doc["location"]] = doc
    for res in catalogue.resources:
        page = f"resources/{res.id}.html"
        entry = by_location[page]
        title, _ = res.title.get(lang)
        assert entry["title"] == html_escape(title, quote=False)
        for fact in [label("types", res.type, lang), res.id, *(label("topics", topic, lang) for topic in res.topics)]:
            assert html_escape(fact, quote=False) in entry["text"], (page, fact)
        sections = {loc.partition("#")[2] for loc in by_location if loc.startswith(page + "#")}
        assert not sections & {"related", "cite", "downloads", "about-resource"}, (page, sections)
    breadcrumb = f"<li>{html_escape(t('home', lang), quote=False)}</li>"
    assert not [loc for loc, doc in by_location.items() if breadcrumb in doc["text"]]


def test_kazakh_ui_translation_is_complete():
    import material

    def keys(path: Path) -> set[str]:
        return set(re.findall(r'^\s*"([^"]+)":', path.read_text("utf-8"), re.M))

    english = keys(Path(material.__file__).parent / "templates/partials/languages/en.html")
    kazakh = keys(ROOT / "overrides/partials/languages/kk.html")
    assert english and english == kazakh


def test_resource_files_are_in_the_site_once(shipped, catalogue):
    for res in catalogue.resources:
        for ref in res.files:
            assert (shipped["site"] / ref.path).read_bytes() == (ROOT / ref.path).read_bytes()
            assert not (shipped["site"] / "ru" / ref.path).exists()


class _Refs(HTMLParser):
    """Collect every URL an HTML page makes the browser fetch or link to."""

    ATTRS = {"href", "src", "srcset", "action", "formaction", "poster", "data", "background"}

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if not value:
                continue
            if name in self.ATTRS:
                self.urls.extend(v.strip().split(" ")[0] for v in value.split(",")) if name == "srcset" \
                    else self.urls.append(value.strip())
            elif name == "style":
                self.urls.extend(re.findall(r"url\(\s*['\"]?([^'\")]+)", value))
            elif name == "content" and dict(attrs).get("http-equiv", "").lower() == "refresh":
                self.urls.append(value.split("url=")[-1])


def _external(url: str) -> bool:
    return bool(re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//", url, re.I)) and not url.lower().startswith("file:")


def test_built_site_references_no_external_url(shipped, catalogue):
    allowed = {link.url for res in catalogue.resources for link in res.links}
    found: dict[str, set[str]] = {}
    for path in shipped["site"].rglob("*"):
        if path.suffix == ".html":
            parser = _Refs()
            parser.feed(path.read_text("utf-8"))
            urls = parser.urls
        elif path.suffix == ".css":
            text = path.read_text("utf-8")
            urls = re.findall(r"url\(\s*['\"]?([^'\")]+)", text) + re.findall(r"@import\s+['\"]([^'\"]+)", text)
        elif path.suffix == ".xml":
            urls = re.findall(r"<loc>([^<]+)</loc>", path.read_text("utf-8"))
        else:
            continue
        for url in urls:
            if _external(url) and url not in allowed:
                found.setdefault(url, set()).add(str(path.relative_to(shipped["site"])))
    assert not found, f"external references: { {u: sorted(p)[:3] for u, p in found.items()} }"


def test_offline_zip_is_complete_and_deterministic(shipped, tmp_path):
    with zipfile.ZipFile(shipped["zip"]) as archive:
        names = set(archive.namelist())
    assert "eucj-resource-bank/HOW-TO-OPEN.txt" in names
    assert "eucj-resource-bank/SHA256SUMS.txt" in names
    for lang in LANGS:
        assert f"eucj-resource-bank/{LANG_ROOT[lang]}index.html" in names
        assert f"eucj-resource-bank/{LANG_ROOT[lang]}search/search_index.js" in names
    site_files = {p.relative_to(shipped["site"]).as_posix() for p in shipped["site"].rglob("*") if p.is_file()}
    assert names == {f"eucj-resource-bank/{name}" for name in site_files}
    again = tmp_path / "again.zip"
    package(shipped["site"], again)
    assert again.read_bytes() == shipped["zip"].read_bytes()


def test_generated_pages_are_not_written_into_docs(shipped):
    for lang in LANGS:
        assert not (ROOT / "docs" / lang / "resources").exists()
        assert not (ROOT / "docs" / lang / "catalogue.md").exists()


SITE_NAMES = {"en": "EUCJ Resource Bank", "ru": "Банк ресурсов EUCJ", "kk": "EUCJ ресурстар банкі"}


@pytest.mark.parametrize("lang", LANGS)
def test_site_name_is_in_the_page_language(shipped, lang):
    home = (shipped["site"] / f"{LANG_ROOT[lang]}index.html").read_text("utf-8")
    assert f"<title>{SITE_NAMES[lang]}</title>" in home
    catalogue = (shipped["site"] / f"{LANG_ROOT[lang]}catalogue.html").read_text("utf-8")
    assert re.search(rf"<title>[^<]+ — {SITE_NAMES[lang]}</title>", catalogue)  # a dash, not " - "


def test_two_builds_of_the_same_commit_are_byte_identical(shipped, tmp_path):
    from support import build_site

    again = tmp_path / "site"
    assert build_site(again, strict=True).returncode == 0
    first = {p.relative_to(shipped["site"]): p.read_bytes() for p in shipped["site"].rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [str(p) for p in first if first[p] != second[p]] == []
