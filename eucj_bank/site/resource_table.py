"""The table of resources that the catalogue and each term's page show."""

from __future__ import annotations

from ..catalogue.collation import sorted_by_name
from ..catalogue.model import Resource
from ..catalogue.text import escape
from ..catalogue.vocab import label
from .page_parts import resource_title
from .ui import t


def newest_first(resources: list[Resource], lang: str) -> list[Resource]:
    """Newest first; on the same date by title, A to Z (the filter script's default order)."""
    by_title = sorted_by_name(resources, lang, lambda r: resource_title(r, lang))
    return sorted(by_title, key=lambda r: r.date, reverse=True)


COLUMNS = ("col_title", "col_type", "col_date", "col_languages", "col_availability")


def _row(res: Resource, lang: str, up: str, names: list[str]) -> str:
    title, used = res.title.get(lang)
    # Each language leads straight to that language's downloads on the resource page;
    # a language name or a date is one unbreakable word (eucj-nowrap), at any width.
    langs = ", ".join(f'<a class="eucj-nowrap" href="{up}resources/{res.id}.html#files-{code}">'
                      f'{escape(label("languages", code, lang))}</a>' for code in res.file_langs()) or "—"
    cells = (f'<a href="{up}resources/{res.id}.html" lang="{used}">{escape(title)}</a>',
             escape(label("types", res.type, lang)), f'<span class="eucj-nowrap">{escape(res.date)}</span>',
             langs, escape(label("availability", res.availability, lang)))
    # On a phone the table is stacked: each cell on its own line, after its column's name
    # (data-label, shown by eucj.css), so nothing is squeezed into a 30 px column.
    tds = "".join(f'<td data-label="{name}">{cell}</td>' for name, cell in zip(names, cells))
    return f'<tr data-id="{res.id}">{tds}</tr>'


def resource_table(resources: list[Resource], lang: str, up: str) -> str:
    names = [escape(t(k, lang)) for k in COLUMNS]
    head = "".join(f'<th scope="col">{name}</th>' for name in names)
    rows = "".join(_row(r, lang, up, names) for r in newest_first(resources, lang))
    return f'<table class="eucj-catalogue"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
