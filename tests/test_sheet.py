"""Bad input: each malformed sheet gives one clear message naming file, row, column and value."""

import csv
import datetime as dt
import importlib.util
from pathlib import Path

import pandas as pd
import pytest

from mhcases.codebook import COLUMN_NAMES
from mhcases.schemas import validate_raw
from mhcases.sheet import InputError, read_sheet

ROWS = [
    {"case_id": "Z001", "defendant_id": "Z001-1", "ecli": "", "court": "Rechtbank Amsterdam",
     "decision_date": "2018-03-01", "charges": "mensenhandel (art. 273f Sr)", "exploitation_forms": "seksuele uitbuiting",
     "victims_charged": "2", "period_charged_months": "12", "victim_minor": "ja", "victim_under16": "nee",
     "victim_disabled": "nee", "violence": "onbekend", "organised": "nee",
     "demand": "gevangenisstraf voor de duur van 30 maanden", "verdict_trafficking": "bewezen",
     "verdict_other": "niet van toepassing", "sentence": "gevangenisstraf voor de duur van 24 maanden",
     "period_proven_months": "10", "victims_proven": "2", "motivation": "Ernstige inbreuk."},
    {"case_id": "Z002", "defendant_id": "Z002-1", "ecli": "ECLI:NL:RBDHA:2019:1", "court": "Rechtbank Den Haag",
     "decision_date": "2019-01-15", "charges": "mensenhandel (art. 273f Sr) en witwassen (art. 420bis Sr)",
     "exploitation_forms": "arbeidsuitbuiting;criminele uitbuiting", "victims_charged": "", "period_charged_months": "",
     "victim_minor": "nee", "victim_under16": "nee", "victim_disabled": "ja", "violence": "nee", "organised": "ja",
     "demand": "onbekend", "verdict_trafficking": "vrijspraak", "verdict_other": "bewezen",
     "sentence": "taakstraf van 120 uren", "period_proven_months": "", "victims_proven": "", "motivation": ""},
]


def write_csv(path: Path, rows: list[dict], delimiter: str = ",", encoding: str = "utf-8", columns=COLUMN_NAMES) -> Path:
    with open(path, "w", newline="", encoding=encoding) as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), delimiter=delimiter, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def load(path: Path) -> pd.DataFrame:
    return validate_raw(read_sheet(path), str(path))


def with_cell(row: int, column: str, value: str) -> list[dict]:
    rows = [dict(r) for r in ROWS]
    rows[row][column] = value
    return rows


def assert_error(path: Path, *fragments: str) -> None:
    with pytest.raises(InputError) as info:
        load(path)
    message = str(info.value)
    assert str(path) in message
    for fragment in fragments:
        assert fragment in message, message


def test_a_valid_sheet_reads(tmp_path):
    frame = load(write_csv(tmp_path / "ok.csv", ROWS))
    assert frame["defendant_id"].tolist() == ["Z001-1", "Z002-1"]
    assert frame["source_row"].tolist() == [2, 3]


@pytest.mark.parametrize("column", ["verdict_trafficking", "demand", "case_id"])
def test_missing_column(tmp_path, column):
    path = write_csv(tmp_path / "s.csv", ROWS, columns=[c for c in COLUMN_NAMES if c != column])
    assert_error(path, "rij 1", f"kolom '{column}'", "ontbreekt")


def test_unknown_extra_column(tmp_path):
    rows = [dict(r, opmerking="x") for r in ROWS]
    path = write_csv(tmp_path / "s.csv", rows, columns=[*COLUMN_NAMES, "opmerking"])
    assert_error(path, "kolom 'opmerking'", "onbekende kolom")


@pytest.mark.parametrize("column, value, message", [
    ("victims_charged", "drie", "geheel getal"),
    ("period_charged_months", "-3", "getal zijn van 0 t/m 480"),
    ("period_charged_months", "9999", "getal zijn van 0 t/m 480"),
    ("victims_proven", "2.5", "geheel getal"),
    ("verdict_trafficking", "schuldig", "onbekende waarde"),
    ("exploitation_forms", "seksuele uitbuiting;drugs", "onbekende waarde"),
    ("decision_date", "2018-13-45", "geen geldige datum"),
    ("court", "Rechtbank Atlantis", "onbekende waarde"),
    ("case_id", "", "verplichte waarde ontbreekt"),
    ("demand", "", "verplichte waarde ontbreekt"),
])
def test_bad_cell_is_located(tmp_path, column, value, message):
    path = write_csv(tmp_path / "s.csv", with_cell(1, column, value))
    assert_error(path, "rij 3", "verdachte Z002-1", f"kolom '{column}'", f"waarde {value!r}", message)


def test_duplicate_defendant_ids(tmp_path):
    path = write_csv(tmp_path / "s.csv", with_cell(1, "defendant_id", "Z001-1"))
    assert_error(path, "rij 3", "kolom 'defendant_id'", "'Z001-1'", "meer dan eens")


def test_empty_file(tmp_path):
    path = tmp_path / "s.csv"
    path.write_bytes(b"")
    assert_error(path, "leeg")


def test_header_only(tmp_path):
    assert_error(write_csv(tmp_path / "s.csv", []), "geen enkele verdachte")


def test_non_utf8_bytes(tmp_path):
    path = write_csv(tmp_path / "s.csv", with_cell(1, "motivation", "Zwaar aangerekend é"), encoding="latin-1")
    assert_error(path, "rij 3", "UTF-8")


def test_ragged_row(tmp_path):
    path = write_csv(tmp_path / "s.csv", ROWS)
    path.write_text(path.read_text(encoding="utf-8") + "Z003,Z003-1" + ",x" * 30 + "\n", encoding="utf-8")
    assert_error(path, "rij 4", "meer cellen")


def test_bom_and_semicolons_as_excel_writes_them_are_accepted(tmp_path):
    path = write_csv(tmp_path / "s.csv", ROWS, delimiter=";", encoding="utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    frame = load(path)
    assert frame["exploitation_forms"].tolist() == ["seksuele uitbuiting", "arbeidsuitbuiting;criminele uitbuiting"]


def test_xlsx_with_a_title_row_is_accepted(tmp_path):
    path = tmp_path / "s.xlsx"
    body = pd.DataFrame(ROWS, columns=list(COLUMN_NAMES))
    body["victims_charged"] = pd.to_numeric(body["victims_charged"]).astype("Int64")
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        pd.DataFrame([["Codeerblad mensenhandel, versie 2"]]).to_excel(writer, header=False, index=False)
        body.to_excel(writer, startrow=2, index=False)
    frame = load(path)
    assert frame["source_row"].tolist() == [4, 5]
    assert frame["victims_charged"].tolist() == ["2", ""]


def test_xlsx_that_is_not_xlsx(tmp_path):
    path = tmp_path / "s.xlsx"
    path.write_text("not a workbook")
    assert_error(path, "XLSX")


def test_wrong_extension(tmp_path):
    path = tmp_path / "s.txt"
    path.write_text("x")
    assert_error(path, ".txt")


def _clean_script():
    spec = importlib.util.spec_from_file_location("clean_cases", Path(__file__).parents[1] / "scripts" / "clean_cases.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_script_exits_nonzero_with_the_message_and_writes_nothing(tmp_path, capsys):
    sheet = write_csv(tmp_path / "s.csv", with_cell(0, "victims_charged", "veel"))
    out = tmp_path / "out"
    with pytest.raises(SystemExit) as info:
        _clean_script().main(str(sheet), None, {"start": "2018-01-01", "end": "2019-06-30"}, str(out / "cases.parquet"), str(out / "log.csv"), str(tmp_path / "x.log"))
    assert info.value.code == 1
    assert "kolom 'victims_charged'" in capsys.readouterr().err
    assert not out.exists() or not any(out.iterdir())
    assert "Traceback" not in (tmp_path / "x.log").read_text()


def test_an_unreadable_phrase_is_logged_not_guessed(tmp_path):
    from mhcases.clean import clean_sheet

    path = write_csv(tmp_path / "s.csv", with_cell(0, "sentence", "gevangenisstraf van ongeveer drie jaar"))
    clean, log = clean_sheet(load(path))
    row = clean.iloc[0]
    assert row["sentence_status"] == "unparsed" and row["sentence_modality"] == "niet te lezen"
    assert pd.isna(row["sentence_unconditional_months"]) and pd.isna(row["imposed_months"])
    logged = log[(log["column"] == "sentence") & log["rule"].str.startswith("NIET TE LEZEN")]
    assert logged[["source_row", "defendant_id", "raw_value"]].values.tolist() == [
        [2, "Z001-1", "gevangenisstraf van ongeveer drie jaar"]]


def test_every_phrase_read_is_logged_with_its_result(tmp_path):
    from mhcases.clean import clean_sheet

    _, log = clean_sheet(load(write_csv(tmp_path / "s.csv", ROWS)))
    demand = log[(log["column"] == "demand") & (log["defendant_id"] == "Z001-1")]
    assert demand["result"].tolist() == ["onvoorwaardelijk 30 mnd"]


def test_a_cell_beyond_the_csv_field_limit_is_located(tmp_path):
    path = write_csv(tmp_path / "s.csv", with_cell(1, "motivation", "x" * 200_000))
    assert_error(path, "CSV niet te lezen")


def test_semicolon_csv_with_a_title_row_is_accepted(tmp_path):
    body = write_csv(tmp_path / "body.csv", ROWS, delimiter=";").read_text(encoding="utf-8")
    path = tmp_path / "s.csv"
    path.write_text("Codeerblad, versie 2\n" + body, encoding="utf-8")
    assert load(path)["source_row"].tolist() == [3, 4]


@pytest.mark.parametrize("value", ["1" * 5000, "１２", "٣"])
def test_only_plain_short_digits_are_numbers(tmp_path, value):
    path = write_csv(tmp_path / "s.csv", with_cell(1, "victims_charged", value))
    assert_error(path, "rij 3", "kolom 'victims_charged'", "geheel getal")


def test_a_folder_is_not_a_sheet(tmp_path):
    folder = tmp_path / "sheet.csv"
    folder.mkdir()
    assert_error(folder, "geen gewoon bestand")


# -- every cell a coder can type: a clean result or a located Dutch error, never anything else ---------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from mhcases.sheet.load import check_sheet  # noqa: E402
from mhcases.sheet.read import frame_to_raw  # noqa: E402

PERIOD = (dt.date(2018, 1, 1), dt.date(2019, 6, 30))
TYPED = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", " ", "0", "-1", "1.000", "12,5", "1e3", "nan", "ja", "Nee", "onbekend", "vrijspraak",
                     "2018-02-30", "31-12-2018", "2021-01-01", "=1+1", "+31", "@x", "\t", "Rechtbank Amsterdam",
                     "gevangenisstraf van 60 jaren", "taakstraf van 999 uren", "levenslang",
                     "gevangenisstraf voor de duur van 24 maanden, waarvan 30 maanden voorwaardelijk",
                     "mensenhandel (art. 273f Sr", "(art. 420bis lid 1 sub a Sr)", "ECLI:NL:RBAMS:2018:1",
                     "seksuele uitbuiting;onbekend", "partiele vrijspraak", "niet van toepassing"]),
    st.integers(-10**6, 10**6).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(row=st.integers(0, len(ROWS) - 1), column=st.sampled_from(COLUMN_NAMES), value=TYPED)
def test_any_typed_cell_gives_a_clean_sheet_or_a_located_error(row, column, value):
    raw = frame_to_raw(pd.DataFrame(with_cell(row, column, value)))
    try:
        clean, log = check_sheet(raw, "blad.csv", PERIOD)
    except InputError as error:
        assert error.problems and all(p.message for p in error.problems)
        assert any(p.row is not None for p in error.problems), str(error)
        return
    assert len(clean) == len(ROWS)
    assert clean["defendant_id"].tolist() == raw["defendant_id"].tolist()
    assert clean[["demand_unconditional_months", "sentence_unconditional_months"]].fillna(0).le(360).all().all()
