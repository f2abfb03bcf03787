"""Structured checklists (checklists/*.yaml): load them and render them for a page."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from .text import escape
from .ui import t


@cache
def load_checklist(path: Path) -> dict:
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def _text(value: dict | None, lang: str) -> tuple[str, str]:
    from .vocab import FALLBACK

    for candidate in (lang, *FALLBACK[lang]):
        if value and value.get(candidate):
            return value[candidate], candidate
    return "", lang


def render_checklist(path: Path, lang: str) -> str:
    data = load_checklist(path)
    out = []
    intro, used = _text(data.get("intro"), lang)
    if intro:
        out.append(f'<p lang="{used}">{escape(intro)}</p>')
    for section in data.get("sections", []):
        title, used = _text(section.get("title"), lang)
        out.append(f'<h3 id="{escape(section["id"])}" lang="{used}">{escape(title)}</h3>')
        items = []
        for item in section.get("items", []):
            question, q_lang = _text(item.get("question"), lang)
            guidance, g_lang = _text(item.get("guidance"), lang)
            finding, f_lang = _text(item.get("finding"), lang)
            parts = [f'<span class="eucj-check-rule">{escape(t("checklist_rule", lang))}: {escape(str(item.get("rule", "")))}</span>',
                     f'<strong class="eucj-check-question" lang="{q_lang}">{escape(question)}</strong>']
            if guidance:
                parts.append(f'<span class="eucj-check-guidance"><em>{escape(t("checklist_guidance", lang))}:</em> '
                             f'<span lang="{g_lang}">{escape(guidance)}</span></span>')
            if finding:
                parts.append(f'<span class="eucj-check-finding"><em>{escape(t("checklist_finding", lang))}:</em> '
                             f'<span lang="{f_lang}">{escape(finding)}</span></span>')
            items.append(f'<li class="eucj-check-item" id="{escape(item["id"])}">{"<br>".join(parts)}</li>')
        out.append(f'<ul class="eucj-checklist">{"".join(items)}</ul>')
    return "\n".join(out)
