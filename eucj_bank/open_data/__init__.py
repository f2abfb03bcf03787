"""Open data read from the model: JSON, CSV, Frictionless package, DCAT (`exports`),
Atom feeds, schema.org JSON-LD and Dublin Core (`linked_data`), sitemaps. May import
`catalogue` and `search`.
"""
