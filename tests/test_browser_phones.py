"""Every page type in every language on a 360 px phone and a 1366 px screen, served and
from disk: nothing scrolls sideways, no console error, and the catalogue does not jump."""

from __future__ import annotations

import pytest
from support import ROOT

LANG_ROOT = {"en": "", "ru": "ru/", "kk": "kk/"}
PAGES = {
    "home": "index.html",
    "catalogue": "catalogue.html",
    "browse": "browse/topic.html",
    "term": "browse/topic-probation.html",
    "resource": "resources/project-aims-and-objectives.html",
    "checklist": "resources/epr-checklist.html",
    "guide": "how-to-use.html",
}
WIDTHS = {"phone": (360, 740), "desktop": (1366, 768)}
SHOTS = ROOT / "build" / "screenshots"

# Layout shifts as Lighthouse counts them (session windows of shifts without recent input).
CLS_SCRIPT = """() => new Promise(resolve => {
  let worst = 0, session = 0, first = 0, last = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      if (session && entry.startTime - last < 1000 && entry.startTime - first < 5000) session += entry.value;
      else { session = entry.value; first = entry.startTime; }
      last = entry.startTime; worst = Math.max(worst, session);
    }
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(worst), 1500);
})"""


def _check(browser, base: str, lang: str, width: str, shoot: bool) -> list[str]:
    w, h = WIDTHS[width]
    context = browser.new_context(viewport={"width": w, "height": h})
    problems: list[str] = []
    try:
        page = context.new_page()
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "http://127.0.0.1"))
                   else (problems.append(f"network: {route.request.url}"), route.abort()))
        page.on("console", lambda msg: problems.append(f"console {msg.type}: {msg.text} ({page.url})")
                if msg.type == "error" else None)
        page.on("pageerror", lambda exc: problems.append(f"page error: {exc} ({page.url})"))
        for kind, path in PAGES.items():
            page.goto(base + LANG_ROOT[lang] + path)
            page.wait_for_load_state("load")
            if kind == "catalogue":
                cls = page.evaluate(CLS_SCRIPT)
                if cls >= 0.1:
                    problems.append(f"{lang} {width} catalogue: layout shift {cls:.3f}")
            scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            if scroll > inner:
                problems.append(f"{lang} {width} {kind}: page {scroll} px wide in a {inner} px window")
            if shoot:
                SHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(SHOTS / f"{lang}-{w}-{kind}.png"), full_page=kind != "checklist")
    finally:
        context.close()
    return problems


@pytest.mark.browser
@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("lang", list(LANG_ROOT))
def test_served_pages_fit_and_log_no_error(browser, served_site, lang, width):
    assert _check(browser, served_site, lang, width, shoot=True) == []


@pytest.mark.browser
@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("lang", list(LANG_ROOT))
def test_pages_from_disk_fit_and_log_no_error(browser, offline_site, lang, width):
    assert _check(browser, offline_site, lang, width, shoot=False) == []
