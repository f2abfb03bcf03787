"""What a warm build reuses: pages linked from the page store (eucj_bank/site/page_store.py)
and citations kept between builds (eucj_bank/site/citation_store.py). A reused result must
equal a fresh one, and no write may change a stored page through its link."""

from __future__ import annotations

import json
import os

import pytest
from support import ROOT

from eucj_bank.catalogue.load import load_catalogue
from eucj_bank.site import citation, citation_store
from eucj_bank.site.page_store import PageStore


def test_a_page_is_linked_from_the_store_and_a_later_write_never_reaches_it(tmp_path):
    store = PageStore(tmp_path / "store")
    site = tmp_path / "site"
    site.mkdir()
    store.write(site / "a.html", "<p>ещё один текст</p>")
    store.write(site / "b.html", "<p>ещё один текст</p>")  # the same bytes: one stored file
    stored = [p for p in (tmp_path / "store").rglob("*") if p.is_file()]
    assert len(stored) == 1 and os.stat(site / "a.html").st_ino == os.stat(stored[0]).st_ino
    # a quick pass writes the page again with other text: the stored page stays as it was
    PageStore(tmp_path / "store").write(site / "a.html", "<p>другой</p>")
    assert (site / "a.html").read_text("utf-8") == "<p>другой</p>"
    assert stored[0].read_text("utf-8") == (site / "b.html").read_text("utf-8") == "<p>ещё один текст</p>"
    # a whole build keeps what it used, nothing else
    fresh = PageStore(tmp_path / "store")
    fresh.write(site / "c.html", "<p>другой</p>")
    assert fresh.prune() == 1
    assert sorted(p.read_text("utf-8") for p in (tmp_path / "store").rglob("*") if p.is_file()) == ["<p>другой</p>"]


def test_without_a_store_a_page_is_written(tmp_path):
    PageStore(None).write(tmp_path / "a.html", "x")
    assert (tmp_path / "a.html").read_text() == "x" and PageStore(None).prune() == 0


@pytest.fixture
def fresh_citations():
    saved = dict(citation.rendered), set(citation.used)
    citation.rendered.clear()
    citation.used.clear()
    yield
    citation.rendered.clear()
    citation.rendered.update(saved[0])
    citation.used.clear()
    citation.used.update(saved[1])


def test_kept_citations_are_the_rendered_ones_and_a_stale_file_is_ignored(tmp_path, fresh_citations):
    res = load_catalogue(ROOT / "resource_catalog.yaml", ROOT).catalogue.resources[0]
    first = {lang: citation.citations(res, lang) for lang in ("en", "ru", "kk")}
    citation_store.save(tmp_path)
    kept = json.loads((tmp_path / citation_store.FILE).read_text("utf-8"))
    assert kept["stamp"] == citation_store.stamp() and len(kept["entries"]) == 6  # 3 languages x 2 styles
    citation.rendered.clear()
    assert citation_store.load(tmp_path) == 6
    calls = []
    render = citation._render
    citation._render = lambda *args: calls.append(args) or render(*args)
    try:
        assert {lang: citation.citations(res, lang) for lang in ("en", "ru", "kk")} == first
    finally:
        citation._render = render
    assert calls == []  # all six came from the file
    # another stamp (a style, a locale, citeproc or citation.py changed) or a damaged file: rendered again
    (tmp_path / citation_store.FILE).write_text(json.dumps(dict(kept, stamp="other")), "utf-8")
    citation.rendered.clear()
    assert citation_store.load(tmp_path) == 0
    (tmp_path / citation_store.FILE).write_text("{not json", "utf-8")
    assert citation_store.load(tmp_path) == 0
    assert {lang: citation.citations(res, lang) for lang in ("en", "ru", "kk")} == first


def test_a_prebuilt_lunr_index_from_the_cache_is_the_one_built(tmp_path):
    from eucj_bank.search.lunr_index import with_prebuilt
    from eucj_bank.search.lunr_pipeline import material_lunr_modules

    index = {"config": {"lang": ["kk"], "separator": "[\\s\\-]+", "fields": {"title": {"boost": 1000},
                                                                           "text": {"boost": 1}}},
             "docs": [{"location": "resources/a.html", "title": "Пробация қызметі", "text": "Тәуекелді бағалау"},
                      {"location": "resources/b.html", "title": "Қылмыстық процесс", "text": "немесе сот"}]}
    modules = material_lunr_modules()
    fresh = with_prebuilt(index, modules)
    assert "eucjIndex" in fresh["config"]
    first = with_prebuilt(index, modules, tmp_path)  # builds and keeps it
    kept = list(tmp_path.glob("*.json"))
    assert first == fresh and len(kept) == 1
    kept[0].write_text(kept[0].read_text("utf-8").replace('"v"', '"V"'), "utf-8")  # what the cache holds is used
    assert with_prebuilt(index, modules, tmp_path)["config"]["eucjIndex"] != fresh["config"]["eucjIndex"]
    kept[0].write_text("{damaged", "utf-8")  # a damaged entry is built again
    assert with_prebuilt(index, modules, tmp_path) == fresh
    other = {**index, "docs": index["docs"][:1]}  # other documents: another key
    assert with_prebuilt(other, modules, tmp_path) == with_prebuilt(other, modules)
    assert len(list(tmp_path.glob("*.json"))) == 2


def test_the_manifest_takes_a_stored_pages_hash_from_its_name_and_lists_the_same_bytes(tmp_path):
    from eucj_bank.copies.manifest import manifest_text

    store, site = PageStore(tmp_path / "store"), tmp_path / "site"
    (site / "ru").mkdir(parents=True)
    store.write(site / "ru" / "a.html", "<p>мәтін</p>")
    store.write(site / "b.html", "<p>text</p>")
    (site / "c.txt").write_text("not stored", "utf-8")
    os.link(site / "c.txt", tmp_path / "elsewhere.txt")  # linked, but not from the store: read
    known = store.hashes()
    assert len(known) == 2
    assert manifest_text(site, known) == manifest_text(site)
