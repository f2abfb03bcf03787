"""axe-core (npm, run in Chromium) on the pages a trainer uses, in each language.

No serious or critical violation is allowed. axe-core comes from node_modules
(`npm ci`, run by `make test-deps`), pinned in package.json.
"""

from __future__ import annotations

import pytest
from support import ROOT

from eucj_bank.catalogue.vocab import LANGS

pytestmark = pytest.mark.browser
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
LANG_ROOT = {"en": "", "ru": "ru/", "kk": "kk/"}
PAGES = {
    "home": "index.html",
    "catalogue": "catalogue.html",
    "resource": "resources/risk-training-2017.html",
    "checklist": "resources/epr-checklist.html",
    "filtered catalogue": "catalogue.html#topic=risk-assessment&language=ru&q=zzz",
}


def axe_violations(page, *, impacts=("serious", "critical")) -> list[str]:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `make test-deps` (npm ci installs axe-core)")
    # evaluated through the DevTools protocol, not as an inline <script>: each page's own
    # Content-Security-Policy (eucj_bank/copies/csp_offline.py) refuses inline scripts
    page.evaluate(AXE.read_text("utf-8") + "\n;void 0")
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {v['help']} - " + "; ".join(n["target"][0] for n in v["nodes"][:5])
            for v in result["violations"] if v["impact"] in impacts]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", PAGES)
def test_no_serious_or_critical_violation(page, trainer_bank, kind, lang):
    page.goto(trainer_bank["served"] + LANG_ROOT[lang] + PAGES[kind])
    if "catalogue" in kind:
        page.wait_for_selector("#eucj-filters:not([hidden])")
    if kind == "checklist":
        page.wait_for_selector(".eucj-checklist__tools:not([hidden])")
    assert axe_violations(page) == []


def _shipped_pages() -> dict[str, str]:
    """The same kinds of page on the shipped catalogue: its real texts, checklist and guide."""
    from eucj_bank.catalogue.load import load_catalogue

    resources = load_catalogue(ROOT / "resource_catalog.yaml", ROOT).catalogue.public().resources
    checklist = next((r for r in resources if r.checklist), None)
    inline = next((r for r in resources if any(f.format == "md" for f in r.files)), None)
    assert checklist and inline, "the shipped catalogue should hold a checklist and a resource with its text"
    return {"home": "index.html", "catalogue": "catalogue.html", "resource": f"resources/{inline.id}.html",
            "checklist": f"resources/{checklist.id}.html",
            # a document read in another language than the page's (eucj_bank/site/reading_page.py)
            "reading page": "read/eucj-strategy-2018--kk.html"}


@pytest.mark.parametrize("lang", LANGS)
def test_shipped_pages_have_no_serious_or_critical_violation(page, served_site, lang):
    found = {}
    for kind, name in _shipped_pages().items():
        page.goto(served_site + LANG_ROOT[lang] + name)
        page.wait_for_load_state("load")
        found[kind] = axe_violations(page)
    assert found == {kind: [] for kind in found}
