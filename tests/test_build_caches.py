"""What a warm build reuses: pages linked from the page store (eucj_bank/copies/page_store.py)
and citations kept between builds (eucj_bank/site/citation_store.py). A reused result must
equal a fresh one, and no write may change a stored page through its link."""

from __future__ import annotations

import json
import os

import pytest
from support import ROOT

from eucj_bank.catalogue.load import load_catalogue
from eucj_bank.copies.page_store import PageStore
from eucj_bank.site import citation, citation_store


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
