"""The citation files in data/: per resource (data/cite/<id>.bib, .ris, .json) and for
the whole published catalogue (catalogue.bib, catalogue.ris, catalogue.csl.json).

A file cites the resource in its original language (`citation_record.original_lang`)
and names its titles in the others. Reads the build's published catalogue only, so an
internal resource gets no file in a public copy.
"""

from __future__ import annotations

from pathlib import Path

from ..catalogue.model import Catalogue, Resource
from .bibtex import bibtex
from .citation_record import CitationRecord, citation_record, original_lang
from .csl_json import csl_json
from .ris import ris

CITE_DIR = "data/cite"
FORMATS = {"bib": bibtex, "ris": ris, "json": csl_json}
BULK = {"bib": "catalogue.bib", "ris": "catalogue.ris", "json": "catalogue.csl.json"}


def file_record(res: Resource, publisher: dict[str, str], site_url: str = "") -> CitationRecord:
    return citation_record(res, original_lang(res), publisher, site_url)


def cite_path(rid: str, ext: str) -> str:
    """A resource's citation file, relative to the site root."""
    return f"{CITE_DIR}/{rid}.{ext}"


def write_citation_files(catalogue: Catalogue, site_dir: Path, publisher: dict[str, str],
                         site_url: str = "") -> list[Path]:
    records = [file_record(res, publisher, site_url) for res in catalogue.resources]
    folder = site_dir / CITE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for ext, render in FORMATS.items():
        for record in records:
            written.append(site_dir / cite_path(record.id, ext))
            written[-1].write_text(render([record]), encoding="utf-8", newline="")
        written.append(site_dir / "data" / BULK[ext])
        written[-1].write_text(render(records), encoding="utf-8", newline="")
    return written
