"""scripts/new_resource.py and scripts/translation_status.py, run as editors run them."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys

from support import ROOT

from eucj_bank.catalogue.load import load_catalogue

NEW = ROOT / "scripts/new_resource.py"
STATUS = ROOT / "scripts/translation_status.py"


def _copy_bank(tmp_path):
    shutil.copy(ROOT / "resource_catalog.yaml", tmp_path / "resource_catalog.yaml")
    shutil.copytree(ROOT / "files", tmp_path / "files")
    shutil.copytree(ROOT / "checklists", tmp_path / "checklists")
    return tmp_path / "resource_catalog.yaml"


ARGS = ["--id", "court-practice-review", "--type", "policy-analysis", "--date", "2019-03", "--licence", "cc-by-4.0",
        "--title-en", "Review of court practice", "--title-ru", "Обзор судебной практики",
        "--title-kk", "Сот практикасына шолу", "--summary-en", "A review: \"quoted\" text, colons: kept.",
        "--summary-ru", "Обзор.", "--summary-kk", "Шолу.",
        "--agencies", "supreme-court", "--topics", "sentencing", "--audience", "judges,trainers"]


def test_new_resource_appends_a_valid_entry_and_keeps_the_rest_byte_for_byte(tmp_path):
    catalogue = _copy_bank(tmp_path)
    before = catalogue.read_bytes()
    doc = tmp_path / "review.ru.txt"
    doc.write_text("Текст обзора.", encoding="utf-8")
    result = subprocess.run([sys.executable, str(NEW), "--catalogue", str(catalogue), *ARGS, "--file", f"{doc}:ru"],
                            capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stdout + result.stderr
    after = catalogue.read_bytes()
    assert after.startswith(before.rstrip(b"\n"))
    loaded = load_catalogue(catalogue, tmp_path, strict=True)
    assert loaded.ok, [str(p) for p in loaded.problems]
    added = loaded.catalogue.resources[-1]
    assert added.id == "court-practice-review" and added.summary.en == 'A review: "quoted" text, colons: kept.'
    assert added.added == dt.date.today().isoformat()  # listed first under "recently added"
    assert added.files[0].path == "files/court-practice-review/review.ru.txt" and added.files[0].sha256
    assert (tmp_path / added.files[0].path).read_text("utf-8") == "Текст обзора."


def test_new_resource_writes_nothing_when_invalid(tmp_path):
    catalogue = _copy_bank(tmp_path)
    before = catalogue.read_bytes()
    bad = [a if a != "policy-analysis" else "policy-analisys" for a in ARGS]
    result = subprocess.run([sys.executable, str(NEW), "--catalogue", str(catalogue), *bad],
                            capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert result.returncode == 1
    assert "did you mean 'policy-analysis'?" in result.stdout
    assert catalogue.read_bytes() == before


def test_translation_status_lists_missing_texts_per_language(tmp_path):
    catalogue = ROOT / "tests/fixtures/fallback_bank/resource_catalog.yaml"
    result = subprocess.run([sys.executable, str(STATUS), str(catalogue)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    kk = result.stdout.split("## kk:")[1]
    assert "| english-only | title, summary |" in kk and "| no-kazakh-title | title |" in kk
    assert "## ru: resources missing text: 1; pages missing: 0" in result.stdout
    # nothing missing: one clear line, no empty table
    english = result.stdout.split("## ru:")[0]
    assert english.strip() == "## en: nothing missing - every resource and page has its text"


def test_translation_status_speaks_the_editors_language():
    catalogue = ROOT / "tests/fixtures/fallback_bank/resource_catalog.yaml"
    result = subprocess.run([sys.executable, str(STATUS), str(catalogue), "--lang", "kk"], capture_output=True,
                            text=True)
    assert "## en: ештеңе жетіспейді — барлық ресурс пен беттің мәтіні бар" in result.stdout
    assert "| ресурс немесе бет | не жетіспейді |" in result.stdout
