"""The built pages a trainer uses: catalogue data and fallback, resource pages, home lists.

Built from the fixture catalogue tests/fixtures/trainer_bank (conftest `trainer_bank`);
expectations are computed from the catalogue model, not copied from the renderer.
"""

from __future__ import annotations

import json
import re
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from eucj_bank.catalogue.load import load_catalogue
from eucj_bank.catalogue.model import Catalogue, Resource
from eucj_bank.catalogue.vocab import LANGS, label
from eucj_bank.site.recent import MARKER, insert_recently_added
from eucj_bank.site.related import related_index
from eucj_bank.site.ui import t

LANG_ROOT = {"en": "", "ru": "ru/", "kk": "kk/"}


def _html(bank, lang: str, name: str) -> str:
    return (bank["site"] / f"{LANG_ROOT[lang]}{name}").read_text("utf-8")


def _data(bank, lang: str) -> dict:
    text = (bank["site"] / LANG_ROOT[lang] / "catalogue-data.js").read_text("utf-8")
    prefix = "window.EUCJ_CATALOGUE = "
    assert text.startswith(prefix) and text.rstrip().endswith(";")
    return json.loads(text.removeprefix(prefix).rstrip().removesuffix(";"))


class _Elements(HTMLParser):
    """Start tags with their attributes, and the text inside given elements."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(html: str, tag: str, **attrs: str) -> list[dict]:
    parser = _Elements()
    parser.feed(html)
    return [a for name, a in parser.tags if name == tag and all(a.get(k) == v for k, v in attrs.items())]


@pytest.mark.parametrize("lang", LANGS)
def test_catalogue_data_file_describes_every_published_resource(trainer_bank, lang):
    data = _data(trainer_bank, lang)
    published = trainer_bank["catalogue"].resources
    assert data["lang"] == lang
    assert {r["id"] for r in data["resources"]} == {r.id for r in published}
    assert "staff-only-note" not in json.dumps(data)  # internal entries never reach the data
    by_id = {r["id"]: r for r in data["resources"]}
    for res in published:
        entry = by_id[res.id]
        assert entry["title"] == res.title.get(lang)[0]
        assert entry["type"] == [res.type] and entry["topic"] == res.topics
        assert entry["agency"] == res.agencies and entry["audience"] == res.audience
        assert set(entry["language"]) == {f.lang for f in res.files}
        assert entry["year"] == [res.date[:4]]


def test_catalogue_data_cannot_close_a_script_element(trainer_bank):
    text = (trainer_bank["site"] / "catalogue-data.js").read_text("utf-8")
    assert "</script" not in text.lower()
    assert "<\\/script>" in text  # the fixture's title with markup survives, escaped for JS


@pytest.mark.parametrize("lang", LANGS)
def test_catalogue_page_without_javascript_lists_everything(trainer_bank, lang):
    html = _html(trainer_bank, lang, "catalogue.html")
    rows = _tags(html, "tr")
    published = trainer_bank["catalogue"].resources
    assert sorted(r["data-id"] for r in rows if "data-id" in r) == sorted(r.id for r in published)
    form = _tags(html, "form", id="eucj-filters")
    # Rendered in its final layout (no layout shift when the script starts); without
    # JavaScript a <noscript> stylesheet hides it (test_browser_browsing checks both).
    assert len(form) == 1 and "hidden" not in form[0], "the filter form must not be revealed by script"
    assert f"{len(published)} " in html[html.index('id="eucj-filter-status"'):][:200]
    scripts = [s["src"] for s in _tags(html, "script") if "src" in s]
    assert scripts[-2:] == ["catalogue-data.js", "../assets/javascripts/eucj-catalogue.js" if lang != "en"
                            else "assets/javascripts/eucj-catalogue.js"]
    # markup in a title is shown as text (the fixture has it in the English title)
    assert "<script>alert" not in html
    assert ("&lt;script&gt;alert" in html) == (lang == "en")


@pytest.mark.parametrize("lang", LANGS)
def test_filter_labels_come_from_the_vocabularies(trainer_bank, lang):
    html = _html(trainer_bank, lang, "catalogue.html")
    catalogue = trainer_bank["catalogue"]
    for vocab, facet, values in (("types", "type", {r.type for r in catalogue.resources}),
                                 ("topics", "topic", {v for r in catalogue.resources for v in r.topics}),
                                 ("audiences", "audience", {v for r in catalogue.resources for v in r.audience}),
                                 ("languages", "language", {f.lang for r in catalogue.resources for f in r.files})):
        boxes = {b["value"] for b in _tags(html, "input", type="checkbox", name=facet)}
        assert boxes == values
        for value in values:
            assert f'value="{value}"> <span class="eucj-facet__label">{label(vocab, value, lang)}</span>' in html


def test_only_the_catalogue_page_loads_the_filter_script(trainer_bank):
    for path in trainer_bank["site"].rglob("*.html"):
        loads = "eucj-catalogue.js" in path.read_text("utf-8")
        assert loads == (path.name == "catalogue.html"), path


@pytest.mark.parametrize("lang", LANGS)
def test_resource_page_parts(trainer_bank, lang):
    html = _html(trainer_bank, lang, "resources/risk-training-2017.html")
    page = trainer_bank["site"] / LANG_ROOT[lang] / "resources" / "risk-training-2017.html"
    nav = re.search(r'<nav class="eucj-breadcrumbs" aria-label="([^"]+)"><ol>(.*?)</ol></nav>', html)
    assert nav and nav.group(1) == t("breadcrumbs_label", lang)
    for href in re.findall(r'href="([^"#]+)', nav.group(2)):
        assert (page.parent / href).resolve().is_file(), href
    assert f'<h2 id="about-resource">{t("meta_heading", lang)}</h2>' in html
    cite = re.search(r'<p id="citation-text" class="eucj-cite-text" lang="[a-z]+">(.*?)</p>', html).group(1)
    # APA heads with the organisation; GOST R 7.0.100-2018 names it after the title, after " / "
    if lang == "en":
        assert cite.startswith("EUCJ project") and "2017" in cite
    else:
        assert not cite.startswith("EUCJ project") and " / EUCJ project. — " in cite and ", 2017. — " in cite
    # the version a reader can get is cited: on the Kazakh page (no Kazakh file) the English one
    cited = "en" if lang == "kk" else lang
    assert label("types", "training-material", cited).lower() in cite.lower()
    assert 'data-clipboard-target="#citation-text"' in html
    # downloads are grouped by language, each link to a file that exists
    for href in re.findall(r'<a href="([^"]+)" download', html):
        assert (page.parent / href).resolve().is_file(), href


def test_not_available_notice_only_where_no_file_is_in_the_language(trainer_bank):
    for res in trainer_bank["catalogue"].resources:
        if not res.files:
            continue
        for lang in LANGS:
            html = _html(trainer_bank, lang, f"resources/{res.id}.html")
            has_notice = t("no_file_in_language", lang) in html
            assert has_notice == (lang not in {f.lang for f in res.files}), (res.id, lang)


def _resource(rid: str, topics: list[str], activity: str | None = None, date: str = "2017",
              added: str | None = None, type_: str = "article") -> Resource:
    return Resource.model_validate({
        "id": rid, "type": type_, "title": {"en": rid.title()}, "summary": {"en": "S."}, "date": date,
        "added": added, "agencies": ["gpo"], "topics": topics, "audience": ["public"], "licence": "cc-by-4.0",
        "availability": "not-located", "activity": activity})


def test_related_resources_share_a_topic_or_activity_and_rarer_ties_rank_first():
    common = [_resource(f"common-{i}", ["probation"]) for i in range(6)]
    me = _resource("me", ["probation", "european-probation-rules"])
    rare = _resource("rare", ["european-probation-rules"], date="2010")
    same_activity = _resource("same-activity", ["victims"], activity="2.4")
    me_with_activity = _resource("me2", ["victims", "probation"], activity="2.4")
    unrelated = _resource("unrelated", ["statistics-surveys"])
    catalogue = Catalogue.model_construct(resources=[*common, me, rare, same_activity, me_with_activity, unrelated])
    related = related_index(catalogue, limit=5)
    assert related["me"][0].id == "rare"  # one rare topic outweighs one common topic
    assert "me" not in [r.id for r in related["me"]]
    for res in catalogue.resources:
        for other in related[res.id]:
            assert set(other.topics) & set(res.topics) or (res.activity and other.activity == res.activity)
    assert "unrelated" not in {r.id for rs in related.values() for r in rs}
    assert related["same-activity"][0].id == "me2"


def test_recently_added_ranks_by_added_then_says_newest_when_no_entry_has_it():
    dated = Catalogue.model_construct(resources=[
        _resource("old-doc-added-late", ["victims"], date="2010", added="2026-05-01"),
        _resource("new-doc", ["victims"], date="2020"),
        _resource("added-earlier", ["victims"], date="2019", added="2026-01-01")])
    html = insert_recently_added(f"# Home\n\n{MARKER}\n\nMore text.\n", dated, "en")
    assert MARKER not in html and html.index("More text") > html.index(t("recently_added_heading", "en"))
    ids = re.findall(r'href="resources/([^"]+)\.html"', html)
    assert ids == ["old-doc-added-late", "added-earlier", "new-doc"]
    undated = Catalogue.model_construct(resources=[_resource("a", ["victims"], date="2012"),
                                                   _resource("b", ["victims"], date="2019")])
    html = insert_recently_added("# Home\n", undated, "ru")
    assert t("newest_heading", "ru") in html and t("recently_added_heading", "ru") not in html
    assert re.findall(r'href="resources/([^"]+)\.html"', html) == ["b", "a"]


@pytest.mark.parametrize("lang", LANGS)
def test_home_pages_list_the_recently_added(trainer_bank, lang):
    html = _html(trainer_bank, lang, "index.html")
    ids = re.findall(r'<li><a href="resources/([^"]+)\.html"', html.split('class="eucj-recent"')[1])
    dated = sorted((r for r in trainer_bank["catalogue"].resources if r.added), key=lambda r: r.added, reverse=True)
    assert ids[:len(dated)] == [r.id for r in dated]
    assert t("recently_added_heading", lang) in html


def test_added_must_be_a_real_day(tmp_path):
    source = Path(__file__).parent / "fixtures" / "trainer_bank"
    text = (source / "resource_catalog.yaml").read_text("utf-8").replace('added: "2026-03-02"', 'added: "2026-03"')
    bad = tmp_path / "resource_catalog.yaml"
    bad.write_text(text, "utf-8")
    problems = [p for p in load_catalogue(bad, source).problems if p.severity == "error"]
    assert len(problems) == 1
    line = next(i for i, row in enumerate(text.splitlines(), 1) if 'added: "2026-03"' in row)
    assert problems[0].line == line and "added" in problems[0].message and "YYYY-MM-DD" in problems[0].hint


@pytest.mark.parametrize("seed,most_topics,subset_limit", [(0, 3, 8), (1, 3, 8), (2, 3, 8), (3, 3, 0), (4, 8, 0),
                                                             (5, 8, 8), (6, 18, 8)])
def test_related_index_agrees_with_scoring_every_pair(seed, most_topics, subset_limit, monkeypatch):
    """The fast index against the plain definition: every pair scored, sorted, cut; by
    subsets of topics and by topic sets (subset_limit 0), with few and with many topics."""
    import math
    import random
    from collections import Counter

    from eucj_bank.catalogue.vocab import terms
    from eucj_bank.site import related

    monkeypatch.setattr(related, "SUBSET_LIMIT", subset_limit)
    rng = random.Random(seed)
    topics, types = terms("topics")[:max(8, most_topics)], terms("types")[:4]
    resources = [_resource(f"r{i}", rng.sample(topics, rng.randint(1, most_topics)), rng.choice([None, None, "2.3", "3.1"]),
                           date=f"{rng.randint(2014, 2020)}-{rng.randint(1, 12):02d}", type_=rng.choice(types))
                 for i in range(150)]
    fast = related_index(Catalogue.model_construct(resources=resources))
    df = Counter(t for r in resources for t in set(r.topics))
    weight = {t: math.log(1 + len(resources) / n) for t, n in df.items()}
    for res in resources:
        ranked = []
        for other in resources:
            shared = set(res.topics) & set(other.topics)
            same_activity = bool(res.activity) and other.activity == res.activity
            if other.id == res.id or not (shared or same_activity):
                continue
            score = sum(weight[t] for t in shared) + (math.log(1 + len(resources)) if same_activity else 0)
            newer = tuple(-int(p) for p in other.date.split("-"))
            ranked.append((-round(score, 6), other.type != res.type, newer, other.id))
        assert [r.id for r in fast[res.id]] == [key[-1] for key in sorted(ranked)[:5]], res.id


@pytest.mark.parametrize("lang", LANGS)
def test_catalogue_languages_lead_to_that_languages_downloads(trainer_bank, lang):
    html = _html(trainer_bank, lang, "catalogue.html")
    for res in trainer_bank["catalogue"].resources:
        for code in {f.lang for f in res.files}:
            assert f'href="resources/{res.id}.html#files-{code}"' in html
            page = _html(trainer_bank, lang, f"resources/{res.id}.html")
            section = page.split(f'<h3 id="files-{code}">')[1].split("</ul>")[0]
            assert re.findall(r'hreflang="(\w+)"', section) == [f.lang for f in res.files if f.lang == code]


_FACET_FIELDS = {"type": ("types", "type"), "topic": ("topics", "topics"), "agency": ("agencies", "agencies")}


def _terms_of(res: Resource, field: str) -> list[str]:
    value = getattr(res, field)
    return value if isinstance(value, list) else [value]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("facet", sorted(_FACET_FIELDS))
def test_browse_pages_list_each_term_with_its_count_and_its_own_page(trainer_bank, facet, lang):
    """A facet's page lists each term in use with its count; each term has a page of its
    own listing exactly its resources, so no page grows with the whole bank."""
    vocab, field = _FACET_FIELDS[facet]
    expected: dict[str, set[str]] = {}
    for res in trainer_bank["catalogue"].resources:
        for term in _terms_of(res, field):
            expected.setdefault(term, set()).add(res.id)
    index = _html(trainer_bank, lang, f"browse/{facet}.html")
    listed = dict(re.findall(rf'<a href="{facet}-([a-z0-9-]+)\.html">[^<]+</a> \((\d+)\)', index))
    assert listed == {term: str(len(ids)) for term, ids in expected.items()}
    assert "<table" not in index
    for term, ids in expected.items():
        page = _html(trainer_bank, lang, f"browse/{facet}-{term}.html")
        assert f">{escape(label(vocab, term, lang))}</h1>" in page
        assert set(re.findall(r'<tr data-id="([^"]+)"', page)) == ids


@pytest.mark.parametrize("lang", LANGS)
def test_resource_pages_link_each_term_to_its_browse_page(trainer_bank, lang):
    for res in trainer_bank["catalogue"].resources:
        html = _html(trainer_bank, lang, f"resources/{res.id}.html")
        for facet, (_, field) in _FACET_FIELDS.items():
            for term in _terms_of(res, field):
                assert f'href="../browse/{facet}-{term}.html"' in html
                assert (trainer_bank["site"] / LANG_ROOT[lang] / f"browse/{facet}-{term}.html").is_file()
