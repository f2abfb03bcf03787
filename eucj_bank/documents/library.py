"""The text of every file a build publishes, extracted once per build (and once per
file version, thanks to the cache), with a located warning for each file that could
not be read: the build goes on and the resource page says so; `mkdocs build
--strict` (or `load_catalogue(strict=True)`) makes the warning fatal.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..catalogue.messages import _
from ..catalogue.model import Catalogue, FileRef, Resource
from ..catalogue.problems import ERROR, WARNING, Problem
from ..catalogue.yaml_source import SourceMap
from .extract import Extracted, extract

CACHE_DIR = Path(".cache") / "extract"  # under the catalogue's folder; gitignored
PARALLEL_FROM = 40  # files: below this, worker processes cost more than they save


def extract_catalogue(catalogue: Catalogue, root: Path, *, all_ids: list[str], smap: SourceMap | None,
                      display: str, strict: bool = False,
                      cache_dir: Path | None = None) -> tuple[dict[str, Extracted], list[Problem]]:
    """path -> Extracted for every file of `catalogue` (what the build publishes), and
    the problems, located at the file's `path:` in the catalogue (`all_ids`: the ids of
    the loaded catalogue, in order, to find each entry's position)."""
    cache = cache_dir if cache_dir is not None else root / CACHE_DIR
    jobs = [(res, i, ref) for res in catalogue.resources for i, ref in enumerate(res.files)]
    args = [(root / ref.path, ref.format, ref.lang, cache) for _, _, ref in jobs]
    if len(args) >= PARALLEL_FROM:
        with ProcessPoolExecutor() as pool:
            results = list(pool.map(_extract_args, args, chunksize=8))
    else:
        results = [_extract_args(a) for a in args]
    texts: dict[str, Extracted] = {}
    problems: list[Problem] = []
    position = {rid: n for n, rid in enumerate(all_ids)}
    for (res, i, ref), result in zip(jobs, results):
        texts[ref.path] = result
        if result.kind == "unreadable" and result.reason != "unsupported" or result.kind == "scan":
            n = position.get(res.id, 0)
            mark = smap.locate(("resources", n, "files", i, "path")) if smap else None
            what = (_("the text of {path} could not be read: {detail}", path=ref.path, detail=result.detail)
                    if result.kind == "unreadable" else
                    _("{path} is a scan without a text layer and Tesseract is not installed", path=ref.path))
            hint = (_("its page says the text could not be read; replace the file with a readable copy")
                    if result.kind == "unreadable" else
                    _("it is labelled 'scanned, not searchable'; install tesseract-ocr to read it with OCR"))
            problems.append(Problem(display, mark.line if mark else 1, mark.col if mark else 1,
                                    f"resources[{n}] '{res.id}'", what, hint, ERROR if strict else WARNING))
    return texts, problems


def _extract_args(args: tuple) -> Extracted:
    return extract(*args)


def reading_key(res: Resource, ref: FileRef) -> str:
    """The name of a file's reading page (read/<key>.html): `<id>--<lang>`, or
    `--<lang>-<n>` for a language's second file...; ids never contain `--`, so the
    key is unique and readable. Pages and the full-text index both link to it."""
    same = [f for f in res.files if f.lang == ref.lang]
    n = same.index(ref) + 1
    return f"{res.id}--{ref.lang}" + (f"-{n}" if n > 1 else "")
