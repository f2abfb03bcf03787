"""What a site profile may put into every page: checked strictly, refused with a reason.

Material prints `config.site_name` raw into `<title>` and the header (MkDocs' Jinja
does not autoescape), and the site address into canonical links and sitemaps, so
these values are validated, not escaped: a site name is plain text, a base URL a plain
http(s) address. A logo is published as it is: it must be a file inside the
profile's own folder, so inside the repository for a profile there (no absolute
path, no `..`, no symlink leading out), a PNG, JPEG or WebP
whose first bytes say so, or an SVG with no script, event attribute, external
reference or document type, read with defusedxml (no entity expansion).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as safe_xml
from defusedxml import DefusedXmlException

MARKUP_CHARACTERS = "<>&\"'`"
RASTER_MAGIC = {".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",),
                ".webp": (b"RIFF",)}
SVG_FORBIDDEN_ELEMENTS = {"script", "foreignObject", "handler", "listener", "iframe", "embed", "object"}
_URL_IN_CSS = re.compile(r"url\s*\(\s*['\"]?\s*(?!#)|@import|expression\s*\(", re.I)
_SAFE_URL = re.compile(r"^https?://[^\s<>\"'`\\{}|^]+$")


def plain_text_problem(value: str) -> str | None:
    """Why `value` cannot be a site name (printed raw by the theme), or None."""
    for char in value:
        if char in MARKUP_CHARACTERS:
            return "contains the character {char}, which the theme would print as markup".format(char=char)
        if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp"):
            return "contains the invisible character U+{code:04X}".format(code=ord(char))
    return None


def base_url_problem(value: str) -> str | None:
    """Why `value` cannot be the address of a copy, or None."""
    if not _SAFE_URL.match(value):
        return "is not a plain http(s) address (no spaces, quotes or angle brackets)"
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError:
        return "is not a valid address"
    if not parts.hostname or parts.query or parts.fragment or parts.username or parts.password:
        return "is not the address of a folder (a host, a path, no ?query, #fragment or user name)"
    return None


def logo_problem(value: str, folder: Path) -> tuple[str, str] | None:
    """(what is wrong, how to fix) for the logo `value` given in a profile in `folder`, or None."""
    given = Path(value)
    if given.is_absolute() or ".." in given.parts:
        return ("the logo path {value} leaves the profile's folder".format(value=value),
                "copy the image into the repository (e.g. profiles/logos/) and give its path from the profile's folder")
    target = (folder / given).resolve()
    if not target.is_relative_to(folder.resolve()):
        return ("the logo {value} is a link to a file outside the profile's folder".format(value=value),
                "copy the image itself into profiles/logos/ instead of linking to it")
    if not target.is_file():
        return None  # the caller says the file does not exist
    suffix = target.suffix.lower()
    head = target.read_bytes()[:16]
    if suffix in RASTER_MAGIC:
        if not head.startswith(RASTER_MAGIC[suffix]) or (suffix == ".webp" and head[8:12] != b"WEBP"):
            return ("the logo {value} is not a {kind} image (its first bytes say otherwise)".format(
                value=value, kind=suffix.lstrip(".").upper()), "export the logo again as PNG, or as a plain SVG")
        return None
    if suffix == ".svg":
        why = svg_problem(target.read_bytes())
        if why:
            return ("the SVG logo {value} {why}".format(value=value, why=why),
                    "export it again as a plain SVG (drawing only) or as PNG")
    return None


def svg_problem(data: bytes) -> str | None:
    """Why an SVG could run script or reach outside the file when published, or None."""
    try:
        root = safe_xml.fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        return "declares a document type or entities"
    except ParseError as exc:
        return "is not well-formed XML ({reason})".format(reason=str(exc).splitlines()[0])
    if _local(root.tag) != "svg":
        return "is not an SVG drawing (its root element is {tag})".format(tag=_local(root.tag))
    for element in root.iter():
        why = _element_problem(element)
        if why:
            return why
    return None


def _element_problem(element: Element) -> str | None:
    tag = _local(element.tag) if isinstance(element.tag, str) else ""
    if tag in SVG_FORBIDDEN_ELEMENTS or tag.lower() in {t.lower() for t in SVG_FORBIDDEN_ELEMENTS}:
        return "contains a <{tag}> element".format(tag=tag)
    if tag == "style" and _URL_IN_CSS.search(element.text or ""):
        return "has a style sheet that loads another file"
    for name, value in element.attrib.items():
        attr = _local(name).lower()
        if attr.startswith("on"):
            return "has an event attribute ({name})".format(name=_local(name))
        if attr == "href" and not value.strip().startswith("#"):
            return "refers to another file or address ({value})".format(value=value[:60])
        if attr == "style" and _URL_IN_CSS.search(value):
            return "has a style that loads another file"
        if tag in ("set", "animate") and attr == "attributename" and (
                value.lower().endswith("href") or value.lower().startswith("on")):
            return "animates a link or an event attribute"
    return None


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].rsplit(":", 1)[-1]
