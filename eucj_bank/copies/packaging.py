"""The offline zip: the built site, packed so it opens from disk anywhere.

The build itself writes the copy's own files into site/ (HOW-TO-OPEN.txt, then the
manifest, see hooks/copy_manifest.py), so the zip holds exactly the site: one folder
named after the profile, every file listed in its SHA256SUMS.txt.

The archive is deterministic: entries in sorted order, one fixed timestamp and fixed
permissions, so the same site always gives a byte-identical zip.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..catalogue.profiles import Profile
from ..catalogue.vocab import LANGS
from ..site.ui import t
from .manifest import MANIFEST_NAME, parse_manifest, verify_directory

HOW_TO_OPEN = "HOW-TO-OPEN.txt"
FIXED_TIME = (2018, 10, 14, 0, 0, 0)  # the EUCJ project's closing day; zip needs a date >= 1980


class PackagingError(RuntimeError):
    pass


def zip_name(profile_name: str) -> str:
    return f"{profile_name}-offline.zip"


def how_to_open_text(profile: Profile) -> str:
    parts = []
    for lang in LANGS:
        text = t("how_to_open", lang, name=profile.site_name.get(lang)[0], folder=profile.name)
        if profile.internal:
            text += "\n" + t("how_to_open_internal", lang)
        parts.append(text)
    return "\n\n".join(parts) + "\n"


def write_how_to_open(site_dir: Path, profile: Profile) -> Path:
    target = Path(site_dir) / HOW_TO_OPEN
    target.write_text(how_to_open_text(profile), encoding="utf-8", newline="\n")
    return target


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 3  # unix, whatever machine packs it
    archive.writestr(info, data, compresslevel=9)


def write_offline_zip(site_dir: Path, zip_path: Path, folder: str) -> int:
    """Pack `site_dir` under `folder/` into `zip_path`; return the number of files.

    The site must match its manifest exactly (no file missing, changed or added since
    the build), so the zip's SHA256SUMS.txt is true of the zip."""
    site_dir = Path(site_dir)
    manifest = site_dir / MANIFEST_NAME
    if not manifest.is_file():
        raise PackagingError(f"{manifest} is missing: build the site with mkdocs (its hooks write it)")
    report = verify_directory(site_dir, parse_manifest(manifest.read_text(encoding="utf-8"), str(manifest)))
    stale = report.missing + report.changed + report.unlisted + report.added + report.links
    if stale:
        raise PackagingError(f"{site_dir} no longer matches its {MANIFEST_NAME} (rebuild the site): "
                             + ", ".join(stale[:10]) + (" ..." if len(stale) > 10 else ""))
    return pack_directory(site_dir, zip_path, folder)


def pack_directory(site_dir: Path, zip_path: Path, folder: str) -> int:
    """Zip every file of `site_dir` under `folder/`, reproducibly; return the count."""
    files = sorted(p for p in Path(site_dir).rglob("*") if p.is_file())
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = zip_path.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w") as archive:
        for path in files:
            _add(archive, f"{folder}/{path.relative_to(site_dir).as_posix()}", path.read_bytes())
    tmp.replace(zip_path)
    return len(files)
