"""The published JSON Schemas (catalogue, site profile), generated from the models and vocabularies.

Editors' editors read it (the catalogue's first line points to it) for completion and
checking as they type; the build itself validates with the model (load.py), which
also gives located messages. One model, so the two cannot disagree on structure; the
vocabularies become enums here.
"""

from __future__ import annotations

import json

from .model import Catalogue
from .profiles import MATERIAL_ACCENT, MATERIAL_PRIMARY, SELECTION_VOCABS, Profile
from .validate import VOCAB_FIELDS
from .vocab import LANGS, label, terms

SCHEMA_PATH = "schema/resource_catalog.schema.json"
PROFILE_SCHEMA_PATH = "schema/site_profile.schema.json"


def _enum(vocab: str) -> dict:
    return {"type": "string", "enum": terms(vocab),
            "description": "; ".join(f"{t}: {label(vocab, t, 'en')}" for t in terms(vocab))}


def catalogue_schema() -> dict:
    schema = Catalogue.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "EUCJ Resource Bank catalogue"
    defs = schema["$defs"]
    props = defs["Resource"]["properties"]
    for field, vocab in VOCAB_FIELDS.items():
        target = props[field]
        if target.get("type") == "array" or "items" in target:
            target["items"] = _enum(vocab)
        elif "anyOf" in target:
            target["anyOf"] = [_enum(vocab), {"type": "null"}]
        else:
            props[field] = {**_enum(vocab), **{k: v for k, v in target.items() if k in ("title", "default")}}
    defs["FileRef"]["properties"]["lang"] = {"type": "string", "enum": list(LANGS)}
    defs["FileRef"]["properties"]["format"] = _enum("formats")
    defs["Holder"]["properties"]["agency"] = _enum("agencies")
    props["date"] = {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
                     "description": "YYYY, YYYY-MM or YYYY-MM-DD"}
    props["added"] = {"anyOf": [{"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}, {"type": "null"}],
                      "default": None, "description": "the day the entry was added to the bank: YYYY-MM-DD"}
    return schema


def profile_schema() -> dict:
    schema = Profile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "EUCJ Resource Bank site profile"
    defs = schema["$defs"]
    for key, vocab in SELECTION_VOCABS.items():
        defs["Selection"]["properties"][key]["items"] = _enum(vocab)
    for key, names in (("primary", MATERIAL_PRIMARY), ("accent", MATERIAL_ACCENT)):
        defs["Colours"]["properties"][key]["anyOf"] = [
            {"type": "string", "enum": list(names)},
            {"type": "string", "pattern": "^#[0-9a-fA-F]{6}$", "description": "#rrggbb"},
            {"type": "null"}]
    return schema


def _render(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def render_schema() -> str:
    return _render(catalogue_schema())


def render_profile_schema() -> str:
    return _render(profile_schema())


# path in the repository -> its text
SCHEMAS = {SCHEMA_PATH: render_schema, PROFILE_SCHEMA_PATH: render_profile_schema}
