"""Checks that need more than the model: vocabularies, files, links, translations."""

from __future__ import annotations

import difflib
import hashlib
import unicodedata
from pathlib import Path
from urllib.parse import urlparse

from .checklist_model import check_checklist
from .messages import _
from .model import FileRef, Localized, Resource
from .names import is_term_like
from .problems import WARNING, Problem
from .vocab import LANGS, format_for_extension, nearest, terms
from .yaml_source import SourceMap, read_text

# field -> vocabulary it draws from
VOCAB_FIELDS = {
    "type": "types", "agencies": "agencies", "component": "components", "objective": "objectives",
    "topics": "topics", "audience": "audiences", "licence": "licences", "availability": "availability",
}
TRANSLATED_FIELDS = ("title", "summary")


def fallback_hint(lang: str, used: str, field: str) -> str:
    """How to fix a missing translation: which page shows which language's text instead."""
    # One sentence per pair, so that each language can decline the names as it needs.
    return {
        ("en", "ru"): _("the English page shows the Russian text; add {field}", field=field),
        ("en", "kk"): _("the English page shows the Kazakh text; add {field}", field=field),
        ("ru", "en"): _("the Russian page shows the English text; add {field}", field=field),
        ("ru", "kk"): _("the Russian page shows the Kazakh text; add {field}", field=field),
        ("kk", "ru"): _("the Kazakh page shows the Russian text; add {field}", field=field),
        ("kk", "en"): _("the Kazakh page shows the English text; add {field}", field=field),
    }[(lang, used)]


def suggest_field(loc: tuple) -> str | None:
    """The known field name closest to a misspelt key at `loc`."""
    from .model import FileRef, Holder, Link, Localized, Resource

    parents = {"files": FileRef, "links": Link, "holder": Holder}
    model = Resource
    for part in loc[:-1]:
        if isinstance(part, str):
            model = parents.get(part, Localized if part in ("title", "summary", "note") else model)
    match = difflib.get_close_matches(str(loc[-1]), list(model.model_fields), n=1, cutoff=0.6)
    return match[0] if match else None


class _Checker:
    def __init__(self, smap: SourceMap, display: str, root: Path):
        self.smap, self.display, self.root = smap, display, root.resolve()
        self.problems: list[Problem] = []

    def add(self, where: str, path: tuple, message: str, hint: str, severity: str = "error") -> None:
        mark = self.smap.locate(path)
        self.problems.append(Problem(self.display, mark.line, mark.col, where, message, hint, severity))

    def resource(self, index: int, res: Resource) -> None:
        rid = getattr(res, "id", None)  # a rejected entry may have no valid id
        where = f"resources[{index}] '{rid}'" if rid else f"resources[{index}]"
        base = ("resources", index)
        # A rejected entry arrives with only its valid fields (load._partial_resource).
        self.vocabularies(where, base, res)
        self.translations(where, base, res)
        if getattr(res, "availability", None):
            self.availability(where, base, res)
        seen_files: set[str] = set()
        for i, ref in enumerate(getattr(res, "files", [])):
            self.file(where, base + ("files", i), ref, seen_files)
        self.translations_of(where, base, getattr(res, "files", []))
        for i, link in enumerate(getattr(res, "links", [])):
            self.url(where, base + ("links", i, "url"), link.url)
            self.localized_warnings(where, base + ("links", i, "title"), f"links[{i}].title", link.title)
        if getattr(res, "checklist", None):
            target = self.path_inside(where, base + ("checklist",), res.checklist, must_be_under="checklists")
            if target is not None:
                self.problems.extend(check_checklist(target, _shown(target)))
        if getattr(res, "holder", None):
            self.term(where, base + ("holder", "agency"), "holder.agency", "agencies", res.holder.agency)
        for i, author in enumerate(getattr(res, "authors", [])):
            # A key must be one of the vocabulary's; a name written out is shown as written.
            if is_term_like(author):
                self.term(where, base + ("authors", i), f"authors[{i}]", "authors", author)

    def vocabularies(self, where: str, base: tuple, res: Resource) -> None:
        for fname, vocab in VOCAB_FIELDS.items():
            value = getattr(res, fname, None)
            if value is None:
                continue
            if isinstance(value, list):
                for i, term in enumerate(value):
                    self.term(where, base + (fname, i), f"{fname}[{i}]", vocab, term)
                    if value.index(term) != i:
                        self.add(where, base + (fname, i), _("{field} lists '{term}' twice", field=fname, term=term),
                                 _("remove the repeat"))
            else:
                self.term(where, base + (fname,), fname, vocab, value)

    def term(self, where: str, path: tuple, fname: str, vocab: str, value: str) -> None:
        if value in terms(vocab):
            return
        self.add(where, path, *term_problem(fname, vocab, value))

    def translations(self, where: str, base: tuple, res: Resource) -> None:
        for fname in TRANSLATED_FIELDS:
            text: Localized | None = getattr(res, fname, None)
            if text is None:
                continue
            if not text.en and not text.ru and not text.kk:
                self.add(where, base + (fname,), _("{field} has no text in any language", field=fname),
                         _("write {field}.en, {field}.ru and {field}.kk", field=fname))
                continue
            self.localized_warnings(where, base + (fname,), fname, text)

    def localized_warnings(self, where: str, path: tuple, fname: str, text: Localized) -> None:
        for lang in text.missing():
            shown, used = text.get(lang)
            if not shown:
                continue
            self.add(where, path, _("{field} is missing", field=f"{fname}.{lang}"),
                     fallback_hint(lang, used, f"{fname}.{lang}"), WARNING)

    def availability(self, where: str, base: tuple, res: Resource) -> None:
        if base + ("files",) in self.smap.keys and "files" not in res.model_fields_set:
            return  # the files list itself was rejected and reported
        if res.availability == "in-bank" and not res.files and not res.checklist:
            self.add(where, base + ("availability",), _("availability is in-bank but no files are listed"),
                     _("list the files under `files:`, or set availability to held-by-agency with a holder"))
        if res.availability != "in-bank" and res.files:
            self.add(where, base + ("availability",),
                     _("availability is {value} but files are listed", value=res.availability),
                     _("set availability: in-bank, or remove the files"))
        if res.availability == "held-by-agency" and not res.holder:
            self.add(where, base + ("availability",), _("availability is held-by-agency but no holder is named"),
                     _("add `holder: {{agency: <agency>, note: {{en: ..., ru: ..., kk: ...}}}}`"))

    def file(self, where: str, path: tuple, ref: FileRef, seen: set[str]) -> None:
        if ref.lang not in LANGS:
            self.add(where, path + ("lang",), _("file language '{lang}' is not en, ru or kk", lang=ref.lang),
                     _("write the language of the file's text: en, ru or kk"))
        if ref.format not in terms("formats"):
            self.term(where, path + ("format",), "format", "formats", ref.format)
        if ref.path in seen:
            self.add(where, path + ("path",), _("the file {path} is listed twice", path=ref.path),
                     _("remove the repeat"))
        seen.add(ref.path)
        target = self.path_inside(where, path + ("path",), ref.path, must_be_under="files")
        if target is None:
            return
        expected = format_for_extension(target.suffix)
        if ref.format in terms("formats") and expected != ref.format:
            self.add(where, path + ("format",),
                     _("format is {format} but the file name ends in '{suffix}'", format=ref.format,
                       suffix=target.suffix),
                     _("set format: {format}", format=expected) if expected else
                     _("rename the file to end in {endings}", endings=", ".join(_extensions(ref.format))))
        if ref.format == "md":  # shown on the page as text: it must read as UTF-8
            self.problems.extend(read_text(target, _shown(target))[1])
        if ref.sha256 and _sha256(target) != ref.sha256:
            self.add(where, path + ("sha256",), _("sha256 does not match the file"),
                     _("if the file was replaced on purpose, set sha256: {sha256}", sha256=_sha256(target)))

    def translations_of(self, where: str, base: tuple, files: list[FileRef]) -> None:
        """`translation_of` names another file of the same resource, in another
        language, that is an original (a translation of a translation is not)."""
        by_path = {ref.path: ref for ref in files}
        for i, ref in enumerate(files):
            if ref.translation_of is None:
                continue
            path = base + ("files", i, "translation_of")
            original = by_path.get(ref.translation_of)
            if original is None or original is ref:
                self.add(where, path, _("translation_of names {path}, which is not another file of this resource",
                                        path=ref.translation_of),
                         _("write the path of the original file, as listed under files:"))
            elif original.lang == ref.lang:
                self.add(where, path, _("{path} and its original are both in '{lang}'", path=ref.path, lang=ref.lang),
                         _("set lang to the language of the translation"))
            elif original.translation_of:
                self.add(where, path, _("{path} is itself a translation", path=ref.translation_of),
                         _("name the original: translation_of: {path}", path=original.translation_of))

    def path_inside(self, where: str, path: tuple, value: str, *, must_be_under: str) -> Path | None:
        """Resolve a repository path, refusing anything that leaves the repository."""
        if any(unicodedata.category(c) == "Cc" for c in value) or "\\" in value:
            self.add(where, path, _("the file name {name} holds a line break, a control character or a "
                                    "backslash", name=repr(value)),
                     _("rename the file with letters, digits, hyphens and dots only, and give the new name here"))
            return None
        rel = Path(value)
        if rel.is_absolute() or value.startswith(("/", "\\")) or ":" in rel.parts[0]:
            self.add(where, path, _("{path} is an absolute path", path=value),
                     _("give the path from the repository root, e.g. {folder}/<id>/<file>", folder=must_be_under))
            return None
        if ".." in rel.parts:
            self.add(where, path, _("{path} leaves the repository ('..')", path=value),
                     _("put the file under {folder}/ and give its path from the repository root",
                       folder=must_be_under))
            return None
        target = self.root / rel
        if not target.exists() and not target.is_symlink():
            self.add(where, path, _("the file {path} does not exist", path=value),
                     _("check the spelling, or copy the file to {path}", path=value))
            return None
        resolved = target.resolve()
        if not resolved.is_relative_to(self.root):
            self.add(where, path, _("{path} is a link that points outside the repository", path=value),
                     _("copy the real file into the repository instead of linking to it"))
            return None
        if not resolved.is_file():
            self.add(where, path, _("{path} is not a file", path=value), _("give the path of a file, not a folder"))
            return None
        if rel.parts[0] != must_be_under:
            self.add(where, path, _("{path} is not under {folder}/", path=value, folder=must_be_under),
                     _("move it to {folder}/<resource id>/", folder=must_be_under))
            return None
        return resolved

    def control_characters(self, where: str, path: tuple, value: object) -> None:
        """Refuse invisible control characters (written as YAML escapes such as "\\x07"):
        refused, not stripped, because one is always a paste mistake the editor should
        see, and XML (the feeds, sitemaps) cannot carry it at all."""
        if isinstance(value, dict):
            for key, item in value.items():
                self.control_characters(where, path + (key,), item)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                self.control_characters(where, path + (i,), item)
        elif isinstance(value, str):
            bad = next((c for c in value if unicodedata.category(c) == "Cc" and c not in "\n\t"), None)
            if bad is not None:
                dotted = ".".join(str(p) for p in path[2:])
                self.add(where, path, _("{field} contains the control character U+{code}",
                                        field=dotted, code=f"{ord(bad):04X}"),
                         _("delete it (it is invisible: retype the text around it)"))

    def url(self, where: str, path: tuple, url: str) -> None:
        parsed = urlparse(url.strip())
        if parsed.scheme.lower() not in ("http", "https") or not parsed.netloc:
            self.add(where, path, _("the link {url} is not an http(s) address", url=repr(url)),
                     _("links must start with https:// (or http://); other schemes are refused"))


def term_problem(fname: str, vocab: str, value: str) -> tuple[str, str]:
    """(message, hint) for a value that is not a term of `vocab`, with the nearest term if any."""
    guess = nearest(vocab, value)
    hint = (_("did you mean '{term}'?", term=guess) if guess else _("use one of the listed values")) + " " + \
        _("Valid values: {terms} (eucj_bank/catalogue/vocabularies.yaml)", terms=", ".join(terms(vocab)))
    return _("{field} '{value}' is not in the {vocab} vocabulary", field=fname, value=value, vocab=vocab), hint


def _shown(path: Path) -> str:
    """A path as the editor would type it: relative to the working folder when inside it."""
    try:
        return str(path.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _extensions(fmt: str) -> list[str]:
    from .vocab import vocabularies
    return vocabularies()["formats"][fmt]["extensions"]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def check_resources(resources: list[tuple[int, Resource]], raw: list, smap: SourceMap,
                    display: str, root: Path) -> list[Problem]:
    checker = _Checker(smap, display, root)
    first_seen: dict[str, int] = {}
    for index, entry in enumerate(raw):
        rid = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(rid, str):
            continue
        if rid in first_seen:
            line = smap.locate(("resources", first_seen[rid], "id")).line
            checker.add(f"resources[{index}] '{rid}'", ("resources", index, "id"),
                        _("the id '{id}' is already used by {other} (line {line})", id=rid,
                          other=f"resources[{first_seen[rid]}]", line=line),
                        _("give this resource its own id; ids are page addresses and must be unique"))
        else:
            first_seen[rid] = index
    for index, res in resources:
        checker.resource(index, res)
    for index, entry in enumerate(raw):
        rid = entry.get("id") if isinstance(entry, dict) else None
        name = f"resources[{index}] '{rid}'" if isinstance(rid, str) else f"resources[{index}]"
        checker.control_characters(name, ("resources", index), entry)
    return checker.problems
