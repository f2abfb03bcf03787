"""Which texts are missing in which language: resources and hand-written pages."""

from __future__ import annotations

from pathlib import Path

from .messages import _
from .model import Catalogue
from .vocab import LANGS

TEXT_FIELDS = ("title", "summary")


def missing_resource_texts(catalogue: Catalogue) -> dict[str, list[tuple[str, list[str]]]]:
    """lang -> [(resource id, [missing fields])]."""
    out: dict[str, list] = {lang: [] for lang in LANGS}
    for res in catalogue.resources:
        for lang in LANGS:
            fields = [f for f in TEXT_FIELDS if not getattr(getattr(res, f), lang)]
            fields += [f"links[{i}].title" for i, link in enumerate(res.links) if not getattr(link.title, lang)]
            if fields:
                out[lang].append((res.id, fields))
    return out


def missing_pages(docs_dir: Path) -> dict[str, list[str]]:
    """lang -> hand-written pages that exist in another language but not in this one."""
    pages = {lang: {p.relative_to(docs_dir / lang).as_posix() for p in (docs_dir / lang).rglob("*.md")}
             for lang in LANGS}
    everything = set().union(*pages.values())
    return {lang: sorted(everything - pages[lang]) for lang in LANGS}


def render_report(catalogue: Catalogue, docs_dir: Path) -> str:
    """A Markdown report: per language, a table of what is missing, or one line saying nothing is."""
    texts, pages = missing_resource_texts(catalogue), missing_pages(docs_dir)
    lines = []
    for lang in LANGS:
        if not texts[lang] and not pages[lang]:
            lines += [_("## {lang}: nothing missing - every resource and page has its text", lang=lang), ""]
            continue
        lines.append(_("## {lang}: resources missing text: {resources}; pages missing: {pages}", lang=lang,
                       resources=len(texts[lang]), pages=len(pages[lang])))
        lines.append("| " + _("resource or page") + " | " + _("missing") + " |")
        lines.append("| --- | --- |")
        lines += [f"| {rid} | {', '.join(fields)} |" for rid, fields in texts[lang]]
        lines += [f"| docs/{lang}/{page} | " + _("the whole page") + " |" for page in pages[lang]]
        lines.append("")
    return "\n".join(lines)
