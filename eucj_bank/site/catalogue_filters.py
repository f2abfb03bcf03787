"""The catalogue page's filters: the form (rendered here) and the data file it reads.

The page keeps its complete static table, which is all a reader without JavaScript
gets (a <noscript> stylesheet in overrides/main.html hides the form from them). The form is
rendered in its final layout, counts and status included, with every label from
ui_strings.yaml and vocabularies.yaml, so nothing moves when the script starts (a form
revealed by script above the table made Lighthouse measure a layout shift of 0.65);
overrides/assets/javascripts/eucj-catalogue.js counts, filters and sorts the table's
rows, and reads each resource's facet values and text from `catalogue-data.js` beside
the page. A <script> file, not JSON: over file://
Chromium refuses to fetch local files, but loads scripts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..catalogue.collation import sorted_by_name
from ..catalogue.model import Catalogue, Resource
from ..catalogue.names import author_names
from ..catalogue.text import escape
from ..catalogue.vocab import LANGS, label
from .data_scripts import data_script, write_language_scripts
from .ui import t

DATA_FILE = "catalogue-data.js"
SCRIPT = "assets/javascripts/eucj-catalogue.js"
DATA_GLOBAL = "EUCJ_CATALOGUE"


@dataclass(frozen=True)
class Facet:
    key: str  # name in the URL and the data file
    heading: str  # ui_strings key of its heading
    values: Callable[[Resource], list[str]]
    vocab: str | None  # where its labels come from; None: the value is its own label


FACETS = (
    Facet("type", "field_type", lambda r: [r.type], "types"),
    Facet("topic", "field_topics", lambda r: list(r.topics), "topics"),
    Facet("agency", "field_agencies", lambda r: list(r.agencies), "agencies"),
    Facet("audience", "field_audience", lambda r: list(r.audience), "audiences"),
    Facet("language", "facet_language", lambda r: r.file_langs(), "languages"),
    Facet("year", "facet_year", lambda r: [str(r.year)], None),
)
# Opened at first: the facets a reader reaches for first; the others open on demand
# (and whenever the URL selects one of their values).
OPEN_FACETS = {"type", "topic"}


def _ordered(facet: Facet, values: set[str], lang: str) -> list[str]:
    if facet.key == "language":
        return [code for code in LANGS if code in values]
    if facet.vocab is None:
        return sorted(values, reverse=True)  # years, newest first
    return sorted_by_name(values, lang, lambda v: label(facet.vocab, v, lang))


def _value_label(facet: Facet, value: str, lang: str) -> str:
    return label(facet.vocab, value, lang) if facet.vocab else value


def filter_form(catalogue: Catalogue, lang: str) -> str:
    """The filter form, as the script will show it with nothing ticked."""
    fieldsets = []
    for facet in FACETS:
        counts = Counter(v for res in catalogue.resources for v in facet.values(res))
        present = set(counts)
        heading = escape(t(facet.heading, lang))
        boxes = "".join(
            f'<label class="eucj-facet__option"><input type="checkbox" name="{facet.key}" value="{escape(v)}">'
            f' <span class="eucj-facet__label">{escape(_value_label(facet, v, lang))}</span>'
            f' <span class="eucj-facet__count">({counts[v]})</span></label>'
            for v in _ordered(facet, present, lang))
        opened = " open" if facet.key in OPEN_FACETS else ""
        fieldsets.append(
            f'<details class="eucj-facet" data-facet="{facet.key}"{opened}><summary>{heading}</summary>'
            f'<fieldset><legend class="eucj-sr-only">{heading}</legend>{boxes}</fieldset></details>')
    total = len(catalogue.resources)
    status = t("filter_status", lang, shown=total, total=total)
    sorts = "".join(f'<option value="{key}">{escape(t(f"sort_{key}", lang))}</option>' for key in ("newest", "title"))
    return (
        f'<form class="eucj-filters" id="eucj-filters" role="search"'
        f' aria-label="{escape(t("filter_heading", lang))}">'
        '<div class="eucj-filters__bar">'
        f'<span class="eucj-filters__field"><label for="eucj-filter-q">{escape(t("filter_text", lang))}</label>'
        '<input type="search" id="eucj-filter-q" name="q" autocomplete="off"></span>'
        f'<span class="eucj-filters__field"><label for="eucj-filter-sort">{escape(t("filter_sort", lang))}</label>'
        f'<select id="eucj-filter-sort" name="sort">{sorts}</select></span>'
        f'<button type="reset" class="md-button">{escape(t("filter_clear", lang))}</button>'
        "</div>"
        f'<div class="eucj-facets">{"".join(fieldsets)}</div>'
        f'<p class="eucj-filters__status" id="eucj-filter-status" role="status">{escape(status)}</p>'
        f'<p class="eucj-filters__none" id="eucj-filter-none" hidden>{escape(t("filter_none", lang))}</p>'
        "</form>")


def catalogue_data(catalogue: Catalogue, lang: str) -> dict:
    """What the filter script needs: per resource its facet values, date, title and other words."""
    resources = []
    for res in catalogue.resources:
        title = res.title.get(lang)[0]
        # Not the summaries: at 1,000 resources they made the file 1.4 MB of Russian text
        # (scripts/benchmark_catalogue.py); finding words anywhere is the site search's job.
        # The script adds the title and the facet labels itself.
        words = [res.id, res.activity or "", *author_names(res, lang)]
        resources.append({
            "id": res.id, "title": title, "date": res.date,
            "text": " ".join(w for w in words if w),
            **{facet.key: facet.values(res) for facet in FACETS},
        })
    return {
        "lang": lang,
        "facets": [facet.key for facet in FACETS],
        "strings": {key: t(key, lang) for key in ("filter_status",)},
        "resources": resources,
    }


def catalogue_data_script(catalogue: Catalogue, lang: str) -> str:
    return data_script(DATA_GLOBAL, catalogue_data(catalogue, lang))


def write_catalogue_data(site_dir: Path, catalogue: Catalogue) -> None:
    """Write each language's data file at its language root, beside catalogue.html."""
    write_language_scripts(site_dir, DATA_FILE, lambda lang: catalogue_data_script(catalogue, lang))
