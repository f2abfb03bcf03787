"""MkDocs hook: load and validate the site profile and the catalogue once per site build.

Errors stop the build with the same located messages as scripts/validate_catalogue.py;
missing translations are warnings (fatal under `mkdocs build --strict`).
`EUCJ_CATALOGUE` overrides the catalogue's path; `EUCJ_PROFILE` names the site profile
(`make site PROFILE=...` passes it), profiles/full-bank.yml without one. A profile's
base_url becomes the site_url (otherwise `EUCJ_SITE_URL`, see mkdocs.yml).
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from eucj_bank.catalogue.messages import _
from eucj_bank.catalogue.problems import Problem, errors
from eucj_bank.catalogue.profile_safety import base_url_problem
from eucj_bank.catalogue.profiles import load_profile, profile_path
from eucj_bank.catalogue.repository import snippet_problems, symlink_problems
from eucj_bank.copies import build_session

log = get_plugin_logger("eucj.catalogue")


def _catalogue_path(config) -> Path:
    root = Path(config.config_file_path).parent
    return Path(os.environ.get("EUCJ_CATALOGUE") or root / config.extra.get("catalogue", "resource_catalog.yaml"))


def on_config(config):
    # static-i18n re-runs on_config for each further language with `building` set:
    # the catalogue is already loaded for this build.
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return config
    root = Path(config.config_file_path).parent
    found = symlink_problems(root) + snippet_problems(root)
    _report(found, _("the hand-written pages have errors"), failed=bool(found))
    profile = load_profile(profile_path(root, os.environ.get("EUCJ_PROFILE")))
    _report(profile.problems, _("the site profile has errors"), failed=not profile.ok)
    if profile.profile.base_url:
        config.site_url = profile.profile.base_url
    elif config.site_url and base_url_problem(config.site_url, "EUCJ_SITE_URL"):  # printed in every page
        _report([Problem("EUCJ_SITE_URL", 1, 1, _("site address"),
                         base_url_problem(config.site_url, "EUCJ_SITE_URL"),
                         _("give the copy's address, e.g. EUCJ_SITE_URL=https://intranet.example.kz/bank/"))],
                _("the site address has errors"), failed=True)
    catalogue = _catalogue_path(config)
    session = build_session.start(catalogue.parent, catalogue, profile, site_url=config.site_url or "")
    _report(session.result.problems, _("the catalogue has errors"), failed=not session.result.ok)
    log.info(f"{session.profile.name}: {len(session.catalogue.resources)} resources from {catalogue}")
    return config


@event_priority(-200)  # after static-i18n built the other languages (in its on_post_build)
def on_post_build(config):
    if not getattr(config.plugins.get("i18n"), "building", False):
        build_session.current().finish()


def _report(found, title: str, *, failed: bool) -> None:
    for problem in found:
        if problem.severity != "error":
            log.warning(problem.report())
    if failed:
        raise PluginError(f"{title}:\n" + "\n".join(p.report() for p in errors(found)))


def on_serve(server, config, builder):
    # `mkdocs serve` watches docs/ and mkdocs.yml only; editors edit the catalogue and
    # its files, so a change there must rebuild the preview too.
    catalogue = _catalogue_path(config)
    for path in (catalogue, catalogue.parent / "files", catalogue.parent / "checklists"):
        if path.exists():
            server.watch(str(path))
    return server
