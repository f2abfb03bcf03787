"""Structured checklists (checklists/*.yaml): load them and render them for a page.

Each item is a real checkbox with its question as label, so it can be ticked with a
mouse, Space or a screen reader, even without JavaScript. The page's script
(overrides/assets/javascripts/eucj-checklist.js) keeps the ticks in the browser's
localStorage under the checklist's id and each item's id, shared by the three
languages (the items are the same), counts them, and offers a reset. On paper
(the print stylesheet in eucj.css) the boxes print as empty squares to tick by hand.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..catalogue.checklist_model import Item, load_checklist_model, rule_text
from ..catalogue.model import Localized
from ..catalogue.text import escape
from .ui import t

SCRIPT = "assets/javascripts/eucj-checklist.js"

load_checklist = cache(load_checklist_model)  # read once, rendered in three languages


def _text(value: Localized | None, lang: str) -> tuple[str, str]:
    return value.get(lang) if value else ("", lang)


def _item(item: Item, lang: str) -> str:
    key = escape(item.id)
    question, q_lang = _text(item.question, lang)
    guidance, g_lang = _text(item.guidance, lang)
    finding, f_lang = _text(item.finding, lang)
    rule = f'{escape(t("checklist_rule", lang))}: {escape(rule_text(item, lang))}'
    out = [f'<input type="checkbox" class="eucj-check-box" id="check-{key}" name="{key}"'
           f' aria-describedby="check-{key}-rule">',
           f'<label for="check-{key}" class="eucj-check-question" lang="{q_lang}">{escape(question)}</label>',
           f'<span class="eucj-check-rule" id="check-{key}-rule">{rule}</span>']
    if guidance:
        out.append(f'<p class="eucj-check-guidance"><em>{escape(t("checklist_guidance", lang))}:</em> '
                   f'<span lang="{g_lang}">{escape(guidance)}</span></p>')
    if finding:
        out.append(f'<p class="eucj-check-finding"><em>{escape(t("checklist_finding", lang))}:</em> '
                   f'<span lang="{f_lang}">{escape(finding)}</span></p>')
    return f'<li class="eucj-check-item" id="{key}">{"".join(out)}</li>'


def _tools(lang: str) -> str:
    """Progress, reset and print: they need the script, so they are hidden until it runs."""
    def text(key: str) -> str:
        return escape(t(key, lang))

    return (f'<div class="eucj-checklist__tools" hidden>'
            f'<p class="eucj-checklist__progress" role="status" data-template="{text("checklist_progress")}"></p>'
            f'<button type="button" class="md-button" data-checklist-reset'
            f' data-confirm="{text("checklist_reset_confirm")}">{text("checklist_reset")}</button> '
            f'<button type="button" class="md-button" data-checklist-print>{text("checklist_print")}</button>'
            f'<p class="eucj-checklist__note">{text("checklist_kept_note")}</p></div>')


def render_checklist(path: Path, lang: str, checklist_id: str) -> str:
    checklist = load_checklist(path)
    out = [f'<div class="eucj-checklist" data-checklist="{escape(checklist_id)}">']
    intro, used = _text(checklist.intro, lang)
    if intro:
        out.append(f'<p lang="{used}">{escape(intro)}</p>')
    out.append(_tools(lang))
    for section in checklist.sections:
        title, used = _text(section.title, lang)
        out.append(f'<h3 id="{escape(section.id)}" lang="{used}">{escape(title)}</h3>')
        items = "".join(_item(item, lang) for item in section.items)
        out.append(f'<ul class="eucj-checklist__items">{items}</ul>')
    out.append("</div>")
    return "\n".join(out)
