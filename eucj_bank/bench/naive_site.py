"""The naive setup the benchmark measures the bank against.

A plain Material + mkdocs-static-i18n project, as one would first write it: every
resource page is a Markdown file in docs/<lang>/resources/ (the same page text the
bank renders), the navigation is MkDocs' default (every page, so every page carries
every other in its sidebar), the resource files sit in docs/files/, and search,
static-i18n and the offline plugin run with their defaults (one index merging the
three languages). It gets only what it needs to build and to search from disk at
all: Material's missing Kazakh UI strings and a local iframe-worker (no CDN).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from ..catalogue.load import load_catalogue
from ..catalogue.vocab import DEFAULT_LANG, LANGS
from ..site.page_parts import SiteContext
from ..site.resource_page import render_resource_page

ROOT = Path(__file__).resolve().parents[2]
SHIM = "assets/javascripts/vendor/iframe-worker/shim.js"
KK_PARTIAL = "partials/languages/kk.html"


def naive_config() -> dict:
    return {
        "site_name": "EUCJ Resource Bank (naive)",
        "docs_dir": "docs",
        "use_directory_urls": False,  # so that it can be read from disk, as the bank is
        "theme": {"name": "material", "custom_dir": "overrides", "language": DEFAULT_LANG, "font": False},
        "extra": {"polyfills": [SHIM]},
        "markdown_extensions": ["admonition", "attr_list", "md_in_html", "tables", "toc"],
        "plugins": [
            "search",
            {"i18n": {"docs_structure": "folder", "languages": [
                {"locale": lang, "name": lang, "build": True, **({"default": True} if lang == DEFAULT_LANG else {})}
                for lang in LANGS]}},
            "offline",
        ],
    }


def write_naive_project(catalogue_path: Path, out: Path) -> Path:
    """Write the naive project for a (valid) catalogue into `out`; return its mkdocs.yml."""
    root = catalogue_path.parent
    loaded = load_catalogue(catalogue_path, root)
    if not loaded.ok:
        raise ValueError(f"{catalogue_path} is not a valid catalogue")
    ctx = SiteContext(root, loaded.catalogue)
    docs = out / "docs"
    for lang in LANGS:
        pages = docs / lang / "resources"
        pages.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "docs" / lang / "index.md", docs / lang / "index.md")
        for res in loaded.catalogue.resources:
            page = render_resource_page(res, lang, ctx)
            (pages / f"{res.id}.md").write_text(page.as_markdown(), encoding="utf-8")
    if (root / "files").is_dir():
        (docs / "files").symlink_to((root / "files").resolve(), target_is_directory=True)
    for name in (SHIM, KK_PARTIAL):
        target = out / "overrides" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "overrides" / name, target)
    config = out / "mkdocs.yml"
    config.write_text(yaml.safe_dump(naive_config(), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config
