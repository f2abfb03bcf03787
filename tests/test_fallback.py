"""Missing ru/kk texts: the page shows another language's text, says so, and never an empty title."""

from __future__ import annotations

import re

import pytest
from support import ROOT, build_site

from eucj_bank.catalogue.vocab import label
from eucj_bank.site.ui import t

FIXTURE = ROOT / "tests/fixtures/fallback_bank/resource_catalog.yaml"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("fallback") / "site"
    result = build_site(out, catalogue=FIXTURE)
    assert result.returncode == 0, result.stdout + result.stderr
    # Missing translations are warnings, named with file, line and field.
    assert re.search(r"resource_catalog\.yaml:\d+:\d+: warning: resources\[0\] 'english-only': title\.kk is missing",
                     result.stdout + result.stderr)
    return out


def _page(site, lang, rid):
    prefix = "" if lang == "en" else f"{lang}/"
    return (site / f"{prefix}resources/{rid}.html").read_text("utf-8")


def _notice(lang, field, shown):
    return t("fallback_notice", lang, field=t(f"fallback_field_{field}", lang), shown=label("languages", shown, lang))


def test_kazakh_page_falls_back_to_russian_first_and_says_so(site):
    html = _page(site, "kk", "no-kazakh-title")
    assert '<h1 lang="ru">Судебный опрос</h1>' in html
    assert _notice("kk", "title", "ru") in html
    assert "<title>Судебный опрос" in html
    assert _notice("kk", "summary", "ru") not in html  # the summary exists in Kazakh


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_english_only_resource_is_shown_in_english_with_notices(site, lang):
    html = _page(site, lang, "english-only")
    assert '<h1 lang="en">Only written in English</h1>' in html
    assert _notice(lang, "title", "en") in html and _notice(lang, "summary", "en") in html


def test_fully_translated_language_has_no_notice(site):
    html = _page(site, "ru", "no-kazakh-title")
    assert '<h1 lang="ru">Судебный опрос</h1>' in html
    assert _notice("ru", "title", "en") not in html


def test_strict_build_refuses_missing_translations(tmp_path):
    result = build_site(tmp_path / "site", catalogue=FIXTURE, strict=True)
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
