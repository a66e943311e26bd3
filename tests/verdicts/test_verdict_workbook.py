"""The coder workbook: a valid coding sheet as it stands, evidence per cell, validation, no formulas, same bytes."""

from __future__ import annotations

import datetime as dt
import zipfile

import openpyxl
import pytest

from mhcases.codebook import COLUMN_NAMES, COURTS
from mhcases.sheet.errors import InputError
from mhcases.sheet.load import load_sheet
from mhcases.verdicts.model import Coding, Evidence
from mhcases.verdicts.workbook import SOURCE_COLUMNS, prepare, write_workbook

PERIOD = (dt.date(2015, 1, 1), dt.date(2019, 12, 31))

VALUES = {
    "ecli": "", "court": "Rechtbank Midden-Nederland", "decision_date": "2015-09-15",
    "charges": "mensenhandel (art. 273f Sr)", "exploitation_forms": "seksuele uitbuiting",
    "victims_charged": "1", "period_charged_months": "2", "victim_minor": "ja", "victim_under16": "nee",
    "victim_disabled": "onbekend", "violence": "onbekend", "organised": "onbekend",
    "demand": "gevangenisstraf van 24 maanden, waarvan 6 maanden voorwaardelijk met een proeftijd van 2 jaren",
    "verdict_trafficking": "partiele vrijspraak", "verdict_other": "niet van toepassing",
    "sentence": "gevangenisstraf van 18 maanden, waarvan 6 maanden voorwaardelijk met een proeftijd van 2 jaren",
    "period_proven_months": "2", "victims_proven": "1", "motivation": "=HYPERLINK(\"http://x\") - geen formule",
}


def coding(case="Z001", defendant="V001", **changes):
    values = {**VALUES, **changes}
    evidence = []
    for name in COLUMN_NAMES[2:]:
        value = values.get(name) or None
        status = "niet gevonden" if value is None else ("controleren" if name == "demand" else "automatisch")
        evidence.append(Evidence(name, value, status, source=f"bron van {name}" if value else "",
                                 position="beslissing, teken 10-20" if value else "",
                                 note="twee mogelijke eisen" if name == "demand" else ""))
    return Coding("UNKNOWN-ECLI_RBMNE_2015-09-15_16-705621-14.txt", case, defendant, tuple(evidence))


@pytest.fixture
def book_path(tmp_path):
    path = tmp_path / "codeerblad_voorgecodeerd.xlsx"
    write_workbook([coding(), coding("Z002", "V002", court="Rechtbank Utrecht", victim_minor="nee",
                                     period_charged_months=None)], path)
    return path


def test_the_first_sheet_is_a_valid_coding_sheet_as_it_stands(book_path):
    clean, log = load_sheet(book_path, None, PERIOD)
    assert clean["defendant_id"].tolist() == ["V001", "V002"]
    assert clean["court"].tolist() == ["Rechtbank Midden-Nederland", "Rechtbank Midden-Nederland"]
    assert clean["sentence_unconditional_months"].tolist() == [12.0, 12.0]
    assert clean["demand_unconditional_months"].tolist() == [18.0, 18.0]


def test_columns_sources_and_highlighting(book_path):
    book = openpyxl.load_workbook(book_path)
    assert book.sheetnames[:2] == ["Codeerblad", "Bronnen"]
    sheet, sources = book["Codeerblad"], book["Bronnen"]
    assert [c.value for c in sheet[1]] == list(COLUMN_NAMES)
    header = [c.value for c in sources[1]]
    assert header == list(SOURCE_COLUMNS) and header[:8] == ["document", "case_id", "defendant_id", "kolom", "waarde",
                                                            "status", "bron", "positie"]
    rows = list(sources.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 2 * len(COLUMN_NAMES)  # one row per cell, found or not
    court = next(r for r in rows if r[2] == "V002" and r[3] == "court")
    assert court[4:6] == ("Rechtbank Midden-Nederland", "controleren") and "Rechtbank Utrecht" in court[8]
    missing = next(r for r in rows if r[2] == "V002" and r[3] == "period_charged_months")
    assert missing[4] is None and missing[5] == "niet gevonden"
    demand_col = COLUMN_NAMES.index("demand") + 1
    assert sheet.cell(2, demand_col).fill.fgColor.rgb.endswith("FFF2A8")  # controleren: yellow
    period_col = COLUMN_NAMES.index("period_charged_months") + 1
    assert sheet.cell(3, period_col).fill.fgColor.rgb.endswith("F8CBAD")  # niet gevonden: orange
    assert sheet.cell(2, COLUMN_NAMES.index("court") + 1).fill.fgColor.rgb in (None, "00000000")
    assert "Rechtbank" in sheet.cell(1, COLUMN_NAMES.index("court") + 1).comment.text  # Dutch help on the header


def test_validation_comes_from_the_codebook(book_path):
    sheet = openpyxl.load_workbook(book_path)["Codeerblad"]
    rules = {str(r.sqref).split(":")[0]: r for r in sheet.data_validations.dataValidation}
    letter = lambda name: openpyxl.utils.get_column_letter(COLUMN_NAMES.index(name) + 1)  # noqa: E731
    court = rules[f"{letter('court')}2"]
    assert court.type == "list" and court.formula1.startswith("Lijsten!")
    lists = openpyxl.load_workbook(book_path)["Lijsten"]
    column = next(c for c in lists.iter_cols(values_only=True) if c[0] == "court")
    assert tuple(v for v in column[1:] if v) == COURTS
    victims = rules[f"{letter('victims_charged')}2"]
    assert (victims.type, victims.formula1, victims.formula2) == ("whole", "1", "1000")
    assert rules[f"{letter('period_proven_months')}2"].type == "decimal"
    assert "Strafeis" in rules[f"{letter('demand')}2"].prompt


def test_text_from_a_verdict_is_never_a_formula(book_path):
    with zipfile.ZipFile(book_path) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml
    book = openpyxl.load_workbook(book_path)
    cell = book["Codeerblad"].cell(2, COLUMN_NAMES.index("motivation") + 1)
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK") and cell.quotePrefix


def test_same_records_same_bytes(tmp_path):
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    write_workbook([coding()], first, created=dt.datetime(2020, 7, 1))
    write_workbook([coding()], second, created=dt.datetime(2020, 7, 1))
    assert first.read_bytes() == second.read_bytes()
    assert openpyxl.load_workbook(first).properties.created == dt.datetime(2020, 7, 1)


def test_a_split_court_is_left_to_the_coder_and_the_build_says_where(tmp_path):
    path = tmp_path / "blad.xlsx"
    (prepared,) = write_workbook([coding(court="Rechtbank Oost-Nederland")], path)
    court = next(e for e in prepared.evidence if e.column == "court")
    assert court.value is None and court.status == "controleren" and "opgesplitst" in court.note
    with pytest.raises(InputError) as error:
        load_sheet(path, None, PERIOD)
    assert "court" in str(error.value)


def test_prepare_fills_missing_evidence_and_ids():
    partial = Coding("d.xml", "Z9", "V9", (Evidence("sentence", "vrijspraak", "automatisch"),))
    prepared = prepare(partial)
    assert [e.column for e in prepared.evidence] == list(COLUMN_NAMES)
    assert prepared.value("case_id") == "Z9" and prepared.value("sentence") == "vrijspraak"
    assert next(e for e in prepared.evidence if e.column == "charges").status == "niet gevonden"
    with pytest.raises(ValueError):
        prepare(Coding("d.xml", "Z9", "V9", (Evidence("sentence", "x", "zeker"),)))


# --- the rows written as XML by the workbook itself (issue 12, item 7) ----------------------------------------------

from copy import copy  # noqa: E402

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from openpyxl import Workbook  # noqa: E402
from openpyxl.cell import WriteOnlyCell  # noqa: E402

from mhcases.verdicts.workbook import _FORMULA_START, _Rows, _cell, _fill, _openpyxl_cell  # noqa: E402

_TEXT = st.one_of(
    st.text(max_size=40),  # any character: control characters, carriage returns, non-ASCII, beyond the BMP
    st.sampled_from(["=SUM(A1)", "-3 maanden", "+31", "@x", " voor en achter ", "\u00a0", "a & b < c > d \"e\" 'f'",
                     "regel\nregel", "tab\tin", "\r", "x\x7f", "\u20ac 5.000,-", "\U0001F600", "\ufffd", "",
                     "x" * 32768]),
)
_VALUE = st.one_of(st.none(), _TEXT, st.integers(0, 10 ** 9), st.floats(0, 1e9), st.dates(dt.date(2000, 1, 1)))
_CELLS = st.lists(st.tuples(_VALUE, st.sampled_from(["", "automatisch", "controleren", "niet gevonden"]),
                            st.sampled_from([None, "yyyy-mm-dd"]), st.booleans()), min_size=1, max_size=12)


def _openpyxl_row(cells) -> str:
    """The row as openpyxl's write-only sheet wrote it before the workbook wrote its own XML: a plain value as a
    value; the first cell of a styled kind styled by `_cell`, the next ones with a copy of its style."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("blad")
    styles = {}
    parts = ['<row r="2">']
    for index, (value, status, number_format, wrap) in enumerate(cells, start=1):
        fill = _fill(status)
        formula = isinstance(value, str) and value.startswith(_FORMULA_START)
        if fill is None and number_format is None and not wrap and not formula:
            if value is None:
                continue
            cell = WriteOnlyCell(sheet, value=value)
        else:
            key = (status if fill is not None else "", number_format, wrap, formula)
            if key not in styles:
                cell = _cell(sheet, value, fill, number_format=number_format, wrap=wrap)
                styles[key] = copy(cell._style)
            else:
                cell = WriteOnlyCell(sheet, value=value)
                cell._style = copy(styles[key])
                if formula:
                    cell.data_type = "s"
        cell.column, cell.row = index, 2
        parts.append(_openpyxl_cell(sheet, cell))
    return "".join(parts) + "</row>"


def _our_row(cells) -> str:
    book = Workbook(write_only=True)
    rows = _Rows(book.create_sheet("blad"), book)
    rows.append(cells)
    rows.flush()
    rows.file.seek(0)
    return rows.file.read().decode("ascii")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_CELLS)
def test_rows_are_the_xml_openpyxl_writes_for_the_same_cells(cells):
    try:
        expected = _openpyxl_row(cells)
    except Exception as error:  # openpyxl refuses a control character: so must we, with the same error
        with pytest.raises(type(error)):
            _our_row(cells)
        return
    assert _our_row(cells) == expected


@pytest.mark.parametrize("text", ["#N/A", "#NAME?", "#REF!", "#DIV/0!"])
def test_an_excel_error_code_as_text_is_written_as_openpyxl_writes_it(text):
    """Hypothesis found it in CI: openpyxl writes "#NAME?" as an error cell (t="e"), so the own row writer must
    leave such a value to openpyxl, styled or not."""
    for cells in ([(text, "", None, False)], [(text, "controleren", None, True)]):
        assert _our_row(cells) == _openpyxl_row(cells)


def test_rows_number_their_styles_as_openpyxl_does(tmp_path):
    many = [coding(f"Z{i:03d}", f"V{i:03d}", victim_minor="" if i % 2 else "ja", motivation=f"-{i}")
            for i in range(30)]
    path = tmp_path / "blad.xlsx"
    write_workbook(many, path)
    sheet = openpyxl.load_workbook(path)["Codeerblad"]
    fills = {sheet.cell(row, 1 + COLUMN_NAMES.index("victim_minor")).fill.fgColor.rgb for row in range(2, 32)}
    assert fills == {"00F8CBAD", "00000000"}  # orange where not found, none where found
    motivation = sheet.cell(5, 1 + COLUMN_NAMES.index("motivation"))
    assert motivation.value == "-3" and motivation.quotePrefix and motivation.data_type == "s"
