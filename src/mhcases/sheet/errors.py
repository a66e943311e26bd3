"""Located problems of a coding sheet: every error names file, row (with case and defendant id), column, value."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROW = "source_row"  # the row number as the user sees it in the sheet (header = its own row number)
MAX_LISTED = 20


@dataclass(frozen=True)
class Problem:
    """One bad cell (or row, or file-level problem when row/column are None)."""

    row: int | None
    column: str | None
    value: object
    message: str
    case_id: str | None = None
    defendant_id: str | None = None

    def describe(self) -> str:
        where = []
        if self.row is not None:
            ids = ", ".join(x for x in (f"zaak {self.case_id}" if self.case_id else "",
                                         f"verdachte {self.defendant_id}" if self.defendant_id else "") if x)
            where.append(f"rij {self.row}" + (f" ({ids})" if ids else ""))
        if self.column is not None:
            where.append(f"kolom '{self.column}'")
        if self.value is not None:
            shown = str(self.value)
            where.append(f"waarde {(shown if len(shown) <= 120 else shown[:117] + '…')!r}")
        return (", ".join(where) + ": " if where else "") + self.message


class InputError(ValueError):
    """A coding sheet that cannot be used; the message lists every problem found (up to MAX_LISTED)."""

    def __init__(self, path: str | Path, problems: list[Problem]):
        self.path = str(path)
        self.problems = problems
        lines = [p.describe() for p in problems[:MAX_LISTED]]
        more = len(problems) - MAX_LISTED
        if more > 0:
            lines.append(f"… en nog {more} problemen")
        super().__init__(f"Codeerblad {self.path} is niet bruikbaar:\n  - " + "\n  - ".join(lines))
