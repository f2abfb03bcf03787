"""What every generated page shares: where pages live, how a page climbs to the site
root, its metadata, notices, breadcrumbs and links to browse pages.

Every catalogue value goes through `escape` (titles, names) or `summary_html`
(summaries): what an editor typed is shown as text, never run as markup. Links
between generated pages are relative, so the site works under any sub-path and
from disk; downloads live once at the site root under files/, shared by all
three languages.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..catalogue.model import Catalogue, Localized, Resource
from ..catalogue.text import escape
from ..catalogue.vocab import DEFAULT_LANG, label
from .related import related_index
from .ui import t

FACETS = {"type": "types", "topic": "topics", "agency": "agencies"}
FACET_FIELD = {"type": "type", "topic": "topics", "agency": "agencies"}


@dataclass(frozen=True)
class SiteContext:
    """What a page needs to know beyond its resource."""

    root: Path  # repository root: resource files are read from here
    catalogue: Catalogue
    site_url: str = ""  # the site's public address, when configured (mkdocs `site_url`)

    @cached_property
    def related(self) -> dict[str, list[Resource]]:
        return related_index(self.catalogue)

    def page_url(self, lang: str, res: Resource) -> str:
        if not self.site_url:
            return ""
        return f"{self.site_url.rstrip('/')}/{lang_dir(lang)}resources/{res.id}.html"


def page_path(kind: str, lang: str, key: str = "") -> str:
    """The docs-relative source path of a generated page (as static-i18n expects)."""
    name = {"resource": f"resources/{key}.md", "catalogue": "catalogue.md", "browse": f"browse/{key}.md",
            "term": f"browse/{key}.md"}[kind]
    return f"{lang}/{name}"


def lang_dir(lang: str) -> str:
    """A language's folder from the site root: "" for English, "ru/", "kk/"."""
    return "" if lang == DEFAULT_LANG else f"{lang}/"


def up_to_site_root(lang: str, depth: int) -> str:
    """From a page `depth` folders below its language root, the way up to the site root."""
    return "../" * (depth + (lang != DEFAULT_LANG))


def page_meta(title: str, description: str = "", scripts: tuple[str, ...] = (), extra: dict | None = None) -> dict:
    """`scripts`: site-root-relative paths the page loads after Material's own
    (overrides/main.html), so a page's script is loaded by that page only."""
    meta: dict = {"title": title}
    if description:
        meta["description"] = description
    if scripts:
        meta["scripts"] = list(scripts)
    return {**meta, **(extra or {})}


def notice_box(kind: str, title: str, body: str, lang: str | None = None) -> str:
    lang_attr = f' lang="{lang}"' if lang else ""
    return (f'<div class="admonition {kind}"><p class="admonition-title">{escape(title)}</p>'
            f"<p{lang_attr}>{body}</p></div>")


def localized(text: Localized, lang: str, field: str, notices: list[str]) -> tuple[str, str]:
    value, used = text.get(lang)
    if used != lang:
        notices.append(t("fallback_notice", lang, field=t(f"fallback_field_{field}", lang),
                         shown=label("languages", used, lang)))
    return value, used


def resource_title(res: Resource, lang: str) -> str:
    return res.title.get(lang)[0]


def term_links(vocab: str, facet: str | None, values: list[str], lang: str, up: str) -> str:
    items = []
    for value in values:
        text = escape(label(vocab, value, lang))
        items.append(f'<a href="{up}browse/{term_page(facet, value)}.html">{text}</a>' if facet else text)
    return ", ".join(items)


def term_page(facet: str, term: str) -> str:
    """The name of the browse page of one term (browse/topic-probation.html): one page
    per term, so that no page grows with the whole bank (a page listing every topic's
    resources weighed 1.7 MB at 1,000 resources)."""
    return f"{facet}-{term}"


def breadcrumbs(steps: list[tuple[str, str]], lang: str) -> str:
    """The trail of (link, text) steps above a page's title."""
    items = "".join(f'<li><a href="{href}">{escape(text)}</a></li>' for href, text in steps)
    return f'<nav class="eucj-breadcrumbs" aria-label="{escape(t("breadcrumbs_label", lang))}"><ol>{items}</ol></nav>'
