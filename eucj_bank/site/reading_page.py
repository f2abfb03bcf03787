"""A document's reading page: its text on the site, in the file's language (`lang` on
the text's container) inside a page of the reader's UI language; a contents list
from its headings, page numbers for a PDF, word count and reading time, a link to the
original file, and a print stylesheet (eucj-reading.css) that prints the text alone.

The text was extracted and sanitised by eucj_bank.documents; its blocks carry ids
`t-N`, which the contents list and the full-text search link to. The page is not in
Material's search index: the full-text shards index it (eucj_bank/search/fulltext.py).

Reading pages are not MkDocs pages. At 1,000 resources x 3 files x 3 UI languages they
would be 9,000 more pages through Material's templates (some 5 ms each: 45 s, when the
whole bank built in 16.6 s). All of them sit in read/ and differ only in title,
description, address and body, so MkDocs renders one shell page per language with
markers in those places (`shell_page`) and the build fills it in for each file
(`write_reading_pages`), before the sitemaps and the manifest are written.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..catalogue.model import FileRef, Resource
from ..catalogue.text import escape
from ..catalogue.vocab import label
from ..documents.library import reading_key
from .page_parts import SiteContext, breadcrumbs, notice_box, page_meta, up_to_site_root
from .rendered_page import RenderedPage
from .ui import t

STYLE = "assets/stylesheets/eucj-reading.css"
SHELL_KEY = "eucj-reading-shell"
_TITLE, _DESCRIPTION, _BODY = "EUCJREADINGSHELLTITLE", "EUCJREADINGSHELLDESCRIPTION", "<!--EUCJREADINGSHELLBODY-->"
_HEADING_TAG = re.compile(r"<(/?)h([1-6])\b")


def reading_href(res: Resource, ref: FileRef) -> str:
    """The reading page, from a page one folder below a language root."""
    return f"../read/{reading_key(res, ref)}.html"


def render_reading_page(res: Resource, ref: FileRef, lang: str, ctx: SiteContext) -> RenderedPage:
    doc = ctx.texts[ref.path]
    title, title_lang = res.title.get(ref.lang)
    site_up = up_to_site_root(lang, 1)
    name = Path(ref.path).name
    fmt = label("formats", ref.format, lang)
    language = label("languages", ref.lang, lang)
    out = [breadcrumbs([("../index.html", t("home", lang)), ("../catalogue.html", t("catalogue_title", lang)),
                        (f"../resources/{res.id}.html", res.title.get(lang)[0])], lang),
           f'<h1 lang="{title_lang}">{escape(title)}</h1>']
    facts = [language, fmt]
    if doc.readable:
        facts.append(t("reading_facts", lang, words=f"{doc.words:,}".replace(",", "\u00a0"), minutes=doc.minutes))
    out.append(f'<p class="eucj-reading-facts">{escape(" · ".join(facts))}</p>')
    if ref.translation_of:
        original = next(f for f in res.files if f.path == ref.translation_of)
        note = t("translation_label", lang, language=label("languages", original.lang, lang),
                 name=Path(original.path).name)
        out.append(f'<p class="eucj-translation-note">{escape(note)}</p>')
    out.append(f'<p class="eucj-reading-links"><a href="{site_up}{escape(ref.path)}" download hreflang="{ref.lang}">'
               f'{escape(t("download_original", lang))}</a> ({escape(name)}) · '
               f'<a href="../resources/{res.id}.html">{escape(t("reading_back", lang))}</a></p>')
    if doc.kind == "scan":
        out.append(notice_box("warning eucj-scan", t("scan_label", lang), escape(t("scan_body", lang))))
    elif doc.kind == "ocr":
        out.append(notice_box("info eucj-ocr", t("ocr_label", lang), escape(t("ocr_body", lang))))
    if doc.readable and doc.headings:
        items = "".join(f'<li class="eucj-toc-{min(level, 3)}"><a href="#{anchor}">{escape(text)}</a></li>'
                        for level, anchor, text in doc.headings)
        out.append(f'<nav class="eucj-contents" aria-labelledby="reading-contents">'
                   f'<h2 id="reading-contents">{escape(t("reading_contents", lang))}</h2>'
                   f'<ol lang="{ref.lang}">{items}</ol></nav>')
    if doc.readable:
        body = []
        for number, page in enumerate(doc.pages, 1):
            if doc.paged:
                body.append(f'<p class="eucj-page-number" id="page-{number}" lang="{lang}">'
                            f'{escape(t("reading_page_label", lang, number=number))}</p>')
            body.append(_demote(page))
        out.append(f'<article class="eucj-document" lang="{ref.lang}" '
                   f'aria-label="{escape(t("reading_text_label", lang))}">{"".join(body)}</article>')
    html = "\n".join(out) + "\n"
    description = f"{title} — {language}, {fmt}"
    return RenderedPage(page_meta(title, description, extra={"styles": [STYLE]}), html)


def _demote(fragment: str) -> str:
    """The document's headings go one level below the page's h1."""
    return _HEADING_TAG.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + 1, 6)}", fragment)


def shell_page(lang: str) -> RenderedPage:
    """The page MkDocs renders once per language, with markers for what each reading
    page fills in (plain ASCII, so no escaping changes them)."""
    return RenderedPage(page_meta(_TITLE, _DESCRIPTION, extra={"styles": [STYLE]}), _BODY)


def write_reading_pages(language_root: Path, lang: str, ctx: SiteContext) -> int:
    """Fill the language's shell for every document with a reading page; remove the
    shell. Returns the number of pages written."""
    shell_path = language_root / "read" / f"{SHELL_KEY}.html"
    if not shell_path.is_file():
        return 0
    shell = shell_path.read_text(encoding="utf-8")
    written = 0
    for res, ref in ((res, ref) for res in ctx.catalogue.resources for ref in res.files):
        doc = ctx.texts.get(ref.path)
        if doc is None or not (doc.readable or doc.kind == "scan"):
            continue
        page = render_reading_page(res, ref, lang, ctx)
        key = reading_key(res, ref)
        # the address first: no text filled in can then be taken for the marker
        html = (shell.replace(SHELL_KEY, key).replace(_TITLE, escape(page.meta["title"]))
                .replace(_DESCRIPTION, escape(page.meta["description"])).replace(_BODY, page.html))
        (shell_path.parent / f"{key}.html").write_text(html, encoding="utf-8")
        written += 1
    shell_path.unlink()
    return written
