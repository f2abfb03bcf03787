"""The query normaliser and the thesaurus: shared vectors against the Python twin and the
shipped JS (the worker's normaliser, rendered from the same tables), under node.

tests/data/query_vectors.json: per class (keyboard layout en->ru, en->kk, ru->en; Kazakh
Latin of 2021/2018, 2017 and informal; Russian Latin; typed; folding) a query and the
reading of it the normaliser must offer, written by hand from the layouts and alphabets.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from support import ROOT

from eucj_bank.search import thesaurus
from eucj_bank.search.query_normaliser import alternatives, fold
from eucj_bank.search.worker_patch import render_normaliser

VECTORS = json.loads((ROOT / "tests/data/query_vectors.json").read_text("utf-8"))
READINGS = [v for v in VECTORS if "reading" in v]
FOLDS = [v for v in VECTORS if v["class"] == "fold"]


def test_vectors_cover_every_class_in_every_language():
    classes = {(v["class"], v["lang"]) for v in VECTORS}
    for needed in [("layout en->ru", "ru"), ("layout en->kk", "kk"), ("layout ru->en", "en"),
                   ("latin kk 2021/2018", "kk"), ("latin kk 2017", "kk"), ("latin kk informal", "kk"),
                   ("latin ru", "ru"), ("typed", "en"), ("typed", "ru"), ("typed", "kk"), ("fold", "kk")]:
        assert needed in classes, needed


@pytest.mark.parametrize("v", READINGS, ids=lambda v: f"{v['lang']}-{v['query']}")
def test_python_reading(v):
    found = alternatives(v["query"], v["lang"])
    assert found[0][0] == "typed"
    assert tuple(v["reading"]) in found, found


@pytest.mark.parametrize("v", FOLDS, ids=lambda v: v["text"])
def test_python_fold(v):
    assert fold(v["text"]) == v["folded"]


def test_no_reading_leaves_the_page_language():
    """A Cyrillic query on a Russian or Kazakh page and a Latin one on an English page are
    only ever read as typed: nothing turns them into another language's script."""
    assert alternatives("пробация", "ru") == [("typed", "пробация")]
    assert alternatives("тәуекел", "kk") == [("typed", "тәуекел")]
    assert alternatives("probation", "en") == [("typed", "probation")]


def test_js_twin_gives_the_same_readings(tmp_path):
    node = shutil.which("node")
    assert node, "node is needed to run the shipped normaliser: run `make test-deps`"
    module = tmp_path / "normaliser.js"
    module.write_text(render_normaliser(), "utf-8")
    script = """
const Q = require(process.argv[1]);
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify({
  readings: input.readings.map(([q, lang]) => Q.alternatives(q, lang)),
  folds: input.folds.map(t => Q.fold(t)),
}));
"""
    payload = {"readings": [[v["query"], v["lang"]] for v in READINGS] + [["пробация", "ru"], ["probation", "en"]],
               "folds": [v["text"] for v in FOLDS]}
    out = subprocess.run([node, "-e", script, str(module)], input=json.dumps(payload, ensure_ascii=False),
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    js = json.loads(out.stdout)
    assert js["readings"] == [[list(p) for p in alternatives(q, lang)] for q, lang in payload["readings"]]
    assert js["folds"] == [v["folded"] for v in FOLDS]


# The thesaurus (eucj_bank/catalogue/vocabularies.yaml, section thesaurus)

@pytest.mark.parametrize("lang,typed,expected", [
    ("ru", "ГП", "генеральная прокуратура"), ("ru", "ГПО", "генеральная прокуратура"),
    ("kk", "БП", "бас прокуратура"), ("en", "GPO", "general prosecutor's office"),
    ("en", "МВД", "ministry of internal affairs"), ("kk", "ІІМ", "ішкі істер министрлігі"),
    ("kk", "ИИМ", "ішкі істер министрлігі"), ("ru", "MIA", "министерство внутренних дел"),
    ("ru", "УПК", "уголовный процесс"), ("kk", "ҚПК", "қылмыстық процесс"), ("en", "CPC", "criminal procedure"),
    ("ru", "ЕПП", "европейские правила о пробации"), ("en", "EPR", "european probation rules"),
    ("ru", "КПЭ", "ключевые показатели эффективности"), ("en", "KPI", "key performance indicators"),
    ("ru", "тюрьма", "уголовно-исполнительная система (мвд)"), ("kk", "түрме", "қылмыстық-атқару жүйесі (іім)"),
    ("en", "electronic bracelet", "probation"), ("ru", "участковые", "общественная (сервисная) полиция"),
    ("kk", "сервистік полиция", "қоғамдық (сервистік) полиция"),
])
def test_thesaurus_finds_the_term(lang, typed, expected):
    tables = thesaurus.tables()
    found = tables[lang].get(thesaurus.key(typed), [])
    assert expected in found, found


def test_thesaurus_is_looked_up_without_the_kazakh_letters():
    tables = thesaurus.tables()
    assert tables["kk"][thesaurus.key("турме")] == tables["kk"][thesaurus.key("түрме")]


@pytest.mark.parametrize("entry,message", [
    ("not a mapping", "expected en, ru and kk"),
    ({"en": ["a"], "ru": ["б"]}, "'kk' must be a list"),
    ({"en": ["a"], "ru": ["б"], "kk": [""]}, "'kk' must be a list"),
    ({"en": ["a"], "ru": ["б"], "kk": ["в"], "fr": ["x"]}, "unknown key(s) fr"),
    ({"en": ["a"], "ru": ["б"], "kk": ["в"], "see": ["topics/nothing"]}, "'topics/nothing' is no term"),
])
def test_a_bad_thesaurus_entry_is_named(entry, message):
    with pytest.raises(thesaurus.ThesaurusError) as err:
        thesaurus._check("concepts/x", entry, {"topics": {"probation": {}}})
    assert message in str(err.value) and "thesaurus: concepts/x" in str(err.value)
