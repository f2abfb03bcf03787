"""The text of the resources' own files: extracted from each format, cached by the
file's SHA-256, and made safe (`catalogue.safe_html`) before any page shows it.
May import `catalogue` only.
"""
