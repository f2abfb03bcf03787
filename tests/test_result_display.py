"""What a resource's search result shows (eucj_bank/search/result_display.py): «type · date»
and a snippet of its summary in one paragraph, never its identifier or file names; the
worker's twin (search_worker.js, `display`) must make the same text of every resource entry
of the shipped indexes and of awkward hand-made ones; search_index.js holds exactly that."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from eucj_bank.search.index_split import read_disk_index
from eucj_bank.search.result_display import SHOWN, SNIPPET_CHARS, for_disk, is_resource_entry, shown, snippet

LANG_ROOT = {"en": "", "ru": "ru/", "kk": "kk/"}
WORDS = "Контрольный лист для самооценки подразделений пробации на основе Европейских правил " * 4
ENTRY = (f"<p>{WORDS.strip()}</p>\n<p>Второй абзац.</p><p>Контрольный лист · 2016-05 · Министерство внутренних дел"
         " · Пробация</p><p>epr-checklist · epr-checklist.ru.pdf</p>")
# Entities, inline tags cut open, a word longer than the limit, characters outside the
# BMP (two UTF-16 units in JS, one character in Python), runs of spaces, a short summary,
# no summary.
AWKWARD = [
    ENTRY,
    "<p>" + "Tom &amp; Jerry &lt;b&gt; " * 12 + "</p><p>Guide · 2019</p><p>x · x.pdf</p>",
    "<p><strong>" + "полужирный текст " * 15 + "</strong> и <em>курсив</em></p><p>Статья · 2020</p><p>x · x.txt</p>",
    "<p>" + "а" * 400 + " конец</p><p>Статья · 2020</p><p>x · x.txt</p>",
    "<p>" + "𝒜𝒷𝒸 " * 60 + "</p><p>Article · 2021</p><p>x · x.txt</p>",
    "<p>Қысқа түйіндеме.</p><p>Әдістеме · 2018 · ІІМ</p><p>x · x.docx</p>",
    "<p></p><p>Әдістеме · 2018 · ІІМ</p><p>x · x.docx</p>",
    "<p>" + "два  пробела\tи табуляция " * 12 + "</p><p>Статья · 2020</p><p>x · x.txt</p>",
    "<p>Only two paragraphs.</p><p>Guide · 2019</p>",
]


def test_a_snippet_ends_at_the_first_space_after_the_limit():
    cut, was_cut = snippet(WORDS)
    assert was_cut and len(cut) >= SNIPPET_CHARS and WORDS.startswith(cut) and WORDS[len(cut)] == " "
    assert " " not in cut[SNIPPET_CHARS:]
    assert snippet("Короткий текст.") == ("Короткий текст.", False)


def test_a_snippet_counts_an_entity_as_one_character_and_closes_what_it_cut_open():
    cut, was_cut = snippet("&amp; " * 100, limit=10)
    assert was_cut and cut == "&amp; " * 5 + "&amp;"
    cut, _ = snippet("<strong>" + "жирный " * 40 + "</strong>", limit=20)
    assert cut.startswith("<strong>") and cut.endswith("</strong>") and cut.count("<strong>") == 1
    cut, _ = snippet("строка<br>" + "слово " * 40, limit=20)
    assert "</br>" not in cut


def test_a_result_shows_type_date_and_snippet_never_identifier_or_file_names():
    out = shown(ENTRY)
    assert out.startswith("<p>Контрольный лист · 2016-05<br/>Контрольный лист для самооценки")
    assert out.endswith("…</p>") and out.count("<p>") == 1
    assert "epr-checklist" not in out and ".pdf" not in out and "Министерство" not in out
    assert shown("<p>Only two paragraphs.</p><p>Guide · 2019</p>") == "<p>Only two paragraphs.</p><p>Guide · 2019</p>"
    assert shown(AWKWARD[-3]) == "<p>Әдістеме · 2018</p>"


def test_the_disk_index_cuts_resource_entries_only_when_the_prebuilt_index_is_there():
    docs = [{"location": "resources/epr-checklist.html", "title": "t", "text": ENTRY},
            {"location": "resources/epr-checklist.html#checklist", "title": "t", "text": ENTRY},
            {"location": "how-to-use.html", "title": "t", "text": ENTRY}]
    index = {"config": {"lang": ["ru"]}, "docs": docs}
    assert for_disk(index) == index
    disk = for_disk({**index, "config": {"lang": ["ru"], "eucjIndex": {"v": 2}}})
    assert [d["text"] for d in disk["docs"]] == [shown(ENTRY), ENTRY, ENTRY]
    assert disk["config"] == {"lang": ["ru"], "eucjIndex": {"v": 2}, SHOWN: True}


def test_search_index_js_holds_the_shown_texts(shipped):
    for prefix in LANG_ROOT.values():
        folder = shipped["site"] / prefix / "search"
        served = json.loads((folder / "search_index.json").read_text("utf-8"))
        disk = read_disk_index((folder / "search_index.js").read_text("utf-8"))
        assert "eucjIndex" in served["config"] and disk["config"] == {**served["config"], SHOWN: True}
        resources = [d for d in served["docs"] if is_resource_entry(d["location"])]
        assert len(resources) > 20
        assert disk["docs"] == [{**d, "text": shown(d["text"])} if is_resource_entry(d["location"]) else d
                                for d in served["docs"]]
        assert (folder / "search_index.js").stat().st_size < (folder / "search_index.json").stat().st_size


# The worker as the site ships it, its display function applied to each text given.
NODE = r"""
const fs = require("fs"), vm = require("vm");
const [worker, texts] = process.argv.slice(2);
globalThis.self = globalThis;
globalThis.addEventListener = () => {};
globalThis.postMessage = () => {};
globalThis.importScripts = () => {};
vm.runInThisContext(fs.readFileSync(worker, "utf8"), { filename: worker });
process.stdout.write(JSON.stringify(JSON.parse(fs.readFileSync(texts, "utf8")).map(t => self.eucjDisplay(t))));
"""


def test_the_worker_shows_what_python_shows(shipped, tmp_path):
    if shutil.which("node") is None:
        pytest.fail("node runs the site's worker here: run `make test-deps`")
    texts = list(AWKWARD)
    for prefix in LANG_ROOT.values():
        index = json.loads((shipped["site"] / prefix / "search/search_index.json").read_text("utf-8"))
        texts += [d["text"] for d in index["docs"] if is_resource_entry(d["location"])]
    (tmp_path / "texts.json").write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "display.js").write_text(NODE, encoding="utf-8")
    worker = Path(shipped["site"]) / "assets/javascripts/workers/eucj-search.js"
    out = subprocess.run(["node", str(tmp_path / "display.js"), str(worker), str(tmp_path / "texts.json")],
                         capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == [shown(t) for t in texts]
