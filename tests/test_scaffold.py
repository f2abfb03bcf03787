"""`make new` as an editor uses it: a real terminal (a pty, driven with pexpect), answers
typed one by one, mistakes, Ctrl-C, and a second session that finishes the entry.
Also: the editor scripts started with a plain `python3 scripts/...`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pexpect
import pytest
from support import ROOT

from eucj_bank.catalogue.load import load_catalogue
from eucj_bank.catalogue.scaffold_session import ANSWERS_NAME

NEW = ROOT / "scripts/new_resource.py"
ENV = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}


@pytest.fixture
def bank(tmp_path):
    for name in ("files", "checklists"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "resource_catalog.yaml", tmp_path / "resource_catalog.yaml")
    (tmp_path / "doc.ru.txt").write_text("Текст обзора судебной практики.", encoding="utf-8")
    return tmp_path


def _spawn(bank, lang: str) -> pexpect.spawn:
    child = pexpect.spawn(sys.executable, [str(NEW), "--catalogue", str(bank / "resource_catalog.yaml")],
                          env={**ENV, "LANG": f"{lang}_{lang.upper()}.UTF-8"}, encoding="utf-8", timeout=30,
                          cwd=str(bank), dimensions=(50, 200))
    return child


def _answer(child, prompt: str, text: str) -> None:
    child.expect_exact(prompt)
    child.sendline(text)


TITLES = [("Название на английском (Enter — пока нет): ", "Review of court practice"),
          ("Название на русском (Enter — пока нет): ", "Обзор судебной практики: «итоги» 2018"),
          ("Название на казахском (Enter — пока нет): ", "Сот практикасына шолу"),
          ("Описание на английском, два–пять предложений (Enter — пока нет): ", "A review: cases, \"quotes\"."),
          ("Описание на русском, два–пять предложений (Enter — пока нет): ", "Обзор дел."),
          ("Описание на казахском, два–пять предложений (Enter — пока нет): ", "")]


def _added(bank):
    loaded = load_catalogue(bank / "resource_catalog.yaml", bank, strict=False)
    assert loaded.ok, [str(p) for p in loaded.problems]
    return loaded.catalogue.resources[-1]


def test_a_wrong_answer_is_asked_again_and_nothing_typed_is_lost(bank):
    child = _spawn(bank, "ru")
    for prompt, text in TITLES:
        _answer(child, prompt, text)
    _answer(child, "[Enter — review-of-court-practice]: ", "")
    _answer(child, "Тип: число из списка: ", "99")
    child.expect_exact("  ! «99» нет в списке: укажите число от 1 до 14")
    _answer(child, "Тип: число из списка: ", "policy-analisys")
    child.expect_exact("может быть, имелось в виду «policy-analysis»?")
    _answer(child, "Тип: число из списка: ", "3")
    _answer(child, "Дата документа: ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД: ", "30.02.2018")
    child.expect_exact("такой даты нет: 2018-02-30")
    _answer(child, "Дата документа: ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД: ", '"2018-03-12"')  # quotes are fine
    child.expect_exact("Верховный суд (supreme-court)")  # the list is labelled in the editor's language
    _answer(child, "Ведомства, к которым относится ресурс: числа через запятую: ", "supreme-court, 1")
    _answer(child, "Темы: числа через запятую: ", "")
    child.expect_exact("выберите хотя бы одно число из списка")
    _answer(child, "Темы: числа через запятую: ", "2")
    _answer(child, "Для кого: числа через запятую: ", "1 2")
    _answer(child, "Лицензия: число из списка: ", "1")
    _answer(child, "Файл 1 (Enter — файлов больше нет): ", str(bank / "missing.pdf"))
    child.expect_exact("файла")
    _answer(child, "Файл 1 (Enter — файлов больше нет): ", f"'{bank / 'doc.ru.txt'}'")
    _answer(child, "Язык текста doc.ru.txt: число из списка: ", "4")
    child.expect_exact("«4» нет в списке: укажите число от 1 до 3")
    _answer(child, "Язык текста doc.ru.txt: число из списка: ", "2")
    _answer(child, "Файл 2 (Enter — файлов больше нет): ", "")
    child.expect_exact("review-of-court-practice добавлен в resource_catalog.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    added = _added(bank)
    assert added.id == "review-of-court-practice" and added.type == "policy-analysis"
    assert (added.title.en, added.title.ru, added.title.kk) == (
        "Review of court practice", "Обзор судебной практики: «итоги» 2018", "Сот практикасына шолу")
    assert (added.summary.en, added.summary.ru, added.summary.kk) == ('A review: cases, "quotes".', "Обзор дел.", None)
    assert added.date == "2018-03-12" and added.agencies[0] == "supreme-court" and len(added.agencies) == 2
    assert added.availability == "in-bank" and added.files[0].lang == "ru"
    copied = bank / added.files[0].path
    assert copied.read_text("utf-8") == "Текст обзора судебной практики."
    assert not (bank / ANSWERS_NAME).exists()


def test_ctrl_c_keeps_the_answers_and_the_next_session_finishes_the_entry(bank):
    before = (bank / "resource_catalog.yaml").read_bytes()
    child = _spawn(bank, "kk")
    _answer(child, "Ағылшынша атауы (Enter — әзірге жоқ): ", "")
    _answer(child, "Орысша атауы (Enter — әзірге жоқ): ", "Пробация: пособие")
    _answer(child, "Қазақша атауы (Enter — әзірге жоқ): ", "Пробация: құрал")
    for prompt in ("Ағылшынша сипаттама", "Орысша сипаттама", "Қазақша сипаттама"):
        _answer(child, prompt + ", екі-бес сөйлем (Enter — әзірге жоқ): ", f"{prompt}.")
    _answer(child, "(латын әріптері, цифрлар, дефистер): ", "")  # no English title: no proposal
    child.expect_exact("кіші латын әріптерін")
    _answer(child, "(латын әріптері, цифрлар, дефистер): ", "probation-handbook")
    child.expect_exact("Түрі: тізімдегі сан: ")
    child.sendintr()
    child.expect_exact("Тоқтатылды. Жауаптарыңыз сақталды: жалғастыру үшін `make new` қайта іске қосыңыз.")
    child.expect(pexpect.EOF)
    output = child.before
    child.close()
    assert child.exitstatus != 0
    assert (bank / "resource_catalog.yaml").read_bytes() == before
    assert ANSWERS_NAME not in output and ".new" not in output  # no temporary file is ever named

    child = _spawn(bank, "kk")
    child.expect_exact("Өткен жолы аяқталмаған жазба сақталды (жауаптар: 7; атауы: Пробация: пособие).")
    _answer(child, "Оны жалғастырасыз ба? [И/ж]: ", "")
    _answer(child, "Түрі: тізімдегі сан: ", "1")  # carries on where it stopped
    _answer(child, "Құжат күні: ЖЖЖЖ, ЖЖЖЖ-АА немесе ЖЖЖЖ-АА-КК: ", "2017")
    _answer(child, "Ресурс қатысты ведомстволар: үтір арқылы сандар: ", "mia-probation")
    _answer(child, "Тақырыптар: үтір арқылы сандар: ", "probation")
    _answer(child, "Кімге арналған: үтір арқылы сандар: ", "probation-officers")
    _answer(child, "Лицензия: тізімдегі сан: ", "2")
    _answer(child, "1-файл (Enter — басқа файл жоқ): ", "")
    child.expect_exact("Файл жоқ: құжат қайда?")
    _answer(child, "Тізімдегі сан: ", "1")
    _answer(child, "Ол қай ведомствода сақтаулы: тізімдегі сан: ", "mia-probation")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    added = _added(bank)
    assert added.id == "probation-handbook" and added.title.ru == "Пробация: пособие" and added.title.en is None
    assert added.summary.kk == "Қазақша сипаттама." and added.type == "training-material"
    assert added.availability == "held-by-agency" and added.holder.agency == "mia-probation"


def test_declining_to_resume_starts_afresh(bank):
    (bank / ANSWERS_NAME).write_text('{"title.en": "Old", "id": "old-entry"}', encoding="utf-8")
    child = _spawn(bank, "en")
    _answer(child, "Continue it? [Y/n]: ", "n")
    child.expect_exact("Title in English (Enter: not yet): ")
    child.sendintr()
    child.expect(pexpect.EOF)


def _plain_python() -> str:
    """A Python that is not the virtual environment's (the system's, as an editor has it)."""
    return shutil.which("python3", path="/usr/local/bin:/usr/bin:/bin") or sys.executable


def test_scripts_run_with_a_plain_python3_from_the_repository_root():
    # -S: without the environment's site-packages the packages cannot be imported, as with the
    # system Python; the script must start again in .venv (which `make test` has created).
    for script, needle in (("validate_catalogue.py", "resources: "), ("translation_status.py", "## en:")):
        result = subprocess.run([_plain_python(), "-S", f"scripts/{script}"], cwd=ROOT, env=ENV,
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
        assert needle in result.stdout + result.stderr


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "the tools are not installed yet: run `make validate` first (it installs them into .venv)"),
    ("ru", "инструменты ещё не установлены: сначала выполните `make validate` (она установит их в .venv)"),
    ("kk", "құралдар әлі орнатылмаған: алдымен `make validate` орындаңыз (ол оларды .venv ішіне орнатады)"),
])
def test_without_a_virtual_environment_a_script_names_the_make_target(tmp_path, lang, line):
    for part in ("scripts/_venv.py", "scripts/validate_catalogue.py", "eucj_bank/__init__.py",
                 "eucj_bank/catalogue/__init__.py", "eucj_bank/catalogue/messages.py"):
        (tmp_path / part).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / part, tmp_path / part)
    result = subprocess.run([sys.executable, "-S", "scripts/validate_catalogue.py"], cwd=tmp_path,
                            env={**ENV, "LANG": f"{lang}_KZ.UTF-8"}, capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip() == line and not result.stdout
