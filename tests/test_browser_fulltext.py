"""Full-text search in real Chromium, served and from disk, in each language: a word
that occurs only in a document's body finds its resource in Material's result list
(after the metadata results), with a snippet read from the text's one stored page and
a link to the passage of the reading page; nothing leaks across languages; reading
pages show the text in a frame and their contents lists go to its headings.

From disk, the tests' browser allows file:// pages to read each other
(--allow-file-access-from-files, for Material's search over file://); a reader's
Chromium does not, so the frame and the snippets are also tested in a browser
started without it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support import CHROMIUM, CHROMIUM_ARGS, ROOT

from eucj_bank.catalogue.load import load_catalogue
from eucj_bank.catalogue.vocab import label
from eucj_bank.site.ui import t

pytestmark = pytest.mark.browser
LANG_ROOT = {"en": "", "ru": "ru/", "kk": "kk/"}
RID = "probation-mission-findings-presentation"
# (language, query, a form of the word as the text has it): each word is in the body of
# the probation presentation only, in no title or summary; the query is another form.
BODY_ONLY = [
    ("en", "psychopathologies", "psychopathology"),
    ("ru", "когнитивный", "когнитивн"),
    ("kk", "нашақорлықтың", "нашақорлық"),
]
RESULTS = "[data-md-component=search-result]"


@pytest.fixture(params=["served", "offline"])
def base(request, served_site, offline_site):
    return {"served": served_site, "offline": offline_site}[request.param]


def fulltext(page, base: str, lang: str, query: str) -> list[dict]:
    """Type `query` in the search box of the language's home page; the items of the
    result list once the passages of the documents for it are in (or none were found)."""
    page.goto(f"{base}{LANG_ROOT[lang]}index.html")
    box = page.locator("input[data-md-component='search-query']")
    box.click()
    box.fill(query)
    box.press("End")  # Material searches on keyup; fill() of Cyrillic sends no key
    # the passages are shown at once, their snippets as each text's page is read
    page.wait_for_function(f"() => document.querySelector('{RESULTS}').dataset.eucjFulltextSnippets === {query!r}",
                           timeout=15000)
    return page.eval_on_selector_all(
        ".md-search-result__list > li", "els => els.map(e => ({passage: e.classList.contains('eucj-fulltext-hit'),"
        " href: e.querySelector('a').href, title: e.querySelector('h1').textContent,"
        " snippet: e.classList.contains('eucj-fulltext-hit') ? e.querySelector('.eucj-fulltext-snippet').textContent : '',"
        " facts: e.classList.contains('eucj-fulltext-hit') ? e.querySelector('.eucj-fulltext-facts').textContent : '',"
        " text: e.innerText, lang: e.classList.contains('eucj-fulltext-hit') ?"
        " e.querySelector('.eucj-fulltext-snippet').lang : ''}))")


def passages(items: list[dict]) -> list[dict]:
    return [item for item in items if item["passage"]]


def shown_passage(page) -> tuple[str, str, float]:
    """On a reading page: (the text of the frame's target, the frame's language, where
    the target is in the window, as a fraction of its height) once the frame has grown."""
    page.wait_for_function("() => { const f = document.querySelector('iframe.eucj-text-frame');"
                           " return f && parseFloat(f.style.height) > 300; }", timeout=15000)
    page.wait_for_timeout(200)  # the scroll is made on the next frame
    frame = next(f for f in page.frames if "/texts/" in f.url)
    text = frame.evaluate("(document.querySelector(':target') || {textContent: ''}).textContent")
    top = page.eval_on_selector("iframe.eucj-text-frame", "e => e.getBoundingClientRect().top")
    top += frame.evaluate("document.querySelector(':target') ? document.querySelector(':target').offsetTop : -1e6")
    return text, frame.evaluate("document.documentElement.lang"), top / page.viewport_size["height"]


def test_the_words_are_in_the_body_only():
    catalogue = load_catalogue(ROOT / "resource_catalog.yaml", ROOT).catalogue
    for lang, query, form in BODY_ONLY:
        metadata = " ".join(r.title.get(lang)[0] + " " + r.summary.get(lang)[0] for r in catalogue.resources).lower()
        assert form not in metadata and query not in metadata, (lang, form)


@pytest.mark.parametrize("lang,query,form", BODY_ONLY, ids=[q for _, q, _ in BODY_ONLY])
def test_a_word_of_the_body_finds_the_resource_and_links_to_the_passage(page, base, lang, query, form):
    hits = passages(fulltext(page, base, lang, query))
    assert len(hits) == 1, hits
    hit = hits[0]
    assert f"{LANG_ROOT[lang]}read/{RID}--{lang}.html#t-" in hit["href"]
    assert form in hit["snippet"].lower() and hit["lang"] == lang
    assert page.locator(f"{RESULTS} .md-search-result__meta").text_content().strip()
    page.goto(hit["href"])
    text, text_lang, where = shown_passage(page)
    assert form in text.lower() and text_lang == lang
    assert 0 <= where < 0.5, where  # the page scrolled to the passage
    assert page.url.endswith(hit["href"][hit["href"].index("#"):])
    assert not page.page_errors


@pytest.mark.parametrize("lang,query", [("en", "probation"), ("ru", "пробации"), ("kk", "пробация")])
def test_passages_follow_the_metadata_results_in_one_list(page, base, lang, query):
    fulltext(page, base, lang, query)
    page.wait_for_selector(".md-search-result__item", timeout=15000)  # Material's answer may come later
    page.wait_for_timeout(300)
    items = page.eval_on_selector_all(".md-search-result__list > li", "els => els.map(e => ({passage: "
                                      "e.classList.contains('eucj-fulltext-hit'), href: e.querySelector('a').href,"
                                      " snippet: e.querySelector('.eucj-fulltext-snippet') ?"
                                      " e.querySelector('.eucj-fulltext-snippet').textContent : '',"
                                      " lang: e.querySelector('.eucj-fulltext-snippet') ?"
                                      " e.querySelector('.eucj-fulltext-snippet').lang : ''}))")
    kinds = [item["passage"] for item in items]
    assert False in kinds and True in kinds, items
    assert kinds == sorted(kinds), "every passage comes after every metadata result"
    meta = page.locator(f"{RESULTS} .md-search-result__meta").text_content()
    assert re.search(r"\d", meta) and page.locator(".eucj-fulltext__count").count() == 1
    for item in passages(items):
        assert "/read/" in item["href"] and "#t-" in item["href"] and item["snippet"] and item["lang"] == lang
    # the reader scrolls Material's list: it adds results, the passages stay last
    page.eval_on_selector(".md-search-result", "e => e.scrollTo(0, e.scrollHeight)")
    page.wait_for_timeout(300)
    kinds = page.eval_on_selector_all(".md-search-result__list > li",
                                      "els => els.map(e => e.classList.contains('eucj-fulltext-hit'))")
    assert kinds == sorted(kinds) and True in kinds
    assert not page.page_errors


@pytest.mark.parametrize("lang,query", [("kk", "psychopathology"), ("ru", "нашақорлық"), ("en", "когнитивный"),
                                        ("en", "нашақорлық"), ("kk", "когнитивный")])
def test_a_word_of_another_languages_documents_finds_nothing(page, base, lang, query):
    assert passages(fulltext(page, base, lang, query)) == []


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_the_contents_list_of_a_reading_page_goes_to_its_headings(page, base, lang):
    page.goto(f"{base}{LANG_ROOT[lang]}read/eucj-strategy-2018--{lang}.html")
    links = page.locator(".eucj-contents a")
    assert links.count() >= 5
    last = links.nth(links.count() - 1)
    text = last.text_content()
    last.click()
    page.wait_for_function("() => /#t-\\d+$/.test(location.hash)", timeout=15000)
    heading, text_lang, where = shown_passage(page)
    assert heading == text and text_lang == lang
    assert 0 <= where < 0.5, where
    frame = next(f for f in page.frames if "/texts/" in f.url)
    assert frame.evaluate("/^H[1-6]$/.test(document.querySelector(':target').tagName)")
    assert not page.page_errors


@pytest.fixture(scope="module")
def readers_browser(browser):
    """Chromium as a reader starts it: file:// pages are each their own origin (one
    Playwright per process: the tests' browser's launches this one)."""
    b = browser.browser_type.launch(executable_path=CHROMIUM,
                                    args=[a for a in CHROMIUM_ARGS if a != "--allow-file-access-from-files"])
    yield b
    b.close()


@pytest.mark.parametrize("lang,query,form", BODY_ONLY, ids=[q for _, q, _ in BODY_ONLY])
def test_from_disk_in_a_readers_chromium_the_snippet_and_the_passage_show(readers_browser, offline_site,
                                                                          lang, query, form):
    context = readers_browser.new_context()
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    hits = passages(fulltext(page, offline_site, lang, query))
    assert len(hits) == 1 and form in hits[0]["snippet"].lower(), hits
    page.goto(hits[0]["href"])
    text, text_lang, where = shown_passage(page)
    assert form in text.lower() and text_lang == lang and 0 <= where < 0.5
    assert not errors
    context.close()


def test_a_script_slipped_into_a_text_page_does_not_run(page, shipped, tmp_path):
    """The sanitiser lets no script through (tests/test_safe_html.py); if one came
    through all the same, the text page's own policy would not run it, from disk too."""
    source = shipped["site"] / "texts" / f"{RID}--en.html"
    html = source.read_text("utf-8")
    injected = ('<p id="t-999">x</p><script>document.title = "pwned";</script>'
                '<img src="data:," onerror="document.title = \'pwned\'">'
                '<a id="go" href="javascript:document.title=\'pwned\'">go</a>')
    (tmp_path / "texts").mkdir()
    target = tmp_path / "texts" / source.name
    target.write_text(html.replace('<main class="eucj-document">', '<main class="eucj-document">' + injected), "utf-8")
    page.add_init_script("window.__csp = []; document.addEventListener('securitypolicyviolation',"
                         " e => window.__csp.push(e.violatedDirective));")
    page.goto(target.as_uri())
    page.click("#go")
    page.wait_for_timeout(300)
    assert page.title() != "pwned"
    assert len(page.evaluate("window.__csp")) >= 3, page.evaluate("window.__csp")


def _meta_line(page) -> str:
    """The count line as a reader sees it (what Material said is kept hidden while only
    passages answer)."""
    return page.locator(f"{RESULTS} .md-search-result__meta").inner_text().strip()


def _settled(page, query: str) -> None:
    """Material's own answer to `query` is in too: its line was rewritten for it."""
    page.wait_for_function("() => { const m = document.querySelector('.md-search-result__meta');"
                           " const t = JSON.parse(document.getElementById('__config').textContent).translations;"
                           " return !m.textContent.includes(t['search.result.placeholder'])"
                           " && !m.textContent.includes(t['search.result.initializer']); }", timeout=15000)
    page.wait_for_timeout(300)


@pytest.mark.parametrize("lang,query,form", BODY_ONLY, ids=[q for _, q, _ in BODY_ONLY])
def test_what_a_passage_shows_title_type_year_snippet_and_one_count_line(page, base, shipped, lang, query, form):
    """#17: the whole item and the whole count line. A passage shows its resource's
    title, type and year, and the snippet; never an id or a file name. The count line
    says the passages once, after Material's count when it has results of its own,
    alone otherwise (never "Type to start searching" or "no matching documents" above
    passages)."""
    fulltext(page, base, lang, query)
    _settled(page, query)
    res = next(r for r in load_catalogue(ROOT / "resource_catalog.yaml", ROOT).catalogue.resources if r.id == RID)
    hit = passages(page.eval_on_selector_all(
        ".md-search-result__list > li", "els => els.map(e => ({passage: e.classList.contains('eucj-fulltext-hit'),"
        " title: e.querySelector('h1').textContent, facts: (e.querySelector('.eucj-fulltext-facts') || {}).textContent,"
        " snippet: (e.querySelector('.eucj-fulltext-snippet') || {}).textContent, text: e.innerText}))"))
    assert len(hit) == 1, hit
    hit = hit[0]
    assert hit["title"] == res.title.get(lang)[0]
    assert hit["facts"] == f"{label('types', res.type, lang)} · {res.year}"
    assert form in hit["snippet"].lower()
    assert [line.strip() for line in hit["text"].split("\n") if line.strip()] == [hit["title"], hit["facts"],
                                                                               hit["snippet"].strip()]
    for secret in [RID] + [Path(ref.path).name for ref in res.files]:
        assert secret not in hit["text"]
    heading = t("fulltext_heading", lang, count=1)
    own = page.locator(".md-search-result__item").count()
    line = _meta_line(page)
    if own:
        assert re.fullmatch(rf"[^·]*\d[^·]* · {re.escape(heading)}", line), line
    else:
        assert line == heading
    assert line.count(heading) == 1


@pytest.mark.parametrize("lang,query", [("en", "probation"), ("ru", "пробации"), ("kk", "пробация")])
def test_with_results_of_both_the_count_line_names_each_once(page, base, lang, query):
    fulltext(page, base, lang, query)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    _settled(page, query)
    line = _meta_line(page)
    count = page.locator(".eucj-fulltext-hit").count()
    heading = t("fulltext_heading", lang, count=count)
    assert count and line.endswith(" · " + heading) and line.count(" · ") == 1, line
    assert re.match(r"\d", line) or re.search(r"\d", line.split(" · ")[0]), line


def test_a_stop_word_finds_no_passage_and_the_line_says_nothing_was_found(page, base):
    """«немесе» («or») is a stop word of the metadata index: no document is found for it
    in the text either (it was: 100 passages under an empty list, and make bench waited)."""
    assert passages(fulltext(page, base, "kk", "немесе")) == []
    _settled(page, "немесе")
    none = page.evaluate("JSON.parse(document.getElementById('__config').textContent).translations['search.result.none']")
    assert _meta_line(page) == none
    assert page.locator(".eucj-fulltext__count").count() == 0


# A body-only word typed as people type it: the wrong keyboard layout, without the
# Kazakh letters; a word of the thesaurus finds a text with its equivalent.
TYPED = [
    ("en", "зынсрщзферщдщпшуы", RID),  # psychopathologies on the Russian layout
    ("ru", "rjuybnbdysq", RID),  # когнитивный on the English layout
    ("kk", "нашакорлык", RID),  # нашақорлық without the Kazakh letters
    ("ru", "уис", "eucj-strategy-2018"),  # the acronym: its text says «пенитенциарн…», «тюрьм…»
    ("kk", "қажк", "eucj-strategy-2018"),  # the acronym: its text says «түрме»
]


@pytest.mark.parametrize("lang,query,rid", TYPED, ids=[q for _, q, _ in TYPED])
def test_the_text_is_searched_through_the_normaliser_and_the_thesaurus(page, base, lang, query, rid):
    for path in (ROOT / "files" / rid).iterdir():
        if f".{lang}." in path.name:
            assert not re.search(rf"\b{query}", path.read_text("utf-8").lower())  # no word begins so
    hits = passages(fulltext(page, base, lang, query))
    assert any(f"{LANG_ROOT[lang]}read/{rid}--{lang}.html#t-" in hit["href"] for hit in hits), hits
    assert all(hit["lang"] == lang for hit in hits)
