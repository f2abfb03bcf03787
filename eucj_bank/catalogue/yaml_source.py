"""Read YAML into plain Python while remembering where every value came from.

PyYAML's `safe_load` throws positions away and silently keeps the last of two
duplicate keys, which would lose an editor's text. We compose the node tree
ourselves instead: each value's path (for example `("resources", 3, "title", "kk")`)
maps to the line and column it was written at, and a repeated key is reported
as a problem rather than overwritten.

Every file is untrusted, so before composing, one pass over libyaml's events
(iterative, no recursion) refuses what could hang or crash the build, or mean
something other than plain data: a document over `MAX_BYTES`, nesting deeper than
`MAX_DEPTH`, aliases expanding to more than `MAX_ALIAS_NODES` nodes (a "billion
laughs" of nine nested aliases is a few hundred bytes; composing keeps aliases
shared, it is building plain Python values that would expand them) and any explicit
tag (`!!python/object`, `!!binary`, `!local`): our composer reads nodes, not tags, so
a tag on a mapping would otherwise be silently dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import yaml

from .messages import _
from .problems import Problem
from .yaml_errors import excerpt, explain, yaml_lines

Path_ = tuple  # a path into the document: keys and list indices

# libyaml's composer gives the same nodes and marks as the pure-Python one, ~10x faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR = "tag:yaml.org,2002:str"

MAX_BYTES = 16 * 1024 * 1024  # the 5,000-resource benchmark catalogue is ~4 MB
MAX_DEPTH = 40  # the catalogue needs 6 levels (resources > entry > files > file > title > lang)
MAX_ALIAS_NODES = 10_000  # nodes that aliases may add in total; the bank itself uses none


@dataclass(frozen=True)
class Mark:
    line: int  # 1-based
    col: int  # 1-based


@dataclass
class SourceMap:
    """Where each path of a loaded document was written."""

    values: dict[Path_, Mark] = field(default_factory=dict)
    keys: dict[Path_, Mark] = field(default_factory=dict)

    def locate(self, path: Path_, *, key: bool = False) -> Mark:
        """The mark of `path`, or of its nearest ancestor that has one."""
        table = self.keys if key else self.values
        path = tuple(path)
        while path:
            if path in table:
                return table[path]
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), Mark(1, 1))


Describe = Callable[[Path_, object], str]


class _Composer:
    def __init__(self, file: str, describe: Describe):
        self.file = file
        self.describe = describe
        self.duplicates: list[tuple[Path_, str, Mark, Mark]] = []
        self.map = SourceMap()
        self.problems: list[Problem] = []
        self._constructor = yaml.SafeLoader("")

    def build(self, node: yaml.Node, path: Path_) -> object:
        mark = Mark(node.start_mark.line + 1, node.start_mark.column + 1)
        self.map.values[path] = mark
        if isinstance(node, yaml.MappingNode):
            result: dict = {}
            for key_node, value_node in node.value:
                key = self._scalar(key_node)
                if not isinstance(key, (str, int)):
                    key = str(key)
                key_mark = Mark(key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                if key in result:
                    self.duplicates.append((path, key, key_mark, self.map.keys[path + (key,)]))
                    continue
                self.map.keys[path + (key,)] = key_mark
                result[key] = self.build(value_node, path + (key,))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, path + (i,)) for i, child in enumerate(node.value)]
        return self._scalar(node)

    def _scalar(self, node: yaml.Node) -> object:
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _STR:  # most values: already resolved to text, no constructor needed
                return node.value
            try:
                return self._constructor.construct_object(node, deep=True)
            except ValueError:
                # An impossible unquoted date (2016-02-30): keep the text as written,
                # so the model reports it as a bad date at its own line.
                return node.value
        return self.build(node, ())


    def report_duplicates(self, data: object) -> None:
        for path, key, mark, first in self.duplicates:
            self.problems.append(Problem(
                self.file, mark.line, mark.col, self.describe(path, data),
                _("the key '{key}' appears twice in this mapping (first at line {line})", key=key, line=first.line),
                _("keep one and merge the text of both; YAML would silently drop the first"),
            ))


def dotted(path: Path_, data: object = None) -> str:
    return ".".join(str(p) for p in path) or _("top level")


def load_yaml(text: str, file: str, describe: Describe = dotted) -> tuple[object, SourceMap, list[Problem]]:
    """Parse `text`; return the data, its source map and any problems.

    A syntax error is returned as a located problem, never raised. `describe`
    names the place of a problem from its path (e.g. "resources[3] 'epr-checklist'").
    """
    composer = _Composer(file, describe)
    refused = _refuse_unsafe(text, file)
    if refused is not None:
        return None, composer.map, [refused]
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        return None, composer.map, [_syntax_problem(text, file, exc)]
    except yaml.reader.ReaderError as exc:  # a control character, invisible in most editors
        before = text[: exc.position]
        line, col = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        return None, composer.map, [Problem(
            file, line, col, _("YAML syntax"),
            _("an invisible control character (U+{code:04X}) is in the text", code=exc.character if isinstance(exc.character, int) else ord(exc.character)),
            _("delete it (it often comes with text pasted from another program)"),
            excerpt=excerpt(yaml_lines(text), line, col))]
    except yaml.YAMLError as exc:
        return None, composer.map, [Problem(file, 1, 1, _("YAML syntax"), str(exc).splitlines()[0],
                                            _("save the file as plain UTF-8 text"))]
    if node is None:
        return None, composer.map, []
    try:
        data = composer.build(node, ())
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        composer.problems.append(Problem(file, line, col, _("YAML value"), _("this value cannot be read"),
                                         _("write the value as plain text in quotes")))
        data = None
    composer.report_duplicates(data)
    return data, composer.map, composer.problems


def _syntax_problem(text: str, file: str, exc: yaml.MarkedYAMLError) -> Problem:
    mark, context = exc.problem_mark or exc.context_mark, exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    found = explain(text, exc.problem or "", exc.context or "", line, col,
                    context.line + 1 if context else None, context.column + 1 if context else None)
    return Problem(file, found.line, found.col, _("YAML syntax"), found.message, found.hint,
                   excerpt=excerpt(yaml_lines(text), found.line, found.col))


def _refuse_unsafe(text: str, file: str) -> Problem | None:
    """A located problem for the first thing the limits refuse, or None (see the module docstring).
    Syntax errors are left to the composer, which explains them."""
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        line = text.count("\n", 0, MAX_BYTES) + 1  # near where the limit is crossed
        return Problem(file, line, 1, _("YAML limits"),
                       _("the file is {size} bytes, more than the {limit} a YAML file may have", size=size,
                         limit=MAX_BYTES),
                       _("split the file or remove what does not belong in it"))
    depth = 0
    total = 0  # nodes so far, aliases expanded
    through_aliases = 0  # of which added by aliases
    anchored: dict[str, int] = {}  # anchor -> nodes of the anchored value
    open_nodes: list[tuple[str | None, int]] = []  # (anchor, total at its start)
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            mark = event.start_mark
            if getattr(event, "tag", None) is not None:
                return Problem(file, mark.line + 1, mark.column + 1, _("YAML tag"),
                               _("the tag {tag} is not allowed: the bank reads plain text, lists and mappings only",
                                 tag=event.tag.replace("tag:yaml.org,2002:", "!!")),
                               _("remove the tag (the word starting with !)"))
            if isinstance(event, yaml.AliasEvent):
                if any(anchor == event.anchor for anchor, _start in open_nodes):
                    return Problem(file, mark.line + 1, mark.column + 1, _("YAML limits"),
                                   _("the alias *{name} refers to the value that contains it", name=event.anchor),
                                   _("write the values out instead of repeating them with &anchors and *aliases"))
                size = anchored.get(event.anchor, 1)
                total += size
                through_aliases += size
                if through_aliases > MAX_ALIAS_NODES:
                    return Problem(file, mark.line + 1, mark.column + 1, _("YAML limits"),
                                   _("the aliases (*name) expand to more than {limit} values", limit=MAX_ALIAS_NODES),
                                   _("write the values out instead of repeating them with &anchors and *aliases"))
            elif isinstance(event, yaml.ScalarEvent):
                total += 1
                if event.anchor:
                    anchored[event.anchor] = 1
            elif isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                total += 1
                if depth > MAX_DEPTH:
                    return Problem(file, mark.line + 1, mark.column + 1, _("YAML limits"),
                                   _("the values are nested more than {limit} levels deep", limit=MAX_DEPTH),
                                   _("the bank's files need a few levels only; check the indentation and brackets"))
                open_nodes.append((event.anchor, total))
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
                anchor, start = open_nodes.pop()
                if anchor:
                    anchored[anchor] = total - start + 1
    except yaml.YAMLError:
        return None
    return None


def read_text(path: Path, display: str) -> tuple[str | None, list[Problem]]:
    """Read a UTF-8 file without a byte-order mark, or say why not."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        return None, [Problem(display, 1, 1, _("YAML limits"),
                              _("the file is {size} bytes, more than the {limit} a YAML file may have", size=size,
                                limit=MAX_BYTES),
                              _("split the file or remove what does not belong in it"))]
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [Problem(display, 1, 1, _("encoding"),
                              _("the file starts with an invisible byte-order mark (BOM)"),
                              _("save it as UTF-8 without BOM (in most editors: Save with encoding, UTF-8)"))]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Problem(display, line, col, _("encoding"), _("the file is not valid UTF-8"),
                              _("save it as UTF-8 (in most editors: Save with encoding, UTF-8)"))]
    stray = text.find("\ufeff")
    if stray >= 0:  # pasted with text from another file: invisible, and part of the value for YAML
        before = text[:stray]
        line, col = before.count("\n") + 1, stray - (before.rfind("\n") + 1) + 1
        return None, [Problem(display, line, col, _("encoding"),
                              _("an invisible byte-order mark (BOM) is inside the text"),
                              _("delete the invisible character at the caret (it came with pasted text)"),
                              excerpt=excerpt(yaml_lines(text), line, col))]
    return text, []
