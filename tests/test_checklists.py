"""Checklist files: their structure is checked with located errors, and they render as
real, labelled checkboxes (the ticking itself is driven in test_browser_browsing.py)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from support import ROOT

from eucj_bank.catalogue.checklist_model import check_checklist, load_checklist_model
from eucj_bank.catalogue.load import load_catalogue
from eucj_bank.catalogue.vocab import LANGS
from eucj_bank.site.checklists import render_checklist
from eucj_bank.site.ui import t

FIXTURE = Path(__file__).parent / "fixtures" / "trainer_bank"


@pytest.fixture
def bank(tmp_path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "bank")
    return tmp_path / "bank"


def _break(bank: Path, old: str, new: str) -> tuple[Path, int]:
    path = bank / "checklists" / "probation-checklist.yaml"
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    return path, text[:text.index(old)].count("\n") + 1  # the line of the change


@pytest.mark.parametrize("old,new,message", [
    ("id: records-access", "id: records-contacts", "already used on line"),
    ("guidance: {en: \"Ask the staff.\"", "guidence: {en: \"Ask the staff.\"", "unknown field 'guidence'"),
    ('rule: "EPR Part I"', "rule: 58", "must be text, not a number"),
    ("id: rights\n", "id: Rights Section\n", "has an invalid value 'Rights Section'"),
])
def test_a_broken_checklist_stops_the_catalogue_with_a_located_error(bank, old, new, message):
    path, line = _break(bank, old, new)
    result = load_catalogue(bank / "resource_catalog.yaml", bank)
    found = [p for p in result.problems if p.severity == "error"]
    assert not result.ok and found
    assert all(p.file.endswith("checklists/probation-checklist.yaml") and p.hint for p in found)
    assert any(p.line == line and message in p.message for p in found), found


def test_a_missing_translation_is_a_warning(bank):
    _break(bank, ', kk: "Жадынаманы оқыңыз."}', "}")
    problems = check_checklist(bank / "checklists" / "probation-checklist.yaml", "c.yaml")
    assert [(p.severity, p.message) for p in problems] == [("warning", "guidance.kk is missing")]


def test_yaml_syntax_errors_are_located_not_raised(bank):
    path, _ = _break(bank, "items:\n      - id: rights-informed", "items:\n\t- id: rights-informed")
    problems = check_checklist(path, "c.yaml")
    assert problems and problems[0].severity == "error" and problems[0].line > 1


def test_the_shipped_checklist_is_sound():
    path = ROOT / "checklists" / "epr-checklist.yaml"
    assert check_checklist(path, "epr-checklist.yaml") == []


@pytest.mark.parametrize("lang", LANGS)
def test_each_item_is_a_group_of_answers_named_by_its_question(lang):
    path = ROOT / "checklists" / "epr-checklist.yaml"
    checklist = load_checklist_model(path)
    html = render_checklist(path, lang, "epr-checklist")
    items = [item for section in checklist.sections for item in section.items]
    radios = re.findall(r'<input type="radio" class="eucj-check-box" name="([^"]+)" id="check-[^"]+" value="([^"]+)"',
                        html)
    assert radios == [(item.id, answer) for item in items for answer in ("yes", "partly", "no", "na")]
    for item in items:
        question = item.question.get(lang)[0]
        legend = re.search(rf'<li class="eucj-check-item" id="{item.id}"><fieldset[^>]*><legend[^>]*>(.*?)</legend>',
                           html).group(1)
        assert legend == question.replace('"', "&quot;").replace("'", "&#x27;") or legend == question
    # the progress line is rendered as the script will show it: nothing moves when it starts
    assert f'>{t("checklist_progress", lang, checked=0, total=len(items))}</p>' in html


def test_a_rule_reference_outside_the_vocabulary_is_a_located_error(bank):
    path, line = _break(bank, 'rule: "EPR Part I"', "rule: [part-v-record]")
    problems = check_checklist(path, "c.yaml")
    assert [(p.line, p.severity) for p in problems] == [(line, "error")]
    assert "part-v-record" in problems[0].message and "part-v-records" in problems[0].hint


def test_rule_references_are_named_in_each_language(repo_root):
    from eucj_bank.catalogue.checklist_model import load_checklist_model, rule_text
    checklist = load_checklist_model(repo_root / "checklists" / "epr-checklist.yaml")
    items = [item for section in checklist.sections for item in section.items]
    assert all(isinstance(item.rule, list) for item in items)
    records = next(item for item in items if item.id == "records-all-contacts")
    assert rule_text(records, "ru") == "часть V — учёт, информация и конфиденциальность"
    assert rule_text(records, "kk") == "V бөлім — есеп, ақпарат және құпиялылық"
    for lang in ("ru", "kk"):
        assert not any(word in rule_text(item, lang) for item in items for word in ("Part", "EPR", "records"))
