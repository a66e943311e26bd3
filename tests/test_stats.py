import numpy as np
import pandas as pd
import pytest

from mhcases.compare import pairs, summary_measures, wilcoxon_test
from mhcases.stats import bootstrap_draws, case_bootstrap, cluster_indices


def mean_value(frame):
    return pd.Series({"mean": frame["value"].mean()})


@pytest.fixture
def clustered():
    # one case of five identical defendants (value 1) and one single defendant (value 0)
    return pd.DataFrame({"case_id": ["A"] * 5 + ["B"], "value": [1.0] * 5 + [0.0]})


def test_clusters_are_resampled_whole(clustered):
    draws = bootstrap_draws(clustered, mean_value, pd.Index(["mean"]), 400, seed=1)[:, 0]
    # resampling cases: AA -> 1, BB -> 0, AB/BA -> 5/6; resampling defendants would give other means
    assert set(np.round(draws, 6)) <= {1.0, 0.0, round(5 / 6, 6)}
    assert len(set(np.round(draws, 6))) == 3


def test_bootstrap_is_seeded_and_reports_n(clustered):
    a = case_bootstrap(clustered, mean_value, 200, seed=7)
    b = case_bootstrap(clustered, mean_value, 200, seed=7)
    pd.testing.assert_frame_equal(a, b)
    row = a.iloc[0]
    assert (row["n"], row["n_clusters"], row["replicates"]) == (6, 2, 200)
    assert row["ci_low"] <= row["estimate"] <= row["ci_high"]


def test_interval_narrows_with_more_clusters():
    rng = np.random.default_rng(0)
    small = pd.DataFrame({"case_id": np.arange(20), "value": rng.normal(size=20)})
    large = pd.DataFrame({"case_id": np.arange(2000), "value": rng.normal(size=2000)})
    width = lambda f: np.diff(case_bootstrap(f, mean_value, 300, 1)[["ci_low", "ci_high"]].to_numpy()[0])[0]  # noqa: E731
    assert width(large) < width(small) / 5


def test_cluster_indices_group_rows():
    groups = cluster_indices(pd.DataFrame({"case_id": ["b", "a", "b"]}))
    assert [g.tolist() for g in groups] == [[1], [0, 2]]


def clean_pairs():
    return pd.DataFrame({
        "case_id": ["Z1", "Z2", "Z3", "Z4"], "verdict_trafficking": ["bewezen"] * 3 + ["vrijspraak"],
        "exploitation_form": ["seksuele uitbuiting"] * 4,
        "demand_months": [24.0, 12.0, 10.0, 30.0], "imposed_months": [18.0, 12.0, 14.0, 0.0],
    })


def test_summary_measures_by_hand():
    measures = summary_measures(pairs(clean_pairs()))
    assert measures["gemiddeld_verschil"] == pytest.approx((-6 + 0 + 4 - 30) / 4)
    assert measures["mediaan_ratio"] == pytest.approx(np.median([0.75, 1.0, 1.4, 0.0]))
    assert (measures["aandeel_lager"], measures["aandeel_gelijk"], measures["aandeel_hoger"]) == (0.5, 0.25, 0.25)


def test_wilcoxon_reports_both_groups():
    result = wilcoxon_test(clean_pairs())
    assert result["n"].tolist() == [4, 3]
    assert result["n_niet_nul"].tolist() == [3, 2]
    assert ((result["p"] > 0) & (result["p"] <= 1)).all()
