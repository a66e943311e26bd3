"""Design study (mhcases.design): seeded per point, independent of the split, valid tests, letter's estimator."""

import numpy as np
import pandas as pd
import pytest

from mhcases import design, models


@pytest.fixture(scope="module")
def clean():
    rng = np.random.default_rng(0)
    n = 120
    frame = pd.DataFrame({
        "case_id": [f"Z{i // 2 if i < 20 else i:03d}" for i in range(n)], "court": "Rechtbank X",
        "victim_minor": pd.array(rng.random(n) < 0.3, dtype="boolean"),
        "victim_disabled": pd.array(rng.random(n) < 0.1, dtype="boolean"),
        "victims_charged": rng.integers(1, 5, n), "period_charged_months": rng.integers(1, 24, n).astype(float),
        "form_labour": rng.random(n) < 0.2, "form_criminal": rng.random(n) < 0.1, "form_services": rng.random(n) < 0.05,
        "n_co_offences": rng.integers(0, 3, n),
        "acquitted": rng.random(n) < 0.2, "partially_acquitted": rng.random(n) < 0.1,
    })
    frame["demand_months"] = np.where(frame["acquitted"] & (rng.random(n) < 0.1), 0.0,
                                      np.round(np.exp(3 + 0.3 * frame["victim_minor"].astype(float)
                                                      + rng.normal(0, 0.4, n))))
    frame["imposed_months"] = np.where(frame["acquitted"], 0.0, np.round(frame["demand_months"] * rng.uniform(0.4, 1, n)))
    frame["proven"] = ~frame["acquitted"]
    for col in ("demand_tbs", "demand_pij", "sentence_tbs", "sentence_pij"):
        frame[col] = False
    return frame


def test_a_study_has_exactly_n_defendants_in_whole_cases():
    codes = np.repeat(np.arange(5), [1, 3, 1, 2, 1])
    rows, clusters = design.draw_rows(codes, 7, np.random.default_rng(1))
    assert len(rows) == 7 and len(clusters) == 7
    assert (np.diff(clusters) >= 0).all()
    for c in np.unique(clusters)[:-1]:  # every case but the last comes whole
        assert np.isin(codes[rows[clusters == c]], codes[rows[clusters == c]][0]).all()
        assert (clusters == c).sum() == np.bincount(codes)[codes[rows[clusters == c]][0]]


def test_points_do_not_depend_on_order_or_split(clean):
    a = design.design_point(clean, "ratio", 40, 0.1, 30, seed=5, replicates=99)
    design.design_point(clean, "vrijspraak", 80, 0.1, 30, seed=5)  # another point in between
    b = design.design_point(clean, "ratio", 40, 0.1, 30, seed=5, replicates=99)
    pd.testing.assert_frame_equal(a, b)
    points = [design.design_point(clean, e, n, s, 20, seed=5, replicates=99)
              for e, s in (("ratio", 0.1), ("vrijspraak", 0.1)) for n in (80, 40)]
    forward = design.gather(points, "2026-01-01")
    backward = design.gather(points[::-1], "2026-01-01")
    pd.testing.assert_frame_equal(forward, backward)
    assert forward["effect"].tolist() == ["vrijspraak", "vrijspraak", "ratio", "ratio"]
    assert forward["n"].tolist() == [40, 80, 40, 80]


def test_acquittal_test_holds_its_level_without_an_effect_and_gains_power_with_one(clean):
    null = design.design_point(clean, "vrijspraak", 150, 0.0, 4000, seed=1)
    assert 0.03 < null["power"].iloc[0] < 0.07
    small = design.design_point(clean, "vrijspraak", 40, 0.15, 2000, seed=1)["power"].iloc[0]
    large = design.design_point(clean, "vrijspraak", 600, 0.15, 2000, seed=1)["power"].iloc[0]
    assert small < large


def test_fast_model_1_interval_is_the_letters(clean):
    frame = models.model_frame(clean).reset_index(drop=True)
    sample = models.samples(frame)["1_eis"]
    result, _ = models.fit("1_eis", sample, "log_demand ~ minor + disabled + log_victims + form_labour")
    terms = ["minor", "disabled", "log_victims", "form_labour"]
    x = np.column_stack([np.ones(len(sample))] + [sample[t].to_numpy(float) for t in terms])
    low, high = design.ols_interval(x, sample["log_demand"].to_numpy(), sample["case_id"].to_numpy(), 1)
    assert (low, high) == pytest.approx(tuple(result.conf_int(0.05).loc["minor"]), rel=1e-9)
    constant = x.copy()
    constant[:, 1] = 0.0  # no variation: not estimable
    assert design.ols_interval(constant, sample["log_demand"].to_numpy(), sample["case_id"].to_numpy(), 1) is None


def test_minor_effect_power_grows_with_the_study(clean):
    small = design.design_point(clean, "minderjarig", 40, 40, 60, seed=2)["power"].iloc[0]
    large = design.design_point(clean, "minderjarig", 300, 40, 60, seed=2)["power"].iloc[0]
    assert large > small


def test_appendix_table_and_smallest_size():
    table = pd.DataFrame({"effect": ["vrijspraak"] * 2 + ["ratio"] * 2, "effect_label": ["a", "a", "b", "b"],
                          "n": [40, 80] * 2, "power": [0.5, 0.85, 0.2, 0.3], "simulations": 100,
                          "mc_se": 0.01, "seed": 1, "baseline": 0.2, "gemaakt": "2026-12-01"})
    assert design.smallest_size(table) == {"vrijspraak": 80, "ratio": None}
    shown = design.appendix_table(table)
    assert shown.columns.tolist() == ["Effect", "n = 40", "n = 80", "80% bij"]
    assert shown.iloc[0].tolist() == ["a", "50%", "85%", "n = 80"]
    assert shown.iloc[1, -1] == "> 80"
    assert design.design_facts(table)["made"] == "2026-12-01"


def test_unknown_effect_is_a_dutch_error(clean):
    with pytest.raises(ValueError, match="onbekend effect"):
        design.design_point(clean, "leeftijd", 40, 1.0, 10, seed=1)


def test_a_sheet_too_small_for_the_model_gives_not_estimable_not_an_error(clean):
    tiny = clean.head(3)
    row = design.design_point(tiny, "minderjarig", 40, 25, 10, seed=1)
    assert np.isnan(row["power"].iloc[0]) and row["not_estimable"].iloc[0] == 1.0
    none = clean.head(1).assign(demand_months=0.0)
    assert np.isnan(design.design_point(none, "ratio", 40, 0.1, 10, seed=1, replicates=99)["power"].iloc[0])
    table = design.gather([row.assign(effect_label="x")], "2026-12-01")
    assert design.appendix_table(table).iloc[0, 1] == "niet te schatten"
    assert "niet te simuleren" in design.design_paragraph(table, "results/ontwerp/ontwerp.csv")
