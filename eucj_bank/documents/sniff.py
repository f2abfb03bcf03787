"""What a file really is, before any parser opens it: magic bytes, and the limits a
zip container (DOCX, ODT, PPTX) must respect.

A file whose bytes do not match its extension is refused (a `.pdf` that is an HTML
page, a `.docx` that is not a zip): parsers of one format fed another fail in
unhelpful ways, and a page must never show what a browser could take for markup.
The zip limits stop zip bombs before decompression: the central directory declares
each member's size, and `read_member` also stops reading past the declared size.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

MAX_ZIP_MEMBERS = 2_000
MAX_ZIP_TOTAL = 200 * 1024 * 1024  # decompressed bytes, all members together
MAX_ZIP_RATIO = 200  # decompressed / compressed, per member of more than 1 MB
MAX_FILE_BYTES = 100 * 1024 * 1024

ZIP_FORMATS = {"docx", "odt", "pptx", "xlsx"}
_MAGIC = {"pdf": (b"%PDF-",), **{fmt: (b"PK\x03\x04",) for fmt in ZIP_FORMATS}}
# The member that says a zip is this office format, not just any zip.
_MARKER = {"docx": "word/document.xml", "pptx": "ppt/presentation.xml", "xlsx": "xl/workbook.xml",
           "odt": "content.xml"}


class Unreadable(Exception):
    """A file the extractor refuses. `reason` is a key of the translated reasons
    (ui_strings.yaml `reason_*`); `detail` is the located, English explanation."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason, self.detail = reason, detail


def check_magic(path: Path, fmt: str, data: bytes) -> None:
    if len(data) > MAX_FILE_BYTES:
        raise Unreadable("too_large", f"{len(data)} bytes, more than the {MAX_FILE_BYTES} the site reads")
    magic = _MAGIC.get(fmt)
    if magic is None:
        if fmt in ("txt", "md", "csv"):
            _check_text(data)
        return
    # PDF allows up to 1 KB of anything before its header (ISO 32000-1, 7.5.2)
    head = data[:1024] if fmt == "pdf" else data[:4]
    if not any((m in head) if fmt == "pdf" else head.startswith(m) for m in magic):
        found = _what_it_is(data)
        raise Unreadable("mismatch", f"the file is named .{fmt} but its contents are {found}")


def _check_text(data: bytes) -> None:
    if b"\x00" in data[:8192]:
        raise Unreadable("mismatch", f"the file is binary ({_what_it_is(data)}), not text")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Unreadable("mismatch", f"the text is not UTF-8 (byte {exc.start})") from None


def _what_it_is(data: bytes) -> str:
    head = data[:512].lstrip().lower()
    if head.startswith(b"%pdf"):
        return "a PDF"
    if head.startswith(b"pk\x03\x04"):
        return "a zip archive"
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head or b"<script" in head:
        return "an HTML page"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "an old Office (OLE) file"
    if head.startswith(b"<?xml") or head.startswith(b"<"):
        return "XML or markup"
    return "something else (first bytes " + data[:8].hex(" ") + ")"


def open_office_zip(path: Path, fmt: str) -> zipfile.ZipFile:
    """The zip of an office file, checked against the limits before anything is read."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise Unreadable("corrupt", f"not a readable zip archive ({exc})") from None
    infos = archive.infolist()
    if len(infos) > MAX_ZIP_MEMBERS:
        raise Unreadable("too_large", f"the archive has {len(infos)} members, more than {MAX_ZIP_MEMBERS}")
    total = sum(info.file_size for info in infos)
    if total > MAX_ZIP_TOTAL:
        raise Unreadable("too_large", f"the archive unpacks to {total} bytes, more than {MAX_ZIP_TOTAL}")
    for info in infos:
        if info.file_size > 1024 * 1024 and info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1):
            raise Unreadable("too_large", f"member {info.filename} expands {info.file_size // max(info.compress_size, 1)}"
                             f" times (a zip bomb?)")
    if _MARKER[fmt] not in archive.namelist():
        raise Unreadable("mismatch", f"the zip has no {_MARKER[fmt]}: it is not a .{fmt} file")
    return archive


def read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    """A member's bytes, never more than its declared size (a lying header cannot
    make it unpack without end)."""
    info = archive.getinfo(name)
    with archive.open(info) as member:
        data = member.read(info.file_size + 1)
    if len(data) > info.file_size:
        raise Unreadable("corrupt", f"member {name} unpacks to more than its declared size")
    return data
