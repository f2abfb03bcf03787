"""Rendered citations kept between builds: `.cache/citations.json` under the catalogue's
folder (gitignored, beside the extraction cache).

citeproc-py takes about 5 ms an entry, and every resource page carries two (APA, GOST):
at N = 1,000 x 3 languages that is 6,000 entries and half a minute of a build that
extracts nothing, the largest part of a warm build (`make bench`). An entry's key
(citation.entry_key) is its CSL-JSON item, style, language and format; the file is
also stamped with everything else its text depends on (citeproc-py's version, the
styles and locales in csl/, citation.py itself), so a change of any of them renders
every entry again. Only the entries the last build used are kept, so the file does not
grow with every edit. A damaged or foreign file is ignored, never fatal: the build
renders what it needs and writes the file again.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from . import citation

FILE = Path(".cache") / "citations.json"


@lru_cache(maxsize=None)
def stamp() -> str:
    digest = hashlib.sha256(f"citeproc-py {version('citeproc-py')}\n".encode())
    for path in sorted(citation.CSL_DIR.iterdir()) + [Path(citation.__file__)]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def load(root: Path) -> int:
    """Take the entries kept under `root` (the catalogue's folder); how many."""
    try:
        data = json.loads((root / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0
    if not isinstance(data, dict) or data.get("stamp") != stamp() or not isinstance(data.get("entries"), dict):
        return 0
    entries = {k: v for k, v in data["entries"].items() if isinstance(k, str) and isinstance(v, str)}
    citation.rendered.update(entries)
    return len(entries)


def save(root: Path) -> None:
    """Keep the entries used since the last save (atomically: a build reading the file
    meanwhile sees the old one or the new one)."""
    entries = {k: citation.rendered[k] for k in sorted(citation.used) if k in citation.rendered}
    citation.used.clear()
    if not entries:
        return
    target = root / FILE
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_text(json.dumps({"stamp": stamp(), "entries": entries}, ensure_ascii=False), encoding="utf-8")
        tmp.replace(target)
    except OSError:
        pass  # a read-only checkout builds all the same, without the saving
