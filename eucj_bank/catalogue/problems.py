"""A problem found in an editor's input, located and actionable.

`message` and `hint` are already in the editor's language (`messages._`); the
`FILE:LINE:COL:` prefix and the place (`resources[7] 'epr-checklist'`, field names)
stay as written, so the format stays machine-readable in every language.
"""

from __future__ import annotations

from dataclasses import dataclass

from .messages import _

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    col: int
    where: str  # the resource (`resources[7] 'epr-checklist'`) or location
    message: str  # what is wrong
    hint: str  # how to fix it
    severity: str = ERROR
    excerpt: str = ""  # for syntax errors: the line as written and a caret under the column

    def __str__(self) -> str:
        prefix = _("warning") + ": " if self.severity == WARNING else ""
        file, where, message, hint = (one_line(s) for s in (self.file, self.where, self.message, self.hint))
        text = _("{where}: {message} - {hint}", where=where, message=message, hint=hint)
        return f"{file}:{self.line}:{self.col}: {prefix}{text}"

    def report(self) -> str:
        """The problem as printed for a person: its line, then the excerpt if it has one."""
        return f"{self}\n{self.excerpt}" if self.excerpt else str(self)


def one_line(text: str) -> str:
    """`text` with control and other invisible characters written as escapes (\\n, \\x00):
    a value quoted in a message (a file name, a title) cannot break the one-line format."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(text))


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]


def sort_key(p: Problem) -> tuple:
    return (p.file, p.line, p.col, p.message)


def type_name(name: str) -> str:
    """What a Python type name is to an editor ("a number", "text"), in the editor's language."""
    return {"int": _("a number"), "float": _("a number"), "bool": _("yes/no (true/false)"), "str": _("text"),
            "list": _("a list"), "dict": _("a mapping"), "NoneType": _("empty"), "date": _("a date")}.get(name, name)
