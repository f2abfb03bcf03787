"""The "Propose a resource" page: its form, filled in real Chromium, served under the
site's Content-Security-Policy and from disk, in each language, gives an entry that the
real validator accepts unchanged, with checksums that match the files (hashlib).
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import json
import re
import shutil
import subprocess
import sys
import threading
import zipfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from support import ROOT
from test_accessibility import axe_violations

from eucj_bank.catalogue.load import load_catalogue
from eucj_bank.catalogue.schema import catalogue_schema
from eucj_bank.catalogue.vocab import LANGS, label, terms
from eucj_bank.copies.csp import policy_for
from eucj_bank.site.propose_form import FORM_FIELDS, propose_data, propose_data_script
from eucj_bank.site.ui import strings, t

LANG_ROOT = {"en": "", "ru": "ru/", "kk": "kk/"}
VENDOR = ROOT / "overrides/assets/javascripts/vendor/cfworker-json-schema/json-schema.min.js"
PAGE_SCRIPTS = [VENDOR, ROOT / "overrides/assets/javascripts/eucj-propose-tools.js",
                ROOT / "overrides/assets/javascripts/eucj-propose.js"]
# What an editor types, in each language (the form's fields are the same in all three).
TEXTS = {
    "title.en": "Mediation in criminal cases: a trainer's guide",
    "title.ru": "Медиация по уголовным делам: пособие для преподавателя «с примерами»",
    "title.kk": "Қылмыстық істер бойынша медиация: оқытушыға арналған құрал",
    "summary.en": "A guide for academy trainers.\n\nIt covers: \"victim-offender\" meetings - and # signs.",
    "summary.ru": "Пособие для преподавателей академий: встречи потерпевшего и правонарушителя.",
    "summary.kk": "Академия оқытушыларына арналған құрал: жәбірленуші мен құқық бұзушының кездесулері.",
    "date": "2017-03",
    "authors": "Айгүл Серікқызы\nEUCJ project (NI-CO)",
    "activity": "2.3",
}


def _catalogue():
    return load_catalogue(ROOT / "resource_catalog.yaml", ROOT).catalogue


# ---- the data file -------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_every_field_is_a_schema_property_labelled_in_the_pages_language(lang):
    data = propose_data(_catalogue(), lang)
    props = catalogue_schema()["$defs"]["Resource"]["properties"]
    assert [f["name"] for f in data["fields"]] == list(FORM_FIELDS)
    for f in data["fields"]:
        assert f["name"] in props
        assert f["label"].strip() and f["help"].strip()
    assert data["vocab"]["topics"] == [[term, label("topics", term, lang)] for term in terms("topics")]
    assert data["strings"]["make"] == t("propose_make", lang)
    for key, texts in strings().items():
        if key.startswith("propose_"):
            assert set(texts) == set(LANGS) and all(isinstance(v, str) and v.strip() for v in texts.values()), key
    if lang != "en":  # the page's own words, not English
        english = propose_data(_catalogue(), "en")
        assert all(a["help"] != b["help"] for a, b in zip(data["fields"], english["fields"]))
        assert data["strings"]["errors"] != english["strings"]["errors"]


def test_the_data_file_cannot_close_a_script_and_lists_the_published_ids():
    catalogue = _catalogue()
    text = propose_data_script(catalogue.public(), "en")
    assert "</script" not in text.lower()
    data = json.loads(text.removeprefix("window.EUCJ_PROPOSE = ").removesuffix(";\n"))
    assert data["ids"] == sorted(r.id for r in catalogue.public().resources)
    assert data["schema"] == catalogue_schema()


@pytest.mark.parametrize("name", ["contributing.md", "propose.md"])
def test_the_guides_are_parallel_in_the_three_languages(name):
    """Same sections (explicit ids, so that links between pages work in every language),
    same tables, examples and links: a translation, not a different text."""
    shape = {}
    for lang in LANGS:
        text = (ROOT / "docs" / lang / name).read_text("utf-8")
        shape[lang] = (re.findall(r"^(#+) .*?(?:\{ #([\w-]+) \})?$", text, re.M),
                       len(re.findall(r"^\| ", text, re.M)), re.findall(r"```.*", text),
                       re.findall(r"\]\(([^)]+)\)", text))
    assert shape["ru"] == shape["en"] and shape["kk"] == shape["en"]
    ids = [i for _, i in shape["en"][0][1:]]
    assert all(ids), "every section below the title has an explicit id"
    if name == "contributing.md":
        guide = (ROOT / "docs/en" / name).read_text("utf-8")
        for target in ("make new", "make validate", "make serve", "make status", "vocabularies.yaml", "propose.md"):
            assert target in guide


# ---- the vendored validator ----------------------------------------------------------

def test_the_vendored_validator_is_what_the_pinned_npm_packages_build(tmp_path):
    esbuild = ROOT / "node_modules/.bin/esbuild"
    if not esbuild.exists():
        pytest.fail("node_modules is missing: run `make test-deps` (npm ci)")
    command = json.loads((ROOT / "package.json").read_text("utf-8"))["scripts"]["vendor-json-schema"]
    out = tmp_path / "json-schema.min.js"
    command = re.sub(r"--outfile=\S+", f"--outfile={out}", command).split()
    subprocess.run([str(esbuild), *command[1:]], cwd=ROOT, check=True, capture_output=True)
    assert out.read_bytes() == VENDOR.read_bytes(), "rebuild it: npm run vendor-json-schema"
    assert (VENDOR.parent / "LICENSE").read_text("utf-8").startswith("MIT License")


def test_the_pages_scripts_never_evaluate_text_as_code():
    # The site's CSP has no 'unsafe-eval': nothing may compile code at run time.
    for path in PAGE_SCRIPTS:
        text = path.read_text("utf-8")
        assert not re.search(r"\beval\s*\(|new\s+Function\b|\bFunction\s*\(", text), path


# ---- in Chromium ----------------------------------------------------------------------

class _CSPHandler(http.server.SimpleHTTPRequestHandler):
    policy = ""

    def end_headers(self):
        self.send_header("Content-Security-Policy", self.policy)
        super().end_headers()

    def log_message(self, *args):
        pass


@contextmanager
def _serve_with_policy(site: Path):
    """The site on 127.0.0.1 with the policy the hosting guide gives for it."""
    handler = functools.partial(type("H", (_CSPHandler,), {"policy": policy_for(site)}), directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def csp_served(shipped):
    with _serve_with_policy(shipped["site"]) as base:
        yield base


WATCH_CSP = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.fixture
def documents(tmp_path) -> list[Path]:
    """Two files as an editor has them: a Russian text and a PDF-named binary."""
    folder = tmp_path / "my documents"
    folder.mkdir()
    text = folder / "Пособие по медиации.TXT"
    text.write_text("Медиация по уголовным делам.\n" * 300, encoding="utf-8")
    binary = folder / "guide.pdf"
    binary.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 4000)
    return [text, binary]


def _open(page, base: str, lang: str) -> None:
    page.add_init_script(WATCH_CSP)
    page.goto(base + LANG_ROOT[lang] + "propose.html")
    page.wait_for_selector("#eucj-propose-form")


def _fill(page, files: list[Path], langs: list[str]) -> None:
    for name, value in TEXTS.items():
        page.fill(f"[name='{name}']", value)
    page.fill("[name=id]", "")
    page.fill("[name=id]", "mediation-trainers-guide")
    page.select_option("[name=type]", "training-material")
    for name, value in (("agencies", "academy-of-justice"), ("agencies", "gpo"), ("topics", "victims"),
                        ("audience", "trainers")):
        page.check(f"input[name={name}][value={value}]")
    page.select_option("[name=licence]", "cc-by-4.0")
    page.select_option("[name=component]", "c3-training")
    page.set_input_files("#eucj-p-files", [str(f) for f in files])
    for i, lang in enumerate(langs):
        page.select_option(f"#eucj-p-file-lang-{i}", lang)


def _make(page) -> str:
    page.click("#eucj-propose-form button[type=submit]")
    page.wait_for_selector("[data-entry-ready]")
    return page.inner_text("#eucj-propose-yaml")


def _problems(page) -> str:
    """Press the button and read the problems it lists (the files are hashed first)."""
    page.click("#eucj-propose-form button[type=submit]")
    page.wait_for_selector("#eucj-propose-problems:not(:empty)")
    return page.inner_text("#eucj-propose-problems")


def _validate(entry: str, placed: dict[str, bytes], tmp_path: Path) -> subprocess.CompletedProcess:
    """The bank with the entry appended and the files placed, checked by the real validator."""
    bank = tmp_path / "bank"
    bank.mkdir()
    for folder in ("files", "checklists"):
        shutil.copytree(ROOT / folder, bank / folder)
    catalogue = bank / "resource_catalog.yaml"
    text = (ROOT / "resource_catalog.yaml").read_text("utf-8")
    catalogue.write_text(text.rstrip("\n") + "\n\n" + entry, encoding="utf-8")
    for path, data in placed.items():
        (bank / path).parent.mkdir(parents=True, exist_ok=True)
        (bank / path).write_bytes(data)
    return subprocess.run([sys.executable, str(ROOT / "scripts/validate_catalogue.py"), "--strict", str(catalogue)],
                          capture_output=True, text=True, cwd=bank)


def _propose_and_check(page, documents, tmp_path, lang):
    _fill(page, documents, ["ru", "en"])
    entry = _make(page)
    paths = re.findall(r"- path: (\S+)", entry)
    sums = re.findall(r'sha256: "([0-9a-f]{64})"', entry)
    assert paths == ["files/mediation-trainers-guide/mediation-trainers-guide.ru.txt",
                     "files/mediation-trainers-guide/mediation-trainers-guide.en.pdf"]
    assert sums == [hashlib.sha256(d.read_bytes()).hexdigest() for d in documents]
    with page.expect_download() as info:
        page.click("#eucj-propose-download-all")
    archive = tmp_path / "download.zip"
    info.value.save_as(archive)
    with zipfile.ZipFile(archive) as z:
        assert z.testzip() is None
        members = {name: z.read(name) for name in z.namelist()}
    assert members.pop("mediation-trainers-guide.yaml").decode("utf-8") == entry
    assert members == {path: doc.read_bytes() for path, doc in zip(paths, documents)}
    result = _validate(entry, members, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    added = load_catalogue(tmp_path / "bank/resource_catalog.yaml").catalogue.resources[-1]
    assert added.title.ru == TEXTS["title.ru"] and added.summary.en == TEXTS["summary.en"]
    assert added.authors == TEXTS["authors"].split("\n") and added.activity == "2.3"
    assert page.evaluate("window.__csp") == []
    assert not page.page_errors, page.page_errors


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_the_entry_served_under_the_csp_passes_the_validator(page, csp_served, documents, tmp_path, lang):
    _open(page, csp_served, lang)
    _propose_and_check(page, documents, tmp_path, lang)


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_the_entry_made_from_disk_passes_the_validator(page, offline_site, documents, tmp_path, lang):
    _open(page, offline_site, lang)
    assert page.evaluate("window.isSecureContext && !!crypto.subtle"), "file:// is a secure context in Chromium"
    _propose_and_check(page, documents, tmp_path, lang)


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_mistakes_are_named_in_the_pages_language_and_nothing_is_made(page, offline_site, documents, lang):
    _open(page, offline_site, lang)
    problems = _problems(page)
    assert t("propose_errors", lang) in problems
    for key, field in (("propose_err_required", "propose_field_title"), ("propose_err_choose", "field_topics"),
                       ("propose_err_required", "field_licence")):
        assert t(key, lang, field=t(field, lang)) in problems
    assert page.is_hidden("#eucj-propose-result")
    # a date that does not exist, an id already used, a file the bank cannot take
    _fill(page, documents[:1], ["ru"])
    taken = _catalogue().public().resources[0].id
    page.fill("[name=id]", taken)
    page.fill("[name=date]", "2017-02-30")
    page.set_input_files("#eucj-p-files", {"name": "notes.exe", "mimeType": "application/octet-stream",
                                           "buffer": b"MZ"})
    problems = _problems(page)
    assert t("propose_err_date", lang, field=t("field_date", lang)) in problems
    assert t("propose_err_id_taken", lang, field=t("field_id", lang)) in problems
    assert "notes.exe" in problems
    assert page.is_hidden("#eucj-propose-result")
    assert page.evaluate("document.activeElement.id") == "eucj-propose-problems"
    page.mouse.move(0, 0)  # off the button: Material's hover colours are the theme's, not this page's
    assert axe_violations(page) == []


@pytest.mark.browser
def test_a_missing_translation_is_a_warning_and_the_entry_still_validates(page, offline_site, documents, tmp_path):
    _open(page, offline_site, "kk")
    _fill(page, documents[:1], ["kk"])
    page.fill("[name='title.kk']", "")
    entry = _make(page)
    warning = t("propose_warn_language", "kk", field=t("propose_field_title", "kk"),
                language=label("languages", "kk", "kk"))
    assert warning in page.inner_text("#eucj-propose-result")
    assert "kk:" not in entry.split("summary:")[0]
    path = re.search(r"- path: (\S+)", entry).group(1)
    result = _validate(entry, {path: documents[0].read_bytes()}, tmp_path)
    assert result.returncode == 1 and "title.kk is missing" in result.stdout  # a warning, made an error by --strict
    page.mouse.move(0, 0)
    assert axe_violations(page) == []


@pytest.mark.browser
def test_the_plain_sha256_agrees_with_hashlib(page, offline_site):
    """The fallback for copies served over plain http, where crypto.subtle is absent."""
    _open(page, offline_site, "en")
    for size in (0, 1, 55, 56, 63, 64, 65, 1000, 300_000):
        data = bytes((i * 31 + 7) % 256 for i in range(size))
        got = page.evaluate("bytes => EucjProposeTools.sha256Plain(new Uint8Array(bytes))", list(data))
        assert got == hashlib.sha256(data).hexdigest(), size


@pytest.mark.browser
def test_any_text_typed_comes_back_unchanged_from_the_yaml(page, offline_site):
    import yaml

    _open(page, offline_site, "en")
    texts = ["plain", "a: b # c", "'single' \"double\" «ёлочки» „lapki“", "line\n\nparagraph\ttab",
             "\u0085nel \u2028ls \u2029ps \u007fdel \ufeffbom", "yes", "null", "2016-05-20", "- dash", "{[,]}",
             "\\ back\\slash", "emoji 😀 and Қазақша"]
    for text in texts:
        quoted = page.evaluate("text => EucjProposeTools.quote(text)", text)
        assert yaml.safe_load(f"value: {quoted}\n") == {"value": text}, (text, quoted)
    for term in ("cc-by-4.0", "in-bank", "on", "No", "files/a-b/a-b.en.pdf"):
        plain = page.evaluate("text => EucjProposeTools.scalar(text)", term)
        assert yaml.safe_load(f"value: {plain}\n") == {"value": term}, (term, plain)


@pytest.mark.browser
def test_the_holder_is_asked_when_an_agency_holds_the_original(page, offline_site, tmp_path):
    _open(page, offline_site, "ru")
    _fill(page, [], [])
    assert page.is_hidden("[data-field=holder]")
    page.select_option("[name=availability]", "held-by-agency")
    assert page.is_visible("[data-field=holder]")
    assert t("propose_err_holder", "ru", field=t("field_holder", "ru")) in _problems(page)
    page.select_option("[name='holder.agency']", "academy-of-justice")
    page.fill("[name='holder.note.ru']", "Запросите в библиотеке академии.")
    entry = _make(page)
    assert "holder:\n      agency: academy-of-justice\n      note:\n        ru: " in entry
    result = _validate(entry, {}, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    held = load_catalogue(tmp_path / "bank/resource_catalog.yaml").catalogue.resources[-1]
    assert (held.availability, held.holder.agency, held.files) == ("held-by-agency", "academy-of-justice", [])
