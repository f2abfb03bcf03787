"""The published JSON Schema: up to date with the model, and a real validator agrees with it."""

from __future__ import annotations

import copy
import datetime as dt

import jsonschema
import pytest
import yaml
from support import ROOT

from eucj_bank.catalogue.schema import SCHEMA_PATH, render_schema

SCHEMA = yaml.safe_load((ROOT / SCHEMA_PATH).read_text("utf-8"))


def _catalogue() -> dict:
    data = yaml.safe_load((ROOT / "resource_catalog.yaml").read_text("utf-8"))
    # YAML reads unquoted dates as dates; the file quotes them, as the header asks.
    assert not any(isinstance(r["date"], dt.date) for r in data["resources"])
    return data


def test_committed_schema_is_generated_from_the_model():
    assert (ROOT / SCHEMA_PATH).read_text("utf-8") == render_schema(), "run python scripts/write_schema.py"


def test_catalogue_points_editors_to_the_schema():
    first = (ROOT / "resource_catalog.yaml").read_text("utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=./{SCHEMA_PATH}"


def test_shipped_catalogue_is_valid_against_the_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.validate(_catalogue(), SCHEMA, cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize("change,where", [
    (lambda r: r.update(titel=r["title"]), "titel"),
    (lambda r: r.update(type="checklst"), "checklst"),
    (lambda r: r["topics"].append("probaton"), "probaton"),
    (lambda r: r.update(date="16/05/2016"), "16/05/2016"),
    (lambda r: r.pop("licence"), "licence"),
    (lambda r: r["title"].update(fr="Titre"), "fr"),
])
def test_schema_rejects_what_the_validator_rejects(change, where):
    data = copy.deepcopy(_catalogue())
    change(data["resources"][0])
    errors = list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(data))
    assert errors and any(where in e.message for e in errors), [e.message for e in errors]
