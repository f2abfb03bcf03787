"""Everything editors and agencies write, read into one typed model and checked.

Owns: YAML with source positions (`yaml_source`), located problems (`problems`), the
controlled vocabularies and their labels (`vocab`, `vocabularies.yaml`), the model
(`model`), loading and validation of the catalogue (`load`, `validate`), checklists'
model, site profiles, the JSON Schemas, the scaffold of a new entry, translation
status, text escaping (`text`) and the one sanitiser of untrusted HTML (`safe_html`),
and writing of generated files. Imports nothing else of `eucj_bank`: every other
subpackage reads what this one loaded.
"""
