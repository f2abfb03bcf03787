"""The offline zip: the built site, packed so it opens from disk anywhere.

The archive is deterministic: entries in sorted order, one fixed timestamp and fixed
permissions, so the same site always gives a byte-identical zip.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from .ui import t
from .vocab import LANGS

ZIP_NAME = "eucj-resource-bank-offline.zip"
FOLDER = "eucj-resource-bank"
FIXED_TIME = (2018, 10, 14, 0, 0, 0)  # the EUCJ project's closing day; zip needs a date >= 1980


def how_to_open_text() -> str:
    return "\n\n".join(t("how_to_open", lang, folder=FOLDER) for lang in LANGS) + "\n"


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 3  # unix, whatever machine packs it
    archive.writestr(info, data, compresslevel=9)


def write_offline_zip(site_dir: Path, zip_path: Path) -> int:
    """Pack `site_dir` under `FOLDER/` into `zip_path`; return the number of files."""
    files = sorted(p for p in Path(site_dir).rglob("*") if p.is_file())
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = zip_path.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w") as archive:
        _add(archive, f"{FOLDER}/HOW-TO-OPEN.txt", how_to_open_text().encode("utf-8"))
        for path in files:
            _add(archive, f"{FOLDER}/{path.relative_to(site_dir).as_posix()}", path.read_bytes())
    tmp.replace(zip_path)
    return len(files) + 1
