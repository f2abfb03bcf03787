"""Load the catalogue: YAML -> located problems -> the typed model.

`load_catalogue` never raises on bad input: every mistake comes back as a
`Problem` naming file, line, column and field, all of them at once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from .editor_checks import internal_mentions, placeholder_problems, unlisted_files
from .messages import _
from .model import DAY_MONTH_YEAR, Catalogue, Resource
from .problems import ERROR, Problem, errors, sort_key, type_name
from .validate import check_resources
from .yaml_source import SourceMap, load_yaml, read_text


@dataclass
class LoadResult:
    catalogue: Catalogue | None
    problems: list[Problem] = field(default_factory=list)
    source_map: SourceMap | None = None

    @property
    def ok(self) -> bool:
        return self.catalogue is not None and not errors(self.problems)


def load_catalogue(path: Path, root: Path | None = None, *, strict: bool = False) -> LoadResult:
    """Load and validate the catalogue at `path`; files are resolved against `root`.

    With `strict`, warnings (missing translations) count as errors.
    """
    path = Path(path)
    root = Path(root) if root else path.parent
    display = display_path(path)
    if not path.is_file():
        return LoadResult(None, [Problem(display, 1, 1, _("catalogue"), _("the file does not exist"),
                                         _("give the path of resource_catalog.yaml"))])
    text, problems = read_text(path, display)
    if text is None:
        return LoadResult(None, problems)
    data, smap, problems = load_yaml(text, display, describe=describe_path)
    if problems and data is None:
        return LoadResult(None, problems, smap)
    raw = _resources_list(data, smap, display, problems)
    resources: list[tuple[int, Resource]] = []
    for index, entry in enumerate(raw):
        resource = _build_resource(entry, index, smap, display, problems)
        if resource is not None:
            resources.append((index, resource))
    problems.extend(check_resources(resources, raw, smap, display, root))
    problems.extend(placeholder_problems(data, smap, display, describe_path))
    problems.extend(unlisted_files(resources, raw, smap, display, root, where))
    problems.extend(internal_mentions(resources, raw, smap, display, where))
    if strict:
        problems = [dataclasses.replace(p, severity=ERROR) for p in problems]
    problems.sort(key=sort_key)
    catalogue = Catalogue.model_construct(resources=[r for _, r in resources])
    return LoadResult(catalogue, problems, smap)


def display_path(path: Path) -> str:
    """How problems name a file: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _resources_list(data: object, smap: SourceMap, display: str, problems: list[Problem]) -> list:
    if not isinstance(data, dict) or "resources" not in data:
        problems.append(Problem(display, 1, 1, _("top level"), _("there is no `resources:` list"),
                                _("start the list of entries with a line `resources:`")))
        return []
    for key in data:
        if key != "resources":
            mark = smap.locate((key,), key=True)
            problems.append(Problem(display, mark.line, mark.col, _("top level"),
                                    _("unknown top-level key '{key}'", key=key),
                                    _("the catalogue has only `resources:`; move this under an entry or remove it")))
    raw = data["resources"]
    if raw is None:
        return []
    if not isinstance(raw, list):
        mark = smap.locate(("resources",))
        problems.append(Problem(display, mark.line, mark.col, "resources", _("`resources` must be a list"),
                                _("start each entry with `- id: ...`")))
        return []
    return raw


def describe_path(path: tuple, data: object) -> str:
    """Name a place in the catalogue: the resource it belongs to, or its dotted path."""
    if len(path) >= 2 and path[0] == "resources" and isinstance(data, dict):
        entries = data.get("resources")
        entry = entries[path[1]] if isinstance(entries, list) and path[1] < len(entries) else None
        return where(path[1], entry)
    return ".".join(str(p) for p in path) or _("top level")


def where(index: int, entry: object) -> str:
    rid = entry.get("id") if isinstance(entry, dict) else None
    return f"resources[{index}] '{rid}'" if isinstance(rid, str) else f"resources[{index}]"


def _build_resource(entry: object, index: int, smap: SourceMap, display: str,
                    problems: list[Problem]) -> Resource | None:
    base = ("resources", index)
    if not isinstance(entry, dict):
        mark = smap.locate(base)
        problems.append(Problem(display, mark.line, mark.col, f"resources[{index}]",
                                _("an entry must be a mapping of fields"),
                                _("start the entry with `- id: ...` and indent its fields under it")))
        return None
    try:
        return Resource.model_validate(entry)
    except ValidationError as exc:
        for err in exc.errors():
            problems.append(_located(err, entry, base, index, smap, display))
        return _partial_resource(entry)


def _partial_resource(entry: dict) -> Resource:
    """The fields of a rejected entry that are valid on their own, so that their
    other checks (vocabularies, files, links) still run: every problem at once."""
    values = {}
    for name, info in Resource.model_fields.items():
        if name not in entry:
            continue
        try:
            values[name] = TypeAdapter(info.annotation).validate_python(entry[name], strict=True)
        except ValidationError:
            continue
    return Resource.model_construct(**values)


def _located(err: dict, entry: dict, base: tuple, index: int, smap: SourceMap, display: str) -> Problem:
    loc = error_location(err)
    mark = smap.locate(base + loc, key=err["type"] == "extra_forbidden")
    message, hint = explain_error(err, loc)
    return Problem(display, mark.line, mark.col, where(index, entry), message, hint)


def error_location(err: dict, tags: frozenset = frozenset()) -> tuple:
    """The path of a pydantic error in the document, without pydantic's union tags
    (the names of the alternatives of `X | None`, plus the caller's own `tags`)."""
    return tuple(p for p in err["loc"] if not (isinstance(p, str) and (p in _UNION_TAGS or p in tags)))


_UNION_TAGS = {"str", "int", "list[str]", "constrained-str", "function-after", "function-before",
               "Localized", "Holder", "none", "literal['public','internal']"}

def _field_hints() -> dict[str, str]:
    return {
        "id": _("use lowercase latin letters, digits and single hyphens, e.g. epr-checklist"),
        "date": _("write the date as YYYY, YYYY-MM or YYYY-MM-DD in quotes, e.g. \"2016-05-20\""),
        "added": _("write the day the entry joined the bank as YYYY-MM-DD in quotes, e.g. \"2026-03-02\""),
        "sha256": _("run `sha256sum FILE` and copy the 64 hexadecimal characters"),
        "access": _("write public or internal"),
    }


def explain_error(err: dict, loc: tuple, *, suggest=None, field_hints: dict | None = None,
                  reference: str | None = None) -> tuple[str, str]:
    """(message, hint) for one pydantic error at `loc` (union tags removed).

    `suggest(loc)` proposes the known field closest to a misspelt key; `field_hints`
    and `reference` let another file (a site profile) explain its own fields.
    """
    kind = err["type"]
    reference = reference or _("the catalogue header")
    dotted = ".".join(str(p) for p in loc) or _("entry")
    leaf = str(loc[-1]) if loc else ""
    field_hint = (_field_hints() if field_hints is None else field_hints).get(leaf)
    value = repr(err.get("input"))
    if kind == "missing":
        return _("{field} is missing", field=dotted), _("add {field} (see {reference} for its form)", field=dotted,
                                                          reference=reference)
    if kind == "extra_forbidden":
        if suggest is None:
            from .validate import suggest_field as suggest
        guess = suggest(loc)
        return (_("unknown field '{field}'", field=leaf),
                _("did you mean '{field}'? check the spelling", field=guess) if guess else
                _("remove it or check its spelling against {reference}", reference=reference))
    if kind in ("string_too_short",):
        return _("{field} is empty", field=dotted), _("write the text of {field} or remove the key", field=dotted)
    if kind == "string_pattern_mismatch":
        return (_("{field} has an invalid value {value}", field=dotted, value=value),
                field_hint or _("use lowercase latin letters, digits and hyphens"))
    if kind == "too_short" and "list" in err.get("msg", "").lower():
        return _("{field} is an empty list", field=dotted), _("give at least one value for {field}", field=dotted)
    if kind == "value_error" and leaf in ("date", "added") and isinstance(err.get("input"), str):
        day_month_year = DAY_MONTH_YEAR.match(err["input"])
        if day_month_year and _real_day(*day_month_year.groups()):
            day, month, year = day_month_year.groups()
            iso = f"{year}-{int(month):02d}-{int(day):02d}"
            return (f"{dotted}: {err['msg'].removeprefix('Value error, ')}",
                    _("write it as \"{iso}\" (year-month-day, in quotes)", iso=iso))
    if kind == "value_error":
        # our validators raise ValueError with a message already in the editor's language
        return f"{dotted}: {err['msg'].removeprefix('Value error, ')}", field_hint or _("correct the value")
    if kind == "string_too_long":
        return _("{field} is too long", field=dotted), _("shorten it")
    if kind == "literal_error":
        return (_("{field} has an invalid value {value}", field=dotted, value=value),
                field_hint or _("write one of: {values}", values=err.get("ctx", {}).get("expected", "")))
    expected = {
        "string_type": _("text"), "list_type": _("a list (`- item` lines or `[a, b]`)"),
        "model_type": _("a mapping of fields"), "model_attributes_type": _("a mapping of fields"),
        "dict_type": _("a mapping of fields"), "bool_type": _("true or false"),
    }.get(kind)
    if expected:
        got = type(err.get("input")).__name__
        if field_hint:
            hint = field_hint
        elif kind == "string_type" and got in ("int", "float", "bool", "date"):
            hint = _("put the value in quotes to make it text, e.g. {field}: \"{value}\"", field=leaf,
                     value=err.get("input"))
        elif kind == "list_type":
            hint = _("write it as {field}: [{value}], or one `- value` line per value", field=leaf,
                     value=err.get("input"))
        else:
            hint = _("write {field} as {expected}", field=dotted, expected=expected)
        return _("{field} must be {expected}, not {got}", field=dotted, expected=expected, got=type_name(got)), hint
    return _("{field}: this value is not valid ({reason})", field=dotted, reason=err["msg"]), \
        field_hint or _("correct the value")


def _real_day(day: str, month: str, year: str) -> bool:
    try:
        dt.date(int(year), int(month), int(day))
        return True
    except ValueError:
        return False


build_resource = _build_resource  # one entry, as load_catalogue reads it (eucj_bank.copies.preview_load)
