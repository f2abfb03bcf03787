"""Editors' mistakes: every one gets a located, actionable message; never a traceback.

tests/data/broken/ holds one catalogue per mistake; expected.txt lists the exact
messages (PATH:LINE:COL: where: what - how to fix) that `validate_catalogue.py --strict`
prints for them, reviewed by a person when they were written.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import defaultdict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import ROOT, build_site

from eucj_bank.catalogue.load import load_catalogue
from eucj_bank.catalogue.yaml_errors import yaml_lines

BROKEN = ROOT / "tests/data/broken"
SCRIPT = ROOT / "scripts/validate_catalogue.py"
LANGS = ("en", "ru", "kk")
EXPECTED_FILE = {"en": "expected.txt", "ru": "expected.ru.txt", "kk": "expected.kk.txt"}


def _expected(lang: str) -> dict[str, list[str]]:
    """case -> the lines printed for it: each problem, and under a syntax error its excerpt
    (the line as written and a caret), which starts with spaces."""
    by_case = defaultdict(list)
    case = None
    for line in (BROKEN / EXPECTED_FILE[lang]).read_text("utf-8").splitlines():
        if not line.startswith(" "):
            case = line.split(".yaml:", 1)[0]
        by_case[case].append(line)
    return by_case


EXPECTED = {lang: _expected(lang) for lang in LANGS}
CASES = sorted(p.stem for p in BROKEN.glob("*.yaml"))
# Locale variables of the environment a test runs in must not choose the language.
PLAIN_ENV = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}


def _validate(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, cwd=BROKEN,
                          env=PLAIN_ENV if env is None else env)


def test_every_case_has_expectations_in_every_language():
    for lang in LANGS:
        assert set(CASES) == set(EXPECTED[lang]) and len(CASES) >= 32, lang


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", CASES)
def test_validator_reports_the_exact_located_message(case, lang):
    result = _validate("--strict", "--lang", lang, f"{case}.yaml")
    assert result.returncode == 1
    assert result.stdout.splitlines() == EXPECTED[lang][case]
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize(("variables", "lang"), [
    ({"LANG": "ru_RU.UTF-8"}, "ru"),
    ({"LANG": "kk_KZ.UTF-8"}, "kk"),
    ({"LANG": "ru_RU.UTF-8", "LC_MESSAGES": "kk_KZ.UTF-8"}, "kk"),  # LC_MESSAGES before LANG
    ({"LC_ALL": "C.UTF-8", "LANG": "ru_RU.UTF-8"}, "en"),  # LC_ALL before both
    ({"LANGUAGE": "kk:ru", "LC_ALL": "ru_RU.UTF-8"}, "kk"),  # LANGUAGE first (POSIX/gettext order)
    ({}, "en"),
])
def test_the_language_comes_from_the_locale_variables(variables, lang):
    result = _validate("--strict", "yaml-unclosed-quote.yaml", env={**PLAIN_ENV, **variables})
    assert result.stdout.splitlines() == EXPECTED[lang]["yaml-unclosed-quote"]


def test_lang_option_wins_over_the_environment():
    result = _validate("--strict", "--lang", "en", "bom.yaml", env={**PLAIN_ENV, "LANG": "ru_RU.UTF-8"})
    assert result.stdout.splitlines() == EXPECTED["en"]["bom"]


def test_missing_translation_is_only_a_warning_without_strict():
    result = _validate("missing-translation.yaml")
    assert result.returncode == 0
    assert ": warning: " in result.stdout


def test_shipped_catalogue_is_valid_and_strict():
    result = subprocess.run([sys.executable, str(SCRIPT), "--strict"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("case", ["yaml-tab", "duplicate-key", "vocabulary-typo", "path-escapes", "url-scheme", "bom"])
def test_build_refuses_with_the_same_message(case, tmp_path):
    result = build_site(tmp_path / "site", catalogue=BROKEN / f"{case}.yaml")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    for line in EXPECTED["en"][case]:
        if line.startswith(" "):
            assert line in output, output
            continue
        _, located = line.split(".yaml:", 1)
        assert f"{case}.yaml:{located}" in output, output


def test_build_refuses_in_the_editors_language(tmp_path):
    result = build_site(tmp_path / "site", catalogue=BROKEN / "yaml-colon-in-value.yaml", LANG="kk_KZ.UTF-8")
    assert result.returncode != 0
    first = EXPECTED["kk"]["yaml-colon-in-value"][0].split(".yaml:", 1)[1]
    assert "каталогта қателер бар" in result.stderr and first in result.stderr, result.stderr


@pytest.mark.parametrize("text", ["0:\x850", 'a: 1\x85b\x85c: "x', "a: 1\u2028b\u2029c", "a: 1\r\nb\rc: [1",
                                  'resources:\n  - id: x\x85  title: "y'])
def test_yamls_own_line_breaks_are_counted_as_yaml_counts_them(tmp_path, text):
    """NEL, LS, PS and a lone CR end a line for YAML: found by the fuzz test below, the
    explanation of a syntax error indexed lines split at \\n only and crashed."""
    path = tmp_path / "resource_catalog.yaml"
    path.write_text(text, encoding="utf-8", newline="")
    problems = load_catalogue(path).problems
    lines = len(yaml_lines(text))  # YAML may place an error at the end of the text, one line on
    assert problems and all(1 <= p.line <= lines + 1 and p.col >= 1 for p in problems)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_random_text_never_crashes_the_loader(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("random") / "resource_catalog.yaml"
    path.write_text(text, encoding="utf-8")
    result = load_catalogue(path)
    assert all(p.line >= 1 and p.col >= 1 for p in result.problems)


VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
FIELDS = ["id", "type", "title", "summary", "date", "agencies", "topics", "audience", "licence",
          "availability", "files", "links", "holder", "checklist", "access", "authors", "activity"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(FIELDS), VALUES, max_size=10))
def test_random_field_values_give_located_problems(tmp_path_factory, entry):
    import yaml

    path = tmp_path_factory.mktemp("fields") / "resource_catalog.yaml"
    path.write_text(yaml.safe_dump({"resources": [entry]}, allow_unicode=True), encoding="utf-8")
    result = load_catalogue(path)
    assert all(p.line >= 1 and p.col >= 1 and p.message and p.hint for p in result.problems)
