"""A preview's quick pass reads the edited entry alone (eucj_bank/copies/preview_load.py):
what it returns is what loading the whole catalogue returns."""

from __future__ import annotations

import yaml
from support import ROOT

from eucj_bank.bench.synthetic import generate_catalogue
from eucj_bank.catalogue.load import load_catalogue
from eucj_bank.catalogue.vocab import terms
from eucj_bank.copies.preview_load import reload_entry


def _same(quick, whole) -> None:
    assert quick is not None
    assert quick.catalogue == whole.catalogue
    assert quick.problems == whole.problems
    assert quick.source_map.values == whole.source_map.values and quick.source_map.keys == whole.source_map.keys


def test_an_entry_read_alone_loads_as_the_whole_catalogue(tmp_path):
    catalogue = generate_catalogue(6, tmp_path / "bank", ROOT)
    text = catalogue.read_text("utf-8")
    before = load_catalogue(catalogue, catalogue.parent)
    middle = yaml.safe_load(text)["resources"][2]
    topic = next(t for t in terms("topics") if t not in middle["topics"])
    start = text.index(f"- id: {middle['id']}\n")
    at = text.index("  topics:\n", start) + len("  topics:\n")
    edits = [text[:at] + f"  - {topic}\n" + text[at:],  # a line more in the middle: later entries move
             text.replace(f"- id: {middle['id']}\n", f"- id: {middle['id']}\n  added: '2026-01-05'\n", 1),
             text + text[text.index("- id: synthetic-00005\n"):].replace("- id: synthetic-00005", "- id: synthetic-00099")]
    # (the last: an entry added at the end)
    for edited in edits:
        catalogue.write_text(edited, "utf-8")
        _same(reload_entry(before, text, edited, str(catalogue), catalogue.parent),
              load_catalogue(catalogue, catalogue.parent))


def test_what_the_entry_alone_cannot_tell_gets_the_whole_load(tmp_path):
    catalogue = generate_catalogue(4, tmp_path / "bank", ROOT)
    text = catalogue.read_text("utf-8")
    before = load_catalogue(catalogue, catalogue.parent)
    taken = text.replace("- id: synthetic-00002\n", "- id: synthetic-00001\n", 1)  # an id used twice
    broken = text.replace("  type: ", "  type: 'unclosed\n  kind: ", 1)
    header = "# a comment\n" + text
    two = text.replace("- id: synthetic-00001\n", "- id: synthetic-00001\n  type: x\n", 1).replace(
        "- id: synthetic-00002\n", "- id: synthetic-00002\n  type: y\n", 1)
    for edited in (taken, broken, header, two):
        assert reload_entry(before, text, edited, str(catalogue), catalogue.parent) is None
