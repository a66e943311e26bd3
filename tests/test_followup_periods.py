"""The comparison of a follow-up period with the earlier study's own coding sheet (mhcases.periods)."""

import numpy as np
import pandas as pd
import pytest

from mhcases import periods


def _period(n_cases, acquitted_share, ratio, rng):
    rows = []
    for case in range(n_cases):
        demand = float(rng.integers(12, 60))
        acquitted = rng.random() < acquitted_share
        rows.append({"case_id": f"Z{case}", "acquitted": acquitted, "demand_months": demand,
                     "imposed_months": 0.0 if acquitted else round(demand * ratio),
                     "verdict_trafficking": "vrijspraak" if acquitted else "bewezen"})
    return pd.DataFrame(rows)


def test_differences_are_new_minus_old_with_intervals_that_cover_them():
    rng = np.random.default_rng(5)
    old, new = _period(40, 0.2, 0.7, rng), _period(40, 0.2, 0.9, rng)
    table = periods.compare_periods(new, old, replicates=49, seed=1, level=0.95)
    wide = table.pivot(index="measure", columns="periode", values="estimate")
    np.testing.assert_allclose(wide["verschil"], wide["nieuw"] - wide["basis"])
    ratio = table[(table["measure"] == "mediaan_ratio") & (table["periode"] == "verschil")].iloc[0]
    assert ratio["estimate"] == pytest.approx(0.2, abs=0.03) and ratio["ci_low"] > 0  # a clear change
    assert (table["ci_low"] <= table["estimate"] + 1e-9).all() and (table["estimate"] <= table["ci_high"] + 1e-9).all()


def test_a_period_with_too_few_cases_gets_no_interval():
    rng = np.random.default_rng(6)
    table = periods.compare_periods(_period(4, 0.2, 0.8, rng), _period(12, 0.2, 0.8, rng), 49, 1, 0.95,
                                    bootstrap_cases=10)
    assert table.loc[table["periode"] == "basis", "ci_low"].notna().all()
    assert table.loc[table["periode"] != "basis", "ci_low"].isna().all()


def test_period_draws_on_case_counts_are_the_loop_replicates():
    from mhcases.stats import bootstrap_draws

    rng = np.random.default_rng(7)
    frame = _period(25, 0.3, 0.7, rng)
    frame = pd.concat([frame, frame.iloc[:6].assign(demand_months=30.0)], ignore_index=True)  # co-defendants
    frame.loc[3, "verdict_trafficking"] = "partiele vrijspraak"
    fast = periods.period_draws(frame, 40, 3)
    slow = bootstrap_draws(frame, periods.period_measures, pd.Index(list(periods.MEASURES)), 40, 3)
    np.testing.assert_allclose(fast, slow, rtol=0, atol=1e-12)


def test_acquittal_share_difference_is_newcombe_from_the_wilson_intervals_with_the_design_effect():
    from mhcases.inference import intervals

    rng = np.random.default_rng(8)
    old, new = _period(40, 0.3, 0.7, rng), _period(40, 0.1, 0.7, rng)
    table = periods.compare_periods(new, old, replicates=199, seed=2, level=0.95).set_index(["measure", "periode"])
    share = table.loc["aandeel_vrijspraak"]
    low, high = intervals.mover_difference(share.loc["nieuw", "estimate"], share.loc["nieuw", "ci_low"],
                                           share.loc["nieuw", "ci_high"], share.loc["basis", "estimate"],
                                           share.loc["basis", "ci_low"], share.loc["basis", "ci_high"])
    assert share.loc["verschil", "ci_low"] == pytest.approx(low) and share.loc["verschil", "ci_high"] == pytest.approx(high)
    # one defendant per case: the effective n is n, so the period's interval is the plain Wilson interval
    p = share.loc["nieuw", "estimate"]
    w_low, w_high = intervals.wilson(np.array([p]), np.array([40.0]), 0.95)
    assert share.loc["nieuw", "ci_low"] == pytest.approx(w_low[0], abs=0.02)
    # the median ratio's difference is the mid-distribution percentile interval of the replicates' differences
    ratio = table.loc["mediaan_ratio"]
    assert ratio.loc["verschil", "ci_low"] < ratio.loc["verschil", "estimate"] < ratio.loc["verschil", "ci_high"]
