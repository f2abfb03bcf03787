"""Editors' mistakes: every one gets a located, actionable message; never a traceback.

tests/data/broken/ holds one catalogue per mistake; expected.txt lists the exact
messages (PATH:LINE:COL: where: what - how to fix) that `validate_catalogue.py --strict`
prints for them, reviewed by a person when they were written.
"""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import ROOT, build_site

from eucj_bank.catalogue.load import load_catalogue

BROKEN = ROOT / "tests/data/broken"
SCRIPT = ROOT / "scripts/validate_catalogue.py"


def _expected() -> dict[str, list[str]]:
    by_case = defaultdict(list)
    for line in (BROKEN / "expected.txt").read_text("utf-8").splitlines():
        by_case[line.split(".yaml:", 1)[0]].append(line)
    return by_case


EXPECTED = _expected()
CASES = sorted(p.stem for p in BROKEN.glob("*.yaml"))


def _validate(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, cwd=BROKEN)


def test_every_case_has_expectations():
    assert set(CASES) == set(EXPECTED) and len(CASES) >= 22


@pytest.mark.parametrize("case", CASES)
def test_validator_reports_the_exact_located_message(case):
    result = _validate("--strict", f"{case}.yaml")
    assert result.returncode == 1
    assert result.stdout.splitlines() == EXPECTED[case]
    assert "Traceback" not in result.stdout + result.stderr


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
    for line in EXPECTED[case]:
        _, located = line.split(".yaml:", 1)
        assert f"{case}.yaml:{located}" in output, output


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
