"""The lunr index built at build time (eucj_bank/search/lunr_index.py) is the index the
browser built before: the site's own worker runs under node twice on each language's
shipped index, once loading the prebuilt index and once with it removed (building it from
the documents as before), and both must hold the same terms, postings and BM25 vectors
and answer queries of every kind with the same results, highlighting and notes. The
Python serialisation must equal lunr.js's own JSON of that index too. From disk
(search_index.js, whose resource entries hold only what their results show) the answers
must be the same as served, to the byte."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import material
import pytest

from eucj_bank.search.lunr_index import DIGITS, build, decode_numbers, encode_numbers, serialise
from eucj_bank.search.result_display import is_resource_entry

LUNR_MODULES = Path(material.__file__).parent / "templates/assets/javascripts/lunr/min"
LANG_ROOT = {"en": "", "ru": "ru/", "kk": "kk/"}
# Every path of the worker: inflected words, prefixes while typing, stop words, layout
# slips, Latin Kazakh, folded Kazakh, thesaurus, typos, nothing found ("did you mean").
QUERIES = {
    "en": ["probation", "prob", "assessments of risk", "probaton", "electronic bracelet", "ghj,fwbz",
           "the police", "xyzzyq", "kpi"],
    "ru": ["пробации", "оценки рисков", "проб", "ghj,fwbz", "пробоция", "доверие к полиции", "тюрьма", "УПК",
           "коммуникационая", "щщщщщщ", "прокуратура"],
    "kk": ["пробация", "қызметі", "кылмыстык процестик", "тәуекел", "probatsiia qyzmeti", "түрме", "ҚПК",
           "сервистік полиция", "пробоция", "жжжжжжж", "полиция", "прокуратура"],
}
# The site's worker as search_node.js runs it; "built" drops the prebuilt index first.
# A file, not `node -e`: there `exports` is defined and lunr's language modules would
# export themselves instead of registering with lunr.
NODE = r"""
const fs = require("fs"), path = require("path"), vm = require("vm");
const [site, lang, mode, queriesJson] = process.argv.slice(2);
const root = lang === "en" ? site : path.join(site, lang);
const workerFile = path.join(site, "assets/javascripts/workers/eucj-search.js");
const listeners = []; let answer = null;
globalThis.self = globalThis;
globalThis.addEventListener = (t, fn) => { if (t === "message") listeners.push(fn); };
globalThis.postMessage = m => { answer = m; };
globalThis.importScripts = (...urls) => { for (const u of urls) {
  const f = path.resolve(path.dirname(workerFile), u); vm.runInThisContext(fs.readFileSync(f, "utf8"), { filename: f }); } };
vm.runInThisContext(fs.readFileSync(workerFile, "utf8"), { filename: workerFile });
async function send(message) {
  answer = null; for (const fn of listeners) fn({ data: message });
  for (let i = 0; answer === null && i < 100000; i++) await new Promise(r => setImmediate(r));
  return answer;
}
(async () => {
  let index;
  if (mode === "disk") {  // the file Material reads over file://
    vm.runInThisContext(fs.readFileSync(path.join(root, "search/search_index.js"), "utf8"));
    index = globalThis.__index;
  } else index = JSON.parse(fs.readFileSync(path.join(root, "search/search_index.json"), "utf8"));
  const shipped = !!index.config.eucjIndex;
  if (mode === "built") delete index.config.eucjIndex;
  await send({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: false } } });
  const loaded = !!self.eucjState.index.eucjBuilder;
  const results = [];
  for (const q of JSON.parse(queriesJson)) results.push((await send({ type: 2, data: q })).data);
  process.stdout.write(JSON.stringify({ shipped, loaded, index: self.eucjState.index.toJSON(), results }));
})().catch(e => { console.error(e); process.exit(1); });
"""


def run_worker(script: Path, site: Path, lang: str, mode: str) -> dict:
    result = subprocess.run(["node", str(script), str(site), lang, mode, json.dumps(QUERIES[lang], ensure_ascii=False)],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def postings(index: dict) -> dict:
    """term -> {_index, field -> sorted document locations}: the inverted index without positions."""
    return {term: {key: value if key == "_index" else sorted(value) for key, value in posting.items()}
            for term, posting in index["invertedIndex"]}


@pytest.fixture(scope="module")
def worker_runs(shipped, tmp_path_factory):
    if shutil.which("node") is None:
        pytest.fail("node runs the site's worker here: run `make test-deps`")
    site = Path(shipped["site"])
    script = tmp_path_factory.mktemp("node") / "worker.js"
    script.write_text(NODE, encoding="utf-8")
    return site, {lang: {mode: run_worker(script, site, lang, mode) for mode in ("prebuilt", "built", "disk")}
                  for lang in LANG_ROOT}


@pytest.mark.parametrize("lang", list(LANG_ROOT))
def test_the_worker_loads_the_prebuilt_index_and_it_equals_the_one_it_built(worker_runs, lang):
    _, runs = worker_runs
    prebuilt, built = runs[lang]["prebuilt"], runs[lang]["built"]
    assert prebuilt["shipped"] and prebuilt["loaded"], "the shipped index was not loaded"
    assert not built["loaded"]
    assert len(built["index"]["invertedIndex"]) > 1000
    assert postings(prebuilt["index"]) == postings(built["index"])
    assert dict(prebuilt["index"]["fieldVectors"]) == dict(built["index"]["fieldVectors"])


def without_resource_texts(results: list[dict]) -> list[dict]:
    """The results with each resource entry's text left out: with the prebuilt index a
    resource's result shows «type · date» and a snippet (result_display.shown); an index
    the browser built from the whole texts (a preview's quick pass) shows Material's
    paragraphs that hold a highlighted word."""
    def blank(doc: dict) -> dict:
        doc = {**doc, "text": None} if is_resource_entry(doc["location"]) else dict(doc)
        if isinstance(doc.get("parent"), dict):  # a section's result carries its page's entry
            doc["parent"] = blank(doc["parent"])
        return doc

    return [{**r, "items": [[blank(item) for item in group] for group in r["items"]]} for r in results]


@pytest.mark.parametrize("lang", list(LANG_ROOT))
def test_queries_of_every_kind_answer_the_same_with_the_same_highlights(worker_runs, lang):
    _, runs = worker_runs
    prebuilt, built = runs[lang]["prebuilt"]["results"], runs[lang]["built"]["results"]
    assert sum(1 for r in built if r["items"]) >= len(QUERIES[lang]) // 2  # the queries find things
    assert any("<mark>" in item["text"] + item["title"] for r in built for group in r["items"] for item in group)
    assert any(r["eucj"].get("didYouMean") or r["eucj"].get("instead") for r in built)
    for query, mine, theirs in zip(QUERIES[lang], without_resource_texts(prebuilt), without_resource_texts(built)):
        assert mine == theirs, query
    shown = [item["text"] for r in prebuilt for group in r["items"] for item in group if is_resource_entry(item["location"])]
    assert shown and all(text.startswith("<p>") and text.count("<p>") == 1 for text in shown), shown[:3]
    assert any("<mark>" in text for text in shown)


@pytest.mark.parametrize("lang", list(LANG_ROOT))
def test_from_disk_the_answers_are_the_served_ones(worker_runs, lang):
    _, runs = worker_runs
    assert runs[lang]["disk"]["loaded"]
    assert runs[lang]["disk"]["results"] == runs[lang]["prebuilt"]["results"]


@pytest.mark.parametrize("lang", list(LANG_ROOT))
def test_each_word_is_marked_once(worker_runs, lang):
    """A word two terms of a query match (a stem and a prefix, a word and its folded twin)
    was wrapped twice, the second cutting into the first: «<mark><mar</mark>k>поли»."""
    _, runs = worker_runs
    for mode in ("prebuilt", "built"):
        for r in runs[lang][mode]["results"]:
            for group in r["items"]:
                for item in group:
                    for html in (item["title"], item["text"] or ""):
                        assert "<mark><mark>" not in html and not re.search(r"<mark>[^<]*<(?!/mark>)", html), html
                        assert html.count("<mark>") == html.count("</mark>"), html


@pytest.mark.parametrize("lang", list(LANG_ROOT))
def test_the_python_serialisation_is_lunr_js_own(worker_runs, lang):
    site, runs = worker_runs
    index = json.loads((site / LANG_ROOT[lang] / "search/search_index.json").read_text(encoding="utf-8"))
    ours = serialise(build(index, LUNR_MODULES))
    theirs = runs[lang]["built"]["index"]
    assert ours["version"] == theirs["version"] and ours["fields"] == theirs["fields"]
    assert [term for term, _ in ours["invertedIndex"]] == [term for term, _ in theirs["invertedIndex"]]  # sorted as JS sorts
    assert postings(ours) == postings(theirs)
    assert dict(ours["fieldVectors"]) == dict(theirs["fieldVectors"])


def test_the_numbers_of_the_compact_index_travel_as_text_and_back():
    values = [0, 1, 31, 32, 33, 1023, 1024, 10183, 2**20, 2**30 - 1]
    text = encode_numbers(values * 3)
    assert decode_numbers(text) == values * 3
    assert set(text) <= set(DIGITS) and len(encode_numbers([5, 31])) == 2 and len(encode_numbers([32])) == 2
    with pytest.raises(ValueError):
        encode_numbers([-1])
