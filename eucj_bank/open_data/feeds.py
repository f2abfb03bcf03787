"""An Atom feed of new and updated resources per language (feed.xml in each language root)."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from ..catalogue.model import Catalogue, Resource
from ..catalogue.text import plain
from .exports import LANG_ROOT

FEED_TITLE = {"en": "EUCJ Resource Bank: new resources", "ru": "Банк ресурсов EUCJ: новые ресурсы",
              "kk": "EUCJ ресурстар банкі: жаңа ресурстар"}
LIMIT = 50


def _timestamp(date: str) -> str:
    """Atom needs a full date-time; a year or month stands for its first day."""
    parts = (date.split("-") + ["01", "01"])[:3]
    return f"{parts[0]}-{parts[1]}-{parts[2]}T00:00:00Z"


def _updated(res: Resource) -> str:
    return _timestamp(max(filter(None, [res.date, res.added])))


def render_feed(catalogue: Catalogue, lang: str, site_url: str = "") -> str:
    base = site_url.rstrip("/") + "/" + LANG_ROOT[lang] if site_url else ""
    entries = sorted(catalogue.resources, key=lambda r: (_updated(r), r.id), reverse=True)[:LIMIT]
    updated = _updated(entries[0]) if entries else _timestamp("2018")
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}"'
           + (f" xml:base={quoteattr(base)}" if base else "") + ">",
           f"  <id>urn:eucj-resource-bank:feed:{lang}</id>",
           f"  <title>{escape(FEED_TITLE[lang])}</title>",
           f"  <updated>{updated}</updated>",
           '  <link rel="self" href="feed.xml"/>',
           '  <link rel="alternate" type="text/html" href="catalogue.html"/>',
           "  <author><name>EUCJ Resource Bank</name></author>"]
    for res in entries:
        title, title_lang = res.title.get(lang)
        summary, summary_lang = res.summary.get(lang)
        out += ["  <entry>",
                f"    <id>urn:eucj-resource-bank:{res.id}:{lang}</id>",
                f'    <title xml:lang="{title_lang}">{escape(title)}</title>',
                f'    <link rel="alternate" type="text/html" href="resources/{res.id}.html"/>',
                f"    <published>{_timestamp(res.added or res.date)}</published>",
                f"    <updated>{_updated(res)}</updated>",
                f'    <summary xml:lang="{summary_lang}">{escape(plain(summary))}</summary>',
                "  </entry>"]
    out.append("</feed>")
    return "\n".join(out) + "\n"


def write_feeds(catalogue: Catalogue, site_dir: Path, site_url: str = "") -> list[Path]:
    written = []
    for lang, prefix in LANG_ROOT.items():
        target = site_dir / prefix / "feed.xml"
        target.write_text(render_feed(catalogue, lang, site_url), encoding="utf-8")
        written.append(target)
    return written
