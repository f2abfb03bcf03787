"""Fixtures: the shipped catalogue built once per session, served and unzipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import CHROMIUM, CHROMIUM_ARGS, ROOT, build_site, is_local, package, serve, unzip


@pytest.fixture(scope="session")
def shipped(tmp_path_factory) -> dict:
    """The real site and offline zip built from the shipped resource_catalog.yaml."""
    out = tmp_path_factory.mktemp("shipped")
    site = out / "site"
    result = build_site(site, strict=True)
    assert result.returncode == 0, result.stdout + result.stderr
    zip_path = out / "dist" / "eucj-resource-bank-offline.zip"
    package(site, zip_path)
    return {"site": site, "zip": zip_path, "log": result.stdout + result.stderr}


@pytest.fixture(scope="session")
def served_site(shipped):
    with serve(shipped["site"]) as base:
        yield base + "/"


@pytest.fixture(scope="session")
def offline_site(shipped, tmp_path_factory) -> str:
    """The offline zip unpacked in a fresh folder, as a file:// URL of its root."""
    into = unzip(shipped["zip"], tmp_path_factory.mktemp("unzipped"))
    return (into / "eucj-resource-bank").as_uri() + "/"


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test-deps` (Debian package chromium)")
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh browser page whose every non-local request is blocked and recorded."""
    context = browser.new_context()
    blocked: list[str] = []

    def guard(route):
        if is_local(route.request.url):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    pg = context.new_page()
    pg.blocked_requests = blocked
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.page_errors = errors
    yield pg
    context.close()
    assert not blocked, f"the page tried to reach the network: {blocked}"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT


TRAINER_BANK = ROOT / "tests" / "fixtures" / "trainer_bank" / "resource_catalog.yaml"


@pytest.fixture(scope="session")
def trainer_bank(tmp_path_factory):
    """The small fixture catalogue (every facet varied, a checklist, an internal entry,
    a missing Kazakh title) built, zipped, served and unzipped once."""
    from eucj_bank.catalog import load_catalog

    out = tmp_path_factory.mktemp("trainer_bank")
    site = out / "site"
    result = build_site(site, catalogue=TRAINER_BANK)
    assert result.returncode == 0, result.stdout + result.stderr
    zip_path = out / "dist" / "eucj-resource-bank-offline.zip"
    package(site, zip_path)
    into = unzip(zip_path, out / "unzipped")
    loaded = load_catalog(TRAINER_BANK, TRAINER_BANK.parent)
    assert loaded.ok, "\n".join(map(str, loaded.problems))
    with serve(site) as base:
        yield {"site": site, "catalogue": loaded.catalogue.public(), "served": base + "/",
               "offline": (into / "eucj-resource-bank").as_uri() + "/"}
