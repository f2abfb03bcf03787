"""Search: the Kazakh stemmer and its generated lunr module, the split of Material's
merged index into one index per language, and the patch of Material's search worker
that stems typed terms. May import `catalogue` only.
"""
