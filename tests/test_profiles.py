"""Site profiles: the shipped ones, what they select, and located errors for bad ones."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support import ROOT, build_site

from eucj_bank.catalogue.load import load_catalogue
from eucj_bank.catalogue.profiles import MATERIAL_ACCENT, MATERIAL_PRIMARY, check_selection, load_profile

PROFILES = ROOT / "profiles"


@pytest.fixture(scope="module")
def catalogue():
    result = load_catalogue(ROOT / "resource_catalog.yaml", ROOT)
    assert result.ok, "\n".join(map(str, result.problems))
    return result.catalogue


@pytest.mark.parametrize("name", sorted(p.name for p in PROFILES.glob("*.yml")))
def test_shipped_profiles_are_valid_and_select_something(name, catalogue):
    loaded = load_profile(PROFILES / name)
    assert loaded.ok, "\n".join(map(str, loaded.problems))
    assert loaded.profile.name == Path(name).stem or name == "full-bank.yml"
    assert loaded.profile.select(catalogue).resources
    assert not check_selection(loaded, catalogue)


def test_full_bank_profile_publishes_every_public_resource(catalogue):
    full = load_profile(PROFILES / "full-bank.yml").profile
    assert full.name == "eucj-resource-bank" and not full.internal
    assert full.select(catalogue).resources == catalogue.public().resources


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_a_build_without_a_profile_is_the_full_bank(shipped, lang):
    full = load_profile(PROFILES / "full-bank.yml").profile
    html = (shipped["site"] / ("" if lang == "en" else f"{lang}/") / "catalogue.html").read_text("utf-8")
    assert re.search(rf"<title>[^<]* — {re.escape(getattr(full.site_name, lang))}</title>", html)


def test_probation_profile_selects_probation_and_risk_assessment_only(catalogue):
    profile = load_profile(PROFILES / "probation-service.yml").profile
    chosen = {r.id for r in profile.select(catalogue).resources}
    expected = {r.id for r in catalogue.resources
                if {"probation", "risk-assessment"} & set(r.topics) and r.access == "public"}
    assert chosen == expected and len(chosen) >= 3
    assert len(chosen) < len(catalogue.resources)
    assert Path(profile.logo).is_file() and Path(profile.logo).is_absolute()


def test_probation_contact_is_an_obvious_placeholder_without_invented_numbers():
    profile = load_profile(PROFILES / "probation-service.yml").profile
    for lang in ("en", "ru", "kk"):
        text = getattr(profile.contact.name, lang)
        assert text.startswith("[") and text.endswith("]"), text
    assert profile.contact.phone is None and profile.contact.email is None
    assert not re.search(r"\d{3}", (PROFILES / "probation-service.yml").read_text("utf-8").split("contact:")[1])


def test_material_colour_names_are_the_installed_themes():
    import material
    css = next((Path(material.__file__).parent / "templates/assets/stylesheets").glob("palette.*.min.css"))
    text = css.read_text("utf-8")
    assert set(re.findall(r"data-md-color-primary=([a-z-]+)", text)) == set(MATERIAL_PRIMARY)
    assert set(re.findall(r"data-md-color-accent=([a-z-]+)", text)) == set(MATERIAL_ACCENT)


GOOD = """name: test-copy
site_name:
  en: Test copy
  ru: Тестовая копия
  kk: Сынақ көшірмесі
description: {en: A test copy, ru: Тестовая копия банка, kk: Банктің сынақ көшірмесі}
"""

# (profile text, the exact problems it must produce; FILE is the profile's path)
BROKEN = [
    (GOOD + "site_nmae: x\n",
     ["FILE:7:1: site_nmae: unknown field 'site_nmae' - did you mean 'site_name'? check the spelling"]),
    (GOOD.replace("  kk: Сынақ көшірмесі\n", ""),
     ["FILE:2:1: site_name: site_name.kk is missing - add site_name.kk: each language's pages show their "
      "own site name in the header and title"]),
    (GOOD.replace("test-copy", "Test Copy"),
     ["FILE:1:7: name: name has an invalid value 'Test Copy' - use lowercase latin letters, digits and single "
      "hyphens, e.g. probation-service"]),
    (GOOD + "include:\n  topics: [probaton]\n",
     ["FILE:8:12: include: include.topics[0] 'probaton' is not in the topics vocabulary - did you mean "
      "'probation'?"]),
    (GOOD + "include:\n  internal: yes please\n",
     ["FILE:8:13: include: include.internal must be true or false, not text - write true or false"]),
    (GOOD + "colours:\n  primary: dark green\n  accent: brown\n",
     ["FILE:8:12: colours: colours.primary 'dark green' is not a colour the theme knows - did you mean "
      "'green'? Write #rrggbb (e.g. \"#1b5e20\", in quotes) or one of: red, pink",
      "FILE:9:11: colours: colours.accent 'brown' is not a colour the theme knows - Write #rrggbb"]),
    (GOOD + "logo: logos/missing.svg\n",
     ["FILE:7:7: logo: the logo logos/missing.svg does not exist - give the image's path from the profile's folder"]),
    (GOOD + "base_url: intranet/bank\n",
     ["FILE:7:11: base_url: base_url 'intranet/bank' is not an http(s) address of a folder"]),
    (GOOD + "contact:\n  name: {en: A, ru: Б}\n  email: nobody\n",
     ["FILE:8:3: contact: contact.name.kk is missing - add contact.name.kk: the footer shows it in each language",
      "FILE:9:10: contact: contact.email 'nobody' is not an e-mail address"]),
    (GOOD + "site_name: again\n",
     ["FILE:7:1: top level: the key 'site_name' appears twice in this mapping (first at line 2)"]),
    ("name: [unclosed\n", ["FILE:1:7: YAML syntax: the [ opened on line 1 is not closed - close it with ]"]),
    ("- just\n- a list\n", ["FILE:1:1: profile: the profile must be a mapping of fields"]),
]


@pytest.mark.parametrize("text,expected", BROKEN, ids=[str(i) for i in range(len(BROKEN))])
def test_broken_profiles_give_located_messages(tmp_path, text, expected):
    path = tmp_path / "broken.yml"
    path.write_text(text, encoding="utf-8")
    loaded = load_profile(path)
    assert not loaded.ok and loaded.profile is None
    got = [str(p).replace(str(path), "FILE") for p in loaded.problems]
    assert len(got) == len(expected), got
    for line, start in zip(got, expected):
        assert line.startswith(start), (line, start)


def test_a_profile_selecting_nothing_is_an_error_at_its_include(tmp_path, catalogue):
    path = tmp_path / "empty.yml"
    path.write_text(GOOD + "include:\n  agencies: [bar-association]\n  topics: [probation]\n", encoding="utf-8")
    loaded = load_profile(path)
    assert loaded.ok
    problems = [str(p).replace(str(path), "FILE") for p in check_selection(loaded, catalogue)]
    assert problems == ["FILE:7:1: include: the profile selects no resource of the catalogue - widen `include:` "
                        "(each list given must share a value with a resource), or set `internal: true` if the "
                        "copy is meant for internal resources"]


def test_build_with_a_broken_profile_stops_with_the_located_message(tmp_path):
    path = tmp_path / "broken.yml"
    path.write_text(GOOD + "include:\n  types: [checklst]\n", encoding="utf-8")
    result = build_site(tmp_path / "site", profile=path)
    assert result.returncode != 0
    assert f"{path}:8:11: include: include.types[0] 'checklst' is not in the types vocabulary - did you mean " \
           "'checklist'?" in result.stderr
    assert "Traceback" not in result.stderr


def test_profile_schema_is_generated_and_the_shipped_profiles_satisfy_it():
    import jsonschema
    import yaml

    from eucj_bank.catalogue.schema import PROFILE_SCHEMA_PATH, render_profile_schema

    text = (ROOT / PROFILE_SCHEMA_PATH).read_text("utf-8")
    assert text == render_profile_schema(), "run python scripts/write_schema.py"
    schema = yaml.safe_load(text)
    jsonschema.Draft202012Validator.check_schema(schema)
    for path in PROFILES.glob("*.yml"):
        assert path.read_text("utf-8").splitlines()[0] == f"# yaml-language-server: $schema=../{PROFILE_SCHEMA_PATH}"
        data = yaml.safe_load(path.read_text("utf-8"))
        jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
        for change, where in [(lambda d: d.update(site_nmae=1), "site_nmae"),
                              (lambda d: d.setdefault("include", {}).update(topics=["probaton"]), "probaton"),
                              (lambda d: d.update(colours={"primary": "dark green"}), "dark green")]:
            broken = yaml.safe_load(path.read_text("utf-8"))
            change(broken)
            errors = list(jsonschema.Draft202012Validator(schema).iter_errors(broken))
            assert errors and any(where in e.message for e in errors), (path.name, where)
