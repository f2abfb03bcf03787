"""One reader per format: the file's text as HTML (not yet safe, not yet anchored)
and its pages (PDF). `extract.py` sanitises, anchors and caches what these return.

- txt: paragraphs by line; lines starting with a bullet become lists; an isolated
  short line without final punctuation becomes a heading (the seeds' section titles).
- md: Python-Markdown, as MkDocs renders the resource Markdown.
- docx: mammoth, which maps Word styles to semantic HTML (headings, lists, tables).
- odt: odfpy's element tree, walked for headings, paragraphs, lists and tables.
- pptx: python-pptx, one section per slide (its title a heading, its text a list).
- pdf: pdf.py.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from .sniff import Unreadable, open_office_zip, read_member

_BULLET = re.compile(r"^\s*(?:[•●▪◦‣·*-]|\d{1,2}[.)])\s+")


def read_txt(data: bytes) -> str:
    lines = [line.strip() for line in data.decode("utf-8").lstrip("\ufeff").splitlines()]
    out: list[str] = []
    in_list = False
    for i, line in enumerate(lines):
        if not line:
            continue
        bullet = _BULLET.match(line)
        if bullet and not line[0].isdigit():
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{html.escape(line[bullet.end():])}</li>")
            continue
        if in_list:
            out.append("</ul>")
            in_list = False
        prev = lines[i - 1] if i else ""
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        tag = "h2" if (_short_title(line) and not _short_title(prev) and not _short_title(nxt) and nxt) else "p"
        out.append(f"<{tag}>{html.escape(line)}</{tag}>")
    if in_list:
        out.append("</ul>")
    return "\n".join(out)


def _short_title(line: str) -> bool:
    return 0 < len(line) <= 80 and len(line.split()) <= 10 and line[-1] not in ".,;:!?…»\"”)" \
        and not _BULLET.match(line)


def read_md(data: bytes) -> str:
    import markdown

    return markdown.markdown(data.decode("utf-8").lstrip("\ufeff"), extensions=["tables", "sane_lists"])


def read_docx(path: Path) -> str:
    import mammoth

    open_office_zip(path, "docx").close()  # limits first: mammoth reads members whole
    with open(path, "rb") as f:
        # Images would arrive as data: URIs; the sanitiser drops img anyway, so skip them.
        result = mammoth.convert_to_html(f, convert_image=mammoth.images.img_element(lambda image: {}))
    return result.value


def read_pptx(path: Path) -> str:
    from pptx import Presentation

    open_office_zip(path, "pptx").close()
    out = []
    for number, slide in enumerate(Presentation(str(path)).slides, 1):
        title_shape = slide.shapes.title
        title = title_shape.text_frame.text.strip() if title_shape is not None and title_shape.has_text_frame else ""
        out.append(f"<h2>{html.escape(title or f'{number}')}</h2>")
        for shape in slide.shapes:
            if shape is title_shape:
                continue
            if shape.has_text_frame:
                items = [p for p in (para_text(p) for p in shape.text_frame.paragraphs) if p]
                if items:
                    out.append("<ul>" + "".join(f"<li>{html.escape(p)}</li>" for p in items) + "</ul>")
            elif getattr(shape, "has_table", False) and shape.has_table:
                rows = ["<tr>" + "".join(f"<td>{html.escape(c.text)}</td>" for c in row.cells) + "</tr>"
                        for row in shape.table.rows]
                out.append("<table>" + "".join(rows) + "</table>")
    return "\n".join(out)


def para_text(paragraph) -> str:
    return "".join(run.text for run in paragraph.runs).strip()


def read_odt(path: Path) -> str:
    from odf import teletype
    from odf.namespaces import TABLENS, TEXTNS
    from odf.opendocument import load

    archive = open_office_zip(path, "odt")
    data = read_member(archive, "content.xml")
    archive.close()
    del data  # checked for size; odfpy opens the package itself
    try:
        doc = load(str(path))
    except Exception as exc:  # odfpy raises bare exceptions of many kinds on bad XML
        raise Unreadable("corrupt", f"OpenDocument could not be parsed ({type(exc).__name__})") from None
    out: list[str] = []

    def walk(node) -> None:
        for child in node.childNodes:
            qname = getattr(child, "qname", None)
            if qname == (TEXTNS, "h"):
                level = min(max(int(child.getAttribute("outlinelevel") or 1), 1), 6)
                out.append(f"<h{level}>{html.escape(teletype.extractText(child))}</h{level}>")
            elif qname == (TEXTNS, "p"):
                text = teletype.extractText(child)
                if text.strip():
                    out.append(f"<p>{html.escape(text)}</p>")
            elif qname == (TEXTNS, "list"):
                out.append("<ul>")
                for item in child.childNodes:
                    out.append("<li>")
                    walk(item)
                    out.append("</li>")
                out.append("</ul>")
            elif qname == (TABLENS, "table"):
                out.append("<table>")
                walk(child)
                out.append("</table>")
            elif qname == (TABLENS, "table-row"):
                out.append("<tr>")
                walk(child)
                out.append("</tr>")
            elif qname == (TABLENS, "table-cell"):
                out.append("<td>")
                walk(child)
                out.append("</td>")
            elif hasattr(child, "childNodes"):
                walk(child)

    walk(doc.text)
    return "\n".join(out)
