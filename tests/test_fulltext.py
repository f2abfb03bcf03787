"""The full-text index: per language, in shards by prefix, with the stems the browser
computes (lunr.js and its language modules under node agree with the Python side on
every word of the shipped documents)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import material
import pytest
from support import ROOT

from eucj_bank.catalogue.load import load_catalogue
from eucj_bank.catalogue.vocab import LANGS, label
from eucj_bank.documents.library import extract_catalogue
from eucj_bank.search.fulltext import build_language, shard_key, stems, words, write_fulltext
from eucj_bank.search.lunr_pipeline import stop_words
from eucj_bank.search.query_normaliser import fold

MATERIAL_LUNR = Path(material.__file__).parent / "templates/assets/javascripts/lunr/min"
STOP = {lang: stop_words(lang, MATERIAL_LUNR) for lang in LANGS}
NODE_STEMS = """
global.lunr = require(process.argv[1] + "/node_modules/lunr");
require(process.argv[2] + "/lunr.stemmer.support.min.js")(lunr);
require(process.argv[2] + "/lunr.ru.min.js")(lunr);
require(process.argv[1] + "/overrides/assets/javascripts/lunr/min/lunr.kk.min.js")(lunr);
const data = JSON.parse(require("fs").readFileSync(0, "utf8")), out = {};
for (const [lang, list] of Object.entries(data)) out[lang] = list.map(w =>
  lang === "kk" ? [].concat(lunr.kk.stemWord(lunr.kk.trimWord(w))) :
  [(lang === "ru" ? lunr.ru.stemmer : lunr.stemmer)(new lunr.Token(w)).toString()]);
console.log(JSON.stringify(out));
"""


@pytest.fixture(scope="module")
def shipped_texts(tmp_path_factory):
    loaded = load_catalogue(ROOT / "resource_catalog.yaml", ROOT)
    texts, problems = extract_catalogue(loaded.catalogue, ROOT, all_ids=[r.id for r in loaded.catalogue.resources],
                                        smap=loaded.source_map, display="resource_catalog.yaml",
                                        cache_dir=tmp_path_factory.mktemp("cache"))
    assert not problems
    return loaded.catalogue, texts


def test_the_browser_stems_every_word_of_the_documents_as_the_index_does(shipped_texts):
    if shutil.which("node") is None:
        pytest.fail("node runs lunr.js here: run `make test-deps`")
    catalogue, texts = shipped_texts
    vocabulary = {lang: sorted({w for res in catalogue.resources for ref in res.files if ref.lang == lang
                                for _, text in texts[ref.path].blocks() for w in words(text)}) for lang in LANGS}
    assert all(len(v) > 1000 for v in vocabulary.values())
    result = subprocess.run(["node", "-e", NODE_STEMS, str(ROOT), str(MATERIAL_LUNR)], capture_output=True,
                            text=True, input=json.dumps(vocabulary, ensure_ascii=False), check=True)
    js = json.loads(result.stdout)
    for lang in LANGS:
        differ = [(w, list(stems(w, lang)), s) for w, s in zip(vocabulary[lang], js[lang]) if list(stems(w, lang)) != s]
        assert not differ, (lang, differ[:10])


def test_each_language_indexes_its_own_documents_in_prefix_shards(shipped_texts, tmp_path):
    catalogue, texts = shipped_texts
    data = {lang: build_language(catalogue, texts, lang, STOP[lang]) for lang in LANGS}
    for lang in LANGS:
        langs = {ref.lang for res in catalogue.resources for ref in res.files
                 if f"{res.id}--{ref.lang}" in {d["k"] for d in data[lang]["docs"]}}
        assert langs == {lang}
        assert len(data[lang]["docs"]) == 6  # the five sources and the pilot guide
        shards = data[lang]["shards"]
        for key, shard in shards.items():
            # forms live in their prefix's shard, stems in theirs (and beside forms they serve)
            assert all(shard_key(form) == key for form in shard["f"]), key
            assert all(stem in shards[shard_key(stem)]["s"] for stem in shard["s"]), key
    # an inflected form of the text leads, through its stem, to the document and the
    # passage, named by its anchor in the text's page (no copy of the text in the index)
    shard = data["ru"]["shards"][shard_key("интервизии")]
    ids = shard["f"].get("интервизии", shard["s"].get("интервизии"))
    postings = shard["p"][ids if isinstance(ids, int) else ids[0]]
    doc = data["ru"]["docs"][postings[1]]
    assert doc["k"] == "probation-mission-findings-presentation--ru"
    res = next(r for r in catalogue.resources if r.id == doc["k"].split("--")[0])
    ref = next(f for f in res.files if f.lang == "ru")
    passage = dict(texts[ref.path].blocks())[f"t-{postings[2]}"]
    assert "интервизии" in passage
    written = json.dumps(data["ru"], ensure_ascii=False)
    assert "psychopathology" not in written
    assert passage[:60] not in written
    sizes = write_fulltext(tmp_path, "ru", data["ru"], {"heading": "В тексте документов: {count}"})
    assert set(sizes) == {"index", "shards"} and not (tmp_path / "fulltext" / "t").exists()
    assert sizes["index"] < 5_000 and (tmp_path / "fulltext" / "index.js").read_text("utf-8").startswith(
        'eucjFulltext.index("ru",')


def test_a_hit_names_no_file_and_stop_words_are_no_terms(shipped_texts):
    """A hit shows title, type and year, never an id or a file name (#14); a stop word is
    no term, as in the metadata index, and a Kazakh word also gives its folded twin."""
    catalogue, texts = shipped_texts
    data = {lang: build_language(catalogue, texts, lang, STOP[lang]) for lang in LANGS}
    files = {Path(ref.path).name for res in catalogue.resources for ref in res.files}
    for lang in LANGS:
        for doc in data[lang]["docs"]:
            assert set(doc) == {"t", "m", "k"}
            res = next(r for r in catalogue.resources if f"{r.id}--" in doc["k"])
            assert doc["m"] == f"{label('types', res.type, lang)} · {res.year}"
            assert not any(name in json.dumps(doc, ensure_ascii=False) for name in files)
        indexed = {term for shard in data[lang]["shards"].values() for table in ("s", "f") for term in shard[table]}
        for stop_word in {"en": ["the", "and"], "ru": ["и", "не"], "kk": ["немесе", "және"]}[lang]:
            assert stop_word in STOP[lang] and stop_word not in indexed, (lang, stop_word)
    kk = data["kk"]["shards"]
    written = next(f for f in ("қылмыстық", "құқық") if f in kk.get(shard_key(f), {"f": {}, "s": {}})["f"]
                   or f in kk.get(shard_key(f), {"s": {}})["s"])
    folded = fold(written)
    shard = kk[shard_key(folded)]
    assert folded in shard["f"] or folded in shard["s"]
