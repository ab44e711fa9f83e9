"""Data problems reported to the people who edit the YAML files."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class DataError:
    """One problem in one data file, at a line and column (1-based)."""

    file: str
    line: int
    column: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class DataErrors(Exception):
    """Every problem found in the data, the district's settings and its overlay, raised together so
    editors can fix them in one pass. Each line names its own file, so the heading names none."""

    def __init__(self, errors: list[DataError]) -> None:
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{count} {noun} found:"]
        lines += [f"  {error}" for error in self.errors]
        return "\n".join(lines)
