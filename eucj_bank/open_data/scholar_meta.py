"""The `citation_*` meta tags Google Scholar and Zotero read from a resource page (the
Highwire Press names), beside its JSON-LD and Dublin Core (`linked_data`).

They describe the version the page cites (`citation_record.cited_lang`): its title,
authors, date, language and publisher, and the address of each PDF file. Scholar
wants absolute addresses; a copy without one gets page-relative links, which Zotero
resolves against the page.
"""

from __future__ import annotations

from ..catalogue.model import Resource
from .citation_record import citation_record


def scholar_meta(res: Resource, lang: str, publisher: dict[str, str], site_url: str = "",
                 site_up: str = "") -> list[tuple[str, str]]:
    """Raw (name, value) pairs; the template escapes the values. `site_up`: the page's
    way up to the site root, for the PDF links of a copy without an address."""
    record = citation_record(res, lang, publisher, site_url)
    pairs = [("citation_title", record.title)]
    pairs += [("citation_author", c.name if c.organisation else f"{c.family}, {c.given}") for c in record.creators]
    pairs += [("citation_publication_date", record.date.replace("-", "/")), ("citation_language", record.lang),
              ("citation_publisher", record.publisher)]
    base = site_url.rstrip("/") + "/" if site_url else site_up
    pairs += [("citation_pdf_url", base + path) for path in record.pdf_paths]
    if record.url:
        pairs.append(("citation_abstract_html_url", record.url))
    return pairs
