"""The citation text offered on each resource page, in the page's language."""

from __future__ import annotations

from ..catalogue.model import Resource
from ..catalogue.names import author_names
from .ui import t
from ..catalogue.vocab import label


def citation(res: Resource, lang: str, url: str = "") -> str:
    """`Authors (date). Title [type]. EUCJ Resource Bank. URL`, as plain text.

    Without a configured site address (`site_url`) the page has no address worth
    citing (the bank works from any folder), so the stable identifier stands in.
    """
    title = res.title.get(lang)[0]
    head = f"{', '.join(author_names(res, lang))} ({res.date}). {title}" if res.authors else f"{title} ({res.date})"
    locator = url or f"{t('field_id', lang)}: {res.id}"
    return f"{head} [{label('types', res.type, lang)}]. {t('bank_name', lang)}. {locator}"
