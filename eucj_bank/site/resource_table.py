"""The table of resources that the catalogue and each term's page show."""

from __future__ import annotations

from ..catalogue.model import Resource
from ..catalogue.text import escape
from ..catalogue.vocab import label
from .page_parts import resource_title
from .ui import t


def newest_first(resources: list[Resource], lang: str) -> list[Resource]:
    """Newest first; on the same date by title, A to Z (the filter script's default order)."""
    by_title = sorted(resources, key=lambda r: resource_title(r, lang).casefold())
    return sorted(by_title, key=lambda r: r.date, reverse=True)


def _row(res: Resource, lang: str, up: str) -> str:
    title, used = res.title.get(lang)
    # Each language leads straight to that language's downloads on the resource page.
    langs = ", ".join(f'<a href="{up}resources/{res.id}.html#files-{code}">{escape(label("languages", code, lang))}</a>'
                      for code in res.file_langs()) or "—"
    return (f'<tr data-id="{res.id}"><td><a href="{up}resources/{res.id}.html" lang="{used}">{escape(title)}</a></td>'
            f"<td>{escape(label('types', res.type, lang))}</td><td>{escape(res.date)}</td>"
            f"<td>{langs}</td><td>{escape(label('availability', res.availability, lang))}</td></tr>")


def resource_table(resources: list[Resource], lang: str, up: str) -> str:
    head = "".join(f"<th>{escape(t(k, lang))}</th>"
                   for k in ("col_title", "col_type", "col_date", "col_languages", "col_availability"))
    rows = "".join(_row(r, lang, up) for r in newest_first(resources, lang))
    return f'<table class="eucj-catalogue"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
