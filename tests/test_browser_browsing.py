"""Real Chromium on the catalogue filters and the checklists, served and from disk.

Expected results are computed from the catalogue model (the fixture catalogue
tests/fixtures/trainer_bank); the page gets there through its own script.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.request import url2pathname

import pytest

from eucj_bank.catalogue.vocab import LANGS, label

pytestmark = pytest.mark.browser
LANG_ROOT = {"en": "", "ru": "ru/", "kk": "kk/"}
CHECKLIST = "epr-checklist"
FIXTURE = Path(__file__).parent / "fixtures" / "trainer_bank"


@pytest.fixture(params=["served", "offline"])
def bank_url(request, trainer_bank) -> str:
    return trainer_bank[request.param]


def visible_ids(page) -> list[str]:
    return page.eval_on_selector_all("table.eucj-catalogue tbody tr:not([hidden])",
                                     "rows => rows.map(r => r.dataset.id)")


def count_of(page, facet: str, value: str) -> int:
    text = page.inner_text(f"input[name='{facet}'][value='{value}'] ~ .eucj-facet__count")
    return int(text.strip("()"))


def tick(page, facet: str, value: str) -> None:
    """As a reader does: open the facet if it is closed, then tick the value."""
    details = f"details[data-facet='{facet}']"
    if not page.eval_on_selector(details, "d => d.open"):
        page.click(f"{details} > summary")
    page.check(f"input[name='{facet}'][value='{value}']")


def open_catalogue(page, base: str, lang: str, state: str = "") -> None:
    page.set_default_timeout(10000)
    page.goto(f"{base}{LANG_ROOT[lang]}catalogue.html" + (f"#{state}" if state else ""))
    page.wait_for_selector("#eucj-filters:not([hidden])")


@pytest.mark.parametrize("lang", LANGS)
def test_ticking_facets_filters_and_counts(page, bank_url, trainer_bank, lang):
    resources = trainer_bank["catalogue"].resources
    open_catalogue(page, bank_url, lang)
    assert sorted(visible_ids(page)) == sorted(r.id for r in resources)
    # Newest first by default: dates never increase down the table.
    by_id = {r.id: r for r in resources}
    dates = [by_id[rid].date for rid in visible_ids(page)]
    assert dates == sorted(dates, reverse=True)

    tick(page, "topic", "risk-assessment")
    with_topic = {r.id for r in resources if "risk-assessment" in r.topics}
    assert set(visible_ids(page)) == with_topic
    # Other facets count among what is shown; the same facet counts what ticking would add.
    for res_type in {r.type for r in resources}:
        expected_count = sum(1 for r in resources if r.id in with_topic and r.type == res_type)
        assert count_of(page, "type", res_type) == expected_count
    assert count_of(page, "topic", "victims") == sum(1 for r in resources if "victims" in r.topics)

    tick(page, "language", "ru")
    expected = {r.id for r in resources if r.id in with_topic and "ru" in r.file_langs()}
    assert set(visible_ids(page)) == expected and expected
    status = page.inner_text("#eucj-filter-status")
    assert str(len(expected)) in status and str(len(resources)) in status
    assert "topic=risk-assessment" in page.url and "language=ru" in page.url
    assert not page.page_errors


@pytest.mark.parametrize("lang", LANGS)
def test_a_shared_url_opens_the_same_view(page, bank_url, trainer_bank, lang):
    resources = trainer_bank["catalogue"].resources
    open_catalogue(page, bank_url, lang, "type=training-material,checklist&audience=trainers&sort=title")
    expected = [r for r in resources if r.type in ("training-material", "checklist") and "trainers" in r.audience]
    assert sorted(visible_ids(page)) == sorted(r.id for r in expected) and len(expected) >= 2
    assert page.is_checked("input[name='type'][value='checklist']")
    assert page.is_checked("input[name='audience'][value='trainers']")
    assert page.eval_on_selector("details[data-facet='audience']", "d => d.open")
    assert page.input_value("#eucj-filter-sort") == "title"
    if lang != "kk":  # Kazakh letters sort by the browser's collation, not by code point
        titles = [r.title.get(lang)[0] for r in expected]
        shown = page.eval_on_selector_all("table.eucj-catalogue tbody tr:not([hidden]) td:first-child",
                                          "cells => cells.map(c => c.textContent)")
        assert shown == sorted(titles, key=str.casefold)
    # Reloading keeps the view; clearing shows everything and empties the address.
    page.reload()
    page.wait_for_selector("#eucj-filters:not([hidden])")
    assert sorted(visible_ids(page)) == sorted(r.id for r in expected)
    page.click("#eucj-filters button[type='reset']")
    # wait_for_selector, not wait_for_function: Playwright evaluates a function's text with eval
    # in the page, which the page's own Content-Security-Policy (no 'unsafe-eval') refuses
    page.wait_for_selector("table.eucj-catalogue tbody tr[hidden]", state="detached")
    assert "#" not in page.url.removeprefix(bank_url)
    assert not page.page_errors


def _words(res, lang: str) -> str:
    """What a resource's free text is: its title, authors, and the labels it is filed under."""
    labels = [label("types", res.type, lang), *(label("topics", v, lang) for v in res.topics),
              *(label("agencies", v, lang) for v in res.agencies), *(label("audiences", v, lang) for v in res.audience)]
    return " ".join([res.title.get(lang)[0], *res.authors, *labels]).casefold()


@pytest.mark.parametrize("lang", LANGS)
def test_free_text_finds_words_of_titles_topics_and_authors(page, bank_url, trainer_bank, lang):
    resources = trainer_bank["catalogue"].resources
    res = next(r for r in resources if r.id == "risk-training-2017")
    open_catalogue(page, bank_url, lang)
    for word in (max(res.title.get(lang)[0].split(), key=len), label("topics", "probation", lang), "EUCJ"):
        page.fill("#eucj-filter-q", word.upper())
        expected = {r.id for r in resources if word.casefold() in _words(r, lang)}
        assert res.id in expected
        assert set(visible_ids(page)) == expected, word
    page.fill("#eucj-filter-q", "zzzqqq")
    assert visible_ids(page) == []
    assert page.is_visible("#eucj-filter-none")
    assert not page.page_errors


def test_without_javascript_the_whole_table_shows(browser, trainer_bank):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(trainer_bank["served"] + "ru/catalogue.html#type=checklist")
        assert not page.is_visible("#eucj-filters")
        assert sorted(visible_ids(page)) == sorted(r.id for r in trainer_bank["catalogue"].resources)
    finally:
        context.close()


def test_filters_work_from_the_keyboard(page, trainer_bank):
    open_catalogue(page, trainer_bank["served"], "kk")
    page.focus("#eucj-filter-q")
    for _ in range(10):  # Tab until a facet's checkbox has the focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.eucj-facet input[type=checkbox]')"):
            break
    else:
        pytest.fail("Tab never reached a filter checkbox")
    box = page.evaluate_handle("document.activeElement")
    facet, value = box.get_attribute("name"), box.get_attribute("value")
    page.keyboard.press("Space")
    assert box.is_checked()
    assert f"{facet}={value}" in page.url
    resources = trainer_bank["catalogue"].resources
    facet_values = {"type": lambda r: [r.type], "topic": lambda r: r.topics}
    assert set(visible_ids(page)) == {r.id for r in resources if value in facet_values[facet](r)}
    # A closed facet opens from its summary with the keyboard.
    page.focus("details[data-facet='year'] > summary")
    page.keyboard.press("Enter")
    assert page.eval_on_selector("details[data-facet='year']", "d => d.open")


def checklist_url(base: str, lang: str) -> str:
    return f"{base}{LANG_ROOT[lang]}resources/{CHECKLIST}.html"


def progress(page) -> str:
    return page.inner_text(".eucj-checklist__progress")


def answers(page) -> list[str]:
    """Each item's chosen answer ("" for none), in page order."""
    return page.eval_on_selector_all(
        "fieldset.eucj-check-answers",
        "sets => sets.map(s => (s.querySelector('input:checked') || {value: ''}).value)")


@pytest.mark.parametrize("lang", LANGS)
def test_checklist_answers_are_kept_and_reset(page, bank_url, lang):
    page.goto(checklist_url(bank_url, lang))
    assert answers(page) == ["", "", ""] and all(n in progress(page) for n in ("0", "3"))
    assert page.locator("fieldset.eucj-check-answers").first.locator("input[type=radio]").count() == 4
    # With the keyboard: focus the group's first answer, move to "partly" with an arrow.
    page.focus("#check-records-access-yes")
    page.keyboard.press("ArrowRight")
    assert page.is_checked("#check-records-access-partly")
    # With the mouse, on the answer's text (its label).
    page.locator("#rights-informed label.eucj-check-answer").nth(3).click()
    assert page.is_checked("#check-rights-informed-na")
    assert "2" in progress(page)

    page.reload()
    assert answers(page) == ["", "partly", "na"]
    # Same checklist, same answers, in the next language.
    other = LANGS[(LANGS.index(lang) + 1) % 3]
    page.goto(checklist_url(bank_url, other))
    assert answers(page) == ["", "partly", "na"] and "2" in progress(page)

    messages = []
    page.once("dialog", lambda dialog: (messages.append(dialog.message), dialog.accept()))
    page.click("[data-checklist-reset]")
    assert messages and messages[0]
    assert answers(page) == ["", "", ""]
    page.reload()
    assert answers(page) == ["", "", ""]
    assert not page.page_errors


def test_ticks_kept_before_answers_read_as_yes(page, trainer_bank):
    page.goto(checklist_url(trainer_bank["served"], "en"))
    page.evaluate("localStorage.setItem('eucj-checklist:epr-checklist', JSON.stringify(['records-contacts']))")
    page.reload()
    assert answers(page) == ["yes", "", ""]
    page.evaluate("localStorage.clear()")


def test_cancelled_reset_keeps_the_answers(page, trainer_bank):
    page.goto(checklist_url(trainer_bank["offline"], "ru"))
    page.check("#check-records-contacts-no")
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("[data-checklist-reset]")
    assert page.is_checked("#check-records-contacts-no")


def test_checklist_prints_on_a4_with_empty_boxes_and_no_navigation(page, trainer_bank):
    page.goto(checklist_url(trainer_bank["served"], "en"))
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".eucj-checklist__tools", ".eucj-breadcrumbs"):
        assert not page.is_visible(selector), selector
    box = page.locator("input.eucj-check-box").first
    assert box.is_visible() and page.locator("input.eucj-check-box").count() == 12
    assert box.evaluate("b => getComputedStyle(b).appearance") == "none"
    assert box.evaluate("b => getComputedStyle(b).borderTopStyle") == "solid"
    after = page.eval_on_selector(".eucj-downloads a", "a => getComputedStyle(a, '::after').content")
    assert "files/epr-checklist/epr-checklist.ru.txt" in after
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_copy_citation_button_copies_the_citation(browser, trainer_bank):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=trainer_bank["served"].rstrip("/"))
    try:
        page = context.new_page()
        page.goto(trainer_bank["served"] + "ru/resources/risk-training-2017.html")
        page.focus("button[data-clipboard-target='#citation-text']")
        page.keyboard.press("Enter")
        page.wait_for_selector(".md-dialog--active")
        assert page.evaluate("navigator.clipboard.readText()") == page.inner_text("#citation-text")
    finally:
        context.close()


@pytest.mark.parametrize("source", ["served", "offline"])
def test_the_trainers_story(page, trainer_bank, source):
    """In Kazakh: training materials and checklists on risk assessment, newest first, then
    the Russian file of each, reached from the catalogue row."""
    resources = trainer_bank["catalogue"].resources
    base = trainer_bank[source]
    open_catalogue(page, base, "kk")
    tick(page, "type", "training-material")
    tick(page, "type", "checklist")
    tick(page, "topic", "risk-assessment")
    wanted = sorted((r for r in resources if r.type in ("training-material", "checklist")
                     and "risk-assessment" in r.topics), key=lambda r: r.date, reverse=True)
    assert visible_ids(page) == [r.id for r in wanted] and len(wanted) >= 2
    shared = page.url
    for res in wanted:
        page.goto(shared)
        page.wait_for_selector("#eucj-filters:not([hidden])")
        page.click(f"tr[data-id='{res.id}'] a[href$='#files-ru']")
        page.wait_for_url(f"**/kk/resources/{res.id}.html#files-ru")
        links = page.locator("h3#files-ru + ul.eucj-downloads a[download]")
        expected = [f.path for f in res.files if f.lang == "ru"]
        assert [links.nth(i).get_attribute("data-url") for i in range(links.count())] == expected
        if source == "served":
            with page.expect_download() as download:
                links.first.click()
            assert download.value.suggested_filename == expected[0].rsplit("/", 1)[1]
        else:  # from disk Chromium opens a text file rather than downloading it: check the target
            target = links.first.evaluate("a => a.href")
            assert Path(url2pathname(urlsplit(target).path)).read_bytes() == (FIXTURE / expected[0]).read_bytes()
    assert not page.page_errors


def test_language_switcher_keeps_the_filters(page, bank_url, trainer_bank):
    resources = trainer_bank["catalogue"].resources
    open_catalogue(page, bank_url, "en", "topic=probation&sort=title")
    expected = sorted(r.id for r in resources if "probation" in r.topics)
    assert sorted(visible_ids(page)) == expected and len(expected) < len(resources)
    tick(page, "type", "checklist")
    chosen = sorted(r.id for r in resources if "probation" in r.topics and r.type == "checklist")
    # The switcher's link to Kazakh, followed as a reader would (its menu opens on hover/focus).
    href = page.get_attribute(".md-select__link[hreflang='kk']", "href")
    assert href.endswith("#type=checklist&topic=probation&sort=title"), href
    page.goto(urljoin(page.url, href))
    page.wait_for_selector("#eucj-filters")
    assert "/kk/" in page.url and sorted(visible_ids(page)) == chosen
    assert page.is_checked("input[name='topic'][value='probation']") and page.input_value("#eucj-filter-sort") == "title"
