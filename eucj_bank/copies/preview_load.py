"""Reload the catalogue after an edit of one entry by reading that entry only.

Loading and checking the whole catalogue took 1.9 s of processor time at 1,000
resources, more than the rest of a preview's quick pass. An editor's save changes one
entry (or adds entries at the end): the lines before and after it are the same as in
the text last loaded. So the entry's lines are read as a catalogue of their own, at
their own line numbers, and go through the same checks as in `load_catalogue` (the
model, vocabularies, files and checksums, control characters, placeholders, unlisted
files, internal ids named in public text); every other entry is the one loaded
before. Anything else (the header, two entries, an id taken by another entry, a
problem in the entry, a strict build) gets the whole load, which reports it.

The full build that follows a quick pass loads and checks the whole catalogue again.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ..catalogue.editor_checks import internal_mentions, placeholder_problems, unlisted_files
from ..catalogue.load import LoadResult, build_resource, describe_path, where
from ..catalogue.model import Catalogue
from ..catalogue.problems import errors, sort_key
from ..catalogue.validate import check_resources
from ..catalogue.yaml_source import Mark, SourceMap, load_yaml


def reload_entry(before: LoadResult, old_text: str, new_text: str, display: str, root: Path) -> LoadResult | None:
    """The catalogue of `new_text`, from `before` (the load of `old_text`) and the changed
    entry read alone; None when the edit is not confined to one entry (or entries added
    at the end), or the entry has an error (the whole load then reports it)."""
    if before.catalogue is None or before.source_map is None or not before.ok:
        return None
    old, new = old_text.splitlines(keepends=True), new_text.splitlines(keepends=True)
    resources = before.catalogue.resources
    starts = [before.source_map.values.get(("resources", i), Mark(0, 0)).line - 1 for i in range(len(resources))]
    if not resources or starts[0] < 1 or sorted(starts) != starts:
        return None
    prefix = _common_prefix(old, new)
    suffix = _common_prefix(old[prefix:][::-1], new[prefix:][::-1])
    index = max((i for i, start in enumerate(starts) if start <= prefix), default=None)
    if index is None:
        return None  # the header changed
    end = starts[index + 1] if index + 1 < len(starts) else len(old)
    if len(old) - suffix > end or len(old) - suffix < starts[index]:
        return None  # the change reaches into the next entry
    block = new[starts[index]:len(new) - (len(old) - end)]
    delta = len(new) - len(old)
    mini = "\n" * (starts[index] - 1) + "resources:\n" + "".join(block)
    data, smap, problems = load_yaml(mini, display, describe=lambda path, data: _describe(path, data, index))
    entries = data.get("resources") if isinstance(data, dict) and set(data) == {"resources"} else None
    if not isinstance(entries, list) or not entries or problems:
        return None
    if len(entries) > 1 and index + 1 < len(resources):
        return None  # entries inserted before others: their positions all move
    smap = _moved(smap, index)
    raw = [None] * index + entries
    built = [(index + n, build_resource(entry, index + n, smap, display, problems)) for n, entry in enumerate(entries)]
    if any(res is None for _, res in built):
        return None
    others = [res for n, res in enumerate(resources) if n != index]
    ids = [getattr(res, "id", None) for _, res in built]
    if len(set(ids)) != len(ids) or set(ids) & {res.id for res in others}:
        return None  # an id now used twice: the whole load names both places
    problems.extend(check_resources(built, raw, smap, display, root))
    problems.extend(placeholder_problems({"resources": raw}, smap, display, lambda p, d: _describe(p, d, 0)))
    problems.extend(unlisted_files(built, raw, smap, display, root, where))
    everyone = [(n, res) for n, res in enumerate(resources[:index])] + built + \
        [(n + len(built) - 1, res) for n, res in enumerate(resources) if n > index]
    raw_all = raw + [None] * (len(everyone) - len(raw))
    problems.extend(internal_mentions(everyone, raw_all, smap, display, where))
    if errors(problems):
        return None
    first, last = starts[index] + 1, end  # the old entry's lines, 1-based
    kept = [p if p.line < first else dataclasses.replace(p, line=p.line + delta)
            for p in before.problems if not first <= p.line <= last]
    source = SourceMap({**_outside(before.source_map.values, index, delta), **smap.values},
                       {**_outside(before.source_map.keys, index, delta), **smap.keys})
    catalogue = Catalogue.model_construct(resources=[res for _, res in everyone])
    return LoadResult(catalogue, sorted(kept + problems, key=sort_key), source)


def _common_prefix(a: list[str], b: list[str]) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _describe(path: tuple, data: object, offset: int) -> str:
    """Name a place of the entry read alone as the whole catalogue names it."""
    if len(path) >= 2 and path[0] == "resources" and isinstance(data, dict):
        entries = data.get("resources")
        entry = entries[path[1]] if isinstance(entries, list) and path[1] < len(entries) else None
        return where(path[1] + offset, entry)
    return describe_path(path, data)


def _moved(smap: SourceMap, index: int) -> SourceMap:
    """The entry's source map with its paths at position `index` in the catalogue."""
    def move(table: dict) -> dict:
        return {(p[0], p[1] + index, *p[2:]) if len(p) >= 2 and p[0] == "resources" else p: m
                for p, m in table.items() if len(p) >= 2}
    return SourceMap(move(smap.values), move(smap.keys))


def _outside(table: dict, index: int, delta: int) -> dict:
    """The old source map without the edited entry; later entries' lines moved by `delta`."""
    if delta == 0:  # the usual edit: a value changed, the lines stayed
        return {path: mark for path, mark in table.items() if len(path) < 2 or path[1] != index}
    return {path: (Mark(mark.line + delta, mark.col) if len(path) >= 2 and path[1] > index else mark)
            for path, mark in table.items() if len(path) < 2 or path[1] != index}
