"""Fixtures: the shipped catalogue built once per session, served and unzipped."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import CHROMIUM, CHROMIUM_ARGS, ROOT, build_and_package, is_local, serve, unzip


@pytest.fixture(scope="session")
def shipped(tmp_path_factory) -> dict:
    """The real site and offline zip built from the shipped resource_catalog.yaml."""
    return build_and_package(tmp_path_factory.mktemp("shipped"), strict=True)


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
    from eucj_bank.catalogue.load import load_catalogue

    out = tmp_path_factory.mktemp("trainer_bank")
    built = build_and_package(out, catalogue=TRAINER_BANK)
    into = unzip(built["zip"], out / "unzipped")
    loaded = load_catalogue(TRAINER_BANK, TRAINER_BANK.parent)
    assert loaded.ok, "\n".join(map(str, loaded.problems))
    with serve(built["site"]) as base:
        yield {"site": built["site"], "catalogue": loaded.catalogue.public(), "served": base + "/",
               "offline": (into / "eucj-resource-bank").as_uri() + "/"}
