"""Court codes, instances and the codebook's successors; the command line without Snakemake."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from mhcases.codebook import COURTS
from mhcases.verdicts.cli import main
from mhcases.verdicts.courts import COURT_CODES, SUCCESSORS, codebook_court, court_code, court_name, instance

FIXTURES = Path(__file__).parent / "fixtures"
CONFIG = Path(__file__).resolve().parents[2] / "config" / "config.yaml"


@pytest.mark.parametrize("court, code, level", [
    ("Rechtbank Midden-Nederland", None, "rechtbank"),
    ("Gerechtshof Amsterdam", None, "hoger beroep"),
    ("Hoge Raad", None, "cassatie"),
    ("Parket bij de Hoge Raad", None, "cassatie"),
    (None, "PHR", "cassatie"),
    (None, "RBUTR", "rechtbank"),
    ("Gerecht in eerste aanleg van Curaçao", "OGEAC", "overig"),
    (None, None, None),
])
def test_instance(court, code, level):
    assert instance(court, code) == level


def test_codebook_courts_and_successors():
    assert court_code("ECLI:NL:RBMNE:2016:3897") == "RBMNE" and court_code("geen") is None
    assert court_name("RECHTBANK  MIDDEN-NEDERLAND ") == "Rechtbank Midden-Nederland"
    assert codebook_court("Rechtbank Rotterdam") == ("Rechtbank Rotterdam", "")
    value, note = codebook_court("Rechtbank Utrecht")
    assert value == "Rechtbank Midden-Nederland" and "bestaat niet meer" in note
    assert codebook_court("Rechtbank Zwolle-Lelystad")[0] is None
    assert codebook_court("Gerechtshof Amsterdam")[0] is None
    # every successor is a court of the codebook, every codebook court has a code
    assert {s for s in SUCCESSORS.values() if s} <= set(COURTS)
    assert set(COURTS) <= set(COURT_CODES.values())


def test_command_line_precode(tmp_path, capsys):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("UNKNOWN-ECLI_RBMNE_2015-09-15_16-705621-14.txt", "ECLI_NL_HR_2014_3148.txt"):
        shutil.copy(FIXTURES / name, docs / name)
    config = CONFIG.read_text(encoding="utf-8").replace("  documents: null ", f"  documents: {docs} ", 1)
    config = config.replace('period: {start: "2018-01-01", end: "2019-06-30"}',
                            'period: {start: "2015-01-01", end: "2019-06-30"}', 1)
    (tmp_path / "config.yaml").write_text(config, encoding="utf-8")
    out = tmp_path / "uit"
    assert main(["precode", "--config", str(tmp_path / "config.yaml"), "--out", str(out)]) == 0
    selection = pd.read_csv(out / "selectie.csv", dtype=str, keep_default_na=False)
    assert selection["opgenomen"].tolist() == ["nee", "ja"]
    assert openpyxl.load_workbook(out / "codeerblad_voorgecodeerd.xlsx")["Codeerblad"].max_row == 2


def test_command_line_without_documents_says_so(tmp_path, capsys):
    assert main(["precode", "--config", str(CONFIG), "--out", str(tmp_path)]) == 1
    assert "FOUT: verdicts.documents is niet ingesteld" in capsys.readouterr().err
