"""CSL-JSON (the Citation Style Language's input format) of a citation record: what
reference managers import and what citeproc renders (`site/citation.py`).

Standard CSL variables carry the cited version; the titles in the other languages, the
languages of the files and the licence's address go in `custom`, which CSL-JSON keeps
for such data and processors ignore.
"""

from __future__ import annotations

import json

from .citation_record import CitationRecord


def csl_item(record: CitationRecord) -> dict:
    item: dict = {"id": record.id, "type": record.kind[0], "title": record.title, "language": record.lang,
                  "issued": {"date-parts": [record.date_parts]}, "publisher": record.publisher,
                  "genre": record.genre, "license": record.licence}
    authors = [{"literal": c.name} if c.organisation else {"family": c.family, "given": c.given}
               for c in record.creators]
    if authors:
        item["author"] = authors
    if record.url:
        item["URL"] = record.url
    item["custom"] = {"titles": record.titles, "languages": record.languages}
    if record.licence_url:
        item["custom"]["license-url"] = record.licence_url
    return item


def csl_json(records: list[CitationRecord]) -> str:
    return json.dumps([csl_item(r) for r in records], ensure_ascii=False, indent=1) + "\n"
