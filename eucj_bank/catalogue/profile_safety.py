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

from .messages import _

MARKUP_CHARACTERS = "<>&\"'`"
RASTER_MAGIC = {".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",),
                ".webp": (b"RIFF",)}
SVG_FORBIDDEN_ELEMENTS = {"script", "foreignObject", "handler", "listener", "iframe", "embed", "object"}
_URL_IN_CSS = re.compile(r"url\s*\(\s*['\"]?\s*(?!#)|@import|expression\s*\(", re.I)
_SAFE_URL = re.compile(r"^https?://[^\s<>\"'`\\{}|^]+$")


# Every function returns a whole sentence naming the field or file it is about: a translator
# sees sentences, never fragments to be glued after a field name.
def plain_text_problem(value: str, field: str) -> str | None:
    """Why `value` cannot be the site name `field` (printed raw by the theme), or None."""
    for char in value:
        if char in MARKUP_CHARACTERS:
            return _("{field} contains the character {char}, which the theme would print as markup",
                     field=field, char=char)
        if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp"):
            return _("{field} contains the invisible character U+{code}", field=field, code=f"{ord(char):04X}")
    return None


def base_url_problem(value: str, field: str) -> str | None:
    """Why `value` cannot be the address of a copy (`field`, e.g. base_url), or None."""
    if not _SAFE_URL.match(value):
        return _("{field} {value} is not a plain http(s) address (no spaces, quotes or angle brackets)",
                 field=field, value=repr(value))
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError:
        return _("{field} {value} is not a valid address", field=field, value=repr(value))
    if not parts.hostname or parts.query or parts.fragment or parts.username or parts.password:
        return _("{field} {value} is not the address of a folder (a host, a path, no ?query, #fragment or user name)",
                 field=field, value=repr(value))
    return None


def logo_problem(value: str, folder: Path) -> tuple[str, str] | None:
    """(what is wrong, how to fix) for the logo `value` given in a profile in `folder`, or None."""
    given = Path(value)
    if given.is_absolute() or ".." in given.parts:
        return (_("the logo path {value} leaves the profile's folder", value=value),
                _("copy the image into the repository (e.g. profiles/logos/) and give its path from the profile's "
                  "folder"))
    target = (folder / given).resolve()
    if not target.is_relative_to(folder.resolve()):
        return (_("the logo {value} is a link to a file outside the profile's folder", value=value),
                _("copy the image itself into profiles/logos/ instead of linking to it"))
    if not target.is_file():
        return None  # the caller says the file does not exist
    suffix = target.suffix.lower()
    head = target.read_bytes()[:16]
    if suffix in RASTER_MAGIC:
        if not head.startswith(RASTER_MAGIC[suffix]) or (suffix == ".webp" and head[8:12] != b"WEBP"):
            return (_("the logo {value} is not a {kind} image (its first bytes say otherwise)",
                      value=value, kind=suffix.lstrip(".").upper()),
                    _("export the logo again as PNG, or as a plain SVG"))
        return None
    if suffix == ".svg":
        why = svg_problem(target.read_bytes(), value)
        if why:
            return why, _("export it again as a plain SVG (drawing only) or as PNG")
    return None


def svg_problem(data: bytes, value: str) -> str | None:
    """Why the SVG logo `value` could run script or reach outside the file when published, or None."""
    try:
        root = safe_xml.fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        return _("the SVG logo {value} declares a document type or entities", value=value)
    except ParseError as exc:
        return _("the SVG logo {value} is not well-formed XML ({reason})", value=value,
                 reason=str(exc).splitlines()[0])
    if _local(root.tag) != "svg":
        return _("the SVG logo {value} is not an SVG drawing (its root element is {tag})", value=value,
                 tag=_local(root.tag))
    for element in root.iter():
        why = _element_problem(element, value)
        if why:
            return why
    return None


def _element_problem(element: Element, logo: str) -> str | None:
    tag = _local(element.tag) if isinstance(element.tag, str) else ""
    if tag in SVG_FORBIDDEN_ELEMENTS or tag.lower() in {t.lower() for t in SVG_FORBIDDEN_ELEMENTS}:
        return _("the SVG logo {value} contains a <{tag}> element", value=logo, tag=tag)
    if tag == "style" and _URL_IN_CSS.search(element.text or ""):
        return _("the SVG logo {value} has a style sheet that loads another file", value=logo)
    for name, value in element.attrib.items():
        attr = _local(name).lower()
        if attr.startswith("on"):
            return _("the SVG logo {value} has an event attribute ({name})", value=logo, name=_local(name))
        if attr == "href" and not value.strip().startswith("#"):
            return _("the SVG logo {value} refers to another file or address ({target})", value=logo,
                     target=value[:60])
        if attr == "style" and _URL_IN_CSS.search(value):
            return _("the SVG logo {value} has a style that loads another file", value=logo)
        if tag in ("set", "animate") and attr == "attributename" and (
                value.lower().endswith("href") or value.lower().startswith("on")):
            return _("the SVG logo {value} animates a link or an event attribute", value=logo)
    return None


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].rsplit(":", 1)[-1]
