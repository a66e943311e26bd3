"""A follow-up study against the earlier study's own coding sheet (`study.baseline_coding_sheet`): the same
defendant-level measures for both periods and their difference, each with a case-bootstrap interval.

Measures: the median ratio imposed/demand, the share of defendants acquitted of trafficking (fully), the mean gap
demand − imposed and the shares of that gap due to acquittals (full and partial together) and to the discount
(the Shapley decomposition of `mhcases.decompose`). The periods are independent samples: each is resampled by
case on its own stream (`period_draws`: the replicates of `stats.bootstrap_draws` of `period_measures`, computed
as case counts, `mhcases.inference.resample`). Intervals follow the build's rule per kind of statistic
(docs/methods.md M11, M13; `period_intervals`):
- the share of defendants acquitted: per period the Wilson interval with the case bootstrap's effective sample
  size (`stats.bootstrap_interval`); the difference: Newcombe's hybrid score interval (method 10) built from those
  two Wilson intervals (the MOVER of Zou & Donner 2008, which takes any two independent intervals);
- every other measure: per period and for the difference of the replicates (independent streams) the percentile
  interval from the mid-distribution function (`intervals.mid_percentile`; the plain percentile interval where the
  replicates have no ties, e.g. the means).
Below `bootstrap_cases` cases in a period there is no interval for it, nor for the difference.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from mhcases.compare import pairs, summary_measures
from mhcases.decompose import FACTOR_LABELS, decompose_gaps, decomposable, shapley
from mhcases.inference import intervals, resample
from mhcases.stats import bootstrap_interval

MEASURES = {
    "mediaan_ratio": "mediane verhouding opgelegd/eis",
    "aandeel_vrijspraak": "aandeel volledig vrijgesproken van mensenhandel",
    "kloof": "gemiddeld verschil eis − opgelegd (maanden)",
    "aandeel_vrijspraken_samen": "aandeel van het verschil door vrijspraken (volledig en partieel)",
    "aandeel_korting": "aandeel van het verschil door korting bij bewezenverklaring",
}
PROPORTIONS = ("aandeel_vrijspraak",)  # shares of the defendants: Wilson with the design effect (M13)
COLUMNS = ["case_id", "acquitted", "demand_months", "imposed_months", "verdict_trafficking"]
_DECOMPOSITION = {"kloof": "gemiddelde: kloof", "aandeel_vrijspraken_samen": "gemiddelde: aandeel vrijspraken samen",
                  "aandeel_korting": "gemiddelde: aandeel korting bij bewezenverklaring"}


def period_measures(clean: pd.DataFrame) -> pd.Series:
    """The measures of one period (NaN where the data have none, e.g. no positive demand)."""
    both = pairs(clean)
    out = {"mediaan_ratio": float(summary_measures(both)["mediaan_ratio"]) if len(both) else np.nan,
           "aandeel_vrijspraak": float(clean["acquitted"].astype(float).mean()) if len(clean) else np.nan}
    data = decomposable(clean)
    if len(data):
        parts = decompose_gaps(data)
        out.update({measure: float(parts[name]) for measure, name in _DECOMPOSITION.items()})
    else:
        out.update({measure: np.nan for measure in _DECOMPOSITION})
    return pd.Series(out)[list(MEASURES)]


def period_on_counts(frame: pd.DataFrame):
    """`period_measures` as a function of case counts (replicates × the frame's cases, sorted case ids), and the
    number of cases: the acquittal share from per-case sums, the median ratio a weighted median, the
    decomposition `resample.decomposition_on_counts` on the columns of its own cases."""
    codes, uniques = pd.factorize(frame["case_id"], sort=True)
    n_clusters = len(uniques)
    acquitted = resample.case_sums(codes, n_clusters, [np.ones(len(frame)), frame["acquitted"].astype(float).to_numpy()])
    both = pairs(frame)
    ratio = resample.Histogram(codes[frame.index.get_indexer(both.index)], n_clusters, both["ratio"].to_numpy(float))
    data = decomposable(frame)
    names = list(decompose_gaps(data).index) if len(data) else []
    parts = None
    if len(data):
        parts, _ = resample.decomposition_on_counts(data, names, FACTOR_LABELS, shapley)
        own = np.searchsorted(uniques, np.unique(data["case_id"]))  # the decomposition's cases among the frame's
        picked = [names.index(_DECOMPOSITION[m]) for m in _DECOMPOSITION]

    def on_counts(counts: np.ndarray) -> np.ndarray:
        s = counts @ acquitted
        with np.errstate(divide="ignore", invalid="ignore"):
            share = np.where(s[:, 0] > 0, s[:, 1] / s[:, 0], np.nan)
        median = resample.weighted_median(ratio.values, ratio.weights(counts))
        if parts is None:
            rest = np.full((len(counts), len(_DECOMPOSITION)), np.nan)
        else:
            sub = counts[:, own]
            rest = np.full((len(counts), len(_DECOMPOSITION)), np.nan)
            drawn = sub.sum(axis=1) > 0
            if drawn.any():
                rest[drawn] = parts(sub[drawn])[:, picked]
        return np.column_stack([median, share, rest])

    return on_counts, n_clusters


def period_draws(frame: pd.DataFrame, replicates: int, seed: int) -> np.ndarray:
    """`period_measures` on every case-bootstrap replicate of `frame` (replicates × MEASURES)."""
    on_counts, n_clusters = period_on_counts(frame.reset_index(drop=True))
    return resample.draws(on_counts, n_clusters, replicates, seed)


def period_intervals(estimates: dict[str, pd.Series], draws: dict[str, np.ndarray], sizes: dict[str, int],
                     level: float) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """The build's intervals (module docstring) for "basis", "nieuw" and "verschil" (new − old), from each
    period's estimates, replicates (all NaN: no interval) and number of defendants."""
    out = {}
    for period in ("basis", "nieuw"):
        out[period] = bootstrap_interval(estimates[period], draws[period], level, sizes[period], PROPORTIONS)
    low, high = intervals.mid_percentile(draws["nieuw"] - draws["basis"], level)
    shares = np.array([m in PROPORTIONS for m in MEASURES])
    d = (estimates["nieuw"] - estimates["basis"]).to_numpy(float)
    m_low, m_high = intervals.mover_difference(
        estimates["nieuw"].to_numpy(float), *out["nieuw"], estimates["basis"].to_numpy(float), *out["basis"])
    valid = shares & ~np.isnan(low)  # the percentile interval is NaN exactly where a period has no replicates
    out["verschil"] = (np.where(valid, m_low, low), np.where(valid, m_high, high))
    out["verschil"] = tuple(np.where(np.isnan(d), np.nan, v) for v in out["verschil"])
    return out


def compare_periods(new: pd.DataFrame, old: pd.DataFrame, replicates: int, seed: int, level: float,
                    bootstrap_cases: int = 10) -> pd.DataFrame:
    """Tidy: measure, label, periode ("basis", "nieuw", "verschil"), estimate, ci_low, ci_high, n, n_clusters,
    replicates (valid replicates behind the interval)."""
    estimates, draws, sizes = {}, {}, {}
    for period, clean, stream in (("basis", old, seed), ("nieuw", new, seed + 1)):
        frame = clean[COLUMNS].reset_index(drop=True)
        estimates[period] = period_measures(frame)
        clusters = int(frame["case_id"].nunique())
        sizes[period] = (len(frame), clusters)
        if clusters >= bootstrap_cases:
            draws[period] = period_draws(frame, replicates, stream)
        else:
            draws[period] = np.full((replicates, len(MEASURES)), np.nan)
    estimates["verschil"] = estimates["nieuw"] - estimates["basis"]
    draws["verschil"] = draws["nieuw"] - draws["basis"]
    sizes["verschil"] = (sizes["nieuw"][0] + sizes["basis"][0], sizes["nieuw"][1] + sizes["basis"][1])
    bounds = period_intervals(estimates, draws, {p: sizes[p][0] for p in ("basis", "nieuw")}, level)
    rows = []
    for period in ("basis", "nieuw", "verschil"):
        for j, measure in enumerate(MEASURES):
            valid = int((~np.isnan(draws[period][:, j])).sum())
            low, high = (bounds[period][0][j], bounds[period][1][j]) if valid else (np.nan, np.nan)
            rows.append({"measure": measure, "label": MEASURES[measure], "periode": period,
                         "estimate": estimates[period][measure], "ci_low": low, "ci_high": high,
                         "n": sizes[period][0], "n_clusters": sizes[period][1], "replicates": valid})
    return pd.DataFrame(rows)
