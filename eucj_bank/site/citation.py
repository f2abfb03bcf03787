"""The citation shown on each resource page, rendered by a real CSL processor
(citeproc-py) with real CSL styles (csl/, see csl/SOURCE.txt): APA on English pages,
GOST on Russian and Kazakh pages, the other style one click away.

What citeproc-py 0.11.1 taught us (read in .venv/.../citeproc/model.py and frontend.py):
- It loads locales from its own data folder only (`CitationStylesLocale`), so a locale it
  lacks (Kazakh) cannot be named: we parse our locale files with its XML classes and set
  the style's `locales` list ourselves, in the order it would (`_style`).
- CSL 1.0.2 says a variable that stood in for a missing author (cs:substitute) is
  suppressed in the rest of the entry. citeproc-py suppresses it only when the substitute
  is a variable itself; APA substitutes a *macro* (the title), so an entry without author
  printed its title twice ("Title. (2016). Title. Publisher."). `_suppress_substituted`
  records the variables the substitute actually rendered and suppresses those.
- The CSL repository has no GOST R 7.0.100-2018 style (csl/SOURCE.txt): ours is written
  from its GOST R 7.0.5-2008 one; what changed is in the <summary> of
  csl/gost-r-7-0-100-2018-eucj.csl. A name's `et-al` is printed only when its term is not
  empty (`Name.process`), so the style's heading keeps the first author by emptying it.
- The HTML formatter escapes the values it prints and adds <i> for APA's italic titles;
  the result still goes through the one sanitiser.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter, model
from citeproc.frontend import CitationStylesXML
from citeproc.source import Reference
from citeproc.source.json import CiteProcJSON

from ..catalogue.model import Resource
from ..catalogue.safe_html import sanitise_html
from ..catalogue.text import escape
from ..open_data.citation_record import citation_record, cited_lang
from ..open_data.csl_json import csl_item
from .ui import t

CSL_DIR = Path(__file__).parent / "csl"
STYLES = {"apa": "apa.csl", "gost": "gost-r-7-0-100-2018-eucj.csl"}
DEFAULT_STYLE = {"en": "apa", "ru": "gost", "kk": "gost"}
# A page's language, then the locales its missing terms come from, as citeproc orders them.
LOCALES = {"en": ("en-US",), "ru": ("ru-RU", "en-US"), "kk": ("kk-KZ", "ru-RU", "en-US")}
UNKNOWN_TO_CITEPROC = ("license", "custom")
_CSL_TEXT = "{http://purl.org/net/xbiblio/csl}text"


def publisher_names() -> dict[str, str]:
    return {lang: t("bank_name", lang) for lang in LOCALES}


def citations(res: Resource, lang: str, site_url: str = "", fmt: str = "html") -> dict[str, str]:
    """Every style's citation of `res` for a page in `lang`: {style: text}, the page's default first.
    Each is written in the cited version's language (its terms: "[Б. м.]", "[S. l.]"), as
    GOST R 7.0.100-2018 writes a record in the document's language."""
    item = csl_item(citation_record(res, lang, publisher_names(), site_url))
    used = item["language"]
    order = sorted(STYLES, key=lambda style: style != DEFAULT_STYLE[lang])
    return {style: render(gost_item(item) if style == "gost" else item, style, used, fmt) for style in order}


def gost_item(item: dict) -> dict:
    """What the GOST style needs beyond CSL-JSON, which CSL 1.0.2 cannot work out itself:
    the content and media type ("Текст : электронный", every bank resource is electronic)
    in `medium`, and the authors as `original-author` when no heading names the first one
    (GOST R 7.0.100-2018 heads a record with a person, and only for one to three authors;
    CSL can neither count names nor tell an organisation from a person)."""
    gost = dict(item, medium=t("cite_gost_medium", item["language"]))
    authors = gost.get("author", [])
    if authors and (len(authors) > 3 or "literal" in authors[0]):
        gost["original-author"] = gost.pop("author")
    return gost


def render(item: dict, style: str, lang: str, fmt: str = "html") -> str:
    """One CSL-JSON item as a bibliography entry of `style`, in `lang`: sanitised HTML or plain text.
    Remembered for the process (citeproc takes some 5 ms an entry): a preview's quick
    pass renders again the pages of resources that have not changed (make serve); and
    between builds (citation_store.py)."""
    key = entry_key(item, style, lang, fmt)
    used.add(key)
    if key not in rendered:
        if len(rendered) >= _RENDERED_MAX:
            rendered.clear()
        rendered[key] = _render(item, style, lang, fmt)
    return rendered[key]


def entry_key(item: dict, style: str, lang: str, fmt: str) -> str:
    return hashlib.sha256(json.dumps([item, style, lang, fmt], sort_keys=True, ensure_ascii=False).encode()).hexdigest()


rendered: dict[str, str] = {}  # entry_key -> text
used: set[str] = set()  # the keys asked for since the last citation_store.save
_RENDERED_MAX = 50_000


def _render(item: dict, style: str, lang: str, fmt: str) -> str:
    # citeproc-py warns about CSL-JSON keys its Reference does not know (license, custom).
    known = {key: value for key, value in item.items() if key not in UNKNOWN_TO_CITEPROC}
    bibliography = CitationStylesBibliography(_style(style, lang), CiteProcJSON([known]),
                                              formatter.html if fmt == "html" else formatter.plain)
    bibliography.register(Citation([CitationItem(item["id"])]))
    text = str(bibliography.bibliography()[0])
    return sanitise_html(text) if fmt == "html" else text


@lru_cache(maxsize=None)
def _style(style: str, lang: str) -> CitationStylesStyle:
    csl = CitationStylesStyle(str(CSL_DIR / STYLES[style]), locale="en-US", validate=False)
    root = csl.root
    in_style = [found for code in (LOCALES[lang][0], LOCALES[lang][0][:2])
                for found in root.xpath_search(f'./cs:locale[@xml:lang="{code}"]')]
    # Parsed for each style: a locale element points back to its style (for the formatter).
    root.locales = in_style + [CitationStylesXML(str(CSL_DIR / f"locales-{code}.xml"), validate=False).root
                               for code in LOCALES[lang]]
    for locale in root.locales:
        locale.style = root
    return csl


def _suppress_substituted() -> None:
    render_substitute, text_variable = model.Substitute.render, model.Text._variable
    if getattr(model.Substitute, "eucj_patched", False):
        return

    def substitute(self, item, context=None, **kwargs):
        layout = context.get_layout()
        layout.eucj_substituted = []
        try:
            return render_substitute(self, item, context=context, **kwargs)
        finally:
            layout.eucj_substituted = None

    def variable(self, item, context):
        text = text_variable(self, item, context)
        rendered = getattr(context.get_layout(), "eucj_substituted", None)
        if text and rendered is not None:
            rendered.append(self.get("variable"))
        return text

    def repress(self, child, context):
        repressed = context.get_layout().repressed
        repressed.setdefault(child.tag, []).append(child.get("variable"))
        repressed.setdefault(_CSL_TEXT, []).extend(context.get_layout().eucj_substituted or [])

    model.Substitute.render, model.Text._variable = substitute, variable
    model.Substitute.add_to_repressed_list, model.Substitute.eucj_patched = repress, True


_suppress_substituted()


def _find_hyphenated_names() -> None:
    """citeproc-py stores a CSL-JSON key with "_" for "-" ("original_author") but `Names`
    looks a name variable up as the style spells it ("original-author"), so a hyphenated
    name variable never rendered; GOST's authors without heading are one."""
    if getattr(Reference, "eucj_patched", False):
        return
    contains, getitem, get = Reference.__contains__, Reference.__getitem__, Reference.get

    def key_of(key):
        return key.replace("-", "_") if isinstance(key, str) else key

    Reference.__contains__ = lambda self, key: contains(self, key_of(key))
    Reference.__getitem__ = lambda self, key: getitem(self, key_of(key))
    Reference.get = lambda self, key, default=None: get(self, key_of(key), default)
    Reference.eucj_patched = True


_find_hyphenated_names()


def _memoise_static_lookups() -> None:
    """citeproc-py evaluates an XPath on the style for every macro it calls and every
    ancestor it looks up (`xpath_search`), and walks a macro's whole subtree again each
    time it asks whether the macro prints a variable (`calls_variable`): 1.4 million XPath
    calls for 6,000 entries, most of a build's time at N = 1,000 (13.5 ms an entry). The
    style and locale trees never change once parsed (`_style` keeps them for the process),
    so both answers are remembered per element: 4.7 ms an entry, the same text (checked on
    600 entries of the synthetic catalogue, and by tests/test_citations.py's hand-checked
    citations)."""
    if getattr(model.CitationStylesElement, "eucj_memoised", False):
        return
    search = model.CitationStylesElement.xpath_search
    found: dict[tuple, list] = {}

    def xpath_search(self, expression):
        key = (self, expression)  # the element itself: the memo keeps lxml's proxy alive
        if key not in found:
            found[key] = search(self, expression)
        return list(found[key])

    def memoised(method):
        answers: dict = {}

        def calls_variable(self):
            if self not in answers:
                answers[self] = method(self)
            return answers[self]
        return calls_variable

    model.CitationStylesElement.xpath_search = xpath_search
    model.Parent.calls_variable = memoised(model.Parent.calls_variable)
    model.Text.calls_variable = memoised(model.Text.calls_variable)
    model.CitationStylesElement.eucj_memoised = True


_memoise_static_lookups()


SCRIPT = "assets/javascripts/eucj-citation.js"


def citation_box(res: Resource, lang: str, site_url: str, downloads: dict[str, str]) -> str:
    """The "How to cite" box: the page's style shown, the others a switch away (each
    labelled, all shown without JavaScript), the copy button and the citation files.
    `downloads`: {extension: page-relative link} of data/cite/<id>.*"""
    texts = citations(res, lang, site_url)
    used = cited_lang(res, lang)
    switch = "".join(f'<button type="button" class="md-button eucj-cite-style" data-style="{style}" '
                     f'aria-pressed="{"true" if i == 0 else "false"}">{escape(t(f"cite_style_{style}", lang))}</button>'
                     for i, style in enumerate(texts))
    options = []
    for i, (style, text) in enumerate(texts.items()):
        target = ' id="citation-text"' if i == 0 else ""
        options.append(f'<div class="eucj-cite-option" data-style="{style}">'
                       f'<p class="eucj-cite-name">{escape(t(f"cite_style_{style}", lang))}</p>'
                       f'<p{target} class="eucj-cite-text" lang="{used}">{text}</p></div>')
    links = " · ".join(f'<a href="{escape(href)}" download>{DOWNLOAD_NAMES[ext]}</a>' for ext, href in downloads.items())
    # Material's clipboard integration copies the target's text for any element with
    # data-clipboard-target and says so in the page's language (its "clipboard.copied").
    return (f'<h2 id="cite">{escape(t("cite_heading", lang))}</h2>'
            f'<div class="eucj-citation">'
            f'<div class="eucj-cite-switch" role="group" aria-label="{escape(t("cite_style_label", lang))}" hidden>'
            f'{switch}</div>{"".join(options)}'
            f'<button type="button" class="md-button" data-clipboard-target="#citation-text">'
            f'{escape(t("cite_copy", lang))}</button>'
            f'<p class="eucj-cite-downloads">{escape(t("cite_download", lang))}: {links}</p></div>')


DOWNLOAD_NAMES = {"bib": "BibTeX", "ris": "RIS", "json": "CSL-JSON"}
