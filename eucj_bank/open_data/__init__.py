"""Open data read from the model: JSON, CSV, Frictionless package, DCAT (`exports`),
Atom feeds, schema.org JSON-LD and Dublin Core (`linked_data`), sitemaps, and citing and
harvesting: one citation record per resource (`citation_record`) written as BibTeX,
RIS and CSL-JSON (`bibtex`, `ris`, `csl_json`, files by `citation_exports`), the
`citation_*` meta tags (`scholar_meta`) and an OAI-PMH static repository (`oai_pmh`).
May import `catalogue` and `search`.
"""
