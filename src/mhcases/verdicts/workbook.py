"""The coder workbook: pre-coded rows with the evidence for every value (`codeerblad_voorgecodeerd.xlsx`).

Sheets:
- "Codeerblad": exactly the codebook's columns (`mhcases.codebook.COLUMNS`, in order, English names in row 1), one
  row per defendant, pre-filled. Drop-down lists for category columns (the allowed values sit on the hidden sheet
  "Lijsten", Excel's inline lists are limited to 255 characters), whole-number / decimal limits for counts and
  durations, a date check for the decision date, and a Dutch input message on every column (label, allowed values
  or limits, examples; also as a comment on each header cell). Cells with status "controleren" are yellow, empty cells that were looked for and "niet
  gevonden" are orange. Without any edit it is a valid coding sheet when every required value was found; a required
  value that is not there is an empty orange cell, and the build says where (nothing is guessed).
- "Bronnen": one row per cell of "Codeerblad": document, case_id, defendant_id, kolom, waarde, status, bron
  (the quoted sentence(s)), positie (where in the document), toelichting (why to check it, what was looked for).
- "Toelichting": how to work through the workbook, the colours, and the codebook's columns with their Dutch labels.

Courts are mapped to the codebook here (`mhcases.verdicts.courts.codebook_court`): a court that no longer exists gets
its successor with status "controleren"; a court that was split stays empty for the coder.

Text from a verdict is never a formula: a value starting with "=", "+", "-" or "@" is stored as text with Excel's
quote prefix. A cell holds at most Excel's 32,767 characters (counted as Excel counts them, a character beyond the
BMP as two): a longer value, quote or note is shortened to fit and ends with a marker ("… [ingekort: 41.200 tekens,
zie het document]"); the cell gets status "controleren", with a note in "Bronnen" (openpyxl would cut it silently).
The file is byte-identical for the same records and date (fixed document properties and zip times).

The rows of "Codeerblad" and "Bronnen" are written as XML by `_Rows`, byte for byte what openpyxl writes for the
same cells (openpyxl's per-cell objects were most of the cost of the workbook); a value that is not plain text, a
number or a date, or text with a character that XML escapes in its own way, is written by openpyxl itself. openpyxl
writes the rest of the workbook (styles, header rows, validation, the other sheets); the rows go into its sheets
when the zip is copied.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from copy import copy
import re
import shutil
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from lxml.etree import xmlfile
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell._writer import lxml_write_cell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.compat import safe_string
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.writer.excel import ExcelWriter

from mhcases.codebook import BY_NAME, COLUMN_NAMES, COLUMNS, MULTI_SEPARATOR, Column
from mhcases.verdicts.courts import codebook_court
from mhcases.verdicts.model import STATUSES, Coding, Evidence

__all__ = ["SOURCE_COLUMNS", "prepare", "write_workbook", "source_rows", "WorkbookWriter"]

SOURCE_COLUMNS = ("document", "case_id", "defendant_id", "kolom", "waarde", "status", "bron", "positie", "toelichting")
SHEET, SOURCES, HELP, LISTS = "Codeerblad", "Bronnen", "Toelichting", "Lijsten"
CHECK_FILL = PatternFill("solid", fgColor="FFF2A8")  # yellow: controleren
MISSING_FILL = PatternFill("solid", fgColor="F8CBAD")  # orange: niet gevonden
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
EXTRA_ROWS = 200  # validation reaches this many rows below the last pre-filled one, for rows a coder adds
_FORMULA_START = ("=", "+", "-", "@")
_EPOCH_2000 = dt.datetime(2000, 1, 1)

_EXAMPLES = {
    "demand": "bv. 'gevangenisstraf van 30 maanden, waarvan 10 maanden voorwaardelijk met een proeftijd van 2 jaren'",
    "sentence": "bv. 'taakstraf van 240 uren' of 'vrijspraak'",
    "charges": "bv. 'mensenhandel (art. 273f Sr) en witwassen (art. 420bis Sr)'",
    "decision_date": "JJJJ-MM-DD",
    "exploitation_forms": f"meer dan één: gescheiden door '{MULTI_SEPARATOR}'",
}


def _help(column: Column) -> str:
    parts = [column.label + ("" if column.required else " (mag leeg blijven)")]
    if column.allowed:
        parts.append("Toegestaan: " + ", ".join(column.allowed))
    if column.minimum is not None or column.maximum is not None:
        parts.append(f"Van {column.minimum:g} t/m {column.maximum:g}")
    if column.name in _EXAMPLES:
        parts.append(_EXAMPLES[column.name])
    return ". ".join(parts)


CELL_LIMIT = 32767  # Excel's limit on the characters of one cell (UTF-16 code units)


def _thousands(n: int) -> str:
    """`n` with Dutch thousands points ("32.767")."""
    return f"{n:,}".replace(",", ".")


def _excel_length(text: str) -> int:
    """The length of `text` as Excel counts it (a character beyond the BMP is two)."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


def fit_cell(text: str, limit: int = CELL_LIMIT) -> str:
    """`text` as it fits in one Excel cell (or in `limit` characters): unchanged when it fits, else shortened, ending
    with a marker that says how long it was ("… [ingekort: 41.200 tekens, zie het document]")."""
    if len(text) <= limit // 2 or _excel_length(text) <= limit:
        return text
    marker = f" … [ingekort: {_thousands(len(text))} tekens, zie het document]"
    room = limit - len(marker)
    head = text.encode("utf-16-le")[:2 * room].decode("utf-16-le", errors="ignore")  # no half character
    return head + marker


_FIELD_WORDS = {"value": "de waarde", "source": "de bron", "position": "de positie", "note": "de toelichting"}


def _fits(evidence: Evidence) -> Evidence:
    """The evidence with every text fitting its cell; a shortened one is "controleren", with a note saying so."""
    texts = {"value": evidence.value, "source": evidence.source, "position": evidence.position, "note": evidence.note}
    shortened = [name for name, text in texts.items() if text and fit_cell(text) != text]
    if not shortened:
        return evidence
    said = (" en ".join(_FIELD_WORDS[name] for name in shortened)
            + f" ingekort tot de {_thousands(CELL_LIMIT)} tekens van een Excel-cel: de volledige tekst staat in het "
            "document")
    note = fit_cell(evidence.note, CELL_LIMIT - len(said) - 2) if evidence.note else ""
    cut = {name: fit_cell(texts[name]) for name in shortened if name != "note"}
    return replace(evidence, **cut, status="controleren", note="; ".join(n for n in (note, said) if n))


def _with_court(evidence: Evidence) -> Evidence:
    if evidence.column != "court" or not evidence.value:
        return evidence
    value, note = codebook_court(evidence.value)
    if not note:
        return replace(evidence, value=value)
    joined = "; ".join(n for n in (evidence.note, note) if n)
    return replace(evidence, value=value, status="controleren", note=joined)


def prepare(coding: Coding) -> Coding:
    """One evidence per codebook column, in codebook order (a missing one is "niet gevonden"), ids from the record,
    and the court mapped to the codebook."""
    given = {e.column: e for e in coding.evidence}
    evidence = []
    for name in COLUMN_NAMES:
        if name in ("case_id", "defendant_id"):
            value = coding.case_id if name == "case_id" else coding.defendant_id
            found = given.get(name)
            evidence.append(found if found is not None and found.value == value else
                            Evidence(name, value, "automatisch", note="nummer toegekend bij het voorcoderen"))
            continue
        found = given.get(name) or Evidence(name, None, "niet gevonden")
        if found.status not in STATUSES:
            raise ValueError(f"onbekende status {found.status!r} in kolom {name} van {coding.document}")
        evidence.append(_with_court(found))
    return replace(coding, document=fit_cell(coding.document), evidence=tuple(_fits(e) for e in evidence))


def _typed(column: Column, value: str | None) -> object:
    """The cell value as Excel should hold it (numbers as numbers, dates as dates, the rest as text)."""
    if value is None or value == "":
        return None
    if column.kind == "integer" and re.fullmatch(r"\d{1,9}", value):
        return int(value)
    if column.kind == "number" and re.fullmatch(r"\d{1,9}(?:[.,]\d{1,9})?", value):
        number = float(value.replace(",", "."))
        return int(number) if number.is_integer() else number
    if column.kind == "date" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _cell(sheet, value: object, fill: PatternFill | None = None, comment: str = "", author: str = "",
          number_format: str | None = None, wrap: bool = False) -> WriteOnlyCell:
    """A streamed cell; text that Excel would take for a formula is stored as text with a quote prefix."""
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        cell.data_type = "s"
        cell.quotePrefix = True
    if fill is not None:
        cell.fill = fill
    if comment:
        cell.comment = Comment(comment, author or "mhcases", width=360, height=140)
    if number_format:
        cell.number_format = number_format
    if wrap:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    return cell


def _fill(status: str) -> PatternFill | None:
    return CHECK_FILL if status == "controleren" else MISSING_FILL if status == "niet gevonden" else None


# Text that openpyxl and lxml write as we do below: tab, line feed, printable ASCII and every other character XML
# allows except the C1 controls (non-ASCII ones as character references, the workbook's XML being ASCII), at most
# openpyxl's 32,767 characters. Anything else (a carriage return, a control character, "", an Excel error code
# such as "#N/A", which openpyxl writes as an error cell) goes to openpyxl.
_PLAIN_TEXT = re.compile("[\t\n\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]{1,32767}")
_NON_ASCII = re.compile("[^\x00-\x7f]")
_LETTERS = [get_column_letter(i) for i in range(1, 64)]


def _reference(match: re.Match[str]) -> str:
    return f"&#{ord(match.group())};"


def _openpyxl_cell(sheet, cell: WriteOnlyCell) -> str:
    """The XML that openpyxl writes for one cell (its own writer, into a buffer)."""
    buffer = io.BytesIO()
    with xmlfile(buffer) as xf:
        lxml_write_cell(xf, sheet, cell, cell.has_style)
    return buffer.getvalue().decode("ascii")


class _Rows:
    """The rows of one sheet as XML, as openpyxl's write-only mode writes them, into a temporary file.

    Each cell is made by its kind (status colour, number format, wrapped, formula-like text); the first cell of a
    styled kind is styled as usual (`_cell`, which registers its fill and alignment with the workbook) and its style
    is kept; the style's number in the workbook is asked for when a cell of the kind is first written, as openpyxl
    does for each styled cell (so the numbers are the same)."""

    def __init__(self, sheet, book: Workbook) -> None:
        self.sheet, self.book = sheet, book
        self.styles: dict[tuple[str, str | None, bool, bool], object] = {}
        self.style_ids: dict[tuple[str, str | None, bool, bool], str] = {}
        self.count = 0
        self.file = tempfile.TemporaryFile()
        self.pending: list[str] = []

    def _style(self, key, value, fill, number_format, wrap):
        style = self.styles.get(key)
        if style is None:
            cell = _cell(self.sheet, value, fill, number_format=number_format, wrap=wrap)
            style = self.styles[key] = copy(cell._style)
        return style

    def append(self, cells: Sequence[tuple[object, str, str | None, bool]]) -> None:
        """One row: (value, status, number format, wrapped) per column, from column A."""
        self.count += 1
        row = self.count + 1  # below the header
        parts = [f'<row r="{row}">']
        for index, (value, status, number_format, wrap) in enumerate(cells):
            fill = _fill(status)
            formula = isinstance(value, str) and value.startswith(_FORMULA_START)
            styled = fill is not None or number_format is not None or wrap or formula
            if value is None and not styled:
                continue
            reference = f"{_LETTERS[index]}{row}"
            key = (status if fill is not None else "", number_format, wrap, formula)
            if styled:
                style = self._style(key, value, fill, number_format, wrap)
                style_id = self.style_ids.get(key)
                if style_id is None:
                    style_id = self.style_ids[key] = f' s="{self.book._cell_styles.add(style)}"'
            else:
                style, style_id = None, ""
            if isinstance(value, str) and _PLAIN_TEXT.fullmatch(value) and value not in ERROR_CODES:
                text = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                if not text.isascii():
                    text = _NON_ASCII.sub(_reference, text)
                space = ' xml:space="preserve"' if value != value.strip() else ""
                parts.append(f'<c r="{reference}"{style_id} t="inlineStr"><is><t{space}>{text}</t></is></c>')
            elif value is None:
                parts.append(f'<c r="{reference}"{style_id} t="n"></c>')
            elif type(value) in (int, float):
                parts.append(f'<c r="{reference}"{style_id} t="n"><v>{safe_string(value)}</v></c>')
            elif type(value) is dt.date and number_format is not None:  # unformatted, openpyxl gives it a format
                number = safe_string(to_excel(value, self.book.epoch))
                parts.append(f'<c r="{reference}"{style_id} t="n"><v>{number}</v></c>')
            else:  # anything else as openpyxl writes it (and refuses it: a control character in the text)
                cell = WriteOnlyCell(self.sheet, value=value)
                if style is not None:
                    cell._style = copy(style)
                if formula:
                    cell.data_type = "s"  # the quote prefix is in the style
                cell.column, cell.row = index + 1, row
                parts.append(_openpyxl_cell(self.sheet, cell))
        parts.append("</row>")
        self.pending.append("".join(parts))
        if len(self.pending) >= 512:
            self.flush()

    def flush(self) -> None:
        self.file.write("".join(self.pending).encode("ascii"))
        self.pending.clear()


def source_rows(codings: Sequence[Coding]) -> list[tuple[str, ...]]:
    """The rows of "Bronnen" (SOURCE_COLUMNS), after `prepare`."""
    rows = []
    for coding in codings:
        for e in coding.evidence:
            rows.append((coding.document, coding.case_id, coding.defendant_id, e.column, e.value or "", e.status,
                         e.source, e.position, e.note))
    return rows


def _validations(sheet, lists: dict[str, str], last_row: int) -> None:
    for index, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        target = f"{letter}2:{letter}{last_row}"
        if column.kind == "category":
            rule = DataValidation(type="list", formula1=lists[column.name], allow_blank=not column.required)
            rule.error = "Kies een waarde uit de lijst: " + ", ".join(column.allowed)
        elif column.kind == "integer":
            rule = DataValidation(type="whole", operator="between", formula1=f"{column.minimum:g}",
                                  formula2=f"{column.maximum:g}", allow_blank=True)
            rule.error = f"Een geheel getal van {column.minimum:g} t/m {column.maximum:g}"
        elif column.kind == "number":
            rule = DataValidation(type="decimal", operator="between", formula1=f"{column.minimum:g}",
                                  formula2=f"{column.maximum:g}", allow_blank=True)
            rule.error = f"Een getal van {column.minimum:g} t/m {column.maximum:g}"
        elif column.kind == "date":
            rule = DataValidation(type="date", operator="greaterThan", formula1="36526", allow_blank=False)
            rule.error = "Een datum (JJJJ-MM-DD) na 1 januari 2000"
        else:
            rule = DataValidation(type=None, allow_blank=True)  # input message only
        rule.errorTitle = "Ongeldige waarde"
        rule.showErrorMessage = rule.type is not None
        rule.promptTitle = column.name[:32]
        rule.prompt = _help(column)[:255]
        rule.showInputMessage = True
        rule.add(target)
        sheet.data_validations.append(rule)


def _help_sheet(book: Workbook) -> None:
    sheet = book.create_sheet(HELP)
    sheet.column_dimensions["A"].width = 30
    sheet.column_dimensions["B"].width = 110
    lines = [
        ("Voorgecodeerd codeerblad", "", Font(bold=True, size=13)),
        ("Werkblad 'Codeerblad' is een geldig codeerblad (één rij per verdachte, kolommen van het codeboek).", "", None),
        ("Werkblad 'Bronnen' geeft per cel de waarde, de status, de zin(nen) uit de uitspraak en de plaats.", "", None),
        ("Geel: status 'controleren' - gevonden, maar iets in de tekst kan de waarde veranderen.", "controleren", None),
        ("Oranje: status 'niet gevonden' - niet in de uitspraak gevonden; vul in of laat leeg (facultatief).",
         "niet gevonden", None),
        ("Wit: status 'automatisch' - eenduidig gevonden.", "", None),
        ("Een lege verplichte cel (oranje) moet de codeur invullen voordat het codeerblad wordt ingelezen.", "", None),
        ("Een cel die eindigt op '… [ingekort: … tekens, zie het document]' was langer dan de "
         f"{_thousands(CELL_LIMIT)} tekens van een Excel-cel (geel): de volledige tekst staat in het document.",
         "controleren", None),
        ("", "", None),
    ]
    for text, status, font in lines:
        cell = _cell(sheet, text or None, _fill(status))
        if font is not None:
            cell.font = font
        sheet.append([cell])
    header = [_cell(sheet, "kolom"), _cell(sheet, "betekenis")]
    for cell in header:
        cell.font = Font(bold=True)
    sheet.append(header)
    for column in COLUMNS:
        sheet.append([column.name, _help(column)])


def _lists_sheet(book: Workbook) -> dict[str, str]:
    """The hidden sheet with the allowed values of each category column; returns column -> range reference."""
    sheet = book.create_sheet(LISTS)
    sheet.sheet_state = "hidden"
    categories = [c for c in COLUMNS if c.kind == "category"]
    depth = max(len(c.allowed) for c in categories)
    sheet.append([c.name for c in categories])
    for k in range(depth):
        sheet.append([c.allowed[k] if k < len(c.allowed) else None for c in categories])
    return {c.name: f"{LISTS}!${get_column_letter(i)}$2:${get_column_letter(i)}${len(c.allowed) + 1}"
            for i, c in enumerate(categories, start=1)}


def _deterministic(source_path: Path, target_path: Path, when: dt.datetime, rows: dict | None = None) -> None:
    """Copy the zip entry by entry (streamed: a sheet can be hundreds of MB unpacked) with fixed entry times
    (openpyxl stamps the current time); `rows` (entry name -> file of row XML) go at the end of their sheet's
    sheetData, after its header row."""
    rows = rows or {}
    stamp = max(when, dt.datetime(1980, 1, 1)).timetuple()[:6]
    with zipfile.ZipFile(source_path) as source, zipfile.ZipFile(target_path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            with source.open(info) as reader, target.open(fixed, "w") as writer:
                if info.filename in rows:  # a sheet of header row, validation and layout only: small
                    head, tail = reader.read().split(b"</sheetData>")
                    writer.write(head)
                    shutil.copyfileobj(rows[info.filename], writer, 1 << 20)
                    writer.write(b"</sheetData>" + tail)
                    continue
                shutil.copyfileobj(reader, writer, 1 << 20)


class WorkbookWriter:
    """Streams the workbook: `add` writes one record's rows at once (openpyxl's write-only mode), so memory does not
    grow with the number of defendants; `close` adds the validation and writes the file.

    `created` dates the document properties and the zip entries (default: 1 January 2000, so that the same records
    give the same bytes)."""

    def __init__(self, path: str | Path, created: dt.datetime | None = None) -> None:
        self.path = Path(path)
        self.when = (created or _EPOCH_2000).replace(tzinfo=None, microsecond=0)
        self.book = Workbook(write_only=True)
        self.sheet = self.book.create_sheet(SHEET)
        self.sources = self.book.create_sheet(SOURCES)
        self.lists = _lists_sheet(self.book)
        _help_sheet(self.book)
        self.code_rows, self.source_rows_xml = _Rows(self.sheet, self.book), _Rows(self.sources, self.book)
        for index, column in enumerate(COLUMNS, start=1):
            self.sheet.column_dimensions[get_column_letter(index)].width = \
                {"phrase": 50, "text": 40}.get(column.kind, 18)
        self.sheet.freeze_panes = "C2"
        header = []
        for column in COLUMNS:
            cell = _cell(self.sheet, column.name, HEADER_FILL, _help(column), "codeboek")
            cell.font = Font(bold=True)
            header.append(cell)
        self.sheet.append(header)
        for letter, width in zip("ABCDEFGHI", (40, 14, 14, 22, 40, 14, 90, 30, 50)):
            self.sources.column_dimensions[letter].width = width
        self.sources.freeze_panes = "A2"
        source_header = []
        for name in SOURCE_COLUMNS:
            cell = _cell(self.sources, name, HEADER_FILL)
            cell.font = Font(bold=True)
            source_header.append(cell)
        self.sources.append(source_header)

    @property
    def rows(self) -> int:
        """Rows of "Codeerblad" written (one per defendant)."""
        return self.code_rows.count

    @property
    def source_rows(self) -> int:
        """Rows of "Bronnen" written (one per cell of "Codeerblad")."""
        return self.source_rows_xml.count

    def add(self, coding: Coding) -> Coding:
        """Write one record (after `prepare`); returns the prepared record."""
        prepared = prepare(coding)
        row = []
        for evidence in prepared.evidence:
            value = _typed(BY_NAME[evidence.column], evidence.value)
            # no comment per cell: openpyxl keeps every comment in memory until the end; "Bronnen" has it all
            row.append((value, evidence.status, "yyyy-mm-dd" if isinstance(value, dt.date) else None, False))
        self.code_rows.append(row)
        for values in source_rows([prepared]):
            self.source_rows_xml.append([(v or None, v if k == 5 else "", None, k == 6) for k, v in enumerate(values)])
        return prepared

    def close(self) -> None:
        self.sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(self.rows + 1, 2)}"
        self.sources.auto_filter.ref = f"A1:I{max(self.source_rows + 1, 2)}"
        _validations(self.sheet, self.lists, self.rows + 1 + EXTRA_ROWS)
        self.book.properties.creator = "mhcases (voorcoderen uitspraken)"
        self.book.properties.title = "Voorgecodeerd codeerblad"
        self.book.properties.created = self.book.properties.modified = self.when
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, raw = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".raw")
        os.close(fd)
        try:
            with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
                ExcelWriter(self.book, archive).save()
            for rows in (self.code_rows, self.source_rows_xml):
                rows.flush()
                rows.file.seek(0)
            _deterministic(Path(raw), self.path, self.when, {self.sheet.path.lstrip("/"): self.code_rows.file,
                                                             self.sources.path.lstrip("/"): self.source_rows_xml.file})
        finally:
            os.remove(raw)
            self.code_rows.file.close()
            self.source_rows_xml.file.close()

    def __enter__(self) -> WorkbookWriter:
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if kind is None:
            self.close()


def write_workbook(codings: Sequence[Coding], path: str | Path, created: dt.datetime | None = None) -> list[Coding]:
    """Write the workbook for these records (see the module docstring); returns the prepared records."""
    with WorkbookWriter(path, created) as writer:
        return [writer.add(c) for c in codings]
