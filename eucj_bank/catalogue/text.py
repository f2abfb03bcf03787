"""Catalogue text is data, never markup: escaping and the small summary subset."""

from __future__ import annotations

import html
import re

_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![*\w])\*(?=\S)(.+?)(?<=\S)\*(?![*\w])")


def escape(text: str) -> str:
    """HTML-escape `text`, and neutralise what Markdown would read inside raw HTML."""
    return html.escape(text, quote=True)


def summary_html(text: str) -> str:
    """Render a summary: escaped text with **bold**, *italic* and blank-line paragraphs.

    This is the whole Markdown subset a summary allows (documented in the contributor
    guide); anything else, HTML included, is shown exactly as typed.
    """
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    out = []
    for para in paragraphs:
        body = escape(" ".join(para.split()))
        body = _BOLD.sub(r"<strong>\1</strong>", body)
        body = _ITALIC.sub(r"<em>\1</em>", body)
        out.append(f"<p>{body}</p>")
    return "\n".join(out)


def plain(text: str) -> str:
    """A summary as plain text (for exports and meta descriptions)."""
    return " ".join(text.replace("**", "").split())


def human_size(size: int, units: list[str]) -> str:
    if size < 1024:
        return f"{size} {units[0]}"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} {units[1]}"
    return f"{size / (1024 * 1024):.1f} {units[2]}"
