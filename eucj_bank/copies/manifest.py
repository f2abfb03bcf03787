"""The copy's manifest: every file of the site with its SHA-256, and checking a copy against it.

The manifest is `SHA256SUMS.txt` at the site's root, in the format of GNU `sha256sum`
("<hex>  <path>", one file a line, sorted), so `sha256sum -c SHA256SUMS.txt` checks an
unpacked copy too. It lists every file but itself. The `.txt` ending matters: IIS
refuses to serve a file whose extension has no MIME type, and a served copy must
carry its manifest to be verified.
"""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.error import HTTPError
from urllib.parse import quote
from urllib.request import Request, urlopen

from ..catalogue.messages import _

MANIFEST_NAME = "SHA256SUMS.txt"


class ManifestError(ValueError):
    """A manifest that cannot be read: its text and the line at fault."""


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def site_files(site_dir: Path) -> list[str]:
    """Every file under `site_dir` but the manifest, as sorted POSIX paths."""
    names = sorted(p.relative_to(site_dir).as_posix() for p in Path(site_dir).rglob("*") if p.is_file())
    return [n for n in names if n != MANIFEST_NAME]


def manifest_text(site_dir: Path) -> str:
    lines = []
    for name in site_files(site_dir):
        if "\n" in name or "\\" in name:
            # sha256sum would escape them; no file of the site should be named so.
            raise ManifestError(f"{name!r}: a file name with a line break or backslash cannot be listed")
        lines.append(f"{sha256_hex((Path(site_dir) / name).read_bytes())}  {name}\n")
    return "".join(lines)


def write_manifest(site_dir: Path) -> Path:
    target = Path(site_dir) / MANIFEST_NAME
    target.write_text(manifest_text(site_dir), encoding="utf-8", newline="\n")
    return target


def parse_manifest(text: str, source: str = MANIFEST_NAME) -> dict[str, str]:
    """path -> expected SHA-256 (hex)."""
    entries: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        digest, sep, name = line.partition("  ")
        if not sep or len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest) or not name:
            raise ManifestError(f"{source}:{number}: " + _("not a line of the form '<64 hex digits>  <path>'"))
        if name.startswith(("/", "../")) or "/../" in name:
            raise ManifestError(f"{source}:{number}: " + _("{name} points outside the copy", name=name))
        entries[name] = digest
    if not entries:
        raise ManifestError(f"{source}: " + _("the manifest lists no file"))
    return entries


@dataclass
class Report:
    checked: int = 0
    missing: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (path, why)
    unlisted: list[str] = field(default_factory=list)  # present but not in the manifest

    @property
    def ok(self) -> bool:
        """Unlisted files do not spoil a copy: a server's own .htaccess or web.config is one."""
        return not (self.missing or self.changed or self.unreadable)


def verify_directory(root: Path, entries: dict[str, str]) -> Report:
    root = Path(root)
    report = Report(checked=len(entries))
    for name, digest in sorted(entries.items()):
        path = root / name
        if not path.is_file():
            report.missing.append(name)
        elif sha256_hex(path.read_bytes()) != digest:
            report.changed.append(name)
    report.unlisted = [n for n in site_files(root) if n not in entries]
    return report


Fetch = Callable[[str], bytes]


def http_get(url: str) -> bytes:
    # identity: the bytes as stored, whatever compression the server could offer
    with urlopen(Request(url, headers={"Accept-Encoding": "identity"}), timeout=30) as response:
        return response.read()


def verify_served(base_url: str, entries: dict[str, str], fetch: Fetch = http_get, workers: int = 8) -> Report:
    """Check a copy served at `base_url` (ending with /) file by file over HTTP."""
    report = Report(checked=len(entries))

    def check(item: tuple[str, str]) -> tuple[str, str, str]:
        name, digest = item
        try:
            data = fetch(base_url + quote(name))
        except HTTPError as exc:
            return name, "missing" if exc.code in (404, 410) else "unreadable", f"HTTP {exc.code}"
        except OSError as exc:
            return name, "unreadable", str(getattr(exc, "reason", exc))
        return name, "ok" if sha256_hex(data) == digest else "changed", ""

    with ThreadPoolExecutor(max_workers=workers) as pool:
        for name, state, why in pool.map(check, sorted(entries.items())):
            if state == "missing":
                report.missing.append(name)
            elif state == "changed":
                report.changed.append(name)
            elif state == "unreadable":
                report.unreadable.append((name, why))
    return report
