"""Alphabetical order with ICU (kk, ru), in the built pages and in the browser's filters."""

from __future__ import annotations

import re

import pytest
from support import ROOT

from eucj_bank.catalogue.collation import sorted_by_name
from eucj_bank.catalogue.load import load_catalogue
from eucj_bank.catalogue.names import author_names
from eucj_bank.catalogue.vocab import label, terms

# Real words, each pair in the order a Kazakh or Russian dictionary gives them.
KK_PAIRS = [("Кесте", "Қазақ"), ("Орын", "Өмір"), ("Ыдыс", "Іс"), ("Ағаш", "Әке"), ("Нан", "Ңғ"),
            ("Уық", "Ұлт"), ("Ұлт", "Үй"), ("Қылмыс", "Ләззат"), ("Өмір", "Пробация"), ("Іс", "Ядро")]
RU_PAIRS = [("все", "всё"), ("Абрикос", "Ёж"), ("Еда", "Ёж"), ("Ёж", "Жук"), ("Ёлка", "Ель"), ("Юстиция", "Ящик")]
# (Ё sorts as Е, after it only where the words are otherwise equal: Russian dictionaries
# put «ёлка» before «ель», as к comes before ь.)


@pytest.mark.parametrize("lang, pairs", [("kk", KK_PAIRS), ("ru", RU_PAIRS)])
def test_dictionary_order(lang, pairs):
    for first, second in pairs:
        assert sorted_by_name([second, first], lang) == [first, second], (first, second)
    # code-point order gets the Kazakh letters wrong: the test could fail
    if lang == "kk":
        assert sorted(["Қазақ", "Лақ"]) == ["Лақ", "Қазақ"]


def test_whole_list_of_kazakh_words():
    words = ["Ядро", "Іс", "Ыдыс", "Өмір", "Орын", "Қазақ", "Кесте", "Бала", "Әке", "Ағаш"]
    assert sorted_by_name(words, "kk") == ["Ағаш", "Әке", "Бала", "Кесте", "Қазақ", "Орын", "Өмір", "Ыдыс",
                                           "Іс", "Ядро"]


def _links(html: str, cls: str) -> list[str]:
    block = html[html.index(f'class="{cls}"'):]
    block = block[:block.index("</ul>")]
    return [re.sub(r"<[^>]+>", "", m) for m in re.findall(r"<a [^>]*>(.*?)</a>", block)]


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_browse_pages_are_in_alphabetical_order(shipped, lang):
    root = shipped["site"] / ("" if lang == "en" else f"{lang}/")
    for facet, vocab in (("topic", "topics"), ("agency", "agencies"), ("type", "types")):
        html = (root / "browse" / f"{facet}.html").read_text("utf-8")
        shown = [name.replace("&#x27;", "'").replace("&#39;", "'") for name in _links(html, "eucj-browse-toc")]
        assert shown == sorted_by_name(shown, lang) and len(shown) > 3, (facet, shown)
        assert set(shown) <= {label(vocab, term, lang) for term in terms(vocab)}


def test_author_names_in_three_languages(shipped):
    loaded = load_catalogue(ROOT / "resource_catalog.yaml", ROOT)
    res = next(r for r in loaded.catalogue.resources if "eucj-project" in r.authors)
    assert author_names(res, "en") == ["EUCJ project (NI-CO)"]
    assert author_names(res, "ru") == ["Проект EUCJ (NI-CO)"]
    assert author_names(res, "kk") == ["EUCJ жобасы (NI-CO)"]
    page = (shipped["site"] / "kk" / "resources" / f"{res.id}.html").read_text("utf-8")
    assert "EUCJ жобасы (NI-CO)" in page and "EUCJ project (NI-CO)" not in page
