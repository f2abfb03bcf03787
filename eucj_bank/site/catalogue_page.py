"""The catalogue page: every resource in one table, with the filter form above it."""

from __future__ import annotations

from ..catalogue.model import Catalogue
from ..catalogue.text import escape
from .catalogue_filters import DATA_FILE, SCRIPT, filter_form
from .page_parts import lang_dir, page_meta
from .rendered_page import RenderedPage, SearchEntry
from .resource_table import resource_table
from .ui import t


def render_catalogue_page(catalogue: Catalogue, lang: str) -> RenderedPage:
    title = t("catalogue_title", lang)
    intro = t("catalogue_intro", lang, count=len(catalogue.resources))
    html = "\n\n".join([
        f"<h1>{escape(title)}</h1>",
        f"<p>{escape(intro)}</p>",
        filter_form(catalogue, lang),
        resource_table(catalogue.resources, lang, ""),
    ]) + "\n"
    meta = page_meta(title, scripts=(lang_dir(lang) + DATA_FILE, SCRIPT))
    return RenderedPage(meta, html, search=[SearchEntry("", title, f"<p>{escape(intro)}</p>")])
