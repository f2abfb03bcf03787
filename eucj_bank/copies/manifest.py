"""The copy's manifest: every file of the site with its SHA-256, and checking a copy against it.

The manifest is `SHA256SUMS.txt` at the site's root, in the format of GNU `sha256sum`
("<hex>  <path>", one file a line, sorted), so `sha256sum -c SHA256SUMS.txt` checks an
unpacked copy too. It lists every file but itself. The `.txt` ending matters: IIS
refuses to serve a file whose extension has no MIME type, and a served copy must
carry its manifest to be verified.

Checking treats the copy as untrusted: a symlink is refused, not followed (it could
point at anything on the machine); a file the manifest does not list is an addition
(only a server's own configuration, SERVER_FILES, is left alone); a manifest listing a
path twice is refused (the last line would silently win). Over HTTP, a redirect to
another origin is refused, and each file is read in chunks up to MAX_FILE_BYTES and
FILE_DEADLINE seconds, so an endless or trickling body cannot eat memory or time.
"""

from __future__ import annotations

import hashlib
import os
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.error import HTTPError
from urllib.parse import quote, urlsplit
from urllib.request import Request

from ..catalogue.messages import _

MANIFEST_NAME = "SHA256SUMS.txt"
SIGNATURE_NAME = MANIFEST_NAME + ".sig"  # written by `make site` when it signs (signature.py)
SERVER_FILES = frozenset({".htaccess", "web.config"})  # the hosting guide's own files, beside the site
MAX_FILE_BYTES = 512 * 1024 * 1024  # the largest file of a copy is a few MB
FILE_DEADLINE = 120.0  # seconds to fetch one file, however slowly it trickles
CHUNK = 1 << 16


class ManifestError(ValueError):
    """A manifest that cannot be read: its text and the line at fault."""


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def site_files(site_dir: Path) -> list[str]:
    """Every file under `site_dir` but the manifest and its signature, as sorted POSIX
    paths; symlinks are not followed (see `symlinks`)."""
    return [n for n in _walk(site_dir)[0] if n not in (MANIFEST_NAME, SIGNATURE_NAME)]


def symlinks(site_dir: Path) -> list[str]:
    return _walk(site_dir)[1]


def _walk(site_dir: Path) -> tuple[list[str], list[str]]:
    files, links = [], []
    for folder, dirs, names in os.walk(site_dir, followlinks=False):
        rel = Path(folder).relative_to(site_dir)
        for name in dirs + names:
            path = Path(folder) / name
            if path.is_symlink():
                links.append((rel / name).as_posix())
            elif name in names and path.is_file():
                files.append((rel / name).as_posix())
    return sorted(files), sorted(links)


def manifest_text(site_dir: Path, known: dict[tuple[int, int], str] | None = None) -> str:
    """`known`: SHA-256 of files by (device, inode), for files whose hash is their name in
    a store they are linked from (page_store.PageStore.hashes): not read again."""
    lines = []
    for name in site_files(site_dir):
        if "\n" in name or "\\" in name:
            # sha256sum would escape them; no file of the site should be named so.
            raise ManifestError(_("{name}: a file name with a line break or backslash cannot be listed",
                                   name=repr(name)))
        path = Path(site_dir) / name
        digest = None
        if known:
            stat = path.stat()
            digest = known.get((stat.st_dev, stat.st_ino)) if stat.st_nlink > 1 else None
        lines.append(f"{digest or sha256_hex(path.read_bytes())}  {name}\n")
    return "".join(lines)


def write_manifest(site_dir: Path, known: dict[tuple[int, int], str] | None = None) -> Path:
    target = Path(site_dir) / MANIFEST_NAME
    target.write_text(manifest_text(site_dir, known), encoding="utf-8", newline="\n")
    return target


def parse_manifest(text: str, source: str = MANIFEST_NAME) -> dict[str, str]:
    """path -> expected SHA-256 (hex)."""
    entries: dict[str, str] = {}
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        digest, sep, name = line.partition("  ")
        if not sep or len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest) or not name:
            raise ManifestError(f"{source}:{number}: " + _("not a line of the form '<64 hex digits>  <path>'"))
        if name.startswith(("/", "../")) or "/../" in name:
            raise ManifestError(f"{source}:{number}: " + _("{name} points outside the copy", name=name))
        if name in entries:
            raise ManifestError(f"{source}:{number}: " + _("{name} is listed twice (first at line {line})", name=name,
                                                           line=lines[name]))
        entries[name] = digest
        lines[name] = number
    if not entries:
        raise ManifestError(f"{source}: " + _("the manifest lists no file"))
    return entries


@dataclass
class Report:
    checked: int = 0
    missing: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (path, why)
    unlisted: list[str] = field(default_factory=list)  # a server's own files, not in the manifest
    added: list[str] = field(default_factory=list)  # present, not in the manifest
    links: list[str] = field(default_factory=list)  # symlinks: refused, never followed

    @property
    def ok(self) -> bool:
        """A server's own .htaccess or web.config does not spoil a copy; any other addition does."""
        return not (self.missing or self.changed or self.unreadable or self.added or self.links)


def verify_directory(root: Path, entries: dict[str, str]) -> Report:
    root = Path(root)
    report = Report(checked=len(entries))
    files, report.links = _walk(root)
    present = set(files)
    for name, digest in sorted(entries.items()):
        if name not in present:
            if not any(name == link or name.startswith(link + "/") for link in report.links):
                report.missing.append(name)
        elif _file_sha256(root / name) != digest:
            report.changed.append(name)
    for name in files:
        if name not in entries and name not in (MANIFEST_NAME, SIGNATURE_NAME):
            (report.unlisted if name in SERVER_FILES else report.added).append(name)
    return report


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


Fetch = Callable[[str], bytes]


class _SameOrigin(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only within the origin (scheme, host, port) it came from."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        old, new = urlsplit(req.full_url), urlsplit(newurl)
        if (old.scheme, old.hostname, old.port) != (new.scheme, new.hostname, new.port):
            raise HTTPError(req.full_url, code, _("redirected to another origin ({url}), refused", url=newurl), headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_SameOrigin)


def http_get(url: str, limit: int = MAX_FILE_BYTES, deadline: float = FILE_DEADLINE) -> bytes:
    """The body at `url`, read in chunks: refused past `limit` bytes or `deadline` seconds."""
    start = time.monotonic()
    # identity: the bytes as stored, whatever compression the server could offer
    with _OPENER.open(Request(url, headers={"Accept-Encoding": "identity"}), timeout=30) as response:
        body = bytearray()
        # read1: what has arrived (read() would block until a whole chunk trickled in)
        while chunk := response.read1(CHUNK):
            body += chunk
            if len(body) > limit:
                raise OSError(_("more than {limit} bytes, refused", limit=limit))
            if time.monotonic() - start > deadline:
                raise OSError(_("not received within {seconds} s, refused", seconds=f"{deadline:.0f}"))
        return bytes(body)


def verify_served(base_url: str, entries: dict[str, str], fetch: Fetch = http_get, workers: int = 8) -> Report:
    """Check a copy served at `base_url` (ending with /) file by file over HTTP."""
    report = Report(checked=len(entries))

    def check(item: tuple[str, str]) -> tuple[str, str, str]:
        name, digest = item
        try:
            data = fetch(base_url + quote(name))
        except HTTPError as exc:
            why = f"HTTP {exc.code}" + (f": {exc.msg}" if "refused" in str(exc.msg) else "")
            return name, "missing" if exc.code in (404, 410) else "unreadable", why
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
