"""Sitemaps per language, with hreflang alternates for every page.

static-i18n's own sitemap writes "None" before each address when site_url is unset,
and Material requests `sitemap.xml` next to every hreflang link of a page (its
language switcher), so a page in ru/resources/ makes it ask for ru/resources/sitemap.xml.
We write one sitemap per language root listing all of its pages, and one per folder
that holds pages listing that folder's pages (the sitemap protocol lets a sitemap list
the addresses below its own folder). Addresses start with site_url when one is
configured, and relative to the sitemap's own folder otherwise (a relative <loc>
resolves against the sitemap's address, so kk/sitemap.xml lists "about.html", not
"kk/about.html", which a reader of it resolves to kk/kk/about.html); no lastmod, so two
builds of the same commit give the same files.
"""

from __future__ import annotations

import gzip
import posixpath
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from ..catalogue.vocab import DEFAULT_LANG, LANGS

NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml"'
SKIP = {"404.html"}


def _root(lang: str) -> str:
    return "" if lang == DEFAULT_LANG else f"{lang}/"


def language_pages(site_dir: Path) -> dict[str, list[str]]:
    """lang -> page paths relative to that language's root."""
    pages = {}
    for lang in LANGS:
        base = site_dir / _root(lang)
        found = []
        for path in base.rglob("*.html"):
            rel = path.relative_to(base).as_posix()
            head = rel.split("/", 1)[0]
            # texts/: a document's text, once, in its own language; the sitemaps list the
            # reading pages that frame it in each language (eucj_bank/site/text_document.py)
            if rel in SKIP or head in ("assets", "search", "files", "texts") or (lang == DEFAULT_LANG and head in LANGS):
                continue
            found.append(rel)
        pages[lang] = sorted(found)
    return pages


def _url(site_url: str, lang: str, rel: str, here: str) -> str:
    """The address of page `rel` of `lang`, for a sitemap in the site folder `here`."""
    if site_url:
        return f"{site_url.rstrip('/')}/{_root(lang)}{rel}"
    folder, _, name = (_root(lang) + rel).rpartition("/")
    up = _relative_folder(folder, here)
    return name if up == "." else f"{up}/{name}"


@lru_cache(maxsize=4096)
def _relative_folder(folder: str, here: str) -> str:
    """posixpath.relpath of a page's folder, once per pair of folders (97,000 calls for the
    sitemaps of N = 1,000 took 1.3 s)."""
    return posixpath.relpath(folder or ".", here or ".")


def render_sitemap(site_url: str, lang: str, rels: list[str], pages: dict[str, list[str]], here: str = "") -> str:
    """The sitemap of `rels` (pages of `lang`), written in the folder `here` of the site."""
    available = {code: set(paths) for code, paths in pages.items()}
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f"<urlset {NS}>"]
    for rel in rels:
        out.append(f"  <url>\n    <loc>{escape(_url(site_url, lang, rel, here))}</loc>")
        for code in LANGS:
            if rel in available[code]:
                href = quoteattr(_url(site_url, code, rel, here))
                out.append(f'    <xhtml:link rel="alternate" hreflang="{code}" href={href}/>')
        out.append("  </url>")
    out.append("</urlset>")
    return "\n".join(out) + "\n"


def write_sitemaps(site_dir: Path, site_url: str = "") -> list[Path]:
    pages = language_pages(site_dir)
    written = []
    for lang, rels in pages.items():
        folders: dict[str, list[str]] = defaultdict(list)
        for rel in rels:
            folders[rel.rpartition("/")[0]].append(rel)
        folders[""] = rels  # the language root lists every page of the language
        for folder, members in folders.items():
            here = (_root(lang) + folder).strip("/")
            target = site_dir / here / "sitemap.xml"
            target.write_text(render_sitemap(site_url, lang, members, pages, here), encoding="utf-8")
            written.append(target)
    root = site_dir / "sitemap.xml"
    # MkDocs also writes a gzip copy; keep it equal, with no timestamp inside.
    with open(site_dir / "sitemap.xml.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(root.read_bytes())
    return written
