"""The verdict rules in a copy of the project: `snakemake precode` without documents stops with a Dutch line; on the
real fixtures it writes the selection and the workbook, and the workbook round-trips into the letter."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from conftest import copy_project, run_snakemake

FIXTURES = Path(__file__).parent / "fixtures"


def configure(root: Path, **replacements: str) -> None:
    path = root / "config" / "config.yaml"
    text = path.read_text(encoding="utf-8")
    for pattern, value in replacements.items():
        text, n = re.subn(pattern, value, text, count=1, flags=re.M)
        assert n == 1, pattern
    path.write_text(text, encoding="utf-8")


@pytest.mark.e2e
def test_precode_without_documents_stops_with_one_dutch_line(tmp_path):
    root = copy_project(tmp_path)
    process = run_snakemake(root, "precode", "--cores", "1")
    assert process.returncode != 0
    lines = [line for line in process.stderr.splitlines() if line.startswith("FOUT:")]
    assert len(lines) == 1 and "verdicts.documents is niet ingesteld" in lines[0]
    assert not (root / "results" / "precode" / "codeerblad_voorgecodeerd.xlsx").exists()


@pytest.mark.e2e
def test_precode_on_real_verdicts_round_trips_into_the_letter(tmp_path):
    root = copy_project(tmp_path)
    shutil.copytree(FIXTURES, root / "uitspraken", ignore=shutil.ignore_patterns("README.md"))
    configure(root, **{r"^  documents: null": "  documents: uitspraken",
                       r'^  period: \{start: "2018-01-01", end: "2019-06-30"\}':
                           '  period: {start: "2015-01-01", end: "2019-06-30"}'})
    process = run_snakemake(root, "precode", "--cores", "1")
    assert process.returncode == 0, process.stderr[-3000:]
    selection = pd.read_csv(root / "results" / "precode" / "selectie.csv", dtype=str, keep_default_na=False)
    documents = sorted(p.name for p in (root / "uitspraken").iterdir())
    assert sorted(selection["document"]) == documents  # every document has a row
    assert selection.loc[selection["opgenomen"] == "ja", "document"].tolist() == [
        "UNKNOWN-ECLI_RBMNE_2015-09-15_16-705621-14.txt"]  # the one art. 273f case
    assert set(selection.loc[selection["opgenomen"] == "nee", "reden"]) <= {
        "hoger beroep of cassatie", "geen strafzaak", "geen Nederlandse rechtbank", "artikel niet ten laste gelegd",
        "ontneming of andere beslissing zonder strafoplegging", "buiten de onderzoeksperiode"}
    workbook = root / "results" / "precode" / "codeerblad_voorgecodeerd.xlsx"
    first = workbook.read_bytes()
    assert run_snakemake(root, "precode", "--cores", "1", "--forcerun", "precode").returncode == 0
    assert workbook.read_bytes() == first  # same documents, same SOURCE_DATE_EPOCH: same bytes
    sheet = openpyxl.load_workbook(workbook)["Codeerblad"]
    assert sheet.max_row == 2 and sheet.cell(2, 1).value == "16/705621-14"

    # the workbook as the coding sheet, unedited: the whole letter builds
    shutil.copy(workbook, root / "data" / "raw" / "voorgecodeerd.xlsx")
    configure(root, **{r"^  coding_sheet: \S+": "  coding_sheet: data/raw/voorgecodeerd.xlsx",
                       r"^  synthetic: true": "  synthetic: false"})
    process = run_snakemake(root, "report", "--cores", "2")
    assert process.returncode == 0, process.stderr[-3000:]
    cases = pd.read_parquet(root / "results" / "clean" / "cases.parquet")
    assert cases["defendant_id"].tolist() == ["16/705621-14-1"]
    assert cases["sentence_unconditional_months"].tolist() == [12.0]  # 18 months, 6 of them suspended
    assert (root / "results" / "report" / "kamerbrief.pdf").stat().st_size > 10_000
