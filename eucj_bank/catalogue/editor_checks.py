"""Checks for what editors miss and the model cannot see: warnings (errors under --strict).

- text left as a placeholder ("[To be filled in: ...]", "TODO", "lorem ipsum"), which
  would be published as it stands;
- a file copied into files/<id>/ but not listed under the entry's `files:`, so the bank
  never shows it;
- the id of an internal resource named in a public text, which tells every reader of a
  public copy that the internal document exists and what it is called.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from .messages import _
from .problems import WARNING, Problem
from .yaml_source import SourceMap

# The placeholders the bank's own files use, in the three languages, and the usual ones.
PLACEHOLDER = re.compile(r"(?i:\[(?:to be filled in|заполнить|толтыру)|\blorem\b)|\bTODO\b")
# Texts that are published: what a placeholder or an internal id must not appear in.
_PUBLIC_TEXT_KEYS = ("title", "summary", "note", "authors", "site_name", "description", "name")


def _strings(value: object, path: tuple):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _strings(child, path + (key,))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _strings(child, path + (i,))


def placeholder_problems(data: object, smap: SourceMap, display: str,
                         describe: Callable[[tuple, object], str]) -> list[Problem]:
    """A warning for every text that still holds a placeholder."""
    found = []
    for path, text in _strings(data, ()):
        match = PLACEHOLDER.search(text)
        if match is None:
            continue
        mark = smap.locate(path)
        inside = path[2:] if path[:1] == ("resources",) and len(path) > 2 else path  # the entry is in `where`
        field = ".".join(str(p) for p in inside)
        found.append(Problem(display, mark.line, mark.col, describe(path, data),
                             _("{field} still holds placeholder text ({text})", field=field, text=repr(match[0])),
                             _("write the real text; the placeholder would be published as it stands"), WARNING))
    return found


def unlisted_files(resources: list, raw: list, smap: SourceMap, display: str, root: Path,
                   where: Callable[[int, object], str]) -> list[Problem]:
    """A warning for each file under files/<id>/ that the entry <id> does not list."""
    found = []
    for index, res in resources:
        rid = getattr(res, "id", None)
        folder = root / "files" / rid if rid else None
        if folder is None or not folder.is_dir():
            continue
        # What the entry names, as written: one wrong value under `files:` rejects the whole
        # list from the validated resource, yet the paths it names are listed all the same.
        written = raw[index].get("files") if isinstance(raw[index], dict) else None
        paths = [f.get("path") for f in written if isinstance(f, dict)] if isinstance(written, list) else []
        listed = {(root / p).resolve() for p in paths if isinstance(p, str) and "\0" not in p}
        listed |= {(root / f.path).resolve() for f in getattr(res, "files", [])}
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")):
            if path.resolve() in listed:
                continue
            rel = path.relative_to(root).as_posix()
            mark = smap.locate(("resources", index, "files"), key=True)
            found.append(Problem(display, mark.line, mark.col, where(index, raw[index]),
                                 _("the file {path} is in the resource's folder but not listed", path=rel),
                                 _("add it under `files:` (path, lang, format, sha256), or delete it if it "
                                   "does not belong to this resource"), WARNING))
    return found


def internal_mentions(resources: list, raw: list, smap: SourceMap, display: str,
                      where: Callable[[int, object], str]) -> list[Problem]:
    """A warning when a public entry's published text names an internal resource's id."""
    internal = {res.id for _i, res in resources if getattr(res, "access", "public") == "internal"
                and getattr(res, "id", None)}
    if not internal:
        return []
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, sorted(internal))) + r")(?![\w-])")
    found = []
    for index, res in resources:
        if getattr(res, "access", "public") != "public" or not isinstance(raw[index], dict):
            continue
        for path, text in _strings(raw[index], ("resources", index)):
            if not any(key in path for key in _PUBLIC_TEXT_KEYS) and "links" not in path:
                continue
            match = pattern.search(text)
            if match:
                mark = smap.locate(path)
                field = ".".join(str(p) for p in path[2:])
                found.append(Problem(display, mark.line, mark.col, where(index, raw[index]),
                                     _("{field} names the internal resource '{id}'", field=field, id=match[1]),
                                     _("public copies must not reveal internal resources: remove the id from "
                                       "the text, or make this entry internal too"), WARNING))
    return found
