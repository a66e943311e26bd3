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
    models_ = frame[frame["target"].str.startswith("model ")]
    assert models_["formula"].notna().all()  # every model term with the formula the letter's fit used
    truth = pd.read_csv(tmp_path / bench.FORMULA_TRUTH)
    assert bench.model_pairs(frame) <= set(zip(truth["model"], truth["formula"]))
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


def test_a_model_term_s_truth_is_looked_up_by_its_formula():
    records = pd.DataFrame({
        "target": ["model 3_opgelegd", "model 3_opgelegd", "model 3_opgelegd", "samenvatting alle"],
        "measure": ["minor", "minor", "minor", "mediaan_eis"], "formula": ["y ~ minor", "y ~ minor + form", None, None],
        "method": "build", "estimate": 0.0, "low": [-1.0, 0.5, 0.5, 20.0], "high": [1.0, 1.5, 1.5, 30.0]})
    truth = {("3_opgelegd", "y ~ minor", "minor"): 0.0, ("3_opgelegd", "y ~ minor + form", "minor"): 1.0,
             ("model 3_opgelegd", "minor"): 2.0, ("samenvatting alle", "mediaan_eis"): 27.0}
    assert bench.record_truth(records, truth) == [0.0, 1.0, 2.0, 27.0]  # no formula: a file of before the change
    table = bench.coverage_table(records.iloc[:2], truth).iloc[0]
    assert table["coverage"] == 1.0 and table["truth"] == 0.5  # each against its own formula's value
    assert bench.model_pairs(records) == {("3_opgelegd", "y ~ minor"), ("3_opgelegd", "y ~ minor + form")}


def test_the_model_terms_are_measured_on_the_letter_s_fits_like_the_diagnosis():
    params = bench.synth.load_params(ROOT / "data/raw/synthetic_params.yaml")
    clean = bench.clean_cohort(params, 150, seed=10_003)
    build = pd.DataFrame([r for r in bench.model_records(clean) if r["method"] == "build"])
    brief = pd.DataFrame(bench.diagnose_records(clean, which=tuple(bench.models.FORMULAS)))
    brief = brief[brief["variant"] == "brief"]
    assert list(build["target"].str.removeprefix("model ")) == list(brief["model"])
    assert list(build["measure"]) == list(brief["term"]) and list(build["formula"]) == list(brief["formula"])
    assert np.allclose(build[["estimate", "low", "high"]], brief[["estimate", "low", "high"]])
    kept_before = 0  # terms the letter leaves out that models.fit (the table's fits before) kept
    for model, data in bench.models.samples(bench.models.model_frame(clean)).items():
        left_out = set(bench.models.fit_checked(model, data).dropped)
        assert not left_out & set(build.loc[build["target"] == f"model {model}", "measure"])
        kept_before += len(left_out & set(bench.models.fit(model, data)[0].params.index))
    assert kept_before > 0  # this cohort has such terms (a rare form), so the test can fail


def test_the_formula_truth_fits_each_formula_once_and_merges_on_save(tmp_path, monkeypatch):
    calls = []

    def fake_fits(params, size, formulas, samples_=None):
        calls.append(set(formulas))
        return {(m, f, "x"): float(len(f)) for m, f in formulas}

    monkeypatch.setattr(bench, "population_fits", fake_fits)
    monkeypatch.setattr(bench, "population_samples", lambda params, size: {})
    path = tmp_path / "truth.csv"
    first, second = bench.FormulaTruth({}, 10, path), bench.FormulaTruth({}, 10, path)
    assert first.values("1_eis", "y ~ a") == {"x": 5.0}
    first.values("1_eis", "y ~ a")
    assert calls == [{("1_eis", "y ~ a")}]  # cached
    second.ensure({("2_vrijspraak", "y ~ ab")})
    first.save()
    second.save()  # merges what the first wrote
    again = bench.FormulaTruth({}, 10, path)
    assert again.table == {("1_eis", "y ~ a", "x"): 5.0, ("2_vrijspraak", "y ~ ab", "x"): 6.0}
    assert not list(tmp_path.glob("*.part"))
