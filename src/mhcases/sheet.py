"""Reading a coding sheet (CSV or XLSX) into a frame of strings, with errors that name file, row, column, value.

Accepted as users produce them: comma- or semicolon-delimited CSV (Excel in a Dutch locale writes semicolons),
UTF-8 with or without BOM, XLSX with title rows above the header. Everything else stops with an `InputError`.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from mhcases.codebook import COLUMN_NAMES

ROW = "source_row"  # the row number as the user sees it in the sheet (header = its own row number)
MAX_TITLE_ROWS = 10
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
            where.append(f"waarde {str(self.value)!r}")
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


def _decode(path: Path, data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        row = data[: error.start].count(b"\n") + 1
        bad = data[error.start : error.start + 4]
        raise InputError(path, [Problem(row, None, bad.hex(" "),
                                        "geen geldige UTF-8-tekst (sla het bestand op als 'CSV UTF-8')")]) from None


def _sniff_delimiter(text: str) -> str:
    """The delimiter of the header line: the first line that names codebook columns (title rows may precede)."""
    names = set(COLUMN_NAMES)
    for line in text.splitlines()[:MAX_TITLE_ROWS]:
        by = {d: len(names & {c.strip().strip('"').lower() for c in line.split(d)}) for d in (";", ",")}
        if max(by.values()) >= 2:
            return max(by, key=by.get)
    first = text.split("\n", 1)[0]
    return ";" if first.count(";") > first.count(",") else ","


def _read_csv(path: Path) -> tuple[pd.DataFrame, int]:
    text = _decode(path, path.read_bytes())
    if not text.strip():
        raise InputError(path, [Problem(None, None, None, "het bestand is leeg")])
    delimiter = _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        for row in reader:
            rows.append(row)
    except csv.Error as error:
        raise InputError(path, [Problem(reader.line_num, None, None, f"CSV niet te lezen: {error}")]) from None
    return _frame_from_rows(path, rows)


def _read_xlsx(path: Path, sheet_name: str | None) -> tuple[pd.DataFrame, int]:
    try:
        raw = pd.read_excel(path, sheet_name=sheet_name if sheet_name is not None else 0, header=None,
                            dtype=object, engine="openpyxl")
    except ValueError as error:  # unknown sheet name, not an xlsx
        raise InputError(path, [Problem(None, None, sheet_name, f"werkblad niet te lezen: {error}")]) from None
    except Exception as error:  # zipfile.BadZipFile and friends: not an XLSX at all
        raise InputError(path, [Problem(None, None, None, f"geen leesbaar XLSX-bestand ({type(error).__name__})")]) from None
    rows = [[_xlsx_cell(v) for v in row] for row in raw.itertuples(index=False)]
    return _frame_from_rows(path, rows)


def _xlsx_cell(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp) or hasattr(value, "isoformat"):
        return value.isoformat()[:10]  # type: ignore[union-attr]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _frame_from_rows(path: Path, rows: list[list[str]]) -> tuple[pd.DataFrame, int]:
    """Find the header row (title rows above it are skipped), check the columns, return strings + header row."""
    rows = [r for r in rows]
    header_index = None
    for i, row in enumerate(rows[:MAX_TITLE_ROWS]):
        names = {str(c).strip().lower() for c in row}
        if len(names & set(COLUMN_NAMES)) >= len(COLUMN_NAMES) // 2:
            header_index = i
            break
    if header_index is None:
        first = rows[0] if rows else []
        raise InputError(path, [Problem(1, None, ", ".join(map(str, first[:5])),
                                        "geen kopregel gevonden met de kolomnamen van het codeboek "
                                        f"(in de eerste {MAX_TITLE_ROWS} rijen; zie docs/codebook.md)")])
    header = [str(c).strip().lower() for c in rows[header_index]]
    header_row = header_index + 1
    problems = []
    while header and header[-1] == "":
        header.pop()
    missing = [c for c in COLUMN_NAMES if c not in header]
    extra = [c for c in header if c not in COLUMN_NAMES]
    duplicated = sorted({c for c in header if header.count(c) > 1})
    problems += [Problem(header_row, c, None, "verplichte kolom ontbreekt") for c in missing]
    problems += [Problem(header_row, c or "(leeg)", None, "onbekende kolom (zie docs/codebook.md)") for c in extra]
    problems += [Problem(header_row, c, None, "kolom komt meer dan eens voor") for c in duplicated]
    if problems:
        raise InputError(path, problems)
    body = []
    for offset, row in enumerate(rows[header_index + 1 :], start=header_row + 1):
        cells = [str(c) for c in row]
        if not any(c.strip() for c in cells):
            continue  # blank line (Excel leaves these at the end)
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header):]):
            problems.append(Problem(offset, None, cells[len(header)],
                                    f"meer cellen ({len(cells)}) dan kolommen ({len(header)})"))
            continue
        cells = (cells + [""] * len(header))[: len(header)]
        body.append([offset] + [c.strip() for c in cells])
    if problems:
        raise InputError(path, problems)
    if not body:
        raise InputError(path, [Problem(None, None, None, "het codeerblad bevat geen enkele verdachte")])
    frame = pd.DataFrame(body, columns=[ROW] + header)
    return frame[[ROW, *COLUMN_NAMES]], header_row


def read_sheet(path: str | Path, sheet_name: str | None = None) -> pd.DataFrame:
    """The coding sheet as strings (empty string = empty cell), columns in codebook order plus `source_row`."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, [Problem(None, None, None, "bestand niet gevonden (of geen gewoon bestand)")])
    suffix = path.suffix.lower()
    if suffix == ".csv":
        frame, _ = _read_csv(path)
    elif suffix == ".xlsx":
        frame, _ = _read_xlsx(path, sheet_name)
    else:
        raise InputError(path, [Problem(None, None, suffix, "alleen .csv en .xlsx worden gelezen")])
    return frame


def frame_to_raw(frame: pd.DataFrame) -> pd.DataFrame:
    """An in-memory sheet (e.g. a generated cohort) in the form read_sheet returns: strings, `source_row` first."""
    raw = frame[list(COLUMN_NAMES)].astype(object).where(frame[list(COLUMN_NAMES)].notna(), "")
    raw = raw.astype(str).apply(lambda column: column.str.strip())
    raw.insert(0, ROW, range(2, len(raw) + 2))
    return raw.reset_index(drop=True)
