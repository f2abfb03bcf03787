"""schema.org JSON-LD and Dublin Core meta tags for a resource page, so the bank can be
cited and harvested. The JSON is safe inside <script>: <, > and & are escaped, so no
catalogue text can close the element."""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..catalogue.model import Resource
from ..catalogue.names import author_name, author_names, is_organisation
from ..catalogue.text import plain
from ..catalogue.vocab import LANGS, label, vocabularies

LANG_ROOT = {"en": "", "ru": "ru/", "kk": "kk/"}
LICENCE_URLS = {"cc-by-4.0": "https://creativecommons.org/licenses/by/4.0/"}
_ORGANISATION = re.compile(r"project|UNDP|Ministry|Office|NI-CO|expert", re.I)


def _page(lang: str, rid: str, from_lang: str) -> str:
    """The URL of `rid`'s page in `lang`, relative to its page in `from_lang`."""
    up = "../" * (1 + (from_lang != "en"))
    return f"{up}{LANG_ROOT[lang]}resources/{rid}.html"


def resource_jsonld(res: Resource, lang: str, root: Path) -> dict:
    title, title_lang = res.title.get(lang)
    summary, _ = res.summary.get(lang)
    up = "../" * (1 + (lang != "en"))
    data = {
        "@context": "https://schema.org",
        "@type": ["CreativeWork", "LearningResource"],
        "@id": f"{res.id}.html",
        "identifier": res.id,
        "name": title,
        "description": plain(summary),
        "inLanguage": title_lang,
        "learningResourceType": label("types", res.type, lang),
        "audience": [{"@type": "Audience", "audienceType": label("audiences", a, lang)} for a in res.audience],
        "about": [label("topics", t, lang) for t in res.topics],
        "license": LICENCE_URLS.get(res.licence, label("licences", res.licence, lang)),
        "dateCreated": res.date,
        "isAccessibleForFree": True,
        "publisher": {"@type": "Organization", "name": "EUCJ Resource Bank"},
    }
    if res.authors:
        data["author"] = [{"@type": "Organization" if is_organisation(a) or _ORGANISATION.search(a) else "Person",
                           "name": author_name(a, lang)} for a in res.authors]
    if res.added:
        data["datePublished"] = res.added
    others = [{"@id": _page(other, res.id, lang), "inLanguage": other} for other in LANGS if other != lang]
    if lang == "en":
        data["workTranslation"] = others
    else:
        data["translationOfWork"] = {"@id": _page("en", res.id, lang), "inLanguage": "en"}
        data["workTranslation"] = [o for o in others if o["inLanguage"] != "en"]
    if res.files:
        data["encoding"] = [{"@type": "MediaObject", "contentUrl": f"{up}{ref.path}", "inLanguage": ref.lang,
                             "encodingFormat": vocabularies()["formats"][ref.format]["mime"],
                             "contentSize": f"{(root / ref.path).stat().st_size} B"} for ref in res.files]
    return data


def script_json(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def dublin_core(res: Resource, lang: str) -> list[tuple[str, str]]:
    """Raw (name, value) pairs; the template escapes the values."""
    title, _ = res.title.get(lang)
    summary, _ = res.summary.get(lang)
    pairs = [("DC.title", title), ("DC.description", plain(summary)), ("DC.language", lang),
             ("DC.date", res.date), ("DC.type", label("types", res.type, lang)), ("DC.identifier", res.id),
             ("DC.rights", label("licences", res.licence, lang))]
    pairs += [("DC.creator", name) for name in author_names(res, lang)]
    pairs += [("DC.subject", label("topics", t, lang)) for t in res.topics]
    return pairs
