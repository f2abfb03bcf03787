"""A document's text, stored ONCE: `texts/<key>.html` at the site root, a small
standalone page in the file's language (`<html lang>` of the text) that each UI
language's reading page shows in an `<iframe>` (eucj_bank/site/reading_page.py).

Why (measured with `make bench` at 1,000 resources x 3 files, README "Performance"):
with the text inside each reading page, every document was written three times (once
per UI language) and `site/` without the resources' files grew from 107 MB to 786 MB;
the full-text search kept a fourth, plain-text copy for its snippets. Stored once, and
read by the search too (eucj-fulltext.js loads it in a hidden frame for a result's
snippet), the text costs one copy. An iframe, not a script that writes the text into
the page: it reads without JavaScript, prints from its own page with its own print
stylesheet, and its document carries its own language.

The page holds only sanitised, anchored HTML (eucj_bank.documents.extract: no script,
no raw HTML, no id or lang of the document's own; blocks carry ids `t-N`), plus a CSP
of its own (a meta element, so it holds from disk too) that allows no inline script at
all: nothing in extracted text can run. Its one script, eucj-text.js from the site's
own assets, tells the page that frames it the text's height and where a passage is
(postMessage: over file:// the two documents do not share an origin).
"""

from __future__ import annotations

from pathlib import Path

from ..catalogue.model import FileRef, Resource
from ..catalogue.text import escape
from ..documents.extract import Extracted
from ..documents.library import reading_key
from .page_store import PageStore
from .ui import t

FOLDER = "texts"
STYLE = "assets/stylesheets/eucj-text.css"
SCRIPT = "assets/javascripts/eucj-text.js"
# Own files only; no inline script or style of any kind; no form, no base, no frame.
POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          "base-uri 'none'; form-action 'none'")


def text_path(res: Resource, ref: FileRef) -> str:
    """The text's page from the site root."""
    return f"{FOLDER}/{reading_key(res, ref)}.html"


def render_text_document(res: Resource, ref: FileRef, doc: Extracted, internal: bool = False) -> str:
    """The standalone page of one document's text, everything in the file's language;
    an internal copy's says so (banner, no indexing), as its other pages do."""
    lang = ref.lang
    title = res.title.get(lang)[0]
    robots = '<meta name="robots" content="noindex, nofollow">\n' if internal else ""
    body = ([f'<p class="eucj-internal-banner"><strong>{escape(t("internal_copy_banner", lang))}</strong></p>']
            if internal else [])
    for number, page in enumerate(doc.pages, 1):
        if doc.paged:
            body.append(f'<p class="eucj-page-number" id="page-{number}">'
                        f'{escape(t("reading_page_label", lang, number=number))}</p>')
        body.append(page)
    return (f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">\n'
            f'<meta name="referrer" content="no-referrer">\n{robots}'
            f"<title>{escape(title)}</title>\n"
            f'<link rel="stylesheet" href="../{STYLE}">\n'
            f'<script src="../{SCRIPT}" defer></script>\n</head>\n'
            f'<body>\n<main class="eucj-document">\n{"".join(body)}\n</main>\n</body>\n</html>\n')


def write_text_documents(site_dir: Path, resources: list[Resource], texts: dict[str, Extracted],
                         internal: bool = False, store: PageStore | None = None) -> int:
    """Write texts/<key>.html for every readable file (through `store`: a link to the
    same page stored by an earlier build); the number written."""
    store = store or PageStore(None)
    folder = Path(site_dir) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for res in resources:
        for ref in res.files:
            doc = texts.get(ref.path)
            if doc is None or not doc.readable:
                continue
            page = render_text_document(res, ref, doc, internal)
            store.write(Path(site_dir) / text_path(res, ref), page)
            written += 1
    return written
