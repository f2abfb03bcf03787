"""BibTeX of a citation record (UTF-8, as biber and modern reference managers read it).

Catalogue text is untrusted: every character BibTeX or LaTeX treats specially is
escaped, so a brace in a title can neither end the field nor the entry. Organisations
are wrapped in braces so that BibTeX does not split them into given and family names.
The titles in the other languages go in `title_en`, `title_ru`, `title_kk`.
"""

from __future__ import annotations

from .citation_record import CitationRecord

_LATEX = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "$": r"\$", "#": r"\#",
          "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def latex_escape(text: str) -> str:
    return "".join(_LATEX.get(char, char) for char in " ".join(text.split()))


def _person(family: str, given: str) -> str:
    return f"{latex_escape(family)}, {latex_escape(given)}"


def bibtex_entry(record: CitationRecord) -> str:
    fields: list[tuple[str, str]] = []
    if record.creators:
        fields.append(("author", " and ".join(f"{{{latex_escape(c.name)}}}" if c.organisation
                                              else _person(c.family, c.given) for c in record.creators)))
    fields += [("title", latex_escape(record.title)), ("year", record.year), ("date", record.date),
               ("publisher" if record.kind[1] == "book" else "institution" if record.kind[1] == "techreport"
                else "howpublished", latex_escape(record.publisher)),
               ("type", latex_escape(record.genre)), ("langid", record.lang),
               ("language", " and ".join(record.languages))]
    fields += [(f"title_{lang}", latex_escape(title)) for lang, title in record.titles.items()]
    if record.url:
        fields.append(("url", record.url))
    fields.append(("copyright", latex_escape(record.licence)))
    if record.licence_url:
        fields.append(("license", record.licence_url))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{record.kind[1]}{{{record.id},\n{body}\n}}\n"


def bibtex(records: list[CitationRecord]) -> str:
    return "\n".join(bibtex_entry(r) for r in records)
