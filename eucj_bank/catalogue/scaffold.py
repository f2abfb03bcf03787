"""Add a resource to the catalogue: a commented entry appended as text.

The new entry is written after the last one, so every byte of the rest of the file
(comments, order, quoting) stays as the editors wrote it. The result is validated
before anything is written, and its problems name the catalogue itself (never the
trial copy they were found in); each file is copied into files/<id>/ with its checksum.
The questions that lead here are in `scaffold_session`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .load import display_path, load_catalogue
from .problems import Problem, errors
from .vocab import format_for_extension


@dataclass
class NewResource:
    id: str
    type: str
    title: dict[str, str]
    summary: dict[str, str]
    date: str
    agencies: list[str]
    topics: list[str]
    audience: list[str]
    licence: str
    files: list[tuple[Path, str]] = field(default_factory=list)  # (source file, language)
    availability: str = ""  # in-bank when files are given; else held-by-agency or not-located
    holder: str | None = None  # the agency holding the original (held-by-agency)
    # The day it joins the bank: the home pages list the most recently added.
    added: str = field(default_factory=lambda: dt.date.today().isoformat())


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML scalar


def _localized(name: str, texts: dict[str, str]) -> list[str]:
    return [f"    {name}:"] + [f"      {lang}: {_q(text)}" for lang, text in texts.items() if text]


def render_entry(new: NewResource, file_refs: list[dict]) -> str:
    lines = ["  # added with scripts/new_resource.py", f"  - id: {new.id}", f"    type: {new.type}"]
    lines += _localized("title", new.title) + _localized("summary", new.summary)
    lines += [f"    date: {_q(new.date)}",
              f"    added: {_q(new.added)}",
              f"    agencies: [{', '.join(new.agencies)}]",
              f"    topics: [{', '.join(new.topics)}]",
              f"    audience: [{', '.join(new.audience)}]",
              f"    licence: {new.licence}",
              f"    availability: {'in-bank' if file_refs else new.availability or 'not-located'}"]
    if new.holder and not file_refs:
        lines.append(f"    holder: {{agency: {new.holder}}}")
    if file_refs:
        lines.append("    files:")
        for ref in file_refs:
            lines += [f"      - path: {ref['path']}", f"        lang: {ref['lang']}",
                      f"        format: {ref['format']}", f"        sha256: {ref['sha256']}"]
    return "\n".join(lines) + "\n"


def add_resource(catalogue: Path, new: NewResource) -> list[Problem]:
    """Append `new` to `catalogue` and copy its files; return problems (nothing written if any)."""
    root = catalogue.parent
    refs, copies = [], []
    for source, lang in new.files:
        rel = f"files/{new.id}/{source.name}"
        refs.append({"path": rel, "lang": lang, "format": format_for_extension(source.suffix) or source.suffix[1:],
                     "sha256": hashlib.sha256(source.read_bytes()).hexdigest()})
        copies.append((source, root / rel))
    text = catalogue.read_text(encoding="utf-8")
    updated = text.rstrip("\n") + "\n\n" + render_entry(new, refs)
    trial = catalogue.with_name(f".{catalogue.name}.new")
    staged: list[Path] = []
    try:
        for source, target in copies:
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target)
                staged.append(target)
        trial.write_text(updated, encoding="utf-8")
        found = errors(load_catalogue(trial, root).problems)
        if found:
            for path in staged:
                path.unlink()
            shown = display_path(catalogue)
            trial_shown = display_path(trial)
            return [dataclasses.replace(p, file=shown) if p.file == trial_shown else p for p in found]
        trial.replace(catalogue)
        return []
    finally:
        trial.unlink(missing_ok=True)
