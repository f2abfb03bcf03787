"""Render the generated pages (resource, catalogue, browse) as Markdown source.

Every catalogue value goes through `escape` (titles, names) or `summary_html`
(summaries): what an editor typed is shown as text, never run as markup. Links
between generated pages are relative, so the site works under any sub-path and
from disk; downloads live once at the site root under files/, shared by all
three languages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .catalogue_filters import DATA_FILE, SCRIPT, filter_form
from .checklists import SCRIPT as CHECKLIST_SCRIPT
from .checklists import render_checklist
from .citation import citation
from .linked_data import dublin_core, resource_jsonld, script_json
from .model import Catalogue, Localized, Resource
from .related import related_index
from .rendered_page import RenderedPage, SearchEntry
from .text import escape, human_size, plain, summary_html
from .ui import t
from .vocab import DEFAULT_LANG, label

FACETS = {"type": "types", "topic": "topics", "agency": "agencies"}
_FACET_FIELD = {"type": "type", "topic": "topics", "agency": "agencies"}


@dataclass(frozen=True)
class SiteContext:
    """What a page needs to know beyond its resource."""

    root: Path  # repository root: resource files are read from here
    catalogue: Catalogue
    site_url: str = ""  # the site's public address, when configured (mkdocs `site_url`)

    @cached_property
    def related(self) -> dict[str, list[Resource]]:
        return related_index(self.catalogue)

    def page_url(self, lang: str, res: Resource) -> str:
        if not self.site_url:
            return ""
        return f"{self.site_url.rstrip('/')}/{_lang_dir(lang)}resources/{res.id}.html"


def page_path(kind: str, lang: str, key: str = "") -> str:
    """The docs-relative source path of a generated page (as static-i18n expects)."""
    name = {"resource": f"resources/{key}.md", "catalogue": "catalogue.md", "browse": f"browse/{key}.md",
            "term": f"browse/{key}.md"}[kind]
    return f"{lang}/{name}"


def _lang_dir(lang: str) -> str:
    """A language's folder from the site root: "" for English, "ru/", "kk/"."""
    return "" if lang == DEFAULT_LANG else f"{lang}/"


def _up(lang: str, depth: int) -> str:
    """From a page `depth` folders below its language root, the way up to the site root."""
    return "../" * (depth + (lang != DEFAULT_LANG))


def _meta(title: str, description: str = "", scripts: tuple[str, ...] = (), extra: dict | None = None) -> dict:
    """`scripts`: site-root-relative paths the page loads after Material's own
    (overrides/main.html), so a page's script is loaded by that page only."""
    meta: dict = {"title": title}
    if description:
        meta["description"] = description
    if scripts:
        meta["scripts"] = list(scripts)
    return {**meta, **(extra or {})}


def _notice(kind: str, title: str, body: str, lang: str | None = None) -> str:
    lang_attr = f' lang="{lang}"' if lang else ""
    return (f'<div class="admonition {kind}"><p class="admonition-title">{escape(title)}</p>'
            f"<p{lang_attr}>{body}</p></div>")


def _localized(text: Localized, lang: str, field: str, notices: list[str]) -> tuple[str, str]:
    value, used = text.get(lang)
    if used != lang:
        notices.append(t("fallback_notice", lang, field=t(f"fallback_field_{field}", lang),
                         shown=label("languages", used, lang)))
    return value, used


def resource_title(res: Resource, lang: str) -> str:
    return res.title.get(lang)[0]


def _term_links(vocab: str, facet: str | None, values: list[str], lang: str, up: str) -> str:
    items = []
    for value in values:
        text = escape(label(vocab, value, lang))
        items.append(f'<a href="{up}browse/{term_page(facet, value)}.html">{text}</a>' if facet else text)
    return ", ".join(items)


def render_resource_page(res: Resource, lang: str, ctx: SiteContext) -> RenderedPage:
    notices: list[str] = []
    title, title_lang = _localized(res.title, lang, "title", notices)
    summary, summary_lang = _localized(res.summary, lang, "summary", notices)
    up = "../"  # resource pages sit in resources/, one level below the language root
    site_up = _up(lang, 1)
    scripts = (CHECKLIST_SCRIPT,) if res.checklist else ()
    metadata = {"linked_data": script_json(resource_jsonld(res, lang, ctx.root)),
                "dublin_core": dublin_core(res, lang)}
    out = [_resource_breadcrumbs(res, lang, up), f'<h1 lang="{title_lang}">{escape(title)}</h1>']
    if res.access == "internal":
        out.append(_notice("danger", label("access", "internal", lang), escape(t("internal_notice", lang))))
    for notice in notices:
        out.append(_notice("info", label("languages", lang, lang), escape(notice)))
    out.append(f'<h2 id="summary">{escape(t("summary_heading", lang))}</h2>')
    out.append(f'<div class="eucj-summary" lang="{summary_lang}">{summary_html(summary)}</div>')
    out.append(_metadata_panel(res, lang, up))
    out.append(_downloads(res, lang, site_up, ctx))
    if res.links:
        out.append(_links(res, lang))
    search = [SearchEntry("", title, summary_html(summary) + f"<p>{escape(_facts(res, lang))}</p>")]
    if res.checklist:
        checklist = render_checklist(ctx.root / res.checklist, lang, res.id)
        heading = t("checklist_heading", lang)
        out.append(f'<h2 id="checklist">{escape(heading)}</h2>')
        out.append(checklist)
        search.append(SearchEntry("checklist", heading, escape(_text_of(checklist))))
    out.append(_citation(res, lang, ctx))
    out.append(_related(ctx.related[res.id], lang))
    full_text = _inline_markdown(res, lang, ctx.root)
    text_heading = ("full-text", t("text_heading", lang))
    if full_text:
        out.append(f'<h2 id="{text_heading[0]}">{escape(text_heading[1])}</h2>')
    html = "\n\n".join(part for part in out if part) + "\n"
    return RenderedPage(_meta(title, plain(summary)[:300], scripts, metadata), html, full_text, search,
                        text_heading)


def _facts(res: Resource, lang: str) -> str:
    """What a reader may search a resource by besides its title and summary: its terms
    in this language, date, authors, identifier, file names and link titles."""
    facts = [label("types", res.type, lang), res.date]
    facts += [label("agencies", a, lang) for a in res.agencies]
    facts += [label("topics", topic, lang) for topic in res.topics]
    facts += [label("audiences", a, lang) for a in res.audience]
    if res.component:
        facts.append(label("components", res.component, lang))
    if res.objective:
        facts.append(label("objectives", res.objective, lang))
    if res.activity:
        facts.append(res.activity)
    facts += res.authors or []
    facts.append(res.id)
    facts += [Path(ref.path).name for ref in res.files]
    facts += [link.title.get(lang)[0] for link in res.links]
    return " · ".join(facts)


def _text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _breadcrumbs(steps: list[tuple[str, str]], lang: str) -> str:
    """The trail of (link, text) steps above a page's title."""
    items = "".join(f'<li><a href="{href}">{escape(text)}</a></li>' for href, text in steps)
    return f'<nav class="eucj-breadcrumbs" aria-label="{escape(t("breadcrumbs_label", lang))}"><ol>{items}</ol></nav>'


def _resource_breadcrumbs(res: Resource, lang: str, up: str) -> str:
    return _breadcrumbs([(f"{up}index.html", t("home", lang)), (f"{up}catalogue.html", t("catalogue_title", lang)),
                         (f"{up}browse/{term_page('type', res.type)}.html", label("types", res.type, lang))], lang)


def _citation(res: Resource, lang: str, ctx: SiteContext) -> str:
    # Material's clipboard integration copies the target's text for any element with
    # data-clipboard-target and says so in the page's language (its "clipboard.copied").
    text = citation(res, lang, ctx.page_url(lang, res))
    return (f'<h2 id="cite">{escape(t("cite_heading", lang))}</h2>'
            f'<div class="eucj-citation"><p id="citation-text">{escape(text)}</p>'
            f'<button type="button" class="md-button" data-clipboard-target="#citation-text">'
            f'{escape(t("cite_copy", lang))}</button></div>')


def _related(resources: list[Resource], lang: str) -> str:
    if not resources:
        return ""
    items = []
    for other in resources:
        title, used = other.title.get(lang)
        items.append(f'<li><a href="{other.id}.html" lang="{used}">{escape(title)}</a> '
                     f'<span class="eucj-file-meta">{escape(label("types", other.type, lang))} · '
                     f'{escape(other.date)}</span></li>')
    return f'<h2 id="related">{escape(t("related_heading", lang))}</h2><ul class="eucj-related">{"".join(items)}</ul>'


def _metadata_panel(res: Resource, lang: str, up: str) -> str:
    rows: list[tuple[str, str]] = [
        ("field_type", _term_links("types", "type", [res.type], lang, up)),
        ("field_date", escape(res.date)),
        ("field_agencies", _term_links("agencies", "agency", res.agencies, lang, up)),
    ]
    if res.component:
        rows.append(("field_component", escape(label("components", res.component, lang))))
    if res.activity:
        rows.append(("field_activity", escape(res.activity)))
    if res.objective:
        rows.append(("field_objective", escape(label("objectives", res.objective, lang))))
    rows.append(("field_topics", _term_links("topics", "topic", res.topics, lang, up)))
    rows.append(("field_audience", _term_links("audiences", None, res.audience, lang, up)))
    if res.authors:
        rows.append(("field_authors", ", ".join(escape(a) for a in res.authors)))
    rows.append(("field_licence", escape(label("licences", res.licence, lang))))
    rows.append(("field_availability", escape(label("availability", res.availability, lang))))
    if res.holder:
        holder = escape(label("agencies", res.holder.agency, lang))
        if res.holder.note:
            note, used = res.holder.note.get(lang)
            holder += f'<br><span lang="{used}">{escape(note)}</span>'
        rows.append(("field_holder", holder))
    rows.append(("field_id", f"<code>{escape(res.id)}</code>"))
    body = "".join(f"<dt>{escape(t(key, lang))}</dt><dd>{value}</dd>" for key, value in rows)
    return (f'<section class="eucj-meta-panel" aria-labelledby="about-resource">'
            f'<h2 id="about-resource">{escape(t("meta_heading", lang))}</h2>'
            f'<dl class="eucj-meta">{body}</dl></section>')


def _downloads(res: Resource, lang: str, site_up: str, ctx: SiteContext) -> str:
    out = [f'<h2 id="downloads">{escape(t("downloads_heading", lang))}</h2>']
    if not res.files:
        if not res.checklist:
            out.append(_notice("note", label("availability", res.availability, lang),
                               escape(t("not_in_bank_notice", lang) if res.availability != "in-bank"
                                      else t("downloads_none", lang))))
        else:
            out.append(f"<p>{escape(t('downloads_none', lang))}</p>")
        return "\n".join(out)
    if lang not in res.file_langs():
        out.append(_notice("info eucj-no-lang", t("no_file_in_language_title", lang),
                           escape(t("no_file_in_language", lang))))
    units = t("size_units", lang)
    for file_lang in sorted(res.file_langs(), key=lambda code: code != lang):
        items = []
        for ref in (f for f in res.files if f.lang == file_lang):
            size = (ctx.root / ref.path).stat().st_size
            text = t("download_label", lang, language=label("languages", file_lang, lang),
                     format=label("formats", ref.format, lang), size=human_size(size, units))
            name = Path(ref.path).name
            # data-url: the address printed after the link on paper (eucj.css).
            where = f"{ctx.site_url.rstrip('/')}/{ref.path}" if ctx.site_url else ref.path
            items.append(f'<li><a href="{site_up}{escape(ref.path)}" download hreflang="{file_lang}"'
                         f' data-url="{escape(where)}">'
                         f"{escape(name)}</a> <span class=\"eucj-file-meta\">{escape(text)}</span></li>")
        out.append(f'<h3 id="files-{file_lang}">{escape(label("languages", file_lang, lang))}</h3>'
                   f'<ul class="eucj-downloads">{"".join(items)}</ul>')
    return "\n".join(out)


def _links(res: Resource, lang: str) -> str:
    items = []
    for link in res.links:
        text, used = link.title.get(lang)
        items.append(f'<li><a href="{escape(link.url)}" rel="noopener" lang="{used}">{escape(text)}</a></li>')
    return f'<h2 id="links">{escape(t("links_heading", lang))}</h2><ul>{"".join(items)}</ul>'


def _inline_markdown(res: Resource, lang: str, root: Path) -> str:
    """The Markdown file of this language, shown on the page (headings pushed below h2)."""
    for ref in res.files:
        if ref.lang == lang and ref.format == "md":
            text = (root / ref.path).read_text(encoding="utf-8")
            return re.sub(r"^(#{1,4}) ", lambda m: "#" * (len(m.group(1)) + 2) + " ", text, flags=re.M)
    return ""


def _sorted(resources: list[Resource], lang: str) -> list[Resource]:
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


def _table(resources: list[Resource], lang: str, up: str) -> str:
    head = "".join(f"<th>{escape(t(k, lang))}</th>"
                   for k in ("col_title", "col_type", "col_date", "col_languages", "col_availability"))
    rows = "".join(_row(r, lang, up) for r in _sorted(resources, lang))
    return f'<table class="eucj-catalogue"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def render_catalogue_page(catalogue: Catalogue, lang: str) -> RenderedPage:
    title = t("catalogue_title", lang)
    intro = t("catalogue_intro", lang, count=len(catalogue.resources))
    html = "\n\n".join([
        f"<h1>{escape(title)}</h1>",
        f"<p>{escape(intro)}</p>",
        filter_form(catalogue, lang),
        _table(catalogue.resources, lang, ""),
    ]) + "\n"
    meta = _meta(title, scripts=(_lang_dir(lang) + DATA_FILE, SCRIPT))
    return RenderedPage(meta, html, search=[SearchEntry("", title, f"<p>{escape(intro)}</p>")])


def term_page(facet: str, term: str) -> str:
    """The name of the browse page of one term (browse/topic-probation.html): one page
    per term, so that no page grows with the whole bank (a page listing every topic's
    resources weighed 1.7 MB at 1,000 resources)."""
    return f"{facet}-{term}"


def browse_groups(catalogue: Catalogue, facet: str) -> dict[str, list[Resource]]:
    """Each term of `facet` that some resource has -> those resources."""
    fname = _FACET_FIELD[facet]
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
    return RenderedPage(_meta(title), html, search=[SearchEntry("", title, f"<p>{escape(intro)}</p>")])


def render_term_page(resources: list[Resource], facet: str, term: str, lang: str) -> RenderedPage:
    """The resources filed under one term, newest first (the same table as the catalogue)."""
    name = label(FACETS[facet], term, lang)
    facet_title = t(f"browse_{facet}_title", lang)
    intro = t("browse_term_intro", lang, term=name, count=len(resources))
    html = "\n\n".join([
        _breadcrumbs([("../index.html", t("home", lang)), (f"{facet}.html", facet_title)], lang),
        f'<h1 id="{term}">{escape(name)}</h1>', f"<p>{escape(intro)}</p>", _table(resources, lang, "../"),
    ]) + "\n"
    # Indexed by its name, not by the titles it lists: their own pages index those.
    return RenderedPage(_meta(f"{name} - {facet_title}"), html, search=[SearchEntry("", name, f"<p>{escape(intro)}</p>")])
