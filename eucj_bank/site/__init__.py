"""The generated pages and what they show: the resource page, the catalogue and browse
pages with their shared parts, the filter data, related and recent resources, the
citation, checklists as HTML, the profile's branding and the UI strings in en/ru/kk.
Produces `RenderedPage`s; it does not know MkDocs. May import `catalogue`, `search` and
`open_data`.
"""
