"""One term per concept, and dashes, in every Russian and Kazakh text the bank shows.

The terminology lives in eucj_bank/catalogue/terminology.yaml; this test reads every
source of text a page is made of: the hand-written pages, the UI strings, the
vocabularies, the catalogue, the checklists and the site profiles.
"""

from __future__ import annotations

import yaml
from support import ROOT

from eucj_bank.catalogue.terminology import markdown_prose, terminology, text_problems
from eucj_bank.catalogue.vocab import LANGS

YAML_SOURCES = ["eucj_bank/site/ui_strings.yaml", "eucj_bank/catalogue/vocabularies.yaml", "resource_catalog.yaml",
                *sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "checklists").glob("*.yaml")),
                *sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "profiles").glob("*.yml"))]


def _yaml_texts(path: str):
    """(line, lang, text) of every value under an en/ru/kk key."""
    def walk(node):
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(value, yaml.ScalarNode) and key.value in LANGS:
                    yield value.start_mark.line + 1, key.value, value.value
                else:
                    yield from walk(value)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                yield from walk(item)
    yield from walk(yaml.compose((ROOT / path).read_text("utf-8")))


def _all_problems() -> list[str]:
    found = []
    for path in YAML_SOURCES:
        for line, lang, text in _yaml_texts(path):
            found += [f"{path}:{line}: [{lang}] {problem}" for problem in text_problems(text, lang)]
    for lang in LANGS:
        for page in sorted((ROOT / "docs" / lang).rglob("*.md")):
            prose = markdown_prose(page.read_text("utf-8"))
            for number, line in enumerate(prose.split("\n"), 1):
                found += [f"{page.relative_to(ROOT)}:{number}: {problem}" for problem in text_problems(line, lang)]
    return found


def test_no_text_uses_a_replaced_term_or_a_spaced_hyphen():
    problems = _all_problems()
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


def test_the_check_finds_what_it_should():
    assert text_problems("Заполните контрольный перечень.", "ru") == [
        "«контрольный перечень» (контрольн* перечен*): write «контрольный лист»"]
    assert text_problems("в контрольном перечне", "ru") and text_problems("Европа елдері", "kk")
    assert text_problems("Копия - это папка", "ru") and text_problems("Көшірме - қалта", "kk")
    assert not text_problems("Копия — это папка", "ru") and not text_problems("Copy - a folder", "en")
    assert not text_problems("Европейский суд", "ru")  # «Европа» is right in Russian
    assert not text_problems("- пункт списка", "ru") and not text_problems("от -5 до 5", "ru")


def test_every_concept_has_a_preferred_term_in_each_language():
    for name, concept in terminology().items():
        assert set(concept) == set(LANGS) and all(concept[lang]["preferred"] for lang in LANGS), name
