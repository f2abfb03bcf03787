"""The lunr index of one language, built at build time (issue 14: a first search from disk
under 0.3 s at 5,000 resources; building it in the page took 2.7-5.8 s of CPU there).

`build` does what lunr 2.3.9's Builder does in Material's search worker with our patch
(search_worker.js), step for step: Material's fields and boosts, `b(0)`, the document
boost times our boost per kind of page, the tokens and terms of lunr_pipeline, terms
numbered (`_index`) in order of first use, BM25 field vectors with lunr's idf and k1 and
scores rounded to 3 decimals as lunr rounds them. `serialise` gives lunr's own JSON
(`Index.toJSON`) without token positions; tests/test_search_prebuilt.py compares it with
the index lunr.js builds from the same documents.

What ships is `compact`: the sorted terms (front-coded), their numbers and, per term and
field, the documents (by their number in the index's `docs`) with the term's frequency, the
numbers as text (`encode_numbers`). The worker (search_worker_prebuilt.js) makes a term's
lunr posting and BM25 scores from it only when a query reads that term, with lunr's own
arithmetic, and no lunr field vector for a search (a document's score is read from its query
terms' scores). Positions (what Material highlights) are not shipped: the worker computes
them for the results it shows, with Material's tokenizer and the same pipeline. The
standard JSON with positions was several times the size of the documents; this is a
fraction of it.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from pathlib import Path

from .lunr_pipeline import js_separator, pipeline, tokenize

LUNR_VERSION = "2.3.9"
FORMAT = 3
# Numbers travel as text: each in groups of 5 bits, lowest first, one character per group
# from this alphabet, its value + 32 when more groups follow (search_worker_prebuilt.js,
# `numbers`). Half the bytes of a JSON list at 5,000 resources (Kazakh: 2.0 -> 1.0 MB),
# and JSON.parse reads one string instead of 750,000 numbers.
DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
CACHE_DIR = Path(".cache") / "lunr"  # under the catalogue's folder, beside the other build caches (gitignored)
K1 = 1.2
B = 0.0  # Material's worker calls this.b(0)
KIND_BOOST = {"resource": 1.5, "guide": 0.8, "browse": 0.6}  # search_worker.js


def kind_of(location: str) -> str:
    if location.startswith("resources/"):
        return "resource"
    if location.startswith(("browse/", "catalogue.html")):
        return "browse"
    return "guide"


def _js_round(x: float) -> float:
    """Math.round(x * 1000) / 1000: halves round up, not to even."""
    return math.floor(x * 1000 + 0.5) / 1000


def build(index: dict, lunr_modules: Path) -> dict | None:
    """The lunr builder's state after all documents: {fields, refs, terms (term ->
    {"_index", field -> {doc number -> frequency}}), boosts, lengths}; None if two
    documents share a location (lunr would merge them: the worker builds the index then)."""
    if len({doc["location"] for doc in index["docs"]}) != len(index["docs"]):
        return None
    config = index["config"]
    lang = config["lang"][0]
    fields = list(config["fields"])
    separator = js_separator(config["separator"])
    run = pipeline(lang, lunr_modules)
    terms: dict[str, dict] = {}
    lengths: dict[tuple[str, int], int] = {}
    boosts = []
    for n, doc in enumerate(index["docs"]):
        boosts.append((doc.get("boost") or 1) * KIND_BOOST[kind_of(doc["location"])])
        for field in fields:
            count = 0
            for token in tokenize(doc.get(field), separator):
                for term in run(token):
                    count += 1
                    posting = terms.get(term)
                    if posting is None:
                        posting = terms[term] = {"_index": len(terms), **{f: {} for f in fields}}
                    posting[field][n] = posting[field].get(n, 0) + 1
            lengths[(field, n)] = count
    return {"fields": fields, "refs": [doc["location"] for doc in index["docs"]], "terms": terms,
            "boosts": boosts, "lengths": lengths, "fieldBoosts": [config["fields"][f].get("boost") or 1 for f in fields]}


def _idf(posting: dict, fields: list[str], count: int) -> float:
    with_term = sum(len(posting[f]) for f in fields)
    x = (count - with_term + 0.5) / (with_term + 0.5)
    return math.log(1 + abs(x))


def serialise(built: dict) -> dict:
    """lunr's Index.toJSON() of the built index, without positions ({} per document)."""
    fields, refs, terms = built["fields"], built["refs"], built["terms"]
    count = len(refs)
    average = {}
    for field in fields:
        total = sum(built["lengths"][(field, n)] for n in range(count))
        average[field] = total / count if count else 0
    vectors: dict[str, list[tuple[int, float]]] = {f"{f}/{ref}": [] for ref in refs for f in fields}
    for term, posting in terms.items():
        idf = _idf(posting, fields, count)
        for i, field in enumerate(fields):
            for n, tf in posting[field].items():
                length = built["lengths"][(field, n)]
                score = idf * ((K1 + 1) * tf) / (K1 * (1 - B + B * (length / average[field])) + tf)
                score *= built["fieldBoosts"][i]
                score *= built["boosts"][n]
                vectors[f"{field}/{refs[n]}"].append((posting["_index"], _js_round(score)))
    return {
        "version": LUNR_VERSION,
        "fields": fields,
        "fieldVectors": [[ref, [x for pair in sorted(elements) for x in pair]] for ref, elements in vectors.items()],
        "invertedIndex": [[term, {"_index": terms[term]["_index"],
                                  **{f: {refs[n]: {} for n in terms[term][f]} for f in fields}}]
                          for term in sorted(terms, key=_utf16)],
    }


def _utf16(term: str) -> bytes:
    """JS sorts strings by UTF-16 code units (differs from Python above U+FFFF)."""
    return term.encode("utf-16-be")


def encode_numbers(numbers: list[int]) -> str:
    """Non-negative integers as text (DIGITS)."""
    out = []
    for n in numbers:
        if n < 0:
            raise ValueError(f"cannot encode {n}")
        while n >= 32:
            out.append(DIGITS[(n & 31) | 32])
            n >>= 5
        out.append(DIGITS[n])
    return "".join(out)


def decode_numbers(text: str) -> list[int]:
    value = {c: i for i, c in enumerate(DIGITS)}
    out, n, shift = [], 0, 0
    for c in text:
        digit = value[c]
        n |= (digit & 31) << shift
        if digit < 32:
            out.append(n)
            n, shift = 0, 0
        else:
            shift += 5
    return out


def compact(built: dict) -> dict | None:
    """What ships in the search index's config (`eucjIndex`): the sorted terms front-coded
    (`shared`: UTF-16 units kept from the term before, `suffixes`: the rest, one a line),
    their `_index`, and one flat `postings` list: per term, per field, the number of
    documents, then for each its number as a difference from the one before, times 2,
    plus 1 if its term frequency (not 1) follows. The three lists of numbers as text
    (`encode_numbers`).
    None if a term holds a line break (a separator without \\s)."""
    fields, terms = built["fields"], built["terms"]
    ordered = sorted(terms, key=_utf16)
    if any("\n" in term for term in ordered):
        return None
    shared, suffixes, postings, previous_term = [], [], [], ""
    for term in ordered:
        common = 0
        while common < min(len(term), len(previous_term)) and term[common] == previous_term[common]:
            common += 1
        shared.append(len(term[:common].encode("utf-16-le")) // 2)
        suffixes.append(term[common:])
        previous_term = term
        for field in fields:
            docs = terms[term][field]
            postings.append(len(docs))
            previous = 0
            for n in sorted(docs):
                # a frequency of 1 (most) is not written: the low bit says one follows
                postings += [2 * (n - previous)] if docs[n] == 1 else [2 * (n - previous) + 1, docs[n]]
                previous = n
    return {"v": FORMAT, "lunr": LUNR_VERSION, "k1": K1, "b": B, "fields": fields, "docs": len(built["refs"]),
            "shared": encode_numbers(shared), "suffixes": "\n".join(suffixes),
            "index": encode_numbers([terms[t]["_index"] for t in ordered]), "postings": encode_numbers(postings)}


def with_prebuilt(index: dict, lunr_modules: Path, cache_dir: Path | None = None) -> dict:
    """The language's search index with its lunr index in the config the worker gets
    (Material passes `config` and `docs` to it, over file:// too); unchanged if lunr
    would merge documents (see `build`). With `cache_dir`, the packed index of the same
    documents is taken from there (1.8 s of CPU at N = 1,000 for the three languages):
    the key is the index itself, the code that builds it and the theme's lunr modules."""
    cached = cache_dir / f"{_cache_key(index, lunr_modules)}.json" if cache_dir else None
    packed = None
    if cached is not None and cached.is_file():
        try:
            packed = json.loads(cached.read_text(encoding="utf-8"))["packed"]
            os.utime(cached)  # still in use: the newest are kept
        except (OSError, ValueError, KeyError, TypeError):
            packed = None
    if packed is None:
        built = build(index, lunr_modules)
        packed = compact(built) if built is not None else False  # False: lunr would merge documents
        if cached is not None:
            _keep(cached, packed)
    if not packed:
        return index
    return {**index, "config": {**index["config"], "eucjIndex": packed}}


def _cache_key(index: dict, lunr_modules: Path) -> str:
    digest = hashlib.sha256(json.dumps(index, sort_keys=True, ensure_ascii=False).encode())
    here = Path(__file__).parent
    for path in [here / name for name in ("lunr_index.py", "lunr_pipeline.py", "kk_stemmer.py", "kk_words.py",
                                         "query_normaliser.py", "fulltext.py")] + sorted(lunr_modules.glob("*.js")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:32]


KEEP = 6  # cache entries: the three languages of the last two indexes that differ


def _keep(cached: Path, packed: dict | bool) -> None:
    """Write the cache entry atomically, and drop all but the KEEP newest."""
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"packed": packed}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        tmp.replace(cached)
        entries = sorted(cached.parent.glob("*.json"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def without_prebuilt(index: dict) -> dict:
    """The index with no prebuilt lunr index: the worker builds its own from the docs."""
    return {**index, "config": {k: v for k, v in index["config"].items() if k != "eucjIndex"}}
