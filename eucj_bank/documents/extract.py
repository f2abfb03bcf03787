"""A document file's text, extracted once: sanitised HTML with anchors, its headings,
pages and word count, cached by the file's SHA-256.

The cache (`.cache/extract/` under the repository, gitignored) is keyed by the file's
SHA-256 and `EXTRACTOR_VERSION`: a rebuild reads JSON instead of parsing DOCX or PDF
again, a changed file or a changed extractor misses. Failures are cached too, so a bad
file costs one attempt per version, not one per build.

Every block the reader may be sent to (headings, paragraphs, list items, table rows)
gets an id `t-N`: the reading page's contents list and the full-text search link to
them. Ids or language attributes a document brings are dropped first, so a document
cannot clobber the page's own ids.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..catalogue.safe_html import sanitise_html
from .formats import read_docx, read_md, read_odt, read_pptx, read_txt
from .pdf import read_pdf, tesseract
from .sniff import Unreadable, check_magic

EXTRACTOR_VERSION = "2"
READABLE_FORMATS = {"txt", "md", "docx", "odt", "pptx", "pdf"}
WORDS_PER_MINUTE = 200
_TAG = re.compile(r"<(/?)([a-z][a-z0-9]*)((?:\s[^<>]*)?)>")
_ANCHORED = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "tr", "pre", "blockquote"}
_HEADING = re.compile(r'<h([1-6]) id="(t-\d+)"[^>]*>(.*?)</h\1>', re.S)
_BLOCK = re.compile(r'<([a-z0-9]+) id="(t-\d+)"[^>]*>(.*?)</\1>', re.S)
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


@dataclass
class Extracted:
    kind: str  # "text", "ocr" (scan read by Tesseract), "scan" (no text), "unreadable"
    pages: list[str] = field(default_factory=list)  # sanitised, anchored HTML; one item unless a PDF
    paged: bool = False  # pages are real pages (PDF)
    headings: list[tuple[int, str, str]] = field(default_factory=list)  # level, anchor, plain text
    words: int = 0
    reason: str = ""  # for "unreadable": ui_strings `reason_<reason>`
    detail: str = ""  # for "unreadable": what is wrong, in English, for the build log
    source: str = ""  # the cache key: SHA-256 of the file, extractor version, language, OCR

    @property
    def readable(self) -> bool:
        return self.kind in ("text", "ocr")

    @property
    def minutes(self) -> int:
        return max(1, round(self.words / WORDS_PER_MINUTE))

    def blocks(self) -> list[tuple[str, str]]:
        """(anchor, plain text) of every anchored block: what full-text search indexes."""
        out = []
        for page in self.pages:
            for match in _BLOCK.finditer(page):
                text = plain_text(match.group(3))
                if text:
                    out.append((match.group(2), text))
        return out


def plain_text(fragment: str) -> str:
    import html

    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def extract(path: Path, fmt: str, lang: str, cache_dir: Path | None) -> Extracted:
    data = path.read_bytes()
    # A PDF read without Tesseract is a different result from one read with it.
    ocr = "-ocr" if fmt == "pdf" and tesseract() else ""
    key = f"{hashlib.sha256(data).hexdigest()}-{EXTRACTOR_VERSION}-{lang}{ocr}"
    cached = cache_dir / key[:2] / f"{key}.json" if cache_dir else None
    if cached and cached.is_file():
        try:
            raw = json.loads(cached.read_text(encoding="utf-8"))
            raw["headings"] = [tuple(h) for h in raw["headings"]]
            return Extracted(**raw)
        except (ValueError, TypeError, KeyError):
            pass  # a damaged cache entry is extracted again and rewritten
    result = _extract(path, fmt, lang, data)
    result.source = key
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(result), ensure_ascii=False), encoding="utf-8")
        tmp.replace(cached)  # atomic: three language builds never read half a file
    return result


def _extract(path: Path, fmt: str, lang: str, data: bytes) -> Extracted:
    if fmt not in READABLE_FORMATS:
        return Extracted("unreadable", reason="unsupported", detail=f"the site does not read .{fmt} files")
    try:
        check_magic(path, fmt, data)
        kind, paged = "text", fmt == "pdf"
        if fmt == "pdf":
            raw_pages, kind = read_pdf(data, lang)
        else:
            reader = {"txt": lambda: read_txt(data), "md": lambda: read_md(data), "docx": lambda: read_docx(path),
                      "odt": lambda: read_odt(path), "pptx": lambda: read_pptx(path)}[fmt]
            raw_pages = [reader()]
    except Unreadable as exc:
        return Extracted("unreadable", reason=exc.reason, detail=exc.detail)
    except (RecursionError, MemoryError) as exc:
        return Extracted("unreadable", reason="too_large", detail=f"the file is too complex ({type(exc).__name__})")
    except Exception as exc:  # noqa: BLE001 - parsers of hostile files raise anything; the build goes on
        return Extracted("unreadable", reason="corrupt", detail=f"{type(exc).__name__}: {exc}"[:300])
    counter = iter(range(1, 10**9))
    pages = [_anchor(sanitise_html(page), counter) for page in raw_pages]
    headings = [(int(m.group(1)), m.group(2), plain_text(m.group(3))) for page in pages
                for m in _HEADING.finditer(page)]
    words = sum(len(_WORD.findall(plain_text(page))) for page in pages)
    return Extracted(kind, pages, paged, headings, words)


def _anchor(fragment: str, counter) -> str:
    """Drop the document's own id and lang attributes, give every block an id."""

    def retag(match: re.Match) -> str:
        closing, name, attrs = match.groups()
        if closing:
            return match.group(0)
        attrs = re.sub(r'\s(?:id|lang|dir)="[^"]*"', "", attrs)
        if name in _ANCHORED:
            attrs = f' id="t-{next(counter)}"' + attrs
        return f"<{name}{attrs}>"

    return _TAG.sub(retag, fragment)


def word_list(text: str) -> list[str]:
    return _WORD.findall(text)
