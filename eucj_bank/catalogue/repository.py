"""What a build reads stays inside the repository, and an internal resource's files stay
out of a public copy.

The validator already resolves each listed file and refuses one outside the repository
(validate.py). Here the whole-catalogue checks: a resource a copy publishes may not
list a file that an unpublished (internal) resource owns, whatever path reaches it (the
same path, a symlink, `files/<internal id>/...`); a public summary that names an
internal resource's id gets a warning (the id is all it leaks, but an editor may not
mean it). And the hand-written folders MkDocs reads (docs/, deploy/ for the snippet
includes, overrides/) may hold no symlink at all: neither MkDocs nor pymdownx.snippets
resolves links before its own containment checks.
"""

from __future__ import annotations

import re
from pathlib import Path

from .load import LoadResult
from .messages import _
from .model import Catalogue
from .problems import Problem
from .profiles import ProfileResult, check_selection
from .yaml_source import SourceMap

HAND_WRITTEN = ("docs", "deploy", "overrides")
SNIPPET_BASE = "deploy"  # mkdocs.yml: pymdownx.snippets base_path
# pymdownx.snippets' single-line form, `--8<-- "path"` (a leading `;` disables it)
_SNIPPET = re.compile(r"""^(\s*)-{1,}8<-{1,}\s+(["'])(.+?)\2\s*$""")


def check_copy(profile: ProfileResult, result: LoadResult, root: Path, display: str) -> list[Problem]:
    """What the copy `profile` describes would get wrong with this catalogue: the build and
    the validator both run it, so they refuse the same things with the same messages."""
    if profile.profile is None or result.catalogue is None:
        return []
    published = profile.profile.select(result.catalogue)
    return check_selection(profile, result.catalogue) + internal_file_problems(
        result.catalogue, published, root, result.source_map, display)


def symlink_problems(root: Path, folders: tuple[str, ...] = HAND_WRITTEN) -> list[Problem]:
    problems = []
    for folder in folders:
        base = Path(root) / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.is_symlink():
                rel = path.relative_to(root).as_posix()
                problems.append(Problem(rel, 1, 1, folder + "/",
                                        _("this is a symbolic link; the build reads the files of {folder}/ only "
                                          "as they are", folder=folder),
                                        _("replace the link with a copy of the file it points to")))
    return problems


def snippet_problems(root: Path, docs: str = "docs", base: str = SNIPPET_BASE) -> list[Problem]:
    """A located error for each snippet include in the hand-written pages whose file is
    not in `base`/ (pymdownx.snippets would stop the build with a traceback)."""
    problems = []
    fence = (Path(root) / base).resolve()
    for page in sorted((Path(root) / docs).rglob("*.md")):
        text = page.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            match = _SNIPPET.match(line)
            if not match:
                continue
            name = match.group(3).split(":")[0]  # `file:3:5` selects lines
            target = (fence / name).resolve()
            if not target.is_relative_to(fence) or not target.is_file():
                problems.append(Problem(page.relative_to(root).as_posix(), number, len(match.group(1)) + 1,
                                        _("included file"), _("the included file {name} is not in {base}/",
                                            name=name, base=base),
                                        _("give the path of a file of {base}/, from that folder", base=base)))
    return problems


def internal_file_problems(everything: Catalogue, published: Catalogue, root: Path, smap: SourceMap | None,
                           display: str) -> list[Problem]:
    """Errors for published resources listing a file owned by an unpublished one. (A public
    text naming an internal id is warned about by editor_checks.internal_mentions, in every
    field, when the catalogue is loaded: one warning, not two at the same place.)"""
    shown = {res.id for res in published.resources}
    hidden = [res for res in everything.resources if res.id not in shown and getattr(res, "access", "") == "internal"]
    if not hidden:
        return []
    root = Path(root).resolve()
    owned: dict[Path, str] = {}
    folders: dict[Path, str] = {}
    for res in hidden:
        folders[(root / "files" / res.id).resolve()] = res.id
        for ref in getattr(res, "files", []):
            owned[(root / ref.path).resolve()] = res.id
    index = {res.id: i for i, res in enumerate(everything.resources)}
    problems = []
    for res in published.resources:
        i = index[res.id]
        where = f"resources[{i}] '{res.id}'"
        for j, ref in enumerate(getattr(res, "files", [])):
            target = (root / ref.path).resolve()
            owner = owned.get(target) or next((rid for folder, rid in folders.items()
                                               if target.is_relative_to(folder)), None)
            if owner:
                mark = smap.locate(("resources", i, "files", j, "path")) if smap else None
                problems.append(Problem(display, mark.line if mark else 1, mark.col if mark else 1, where,
                                        _("the file {path} belongs to the internal resource '{owner}', which "
                                          "this copy does not publish", path=ref.path, owner=owner),
                                        _("give this resource its own copy of the file under files/{rid}/, or "
                                          "remove it", rid=res.id)))
    return problems
