"""State of one site build, shared by the MkDocs hooks.

mkdocs-static-i18n runs the whole build once per language with the same config,
so everything here must be computed once and be correct when read three times.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..catalogue.load import LoadResult, display_path, load_catalogue
from ..catalogue.model import Catalogue
from ..catalogue.profiles import Profile, ProfileResult
from ..catalogue.repository import check_copy
from ..catalogue.vocab import LANGS
from ..documents.library import extract_catalogue
from ..site import citation_store
from ..site.browse_pages import browse_groups, render_browse_page, render_term_page
from ..site.catalogue_page import render_catalogue_page
from ..site.page_parts import FACETS, SiteContext, page_path, term_page
from ..site.reading_page import SHELL_KEY, shell_page
from ..site.resource_page import render_resource_page
from .preview_load import reload_entry
from .preview_plan import PreviewPlan, changed_resources, plan_preview


@dataclass
class BuildSession:
    root: Path
    result: LoadResult
    profile: Profile  # the copy being built: what it publishes, how it looks
    site_url: str = ""
    # generated page source path -> function rendering it (a RenderedPage)
    pages: dict = field(default_factory=dict)
    # the generated pages of the language being built, rendered: source path -> RenderedPage
    rendered: dict = field(default_factory=dict)
    # file path -> its extracted text (eucj_bank.documents), for the files this build publishes
    texts: dict = field(default_factory=dict)
    context: SiteContext | None = None  # what the pages were rendered with (plan_pages)
    # a preview's quick pass (scripts/serve.py): the pages it builds; None: the whole site
    preview: PreviewPlan | None = None
    text: str | None = None  # the catalogue's text as loaded (a quick pass reads the changed entry only)
    load_problems: list = field(default_factory=list)  # the catalogue's own, before the copy's and the files'

    @cached_property
    def catalogue(self) -> Catalogue:
        """What this build publishes: every page, index and export reads this, never
        `result.catalogue`, so an internal resource cannot leak into a public build.
        The profile chooses it (profiles/full-bank.yml, unless the build names another)."""
        assert self.result.catalogue is not None
        return self.profile.select(self.result.catalogue)

    def plan_pages(self) -> None:
        published = self.catalogue
        ctx = SiteContext(self.root, published, self.site_url, self.texts)
        groups = {facet: browse_groups(published, facet) for facet in FACETS}
        self.context = ctx
        for lang in LANGS:
            if any(doc.readable or doc.kind == "scan" for doc in self.texts.values()):
                # filled in for each document by hooks/reading_pages.py (see site/reading_page.py)
                self.pages[page_path("read", lang, SHELL_KEY)] = lambda lang=lang: shell_page(lang)
            self.pages[page_path("catalogue", lang)] = lambda lang=lang: render_catalogue_page(published, lang)
            for facet in FACETS:
                self.pages[page_path("browse", lang, facet)] = (
                    lambda lang=lang, facet=facet: render_browse_page(groups[facet], facet, lang))
                for term, resources in groups[facet].items():
                    self.pages[page_path("term", lang, term_page(facet, term))] = (
                        lambda lang=lang, facet=facet, term=term, resources=resources:
                        render_term_page(resources, facet, term, lang))
            for res in published.resources:
                self.pages[page_path("resource", lang, res.id)] = (
                    lambda lang=lang, res=res: render_resource_page(res, lang, ctx))

    def announced_pages(self) -> list[str]:
        """The generated pages MkDocs hears of: all, or those of the preview's quick pass."""
        if self.preview is None:
            return list(self.pages)
        return [src for src in self.pages if self.preview.wants(src)]

    def reading_context(self) -> SiteContext:
        """What the reading pages are written from: the whole copy, or in a quick pass the
        resources whose reading pages it writes again."""
        assert self.context is not None
        if self.preview is None:
            return self.context
        only = Catalogue.model_construct(resources=[r for r in self.context.catalogue.resources
                                                    if r.id in self.preview.reading])
        return SiteContext(self.root, only, self.site_url, self.texts)

    def copied_catalogue(self) -> Catalogue:
        """The resources whose files a build copies into the site: all, or in a quick pass
        those the edit changed (the others' are in the served site already)."""
        if self.preview is None:
            return self.catalogue
        return Catalogue.model_construct(resources=[r for r in self.catalogue.resources
                                                    if r.id in self.preview.changed])

    def finish(self) -> None:
        """After a whole build (not a preview's quick pass, which renders a few pages):
        keep what it rendered for the next one."""
        if self.preview is None:
            citation_store.save(self.root)

    def readable_ids(self) -> set[str]:
        """Ids of the published resources that have a reading page."""
        by_path = {ref.path: res.id for res in self.catalogue.resources for ref in res.files}
        return {by_path[path] for path, doc in self.texts.items()
                if path in by_path and (doc.readable or doc.kind == "scan")}


_current: BuildSession | None = None
_preview_next = False


def preview_next_build(allowed: bool = True) -> None:
    """Let the next build be a preview's quick pass (or not): scripts/serve.py allows it
    when the catalogue alone changed since a successful build, and then skips what the
    plan does not name."""
    global _preview_next
    _preview_next = allowed


def start(root: Path, catalogue_path: Path, profile: ProfileResult, *, strict: bool = False,
          site_url: str = "") -> BuildSession:
    """Load the catalogue and plan the pages of the copy `profile` describes (a loaded,
    valid profile). Problems, the profile's selection included, land in `result.problems`."""
    global _current, _preview_next
    assert profile.profile is not None, "start() needs a valid profile"
    previous, preview = _current, _preview_next
    _preview_next = False
    display = display_path(catalogue_path)
    text = _read(catalogue_path)
    result = None
    if preview and not strict and previous is not None and previous.text and text and previous.root == root:
        result = reload_entry(LoadResult(previous.result.catalogue, previous.load_problems, previous.result.source_map),
                              previous.text, text, display, root)
    if result is None:
        result = load_catalogue(catalogue_path, root, strict=strict)
    _current = BuildSession(root=root, result=result, profile=profile.profile, site_url=site_url)
    citation_store.load(root)
    _current.load_problems = list(result.problems)
    # what the next quick pass compares with: the text loaded, unless it changed meanwhile
    _current.text = text if text == _read(catalogue_path) else None
    result.problems.extend(check_copy(profile, result, catalogue_path.parent, display))
    if not result.ok:
        return _current
    before = previous if preview and _comparable(previous, _current) else None
    # a quick pass extracts the text of the changed resources only (the others' is unchanged)
    changed = _changed_ids(before, _current)
    published = _current.catalogue if before is None else Catalogue.model_construct(
        resources=[r for r in _current.catalogue.resources if r.id in changed])
    texts, problems = extract_catalogue(
        published, root, all_ids=[r.id for r in result.catalogue.resources],
        smap=result.source_map, display=display, strict=strict)
    result.problems.extend(problems)
    if before is not None:
        paths = {ref.path for res in _current.catalogue.resources for ref in res.files}
        texts = {**{p: doc for p, doc in before.texts.items() if p in paths}, **texts}
    _current.texts = texts
    if result.ok:
        _current.plan_pages()
        if before is not None:
            assert before.context is not None and _current.context is not None
            _current.preview = plan_preview(before.catalogue, _current.catalogue, before.context.related,
                                            _current.context.related, _current.readable_ids())
    return _current


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _comparable(previous: BuildSession | None, session: BuildSession) -> bool:
    """Whether a quick pass can start from the previous build: it succeeded, for the same copy."""
    return (previous is not None and previous.result.ok and previous.context is not None
            and previous.root == session.root and previous.profile == session.profile
            and previous.site_url == session.site_url)


def _changed_ids(before: BuildSession | None, session: BuildSession) -> set[str]:
    if before is None:
        return set()
    return changed_resources(before.catalogue, session.catalogue)


def current() -> BuildSession:
    if _current is None:
        raise RuntimeError("no build session: the catalogue hook's on_config has not run")
    return _current
