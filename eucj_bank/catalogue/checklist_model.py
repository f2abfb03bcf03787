"""The structure of a checklist file (checklists/*.yaml), checked with located problems.

A checklist is data beside the catalogue: sections of items, each with its rule
reference, question and guidance in en/ru/kk. Item ids are page anchors and the
keys under which a reader's ticks are kept, so they must be unique and stable.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, StringConstraints, ValidationError

from .messages import _
from .model import ID_PATTERN, Localized, NonEmpty, Strict
from .problems import WARNING, Problem, type_name
from .vocab import label, nearest, terms
from .yaml_source import load_yaml, read_text

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]
REFERENCES = "epr_references"


class Item(Strict):
    id: Id
    # Keys of the epr_references vocabulary (named in en, ru and kk there), or a reference
    # written out, which every language then shows as written.
    rule: NonEmpty | Annotated[list[Id], Field(min_length=1)]
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


def _hints() -> dict[str, str]:
    return {
        "missing": _("add it (see checklists/epr-checklist.yaml for the form of a checklist)"),
        "extra_forbidden": _("a checklist has intro and sections; a section id, title and items; an item id, "
                             "rule, question, guidance and finding - check the spelling"),
        "string_pattern_mismatch": _("use lowercase latin letters, digits and single hyphens, "
                                     "e.g. records-contacts"),
        "string_type": _("write it as text; put a number or date in quotes, e.g. rule: \"58\""),
        "too_short": _("give at least one entry"),
        "string_too_short": _("write the text or remove the key"),
    }


def _message(err: dict, loc: tuple) -> str:
    field = ".".join(str(p) for p in loc) or "checklist"
    kind = err["type"]
    if kind == "extra_forbidden":
        return _("unknown field '{field}'", field=loc[-1])
    if kind == "missing":
        return _("{field} is missing", field=loc[-1]) if loc else _("the checklist is empty")
    if kind == "string_pattern_mismatch":
        return _("{field} has an invalid value {value}", field=field, value=repr(err.get("input")))
    if kind == "string_type":
        return _("{field} must be {expected}, not {got}", field=field, expected=_("text"),
                 got=type_name(type(err.get("input")).__name__))
    if kind == "too_short":
        return _("{field} is an empty list", field=field)
    if kind == "string_too_short":
        return _("{field} is empty", field=field)
    return _("{field}: this value is not valid ({reason})", field=field, reason=err["msg"])


def _where(loc: tuple, data: object) -> str:
    """`sections[1].items[2] 'records-access'`: the dotted place, and the item's id if it has one."""
    place = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".") or _("checklist")
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
        return problems + [Problem(display, 1, 1, "checklist", _("a checklist must be a mapping with `sections:`"),
                                   _hints()["missing"])]
    try:
        checklist = Checklist.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and (p[0].isupper() or "[" in p
                                                                             or p in ("none", "str"))))
            mark = smap.locate(loc, key=err["type"] == "extra_forbidden")
            if not loc and err["type"] == "missing":
                message = _("the checklist is empty")
            else:
                message = _message(err, loc)
            problems.append(Problem(display, mark.line, mark.col, _where(loc, data), message,
                                    _hints().get(err["type"], _("correct the value"))))
        return problems
    seen: dict[str, tuple] = {}
    for s, section in enumerate(checklist.sections):
        for i, item in enumerate(section.items):
            loc = ("sections", s, "items", i)
            if item.id in seen:
                mark, first = smap.locate(loc + ("id",)), smap.locate(seen[item.id] + ("id",))
                problems.append(Problem(display, mark.line, mark.col, _where(loc, data),
                                        _("the item id '{id}' is already used on line {line}", id=item.id,
                                          line=first.line),
                                        _("give each item its own id: it keeps the reader's tick and is the "
                                          "link anchor")))
            seen.setdefault(item.id, loc)
            for r, key in enumerate(item.rule if isinstance(item.rule, list) else []):
                if key not in terms(REFERENCES):
                    mark = smap.locate(loc + ("rule", r))
                    guess = nearest(REFERENCES, key)
                    problems.append(Problem(display, mark.line, mark.col, _where(loc, data),
                                            f"rule '{key}' is not in the {REFERENCES} vocabulary",
                                            (f"did you mean '{guess}'? " if guess else "")
                                            + f"Valid values: {', '.join(terms(REFERENCES))} "
                                              "(eucj_bank/catalogue/vocabularies.yaml)"))
            for field in ("question", "guidance"):
                for lang in getattr(item, field).missing():
                    mark = smap.locate(loc + (field,))
                    problems.append(Problem(display, mark.line, mark.col, _where(loc, data),
                                            _("{field} is missing", field=f"{field}.{lang}"),
                                            _("the page shows another language's text; add {field}",
                                              field=f"{field}.{lang}"), WARNING))
    return problems


def rule_text(item: Item, lang: str) -> str:
    """The item's reference to the Rules in `lang`: "Part V — records, information and confidentiality"."""
    if isinstance(item.rule, str):
        return item.rule
    return "; ".join(label(REFERENCES, key, lang) for key in item.rule)


def load_checklist_model(path: Path) -> Checklist:
    """A checklist already checked by the build (check_checklist); raises if it is not sound."""
    data, _, _ = load_yaml(path.read_text(encoding="utf-8"), str(path))
    return Checklist.model_validate(data)
