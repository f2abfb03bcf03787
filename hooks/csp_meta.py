"""MkDocs hook: every page carries its own Content-Security-Policy (a meta element), so
the offline copy opened from disk is as fenced as a served one (eucj_bank/copies/csp_offline.py)."""

from __future__ import annotations

from pathlib import Path

from eucj_bank.copies.csp_offline import add_meta, offline_policy

SHIM = "overrides/assets/javascripts/vendor/iframe-worker/shim.js"
_policy = ""


def on_config(config):
    global _policy
    _policy = offline_policy(Path(config.config_file_path).parent / SHIM, config.site_url or "")
    return config


def on_post_page(output, page, config):
    return add_meta(output, _policy)


def on_post_template(output_content, template_name, config):
    return add_meta(output_content, _policy) if template_name.endswith(".html") else output_content
