"""YAML mistakes made anywhere in an entry: never a crash, always a located message with the
line and a caret, and nearly always at the line the editor changed (eucj_bank/catalogue/yaml_errors.py)."""

from __future__ import annotations

import pytest
from support import ROOT

from eucj_bank.catalogue import messages
from eucj_bank.catalogue.yaml_source import load_yaml

BASE = (ROOT / "tests/data/broken/wrong-type.yaml").read_text("utf-8").replace("topics: probation", "topics: [probation]")
LINES = BASE.split("\n")

MISTAKES = {
    "tab": lambda s: "\t" + s.lstrip(" "),
    "one space less": lambda s: s[1:],
    "two spaces more": lambda s: "  " + s,
    "an opened quote": lambda s: s.replace(": ", ': "', 1),
    "a colon in the value": lambda s: s + ": more",
    "a closing quote dropped": lambda s: s[:s.rfind('"')] + s[s.rfind('"') + 1:] if '"' in s else s,
    "« » as quotes": lambda s: s.replace('"', "«", 1).replace('"', "»", 1),
    "a bracket dropped": lambda s: s.replace("]", "", 1),
}


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_every_mistake_on_every_line_is_located(lang):
    messages.set_language(lang)
    try:
        located = syntax = 0
        for name, mistake in MISTAKES.items():
            for index in range(1, len(LINES) - 1):
                changed = list(LINES)
                changed[index] = mistake(changed[index])
                text = "\n".join(changed)
                data, _smap, problems = load_yaml(text, "c.yaml")
                for problem in problems:
                    assert 1 <= problem.line <= len(changed) and problem.col >= 1, (name, index, problem)
                    assert problem.message and problem.hint
                if data is None and problems:
                    [problem] = problems
                    syntax += 1
                    located += problem.line == index + 1
                    number, caret = problem.excerpt.split("\n")
                    assert number.startswith(f"{problem.line:>5} | ") and caret.endswith("^")
                    assert len(caret) - len("      | ") == problem.col
        assert syntax > 40 and located / syntax >= 0.95, (located, syntax)
    finally:
        messages.set_language(None)
