"""Hostile input: every file an editor or an agency brings is refused with a located,
one-line message, never a traceback, a hang or a memory blow-up.

tests/data/hostile/ holds one file per attack; expected.txt lists the exact message the
validator prints for it (catalogue-*: the catalogue, profile-*: `--profile`,
checklist-*: the checklist check). Time and memory of each refusal are measured by
scripts/benchmark_hostile.py, not here.
"""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import ROOT, build_site

from eucj_bank.catalogue.checklist_model import check_checklist
from eucj_bank.catalogue.profiles import load_profile
from eucj_bank.catalogue.repository import snippet_problems, symlink_problems
from eucj_bank.catalogue.yaml_source import MAX_DEPTH, load_yaml

HOSTILE = ROOT / "tests/data/hostile"
SCRIPT = ROOT / "scripts/validate_catalogue.py"
CASES = sorted(p.name for p in HOSTILE.iterdir() if p.name.startswith(("catalogue-", "profile-", "checklist-")))


def _expected() -> dict[str, list[str]]:
    by_case = defaultdict(list)
    for line in (HOSTILE / "expected.txt").read_text("utf-8").splitlines():
        by_case[line.split(":", 1)[0].split("/")[0]].append(line)
    return by_case


def _catalogue(case: str) -> str:
    """A case is a catalogue file, or a folder holding a bank (catalogue and files)."""
    return f"{case}/resource_catalog.yaml" if (HOSTILE / case).is_dir() else case


def _messages(case: str) -> tuple[list[str], str]:
    """The problems the validator prints for `case` (run as editors run it), and its whole output."""
    if case.startswith("checklist-"):
        lines = [str(p) for p in check_checklist(HOSTILE / case, case)]
        return lines, "\n".join(lines)
    args = [_catalogue(case)] if case.startswith("catalogue-") else ["--profile", case, str(ROOT / "resource_catalog.yaml")]
    result = subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, cwd=HOSTILE)
    assert result.returncode == 1, result.stdout + result.stderr
    return result.stdout.splitlines(), result.stdout + result.stderr


def test_every_case_has_expectations():
    assert set(CASES) == set(_expected())


@pytest.mark.parametrize("case", CASES)
def test_hostile_file_is_refused_with_the_exact_located_message(case):
    lines, output = _messages(case)
    assert "Traceback" not in output
    for expected in _expected()[case]:
        assert expected in lines, output


@pytest.mark.parametrize("case", ["catalogue-alias-bomb.yaml", "catalogue-python-tag.yaml",
                                  "catalogue-internal-leak", "catalogue-no-topics-type-list.yaml",
                                  "catalogue-file-name-newline", "catalogue-markdown-not-utf8",
                                  "catalogue-control-characters.yaml"])
def test_the_build_refuses_with_the_same_messages(case, tmp_path):
    """What the validator refuses, the build refuses first thing, with the same message."""
    result = build_site(tmp_path / "site", catalogue=HOSTILE / _catalogue(case))
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    for line in _expected()[case]:
        if ": warning: " not in line:
            assert line.split(":", 1)[1] in output, output
    assert not (tmp_path / "site").exists() or not any((tmp_path / "site").rglob("*.html"))


def test_symlinks_in_the_hand_written_folders_are_refused(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "deploy").mkdir()
    (tmp_path / "deploy/leak.conf").symlink_to(ROOT / "resource_catalog.yaml")
    (tmp_path / "docs/ok.md").write_text("# ok\n", encoding="utf-8")
    found = [str(p) for p in symlink_problems(tmp_path)]
    assert found == ["deploy/leak.conf:1:1: deploy/: this is a symbolic link; the build reads the files of deploy/ "
                     "only as they are - replace the link with a copy of the file it points to"]
    assert symlink_problems(ROOT) == []


def test_snippet_includes_outside_deploy_or_missing_are_located(tmp_path):
    (tmp_path / "docs/en").mkdir(parents=True)
    (tmp_path / "deploy").mkdir()
    (tmp_path / "deploy/ok.conf").write_text("ok\n", encoding="utf-8")
    (tmp_path / "resource_catalog.yaml").write_text("resources: []\n", encoding="utf-8")
    (tmp_path / "docs/en/page.md").write_text(
        '# Page\n\n--8<-- "ok.conf"\n\n--8<-- "../resource_catalog.yaml"\n\n  --8<-- \'missing.conf\'\n'
        ';--8<-- "escaped.conf"\n', encoding="utf-8")
    found = [str(p) for p in snippet_problems(tmp_path)]
    assert found == [
        "docs/en/page.md:5:1: included file: the included file ../resource_catalog.yaml is not in deploy/ - "
        "give the path of a file of deploy/, from that folder",
        "docs/en/page.md:7:3: included file: the included file missing.conf is not in deploy/ - "
        "give the path of a file of deploy/, from that folder"]
    assert snippet_problems(ROOT) == []


def test_messages_stay_on_one_line():
    data, _, problems = load_yaml("a: b\n\"key\\nwith newline\": 1\n\"key\\nwith newline\": 2\n", "x.yaml")
    assert len(problems) == 1
    assert "\n" not in str(problems[0]) and "key\\nwith newline" in str(problems[0])


def test_an_alias_within_the_bound_still_works():
    data, _, problems = load_yaml("a: &x [1, 2]\nb: *x\n", "x.yaml")
    assert problems == [] and data == {"a": [1, 2], "b": [1, 2]}


SCALARS = st.sampled_from(["x", "'q'", "1", "2016-05-20", "null", "!!str s", "!!python/name:os.system ''",
                           "!foo x", "!!binary aGk=", "*a", "&b y", "*b", "*zz"])


@st.composite
def yaml_documents(draw):
    """Small YAML documents mixing anchors, aliases (also undefined and recursive ones),
    explicit tags and nesting, block and flow style."""
    depth = draw(st.integers(0, MAX_DEPTH + 10))
    inner = draw(SCALARS)
    flow = draw(st.booleans())
    body = "[" * depth + inner + "]" * depth if flow else inner
    keys = draw(st.lists(st.sampled_from(["k", "&a k", "id", "title", "resources", "sections", "name"]),
                         min_size=1, max_size=4))
    lines = [f"{k}: {draw(st.sampled_from(['&a ', '', '!!map ', '&c ']))}{body}" for k in keys]
    lines += [f"{'  ' * i}l{i}:" for i in range(draw(st.integers(0, MAX_DEPTH + 5)))]
    return "\n".join(lines) + draw(st.sampled_from(["", "\n", "\nz: *c\n", "\x00", "\n- x\n"]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(yaml_documents())
def test_yaml_with_aliases_tags_and_nesting_gives_data_or_located_problems(text):
    data, _, problems = load_yaml(text, "fuzz.yaml")
    assert all(p.line >= 1 and p.col >= 1 and "\n" not in str(p) for p in problems)
    if "!!python" in text or "!foo" in text or "!!binary" in text:
        assert problems, text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(yaml_documents())
def test_fuzzed_profiles_and_checklists_never_crash(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "p.yml").write_text("name: x\nsite_name: {en: a}\n" + text, encoding="utf-8")
    (folder / "c.yaml").write_text(text, encoding="utf-8")
    result = load_profile(folder / "p.yml")
    assert all(p.line >= 1 and "\n" not in str(p) for p in result.problems)
    assert all(p.line >= 1 and "\n" not in str(p) for p in check_checklist(folder / "c.yaml", "c.yaml"))


def test_a_server_that_exits_or_never_answers_is_a_clear_error_not_a_hang():
    import socket
    import time

    from eucj_bank.bench.measure import _wait_for, free_port

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    with pytest.raises(RuntimeError, match="exited with status 0"):
        _wait_for(f"http://127.0.0.1:{free_port()}/", lambda body: True, 600, gone)
    with socket.socket() as silent:  # accepts connections, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        start = time.monotonic()
        with pytest.raises(TimeoutError, match="not ready after"):
            _wait_for(f"http://127.0.0.1:{silent.getsockname()[1]}/", lambda body: True, 1)
        assert time.monotonic() - start < 30


def test_an_injected_inline_script_is_never_hashed_into_the_policy(shipped, tmp_path):
    """csp_policy.py allows the theme's own scripts only; it names a page carrying another."""
    import shutil

    from eucj_bank.copies.csp import policy_for

    site = tmp_path / "site"
    shutil.copytree(shipped["site"], site)
    clean = policy_for(site)
    page = site / "ru/catalogue.html"
    page.write_text(page.read_text("utf-8").replace("</body>", "<script>alert(1)</script></body>"), "utf-8")
    assert policy_for(site) == clean
    result = subprocess.run([sys.executable, str(ROOT / "scripts/csp_policy.py"), str(site)],
                            capture_output=True, text=True)
    assert result.returncode == 1 and "ru/catalogue.html: an inline script the theme does not emit" in result.stderr
    assert result.stdout.strip() == clean


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    from eucj_bank.catalogue.load import load_catalogue
    from eucj_bank.catalogue.yaml_source import MAX_BYTES

    path = tmp_path / "resource_catalog.yaml"
    with open(path, "wb") as f:
        f.write(b"resources:\n")
        f.truncate(MAX_BYTES + 1)
    problems = [str(p) for p in load_catalogue(path).problems]
    assert len(problems) == 1 and f"more than the {MAX_BYTES} a YAML file may have" in problems[0]
    assert problems[0].startswith(f"{path}:1:1: YAML limits: ") or ":1:1: YAML limits: " in problems[0]
