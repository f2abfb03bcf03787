"""The structure of a checklist file (checklists/*.yaml), checked with located problems.

A checklist is data beside the catalogue: sections of items, each with its rule
reference, question and guidance in en/ru/kk. Item ids are page anchors and the
keys under which a reader's ticks are kept, so they must be unique and stable.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, StringConstraints, ValidationError

from .model import ID_PATTERN, Localized, NonEmpty, Strict
from .problems import WARNING, Problem
from .yaml_source import load_yaml, read_text

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]


class Item(Strict):
    id: Id
    rule: NonEmpty
    question: Localized
    guidance: Localized
    finding: Localized | None = None


class Section(Strict):
    id: Id
    title: Localized
    items: Annotated[list[Item], Field(min_length=1)]


class Checklist(Strict):
    intro: Localized | None = None
    sections: Annotated[list[Section], Field(min_length=1)]


_HINTS = {
    "missing": "add it (see checklists/epr-checklist.yaml for the form of a checklist)",
    "extra_forbidden": "a checklist has intro and sections; a section id, title and items; an item id, rule, "
                       "question, guidance and finding - check the spelling",
    "string_pattern_mismatch": "use lowercase latin letters, digits and single hyphens, e.g. records-contacts",
    "string_type": "write it as text; put a number or date in quotes, e.g. rule: \"58\"",
    "too_short": "give at least one entry",
    "string_too_short": "write the text or remove the key",
}


def _where(loc: tuple, data: object) -> str:
    """`sections[1].items[2] 'records-access'`: the dotted place, and the item's id if it has one."""
    place = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".") or "checklist"
    node = data
    for part in loc[:4]:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return place
    rid = node.get("id") if isinstance(node, dict) else None
    return f"{place} '{rid}'" if isinstance(rid, str) and len(loc) >= 4 else place


def check_checklist(path: Path, display: str) -> list[Problem]:
    """Every problem of the checklist file at `path`, located; an empty list if it is sound."""
    text, problems = read_text(path, display)
    if text is None:
        return problems
    data, smap, problems = load_yaml(text, display)
    if data is None:
        return problems
    if not isinstance(data, dict):
        return problems + [Problem(display, 1, 1, "checklist", "a checklist must be a mapping with `sections:`",
                                   _HINTS["missing"])]
    try:
        checklist = Checklist.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and (p[0].isupper() or "[" in p
                                                                             or p in ("none", "str"))))
            mark = smap.locate(loc, key=err["type"] == "extra_forbidden")
            leaf = loc[-1] if loc else "checklist"
            message = {"extra_forbidden": f"unknown field '{leaf}'",
                       "missing": f"{leaf} is missing" if loc else "the checklist is empty"}.get(
                           err["type"], err["msg"][0].lower() + err["msg"][1:])
            problems.append(Problem(display, mark.line, mark.col, _where(loc, data), message,
                                    _HINTS.get(err["type"], "correct the value")))
        return problems
    seen: dict[str, tuple] = {}
    for s, section in enumerate(checklist.sections):
        for i, item in enumerate(section.items):
            loc = ("sections", s, "items", i)
            if item.id in seen:
                mark, first = smap.locate(loc + ("id",)), smap.locate(seen[item.id] + ("id",))
                problems.append(Problem(display, mark.line, mark.col, _where(loc, data),
                                        f"the item id '{item.id}' is already used on line {first.line}",
                                        "give each item its own id: it keeps the reader's tick and is the link anchor"))
            seen.setdefault(item.id, loc)
            for field in ("question", "guidance"):
                for lang in getattr(item, field).missing():
                    mark = smap.locate(loc + (field,))
                    problems.append(Problem(display, mark.line, mark.col, _where(loc, data),
                                            f"{field}.{lang} is missing",
                                            f"the page shows another language's text; add {field}.{lang}", WARNING))
    return problems


def load_checklist_model(path: Path) -> Checklist:
    """A checklist already checked by the build (check_checklist); raises if it is not sound."""
    data, _, _ = load_yaml(path.read_text(encoding="utf-8"), str(path))
    return Checklist.model_validate(data)
