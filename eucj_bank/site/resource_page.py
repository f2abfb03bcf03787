"""A resource's page: title, summary, metadata, downloads, links, checklist, citation,
related resources and the resource's own Markdown text."""

from __future__ import annotations

import re
from pathlib import Path

from ..catalogue.model import Resource
from ..catalogue.names import author_names
from ..catalogue.text import escape, human_size, plain, summary_html
from ..catalogue.vocab import label
from ..open_data.citation_exports import FORMATS, cite_path
from ..open_data.linked_data import dublin_core, resource_jsonld, script_json
from ..open_data.scholar_meta import scholar_meta
from .checklists import SCRIPT as CHECKLIST_SCRIPT
from .checklists import render_checklist
from .citation import SCRIPT as CITATION_SCRIPT
from .citation import citation_box, publisher_names
from .page_parts import (
    SiteContext,
    breadcrumbs,
    localized,
    notice_box,
    page_meta,
    term_links,
    term_page,
    up_to_site_root,
)
from .reading_page import reading_href
from .rendered_page import RenderedPage, SearchEntry
from .resource_text import ResourceText, render_resource_text
from .ui import t


def render_resource_page(res: Resource, lang: str, ctx: SiteContext) -> RenderedPage:
    notices: list[str] = []
    title, title_lang = localized(res.title, lang, "title", notices)
    summary, summary_lang = localized(res.summary, lang, "summary", notices)
    up = "../"  # resource pages sit in resources/, one level below the language root
    site_up = up_to_site_root(lang, 1)
    scripts = (CHECKLIST_SCRIPT, CITATION_SCRIPT) if res.checklist else (CITATION_SCRIPT,)
    metadata = {"linked_data": script_json(resource_jsonld(res, lang, ctx.root)),
                "dublin_core": dublin_core(res, lang),
                "citation_meta": scholar_meta(res, lang, publisher_names(), ctx.site_url, site_up)}
    out = [_resource_breadcrumbs(res, lang, up), f'<h1 lang="{title_lang}">{escape(title)}</h1>']
    if res.access == "internal":
        out.append(notice_box("danger", label("access", "internal", lang), escape(t("internal_notice", lang))))
    for notice in notices:
        out.append(notice_box("info", label("languages", lang, lang), escape(notice)))
    out.append(f'<h2 id="summary">{escape(t("summary_heading", lang))}</h2>')
    out.append(f'<div class="eucj-summary" lang="{summary_lang}">{summary_html(summary)}</div>')
    out.append(_metadata_panel(res, lang, up))
    out.append(_downloads(res, lang, site_up, ctx))
    if res.links:
        out.append(_links(res, lang))
    # The last paragraph (identifier, file names) is searched but not shown: the search
    # worker drops it from the results (eucj_bank/search/search_worker.js).
    search = [SearchEntry("", title, summary_html(summary) + f"<p>{escape(_facts(res, lang))}</p>"
                          f"<p>{escape(_found_by(res))}</p>")]
    if res.checklist:
        checklist = render_checklist(ctx.root / res.checklist, lang, res.id)
        heading = t("checklist_heading", lang)
        out.append(f'<h2 id="checklist">{escape(heading)}</h2>')
        out.append(checklist)
        search.append(SearchEntry("checklist", heading, escape(_text_of(checklist))))
    out.append(citation_box(res, lang, ctx.site_url, {ext: site_up + cite_path(res.id, ext) for ext in FORMATS}))
    out.append(_related(ctx.related[res.id], lang))
    full_text = _inline_markdown(res, lang, ctx.root)
    text_heading = ("full-text", t("text_heading", lang))
    if full_text.html:
        out.append(f'<h2 id="{text_heading[0]}">{escape(text_heading[1])}</h2>')
    html = "\n\n".join(part for part in out if part) + "\n"
    return RenderedPage(page_meta(title, plain(summary)[:300], scripts, metadata), html, "", search,
                        text_heading, text_html=full_text.html, text_toc=full_text.toc)


def _facts(res: Resource, lang: str) -> str:
    """What a reader may search a resource by besides its title and summary, and see in
    the results: its type and date first, its terms in this language, authors, link titles."""
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
    facts += author_names(res, lang)
    facts += [link.title.get(lang)[0] for link in res.links]
    return " · ".join(facts)


def _found_by(res: Resource) -> str:
    """What a resource is found by but never shown as: its identifier and file names."""
    return " · ".join([res.id] + [Path(ref.path).name for ref in res.files])


def _text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _resource_breadcrumbs(res: Resource, lang: str, up: str) -> str:
    return breadcrumbs([(f"{up}index.html", t("home", lang)), (f"{up}catalogue.html", t("catalogue_title", lang)),
                         (f"{up}browse/{term_page('type', res.type)}.html", label("types", res.type, lang))], lang)


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
        ("field_type", term_links("types", "type", [res.type], lang, up)),
        ("field_date", escape(res.date)),
        ("field_agencies", term_links("agencies", "agency", res.agencies, lang, up)),
    ]
    if res.component:
        rows.append(("field_component", escape(label("components", res.component, lang))))
    if res.activity:
        rows.append(("field_activity", escape(res.activity)))
    if res.objective:
        rows.append(("field_objective", escape(label("objectives", res.objective, lang))))
    rows.append(("field_topics", term_links("topics", "topic", res.topics, lang, up)))
    rows.append(("field_audience", term_links("audiences", None, res.audience, lang, up)))
    if res.authors:
        rows.append(("field_authors", ", ".join(escape(a) for a in author_names(res, lang))))
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
            out.append(notice_box("note", label("availability", res.availability, lang),
                                   escape(t("not_in_bank_notice", lang) if res.availability != "in-bank"
                                          else t("downloads_none", lang))))
        else:  # the checklist itself is the resource, here on the page
            out.append(f'<p><a href="#checklist">{escape(t("checklist_on_page", lang))}</a></p>')
        return "\n".join(out)
    if lang not in res.file_langs():
        out.append(notice_box("info eucj-no-lang", t("no_file_in_language_title", lang),
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
                         f"{escape(name)}</a> <span class=\"eucj-file-meta\">{escape(text)}</span>"
                         f"{_reading(res, ref, lang, ctx)}{_translation_note(res, ref, lang)}</li>")
        out.append(f'<h3 id="files-{file_lang}">{escape(label("languages", file_lang, lang))}</h3>'
                   f'<ul class="eucj-downloads">{"".join(items)}</ul>')
    return "\n".join(out)


def _reading(res: Resource, ref, lang: str, ctx: SiteContext) -> str:
    """"Read online" beside a download, or why its text cannot be read on the site."""
    doc = ctx.texts.get(ref.path)
    if doc is None or doc.reason == "unsupported":
        return ""
    # no hreflang: the reading page is in the reader's language (only its text is in the file's)
    read = (f' · <a class="eucj-read-online" href="{reading_href(res, ref)}">'
            f'{escape(t("read_online", lang))}</a>')
    if doc.kind == "text":
        return read
    if doc.kind in ("scan", "ocr"):
        return f'{read}<br><span class="eucj-scan-label">{escape(t(f"{doc.kind}_label", lang))}</span>'
    reason = t(f"reason_{doc.reason}", lang)
    return (f'<br><span class="eucj-text-unreadable">'
            f'{escape(t("text_unreadable", lang, name=Path(ref.path).name, reason=reason))}</span>')


def _translation_note(res: Resource, ref, lang: str) -> str:
    if not ref.translation_of:
        return ""
    original = next(f for f in res.files if f.path == ref.translation_of)  # validated
    note = t("translation_label", lang, language=label("languages", original.lang, lang),
             name=Path(original.path).name)
    return f'<br><span class="eucj-translation-note">{escape(note)}</span>'


def _links(res: Resource, lang: str) -> str:
    items = []
    for link in res.links:
        text, used = link.title.get(lang)
        items.append(f'<li><a href="{escape(link.url)}" rel="noopener" lang="{used}">{escape(text)}</a></li>')
    return f'<h2 id="links">{escape(t("links_heading", lang))}</h2><ul>{"".join(items)}</ul>'


def _inline_markdown(res: Resource, lang: str, root: Path) -> ResourceText:
    """The Markdown file of this language, rendered as data and shown on the page (the
    validator has checked that it is UTF-8 inside the repository)."""
    for ref in res.files:
        if ref.lang == lang and ref.format == "md":
            return render_resource_text((root / ref.path).read_text(encoding="utf-8"))
    return ResourceText("", [])
