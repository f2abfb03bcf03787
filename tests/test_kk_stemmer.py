"""The Kazakh stemmer: test vectors against the Python twin and the shipped lunr.kk module."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import material
import pytest

from eucj_bank.kk_stemmer import is_stop_word, stem, trim
from eucj_bank.lunr_kk import OUTPUT, render_lunr_kk
from support import ROOT

VECTORS = json.loads((ROOT / "tests/data/kk_stem_vectors.json").read_text("utf-8"))
MODULE = ROOT / OUTPUT
SUPPORT = Path(material.__file__).parent / "templates/assets/javascripts/lunr/min/lunr.stemmer.support.min.js"
LUNR = ROOT / "node_modules/lunr"


@pytest.mark.parametrize("group", VECTORS["groups"], ids=lambda g: g["case"])
def test_forms_of_a_word_share_their_first_term(group):
    assert {form: stem(form)[0] for form in group["forms"]} == {form: group["stem"] for form in group["forms"]}


@pytest.mark.parametrize("pair", VECTORS["apart"], ids="-".join)
def test_different_words_stay_apart(pair):
    assert not set(stem(pair[0])) & set(stem(pair[1]))


def test_ambiguous_endings_give_both_readings():
    assert {t["word"]: stem(t["word"]) for t in VECTORS["terms"]} == {t["word"]: t["terms"] for t in VECTORS["terms"]}


def test_stop_words_and_trimming():
    assert all(is_stop_word(w) for w in VECTORS["stop_words"])
    assert not any(is_stop_word(w) for w in VECTORS["not_stop_words"])
    assert {t["in"]: trim(t["in"]) for t in VECTORS["trim"]} == {t["in"]: t["out"] for t in VECTORS["trim"]}


def test_shipped_module_is_generated_from_the_python_tables():
    assert MODULE.read_text("utf-8") == render_lunr_kk(), "run python scripts/build_lunr_kk.py"


def _node(script: str, payload: object) -> object:
    if shutil.which("node") is None or not LUNR.is_dir():
        pytest.fail("node and node_modules/lunr are needed: run `make test-deps`")
    env = {"LUNR": str(LUNR), "SUPPORT": str(SUPPORT), "MODULE": str(MODULE), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(["node", "-e", script], input=json.dumps(payload, ensure_ascii=False),
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


LOAD = """
const lunr = require(process.env.LUNR);
require(process.env.SUPPORT)(lunr);
require(process.env.MODULE)(lunr);
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
"""


def _project_kazakh_words() -> list[str]:
    """Every Kazakh word the project itself contains (pages, catalogue, checklist)."""
    texts = [p.read_text("utf-8") for p in (ROOT / "docs/kk").rglob("*.md")]
    texts += [p.read_text("utf-8") for p in (ROOT / "files").rglob("*.kk.md")]
    texts += [(ROOT / "resource_catalog.yaml").read_text("utf-8"), (ROOT / "tests/data/kk_stem_vectors.json").read_text("utf-8")]
    words = set()
    for text in texts:
        words.update(trim(w) for w in re.findall(r"[а-яёәғқңөұүһі]+", text.lower()))
    return sorted(w for w in words if w)


def test_js_twin_stems_every_word_like_python():
    words = _project_kazakh_words() + [f for g in VECTORS["groups"] for f in g["forms"]]
    assert len(words) > 200
    js = _node(LOAD + """
const out = {};
for (const w of input) out[w] = lunr.kk.stemWord(w);
process.stdout.write(JSON.stringify(out));
""", words)
    assert js == {w: stem(w) for w in words}


def test_js_trimmer_and_pipeline_match_python():
    cases = [t["in"] for t in VECTORS["trim"]] + VECTORS["stop_words"] + ["кітаптарды"]
    js = _node(LOAD + """
const out = {};
for (const w of input) {
  const tokens = lunr.Pipeline.load(['trimmer-kk', 'stopWordFilter-kk', 'stemmer-kk'])
    .run([new lunr.Token(w, {})]).map(String);
  out[w] = tokens;
}
process.stdout.write(JSON.stringify(out));
""", cases)
    expected = {}
    for w in cases:
        t = trim(w)
        expected[w] = [] if not t or is_stop_word(t) else stem(t)
    assert js == expected


def test_lunr_index_with_kk_finds_other_forms():
    docs = [{"id": "a", "text": "Пробация қызметінің жұмысы туралы нұсқаулық"},
            {"id": "b", "text": "Кітаптарды оқу залы"},
            {"id": "c", "text": "Полиция және сот органдары"}]
    found = _node(LOAD + """
const idx = lunr(function () {
  this.use(lunr.kk); this.ref('id'); this.field('text');
  input.docs.forEach(d => this.add(d));
});
const out = {};
for (const q of input.queries) out[q] = idx.search(q).map(r => r.ref);
process.stdout.write(JSON.stringify(out));
""", {"docs": docs, "queries": ["қызметі", "кітап", "кітабы", "полицияға", "органдарының", "және"]})
    assert found == {"қызметі": ["a"], "кітап": ["b"], "кітабы": ["b"], "полицияға": ["c"],
                     "органдарының": ["c"], "және": []}
