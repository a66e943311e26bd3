"""A follow-up study against the earlier study's own coding sheet (`study.baseline_coding_sheet`): the same
defendant-level measures for both periods and their difference, each with a case-bootstrap interval.

Measures: the median ratio imposed/demand, the share of defendants acquitted of trafficking (fully), the mean gap
demand − imposed and the shares of that gap due to acquittals (full and partial together) and to the discount
(the Shapley decomposition of `mhcases.decompose`). The periods are independent samples: each is resampled by
case on its own stream, and the difference's interval is the percentile interval of the differences of the
replicates. Below `bootstrap_cases` cases in a period there is no interval for it, nor for the difference.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from mhcases.compare import pairs, summary_measures
from mhcases.decompose import decompose_gaps, decomposable
from mhcases.stats import bootstrap_draws

MEASURES = {
    "mediaan_ratio": "mediane verhouding opgelegd/eis",
    "aandeel_vrijspraak": "aandeel volledig vrijgesproken van mensenhandel",
    "kloof": "gemiddeld verschil eis − opgelegd (maanden)",
    "aandeel_vrijspraken_samen": "aandeel van het verschil door vrijspraken (volledig en partieel)",
    "aandeel_korting": "aandeel van het verschil door korting bij bewezenverklaring",
}


def period_measures(clean: pd.DataFrame) -> pd.Series:
    """The measures of one period (NaN where the data have none, e.g. no positive demand)."""
    both = pairs(clean)
    out = {"mediaan_ratio": float(summary_measures(both)["mediaan_ratio"]) if len(both) else np.nan,
           "aandeel_vrijspraak": float(clean["acquitted"].astype(float).mean()) if len(clean) else np.nan}
    data = decomposable(clean)
    if len(data):
        parts = decompose_gaps(data)
        out.update(kloof=float(parts["gemiddelde: kloof"]),
                   aandeel_vrijspraken_samen=float(parts["gemiddelde: aandeel vrijspraken samen"]),
                   aandeel_korting=float(parts["gemiddelde: aandeel korting bij bewezenverklaring"]))
    else:
        out.update(kloof=np.nan, aandeel_vrijspraken_samen=np.nan, aandeel_korting=np.nan)
    return pd.Series(out)[list(MEASURES)]


def compare_periods(new: pd.DataFrame, old: pd.DataFrame, replicates: int, seed: int, level: float,
                    bootstrap_cases: int = 10) -> pd.DataFrame:
    """Tidy: measure, label, periode ("basis", "nieuw", "verschil"), estimate, ci_low, ci_high, n, n_clusters,
    replicates (valid replicates behind the interval)."""
    names = pd.Index(list(MEASURES))
    alpha = (1 - level) / 2
    estimates, draws, sizes = {}, {}, {}
    columns = ["case_id", "acquitted", "demand_months", "imposed_months", "verdict_trafficking"]
    for period, clean, stream in (("basis", old, seed), ("nieuw", new, seed + 1)):
        frame = clean[columns].reset_index(drop=True)
        estimates[period] = period_measures(frame)
        clusters = int(frame["case_id"].nunique())
        sizes[period] = (len(frame), clusters)
        if clusters >= bootstrap_cases:
            draws[period] = bootstrap_draws(frame, period_measures, names, replicates, stream)
        else:
            draws[period] = np.full((replicates, len(names)), np.nan)
    estimates["verschil"] = estimates["nieuw"] - estimates["basis"]
    draws["verschil"] = draws["nieuw"] - draws["basis"]
    sizes["verschil"] = (sizes["nieuw"][0] + sizes["basis"][0], sizes["nieuw"][1] + sizes["basis"][1])
    rows = []
    for period in ("basis", "nieuw", "verschil"):
        for j, measure in enumerate(names):
            valid = draws[period][:, j][~np.isnan(draws[period][:, j])]
            low, high = np.quantile(valid, [alpha, 1 - alpha]) if valid.size else (np.nan, np.nan)
            rows.append({"measure": measure, "label": MEASURES[measure], "periode": period,
                         "estimate": estimates[period][measure], "ci_low": low, "ci_high": high,
                         "n": sizes[period][0], "n_clusters": sizes[period][1], "replicates": int(valid.size)})
    return pd.DataFrame(rows)
