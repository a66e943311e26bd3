"""Interval rules for bootstrapped statistics (mhcases.inference.intervals, mhcases.stats.bootstrap_interval)."""

import numpy as np
import pandas as pd
import pytest
from scipy import stats as scipy_stats

from mhcases import compare
from mhcases.inference import intervals
from mhcases.stats import bootstrap_interval, case_bootstrap


@pytest.mark.parametrize("k, n, low, high", [
    # Newcombe (1998, Stat. Med. 17, 857–872), Table I, method 3 (Wilson score, no continuity correction)
    (81, 263, 0.2553, 0.3662), (15, 148, 0.0624, 0.1605), (0, 20, 0.0, 0.1611), (1, 29, 0.0061, 0.1718),
])
def test_wilson_reproduces_newcombes_table(k, n, low, high):
    lo, hi = intervals.wilson(np.array([k / n]), np.array([float(n)]), 0.95)
    assert (round(float(lo[0]), 4), round(float(hi[0]), 4)) == (low, high)


def test_effective_n_is_the_design_effect_of_the_bootstrap_variance():
    rng = np.random.default_rng(1)
    p, n = 0.3, 100
    doubled = rng.normal(p, np.sqrt(2 * p * (1 - p) / n), size=(20000, 1))  # variance twice the binomial one
    assert intervals.effective_n(np.array([p]), doubled, n)[0] == pytest.approx(n / 2, rel=0.03)
    smaller = rng.normal(p, np.sqrt(0.5 * p * (1 - p) / n), size=(20000, 1))
    assert intervals.effective_n(np.array([p]), smaller, n)[0] == n  # at most n
    assert intervals.effective_n(np.array([1.0]), np.ones((50, 1)), n)[0] == n  # a share of 1: no variance


def test_mid_percentile_without_ties_is_the_percentile_interval():
    draws = np.random.default_rng(2).normal(size=(4000, 2))
    mid = np.column_stack(intervals.mid_percentile(draws, 0.95))
    plain = np.column_stack(intervals.percentile(draws, 0.95))
    assert mid == pytest.approx(plain, abs=0.02)


def test_mid_percentile_on_a_grid_by_hand():
    # 2% at 10, 96% at 11, 2% at 12: mid-distribution 0.01, 0.5, 0.99, interpolated at 0.025 and 0.975
    draws = np.repeat([10.0, 11.0, 12.0], [2, 96, 2])[:, None]
    low, high = intervals.mid_percentile(draws, 0.95)
    assert low[0] == pytest.approx(10 + 0.015 / 0.49)
    assert high[0] == pytest.approx(11 + 0.475 / 0.49)
    assert tuple(np.column_stack(intervals.percentile(draws, 0.95))[0]) == (11.0, 11.0)


def test_expanded_level_by_hand():
    # Hesterberg (2015): percentiles at Φ(±√(G/(G − 1)) t_{0.975, G−1}); wider for fewer cases, 95% in the limit
    g = 20
    z = np.sqrt(g / (g - 1)) * scipy_stats.t.ppf(0.975, g - 1)
    assert intervals.expanded_level(0.95, g) == pytest.approx(2 * scipy_stats.norm.cdf(z) - 1)
    assert intervals.expanded_level(0.95, 10) > intervals.expanded_level(0.95, 20) > intervals.expanded_level(0.95, 145)
    assert intervals.expanded_level(0.95, 100_000) == pytest.approx(0.95, abs=1e-4)


def test_bootstrap_interval_takes_wilson_for_shares_and_the_mid_percentile_otherwise():
    rng = np.random.default_rng(3)
    estimate = pd.Series({"mediaan": 12.0, "aandeel": 0.9})
    draws = np.column_stack([np.repeat([10.0, 12.0, 14.0], [30, 939, 30]),
                             np.clip(rng.normal(0.9, 0.06, 999), 0, 1)])
    low, high = bootstrap_interval(estimate, draws, 0.95, 30, proportions=("aandeel",))
    mid = intervals.mid_percentile(draws, 0.95)
    assert (low[0], high[0]) == (mid[0][0], mid[1][0])
    assert 10 < low[0] < 12 < high[0] < 14  # the grid's end atoms are not taken whole, as the percentile does
    assert tuple(np.column_stack(intervals.percentile(draws, 0.95))[0]) == (10.0, 14.0)
    n_eff = intervals.effective_n(estimate.to_numpy(), draws, 30)
    w_low, w_high = intervals.wilson(estimate.to_numpy(), n_eff, 0.95)
    assert (low[1], high[1]) == (w_low[1], w_high[1])
    assert high[1] < 1 and high[1] - 0.9 < 0.9 - low[1]  # the score interval is skewed away from the bound


def test_a_share_of_all_defendants_gets_an_interval_with_spread():
    # everyone got less than the demand: the percentile interval is 1–1 (no spread); Wilson's is not
    frame = pd.DataFrame({"case_id": np.arange(20), "demand_months": 24.0, "imposed_months": 12.0})
    frame = compare.pairs(frame.assign(verdict_trafficking="bewezen"))
    table = case_bootstrap(frame, compare.summary_measures, 200, 1, arrays=True,
                           columns=["demand_months", "imposed_months", "ratio"],
                           proportions=compare.PROPORTIONS).set_index("measure")
    assert table.loc["aandeel_lager", "ci_high"] == 1.0
    assert table.loc["aandeel_lager", "ci_low"] == pytest.approx(intervals.wilson(np.array([1.0]), np.array([20.0]),
                                                                                  0.95)[0][0])
    assert table.loc["mediaan_ratio", "ci_low"] == table.loc["mediaan_ratio", "ci_high"] == 0.5


def test_cluster_effective_n_is_n_for_single_rows_and_the_number_of_cases_for_identical_co_defendants():
    y = np.array([1, 0, 0, 1, 0, 0, 1, 0], float)
    assert intervals.cluster_effective_n(y, np.arange(8)) == pytest.approx(8.0)
    doubled = np.repeat(y, 2)  # every case twice, co-defendants alike: the information of 8 cases
    assert intervals.cluster_effective_n(doubled, np.repeat(np.arange(8), 2)) == pytest.approx(8.0)
    assert intervals.cluster_effective_n(np.zeros(5), np.arange(5)) == 5.0


def test_mover_difference_of_two_wilson_intervals_is_newcombes_hybrid_score_interval():
    # Newcombe (1998), table II, example (a): 56/70 against 48/80: 0.0524 to 0.3339
    l1, u1 = intervals.wilson(np.array([0.8]), np.array([70.0]), 0.95)
    l2, u2 = intervals.wilson(np.array([0.6]), np.array([80.0]), 0.95)
    low, high = intervals.mover_difference(0.8, l1, u1, 0.6, l2, u2)
    assert low[0] == pytest.approx(0.0524, abs=5e-4) and high[0] == pytest.approx(0.3339, abs=5e-4)
