"""Demand (strafeis) versus imposed sentence (strafoplegging), per defendant, in unconditional months."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats as scipy_stats

from mhcases.inference import resample
from mhcases.stats import BOOTSTRAP_INTERVAL, case_bootstrap

EQUAL_TOLERANCE = 0.5  # months: |imposed - demand| of at most this counts as "gelijk aan de eis"
VERDICT_ORDER = ("bewezen", "partiele vrijspraak", "vrijspraak", "ontslag")


def pairs(clean: pd.DataFrame) -> pd.DataFrame:
    """Defendants with both a known demand and a known imposed sentence (months, zeros included)."""
    both = clean.dropna(subset=["demand_months", "imposed_months"]).copy()
    both["difference"] = both["imposed_months"] - both["demand_months"]
    both["ratio"] = (both["imposed_months"] / both["demand_months"]).where(both["demand_months"] > 0)
    both["direction"] = np.select(
        [both["difference"] < -EQUAL_TOLERANCE, both["difference"] > EQUAL_TOLERANCE],
        ["lager", "hoger"], default="gelijk")
    return both


def summary_measures(frame: pd.DataFrame) -> pd.Series:
    """The measures reported for every group (NaN where a group has no defendants with a positive demand)."""
    if len(frame) == 0:
        return pd.Series({k: np.nan for k in MEASURES})
    demand = np.asarray(frame["demand_months"], float)
    imposed = np.asarray(frame["imposed_months"], float)
    difference = imposed - demand
    ratio = np.asarray(frame["ratio"], float)
    ratio = ratio[~np.isnan(ratio)]
    return pd.Series({
        "mediaan_eis": np.median(demand),
        "mediaan_opgelegd": np.median(imposed),
        "gemiddelde_eis": demand.mean(),
        "gemiddelde_opgelegd": imposed.mean(),
        "gemiddeld_verschil": difference.mean(),
        "mediaan_verschil": np.median(difference),
        "gemiddelde_ratio": ratio.mean() if ratio.size else np.nan,
        "mediaan_ratio": np.median(ratio) if ratio.size else np.nan,
        "aandeel_lager": np.mean(difference < -EQUAL_TOLERANCE),
        "aandeel_gelijk": np.mean(np.abs(difference) <= EQUAL_TOLERANCE),
        "aandeel_hoger": np.mean(difference > EQUAL_TOLERANCE),
    })


PROPORTIONS = ("aandeel_lager", "aandeel_gelijk", "aandeel_hoger")  # shares of defendants: Wilson interval (M13)
MEASURES = tuple(summary_measures(pd.DataFrame({
    "demand_months": [1.0], "imposed_months": [1.0], "difference": [0.0], "ratio": [1.0], "direction": ["gelijk"]
})).index)


def _summary_on_counts(frame: pd.DataFrame):
    return resample.summary_on_counts(frame, EQUAL_TOLERANCE)


def demand_versus_imposed(clean: pd.DataFrame, replicates: int, seed: int, level: float) -> pd.DataFrame:
    """Tidy table: group, subgroup, measure, estimate, ci_low, ci_high, n, n_clusters (case bootstrap)."""
    data = pairs(clean)
    groupings = [("alle verdachten", None, pd.Series("alle", index=data.index))]
    groupings.append(("beslissing mensenhandel", VERDICT_ORDER, data["verdict_trafficking"]))
    groupings.append(("uitbuitingsvorm", None, data["exploitation_form"]))
    results = []
    for g, (group, order, labels) in enumerate(groupings):
        values = [v for v in (order or sorted(labels.unique())) if (labels == v).any()]
        for k, value in enumerate(values):
            subset = data[labels == value]
            table = case_bootstrap(subset, summary_measures, replicates, seed + 1000 * g + k, level, arrays=True,
                                   columns=["demand_months", "imposed_months", "ratio"],
                                   on_counts=_summary_on_counts, interval=BOOTSTRAP_INTERVAL,
                                   proportions=PROPORTIONS)
            table.insert(0, "subgroep", value)
            table.insert(0, "groep", group)
            results.append(table)
    return pd.concat(results, ignore_index=True)


def wilcoxon_test(clean: pd.DataFrame, subset: str = "bewezen") -> pd.DataFrame:
    """Paired Wilcoxon signed-rank test of imposed vs demand months (all pairs, and fully proven only).

    Assumes independent pairs and a symmetric distribution of differences; co-defendants break independence
    (the case bootstrap intervals do not need it). Zero differences are handled with Pratt's method.
    """
    data = pairs(clean)
    rows = []
    for label, part in (("alle verdachten", data), (f"mensenhandel {subset}", data[data["verdict_trafficking"] == subset])):
        differences = part["difference"].to_numpy()
        nonzero = int((differences != 0).sum())
        if nonzero == 0:
            statistic, p_value = np.nan, np.nan
        else:
            result = scipy_stats.wilcoxon(differences, zero_method="pratt", alternative="two-sided")
            statistic, p_value = float(result.statistic), float(result.pvalue)
        rows.append({"groep": label, "toets": "Wilcoxon signed-rank (Pratt)", "statistiek": statistic,
                     "p": p_value, "n": len(part), "n_niet_nul": nonzero,
                     "mediaan_verschil": float(np.median(differences)) if len(part) else np.nan})
    return pd.DataFrame(rows)
