"""One copy of the bank: the build session (which profile, which resources, which
pages), the resources' files in site/, the manifest, the offline zip and the CSP.
May import every layer before it: `catalogue`, `search`, `open_data`, `site`.
"""
