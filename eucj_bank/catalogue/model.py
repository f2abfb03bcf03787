"""The catalogue model: one typed description of a resource, strict about its keys.

`extra="forbid"` turns a misspelt key into an error instead of silence. The checks
that need the vocabularies or the file system live in `validate.py`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from .messages import _
from .vocab import FALLBACK, LANGS

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Term = NonEmpty  # membership of its vocabulary is checked in validate.py, with suggestions
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
DATE_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
DAY_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")  # 12.03.2018, as written in Kazakhstan


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Localized(Strict):
    """A text in English, Russian and Kazakh; any of them may be missing."""

    en: NonEmpty | None = None
    ru: NonEmpty | None = None
    kk: NonEmpty | None = None

    def get(self, lang: str) -> tuple[str, str]:
        """The text for `lang` and the language it is really in (a fallback if missing)."""
        for candidate in (lang, *FALLBACK[lang]):
            text = getattr(self, candidate)
            if text:
                return text, candidate
        return "", lang

    def missing(self) -> list[str]:
        return [lang for lang in LANGS if not getattr(self, lang)]


class Holder(Strict):
    agency: Term
    note: Localized | None = None


class FileRef(Strict):
    path: NonEmpty
    lang: NonEmpty
    format: Term
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] | None = None
    # The path of the file of this resource it translates (made for the bank): pages
    # and exports say it is a translation and that the original is authoritative.
    translation_of: NonEmpty | None = None


class Link(Strict):
    url: NonEmpty
    title: Localized


class Resource(Strict):
    id: Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]
    type: Term
    title: Localized
    summary: Localized
    date: str
    # The day the entry was added to the bank (not the document's date): "recently added"
    # on the home pages ranks by it. Optional, so the first import needs no invented dates.
    added: str | None = None
    agencies: Annotated[list[Term], Field(min_length=1)]
    component: Term | None = None
    activity: NonEmpty | None = None
    objective: Term | None = None
    topics: Annotated[list[Term], Field(min_length=1)]
    audience: Annotated[list[Term], Field(min_length=1)]
    authors: list[NonEmpty] = []
    licence: Term
    access: Literal["public", "internal"] = "public"
    availability: Term
    holder: Holder | None = None
    files: list[FileRef] = []
    links: list[Link] = []
    checklist: NonEmpty | None = None

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, value: object) -> object:
        # Unquoted YAML dates arrive as date objects and bare years as ints:
        # both convert to text without losing anything the editor wrote.
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, int) and 1000 <= value <= 9999:
            return str(value)
        if isinstance(value, str):
            match = DATE_PATTERN.fullmatch(value)
            written = DAY_MONTH_YEAR.fullmatch(value)
            if written:
                day, month, year = (int(g) for g in written.groups())
                try:
                    dt.date(year, month, day)
                except ValueError:
                    raise ValueError(_("{value} is not a real date ({reason})", value=value,
                                       reason=_date_reason(year, month, day))) from None
                raise ValueError(_("{value} is written day, month, year ({date})", value=repr(value),
                                   date=_("{day} {month_name} {year}", day=day, month_name=_month_name(month),
                                          year=year)))
            if not match:
                raise ValueError(_("{value} is not YYYY, YYYY-MM or YYYY-MM-DD", value=repr(value)))
            year, month, day = (int(g) if g else None for g in match.groups())
            try:
                dt.date(year, month or 1, day or 1)
            except ValueError:
                raise ValueError(_("{value} is not a real date ({reason})", value=value,
                                   reason=_date_reason(year, month or 1, day or 1))) from None
        return value

    @field_validator("added", mode="before")
    @classmethod
    def _added(cls, value: object) -> object:
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, str):
            if not DAY_PATTERN.fullmatch(value):
                raise ValueError(_("added must be a full date YYYY-MM-DD"))
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                year, month, day = (int(p) for p in value.split("-"))
                raise ValueError(_("{value} is not a real date ({reason})", value=value,
                                   reason=_date_reason(year, month, day))) from None
        return value

    @property
    def year(self) -> int:
        return int(self.date[:4])

    def file_langs(self) -> list[str]:
        return [lang for lang in LANGS if any(f.lang == lang for f in self.files)]


def _date_reason(year: int, month: int, day: int) -> str:
    if not 1 <= month <= 12:
        return _("there is no month {month}", month=month)
    if year < 1:
        return _("the year must be at least 1")
    return _("{month_name} has no day {day}", month_name=_month_name(month), day=day)


def _month_name(month: int) -> str:
    return (_("January"), _("February"), _("March"), _("April"), _("May"), _("June"), _("July"), _("August"),
            _("September"), _("October"), _("November"), _("December"))[month - 1]


class Catalogue(Strict):
    resources: list[Resource]

    def public(self) -> "Catalogue":
        """Every public resource. A build publishes what its profile selects
        (`BuildSession.catalogue`); this is for readers of the catalogue as a whole."""
        return Catalogue.model_construct(resources=[r for r in self.resources if r.access == "public"])
