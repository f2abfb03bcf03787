"""The "Propose a resource" page's data: the catalogue's JSON Schema and every label it needs.

The page (docs/<lang>/propose.md) holds only its text and an empty container;
overrides/assets/javascripts/eucj-propose.js builds the form from this data: one
control per property of the schema's Resource (an enum becomes a list to choose
from, an array of enum a set of boxes, a Localized text three fields, a pattern a
text field checked against it), labelled in the page's language from
ui_strings.yaml and vocabularies.yaml. The browser validates the entry against
the same schema the editors' editors read (catalogue/schema.py, generated from the
model), so the two cannot disagree. A <script> file, not JSON: over file://
Chromium refuses to fetch local files, but loads scripts.
"""

from __future__ import annotations

from pathlib import Path

from ..catalogue.model import Catalogue
from ..catalogue.schema import catalogue_schema
from ..catalogue.validate import VOCAB_FIELDS
from ..catalogue.vocab import LANGS, label, terms, vocabularies
from .data_scripts import data_script, write_language_scripts
from .ui import strings, t

DATA_FILE = "propose-data.js"
SCRIPT = "assets/javascripts/eucj-propose.js"
VALIDATOR = "assets/javascripts/vendor/cfworker-json-schema/json-schema.min.js"
DATA_GLOBAL = "EUCJ_PROPOSE"

# The form's fields, in the order an editor fills them in. Every one is a property of
# the schema's Resource; `links` and `checklist` are left to editing the YAML (the
# page says so), `added` is today's date, `files` come from the chosen files.
FORM_FIELDS = ("title", "summary", "id", "type", "date", "agencies", "topics", "audience", "authors",
               "licence", "access", "component", "activity", "objective", "availability", "holder")
# Field label: ui_strings key (the resource pages' own labels where they exist).
LABELS = {name: f"field_{name}" for name in FORM_FIELDS} | {
    "title": "propose_field_title", "summary": "propose_field_summary", "holder": "field_holder"}
MULTILINE = ("summary",)
PREFIX = "propose_"


def propose_data(catalogue: Catalogue, lang: str) -> dict:
    """Everything the form script needs in `lang`: it carries no text of its own."""
    vocab_fields = dict(VOCAB_FIELDS, access="access")
    return {
        "lang": lang,
        "schema": catalogue_schema(),
        "fields": [{"name": name, "label": t(LABELS[name], lang), "help": t(f"propose_help_{name}", lang),
                    "multiline": name in MULTILINE} for name in FORM_FIELDS],
        "vocab": {name: [[term, label(vocab, term, lang)] for term in terms(vocab)]
                  for name, vocab in {**vocab_fields, "holder": "agencies", "lang": "languages"}.items()},
        "sublabels": {"holder.agency": t("propose_holder_agency", lang), "holder.note": t("propose_holder_note", lang)},
        "languages": [[code, label("languages", code, lang)] for code in LANGS],
        "extensions": {ext: fmt for fmt, spec in vocabularies()["formats"].items() for ext in spec["extensions"]},
        # Ids already taken: a new entry must not reuse one (the validator refuses it).
        "ids": sorted(res.id for res in catalogue.resources),
        "strings": {key[len(PREFIX):]: value[lang] for key, value in strings().items()
                    if key.startswith(PREFIX) and not key.startswith(("propose_help_", "propose_field_"))},
    }


def propose_data_script(catalogue: Catalogue, lang: str) -> str:
    return data_script(DATA_GLOBAL, propose_data(catalogue, lang))


def write_propose_data(site_dir: Path, catalogue: Catalogue) -> None:
    """Write each language's data file at its language root, beside propose.html."""
    write_language_scripts(site_dir, DATA_FILE, lambda lang: propose_data_script(catalogue, lang))
