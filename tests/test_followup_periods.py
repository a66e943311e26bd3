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
