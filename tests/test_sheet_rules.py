"""The codebook's rules (src/mhcases/sheet/rules.py): each fires on a minimal breach, none on a good sheet, and
docs/codebook.md §11 lists exactly these rules and limits."""

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from mhcases.sheet import InputError
from mhcases.sheet.load import check_sheet
from mhcases.sheet.read import frame_to_raw
from mhcases.sheet.rules import LEGAL_LIMITS, PART_LABELS, RULES, WARNING
from test_sheet import ROWS

PERIOD = (dt.date(2018, 1, 1), dt.date(2019, 6, 30))
CODEBOOK = Path(__file__).parents[1] / "docs" / "codebook.md"


def sheet(*changes: tuple[int, str, str], rows=None) -> pd.DataFrame:
    rows = [dict(r) for r in (rows or ROWS)]
    for row, column, value in changes:
        rows[row][column] = value
    return frame_to_raw(pd.DataFrame(rows))


def errors(raw: pd.DataFrame) -> list[str]:
    try:
        check_sheet(raw, "blad.csv", PERIOD)
    except InputError as error:
        return [p.describe() for p in error.problems]
    return []


def test_a_good_sheet_breaks_no_rule():
    clean, log = check_sheet(sheet(), "blad.csv", PERIOD)
    assert len(clean) == 2 and not log["rule"].str.startswith("WAARSCHUWING").any()


CO_DEFENDANT = {**ROWS[0], "defendant_id": "Z001-2"}

BREACHES = [
    ("R1", [(0, "victim_under16", "ja"), (0, "victim_minor", "nee")], "rij 2", "victim_under16"),
    ("R2", [(1, "victim_minor", "onbekend"), (1, "victim_under16", "nee")], "rij 3", "victim_under16"),
    ("R3", [(0, "victims_charged", "1"), (0, "victims_proven", "2")], "rij 2", "'2 > 1'"),
    ("R4", [(0, "period_charged_months", "6"), (0, "period_proven_months", "6,5")], "rij 2", "period_proven"),
    ("R5", [(1, "victims_proven", "1")], "rij 3", "victims_proven"),
    ("R6", [(0, "verdict_other", "bewezen")], "rij 2", "verdict_other"),
    ("R6", [(1, "verdict_other", "niet van toepassing")], "rij 3", "verdict_other"),
    ("R7", [(0, "sentence", "vrijspraak")], "rij 2", "kolom 'sentence'"),
    ("R8", [(0, "exploitation_forms", "seksuele uitbuiting;onbekend")], "rij 2", "exploitation_forms"),
    ("R11", [(0, "decision_date", "2017-12-31")], "rij 2", "onderzoeksperiode"),
    ("R11", [(1, "decision_date", "01-07-2019")], "rij 3", "onderzoeksperiode"),
    ("R12", [(0, "sentence", "gevangenisstraf van 31 jaren")], "rij 2", "372 maanden"),
    ("R12", [(0, "demand", "gevangenisstraf van 25 jaren en voorwaardelijke gevangenisstraf van 6 jaren met een "
                           "proeftijd van 2 jaren")], "rij 2", "kolom 'demand'"),
    ("R12", [(0, "sentence", "hechtenis voor de duur van 2 jaren")], "rij 2", "hechtenis"),
    ("R12", [(1, "sentence", "taakstraf van 241 uren")], "rij 3", "240 uren"),
    ("R12", [(1, "sentence", "geldboete van € 2000000")], "rij 3", "geldboete"),
    ("R13", [(1, "ecli", "ECLI:NL:RBDHA:19:1")], "rij 3", "kolom 'ecli'"),
]


@pytest.mark.parametrize("rule, changes, row, fragment", BREACHES, ids=lambda x: x if isinstance(x, str) else "")
def test_each_rule_stops_a_breach_with_a_located_error(rule, changes, row, fragment):
    found = errors(sheet(*changes))
    hits = [m for m in found if f"[regel {rule}]" in m]
    assert hits, found
    assert any(row in m and fragment in m for m in hits), hits


def test_r9_courts_differ_within_a_case():
    rows = [dict(ROWS[0]), {**CO_DEFENDANT, "court": "Rechtbank Limburg"}, dict(ROWS[1])]
    found = errors(sheet(rows=rows))
    assert [m for m in found if "[regel R9]" in m and "zaak Z001" in m]


def test_r10_different_dates_within_a_case_are_a_logged_warning():
    rows = [dict(ROWS[0]), {**CO_DEFENDANT, "decision_date": "2018-03-08"}, dict(ROWS[1])]
    clean, log = check_sheet(sheet(rows=rows), "blad.csv", PERIOD)
    warned = log[log["rule"].str.startswith("WAARSCHUWING R10")]
    assert sorted(warned["defendant_id"]) == ["Z001-1", "Z001-2"]
    assert clean["decision_date"].dt.strftime("%Y-%m-%d").tolist()[:2] == ["2018-03-01", "2018-03-08"]


def test_r14_charges_without_trafficking_are_a_logged_warning():
    clean, log = check_sheet(sheet((1, "charges", "witwassen (art. 420bis Sr)")), "blad.csv", PERIOD)
    assert log["rule"].str.startswith("WAARSCHUWING R14").sum() == 1


def test_without_a_period_dates_are_not_checked():
    clean, _ = check_sheet(sheet((0, "decision_date", "2030-01-01")), "blad.csv", None)
    assert len(clean) == 2


def test_the_codebook_lists_every_rule_and_limit():
    text = CODEBOOK.read_text(encoding="utf-8")
    for rule in RULES:
        assert f"| {rule.id} | {rule.severity} | {rule.text} |" in text
    for kind, field, limit, unit, why in LEGAL_LIMITS:
        shown = f"{limit:,.0f}".replace(",", ".")
        assert f"| {kind or 'elke'} | {PART_LABELS[field]} | {shown} {unit} | {why} |" in text
    assert {r.severity for r in RULES} <= {"fout", WARNING}
