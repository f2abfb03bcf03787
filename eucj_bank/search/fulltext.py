"""Full-text search inside the documents, one index per language, in shards loaded on
demand (overrides/assets/javascripts/eucj-fulltext.js reads them).

Why shards, and these ones (measured with `make bench`, README "Performance"): at
1,000 resources x 3 documents the text of one language's documents is several MB; one
index file every visitor downloads would be larger than the whole rest of the site's
pages a reader opens. Material's lunr index is built in the browser from its JSON, so
adding the text there would also make every first search wait for that build. So:

- a small per-language `fulltext/index.js`: the list of documents (resource, title,
  reading page) and of the shards that exist;
- one shard per two-letter prefix (`fulltext/s/<hex of the prefix>.js`): the stems
  starting with it, with their postings (document, passage, count), and the word forms
  of the text starting with it that are not their own stem. A query loads the shards
  of its words' and stems' prefixes only; a prefix is known after two typed letters,
  so the shard is there while the reader types. Stems are those of the language's
  pipeline, as for the metadata: lunr's Porter stemmer for English, Snowball Russian
  (lunr.ru implements it), eucj_bank.search.kk_stemmer (lunr.kk is made from it). The
  browser stems the typed words with the lunr twins; a form of the text is also
  found as typed, so a rare disagreement of the two Russian Snowball versions
  loses nothing that occurs in the text;
- no copy of the text: a result's snippet is read from the one stored page of the
  document's text (texts/<key>.html, eucj_bank/site/text_document.py), which the
  browser loads in a hidden frame for the few results shown; the postings name the
  passage by its anchor number (`t-N`). An earlier version kept each language's text
  a second time in plain-text chunks for the snippets: 27-52 MB per language at
  N = 1,000, a quarter of what the site wrote, to save loading 8 pages of text
  (about 0.3 MB from disk) on a first query.

Words go through the metadata's pipeline (eucj_bank.search.lunr_pipeline): a stop word
is no term (a query of stop words finds nothing in either index, rather than every
document here), and a Kazakh form also gives its folded twin (query_normaliser.fold), so
that a word typed without the Kazakh letters finds the text. The browser runs the same
query normaliser and thesaurus as the metadata worker (assets/javascripts/eucj-query.js).

Files are `<script>`s calling `eucjFulltext.*`: fetch() of local files is blocked over
file://, a script tag is not. Postings keep the `MAX_DOCS_PER_STEM` documents where a
stem is most frequent: a word in every document tells a reader nothing and would make
the shards of common prefixes grow with the bank.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import shutil
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

from ..catalogue.model import Catalogue
from ..catalogue.vocab import LANGS, label
from ..documents.extract import Extracted
from ..documents.library import reading_key
from . import kk_stemmer, query_normaliser

CACHE_DIR = Path(".cache") / "fulltext"  # under the catalogue's folder, beside the extraction cache (gitignored)
FORMAT_VERSION = 3
MAX_DOCS_PER_STEM = 100
PREFIX = 2
_WORD = re.compile(r"[^\W_]+")


def normalise(text: str) -> str:
    """What the browser does to a query too (eucj-fulltext.js `normalise`)."""
    return unicodedata.normalize("NFC", text).lower().replace("ё", "е")


def words(text: str) -> list[str]:
    return [w for w in _WORD.findall(normalise(text)) if len(w) >= 2]


@lru_cache(maxsize=200_000)
def stems(word: str, lang: str) -> tuple[str, ...]:
    if lang == "kk":
        return tuple(kk_stemmer.stem(kk_stemmer.trim(word)) or [word])
    if lang == "ru":
        return (_snowball("russian").stemWord(word),)
    return (_porter(word),)


@lru_cache(maxsize=None)
def _snowball(name: str):
    import snowballstemmer

    return snowballstemmer.stemmer(name)


def _porter(word: str) -> str:
    from lunr.stemmer import stemmer
    from lunr.token import Token

    stem = str(stemmer(Token(word)))
    # Step 1c differs: lunr.js (2.3.9, what the browser runs) turns a final y into i after
    # a consonant that is not the first letter (why -> whi, day -> day); the Python port
    # after any stem with a vowel (day -> dai, why -> why). Only that letter differs, so
    # it is set as lunr.js would (tests/test_fulltext.py compares every shipped word).
    n = len(stem) - 1
    if n >= 2 and word[n:n + 1] == "y" and stem[n] in "iy":
        stem = stem[:n] + ("i" if stem[n - 1] not in "aeiou" else "y")
    return stem


def shard_key(form: str) -> str:
    """The shard's file name: the hex code points of the prefix (no Cyrillic names in
    paths, which some unzip tools and servers mangle)."""
    return "-".join(f"{ord(ch):x}" for ch in form[:PREFIX])


def variants(form: str, lang: str, stop: frozenset[str]) -> tuple[str, ...]:
    """The forms a word of the text is indexed under: none for a stop word (as the
    metadata pipeline decides it: a Kazakh word trimmed first), a Kazakh word also folded."""
    if (kk_stemmer.trim(form) if lang == "kk" else form) in stop:
        return ()
    if lang == "kk":
        folded = query_normaliser.fold(form)
        if folded != form:
            return (form, folded)
    return (form,)


def build_language(catalogue: Catalogue, texts: dict[str, Extracted], lang: str,
                   stop: frozenset[str] = frozenset()) -> dict:
    """Everything one language's full-text search needs, as plain data. `stop`: the
    language's stop words (lunr_pipeline.stop_words)."""
    docs = []
    postings: dict[str, dict[int, list[int]]] = defaultdict(dict)  # stem -> doc -> [count, first passage]
    forms: dict[str, set[str]] = defaultdict(set)  # form -> stems
    for res in catalogue.resources:
        for ref in res.files:
            doc = texts.get(ref.path)
            if ref.lang != lang or doc is None or not doc.readable:
                continue
            n = len(docs)
            # what a hit shows: the title, the type and year (never an id or a file name)
            docs.append({"t": res.title.get(lang)[0], "m": f"{label('types', res.type, lang)} · {res.year}",
                         "k": reading_key(res, ref)})
            for anchor, text in doc.blocks():
                b = int(anchor[2:])  # the passage: its anchor t-N in the text's page
                for word, count in Counter(words(text)).items():
                    for form in variants(word, lang, stop):
                        for stem in stems(form, lang):
                            forms[form].add(stem)
                            entry = postings[stem].get(n)
                            if entry is None:
                                postings[stem][n] = [count, b]
                            else:
                                entry[0] += count
    # A shard holds the stems and the forms starting with its prefix: "s" stem -> postings,
    # "f" form -> postings of its stem(s), for the forms that are not their own stem.
    shards: dict[str, dict] = defaultdict(lambda: {"s": {}, "f": {}, "p": []})

    def slot(shard: dict, stem: str) -> int:
        if stem not in shard["s"]:
            shard["s"][stem] = len(shard["p"])
            shard["p"].append(_postings(postings[stem], len(docs)))
        return shard["s"][stem]

    for stem in sorted(postings):
        slot(shards[shard_key(stem)], stem)
    for form in sorted(forms):
        if forms[form] == {form}:
            continue
        shard = shards[shard_key(form)]
        ids = [slot(shard, stem) for stem in sorted(forms[form])]
        shard["f"][form] = ids[0] if len(ids) == 1 else ids
    return {"docs": docs, "shards": dict(sorted(shards.items()))}


def _postings(by_doc: dict[int, list[int]], total: int) -> list:
    """[idf, doc, passage, count, doc, passage, count, ...], the most frequent first
    (passage N: the first block holding the stem, anchored t-N in the text's page)."""
    best = sorted(by_doc.items(), key=lambda item: (-item[1][0], item[0]))[:MAX_DOCS_PER_STEM]
    flat: list = [round(math.log(1 + total / len(by_doc)), 3)]
    for doc, (count, block) in best:
        flat += [doc, block, count]
    return flat


def write_fulltext(language_root: Path, lang: str, data: dict, ui: dict[str, str]) -> dict[str, int]:
    """Write one language's files under `language_root`/fulltext; their sizes by kind."""
    folder = language_root / "fulltext"
    (folder / "s").mkdir(parents=True, exist_ok=True)
    sizes = Counter()

    def write(path: Path, call: str, *args: object) -> int:
        payload = ",".join(json.dumps(a, ensure_ascii=False, separators=(",", ":")) for a in args)
        text = f"eucjFulltext.{call}({payload});\n"
        path.write_text(text, encoding="utf-8")
        return len(text.encode("utf-8"))

    sizes["index"] = write(folder / "index.js", "index", lang,
                           {"v": FORMAT_VERSION, "ui": ui, "docs": data["docs"], "shards": list(data["shards"])})
    for key, shard in data["shards"].items():
        sizes["shards"] += write(folder / "s" / f"{key}.js", "shard", lang, key, shard)
    return dict(sizes)


def write_all(site_dir: Path, catalogue: Catalogue, texts: dict[str, Extracted],
              ui: dict[str, dict[str, str]], stop: dict[str, frozenset[str]],
              cache_dir: Path | None = None) -> None:
    """`ui`: per language, the strings the search shows (the site's ui_strings, given
    by the hook: the site layer comes after this one); `stop`: per language, its stop
    words (lunr_pipeline.stop_words, from the lunr modules of the theme). With `cache_dir`, a language's
    files are kept there under a key of everything they are made from (the documents'
    SHA-256, titles, addresses, strings, this format): a rebuild with the same
    documents links them into the site instead of indexing 1,000 documents again,
    which took most of a warm build at N = 1,000."""
    from .index_split import language_root

    for lang in LANGS:
        target = language_root(site_dir, lang) / "fulltext"
        shutil.rmtree(target, ignore_errors=True)
        key = _cache_key(catalogue, texts, lang, ui[lang], stop[lang])
        cached = cache_dir / f"{lang}-{key}" if cache_dir else None
        if cached is None or not (cached / "fulltext" / "index.js").is_file():
            build_into = cached.with_name(cached.name + ".tmp") if cached else target.parent
            shutil.rmtree(build_into / "fulltext", ignore_errors=True)
            write_fulltext(build_into, lang, build_language(catalogue, texts, lang, stop[lang]), ui[lang])
            if cached is None:
                continue
            shutil.rmtree(cached, ignore_errors=True)
            build_into.replace(cached)
        shutil.copytree(cached / "fulltext", target, copy_function=_link_or_copy)


def _cache_key(catalogue: Catalogue, texts: dict[str, Extracted], lang: str, ui: dict,
               stop: frozenset[str]) -> str:
    digest = hashlib.sha256(f"{FORMAT_VERSION}|{MAX_DOCS_PER_STEM}|{lang}|".encode())
    digest.update(json.dumps([ui, sorted(stop)], sort_keys=True).encode())
    for res in catalogue.resources:
        for ref in res.files:
            doc = texts.get(ref.path)
            if ref.lang == lang and doc is not None and doc.readable:
                digest.update(f"{res.id}|{reading_key(res, ref)}|{ref.path}|{doc.source}|{res.title.get(lang)[0]}|"
                              f"{label('types', res.type, lang)}|{res.year}\n"
                              .encode())
    return digest.hexdigest()[:32]


def _link_or_copy(src: str, dst: str) -> None:
    """Hard links: the cache's files are never changed in place (a new key, a new folder)."""
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)
