"""Excel holds at most 32,767 characters in a cell: a longer value, quote or note is shortened to fit, with a Dutch
marker in the cell and status "controleren" (openpyxl would cut it silently, or Excel "repair" the file)."""

from __future__ import annotations

import openpyxl
import pytest

from mhcases.codebook import COLUMN_NAMES
from mhcases.verdicts.extract import extract_document
from mhcases.verdicts.workbook import CELL_LIMIT, SOURCE_COLUMNS, fit_cell, write_workbook

from tests.verdicts.test_extract_precoding import make_doc
from tests.verdicts.test_verdict_workbook import coding

MARKER = "[ingekort: "


def _excel_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _sheets(path):
    book = openpyxl.load_workbook(path)
    return book["Codeerblad"], book["Bronnen"]


def _all_texts(sheet):
    return [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]


def _source_row(sources, column):
    header = [c.value for c in sources[1]]
    for row in sources.iter_rows(min_row=2, values_only=True):
        if row[header.index("kolom")] == column:
            return dict(zip(header, row))
    raise AssertionError(f"geen rij voor {column}")


def test_a_huge_decision_gives_cells_that_fit_with_a_marker(tmp_path):
    # one clause of the dictum that the parser cannot read in full: the sentence cell holds its text
    clause = "veroordeelt verdachte tot een gevangenisstraf van 3 maanden, " + "en voorts " * 5000
    doc = make_doc([("tenlastelegging", "Tenlastelegging", "mensenhandel (art. 273f Sr)"),
                    ("beslissing", "Beslissing", clause + ";")])
    (record,) = extract_document(doc)
    value = next(e.value for e in record.evidence if e.column == "sentence")
    assert value is not None and len(value) > CELL_LIMIT  # the extractor keeps the whole text
    path = tmp_path / "codeerblad.xlsx"
    write_workbook([record], path)
    sheet, sources = _sheets(path)
    assert all(_excel_length(text) <= CELL_LIMIT for text in _all_texts(sheet) + _all_texts(sources))
    cell = sheet.cell(2, 1 + COLUMN_NAMES.index("sentence")).value
    assert cell.startswith("veroordeelt verdachte tot een gevangenisstraf van 3 maanden")
    assert cell.endswith(f"{MARKER}{len(value):,}".replace(",", ".") + " tekens, zie het document]")
    assert sheet.cell(2, 1 + COLUMN_NAMES.index("sentence")).fill.fgColor.rgb == "00FFF2A8"  # yellow: controleren
    row = _source_row(sources, "sentence")
    assert row["waarde"] == cell and row["status"] == "controleren"
    assert "de waarde ingekort tot de 32.767 tekens van een Excel-cel" in row["toelichting"]


@pytest.mark.parametrize("filler", ["x", "é", "\U0001F600", "a\r"],
                         ids=["ascii", "non-ascii", "beyond-the-bmp", "openpyxl-path"])
def test_both_writing_paths_shorten_alike(tmp_path, filler):
    # a carriage return sends the text to openpyxl's own cell writer, the rest goes through the workbook's row XML
    long_text = filler * (40000 // len(filler))
    record = coding(motivation=long_text)
    evidence = tuple(e if e.column != "motivation" else type(e)(e.column, e.value, e.status, source=long_text,
                                                               position=e.position, note=long_text)
                     for e in record.evidence)
    path = tmp_path / "codeerblad.xlsx"
    write_workbook([type(record)(record.document, record.case_id, record.defendant_id, evidence)], path)
    sheet, sources = _sheets(path)
    cell = sheet.cell(2, 1 + COLUMN_NAMES.index("motivation")).value
    row = _source_row(sources, "motivation")
    assert list(row) == list(SOURCE_COLUMNS)
    for text in (cell, row["waarde"], row["bron"]):
        assert _excel_length(text) <= CELL_LIMIT and text.endswith(f"{MARKER}{len(long_text):,}".replace(",", ".")
                                                                    + " tekens, zie het document]")
        assert text.startswith(filler * 100)
    assert row["status"] == "controleren" and _excel_length(row["toelichting"]) <= CELL_LIMIT
    assert row["toelichting"].endswith("de waarde en de bron en de toelichting ingekort tot de 32.767 tekens van een "
                                       "Excel-cel: de volledige tekst staat in het document")
    assert MARKER in row["toelichting"]


def test_text_that_fits_is_left_alone():
    exact = "x" * CELL_LIMIT
    assert fit_cell(exact) is exact
    assert fit_cell("é" * CELL_LIMIT) == "é" * CELL_LIMIT
    wide = "\U0001F600" * (CELL_LIMIT // 2 + 1)  # fewer characters than the limit, but more than Excel holds
    shortened = fit_cell(wide)
    assert _excel_length(shortened) <= CELL_LIMIT and MARKER in shortened
    shortened.encode("utf-8")  # no half character (a lone surrogate cannot be encoded)
    assert shortened.startswith("\U0001F600" * 100)


def test_the_help_sheet_explains_the_marker(tmp_path):
    path = tmp_path / "codeerblad.xlsx"
    write_workbook([coding()], path)
    help_texts = _all_texts(openpyxl.load_workbook(path)["Toelichting"])
    assert any(MARKER in text and "32.767" in text for text in help_texts)
