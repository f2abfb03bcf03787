"""The catalogue's published JSON Schema, generated from the model and the vocabularies.

Editors' editors read it (the catalogue's first line points to it) for completion and
checking as they type; the build itself validates with the model (catalog.py), which
also gives located messages. One model, so the two cannot disagree on structure; the
vocabularies become enums here.
"""

from __future__ import annotations

import json

from .model import Catalogue
from .validate import VOCAB_FIELDS
from .vocab import LANGS, label, terms

SCHEMA_PATH = "schema/resource_catalog.schema.json"


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


def render_schema() -> str:
    return json.dumps(catalogue_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
