"""The full bank's own description, which another copy must not reuse as its own.

The description lives in mkdocs.yml (`site_description`, and each language's under the
i18n plugin). A profile for another copy whose description repeats it would tell search
engines and link previews that the copy is the full bank. mkdocs.yml is read as plain
YAML (its `!ENV` and `!relative` tags are MkDocs' and are ignored here: this package
does not import MkDocs).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

MKDOCS_YML = Path(__file__).parents[2] / "mkdocs.yml"


class _IgnoreTags(yaml.SafeLoader):
    """Safe YAML that reads any tagged value as nothing."""


_IgnoreTags.add_multi_constructor("!", lambda loader, suffix, node: None)


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


@functools.cache
def bank_descriptions(mkdocs_yml: Path = MKDOCS_YML) -> frozenset[str]:
    """The full bank's description in every language it has, normalised for comparison."""
    try:
        config = yaml.load(mkdocs_yml.read_text("utf-8"), Loader=_IgnoreTags)  # noqa: S506 (safe loader)
    except (OSError, yaml.YAMLError):
        return frozenset()
    if not isinstance(config, dict):
        return frozenset()
    found = [config.get("site_description")]
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            found += [lang.get("site_description") for lang in plugin["i18n"].get("languages") or []
                      if isinstance(lang, dict)]
    return frozenset(_plain(text) for text in found if isinstance(text, str) and text.strip())


def is_bank_description(text: str) -> bool:
    return _plain(text) in bank_descriptions()
