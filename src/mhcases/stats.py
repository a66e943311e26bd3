"""Uncertainty that respects the design: defendants are clustered in cases, so bootstraps resample cases."""

from __future__ import annotations

from collections.abc import Callable, Collection

import numpy as np
import pandas as pd

from mhcases.inference import intervals, resample

Statistic = Callable[[pd.DataFrame], "float | pd.Series"]


class Columns(dict):
    """Columns as numpy arrays: a cheap stand-in for a DataFrame inside bootstrap loops.

    Statistics written with `np.asarray(frame[col])` and `len(frame)` work on both.
    """

    def __len__(self) -> int:
        return len(next(iter(self.values()))) if dict.__len__(self) else 0

    def take(self, rows: np.ndarray) -> "Columns":
        return Columns({name: values[rows] for name, values in self.items()})


def cluster_indices(frame: pd.DataFrame, cluster: str = "case_id") -> list[np.ndarray]:
    """Row positions of each cluster, clusters in sorted order."""
    codes, _ = pd.factorize(frame[cluster], sort=True)
    order = np.argsort(codes, kind="stable")
    bounds = np.flatnonzero(np.diff(codes[order])) + 1
    return np.split(order, bounds)


def cluster_layout(frame: pd.DataFrame, cluster: str = "case_id") -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows ordered by cluster, and each cluster's start and size in that order (clusters sorted)."""
    codes, _ = pd.factorize(frame[cluster], sort=True)
    order = np.argsort(codes, kind="stable")
    sizes = np.bincount(codes)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    return order, starts, sizes


def resampled_rows(order: np.ndarray, starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Row positions of the chosen clusters (given by their starts and sizes), without a Python loop."""
    total = int(sizes.sum())
    offsets = np.arange(total) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    return order[np.repeat(starts, sizes) + offsets]


INTERVALS = ("percentile", "bca")
# The interval the build reports for bootstrapped statistics (chosen by benchmarks/bench_coverage.py).
BOOTSTRAP_INTERVAL = "percentile"


def case_bootstrap(frame: pd.DataFrame, statistic: Statistic, replicates: int, seed: int, level: float = 0.95,
                   cluster: str = "case_id", arrays: bool = False,
                   columns: list[str] | None = None, on_counts=None,
                   interval: str = "percentile", proportions: Collection[str] = ()) -> pd.DataFrame:
    """Bootstrap interval of `statistic(frame)`, resampling whole clusters (cases) with replacement.

    Returns one row per statistic component: estimate, ci_low, ci_high, n (rows), n_clusters, replicates.
    Replicates whose statistic is undefined (NaN, e.g. an empty subgroup) are dropped; their count is reported.
    With `arrays=True` the statistic gets `Columns` (numpy arrays of `columns`, default all) instead of
    DataFrames: much faster; name only the columns the statistic reads. `on_counts(frame)` may give the same
    statistic as a function of case counts (`mhcases.inference.resample`): the same replicates, batched.
    `interval`: "percentile" (the build's rule per kind of statistic, `bootstrap_interval`: the percentile
    interval from the mid-distribution function), or "bca" (bias-corrected and accelerated; acceleration from a
    jackknife over cases, `mhcases.inference.intervals`). `proportions`: the components that are shares of the
    rows (defendants); with "percentile" they get the Wilson interval of `bootstrap_interval`.
    """
    if interval not in INTERVALS:
        raise ValueError(f"interval must be one of {INTERVALS}")
    estimate = pd.Series(statistic(frame), dtype=float)
    if len(frame) == 0:
        return _summary(estimate, np.full((0, len(estimate)), np.nan), level, 0, 0, replicates)
    jack = None
    if on_counts is not None:
        function, n_clusters = on_counts(frame)
        draws = resample.draws(function, n_clusters, replicates, seed)
        if interval == "bca":
            jack = resample.block_jackknife(function, n_clusters)
    else:
        draws = bootstrap_draws(frame, statistic, estimate.index, replicates, seed, cluster, arrays, columns)
        if interval == "bca":
            jack = leave_one_cluster_out(frame, statistic, estimate.index, cluster, arrays, columns)
    return _summary(estimate, draws, level, len(frame), frame[cluster].nunique(), replicates, jack, proportions)


def leave_one_cluster_out(frame: pd.DataFrame, statistic: Statistic, names: pd.Index, cluster: str = "case_id",
                          arrays: bool = False, columns: list[str] | None = None) -> np.ndarray:
    """The statistic with each cluster left out once (clusters × `names`, clusters in sorted order)."""
    codes, _ = pd.factorize(frame[cluster], sort=True)
    source = Columns({c: frame[c].to_numpy() for c in (columns or frame.columns)}) if arrays else None
    out = np.empty((int(codes.max()) + 1 if len(codes) else 0, len(names)))
    for g in range(out.shape[0]):
        rows = np.flatnonzero(codes != g)
        sample = source.take(rows) if source is not None else frame.iloc[rows]
        out[g] = pd.Series(statistic(sample), dtype=float).reindex(names).to_numpy()
    return out


def bootstrap_draws(frame: pd.DataFrame, statistic: Statistic, names: pd.Index, replicates: int, seed: int,
                    cluster: str = "case_id", arrays: bool = False, columns: list[str] | None = None) -> np.ndarray:
    """The statistic on `replicates` case-resampled copies of `frame` (rows: replicates, columns: `names`)."""
    order, starts, sizes = cluster_layout(frame, cluster)
    source = Columns({c: frame[c].to_numpy() for c in (columns or frame.columns)}) if arrays else None
    rng = np.random.default_rng(seed)
    draws = np.empty((replicates, len(names)))
    for r in range(replicates):
        chosen = rng.integers(0, len(starts), size=len(starts))
        rows = resampled_rows(order, starts[chosen], sizes[chosen])
        sample = source.take(rows) if source is not None else frame.iloc[rows]
        draws[r] = pd.Series(statistic(sample), dtype=float).reindex(names).to_numpy()
    return draws


def bootstrap_interval(estimate: pd.Series, draws: np.ndarray, level: float, n: int,
                       proportions: Collection[str] = ()) -> tuple[np.ndarray, np.ndarray]:
    """The build's interval for each bootstrapped statistic, one rule per kind (docs/methods.md M13):
    - a share of the `n` defendants named in `proportions`: the Wilson score interval with the effective sample
      size of the case bootstrap (`intervals.effective_n`);
    - every other statistic: the percentile interval of the case bootstrap from the mid-distribution function
      (`intervals.mid_percentile`: for a median on a grid of whole months an endpoint does not take its value's
      whole atom; without ties it is the plain percentile interval)."""
    low, high = intervals.mid_percentile(draws, level)
    shares = np.array([name in proportions for name in estimate.index], bool)
    if shares.any():
        values = estimate.to_numpy(float)
        w_low, w_high = intervals.wilson(values, intervals.effective_n(values, draws, n), level)
        defined = shares & ~np.isnan(values)
        low, high = np.where(defined, w_low, low), np.where(defined, w_high, high)
    return low, high


def _summary(estimate: pd.Series, draws: np.ndarray, level: float, n: int, n_clusters: int,
             replicates: int, jackknife: np.ndarray | None = None,
             proportions: Collection[str] = ()) -> pd.DataFrame:
    if draws.size and jackknife is not None:
        low, high = intervals.bca(estimate.to_numpy(), draws, intervals.acceleration(jackknife), level)
    elif draws.size:
        low, high = bootstrap_interval(estimate, draws, level, n, proportions)
    else:
        low = high = np.full(len(estimate), np.nan)
    rows = []
    for j, name in enumerate(estimate.index):
        valid = int((~np.isnan(draws[:, j])).sum()) if draws.size else 0
        rows.append({"measure": name, "estimate": estimate.iloc[j], "ci_low": low[j], "ci_high": high[j],
                     "n": n, "n_clusters": n_clusters, "replicates": valid})
    return pd.DataFrame(rows)
