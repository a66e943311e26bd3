"""The batched case bootstrap (mhcases.inference.resample) gives the loop's replicates; BCa intervals."""

import numpy as np
import pandas as pd
import pytest

from mhcases import compare, decompose
from mhcases.inference import intervals, resample
from mhcases.stats import bootstrap_draws, case_bootstrap, leave_one_cluster_out


def pairs_frame(n_cases=40, seed=0):
    rng = np.random.default_rng(seed)
    sizes = rng.choice([1, 1, 1, 2, 3], size=n_cases)
    case = np.repeat([f"Z{i:03d}" for i in rng.permutation(n_cases)], sizes)
    n = len(case)
    demand = rng.choice([0, 6, 12, 18, 24, 30, 36, 48], size=n).astype(float)
    verdict = rng.choice(["bewezen", "partiele vrijspraak", "vrijspraak", "ontslag"], p=[0.6, 0.15, 0.2, 0.05], size=n)
    imposed = np.where(verdict == "bewezen", np.round(demand * rng.uniform(0.4, 1.2, n)),
                       np.where(verdict == "partiele vrijspraak", np.round(demand * rng.uniform(0.2, 0.8, n)), 0.0))
    clean = pd.DataFrame({"case_id": case, "demand_months": demand, "imposed_months": imposed,
                          "verdict_trafficking": verdict, "exploitation_form": "seksuele uitbuiting"})
    return compare.pairs(clean)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_summary_draws_are_the_loops_replicates(seed):
    data = pairs_frame(seed=seed)
    loop = bootstrap_draws(data, compare.summary_measures, pd.Index(compare.MEASURES), 250, seed + 7, arrays=True,
                           columns=["demand_months", "imposed_months", "ratio"])
    batched = resample.summary_draws(data, 250, seed + 7, compare.EQUAL_TOLERANCE)
    np.testing.assert_allclose(batched, loop, rtol=0, atol=1e-12)


@pytest.mark.parametrize("seed", [0, 3])
def test_decomposition_draws_are_the_loops_replicates(seed):
    data = pairs_frame(seed=seed)
    data = data[data["demand_months"] > 0]
    names = list(decompose.decompose_gaps(data).index)
    loop = bootstrap_draws(data, decompose.decompose_gaps, pd.Index(names), 200, seed, arrays=True,
                           columns=["demand_months", "imposed_months", "verdict_trafficking"])
    batched = resample.decomposition_draws(data, 200, seed, names, decompose.FACTOR_LABELS, decompose.shapley)
    assert np.array_equal(np.isnan(loop), np.isnan(batched))
    np.testing.assert_allclose(batched, loop, rtol=1e-10, atol=1e-10)


def test_weighted_median_is_numpys_median():
    rng = np.random.default_rng(4)
    values = np.sort(rng.choice(50, size=12, replace=False)).astype(float)
    weights = rng.integers(0, 3, size=(300, 12)).astype(float)
    weights[0] = 0.0  # an empty sample
    got = resample.weighted_median(values, weights)
    assert np.isnan(got[0])
    for r in range(1, 300):
        sample = np.repeat(values, weights[r].astype(int))
        assert got[r] == (np.median(sample) if sample.size else got[r])
    shuffled = rng.permutation(12)  # unsorted values per replicate
    got2 = resample.weighted_median(np.broadcast_to(values[shuffled], (300, 12)).copy(), weights[:, shuffled])
    np.testing.assert_array_equal(got2[1:], got[1:])


def test_block_jackknife_with_few_cases_is_leave_one_case_out():
    data = pairs_frame(n_cases=30)
    on_counts, n_clusters = resample.summary_on_counts(data, compare.EQUAL_TOLERANCE)
    loop = leave_one_cluster_out(data, compare.summary_measures, pd.Index(compare.MEASURES), arrays=True,
                                 columns=["demand_months", "imposed_months", "ratio"])
    np.testing.assert_allclose(resample.block_jackknife(on_counts, n_clusters), loop, atol=1e-12)


def test_batched_bootstrap_gives_the_same_table_as_the_loop():
    data = pairs_frame()
    kwargs = dict(arrays=True, columns=["demand_months", "imposed_months", "ratio"])
    loop = case_bootstrap(data, compare.summary_measures, 300, 5, **kwargs)
    batched = case_bootstrap(data, compare.summary_measures, 300, 5,
                             on_counts=lambda f: resample.summary_on_counts(f, compare.EQUAL_TOLERANCE), **kwargs)
    pd.testing.assert_frame_equal(loop, batched, check_exact=False, atol=1e-12)
    for interval in ("percentile", "bca"):
        a = case_bootstrap(data, compare.summary_measures, 300, 5, interval=interval, **kwargs)
        b = case_bootstrap(data, compare.summary_measures, 300, 5, interval=interval, **kwargs)
        pd.testing.assert_frame_equal(a, b)  # seeded: the same run to run


def test_bca_without_bias_or_acceleration_is_the_percentile_interval():
    rng = np.random.default_rng(0)
    draws = rng.normal(size=(4001, 1))
    estimate = np.array([np.median(draws)])
    np.testing.assert_allclose(np.ravel(intervals.bca(estimate, draws, np.zeros(1), 0.95)),
                               np.ravel(intervals.percentile(draws, 0.95)), atol=1e-9)


def test_bca_moves_the_interval_towards_the_long_tail():
    # mean of a skewed (exponential) sample: the bootstrap distribution is right-skewed, the acceleration positive
    rng = np.random.default_rng(1)
    frame = pd.DataFrame({"case_id": np.arange(60), "value": rng.exponential(size=60)})
    statistic = lambda f: pd.Series({"mean": np.asarray(f["value"]).mean()})  # noqa: E731
    percentile = case_bootstrap(frame, statistic, 2000, 3, arrays=True, columns=["value"])
    bca = case_bootstrap(frame, statistic, 2000, 3, arrays=True, columns=["value"], interval="bca")
    assert bca["ci_low"].iloc[0] > percentile["ci_low"].iloc[0]
    assert bca["ci_high"].iloc[0] > percentile["ci_high"].iloc[0]
    jack = leave_one_cluster_out(frame, statistic, pd.Index(["mean"]), arrays=True, columns=["value"])
    assert intervals.acceleration(jack)[0] > 0


def two_part_frame(n, seed, rare=False):
    from mhcases import models

    rng = np.random.default_rng(seed)
    frame = pd.DataFrame({name: (rng.random(n) < 0.3).astype(float) for name in models.COVARIATES})
    if rare:
        frame["disabled"] = (rng.random(n) < 0.04).astype(float)  # often separating or constant in a resample
    frame["log_victims"] = rng.normal(size=n)
    frame["log_period"] = rng.normal(size=n)
    frame["log_demand"] = rng.normal(3, 0.4, n)
    frame["partial"] = (rng.random(n) < 0.15).astype(float)
    frame["any_imposed"] = (rng.random(n) < 1 / (1 + np.exp(-(1.2 + 0.5 * frame["minor"])))).astype(float)
    frame["log_imposed"] = np.where(frame["any_imposed"] > 0, frame["log_demand"] - 0.3 + rng.normal(0, 0.2, n),
                                    np.nan)
    frame["case_id"] = np.minimum(np.arange(n), n - 10) // 1  # a few co-defendants share the last case
    return frame


@pytest.mark.parametrize("rare", [False, True])
def test_two_part_draws_are_the_loops_replicates(rare):
    from mhcases import models

    data = two_part_frame(150, 3, rare)
    needed = ["any_imposed", "log_imposed", "log_demand", "partial", *models.COVARIATES]
    names = pd.Index(list(models.FOCUS))
    loop = bootstrap_draws(data, lambda d: models._two_part_statistic(d), names, 300, 11, arrays=True, columns=needed)
    on_counts, n_clusters = resample.two_part_on_counts(data, list(models.COVARIATES), list(models.FOCUS))
    batched = resample.draws(on_counts, n_clusters, 300, 11)
    both = ~np.isnan(loop) & ~np.isnan(batched)
    # a replicate is undefined in both (a term left out) or, rarely, only where the loop's Newton did not converge
    assert (np.isnan(loop) == np.isnan(batched)).mean() > 0.98
    assert both.sum() >= 250
    np.testing.assert_allclose(batched[both], loop[both], rtol=1e-7, atol=1e-9)
    np.testing.assert_allclose(on_counts(np.ones((1, n_clusters)))[0],
                               models._two_part_statistic(data).to_numpy(), rtol=1e-7, atol=1e-9)


@pytest.mark.parametrize("rare", [False, True])
def test_two_part_large_sample_path_reaches_the_same_estimates(monkeypatch, rare):
    # the fixed-Hessian iterations used from resample.LARGE rows on (resample._LargeTwoPart) have the same fixed
    # point as Newton; with a rare term, replicates that leave it out are batched apart in both
    from mhcases import models

    data = two_part_frame(1500, 5, rare)
    if rare:  # rare enough that some resamples lose the term's variation among the positive outcomes
        data["disabled"] = (np.arange(len(data)) % 150 == 0).astype(float)
    on_counts, n_clusters = resample.two_part_on_counts(data, list(models.COVARIATES), list(models.FOCUS))
    newton = resample.draws(on_counts, n_clusters, 60, 2)
    monkeypatch.setattr(resample, "LARGE", 0)
    on_counts, n_clusters = resample.two_part_on_counts(data, list(models.COVARIATES), list(models.FOCUS),
                                                        large_tol=1e-10)
    assert isinstance(on_counts.__self__, resample._LargeTwoPart)
    strict = resample.draws(on_counts, n_clusters, 60, 2)
    assert np.isfinite(strict[:, 0]).all()
    assert np.array_equal(np.isnan(strict), np.isnan(newton))
    if rare:
        assert np.isnan(newton[:, 1]).any() and not np.isnan(newton[:, 1]).all()
    np.testing.assert_allclose(strict, newton, rtol=1e-9, atol=1e-11)
    # the default tolerance on large sheets (LARGE_TOL on the log-odds) moves a draw by far less than its spread
    on_counts, n_clusters = resample.two_part_on_counts(data, list(models.COVARIATES), list(models.FOCUS))
    loose = resample.draws(on_counts, n_clusters, 60, 2)
    spread = np.nanstd(newton, axis=0)
    assert np.nanmax(np.abs(loose - newton) / spread) < 1e-4


def test_two_part_large_path_single_replicate_is_the_full_sample_estimate(monkeypatch):
    from mhcases import models

    data = two_part_frame(800, 8)
    monkeypatch.setattr(resample, "LARGE", 0)
    on_counts, n_clusters = resample.two_part_on_counts(data, list(models.COVARIATES), list(models.FOCUS),
                                                        large_tol=1e-10)
    np.testing.assert_allclose(on_counts(np.ones((1, n_clusters)))[0],
                               models._two_part_statistic(data).to_numpy(), rtol=1e-9, atol=1e-11)


def test_two_part_skips_only_checks_that_cannot_fail(monkeypatch):
    from mhcases import models

    data = two_part_frame(1500, 6)
    on_counts, n_clusters = resample.two_part_on_counts(data, list(models.COVARIATES), list(models.FOCUS))
    default = resample.draws(on_counts, n_clusters, 30, 4)
    monkeypatch.setattr(resample, "SURE", 10**9)  # check every term in every replicate
    on_counts, n_clusters = resample.two_part_on_counts(data, list(models.COVARIATES), list(models.FOCUS))
    np.testing.assert_array_equal(resample.draws(on_counts, n_clusters, 30, 4), default)
    rare = data.assign(disabled=(np.arange(len(data)) < 12).astype(float))
    assert resample._rarest_cases(resample.case_codes(rare), rare["disabled"].to_numpy(), rare["any_imposed"] > 0,
                                  True, positive_only=False) <= 12


def test_count_batches_are_bincounts_of_the_draws():
    rng = np.random.default_rng(9)
    batches = list(resample.count_batches(37, 300, 9, batch=128))
    assert [len(b) for b in batches] == [128, 128, 44]
    expected = np.array([np.bincount(rng.integers(0, 37, size=37), minlength=37) for _ in range(300)], float)
    np.testing.assert_array_equal(np.vstack(batches), expected)


def test_histogram_weights_are_exact_counts():
    rng = np.random.default_rng(2)
    codes = rng.integers(0, 50, size=400)
    values = rng.choice([0.0, 6.0, 12.5, np.nan], size=400)
    histogram = resample.Histogram(codes, 50, values)
    counts = np.vstack(list(resample.count_batches(50, 20, 3)))
    expected = np.array([[counts[r, codes[values == v]].sum() for v in histogram.values] for r in range(20)])
    got = histogram.weights(counts)
    assert got.dtype == float
    np.testing.assert_array_equal(got, expected)
    np.testing.assert_array_equal(histogram.weights(counts, resample.transposed_counts(counts)), expected)


def test_two_part_large_path_is_deterministic(monkeypatch):
    from mhcases import models

    data = two_part_frame(600, 4, rare=True)
    monkeypatch.setattr(resample, "LARGE", 0)
    runs = []
    for _ in range(2):
        on_counts, n_clusters = resample.two_part_on_counts(data, list(models.COVARIATES), list(models.FOCUS))
        runs.append(resample.draws(on_counts, n_clusters, 150, 7))
    assert np.isfinite(runs[0]).any()
    np.testing.assert_array_equal(runs[0], runs[1])
