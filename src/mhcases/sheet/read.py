"""Reading a coding sheet (CSV or XLSX) into a frame of strings, with errors that name file, row, column, value.

Accepted as users produce them: comma-, semicolon- or tab-delimited CSV (Excel in a Dutch locale writes
semicolons), UTF-8 with or without BOM, XLSX with title rows above the header (formula cells by their cached
value). Everything else stops with an `InputError` that names row, column, ids and value.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

import openpyxl
import pandas as pd
from openpyxl.worksheet.formula import ArrayFormula

from mhcases.codebook import COLUMN_NAMES
from mhcases.sheet.errors import ROW, InputError, Problem

MAX_TITLE_ROWS = 10


DELIMITERS = (";", ",", "\t")  # Excel writes ";" in a Dutch locale, "," elsewhere, tab for "Tekst (tab)"
EXCEL_ERRORS = ("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#SPILL!", "#CALC!")


def _decode(data: bytes) -> str:
    """UTF-8 (BOM dropped); bytes that are not UTF-8 survive as surrogates so that their cell can be located."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return data.decode("utf-8", errors="surrogateescape")


_SURROGATE = re.compile("[\udc80-\udcff]")  # bytes that were not UTF-8 (see _decode)


def _undecodable(cell: str) -> bool:
    return _SURROGATE.search(cell) is not None


def _show_undecodable(cell: str) -> str:
    """A bad cell for the message: its bytes as Latin-1 would show them (a reading hint, not a guess we keep)."""
    return cell.encode("utf-8", errors="surrogateescape").decode("latin-1")


def _bad_bytes(cell: str) -> str:
    return " ".join(f"{ord(ch) - 0xDC00:02x}" for ch in dict.fromkeys(ch for ch in cell if _undecodable(ch)))


def _sniff_delimiter(text: str) -> str:
    """The delimiter of the header line: the first line that names codebook columns (title rows may precede)."""
    names = set(COLUMN_NAMES)
    for line in text.splitlines()[:MAX_TITLE_ROWS]:
        by = {d: len(names & {c.strip().strip('"').lower() for c in line.split(d)}) for d in DELIMITERS}
        if max(by.values()) >= 2:
            return max(by, key=by.get)
    first = text.split("\n", 1)[0]
    return max(DELIMITERS, key=lambda d: (first.count(d), -DELIMITERS.index(d)))


def _read_csv(path: Path) -> list[list[str]]:
    text = _decode(path.read_bytes())
    if not text.strip():
        raise InputError(path, [Problem(None, None, None, "het bestand is leeg")])
    delimiter = _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = list(reader)
    except csv.Error as error:
        raise InputError(path, [Problem(reader.line_num, None, None, f"CSV niet te lezen: {error}")]) from None
    return rows


def _read_xlsx(path: Path, sheet_name: str | None) -> list[list[str]]:
    """The cells of one sheet as strings. Formula cells take the value Excel cached when it last saved the file;
    a formula without a cached value (a file written by a program, never opened in Excel) is a located error."""
    def sheet(data_only: bool):
        book = openpyxl.load_workbook(path, read_only=True, data_only=data_only)
        if sheet_name is None:
            return book, book.worksheets[0]
        if sheet_name not in book.sheetnames:
            raise InputError(path, [Problem(None, None, sheet_name, "werkblad bestaat niet; wel aanwezig: "
                                            + ", ".join(book.sheetnames))])
        return book, book[sheet_name]

    def is_formula(source: object) -> bool:
        return isinstance(source, ArrayFormula) or (isinstance(source, str) and source.startswith("="))

    try:
        formula_book, formulas = sheet(data_only=False)
        written = [list(row) for row in formulas.iter_rows(values_only=True)]
        formula_book.close()
        cached = written
        if any(is_formula(source) for row in written for source in row):  # the cached values need a second read
            book, values = sheet(data_only=True)
            cached = [list(row) for row in values.iter_rows(values_only=True)]
            book.close()
    except InputError:
        raise
    except Exception as error:  # zipfile.BadZipFile, KeyError in a damaged archive, …: not a readable XLSX
        raise InputError(path, [Problem(None, None, None, f"geen leesbaar XLSX-bestand ({type(error).__name__})")]) from None
    rows = []
    for i, (row, formula_row) in enumerate(zip(cached, written), start=1):
        cells = []
        for j, value in enumerate(row):
            source = formula_row[j] if j < len(formula_row) else None
            if is_formula(source) and value is None:
                cells.append(_FormulaWithoutValue(str(getattr(source, "text", source))))
            else:
                cells.append(_xlsx_cell(value))
        rows.append(cells)
    return rows


class _FormulaWithoutValue(str):
    """A formula cell without a cached value (its text is the formula); reported as a located error."""


def _xlsx_cell(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()[:10]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _cell_problems(header: list[str], header_row: int, rows: list[list[str]], first: int) -> list[Problem]:
    """Cells that are not text at all: bytes that are not UTF-8, formulas without a value, Excel error values."""
    position = {name: header.index(name) for name in ("case_id", "defendant_id") if name in header}

    def ids(cells: list[str]) -> tuple[str | None, str | None]:
        get = lambda name: cells[position[name]] if name in position and position[name] < len(cells) else None  # noqa: E731
        return get("case_id"), get("defendant_id")

    problems = []
    for number, cells in enumerate(rows, start=first):
        # fast path for the common row: plain strings, no byte that was not UTF-8, no "#" (every Excel error
        # value starts with one), so none of its cells is a problem
        if "#" not in (joined := "\x00".join(cells)) and not _SURROGATE.search(joined) and (
                {*map(type, cells)} <= {str}):
            continue
        for j, cell in enumerate(cells):
            column = header[j] if j < len(header) else None
            if isinstance(cell, _FormulaWithoutValue):
                message = "formule zonder opgeslagen waarde (open en bewaar het bestand in Excel, of typ de waarde)"
            elif _undecodable(cell):
                message = (f"geen geldige UTF-8-tekst (byte {_bad_bytes(cell)}, hier getoond als Latin-1; sla het "
                           "bestand op als 'CSV UTF-8')")
                cell = _show_undecodable(cell)
            elif cell.strip() in EXCEL_ERRORS:
                message = "Excel-foutwaarde in plaats van een waarde"
            else:
                continue
            case_id, defendant_id = ids(cells) if number > header_row else (None, None)
            if case_id is not None and _undecodable(case_id):
                case_id = _show_undecodable(case_id)
            if defendant_id is not None and _undecodable(defendant_id):
                defendant_id = _show_undecodable(defendant_id)
            problems.append(Problem(number, column, cell, message, case_id, defendant_id))
    return problems


def _frame_from_rows(path: Path, rows: list[list[str]]) -> pd.DataFrame:
    """Find the header row (title rows above it are skipped), check the columns, return the cells as strings."""
    header_index = None
    for i, row in enumerate(rows[:MAX_TITLE_ROWS]):
        names = {str(c).strip().lower() for c in row}
        if len(names & set(COLUMN_NAMES)) >= len(COLUMN_NAMES) // 2:
            header_index = i
            break
    if header_index is None:
        bad = _cell_problems([], 0, rows[:MAX_TITLE_ROWS], 1)
        if bad:
            raise InputError(path, bad)
        first = rows[0] if rows else []
        shown = ", ".join(map(str, first[:5]))
        raise InputError(path, [Problem(1, None, shown if len(shown) <= 80 else shown[:77] + "…",
                                        "geen kopregel gevonden met de kolomnamen van het codeboek "
                                        f"(in de eerste {MAX_TITLE_ROWS} rijen; zie docs/codebook.md)")])
    header = [str(c).strip().lower() for c in rows[header_index]]
    header_row = header_index + 1
    problems = _cell_problems(header, header_row, rows[header_index:], header_row)
    if problems:
        raise InputError(path, problems)
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
    width = len(header)
    for offset, row in enumerate(rows[header_index + 1 :], start=header_row + 1):
        # every cell is a str here (both readers make strings; a formula without value was refused above), and
        # a joined row is blank exactly when each of its cells is
        if not "".join(row).strip():
            continue  # blank line (Excel leaves these at the end)
        if len(row) > width and "".join(row[width:]).strip():
            problems.append(Problem(offset, None, row[width], f"meer cellen ({len(row)}) dan kolommen ({width})"))
            continue
        cells = row[:width] if len(row) >= width else [*row, *[""] * (width - len(row))]
        body.append([offset, *map(str.strip, cells)])
    if problems:
        raise InputError(path, problems)
    if not body:
        raise InputError(path, [Problem(None, None, None, "het codeerblad bevat geen enkele verdachte")])
    frame = pd.DataFrame(body, columns=[ROW] + header)
    return frame[[ROW, *COLUMN_NAMES]]


def read_sheet(path: str | Path, sheet_name: str | None = None) -> pd.DataFrame:
    """The coding sheet as strings (empty string = empty cell), columns in codebook order plus `source_row`."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, [Problem(None, None, None, "bestand niet gevonden (of geen gewoon bestand)")])
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows = _read_csv(path)
    elif suffix == ".xlsx":
        rows = _read_xlsx(path, sheet_name)
    else:
        raise InputError(path, [Problem(None, None, suffix, "alleen .csv en .xlsx worden gelezen")])
    return _frame_from_rows(path, rows)


def frame_to_raw(frame: pd.DataFrame) -> pd.DataFrame:
    """An in-memory sheet (e.g. a generated cohort) in the form read_sheet returns: strings, `source_row` first."""
    raw = frame[list(COLUMN_NAMES)].astype(object).where(frame[list(COLUMN_NAMES)].notna(), "")
    raw = raw.astype(str).apply(lambda column: column.str.strip())
    raw.insert(0, ROW, range(2, len(raw) + 2))
    return raw.reset_index(drop=True)
