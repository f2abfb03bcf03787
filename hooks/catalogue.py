"""MkDocs hook: load and validate the catalogue (and the site profile) once per site build.

Errors stop the build with the same located messages as scripts/validate_catalog.py;
missing translations are warnings (fatal under `mkdocs build --strict`).
`EUCJ_CATALOGUE` overrides the catalogue's path; `EUCJ_PROFILE` names a site profile
(profiles/<name>.yml, as `make site PROFILE=...` passes it); without one the full
public bank builds.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from eucj_bank import build_session
from eucj_bank.problems import errors
from eucj_bank.profiles import load_profile
from eucj_bank.reproducible import source_date_epoch

log = get_plugin_logger("eucj.catalogue")


def on_config(config):
    # static-i18n re-runs on_config for each further language with `building` set:
    # the catalogue is already loaded for this build.
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return config
    root = Path(config.config_file_path).parent
    # Read by MkDocs when it dates pages (sitemap, its gzip header): see eucj_bank/reproducible.py.
    os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch(root, os.environ)
    profile = None
    if os.environ.get("EUCJ_PROFILE"):
        profile = load_profile(Path(os.environ["EUCJ_PROFILE"]))
        _report(profile.problems, "the site profile has errors")
    catalogue = Path(os.environ.get("EUCJ_CATALOGUE") or root / config.extra.get("catalogue", "resource_catalog.yaml"))
    session = build_session.start(catalogue.parent, catalogue, profile=profile)
    _report(session.result.problems, "the catalogue has errors", force=not session.result.ok)
    log.info(f"{session.profile.name}: {len(session.catalogue.resources)} resources from {catalogue}")
    return config


def _report(found, title: str, *, force: bool = False) -> None:
    for problem in found:
        if problem.severity != "error":
            log.warning(str(problem))
    if errors(found) or force:
        raise PluginError(f"{title}:\n" + "\n".join(str(p) for p in errors(found)))
