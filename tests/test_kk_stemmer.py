"""The Kazakh stemmer: shared vectors against the Python twin and the shipped lunr.kk module.

tests/data/kk_stem_vectors.json lists raw tokens ("word") with the index terms the
lunr.kk index pipeline (trimmer, stop-word filter, stemmer) makes of them ("terms",
likeliest stem first; none for a stop word), written from the grammar; an entry's
"apart" names words that must share no term with it. The same vectors run against
eucj_bank.search.kk_stemmer and, under node with lunr 2.3.9 (package-lock.json), against
overrides/assets/javascripts/lunr/min/lunr.kk.min.js.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import material
import pytest
from support import ROOT

from eucj_bank.search.kk_stemmer import STOP_WORDS, is_stop_word, stem, trim
from eucj_bank.search.kk_words import FUNCTION_WORDS, PLACE_NAMES, TYPED_NAME_MIN
from eucj_bank.search.lunr_kk import OUTPUT, render_lunr_kk

VECTORS = json.loads((ROOT / "tests/data/kk_stem_vectors.json").read_text("utf-8"))
MODULE = ROOT / OUTPUT
LUNR_MIN = Path(material.__file__).parent / "templates/assets/javascripts/lunr/min"
SUPPORT = LUNR_MIN / "lunr.stemmer.support.min.js"
MULTI = LUNR_MIN / "lunr.multi.min.js"
LUNR = ROOT / "node_modules/lunr"


def index_terms(word: str) -> list[str]:
    """What lunr.kk's index pipeline makes of one token, in Python."""
    word = trim(word)
    return [] if not word or is_stop_word(word) else stem(word)


# The Python twin

def test_vectors_cover_every_class():
    classes = {e["class"] for e in VECTORS}
    assert len(VECTORS) >= 80 and len({e["word"] for e in VECTORS}) == len(VECTORS)
    for needle in ("plural", "genitive", "dative", "accusative", "locative", "ablative", "instrumental",
                   "possessive", "attributive", "voiced", "dropped", "stop word", "Latin i", "short", "not conflated",
                   "predicate", "place name", "glide", "surname", "pronoun"):
        assert any(needle in c for c in classes), needle


@pytest.mark.parametrize("entry", VECTORS, ids=lambda e: e["word"])
def test_python_index_terms(entry):
    assert index_terms(entry["word"]) == entry["terms"]


@pytest.mark.parametrize("entry", [e for e in VECTORS if "apart" in e], ids=lambda e: e["word"])
def test_words_kept_apart(entry):
    for other in entry["apart"]:
        assert not set(index_terms(entry["word"])) & set(index_terms(other)), other


def test_stop_words_are_function_words_only():
    for word in ("және", "мен", "бен", "пен", "да", "де", "та", "те", "ал", "бірақ", "үшін", "туралы", "бойынша",
                 "арқылы", "сияқты", "бұл", "осы", "сол", "ол", "олар", "біз", "не", "ма", "ме", "ба", "бе", "па",
                 "пе", "ғана", "қана", "еді", "екен", "болып"):
        assert is_stop_word(word), word
    for word in ("пробация", "сот", "заң", "ел", "қызмет", "кітап", "адам", "жұмыс"):
        assert not is_stop_word(word), word
    assert all(w == trim(w) for w in STOP_WORDS)


def test_function_words_are_kept_whole():
    """Pronouns, conjunctions and particles are not inflected nouns: оның is not он + -ның."""
    assert {"оның", "мұнда", "маған", "бізге", "өзінің", "кімге"} <= FUNCTION_WORDS <= STOP_WORDS
    for word in FUNCTION_WORDS:
        assert stem(word) == [word], word
    assert stem("кезінде") == ["кез"]  # a postposition that is an inflected noun is a stop word, stemmed as one


def test_place_names_are_never_cut_into():
    """A name and its case forms index the name; the beginning of a name being typed stays whole."""
    for name in PLACE_NAMES:
        assert stem(name) == [name], name
        for ending in ("да", "ның", "дағы"):  # any allomorph: the name is the floor of every reading
            assert all(t.startswith(name) for t in stem(name + ending)), (name, ending)
        typed = name[:TYPED_NAME_MIN]
        if len(name) > TYPED_NAME_MIN and not any(typed.startswith(n) for n in PLACE_NAMES):
            assert stem(typed) == [typed], typed


def test_terms_are_cut_from_the_word():
    """A stem never grows: each index term is the word or a prefix of it, give or take
    the devoiced last letter and a restored ы/і."""
    for entry in VECTORS:
        word = trim(entry["word"])
        for term in entry["terms"]:
            assert len(term) <= len(word) + 1 and word.startswith(term[:-2]), (word, term)


# The shipped JS module

def test_shipped_module_is_generated_from_the_python_tables():
    assert MODULE.read_text("utf-8") == render_lunr_kk(), "run python scripts/build_lunr_kk.py"


@pytest.fixture(scope="session")
def lunr_path() -> Path:
    """lunr 2.3.9 from package-lock.json, installed with `npm ci` if it is not yet."""
    if shutil.which("node") is None:
        pytest.fail("node is needed to run the shipped lunr.kk.min.js: run `make test-deps`")
    if not (LUNR / "package.json").is_file():
        npm = shutil.which("npm")
        assert npm, "npm is needed to install lunr 2.3.9 (package-lock.json)"
        subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--silent"], cwd=ROOT, check=True, timeout=600)
    assert json.loads((LUNR / "package.json").read_text("utf-8"))["version"] == "2.3.9"
    return LUNR


def _node(lunr_path: Path, script: str, payload: object) -> object:
    env = {"LUNR": str(lunr_path), "SUPPORT": str(SUPPORT), "MODULE": str(MODULE), "MULTI": str(MULTI)}
    result = subprocess.run([shutil.which("node"), "-e", script], input=json.dumps(payload, ensure_ascii=False),
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


LOAD = """
const lunr = require(process.env.LUNR);
require(process.env.SUPPORT)(lunr);
require(process.env.MODULE)(lunr);
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const print = x => process.stdout.write(JSON.stringify(x));
"""


def test_js_index_terms_match_the_vectors(lunr_path):
    """Each vector through the registered pipeline functions, as lunr's builder runs them."""
    js = _node(lunr_path, LOAD + """
const pipeline = lunr.Pipeline.load(['trimmer-kk', 'stopWordFilter-kk', 'stemmer-kk']);
const out = {};
for (const w of input) out[w] = pipeline.run([new lunr.Token(w, {})]).map(String);
print(out);
""", [e["word"] for e in VECTORS] + [w for e in VECTORS for w in e.get("apart", [])])
    assert {e["word"]: js[e["word"]] for e in VECTORS} == {e["word"]: e["terms"] for e in VECTORS}
    for entry in VECTORS:
        for other in entry.get("apart", []):
            assert not set(js[entry["word"]]) & set(js[other]), (entry["word"], other)


def _project_kazakh_words() -> list[str]:
    """Every Kazakh word the project itself contains (pages, catalogue, vectors)."""
    texts = [p.read_text("utf-8") for p in (ROOT / "docs/kk").rglob("*.md")]
    texts += [p.read_text("utf-8") for p in (ROOT / "files").rglob("*.kk.md")]
    texts += [(ROOT / "resource_catalog.yaml").read_text("utf-8"), (ROOT / "tests/data/kk_stem_vectors.json").read_text("utf-8")]
    words = set()
    for text in texts:
        words.update(trim(w) for w in re.findall(r"[а-яёәғқңөұүһі]+", text.lower()))
    return sorted(w for w in words if w)


def test_js_twin_stems_every_word_like_python(lunr_path):
    words = _project_kazakh_words()
    assert len(words) > 200
    js = _node(lunr_path, LOAD + """
const out = {};
for (const w of input) out[w] = [lunr.kk.trimWord(w), lunr.kk.stemWord(w)];
print(out);
""", words)
    assert js == {w: [trim(w), stem(w)] for w in words}


def test_js_twin_keeps_names_and_function_words_like_python(lunr_path):
    """The closed lists (kk_words) reach the JS: stop words, names, their case forms and typed beginnings."""
    words = sorted(STOP_WORDS) + [n + e for n in PLACE_NAMES for e in ("", "да", "ның", "ға")]
    words += [n[:k] for n in PLACE_NAMES for k in range(3, len(n))]
    js = _node(lunr_path, LOAD + """
const out = {};
for (const w of input) out[w] = lunr.kk.stemWord(w);
print(out);
""", words)
    assert js == {w: stem(w) for w in words}


def test_module_registers_lunr_kk(lunr_path):
    found = _node(lunr_path, LOAD + """
const builder = new lunr.Builder();
builder.pipeline.add(lunr.trimmer);
builder.use(lunr.kk);
print({
  plugin: typeof lunr.kk,
  functions: ['trimmer', 'stopWordFilter', 'stemmer'].map(f => typeof lunr.kk[f]),
  registered: ['trimmer-kk', 'stopWordFilter-kk', 'stemmer-kk'].map(l => lunr.Pipeline.registeredFunctions[l] &&
    lunr.Pipeline.registeredFunctions[l].label),
  pipeline: builder.pipeline.toJSON(),
  searchPipeline: builder.searchPipeline.toJSON(),
  wordCharacters: typeof lunr.kk.wordCharacters,
});
""", None)
    assert found == {"plugin": "function", "functions": ["function"] * 3,
                     "registered": ["trimmer-kk", "stopWordFilter-kk", "stemmer-kk"],
                     "pipeline": ["trimmer-kk", "stopWordFilter-kk", "stemmer-kk"],
                     "searchPipeline": ["stemmer-kk"], "wordCharacters": "string"}


def test_module_loads_like_importscripts_in_the_search_worker(lunr_path):
    """In the worker the files run as plain scripts (no module, no exports), lunr
    first, then lunr.stemmer.support, then lunr.kk, which must register on self.lunr."""
    found = _node(lunr_path, """
const fs = require('fs'), vm = require('vm'), path = require('path');
const worker = vm.createContext({});
worker.self = worker;
for (const f of [path.join(process.env.LUNR, 'lunr.js'), process.env.SUPPORT, process.env.MODULE]) {
  vm.runInContext(fs.readFileSync(f, 'utf8'), worker, {filename: f});
}
vm.runInContext(`
  var idx = lunr(function () {
    this.use(lunr.kk); this.ref('id'); this.field('text');
    this.add({id: 'a', text: 'Пробация қызметінің жұмысы'});
  });
  var found = idx.search('қызметі').map(function (r) { return r.ref; });
`, worker);
process.stdout.write(JSON.stringify({kk: typeof worker.lunr.kk.stemmer, found: worker.found}));
""", None)
    assert found == {"kk": "function", "found": ["a"]}


DOCS = [{"id": "a", "text": "Пробация қызметінің жұмысы туралы нұсқаулық"},
        {"id": "b", "text": "Кітаптарды оқу залы"},
        {"id": "c", "text": "Полиция және сот органдары"},
        {"id": "d", "text": "Өзбекстан мен Қазақстанның шекарасы"}]


def test_lunr_index_with_kk_finds_other_forms(lunr_path):
    found = _node(lunr_path, LOAD + """
const idx = lunr(function () {
  this.use(lunr.kk); this.ref('id'); this.field('text');
  input.docs.forEach(d => this.add(d));
});
const out = {};
for (const q of input.queries) out[q] = idx.search(q).map(r => r.ref).sort();
print(out);
""", {"docs": DOCS, "queries": ["қызметі", "қызметтер", "кітап", "кітабы", "полицияға", "органдарының",
                                 "Қазақстанда", "қазақ", "және", "нұсқаулықтар"]})
    assert found == {"қызметі": ["a"], "қызметтер": ["a"], "кітап": ["b"], "кітабы": ["b"], "полицияға": ["c"],
                     "органдарының": ["c"], "Қазақстанда": ["d"], "қазақ": [], "және": [], "нұсқаулықтар": ["a"]}


def test_lunr_multi_language_index_with_kk(lunr_path):
    """Material switches to lunr.multiLanguage when a site lists several languages."""
    found = _node(lunr_path, LOAD + """
require(process.env.MULTI)(lunr);
const idx = lunr(function () {
  this.use(lunr.multiLanguage('en', 'kk')); this.ref('id'); this.field('text');
  input.docs.forEach(d => this.add(d));
});
print(['кітап', 'қызметі', 'books'].map(q => idx.search(q).map(r => r.ref)));
""", {"docs": DOCS + [{"id": "e", "text": "Books on probation"}]})
    assert found == [["b"], ["a"], ["e"]]
