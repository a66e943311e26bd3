"""The coverage benchmark (benchmarks/bench_coverage.py): its table arithmetic and a tiny run."""

import importlib.util
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("bench_coverage", ROOT / "benchmarks/bench_coverage.py")
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


def test_coverage_table_counts_hits_widths_and_exact_estimates():
    records = pd.DataFrame({
        "target": "t", "measure": "m", "method": ["build"] * 4,
        "estimate": [1.0, 2.0, 2.0, 5.0], "low": [0.0, 1.5, 2.0, 3.0], "high": [2.0, 2.5, 2.0, 4.0]})
    table = bench.coverage_table(records, {("t", "m"): 2.0}).iloc[0]
    assert table["coverage"] == 0.75  # the last interval (3–4) misses 2
    assert table["mc_se"] == pytest.approx(np.sqrt(0.75 * 0.25 / 4))
    assert table["width"] == pytest.approx((2 + 1 + 0 + 1) / 4)
    assert table["exact"] == 0.5 and table["shown"] == 0.75 and not table["degenerate"]


def test_a_tiny_run_records_the_build_and_every_candidate(tmp_path, capsys):
    records = tmp_path / "records.csv"
    bench.main(["--cohorts", "2", "--population", "3000", "--replicates", "49", "--records", str(records)])
    frame = pd.read_csv(records)
    methods = set(frame["method"])
    assert {"build", "CR1-normaal", "CR2-BM", "CR2-normaal", "PSS-G-1", "PSS-BM", "percentiel", "midp-ruim",
            "wilson-deff"} <= methods
    build = frame[frame["method"] == "build"]
    assert {"model 1_eis", "model 5_mediaan", "samenvatting alle", "decompositie"} <= set(build["target"])
    assert (tmp_path / "coverage_truth.csv").exists()
    out = capsys.readouterr().out
    assert "| model 1_eis | disabled |" in out and "Coverage of every candidate method" in out
    bench.main(["--table", str(records), "--records", str(records)])  # the same tables from the records
    assert "2 cohorts" in capsys.readouterr().out


def test_a_tiny_follow_up_run_has_both_designs_before_and_after(tmp_path, capsys):
    records = tmp_path / "followup.csv"
    bench.main(["--only", "followup", "--cohorts", "1", "--population", "1500", "--replicates", "19",
                "--records", str(records)])
    frame = pd.read_csv(records)
    assert set(frame["design"]) == {"nul", "verschoven"}
    assert {"newcombe", "newcombe-deff", "newcombe-deff-beide", "build", "percentiel"} == set(frame["method"])
    truth = pd.read_csv(tmp_path / "coverage_followup_truth.csv")
    null = truth[(truth["design"] == "nul") & truth["target"].isin(["perioden verschil", "vervolg tabel_4"])]
    assert (null["truth"] == 0).all()  # the same generator in both periods: no difference
    shifted = truth[(truth["design"] == "verschoven") & (truth["target"] == "perioden verschil")]
    assert shifted.set_index("measure").loc["aandeel_vrijspraak", "truth"] > 0.02  # the acquittal logit moved up
    out = capsys.readouterr().out
    assert "| nul | perioden verschil | aandeel_vrijspraak |" in out


def test_diagnosis_counts_one_sided_misses_bias_and_the_se_ratio():
    frame = pd.DataFrame({
        "variant": "alle", "model": "3_opgelegd", "term": "form_services", "formula": "f",
        "estimate": [0.0, 1.0, 2.0, 3.0], "se": [0.5, 0.5, 1.0, 1.0],
        "low": [-0.5, 0.9, 1.5, 2.5], "high": [0.5, 1.1, 2.5, 3.5], "ones": [2, 3, 5, 12]})
    row = bench.diagnosis_table(frame, {("3_opgelegd", "f", "form_services"): 1.0}).iloc[0]
    sd = np.std([0.0, 1.0, 2.0, 3.0], ddof=1)
    assert row["below"] == 0.25 and row["above"] == 0.5 and row["coverage"] == 0.25
    assert row["bias_sd"] == pytest.approx(0.5 / sd) and row["se_sd"] == pytest.approx(0.75 / sd)
    assert row["width"] == pytest.approx((1.0 + 0.2 + 1.0 + 1.0) / 4)
    assert list(bench.ones_bin(frame["ones"])) == ["≤ 2", "3–4", "5–6", "≥ 10"]
    by = bench.coverage_by_ones(frame, {("3_opgelegd", "f", "form_services"): 1.0}).set_index("bin")
    assert by.loc["3–4", "coverage"] == 1.0 and by.loc["≤ 2", "below"] == 1.0


def test_a_tiny_diagnosis_run_fits_what_the_letter_shows_and_every_term(tmp_path, capsys):
    records = tmp_path / "diagnose.csv"
    bench.main(["--only", "diagnose", "--cohorts", "2", "--population", "3000", "--records", str(records)])
    frame = pd.read_csv(records)
    assert {"alle", "brief"} == set(frame["variant"])
    assert set(frame["model"]) == set(bench.DIAGNOSE_MODELS)
    binary = frame[frame["term"].isin(["form_services", "minor", "partial"])]
    assert (binary["ones"] >= 1).all() and (binary["cases_with"] <= binary["ones"]).all()
    brief = frame[frame["variant"] == "brief"]
    assert (brief.loc[brief["ones"] >= 0, ["ones", "zeros"]].min(axis=1) >= 5).all()  # the build's term_n
    truth = pd.read_csv(tmp_path / "coverage_diagnose_truth.csv")
    assert set(zip(frame["model"], frame["formula"])) <= set(zip(truth["model"], truth["formula"]))
    assert "Coverage by the number of defendants" in capsys.readouterr().out


def test_the_flag_rule_pools_the_letter_s_cells_by_kind_and_by_count():
    frame = pd.DataFrame({
        "variant": ["brief", "brief", "brief", "brief", "alle"], "formula": "f", "term": "form_services",
        "model": ["3_opgelegd", "3_opgelegd", "1_eis", "2_vrijspraak", "3_opgelegd"],
        "estimate": 0.0, "low": [-1.0, 0.5, -1.0, -1.0, 0.5], "high": [1.0, 1.0, 1.0, 1.0, 1.0],
        "ones": [6, 6, 40, 6, 6], "zeros": [90, 90, 8, 90, 90]})
    truth = {(m, "f", "form_services"): 0.0 for m in ("3_opgelegd", "1_eis", "2_vrijspraak")}
    table = bench.flag_evaluation(frame, truth).set_index(["kind", "flagged"])
    assert table.loc[("kleinste kwadraten", True), "cells"] == 3  # 8 without counts as few too; alle is not used
    assert table.loc[("kleinste kwadraten", True), "coverage"] == pytest.approx(2 / 3)
    assert table.loc[("logit", True), "coverage"] == 1.0 and ("logit", False) not in table.index
