"""A document's reading page, in the reader's UI language: its title, word count and
reading time, a link to the original file and to the text alone (to print), a contents
list from its headings, and the text itself in an `<iframe>` of its one stored copy,
`texts/<key>.html`, a page in the file's language (eucj_bank/site/text_document.py says
why the text is not in this page). The contents list's links open the passage in the
frame by its name, without script; with script, eucj-reading.js grows the frame to
the text's height (one scroll bar) and scrolls this page to a passage, also the one
named in this page's own address (`read/<key>.html#t-N`, where full-text results link).

The text was extracted and sanitised by eucj_bank.documents; its blocks carry ids
`t-N`. The page is not in Material's search index: the full-text shards index the
text (eucj_bank/search/fulltext.py).

Reading pages are not MkDocs pages. At 1,000 resources x 3 files x 3 UI languages they
would be 9,000 more pages through Material's templates (some 5 ms each: 45 s, when the
whole bank built in 16.6 s). All of them sit in read/ and differ only in title,
description, address and body, so MkDocs renders one shell page per language with
markers in those places (`shell_page`) and the build fills it in for each file
(`write_reading_pages`), before the sitemaps and the manifest are written.
"""

from __future__ import annotations

from pathlib import Path

from ..catalogue.model import FileRef, Resource
from ..catalogue.text import escape
from ..catalogue.vocab import label
from ..documents.library import reading_key
from .page_parts import SiteContext, breadcrumbs, notice_box, page_meta, up_to_site_root
from .page_store import PageStore
from .rendered_page import RenderedPage
from .text_document import text_path
from .ui import t

STYLE = "assets/stylesheets/eucj-reading.css"
SHELL_KEY = "eucj-reading-shell"
# The body's marker is an <h1>: Material's partials/content.html adds `<h1>{{ page.title }}</h1>`
# to a page whose content has none, and the filled-in body brings its own (the title twice).
_TITLE, _DESCRIPTION, _BODY = "EUCJREADINGSHELLTITLE", "EUCJREADINGSHELLDESCRIPTION", "<h1>EUCJREADINGSHELLBODY</h1>"
SCRIPTS = ("assets/javascripts/eucj-reading.js",)
FRAME = "eucj-text"


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
    alone = (f'<a href="{site_up}{text_path(res, ref)}" hreflang="{ref.lang}">{escape(t("reading_text_alone", lang))}'
             f'</a> · ' if doc.readable else "")
    out.append(f'<p class="eucj-reading-links"><a href="{site_up}{escape(ref.path)}" download hreflang="{ref.lang}">'
               f'{escape(t("download_original", lang))}</a> ({escape(name)}) · {alone}'
               f'<a href="../resources/{res.id}.html">{escape(t("reading_back", lang))}</a></p>')
    if doc.kind == "scan":
        out.append(notice_box("warning eucj-scan", t("scan_label", lang), escape(t("scan_body", lang))))
    elif doc.kind == "ocr":
        out.append(notice_box("info eucj-ocr", t("ocr_label", lang), escape(t("ocr_body", lang))))
    if doc.readable:
        text = f"{site_up}{text_path(res, ref)}"
        if doc.headings:
            # links into the text's own page, opened in its frame (no script needed)
            items = "".join(f'<li class="eucj-toc-{min(level, 3)}"><a href="{text}#{anchor}" target="{FRAME}">'
                            f'{escape(heading)}</a></li>' for level, anchor, heading in doc.headings)
            out.append(f'<nav class="eucj-contents" aria-labelledby="reading-contents">'
                       f'<h2 id="reading-contents">{escape(t("reading_contents", lang))}</h2>'
                       f'<ol lang="{ref.lang}">{items}</ol></nav>')
        out.append(f'<iframe class="eucj-text-frame" name="{FRAME}" src="{text}" lang="{ref.lang}" '
                   f'title="{escape(t("reading_text_label", lang))}"></iframe>')
    html = "\n".join(out) + "\n"
    description = f"{title} — {language}, {fmt}"
    return RenderedPage(page_meta(title, description, SCRIPTS, extra={"styles": [STYLE]}), html)


def shell_page(lang: str) -> RenderedPage:
    """The page MkDocs renders once per language, with markers for what each reading
    page fills in (plain ASCII, so no escaping changes them)."""
    return RenderedPage(page_meta(_TITLE, _DESCRIPTION, SCRIPTS, extra={"styles": [STYLE]}), _BODY)


def write_reading_pages(language_root: Path, lang: str, ctx: SiteContext, store: PageStore | None = None) -> int:
    """Fill the language's shell for every document with a reading page (through
    `store`: a link to the same page stored by an earlier build); remove the shell.
    Returns the number of pages written."""
    store = store or PageStore(None)
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
        store.write(shell_path.parent / f"{key}.html", html)
        written += 1
    shell_path.unlink()
    return written
