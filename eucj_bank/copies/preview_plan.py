"""What a preview (`make serve`) must rebuild after an edit of the catalogue, so that the
page of a changed resource is served in seconds, not after the whole site.

MkDocs cannot rebuild part of this site: mkdocs-static-i18n re-creates every File for
each language, and a File whose text is generated is always "modified", so `--dirty`
rebuilds everything. The preview instead compares the catalogue before and after the
edit, resource by resource, and names the pages whose content depends on what changed:

- the pages of each changed, added or removed resource, in every language;
- the pages listing those resources: the catalogue, the browse pages (their counts),
  the page of every term a changed resource had or has, the home pages when the
  "recently added" list changes, and every resource page whose "related resources"
  list changes or shows a changed resource;
- the search index entries of all these pages (patched into the served index).

A quick pass builds these pages only (scripts/serve.py); a full build follows in the
background and replaces the served site, so that what the quick pass leaves stale
(open data, feeds, sitemaps, full-text shards, the manifest) is right a little later.
Anything the plan cannot follow (a change outside the catalogue, a profile, a failed
previous build) gets a full build at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..catalogue.model import Catalogue, Resource
from ..catalogue.vocab import LANGS
from ..site.browse_pages import browse_groups
from ..site.page_parts import FACETS, lang_dir, page_path, term_page
from ..site.reading_page import SHELL_KEY
from ..site.recent import recently_added

HOME = "index.md"  # each language's hand-written home page: "<lang>/index.md"


@dataclass
class PreviewPlan:
    """The pages (docs-relative source paths, "ru/resources/x.md") a quick pass builds."""

    changed: set[str]  # ids of resources changed, added or removed
    pages: set[str] = field(default_factory=set)
    removed: set[str] = field(default_factory=set)  # pages of the old site that no longer exist
    reading: set[str] = field(default_factory=set)  # ids whose reading pages are written again

    def wants(self, src_uri: str) -> bool:
        return src_uri in self.pages


def changed_resources(old: Catalogue, new: Catalogue) -> set[str]:
    """Ids of the resources added, removed or changed in any field."""
    before = {res.id: res for res in old.resources}
    after = {res.id: res for res in new.resources}
    changed = set(before.keys() ^ after.keys())
    changed.update(rid for rid in before.keys() & after.keys() if before[rid] != after[rid])
    return changed


def plan_preview(old: Catalogue, new: Catalogue, old_related: dict[str, list[Resource]],
                 new_related: dict[str, list[Resource]], readable: set[str]) -> PreviewPlan:
    """The pages to build after `old` became `new` (both as published by the copy).
    `*_related`: site.related.related_index of each; `readable`: ids of resources with a
    reading page in the new build."""
    changed = changed_resources(old, new)
    plan = PreviewPlan(changed)
    before = {res.id: res for res in old.resources}
    after = {res.id: res for res in new.resources}
    keys: set[tuple[str, str]] = {("catalogue", "")}  # (kind, key) of pages, for every language
    keys.update(("browse", facet) for facet in FACETS)  # in the navigation: always built with it
    gone: set[tuple[str, str]] = set()
    for rid in changed:
        (keys if rid in after else gone).add(("resource", rid))
    for rid, related in new_related.items():
        shown = [r.id for r in related]
        if shown != [r.id for r in old_related.get(rid, [])] or changed.intersection(shown):
            keys.add(("resource", rid))
    for facet in FACETS:
        now = browse_groups(new, facet)
        terms = {term for rid in changed for res in (before.get(rid), after.get(rid)) if res
                 for term in _terms(res, facet)}
        for term in terms:
            (keys if term in now else gone).add(("term", term_page(facet, term)))
    if ([r.id for r in recently_added(old)] != [r.id for r in recently_added(new)]
            or changed.intersection(r.id for r in recently_added(new))):
        plan.pages.update(f"{lang}/{HOME}" for lang in LANGS)
    plan.reading = changed & readable
    if plan.reading:
        keys.add(("read", SHELL_KEY))
    for lang in LANGS:
        plan.pages.update(page_path(kind, lang, key) for kind, key in keys)
        plan.removed.update(page_path(kind, lang, key) for kind, key in gone)
    return plan


def _terms(res: Resource, facet: str) -> list[str]:
    values = getattr(res, {"type": "type", "topic": "topics", "agency": "agencies"}[facet])
    return values if isinstance(values, list) else [values]


def page_url(src_uri: str) -> str:
    """The site-relative address of a generated page: "ru/resources/x.md" -> "ru/resources/x.html"."""
    lang, _, rest = src_uri.partition("/")
    return lang_dir(lang) + rest.removesuffix(".md") + ".html"


def patch_index(old: dict, fresh: dict, rebuilt: set[str], removed: set[str]) -> dict:
    """One language's search index after a quick pass: `old` (the served one) without the
    entries of the pages rebuilt or removed, with `fresh` (the rebuilt pages' entries)
    in their place. Locations are relative to the language root, as index_split writes
    them; `rebuilt` and `removed` are such page addresses. A changed page keeps its place;
    a new page's entries go at the end (the full build that follows puts them in order)."""
    by_page: dict[str, list] = {}
    for doc in fresh.get("docs", []):
        by_page.setdefault(doc["location"].split("#", 1)[0], []).append(doc)
    docs: list = []
    placed: set[str] = set()
    for doc in old.get("docs", []):
        page = doc["location"].split("#", 1)[0]
        if page in removed:
            continue
        if page in rebuilt:
            if page not in placed and page in by_page:
                docs.extend(by_page[page])
            placed.add(page)
            continue
        docs.append(doc)
    for page, entries in by_page.items():
        if page not in placed:
            docs.extend(entries)
    return {**old, "docs": docs}


def language_pages(src_uris: set[str], lang: str) -> set[str]:
    """The addresses, relative to `lang`'s root, of the pages of that language among `src_uris`."""
    prefix = f"{lang}/"
    return {page_url(src)[len(lang_dir(lang)):] for src in src_uris if src.startswith(prefix)}


def patch_language_index(old: dict, fresh: dict, plan: PreviewPlan, lang: str) -> dict:
    return patch_index(old, fresh, language_pages(plan.pages, lang), language_pages(plan.removed, lang))
