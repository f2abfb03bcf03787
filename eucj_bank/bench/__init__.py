"""Benchmarks: synthetic catalogues, the naive Material + static-i18n setup on the same
catalogue, and the figures of building, serving and searching them. The top layer:
it may import all the others, and nothing imports it but scripts and tests.
"""
