"""The EUCJ Resource Bank generator: all of its logic, importable without MkDocs.

The subpackages follow the data flow, lowest layer first; a module may import from its
own subpackage and from the layers before it, never from a later one
(tests/test_layers.py holds the order):

1. `catalogue`: what editors and agencies write (catalogue, checklists, profiles),
   loaded with positions into one typed model and validated.
2. `documents`: the text of the resources' own files, extracted and made safe.
3. `search`: the per-language search indexes, the Kazakh stemmer, the worker patch.
4. `open_data`: exports, feeds, linked data and sitemaps, read from the model.
5. `site`: the generated pages and what they show.
6. `copies`: one build of one copy (profile, pages, files), its manifest, zip and CSP.
7. `bench`: benchmarks on synthetic banks, against the naive setup.
"""

LAYERS = ("catalogue", "documents", "search", "open_data", "site", "copies", "bench")
