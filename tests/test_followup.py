"""End-to-end: small coding sheets made the way coders work (tests/fixtures/followup/: XLSX with title rows, Excel
date cells, Ja/Nee, decimal commas) build the whole letter in both study kinds, and the letter is honest about
what so few defendants can carry.

Both kinds of a sheet are built once per session in one project (the second build reruns only what the config
change touches), with 99 bootstrap replicates; decision dates lie inside the configured study.period (2021–2022).
The n = 20 vervolg build also reads a baseline coding sheet (the synthetic 2018–2019 sheet). The n = 20
replicatie build lowers `analysis.minimum.model_n` to 10 so that models are fitted on little data and their
checks (terms left out, separation, convergence) are exercised.
"""

from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path

import pandas as pd
import pytest
import yaml
from pypdf import PdfReader

from conftest import REPO, copy_project, run_snakemake

pytestmark = pytest.mark.e2e

FIXTURES = REPO / "tests" / "fixtures" / "followup"
SIZES = (1, 5, 20)
KINDS = ("replicatie", "vervolg")
_BUILDS: dict[tuple[int, str], Path] = {}


def _configure(root: Path, n: int, kind: str) -> None:
    sheet = f"codeerblad_n{n}.xlsx"
    config = yaml.safe_load((root / "config" / "config.yaml").read_text(encoding="utf-8"))
    config["input"].update(coding_sheet=f"data/raw/{sheet}", synthetic=False)
    config["study"].update(kind=kind, period={"start": "2021-01-01", "end": "2022-12-31"},
                           title="Vervolgonderzoek uitspraken mensenhandel 2021–2022" if kind == "vervolg" else None)
    config["analysis"]["bootstrap_replicates"] = 99
    config["analysis"].setdefault("minimum", {})["model_n"] = 10 if (n, kind) == (20, "replicatie") else 20
    if (n, kind) == (20, "vervolg"):  # the earlier study's sheet (here: the synthetic 2018–2019 sheet) as baseline
        config["study"]["baseline_coding_sheet"] = "data/raw/codeerblad_synthetisch.csv"
    (root / "config" / "config.yaml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                                 encoding="utf-8")


def _build(tmp_path_factory: pytest.TempPathFactory, n: int, kind: str) -> Path:
    """The results of one (sheet, kind). Both kinds of a sheet are built in one project, one after the other:
    the second build reruns only what the changed config touches (provenance and letter; for n = 20 the models),
    and each kind's results/ is kept as a copy."""
    if (n, kind) in _BUILDS:
        return _BUILDS[n, kind]
    root = copy_project(tmp_path_factory.mktemp(f"followup_{n}"))
    shutil.copy(FIXTURES / f"codeerblad_n{n}.xlsx", root / "data" / "raw" / f"codeerblad_n{n}.xlsx")
    for each in KINDS:
        _configure(root, n, each)
        process = run_snakemake(root, "report", "--cores", "2")
        if process.returncode != 0:
            pytest.fail(f"build n={n} {each} faalde:\n{process.stderr[-3000:]}")
        kept = root.parent / f"{root.name}_{each}"
        shutil.copytree(root / "results", kept / "results")
        _BUILDS[n, each] = kept
    return _BUILDS[n, kind]


@pytest.fixture(scope="session", params=[(n, k) for n in SIZES for k in KINDS], ids=lambda p: f"n{p[0]}-{p[1]}")
def build(request, tmp_path_factory) -> tuple[int, str, Path]:
    n, kind = request.param
    return n, kind, _build(tmp_path_factory, n, kind)


def _html_text(root: Path) -> str:
    html = (root / "results" / "report" / "kamerbrief.html").read_text(encoding="utf-8")
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _pdf_text(root: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(root / "results/report/kamerbrief.pdf").pages).split())


def test_builds_html_and_pdf(build):
    n, kind, root = build
    assert (root / "results/report/kamerbrief.pdf").read_bytes().startswith(b"%PDF")
    assert len(pd.read_parquet(root / "results/clean/cases.parquet")) == n


def test_no_interval_with_equal_bounds(build):
    _, _, root = build
    for text in (_html_text(root), _pdf_text(root)):
        pairs = re.findall(r"\(\s*(?:\d+%-BI\s+)?([−+]?\d[\d.,]*)%?\s*(?:–|tot)\s*([−+]?\d[\d.,]*)%?\s*\)", text)
        assert not [p for p in pairs if p[0] == p[1]], pairs


def test_no_estimate_from_a_model_that_was_not_estimated(build):
    _, _, root = build
    coefficients = pd.read_csv(root / "results/models/coefficienten.csv")
    assert {"status", "reason"} <= set(coefficients.columns)
    missing = coefficients[coefficients["status"] == "niet te schatten"]
    assert missing["reason"].str.len().gt(0).all()
    if "estimate" in missing.columns:
        assert missing["estimate"].isna().all()
    estimated = coefficients[coefficients["status"] == "geschat"]
    if len(estimated):
        logits = estimated[estimated["model"].isin(["2_vrijspraak", "4a_tweedelig_kans"])]
        assert (logits["estimate"].abs() <= 15).all() and (estimated["std_error"] > 0).all()
    log = (root / "results/logs/models.log").read_text(encoding="utf-8")
    for model in missing.loc[missing["term"].isna(), "model"]:
        assert re.search(rf"^{model}: .*niet te schatten", log, flags=re.M)


def test_not_estimable_comes_with_a_reason_and_a_count(build):
    n, _, root = build
    text = _html_text(root)
    assert re.search(r"niet te schatten[:(]\s*[^.]*\d+ (verdachte|verdachten|zaak|zaken)", text)
    if n == 1:
        assert "1 verdachte in het model" in text


def test_no_empty_table(build):
    _, _, root = build
    html = (root / "results/report/kamerbrief.html").read_text(encoding="utf-8")
    for table in re.findall(r"<table.*?</table>", html, flags=re.S):
        assert re.search(r"<tbody>\s*<tr", table), table[:300]


def test_counts_of_one_are_singular(build):
    _, _, root = build
    text = _html_text(root)
    assert not re.search(r"(?<![\d.,])1 (verdachten|zaken)\b", text)
    assert "de 1 verdachten" not in text and "kregen 1 van" not in text


def test_follow_up_has_no_2020_footnotes_and_compares_with_2018_2019(build):
    _, kind, root = build
    text = _html_text(root)
    footnotes = ("overig» bestaat uit vijf zaken", "150 t.o.v. 145", "31 zaken waarin mensenhandel is vrijgesproken")
    if kind == "vervolg":
        assert not [f for f in footnotes if f in text]
        assert "Vervolgonderzoek uitspraken mensenhandel 2021–2022" in text and "2018–2019" in text
        assert "wijken af van de brief" not in text and "wijkt af van de brief" not in text
        assert "Errata in de bron" in text
    else:
        assert "Vervolgonderzoek uitspraken" not in text


def test_baseline_sheet_is_read_by_its_own_rule_and_compared_per_period(build):
    n, kind, root = build
    if (n, kind) != (20, "vervolg"):
        pytest.skip("only the n = 20 follow-up build has a baseline sheet")
    assert len(pd.read_parquet(root / "results/baseline/cases.parquet")) == 150
    table = pd.read_csv(root / "results/models/vergelijking_perioden.csv")
    assert set(table["periode"]) == {"basis", "nieuw", "verschil"}
    text = _html_text(root)
    assert "Met het codeerblad van het eerdere onderzoek (150 verdachten)" in text
    assert "mediane verhouding opgelegd/eis" in text
