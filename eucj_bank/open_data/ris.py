"""RIS of a citation record (the tagged format EndNote, Zotero and Mendeley import).

One tag a line, so a line break in catalogue text would start a new tag: every value is
put on one line. Organisations are authors without a comma; people are "Family, Given".
The title in each language is a note line, `N1 - title_ru: ...` (RIS's translated
title, TT, holds one title only).
"""

from __future__ import annotations

from .citation_record import CitationRecord


def _line(tag: str, value: str) -> str:
    return f"{tag}  - {' '.join(value.split())}\r\n"


def ris_entry(record: CitationRecord) -> str:
    out = [_line("TY", record.kind[2]), _line("ID", record.id)]
    out += [_line("AU", c.name if c.organisation else f"{c.family}, {c.given}") for c in record.creators]
    out += [_line("TI", record.title), _line("PY", record.year),
            _line("DA", "/".join((record.date.split("-") + ["", ""])[:3]) + "/"),
            _line("PB", record.publisher), _line("M3", record.genre), _line("LA", record.lang)]
    out += [_line("N1", f"title_{lang}: {title}") for lang, title in record.titles.items()]
    out.append(_line("N1", "languages: " + ", ".join(record.languages)))
    if record.url:
        out.append(_line("UR", record.url))
    out.append(_line("C1", record.licence))
    if record.licence_url:
        out.append(_line("C2", record.licence_url))
    out.append("ER  - \r\n")
    return "".join(out)


def ris(records: list[CitationRecord]) -> str:
    return "\r\n".join(ris_entry(r) for r in records)
