"""A problem found in an editor's input, located and actionable."""

from __future__ import annotations

from dataclasses import dataclass

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

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == WARNING else ""
        file, where, message, hint = (one_line(s) for s in (self.file, self.where, self.message, self.hint))
        return f"{file}:{self.line}:{self.col}: {prefix}{where}: {message} - {hint}"


def one_line(text: str) -> str:
    """`text` with control and other invisible characters written as escapes (\\n, \\x00):
    a value quoted in a message (a file name, a title) cannot break the one-line format."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(text))


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]


def sort_key(p: Problem) -> tuple:
    return (p.file, p.line, p.col, p.message)
