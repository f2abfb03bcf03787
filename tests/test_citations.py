"""Citing and harvesting the bank: BibTeX, RIS and CSL-JSON read back by the tools
reference managers use, APA and GOST citations rendered by citeproc-py compared with
hand-checked strings, the citation_* meta tags read back from built pages, and the
OAI-PMH static repository validated against its schema (tests/data/oai, SOURCE.txt)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html import unescape

import bibtexparser
import pytest
import rispy
import xmlschema
from bibtexparser import middlewares
from citeproc import CitationStylesStyle
from citeproc.source.json import CiteProcJSON
from support import ROOT, build_and_package

from eucj_bank.catalogue.load import load_catalogue
from eucj_bank.catalogue.model import Resource
from eucj_bank.catalogue.vocab import LANGS, label
from eucj_bank.open_data.bibtex import bibtex
from eucj_bank.open_data.citation_exports import file_record
from eucj_bank.open_data.citation_record import cited_lang, original_lang
from eucj_bank.open_data.ris import ris
from eucj_bank.open_data.scholar_meta import scholar_meta
from eucj_bank.site.citation import CSL_DIR, STYLES, citations, gost_item, publisher_names, render

TRAINER_BANK = ROOT / "tests/fixtures/trainer_bank/resource_catalog.yaml"
HARVESTED = ROOT / "tests/fixtures/profiles/harvested-copy.yml"
SITE_URL = "https://bank.academy.example.kz/"
OAI_DIR = ROOT / "tests/data/oai"
LANG_ROOT = {"en": "", "ru": "ru/", "kk": "kk/"}
ORGANISATIONS = {"EUCJ project", "UNDP Kazakhstan"}


@pytest.fixture(scope="module")
def harvested(tmp_path_factory):
    """The trainer bank as a copy with an address and a contact e-mail."""
    built = build_and_package(tmp_path_factory.mktemp("harvested"), catalogue=TRAINER_BANK, profile=HARVESTED,
                              zip_name="harvested-copy-offline.zip")
    loaded = load_catalogue(TRAINER_BANK, TRAINER_BANK.parent)
    return {**built, "catalogue": loaded.catalogue.public()}


def _tricky() -> Resource:
    """Every character BibTeX treats specially, a line break, Cyrillic of both languages,
    a person with a particle, an organisation, a PDF file."""
    return Resource.model_validate({
        "id": "tricky-1", "type": "policy-analysis", "date": "2017-05", "agencies": ["gpo"],
        "topics": ["probation"], "audience": ["public"], "licence": "cc-by-4.0", "availability": "in-bank",
        "title": {"en": "A {brace} 100% & $5 #1 under_score ~ ^ \\ end\nnext line",
                  "ru": "Тест «кавычки» — тире", "kk": "Қазақша әріптер: ә ғ қ ң ө ұ ү һ і"},
        "summary": {"en": "s"}, "authors": ["Ben Zengerink", "UNDP Kazakhstan", "Michiel van Herpen"],
        "files": [{"path": "files/tricky-1/report.pdf", "lang": "ru", "format": "pdf"}]})


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _name(parts) -> str:
    """A BibTeX name read back as the catalogue writes it; an organisation stays in braces."""
    if not parts.first and parts.last[0].startswith("{"):
        return " ".join(parts.last).strip("{}")
    return " ".join(parts.first + parts.von + parts.last)


def _parse_bibtex(text: str):
    # pylatexenc (bibtexparser's decoder) reads \textasciicircum as U+02C6 MODIFIER LETTER
    # CIRCUMFLEX ACCENT; LaTeX prints "^".
    library = bibtexparser.parse_string(text, append_middleware=[
        middlewares.SeparateCoAuthors(), middlewares.SplitNameParts(), middlewares.LatexDecodingMiddleware()])
    assert not library.failed_blocks
    return {e.key: {f.key: (f.value.replace("\u02c6", "^") if isinstance(f.value, str) else f.value)
                    for f in e.fields} for e in library.entries}


def _check_bibtex(entry: dict, res: Resource, site_url: str) -> None:
    original = original_lang(res)
    assert entry["title"] == _one_line(res.title.get(original)[0])
    for lang in LANGS:
        assert entry.get(f"title_{lang}") == (_one_line(getattr(res.title, lang)) if getattr(res.title, lang) else None)
    assert [_name(p) for p in entry.get("author", [])] == res.authors
    assert entry["year"] == res.date[:4] and entry["date"] == res.date
    assert entry["langid"] == original
    assert entry["language"].split(" and ") == (res.file_langs() or [original])
    assert entry["type"] == label("types", res.type, original)
    assert entry["copyright"] == label("licences", res.licence, original)
    assert entry.get("url") == (f"{site_url}{LANG_ROOT[original]}resources/{res.id}.html" if site_url else None)


def test_bibtex_round_trips_every_field_and_language(harvested):
    site = harvested["site"]
    bulk = _parse_bibtex((site / "data/catalogue.bib").read_text("utf-8"))
    resources = harvested["catalogue"].resources
    assert list(bulk) == [r.id for r in resources]
    for res in resources:
        _check_bibtex(bulk[res.id], res, SITE_URL)
        single = _parse_bibtex((site / f"data/cite/{res.id}.bib").read_text("utf-8"))
        assert single == {res.id: bulk[res.id]}


def test_bibtex_escapes_what_latex_would_read():
    res = _tricky()
    entry = _parse_bibtex(bibtex([file_record(res, publisher_names(), "")]))[res.id]
    _check_bibtex(entry, res, "")
    assert entry["title"].startswith("Тест")  # its only file is Russian: the Russian title is cited


def _check_ris(entry: dict, res: Resource, site_url: str) -> None:
    original = original_lang(res)
    assert entry["id"] == res.id and entry["title"] == _one_line(res.title.get(original)[0])
    notes = {note.split(": ", 1)[0]: note.split(": ", 1)[1] for note in entry["notes"]}
    for lang in LANGS:
        assert notes.get(f"title_{lang}") == (_one_line(getattr(res.title, lang)) if getattr(res.title, lang) else None)
    assert notes["languages"].split(", ") == (res.file_langs() or [original])
    people = [name if name in ORGANISATIONS else "{1}, {0}".format(*name.rsplit(" ", 1)) for name in res.authors]
    assert entry.get("authors", []) == [p.replace("Herpen, Michiel van", "van Herpen, Michiel") for p in people]
    assert entry["year"] == res.date[:4]
    assert entry["date"].split("/")[:3] == (res.date.split("-") + ["", ""])[:3]
    assert entry["language"] == original and entry["type_of_work"] == label("types", res.type, original)
    assert entry["publisher"] == publisher_names()[original]
    assert entry["custom1"] == label("licences", res.licence, original)
    assert entry.get("urls") == ([f"{site_url}{LANG_ROOT[original]}resources/{res.id}.html"] if site_url else None)


def test_ris_round_trips_every_field_and_language(harvested):
    site = harvested["site"]
    entries = rispy.loads((site / "data/catalogue.ris").read_text("utf-8"))
    resources = harvested["catalogue"].resources
    assert [e["id"] for e in entries] == [r.id for r in resources]
    for entry, res in zip(entries, resources):
        _check_ris(entry, res, SITE_URL)
        assert rispy.loads((site / f"data/cite/{res.id}.ris").read_text("utf-8")) == [entry]
    res = _tricky()
    _check_ris(rispy.loads(ris([file_record(res, publisher_names(), "")]))[0], res, "")


def test_csl_json_round_trips_through_citeproc(harvested):
    site = harvested["site"]
    items = json.loads((site / "data/catalogue.csl.json").read_text("utf-8"))
    resources = harvested["catalogue"].resources
    # citeproc-py reads every standard variable; it warns about the two it has no use for.
    with pytest.warns(UserWarning, match=r"unsupported: (custom, license|license, custom)$"):
        source = CiteProcJSON(items)
    for item, res in zip(items, resources):
        original = original_lang(res)
        reference = source[res.id]
        assert str(reference.title) == res.title.get(original)[0] and reference.language == original
        assert reference.issued.year == int(res.date[:4])
        if len(res.date) > 4:
            assert reference.issued.month == int(res.date[5:7])
        assert str(reference.publisher) == publisher_names()[original]
        assert str(reference.genre) == label("types", res.type, original)
        assert str(reference.URL) == f"{SITE_URL}{LANG_ROOT[original]}resources/{res.id}.html"
        names = [a.get("literal") or f"{a['given']} {a['family']}" for a in item.get("author", [])]
        assert names == res.authors
        assert item["custom"]["titles"] == {lang: getattr(res.title, lang) for lang in LANGS if getattr(res.title, lang)}
        assert item["custom"]["languages"] == (res.file_langs() or [original])
        assert item["license"] == label("licences", res.licence, original)
        assert json.loads((site / f"data/cite/{res.id}.json").read_text("utf-8")) == [item]


# Hand-checked against APA 7 and GOST R 7.0.100-2018 (written from the standard's rules,
# not from the output): the record in the cited version's language (its "[Б. м.]", "[S. l.]",
# "Текст : электронный"), no access date (the bank has none, see csl/SOURCE.txt). A
# person author (two people; no file, so the page's language is cited, their names in it),
# organisations (files in three languages) and no author (the title leads).
SHIPPED = ROOT / "resource_catalog.yaml"
URL = "https://bank.example/"
EXPECTED = {
    ("probation-mission-report-2016", "en", "apa"):
        "Afanasov, V., & van Herpen, M. (2016). Mission report: probation practice in Astana and Almaty observed "
        "against the European Probation Rules [Expert mission report]. EUCJ Resource Bank. "
        "https://bank.example/resources/probation-mission-report-2016.html",
    ("probation-mission-report-2016", "en", "gost"):
        "Afanasov, V. Mission report: probation practice in Astana and Almaty observed against the European "
        "Probation Rules : expert mission report / V. Afanasov, M. van Herpen. — [S. l.] : EUCJ Resource Bank, 2016. "
        "— URL: https://bank.example/resources/probation-mission-report-2016.html. — Text : electronic.",
    ("probation-mission-report-2016", "ru", "gost"):
        "Афанасов, В. Отчёт миссии: практика пробации в Астане и Алматы с точки зрения Европейских правил о "
        "пробации : отчёт экспертной миссии / В. Афанасов, М. ван Херпен. — [Б. м.] : Банк ресурсов EUCJ, 2016. "
        "— URL: https://bank.example/ru/resources/probation-mission-report-2016.html. — Текст : электронный.",
    ("probation-mission-report-2016", "ru", "apa"):
        "Афанасов, В., & ван Херпен, М. (2016). Отчёт миссии: практика пробации в Астане и Алматы с точки зрения "
        "Европейских правил о пробации [Отчёт экспертной миссии]. Банк ресурсов EUCJ. "
        "https://bank.example/ru/resources/probation-mission-report-2016.html",
    ("probation-mission-report-2016", "kk", "gost"):
        "Афанасов, В. Миссия есебі: Астана мен Алматыдағы пробация практикасы Пробация туралы еуропалық "
        "қағидалар тұрғысынан : сарапшылар миссиясының есебі / В. Афанасов, М. ван Херпен. — [Б. ж.] : "
        "EUCJ ресурстар банкі, 2016. — URL: https://bank.example/kk/resources/probation-mission-report-2016.html. "
        "— Мәтін : электрондық.",
    ("probation-mission-report-2016", "kk", "apa"):
        "Афанасов, В., & ван Херпен, М. (2016). Миссия есебі: Астана мен Алматыдағы пробация практикасы Пробация "
        "туралы еуропалық қағидалар тұрғысынан [Сарапшылар миссиясының есебі]. EUCJ ресурстар банкі. "
        "https://bank.example/kk/resources/probation-mission-report-2016.html",
    ("community-police-initiation-plan-2020", "en", "apa"):
        "UNDP Kazakhstan, & Ministry of Internal Affairs of the Republic of Kazakhstan. (2020). Support in the "
        "development and piloting of a community police model: initiation plan (2020) [Project plan]. "
        "EUCJ Resource Bank. https://bank.example/resources/community-police-initiation-plan-2020.html",
    ("community-police-initiation-plan-2020", "en", "gost"):
        "Support in the development and piloting of a community police model: initiation plan (2020) : project "
        "plan / UNDP Kazakhstan, Ministry of Internal Affairs of the Republic of Kazakhstan. — [S. l.] : "
        "EUCJ Resource Bank, 2020. — URL: https://bank.example/resources/community-police-initiation-plan-2020.html. "
        "— Text : electronic.",
    ("epr-checklist", "en", "apa"):
        "European Probation Rules checklist for probation offices. (2016). [Checklist]. EUCJ Resource Bank. "
        "https://bank.example/resources/epr-checklist.html",
    ("epr-checklist", "en", "gost"):
        "European Probation Rules checklist for probation offices : checklist. — [S. l.] : EUCJ Resource Bank, "
        "2016. — URL: https://bank.example/resources/epr-checklist.html. — Text : electronic.",
    ("epr-checklist", "ru", "gost"):
        "Контрольный лист по Европейским правилам о пробации для подразделений пробации : контрольный лист. "
        "— [Б. м.] : Банк ресурсов EUCJ, 2016. — URL: https://bank.example/ru/resources/epr-checklist.html. "
        "— Текст : электронный.",
    ("epr-checklist", "ru", "apa"):
        "Контрольный лист по Европейским правилам о пробации для подразделений пробации. (2016). "
        "[Контрольный лист]. Банк ресурсов EUCJ. https://bank.example/ru/resources/epr-checklist.html",
    ("epr-checklist", "kk", "gost"):
        "Пробация бөлімшелеріне арналған Пробация туралы еуропалық қағидалар бойынша бақылау парағы : "
        "бақылау парағы. — [Б. ж.] : EUCJ ресурстар банкі, 2016. "
        "— URL: https://bank.example/kk/resources/epr-checklist.html. — Мәтін : электрондық.",
    ("epr-checklist", "kk", "apa"):
        "Пробация бөлімшелеріне арналған Пробация туралы еуропалық қағидалар бойынша бақылау парағы. (2016). "
        "[Бақылау парағы]. EUCJ ресурстар банкі. https://bank.example/kk/resources/epr-checklist.html",
}
# The organisations' plan has files in all three languages (the Russian and Kazakh ones
# are the bank's translations): each page cites its own language's version, with the
# organisations' names in that language (the authors vocabulary).
EXPECTED.update({
    ("community-police-initiation-plan-2020", "ru", "apa"):
        "ПРООН в Казахстане, & Министерство внутренних дел Республики Казахстан. (2020). Содействие в разработке "
        "и пилотировании модели сервисной полиции: план инициирования (2020) [План проекта]. Банк ресурсов EUCJ. "
        "https://bank.example/ru/resources/community-police-initiation-plan-2020.html",
    ("community-police-initiation-plan-2020", "ru", "gost"):
        "Содействие в разработке и пилотировании модели сервисной полиции: план инициирования (2020) : план "
        "проекта / ПРООН в Казахстане, Министерство внутренних дел Республики Казахстан. — [Б. м.] : "
        "Банк ресурсов EUCJ, 2020. — URL: https://bank.example/ru/resources/community-police-initiation-plan-2020.html. "
        "— Текст : электронный.",
    ("community-police-initiation-plan-2020", "kk", "apa"):
        "БҰҰДБ-ның Қазақстандағы өкілдігі, & Қазақстан Республикасының Ішкі істер министрлігі. (2020). "
        "Сервистік полиция моделін әзірлеуге және пилоттық режимде сынауға жәрдемдесу: бастамашылық жоспары "
        "(2020) [Жоба жоспары]. EUCJ ресурстар банкі. "
        "https://bank.example/kk/resources/community-police-initiation-plan-2020.html",
    ("community-police-initiation-plan-2020", "kk", "gost"):
        "Сервистік полиция моделін әзірлеуге және пилоттық режимде сынауға жәрдемдесу: бастамашылық жоспары "
        "(2020) : жоба жоспары / БҰҰДБ-ның Қазақстандағы өкілдігі, Қазақстан Республикасының Ішкі істер "
        "министрлігі. — [Б. ж.] : EUCJ ресурстар банкі, 2020. — URL: "
        "https://bank.example/kk/resources/community-police-initiation-plan-2020.html. — Мәтін : электрондық.",
})


@pytest.fixture(scope="module")
def shipped_resources() -> dict[str, Resource]:
    loaded = load_catalogue(SHIPPED, ROOT)
    return {res.id: res for res in loaded.catalogue.resources}


@pytest.mark.parametrize("rid,lang,style", sorted(EXPECTED))
def test_rendered_citation_matches_the_hand_checked_one(shipped_resources, rid, lang, style):
    texts = citations(shipped_resources[rid], lang, URL, fmt="plain")
    assert list(texts)[0] == ("apa" if lang == "en" else "gost")  # the page's own style first
    assert texts[style] == EXPECTED[(rid, lang, style)]


def _people(authors: list[str], title: str = "Четыре автора") -> Resource:
    return Resource.model_validate({
        "id": "people-1", "type": "policy-analysis", "date": "2017", "agencies": ["gpo"], "topics": ["probation"],
        "audience": ["public"], "licence": "cc-by-4.0", "availability": "in-bank",
        "title": {"ru": title}, "summary": {"ru": "s"}, "authors": authors})


@pytest.mark.parametrize("authors,expected", [
    # 1 to 3 authors: the first one heads the record, all are named after the slash
    (["Ivan Petrov", "Anna Sokolova", "Maria Ivanova"],
     "Petrov, I. Четыре автора : аналитический документ / I. Petrov, A. Sokolova, M. Ivanova. "
     "— [Б. м.] : Банк ресурсов EUCJ, 2017. — Текст : электронный."),
    # 4 or more: no heading, the first three and "[и др.]"
    (["Ivan Petrov", "Anna Sokolova", "Maria Ivanova", "Pavel Orlov"],
     "Четыре автора : аналитический документ / I. Petrov, A. Sokolova, M. Ivanova [и др.]. "
     "— [Б. м.] : Банк ресурсов EUCJ, 2017. — Текст : электронный."),
    # an organisation first: no heading (GOST R 7.0.100-2018 heads a record with a person only)
    (["UNDP Kazakhstan", "Ivan Petrov"],
     "Четыре автора : аналитический документ / UNDP Kazakhstan, I. Petrov. "
     "— [Б. м.] : Банк ресурсов EUCJ, 2017. — Текст : электронный."),
])
def test_gost_heading_only_for_one_to_three_authors_led_by_a_person(authors, expected):
    assert citations(_people(authors), "ru", fmt="plain")["gost"] == expected


def test_gost_gives_the_date_of_access_only_when_there_is_one():
    item = {"id": "x", "type": "report", "title": "Заглавие", "language": "ru", "publisher": "Издатель",
            "issued": {"date-parts": [[2018]]}, "URL": "https://example.org/x"}
    dated = dict(item, accessed={"date-parts": [[2019, 3, 5]]})
    assert render(gost_item(dated), "gost", "ru", "plain") == (
        "Заглавие. — [Б. м.] : Издатель, 2018. — URL: https://example.org/x (дата обращения: 05.03.2019). "
        "— Текст : электронный.")
    assert render(gost_item(item), "gost", "ru", "plain") == (
        "Заглавие. — [Б. м.] : Издатель, 2018. — URL: https://example.org/x. — Текст : электронный.")


def test_the_gost_style_is_valid_csl(recwarn):
    """Against the CSL schema citeproc-py ships (it warns when a style does not validate)."""
    CitationStylesStyle(str(CSL_DIR / STYLES["gost"]), validate=True)
    assert [str(w.message) for w in recwarn] == []
    assert STYLES["gost"] == "gost-r-7-0-100-2018-eucj.csl"


def test_the_citation_html_is_sanitised_and_keeps_apa_italics(shipped_resources):
    html = citations(shipped_resources["epr-checklist"], "en", URL)["apa"]
    assert html.startswith("<i>European Probation Rules checklist for probation offices</i>. (2016).")


def _meta(html: str) -> list[tuple[str, str]]:
    return [(name, unescape(value)) for name, value in
            re.findall(r'<meta name="(citation_[a-z_]+)" content="([^"]*)">', html)]


@pytest.mark.parametrize("lang", LANGS)
def test_citation_meta_tags_read_back_from_the_built_pages(harvested, lang):
    for res in harvested["catalogue"].resources:
        html = (harvested["site"] / f"{LANG_ROOT[lang]}resources/{res.id}.html").read_text("utf-8")
        meta = _meta(html)
        used = cited_lang(res, lang)
        expected = [("citation_title", res.title.get(used)[0])]
        expected += [("citation_author", name) for name in res.authors]  # the trainer bank's authors are organisations
        expected += [("citation_publication_date", res.date.replace("-", "/")), ("citation_language", used),
                     ("citation_publisher", publisher_names()[used]),
                     ("citation_abstract_html_url", f"{SITE_URL}{LANG_ROOT[used]}resources/{res.id}.html")]
        assert meta == expected, res.id
        assert '<script type="application/ld+json">' in html and '<meta name="DC.title"' in html


def test_citation_pdf_url_names_each_pdf_file():
    res = _tricky()
    meta = scholar_meta(res, "en", publisher_names(), "", "../../")
    assert ("citation_pdf_url", "../../files/tricky-1/report.pdf") in meta
    assert ("citation_title", "Тест «кавычки» — тире") in meta  # no English file: its Russian version is cited
    assert [v for k, v in meta if k == "citation_author"] == ["Zengerink, Ben", "UNDP Kazakhstan", "van Herpen, Michiel"]
    absolute = scholar_meta(res, "ru", publisher_names(), SITE_URL)
    assert ("citation_pdf_url", f"{SITE_URL}files/tricky-1/report.pdf") in absolute


def test_resource_page_links_its_citation_files(harvested):
    for lang in LANGS:
        page = harvested["site"] / f"{LANG_ROOT[lang]}resources/risk-training-2017.html"
        html = page.read_text("utf-8")
        links = re.findall(r'<a href="([^"]+)" download>(BibTeX|RIS|CSL-JSON)</a>', html)
        assert [name for _, name in links] == ["BibTeX", "RIS", "CSL-JSON"]
        for href, _ in links:
            assert (page.parent / href).resolve().is_file(), href
        assert "assets/javascripts/eucj-citation.js" in html


def _oai_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(OAI_DIR / "static-repository.xsd"), allow="local",
                               locations=[("http://www.openarchives.org/OAI/2.0/oai_dc/", str(OAI_DIR / "oai_dc.xsd"))])


def test_oai_static_repository_validates_and_holds_every_public_resource(harvested):
    path = harvested["site"] / "data/oai-static-repository.xml"
    schema = _oai_schema()
    schema.validate(str(path))
    ns = {"sr": "http://www.openarchives.org/OAI/2.0/static-repository", "oai": "http://www.openarchives.org/OAI/2.0/",
          "dc": "http://purl.org/dc/elements/1.1/", "xml": "http://www.w3.org/XML/1998/namespace"}
    root = ET.parse(path).getroot()
    # The 2004 Static Repository rules the schema in tests/data/oai does not hold (SOURCE.txt).
    assert root.find("sr:Identify/oai:granularity", ns).text == "YYYY-MM-DD"
    assert root.find("sr:Identify/oai:baseURL", ns).text == SITE_URL + "data/oai-static-repository.xml"
    assert not root.findall(".//oai:resumptionToken", ns) and not root.findall(".//oai:setSpec", ns)
    assert not root.findall("sr:Identify/oai:compression", ns)
    assert root.find("sr:Identify/oai:deletedRecord", ns).text == "no"
    records = root.findall("sr:ListRecords/oai:record", ns)
    assert all(r.find("oai:header", ns).get("status") is None and r.find("oai:metadata", ns) is not None
               for r in records)
    resources = harvested["catalogue"].resources
    assert [r.find("oai:header/oai:identifier", ns).text for r in records] == \
        [f"oai:bank.academy.example.kz:{res.id}" for res in resources]
    lang_attr = "{http://www.w3.org/XML/1998/namespace}lang"
    for record, res in zip(records, resources):
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", record.find("oai:header/oai:datestamp", ns).text)
        titles = {t.get(lang_attr): t.text for t in record.findall(".//dc:title", ns)}
        assert titles == {lang: getattr(res.title, lang) for lang in LANGS if getattr(res.title, lang)}
        assert {d.get(lang_attr) for d in record.findall(".//dc:description", ns)} == \
            {lang for lang in LANGS if getattr(res.summary, lang)}
        assert [c.text for c in record.findall(".//dc:creator", ns)] == res.authors
    # and the schema does reject what it should
    text = path.read_text("utf-8")
    assert not schema.is_valid(text.replace("<dc:date>", "<dc:made-up>x</dc:made-up><dc:date>", 1))
    assert not schema.is_valid(text.replace("<oai:datestamp>", "<oai:datestamp>x", 1))


def test_oai_and_citation_files_are_in_dcat_and_on_the_data_page(harvested):
    site = harvested["site"]
    dcat = json.loads((site / "data/dcat.jsonld").read_text("utf-8"))
    urls = {d["dcat:downloadURL"]["@id"] for d in dcat["dcat:dataset"][0]["dcat:distribution"]}
    for name in ("catalogue.bib", "catalogue.ris", "catalogue.csl.json", "oai-static-repository.xml"):
        assert f"{SITE_URL}data/{name}" in urls
        assert (site / "data" / name).is_file()
    for lang in LANGS:
        html = (site / f"{LANG_ROOT[lang]}data.html").read_text("utf-8")
        for name in ("catalogue.bib", "catalogue.ris", "catalogue.csl.json", "oai-static-repository.xml"):
            assert f"data/{name}" in html, (lang, name)
        for name in ("catalogue.bib", "catalogue.ris", "catalogue.csl.json"):
            assert f'data/{name}">' in html, (lang, name)


def test_a_copy_without_an_address_has_no_oai_repository(trainer_bank):
    site = trainer_bank["site"]
    assert not (site / "data/oai-static-repository.xml").exists()
    dcat = (site / "data/dcat.jsonld").read_text("utf-8")
    assert "oai-static-repository" not in dcat and "catalogue.bib" in dcat


@pytest.mark.browser
@pytest.mark.parametrize("source", ["served", "offline"])
def test_style_switch_shows_one_style_and_copies_the_one_shown(page, trainer_bank, source):
    page.goto(trainer_bank[source] + "ru/resources/epr-checklist.html")
    switch = page.locator(".eucj-cite-switch")
    assert switch.is_visible()
    gost, apa = page.locator(".eucj-cite-option[data-style=gost]"), page.locator(".eucj-cite-option[data-style=apa]")
    assert gost.is_visible() and not apa.is_visible()
    assert page.inner_text("#citation-text").startswith("Контрольный лист по Европейским правилам о пробации :")
    page.click(".eucj-cite-style[data-style=apa]")
    assert apa.is_visible() and not gost.is_visible()
    assert page.inner_text("#citation-text") == (
        "Контрольный лист по Европейским правилам о пробации. (2016). [Контрольный лист]. Банк ресурсов EUCJ.")
    assert page.get_attribute(".eucj-cite-style[data-style=apa]", "aria-pressed") == "true"
    # the choice follows the reader to the next resource page
    page.goto(trainer_bank[source] + "ru/resources/risk-training-2017.html")
    assert page.locator(".eucj-cite-option[data-style=apa]").is_visible()
    assert page.page_errors == []


@pytest.mark.browser
def test_without_javascript_every_style_is_shown_under_its_name(browser, trainer_bank):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(trainer_bank["served"] + "kk/resources/epr-checklist.html")
        assert not page.locator(".eucj-cite-switch").is_visible()
        names = page.locator(".eucj-cite-name").all_inner_texts()
        assert names == ["ГОСТ Р 7.0.100-2018", "APA"]
        assert page.locator(".eucj-cite-option[data-style=apa]").is_visible()
    finally:
        context.close()
