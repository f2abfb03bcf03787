"""The offline copy carries its own Content-Security-Policy in every page: opened from
disk in Chromium, pages and search work and nothing violates it; an injected inline
script would not run."""

from __future__ import annotations

import pytest
from support import ROOT

from eucj_bank.copies.csp_offline import iframe_worker_scripts
from eucj_bank.open_data.exports import LANG_ROOT

WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(
    `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""


def test_every_page_of_the_copy_carries_the_policy(shipped):
    pages = list(shipped["site"].rglob("*.html"))
    assert pages
    for page in pages:
        head = page.read_text("utf-8").split("</head>", 1)[0]
        assert head.count('<meta http-equiv="Content-Security-Policy"') == 1, page
        assert head.index("Content-Security-Policy") < head.find("<script") or "<script" not in head, page
        assert "'unsafe-inline'" not in head and "'unsafe-eval'" not in head


def test_the_frame_script_is_derived_from_the_vendored_shim():
    bodies = iframe_worker_scripts(ROOT / "overrides/assets/javascripts/vendor/iframe-worker/shim.js", 2)
    assert len(bodies) == 3
    assert all(b.startswith("postMessage=function c(") and "assets/javascripts/workers/eucj-search.js" in b
               for b in bodies)


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_offline_pages_and_search_work_under_their_own_policy(page, offline_site, shipped, lang):
    page.add_init_script(WATCH)
    root = offline_site + LANG_ROOT[lang]
    for name in ("index", "catalogue", "browse/topic", "hosting"):
        page.goto(f"{root}{name}.html")
        page.wait_for_load_state("load")
        assert page.evaluate("window.__csp") == [], (name, page.evaluate("window.__csp"))
    resource = next(shipped["site"].glob("resources/*.html")).name
    page.goto(f"{root}resources/{resource}")
    page.wait_for_load_state("load")
    assert page.evaluate("window.__csp") == []
    page.goto(f"{root}index.html")
    box = page.locator("input[data-md-component='search-query']")
    box.click()
    box.fill({"en": "probation", "ru": "пробация", "kk": "пробация"}[lang])
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=20000)
    assert page.evaluate("window.__csp") == [], page.evaluate("window.__csp")


@pytest.mark.browser
def test_an_injected_inline_script_does_not_run_from_disk(page, shipped, tmp_path):
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(shipped["site"], copy)
    target = copy / "about.html"
    target.write_text(target.read_text("utf-8").replace("</body>", "<script>window.PWNED=1</script></body>"),
                      "utf-8")
    page.goto(target.as_uri())
    page.wait_for_load_state("load")
    assert page.evaluate("window.PWNED") is None
