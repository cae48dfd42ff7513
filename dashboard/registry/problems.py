"""Collecting every problem in the shipped data into one error, naming file, feature and field.

Loading never stops at the first problem: an analyst fixing a data file wants the whole list at once,
and the server must refuse to start rather than serve half a map.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    file: str
    feature: str
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.feature:
            where += f": feature {self.feature!r}"
        if self.field:
            where += f": field {self.field!r}"
        return f"{where}: {self.message}"


class DataError(Exception):
    """Raised with every problem found, so one message lists them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(self.render())

    def render(self) -> str:
        count = len(self.problems)
        lines = [f"{count} problem{'s' if count != 1 else ''} in the dashboard's data:"]
        lines += [f"  - {p}" for p in self.problems]
        return "\n".join(lines)


@dataclass
class ProblemLog:
    """A running list for one load; `raise_if_any` turns it into a DataError."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, file: str, feature: str, field_name: str, message: str) -> None:
        self.problems.append(Problem(file, feature, field_name, message))

    def extend(self, other: "ProblemLog") -> None:
        self.problems.extend(other.problems)

    def raise_if_any(self) -> None:
        if self.problems:
            raise DataError(self.problems)

