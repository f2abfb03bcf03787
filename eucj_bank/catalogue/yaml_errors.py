"""YAML syntax errors in plain words, at the line where the editor must act, with a caret.

libyaml reports what its scanner expected ("did not find expected key (while parsing a
block mapping)"), often a line after the mistake: an unclosed quote is noticed at the end
of the file, an over-indented key as "mapping values are not allowed", a missing dash as a
missing '-' indicator. `explain` looks at the lines the editor wrote and names the mistake
editors make most: tabs, indentation, unclosed quotes, quotes inside quotes, a missing dash,
a colon in a value, « » or „ “ used as quotes, an unclosed [ or {, a value that starts
with a character YAML reserves. Anything else keeps a generic, still located, message.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from .messages import _

_KEY_LINE = re.compile(r"^(?P<indent> *)(?P<dash>- +)?(?P<key>[A-Za-z_][\w.-]*):(?: +(?P<value>.*))?$")
_TYPOGRAPHIC = "«»„“”"
# The line breaks YAML counts (libyaml and PyYAML alike: \r\n, \r, \n, NEL, LS, PS): the
# line numbers of its marks index these lines, not those of str.split("\n").
_YAML_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


def yaml_lines(text: str) -> list[str]:
    """The lines of `text` as YAML numbers them."""
    return _YAML_BREAK.split(text)


@dataclass(frozen=True)
class Explained:
    line: int  # 1-based
    col: int  # 1-based
    message: str
    hint: str


def excerpt(lines: list[str], line: int, col: int) -> str:
    """The line as written and a caret under `col` (both prefixed with the line number)."""
    if not 0 < line <= len(lines):
        return ""
    text = lines[line - 1].replace("\t", " ")  # a tab would shift the caret
    number = f"{line:>5} | "
    return f"{number}{text}\n{' ' * (len(number) - 2)}| {' ' * (col - 1)}^"


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _key_col(text: str) -> int | None:
    """0-based column of the key on a `key:` or `- key:` line, else None."""
    match = _KEY_LINE.match(text)
    if not match:
        return None
    return len(match["indent"]) + len(match["dash"] or "")


def _content(lines: list[str], index: int) -> bool:
    stripped = lines[index].strip()
    return bool(stripped) and not stripped.startswith("#")


def _previous(lines: list[str], index: int) -> int | None:
    """Index of the nearest line before `index` that holds something (not blank, not a comment)."""
    for i in range(index - 1, -1, -1):
        if _content(lines, i):
            return i
    return None


def _closing_quote(text: str, start: int) -> int | None:
    """Index of the quote closing the one at `start` (backslash escapes in "…", '' in '…')."""
    quote, i = text[start], start + 1
    while i < len(text):
        if quote == '"' and text[i] == "\\":
            i += 2
            continue
        if text[i] == quote:
            if quote == "'" and text[i + 1:i + 2] == "'":
                i += 2
                continue
            return i
        i += 1
    return None


def _value_quotes(text: str) -> list[int]:
    """Starts of quoted values on a line: after `key: `, `- `, `[`, `{`, `, `."""
    return [m.end() - 1 for m in re.finditer(r"""(?:^|: |- |[\[{,] ?)(["'])""", text)]


def _unclosed_on(text: str) -> int | None:
    """Column (0-based) of a quote opened on this line and not closed on it."""
    for start in _value_quotes(text):
        if _closing_quote(text, start) is None:
            return start
    return None


def _quote_inside(text: str) -> tuple[int, int] | None:
    """(start, end) of a quoted value that ends before its text does ("The "Big" Book")."""
    for start in _value_quotes(text):
        end = _closing_quote(text, start)
        if end is None:
            continue
        rest = text[end + 1:].lstrip(" ")
        if rest and rest[0] not in ",]}#:":  # a colon after it is a key: another mistake
            return start, end
    return None


def _majority(lines: list[str], index: int) -> int | None:
    """The key column most of the next few key lines share (None if they disagree)."""
    cols = [_key_col(text) for text in lines[index + 1:index + 6] if _key_col(text) is not None]
    best = max(set(cols), key=cols.count) if cols else None
    return best if best is not None and cols.count(best) * 2 > len(cols) else None


def explain(text: str, problem: str, context: str, line: int, col: int,
            context_line: int | None, context_col: int | None) -> Explained:
    """The editor's mistake behind a libyaml error at (`line`, `col`), 1-based."""
    lines = yaml_lines(text)
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    if "quoted scalar" in context and context_line:
        opened = lines[context_line - 1] if context_line <= len(lines) else ""
        quote = opened[context_col - 1:context_col] or '"'
        return Explained(context_line, context_col, _("the quote opened on line {line} is not closed",
                                                      line=context_line),
                         _("end the value with {quote} on the same line", quote=quote))
    if "flow" in context and context_line and problem.startswith("did not find expected ','"):
        found = _quote_inside(lines[line - 1]) if line <= len(lines) else None
        if found is None:
            bracket = lines[context_line - 1][context_col - 1:context_col]
            closer = {"[": "]", "{": "}"}.get(bracket, "]")
            return Explained(context_line, context_col,
                             _("the {bracket} opened on line {line} is not closed", bracket=bracket,
                               line=context_line),
                             _("close it with {closer} at the end of the line, after the last value",
                               closer=closer))
    if "\t" in here[:max(col, _indent(here) + 1)] or "tab" in problem:
        tab = here.find("\t")
        return Explained(line, tab + 1 if tab >= 0 else col, _("this line is indented with a tab"),
                         _("indent with spaces, not tabs: YAML counts the spaces"))
    index = line - 1
    # An unclosed quote closed by a later line's quote: the error comes lines after the mistake.
    for i in range(index - 1, max(index - 30, -1), -1):
        start = _unclosed_on(lines[i]) if _content(lines, i) else None
        if start is not None:
            return Explained(i + 1, start + 1, _("the quote opened on line {line} is not closed", line=i + 1),
                             _("end the value with {quote} on the same line", quote=lines[i][start]))
        if _KEY_LINE.match(lines[i]) and not lines[i].startswith(" "):
            break
    inside = _quote_inside(here)
    if inside is not None:
        start, end = inside
        quote = here[start]
        other = "'" if quote == '"' else '"'
        return Explained(line, end + 1,
                         _("the quote {quote} inside the text ends the value early", quote=quote),
                         _("put the value in {other} quotes instead, or write the inner quotes as « »",
                           other=other))
    key_col = _key_col(here)
    prev = _previous(lines, index)
    if key_col is not None and prev is not None and not lines[prev].rstrip().endswith(":"):
        keyed = next((i for i in range(prev, -1, -1) if _content(lines, i) and _key_col(lines[i]) is not None), None)
        used = _key_col(lines[keyed]) if keyed is not None else None
        if used is not None and used != key_col and "-" not in here[:key_col]:
            match = _KEY_LINE.match(here)
            if match["key"] == "id" and key_col < used:
                return Explained(line, key_col + 1, _("a new entry must start with a dash"),
                                 _("write the line as `- id: ...`, the dash where the entries above have theirs"))
            if keyed == prev and _majority(lines, index) == key_col:
                # The lines that follow agree with this one: the line above is the odd one out.
                return Explained(prev + 1, used + 1,
                                 _("this line is indented {n} spaces, the lines of this resource use {m}",
                                   n=used, m=key_col),
                                 _("indent it {m} spaces, like the line below", m=key_col))
            return Explained(line, key_col + 1,
                             _("this line is indented {n} spaces, the lines of this resource use {m}",
                               n=key_col, m=used),
                             _("indent it {m} spaces, like the line above", m=used))
    if "could not find expected ':'" in problem and context_line:
        item = lines[context_line - 1]
        prev = _previous(lines, context_line - 1)
        if prev is not None and lines[prev].lstrip().startswith("- ") and ":" not in item:
            return Explained(context_line, _indent(item) + 1, _("this item of the list has no dash"),
                             _("start it with '- ', like the items above it"))
    if "mapping values are not allowed" in problem:
        match = _KEY_LINE.match(here)
        if match and match["value"]:
            value = match["value"]
            example = f"{match['key']}: {json.dumps(value, ensure_ascii=False)}"
            if value[0] in _TYPOGRAPHIC:
                return Explained(line, col, _("a value containing ': ' must be in quotes"),
                                 _("the quotes « » and „ “ are part of the text for YAML: put the whole value "
                                   "in straight quotes, e.g. {example}", example=example))
            return Explained(line, col, _("a value containing ': ' must be in quotes"),
                             _("put the whole value in double quotes, e.g. {example}", example=example))
    if "cannot start any token" in problem and 0 < col <= len(here):
        return Explained(line, col, _("a value starting with {char} must be in quotes", char=here[col - 1]),
                         _("put the whole value in double quotes"))
    return Explained(line, col, _("the YAML here cannot be read ({reason})", reason=problem),
                     _("check the line and the one before it against the examples in the catalogue header"))
