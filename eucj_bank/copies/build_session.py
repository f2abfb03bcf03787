"""State of one site build, shared by the MkDocs hooks.

mkdocs-static-i18n runs the whole build once per language with the same config,
so everything here must be computed once and be correct when read three times.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..catalogue.load import LoadResult, display_path, load_catalogue
from ..catalogue.model import Catalogue
from ..catalogue.profiles import Profile, ProfileResult
from ..catalogue.repository import check_copy
from ..catalogue.vocab import LANGS
from ..documents.library import extract_catalogue
from ..site.browse_pages import browse_groups, render_browse_page, render_term_page
from ..site.catalogue_page import render_catalogue_page
from ..site.page_parts import FACETS, SiteContext, page_path, term_page
from ..site.reading_page import SHELL_KEY, shell_page
from ..site.resource_page import render_resource_page


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

    @property
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


_current: BuildSession | None = None


def start(root: Path, catalogue_path: Path, profile: ProfileResult, *, strict: bool = False,
          site_url: str = "") -> BuildSession:
    """Load the catalogue and plan the pages of the copy `profile` describes (a loaded,
    valid profile). Problems, the profile's selection included, land in `result.problems`."""
    global _current
    assert profile.profile is not None, "start() needs a valid profile"
    result = load_catalogue(catalogue_path, root, strict=strict)
    _current = BuildSession(root=root, result=result, profile=profile.profile, site_url=site_url)
    result.problems.extend(check_copy(profile, result, catalogue_path.parent, display_path(catalogue_path)))
    if result.ok:
        _current.texts, problems = extract_catalogue(
            _current.catalogue, root, all_ids=[r.id for r in result.catalogue.resources],
            smap=result.source_map, display=display_path(catalogue_path), strict=strict)
        result.problems.extend(problems)
    if result.ok:
        _current.plan_pages()
    return _current


def current() -> BuildSession:
    if _current is None:
        raise RuntimeError("no build session: the catalogue hook's on_config has not run")
    return _current
