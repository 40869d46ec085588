"""The exception that stops loading at one located problem (always turned into a finding)."""

from __future__ import annotations

from kbtools.findings import Code, Finding


class LoadProblem(Exception):
    """A located problem that stops loading; :mod:`kbtools.loading` never lets it escape."""

    def __init__(self, code: Code, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.line = line
        self.column = column
        self.message = message

    def finding(self, file: str) -> Finding:
        return self.code.finding(file, self.line, self.column, self.message)
