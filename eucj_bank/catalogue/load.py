"""Load the catalogue: YAML -> located problems -> the typed model.

`load_catalogue` never raises on bad input: every mistake comes back as a
`Problem` naming file, line, column and field, all of them at once.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from .model import Catalogue, Resource
from .problems import ERROR, Problem, errors, sort_key
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
        return LoadResult(None, [Problem(display, 1, 1, "catalogue", "the file does not exist",
                                         "give the path of resource_catalog.yaml")])
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
        problems.append(Problem(display, 1, 1, "top level", "there is no `resources:` list",
                                "start the list of entries with a line `resources:`"))
        return []
    for key in data:
        if key != "resources":
            mark = smap.locate((key,), key=True)
            problems.append(Problem(display, mark.line, mark.col, "top level",
                                    f"unknown top-level key '{key}'",
                                    "the catalogue has only `resources:`; move this under an entry or remove it"))
    raw = data["resources"]
    if raw is None:
        return []
    if not isinstance(raw, list):
        mark = smap.locate(("resources",))
        problems.append(Problem(display, mark.line, mark.col, "resources", "`resources` must be a list",
                                "start each entry with `- id: ...`"))
        return []
    return raw


def describe_path(path: tuple, data: object) -> str:
    """Name a place in the catalogue: the resource it belongs to, or its dotted path."""
    if len(path) >= 2 and path[0] == "resources" and isinstance(data, dict):
        entries = data.get("resources")
        entry = entries[path[1]] if isinstance(entries, list) and path[1] < len(entries) else None
        return where(path[1], entry)
    return ".".join(str(p) for p in path) or "top level"


def where(index: int, entry: object) -> str:
    rid = entry.get("id") if isinstance(entry, dict) else None
    return f"resources[{index}] '{rid}'" if isinstance(rid, str) else f"resources[{index}]"


def _build_resource(entry: object, index: int, smap: SourceMap, display: str,
                    problems: list[Problem]) -> Resource | None:
    base = ("resources", index)
    if not isinstance(entry, dict):
        mark = smap.locate(base)
        problems.append(Problem(display, mark.line, mark.col, f"resources[{index}]",
                                "an entry must be a mapping of fields",
                                "start the entry with `- id: ...` and indent its fields under it"))
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
    for name, field in Resource.model_fields.items():
        if name not in entry:
            continue
        try:
            values[name] = TypeAdapter(field.annotation).validate_python(entry[name], strict=True)
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

_FIELD_HINTS = {
    "id": "use lowercase latin letters, digits and single hyphens, e.g. epr-checklist",
    "date": "write the date as YYYY, YYYY-MM or YYYY-MM-DD in quotes, e.g. \"2016-05-20\"",
    "added": "write the day the entry joined the bank as YYYY-MM-DD in quotes, e.g. \"2026-03-02\"",
    "sha256": "run `sha256sum FILE` and copy the 64 hexadecimal characters",
    "access": "write public or internal",
}


def explain_error(err: dict, loc: tuple, *, suggest=None, field_hints: dict | None = None,
                  reference: str = "the catalogue header") -> tuple[str, str]:
    """(message, hint) for one pydantic error at `loc` (union tags removed).

    `suggest(loc)` proposes the known field closest to a misspelt key; `field_hints`
    and `reference` let another file (a site profile) explain its own fields.
    """
    kind = err["type"]
    dotted = ".".join(str(p) for p in loc) or "entry"
    leaf = str(loc[-1]) if loc else ""
    field_hint = (_FIELD_HINTS if field_hints is None else field_hints).get(leaf)
    if kind == "missing":
        return f"{dotted} is missing", f"add {dotted} (see {reference} for its form)"
    if kind == "extra_forbidden":
        if suggest is None:
            from .validate import suggest_field as suggest
        guess = suggest(loc)
        return (f"unknown field '{leaf}'",
                f"did you mean '{guess}'? check the spelling" if guess else
                f"remove it or check its spelling against {reference}")
    if kind in ("string_too_short",):
        return f"{dotted} is empty", f"write the text of {dotted} or remove the key"
    if kind == "string_pattern_mismatch":
        return f"{dotted} has an invalid value {err.get('input')!r}", field_hint or "use lowercase latin letters, digits and hyphens"
    if kind == "too_short" and "list" in err.get("msg", "").lower():
        return f"{dotted} is an empty list", f"give at least one value for {dotted}"
    if kind == "value_error":
        return f"{dotted}: {err['msg'].removeprefix('Value error, ')}", field_hint or "correct the value"
    if kind == "string_too_long":
        return f"{dotted} is too long", "shorten it"
    if kind == "literal_error":
        return f"{dotted} has an invalid value {err.get('input')!r}", field_hint or err["msg"]
    expected = {
        "string_type": "text", "list_type": "a list (`- item` lines or `[a, b]`)",
        "model_type": "a mapping of fields", "model_attributes_type": "a mapping of fields",
        "dict_type": "a mapping of fields", "bool_type": "true or false",
    }.get(kind)
    if expected:
        got = type(err.get("input")).__name__
        if field_hint:
            hint = field_hint
        elif kind == "string_type" and got in ("int", "float", "bool", "date"):
            hint = f"put the value in quotes to make it text, e.g. {leaf}: \"{err.get('input')}\""
        elif kind == "list_type":
            hint = f"write it as {leaf}: [{err.get('input')}], or one `- value` line per value"
        else:
            hint = f"write {dotted} as {expected}"
        return f"{dotted} must be {expected}, not {_type_name(got)}", hint
    return f"{dotted}: {err['msg']}", field_hint or "correct the value"


def _type_name(name: str) -> str:
    return {"int": "a number", "float": "a number", "bool": "yes/no (true/false)", "str": "text",
            "list": "a list", "dict": "a mapping", "NoneType": "empty", "date": "a date"}.get(name, name)
