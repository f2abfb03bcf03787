"""A synthetic but realistic catalogue of N resources, for benchmarks.

Texts are drawn from the project's own writing in each language (the hand-written
pages and the pilot guide), so word lengths, inflection and alphabet are those of
real en/ru/kk text; every vocabulary is used; every resource has files in the
three languages, of realistic sizes. A third of the English files are PDF and a third
DOCX, and a third of the Russian and of the Kazakh files DOCX (synthetic_docs.py), so
that a build extracts text from the formats a real bank holds.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import yaml

from ..catalogue.editor_checks import PLACEHOLDER
from ..catalogue.vocab import LANGS, terms
from .synthetic_docs import write_docx, write_pdf

FILE_SIZES = (4_000, 20_000, 60_000)  # bytes of a text file: short note, article, report
# resource number % 3 -> the format of its file in each language
FORMATS = {"en": ("txt", "pdf", "docx"), "ru": ("docx", "txt", "txt"), "kk": ("txt", "docx", "txt")}


def _sentences(root: Path, lang: str) -> list[str]:
    text = " ".join(p.read_text("utf-8") for p in sorted((root / "docs" / lang).glob("*.md")))
    text += " ".join(p.read_text("utf-8") for p in sorted((root / "files").rglob(f"*.{lang}.md")))
    text = re.sub(r"^---.*?---|[#*`>|\[\]()]|<!--.*?-->", " ", text, flags=re.S | re.M)
    # The contributor guide quotes placeholder words ("TODO") when it explains the editor
    # checks; a synthetic summary made of them would be refused like an editor's.
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split()))
            if len(s.split()) > 5 and not PLACEHOLDER.search(s)]


def generate_catalogue(n: int, out_dir: Path, root: Path, seed: int = 2018) -> Path:
    """Write out_dir/resource_catalog.yaml and out_dir/files/ for `n` resources."""
    rng = random.Random(seed)
    sentences = {lang: _sentences(root, lang) for lang in LANGS}
    resources = []
    for i in range(n):
        rid = f"synthetic-{i:05d}"
        title = {lang: " ".join(rng.choice(sentences[lang]).split()[:rng.randint(4, 10)]).rstrip(".,;:")
                 for lang in LANGS}
        summary = {lang: " ".join(rng.sample(sentences[lang], 3)) for lang in LANGS}
        files = []
        for lang in LANGS:
            fmt = FORMATS[lang][i % 3]
            path = f"files/{rid}/{rid}.{lang}.{fmt}"
            target = out_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            body, size = [], rng.choice(FILE_SIZES)
            while sum(len(s) for s in body) < size:
                body.append(rng.choice(sentences[lang]))
            if fmt == "txt":
                target.write_text("\n".join(body), encoding="utf-8")
            else:  # paragraphs of a few sentences, as a document has them
                paragraphs = [" ".join(body[k:k + 4]) for k in range(0, len(body), 4)]
                (write_pdf if fmt == "pdf" else write_docx)(paragraphs, target)
            files.append({"path": path, "lang": lang, "format": fmt})
        resources.append({
            "id": rid, "type": rng.choice(terms("types")), "title": title, "summary": summary,
            "date": f"{rng.randint(2015, 2026)}-{rng.randint(1, 12):02d}",
            "agencies": rng.sample(terms("agencies"), 2), "topics": rng.sample(terms("topics"), 3),
            "audience": rng.sample(terms("audiences"), 2), "licence": rng.choice(terms("licences")),
            "availability": "in-bank", "files": files,
        })
    path = out_dir / "resource_catalog.yaml"
    path.write_text(yaml.safe_dump({"resources": resources}, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
