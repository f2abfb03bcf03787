"""One citation record per resource, read from the model: what BibTeX, RIS, CSL-JSON,
the rendered citation and the `citation_*` meta tags all say about it.

Authors are read through `creators` only, with their names in each language
(`catalogue.names`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..catalogue.model import Resource
from ..catalogue.names import author_name, is_organisation
from ..catalogue.vocab import LANGS, label, vocabularies

# Our types in the three formats' vocabularies: CSL type, BibTeX entry type, RIS TY. Every
# CSL type is one the GOST style formats as a stand-alone document (report or book; its
# "document", "speech" and article branches want a journal and printed "// 2016");
# the kind of document is said by `genre`, the type's label.
TYPES = {
    "training-material": ("report", "misc", "GEN"), "pilot-guide": ("book", "book", "BOOK"),
    "policy-analysis": ("report", "techreport", "RPRT"), "legal-commentary": ("report", "techreport", "RPRT"),
    "checklist": ("report", "misc", "GEN"), "survey-report": ("report", "techreport", "RPRT"),
    "mission-report": ("report", "techreport", "RPRT"), "strategy": ("report", "techreport", "RPRT"),
    "project-plan": ("report", "techreport", "RPRT"), "methodology": ("report", "techreport", "RPRT"),
    "evaluation-report": ("report", "techreport", "RPRT"), "presentation": ("report", "misc", "SLIDE"),
    "article": ("report", "misc", "NEWS"), "project-overview": ("report", "techreport", "RPRT"),
}
DEFAULT_TYPE = ("report", "misc", "GEN")
LICENCE_URLS = {"cc-by-4.0": "https://creativecommons.org/licenses/by/4.0/"}
# Until the catalogue says which authors are organisations (issue 15), a name with one
# of these words is one; the same test the JSON-LD uses.
_ORGANISATION = re.compile(r"project|UNDP|Ministry|Office|NI-CO|expert|Проект|жоба|Министерство|министрлігі", re.I)


def creators(res: Resource, lang: str) -> list[Creator]:
    """The resource's authors named in `lang` (catalogue.names), split as CSL wants them;
    an author of the vocabulary says itself whether it is an organisation."""
    out = []
    for value in res.authors:
        name = author_name(value, lang)
        out.append(Creator(name, True) if is_organisation(value) else creator(name))
    return out


@dataclass(frozen=True)
class Creator:
    name: str
    organisation: bool
    family: str = ""
    given: str = ""


def creator(name: str) -> Creator:
    """A person's name split as CSL wants it: given names first, then the family name,
    with a lower-case particle ("van Herpen") kept in the family name."""
    if _ORGANISATION.search(name):
        return Creator(name, True)
    words = name.split()
    if len(words) < 2:
        return Creator(name, True)
    cut = next((i for i, w in enumerate(words[1:], 1) if w[:1].islower()), len(words) - 1)
    return Creator(name, False, " ".join(words[cut:]), " ".join(words[:cut]))


@dataclass(frozen=True)
class CitationRecord:
    id: str
    kind: tuple[str, str, str]  # CSL, BibTeX, RIS types
    lang: str  # the language of the title cited (the files' language, or the page's)
    title: str
    titles: dict[str, str]  # every language the title is written in
    creators: list[Creator]
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    publisher: str
    genre: str  # the resource type in `lang`
    languages: list[str]  # the languages of its files (the page's language when it has none)
    licence: str
    licence_url: str
    url: str = ""  # the page's address, when the copy has one
    pdf_paths: list[str] = field(default_factory=list)  # site-root-relative paths of its PDF files

    @property
    def year(self) -> str:
        return self.date[:4]

    @property
    def date_parts(self) -> list[int]:
        return [int(part) for part in self.date.split("-")]


def original_lang(res: Resource) -> str:
    """The language of its files (the first in en, ru, kk order), else English."""
    return (res.file_langs() or ["en"])[0]


def cited_lang(res: Resource, lang: str) -> str:
    """On a page in `lang`, the version a reader would cite: the page's language when the
    resource has a file in it or no files at all, else the files' language."""
    return lang if not res.files or lang in res.file_langs() else original_lang(res)


def page_address(res: Resource, lang: str, site_url: str) -> str:
    if not site_url:
        return ""
    return f"{site_url.rstrip('/')}/{'' if lang == 'en' else lang + '/'}resources/{res.id}.html"


def citation_record(res: Resource, lang: str, publisher: dict[str, str], site_url: str = "") -> CitationRecord:
    """The record a page in `lang` cites. `publisher`: the bank's name in each language."""
    used = cited_lang(res, lang)
    titles = {code: getattr(res.title, code) for code in LANGS if getattr(res.title, code)}
    pdfs = [ref.path for ref in res.files if vocabularies()["formats"][ref.format]["mime"] == "application/pdf"]
    return CitationRecord(
        id=res.id, kind=TYPES.get(res.type, DEFAULT_TYPE), lang=used, title=res.title.get(used)[0], titles=titles,
        creators=creators(res, used), date=res.date, publisher=publisher[used],
        genre=label("types", res.type, used), languages=res.file_langs() or [used],
        licence=label("licences", res.licence, used), licence_url=LICENCE_URLS.get(res.licence, ""),
        url=page_address(res, used, site_url), pdf_paths=pdfs)
