"""The preview's quick pass: MkDocs builds only the pages an edit of the catalogue changes.

eucj_bank.copies.preview_plan decides which pages (build_session.current().preview);
hooks/generated_pages.py announces only those of the generated pages, so static-i18n
re-creates a few dozen Files instead of thousands. What MkDocs itself would still do
for the whole site is skipped here, while a plan is set: emptying the site directory
(the served site stays, only the planned pages are written over it), copying the
theme's and docs' static files (an edit of the catalogue does not change them), the
theme templates (404.html, sitemap.xml: the full build that follows writes them), and
building the hand-written pages the plan does not name (they are still read, for the
navigation's titles).

These wrap private functions of MkDocs 1.6.1 (mkdocs/commands/build.py). Another
version may have changed them: `install()` then leaves MkDocs alone and says so, and
every edit gets a full build (tests/test_serve.py fails on the locked version).
"""

from __future__ import annotations

import logging

import jinja2
import mkdocs
from mkdocs import utils
from mkdocs.commands import build as mkdocs_build
from mkdocs.structure.files import Files
from mkdocs.theme import Theme

from eucj_bank.copies import build_session

MKDOCS_VERSION = "1.6.1"  # the version these wrappers were written for (requirements/site.lock)
log = logging.getLogger("mkdocs.eucj.serve")


def _plan():
    try:
        return build_session.current().preview
    except RuntimeError:  # no session yet: the catalogue hook has not run
        return None


def install() -> bool:
    """Wrap MkDocs' build steps for quick passes; False (and nothing wrapped) on another version."""
    if mkdocs.__version__ != MKDOCS_VERSION:
        log.warning(f"MkDocs {mkdocs.__version__} is not {MKDOCS_VERSION}: every edit rebuilds the whole site")
        return False
    clean, copy_static, theme_files = utils.clean_directory, Files.copy_static_files, Files.add_files_from_theme
    get_env = Theme.get_env
    compiled = _Compiled()

    def cached_env(self):
        env = get_env(self)
        env.bytecode_cache = compiled
        return env

    def add_files_from_theme(self, *args, **kwargs):
        if _plan() is None:
            theme_files(self, *args, **kwargs)
    theme_template, build_page = mkdocs_build._build_theme_template, mkdocs_build._build_page

    def clean_directory(directory):
        if _plan() is None:
            clean(directory)

    def copy_static_files(self, *args, **kwargs):
        if _plan() is None:
            copy_static(self, *args, **kwargs)

    def build_theme_template(*args, **kwargs):
        if _plan() is None:
            theme_template(*args, **kwargs)

    def quick_build_page(page, *args, **kwargs):
        plan = _plan()
        if plan is None or plan.wants(page.file.src_uri):
            build_page(page, *args, **kwargs)

    utils.clean_directory = clean_directory
    Theme.get_env = cached_env
    Files.add_files_from_theme = add_files_from_theme
    Files.copy_static_files = copy_static_files
    mkdocs_build._build_theme_template = build_theme_template
    mkdocs_build._build_page = quick_build_page
    return True


class _Compiled(jinja2.BytecodeCache):
    """The theme's templates compiled once per `make serve`, not three times per build
    (each language build makes a new Jinja environment). Jinja checks each entry against
    the template's source, so an edited template is compiled again."""

    def __init__(self):
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket):
        self.code[bucket.key] = bucket.bytecode_to_string()


def prepare(quick: bool) -> None:
    """Before a build: let it be a quick pass (when the catalogue alone changed)."""
    build_session.preview_next_build(quick)


def was_quick() -> bool:
    return _plan() is not None


def remove_pages(site_dir) -> None:
    """Remove the pages of resources and terms the edit removed (a plan's `removed`)."""
    from pathlib import Path

    from eucj_bank.copies.preview_plan import page_url

    plan = _plan()
    for src in plan.removed if plan else ():
        Path(site_dir, page_url(src)).unlink(missing_ok=True)
