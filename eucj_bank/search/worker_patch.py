"""Material's search worker with our query handling (see search_worker.js for why).

The build writes one script: our prelude (search_worker_prelude.js), Material's worker,
the query normaliser (query_normaliser_template.js with the tables of query_normaliser.py),
the thesaurus (thesaurus.py), the snippet length of result_display.py, the loader of the
prebuilt index (search_worker_prebuilt.js) and our patch (search_worker.js). One file, not a wrapper
that imports Material's: over file:// the iframe-worker shim loads imported scripts
asynchronously, and a message arriving before the worker's code had loaded would be
lost (search stuck on "Initializing").
"""

from __future__ import annotations

import json
from pathlib import Path

from . import query_normaliser, result_display, thesaurus

WORKERS = "assets/javascripts/workers"
OUR_WORKER = f"{WORKERS}/eucj-search.js"
HERE = Path(__file__).parent
PRELUDE = HERE / "search_worker_prelude.js"
PATCH = HERE / "search_worker.js"
PREBUILT = HERE / "search_worker_prebuilt.js"
NORMALISER = HERE / "query_normaliser_template.js"


def material_worker(theme_dir: Path) -> str:
    """The site path of Material's (content-hashed) search worker."""
    found = sorted((theme_dir / WORKERS).glob("search.*.min.js"))
    if len(found) != 1:
        raise RuntimeError(f"expected one Material search worker in {theme_dir / WORKERS}, found {found}")
    return f"{WORKERS}/{found[0].name}"


def render_normaliser() -> str:
    """The JS query normaliser with the Python twin's tables (also runs under node)."""
    tables = json.dumps(query_normaliser.js_tables(), ensure_ascii=False, sort_keys=True)
    return NORMALISER.read_text(encoding="utf-8").replace("/*TABLES*/ null", tables)


def render_thesaurus() -> str:
    data = json.dumps(thesaurus.tables(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return f"self.eucjThesaurus = {data};\n"


def render_worker(material_code: str) -> str:
    display = f"self.eucjSnippetChars = {result_display.SNIPPET_CHARS};\n"
    return "\n".join([PRELUDE.read_text(encoding="utf-8"), material_code, render_normaliser(), render_thesaurus(),
                      display, PREBUILT.read_text(encoding="utf-8"), PATCH.read_text(encoding="utf-8")])


def write_search_worker(site_dir: Path, material: str) -> Path:
    target = site_dir / OUR_WORKER
    target.write_text(render_worker((site_dir / material).read_text(encoding="utf-8")), encoding="utf-8")
    return target


QUERY_SCRIPT = "assets/javascripts/eucj-query.js"


def write_query_script(site_dir: Path) -> Path:
    """The normaliser and the thesaurus for the page, as the worker has them: the
    full-text search (eucj-fulltext.js) reads a query as the metadata search does."""
    target = site_dir / QUERY_SCRIPT
    target.write_text(render_normaliser() + "\n" + render_thesaurus(), encoding="utf-8")
    return target


PAGE_SCRIPT = "assets/javascripts/eucj-search-page.js"
PAGE_TEMPLATE = HERE / "search_page.js"


def write_page_script(site_dir: Path, strings: dict[str, dict[str, str]]) -> Path:
    """The page side of search (search_page.js) with its UI strings per language."""
    target = site_dir / PAGE_SCRIPT
    data = json.dumps(strings, ensure_ascii=False, sort_keys=True)
    target.write_text(PAGE_TEMPLATE.read_text(encoding="utf-8").replace("/*STRINGS*/ null", data), encoding="utf-8")
    return target
