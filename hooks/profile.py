"""MkDocs hook: dress the site as the profile's copy (eucj_bank/site/branding.py).

on_config runs for every language build after static-i18n's (-100), which has set
this build's language: the site name, footer contact and internal banner are that
language's. Without a site address (the profile's base_url, or EUCJ_SITE_URL) there
is no 404 page: MkDocs writes it with absolute links (its base is "/"), which break
under a sub-path, and the copy must work from any address.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.plugins import event_priority

from eucj_bank.copies import build_session
from eucj_bank.site.branding import COLOUR_CSS, colour_css, logo_target, page_values, palette


@event_priority(-110)
def on_config(config):
    profile = build_session.current().profile
    i18n = config.plugins.get("i18n")
    lang = getattr(i18n, "current_language", None) or config.theme["language"]
    values = page_values(profile, lang)
    config.site_name = values["site_name"]
    if values.get("description"):
        config.site_description = values["description"]
    if not config.site_url:
        config.theme.static_templates.discard("404.html")
    config.theme["palette"] = {**(config.theme.get("palette") or {}), **palette(profile)}
    if logo_target(profile):
        config.theme["logo"] = config.theme["favicon"] = logo_target(profile)
    values["colour_css"] = COLOUR_CSS if colour_css(profile) else None
    config.extra["eucj_site"] = values
    return config


def on_post_build(config):
    if getattr(config.plugins.get("i18n"), "building", False):
        return  # the files below are shared by all languages: written once
    profile = build_session.current().profile
    site_dir = Path(config.site_dir)
    if logo_target(profile):
        target = site_dir / logo_target(profile)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(profile.logo, target)
    css = colour_css(profile)
    if css:
        (site_dir / COLOUR_CSS).write_text(css, encoding="utf-8")
