"""Browse pages: one page per facet listing its terms, and one page per term listing
its resources."""

from __future__ import annotations

from ..catalogue.model import Catalogue, Resource
from ..catalogue.text import escape
from ..catalogue.vocab import label
from .page_parts import FACET_FIELD, FACETS, breadcrumbs, page_meta, term_page
from .rendered_page import RenderedPage, SearchEntry
from .resource_table import resource_table
from .ui import t


def browse_groups(catalogue: Catalogue, facet: str) -> dict[str, list[Resource]]:
    """Each term of `facet` that some resource has -> those resources."""
    fname = FACET_FIELD[facet]
    groups: dict[str, list[Resource]] = {}
    for res in catalogue.resources:
        values = getattr(res, fname)
        for value in values if isinstance(values, list) else [values]:
            groups.setdefault(value, []).append(res)
    return groups


def render_browse_page(groups: dict[str, list[Resource]], facet: str, lang: str) -> RenderedPage:
    """A facet's page: its terms (`browse_groups`), each with its count, leading to the term's page."""
    vocab = FACETS[facet]
    title = t(f"browse_{facet}_title", lang)
    order = sorted(groups, key=lambda term: label(vocab, term, lang).casefold())
    items = "".join(f'<li><a href="{term_page(facet, term)}.html">{escape(label(vocab, term, lang))}</a>'
                    f" ({len(groups[term])})</li>" for term in order)
    intro = t("browse_intro", lang)
    html = (f"<h1>{escape(title)}</h1>\n\n<p>{escape(intro)}</p>\n\n"
            f'<ul class="eucj-browse-toc">{items}</ul>\n')
    return RenderedPage(page_meta(title), html, search=[SearchEntry("", title, f"<p>{escape(intro)}</p>")])


def render_term_page(resources: list[Resource], facet: str, term: str, lang: str) -> RenderedPage:
    """The resources filed under one term, newest first (the same table as the catalogue)."""
    name = label(FACETS[facet], term, lang)
    facet_title = t(f"browse_{facet}_title", lang)
    intro = t("browse_term_intro", lang, term=name, count=len(resources))
    html = "\n\n".join([
        breadcrumbs([("../index.html", t("home", lang)), (f"{facet}.html", facet_title)], lang),
        f'<h1 id="{term}">{escape(name)}</h1>', f"<p>{escape(intro)}</p>", resource_table(resources, lang, "../"),
    ]) + "\n"
    # Indexed by its name, not by the titles it lists: their own pages index those.
    return RenderedPage(page_meta(f"{name} - {facet_title}"), html, search=[SearchEntry("", name, f"<p>{escape(intro)}</p>")])
