"""No CDN address anywhere in a built copy, Material's bundle and its source map included;
the ResizeObserver polyfill that the bundle fetched from unpkg.com now comes from the copy."""

from __future__ import annotations

import pytest

from eucj_bank.copies.material_bundle import POLYFILL, cdn_addresses, patch_bundle


def test_no_cdn_address_in_the_site(shipped):
    site = shipped["site"]
    bundles = list((site / "assets" / "javascripts").glob("bundle.*.min.js*"))
    assert len(bundles) == 2  # the bundle and its source map are scanned too
    assert cdn_addresses(site) == []
    assert (site / "assets" / "javascripts" / POLYFILL).is_file()


def test_the_scan_finds_cdn_addresses(tmp_path):
    (tmp_path / "a.js").write_text('load("https://unpkg.com/x");x="//cdn.jsdelivr.net/npm/y"', "utf-8")
    (tmp_path / "b.map").write_text('{"sourcesContent":["https://cdnjs.cloudflare.com/z"]}', "utf-8")
    assert [a for _, a in cdn_addresses(tmp_path)] == ["https://unpkg.com/x", "//cdn.jsdelivr.net/npm/y",
                                                      "https://cdnjs.cloudflare.com/z"]


def test_a_changed_bundle_stops_the_build():
    with pytest.raises(RuntimeError, match="no longer loads"):
        patch_bundle('var a="https://unpkg.com/other";')


@pytest.mark.browser
@pytest.mark.parametrize("where", ["served_site", "offline_site"])
def test_a_browser_without_resize_observer_gets_the_local_polyfill(browser, request, where):
    base = request.getfixturevalue(where)
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        # An old browser: no ResizeObserver until the polyfill defines it.
        context.add_init_script("delete window.ResizeObserver;")
        page = context.new_page()
        requested, errors = [], []
        page.on("request", lambda r: requested.append(r.url))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(base + "ru/resources/epr-checklist.html")
        page.wait_for_function("typeof window.ResizeObserver === 'function'", timeout=10_000)
        assert any(url.endswith(POLYFILL) for url in requested), requested
        assert all(url.startswith(("file:", "http://127.0.0.1")) for url in requested)
        assert errors == []
    finally:
        context.close()
