"""Structured checklists (checklists/*.yaml): load them and render them for a page.

Each item is a group of four radio buttons (yes, partly, no, not applicable: the
answers its questions call for) in a fieldset whose legend is the question, so it can
be answered with a mouse, the arrow keys or a screen reader, even without JavaScript.
The page's script (overrides/assets/javascripts/eucj-checklist.js) keeps the answers
in the browser's localStorage under the checklist's id and each item's id, shared by
the three languages (the items are the same), counts them, and offers a reset. On
paper (the print stylesheet in eucj.css) each answer prints as a square, empty or
ticked, to fill in by hand.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..catalogue.checklist_model import Item, load_checklist_model, rule_text
from ..catalogue.model import Localized
from ..catalogue.text import escape
from .ui import t

SCRIPT = "assets/javascripts/eucj-checklist.js"
ANSWERS = ("yes", "partly", "no", "na")

load_checklist = cache(load_checklist_model)  # read once, rendered in three languages


def _text(value: Localized | None, lang: str) -> tuple[str, str]:
    return value.get(lang) if value else ("", lang)


def _item(item: Item, lang: str) -> str:
    key = escape(item.id)
    question, q_lang = _text(item.question, lang)
    guidance, g_lang = _text(item.guidance, lang)
    finding, f_lang = _text(item.finding, lang)
    rule = f'{escape(t("checklist_rule", lang))}: {escape(rule_text(item, lang))}'
    answers = "".join(
        f'<label class="eucj-check-answer"><input type="radio" class="eucj-check-box" name="{key}"'
        f' id="check-{key}-{answer}" value="{answer}"> {escape(t(f"checklist_answer_{answer}", lang))}</label>'
        for answer in ANSWERS)
    out = [f'<fieldset class="eucj-check-answers" aria-describedby="check-{key}-rule">'
           f'<legend class="eucj-check-question" lang="{q_lang}">{escape(question)}</legend>'
           f'<span class="eucj-check-rule" id="check-{key}-rule">{rule}</span>'
           f'<span class="eucj-check-options">{answers}</span></fieldset>']
    if guidance:
        out.append(f'<p class="eucj-check-guidance"><em>{escape(t("checklist_guidance", lang))}:</em> '
                   f'<span lang="{g_lang}">{escape(guidance)}</span></p>')
    if finding:
        out.append(f'<p class="eucj-check-finding"><em>{escape(t("checklist_finding", lang))}:</em> '
                   f'<span lang="{f_lang}">{escape(finding)}</span></p>')
    return f'<li class="eucj-check-item" id="{key}">{"".join(out)}</li>'


def _tools(lang: str, total: int) -> str:
    """Progress, reset and print. Rendered as the script shows them with nothing answered
    (no shift when it starts); without JavaScript a <noscript> style hides them."""
    def text(key: str) -> str:
        return escape(t(key, lang))

    progress = escape(t("checklist_progress", lang, checked=0, total=total))
    return (f'<div class="eucj-checklist__tools">'
            f'<p class="eucj-checklist__progress" role="status" data-template="{text("checklist_progress")}">'
            f'{progress}</p>'
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
    out.append(_tools(lang, sum(len(section.items) for section in checklist.sections)))
    for section in checklist.sections:
        title, used = _text(section.title, lang)
        out.append(f'<h3 id="{escape(section.id)}" lang="{used}">{escape(title)}</h3>')
        items = "".join(_item(item, lang) for item in section.items)
        out.append(f'<ul class="eucj-checklist__items">{items}</ul>')
    out.append("</div>")
    return "\n".join(out)
