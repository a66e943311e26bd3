"""The "verschuiving naar links": the gap between demanded and imposed unconditional months, decomposed.

Three factors move a defendant's imposed months away from the demand (docs/methods.md, section "Decompositie"):
  A  full acquittal of mensenhandel        (acquitted defendants)
  P  partial acquittal                     (partially acquitted defendants)
  S  the court's discount on the demand    (everyone: what fully proven defendants get relative to the demand)
Each defendant's imposed months are written as demand × the factors that apply to them, so that with all factors
switched on every defendant has exactly the observed sentence, and with none the court imposes the demand:
  fully proven:     D·ρ                 (S: ρ = Y/D, own ratio)
  partly acquitted: D·R·(ρ/R)           (S: R, the pooled ratio ΣY/ΣD of the fully proven; P: the rest)
  acquitted:        D·R·(ρ/R)           (S: R; A: the rest, ρ is usually 0)
Switching factors on one at a time gives an answer that depends on the order; the Shapley value averages each
factor's contribution over all 3! orders, so the three parts add up exactly to the observed gap, for the mean and
for the median.
"""

from __future__ import annotations

from itertools import combinations, permutations

import numpy as np
import pandas as pd

from mhcases.compare import pairs
from mhcases.inference import resample
from mhcases.stats import BOOTSTRAP_INTERVAL, case_bootstrap

FACTORS = ("A", "P", "S")
FACTOR_LABELS = {"A": "volledige vrijspraak", "P": "partiële vrijspraak", "S": "korting bij bewezenverklaring"}


def factor_multipliers(data: pd.DataFrame) -> dict[str, np.ndarray]:
    """Per defendant, the multiplier each factor applies to the demand (1 where the factor does not apply)."""
    demand = np.asarray(data["demand_months"], float)
    imposed = np.asarray(data["imposed_months"], float)
    verdict = np.asarray(data["verdict_trafficking"])
    positive = demand > 0
    proven = (verdict == "bewezen") & positive
    pooled = imposed[proven].sum() / demand[proven].sum() if demand[proven].sum() > 0 else 1.0
    rho = np.divide(imposed, demand, out=np.ones_like(demand), where=positive)
    other = positive & (verdict != "bewezen")
    rest = np.divide(rho, pooled, out=np.zeros_like(rho), where=pooled > 0)
    multipliers = {f: np.ones_like(demand) for f in FACTORS}
    multipliers["S"] = np.where(proven, rho, np.where(other, pooled, 1.0))
    multipliers["P"] = np.where(other & (verdict == "partiele vrijspraak"), rest, 1.0)
    multipliers["A"] = np.where(other & (verdict != "partiele vrijspraak"), rest, 1.0)
    return multipliers


def counterfactual(data: pd.DataFrame, active: frozenset[str],
                   multipliers: dict[str, np.ndarray] | None = None) -> np.ndarray:
    """Imposed months with only the `active` factors at work (defendants with demand 0 keep their sentence)."""
    multipliers = multipliers if multipliers is not None else factor_multipliers(data)
    demand = np.asarray(data["demand_months"], float)
    result = demand.copy()
    for factor in active:
        result = result * multipliers[factor]
    return np.where(demand > 0, result, np.asarray(data["imposed_months"], float))


def shapley(value, players=FACTORS) -> dict[str, float]:
    """Shapley values of a set function `value(frozenset)` by averaging marginal contributions over all orders."""
    totals = dict.fromkeys(players, 0.0)
    orders = list(permutations(players))
    for order in orders:
        present: frozenset[str] = frozenset()
        for player in order:
            totals[player] += value(present | {player}) - value(present)
            present = present | {player}
    return {p: totals[p] / len(orders) for p in players}


MEASURES = {"gemiddelde": np.mean, "mediaan": np.median}


def decompose_gap(data: pd.DataFrame, measure: str = "mean") -> pd.Series:
    """Observed gap (demand − imposed) and its Shapley parts; `data` = pairs() of the clean table."""
    name = "gemiddelde" if measure == "mean" else "mediaan"
    both = decompose_gaps(data, {name: MEASURES[name]})
    return both.rename(lambda key: key.split(": ", 1)[1])


def decompose_gaps(data: pd.DataFrame, measures: dict = MEASURES) -> pd.Series:
    """The decomposition for several centre measures at once ("<measure>: <part>"), sharing the counterfactuals
    (they are the expensive part in a bootstrap replicate). Every demand must be positive (see
    `decomposable`): with a demand of 0 there is no factor to decompose and the parts would not add up."""
    demand = np.asarray(data["demand_months"], float)
    if len(demand) and demand.min() <= 0:
        raise ValueError("decomposition needs positive demands; select them with decomposable()")
    imposed = np.asarray(data["imposed_months"], float)
    multipliers = factor_multipliers(data)
    subsets = {frozenset(c) for k in range(len(FACTORS) + 1) for c in combinations(FACTORS, k)}
    outcomes = {active: counterfactual(data, active, multipliers) for active in subsets}
    out = {}
    for name, centre in measures.items():
        base = float(centre(demand))
        values = {active: base - float(centre(y)) for active, y in outcomes.items()}
        parts = shapley(values.__getitem__)
        observed = base - float(centre(imposed))
        out[f"{name}: kloof"] = observed
        out.update({f"{name}: {FACTOR_LABELS[f]}": parts[f] for f in FACTORS})
        out.update({f"{name}: aandeel {FACTOR_LABELS[f]}": parts[f] / observed if observed else np.nan
                    for f in FACTORS})
        # The letter's claim is about acquittals, full and partial ("volledig en gedeeltelijke vrijspraken"):
        # their joint share gets an interval of its own (the sum of two intervals is not one).
        both = parts["A"] + parts["P"]
        out[f"{name}: vrijspraken samen"] = both
        out[f"{name}: aandeel vrijspraken samen"] = both / observed if observed else np.nan
    return pd.Series(out)


def decomposable(clean: pd.DataFrame) -> pd.DataFrame:
    """The pairs the decomposition covers: a known sentence and a positive demand. Defendants for whom the
    prosecutor demanded acquittal, discharge or no unconditional detention (demand 0) are left out; the table's
    n says how many remain."""
    data = pairs(clean)
    return data[data["demand_months"] > 0]


def decomposition_table(clean: pd.DataFrame, replicates: int, seed: int, level: float) -> pd.DataFrame:
    """Mean and median gap with Shapley parts and shares, 95% intervals from the case bootstrap."""
    data = decomposable(clean)
    names = list(decompose_gaps(data).index)
    table = case_bootstrap(data, decompose_gaps, replicates, seed, level, arrays=True,
                           columns=["demand_months", "imposed_months", "verdict_trafficking"],
                           on_counts=lambda frame: resample.decomposition_on_counts(frame, names, FACTOR_LABELS, shapley),
                           interval=BOOTSTRAP_INTERVAL)
    split = table["measure"].str.split(": ", n=1, expand=True)
    table.insert(0, "maat", split[0])
    table["measure"] = split[1]
    return table


def counterfactual_distribution(clean: pd.DataFrame) -> pd.DataFrame:
    """Observed imposed months next to two counterfactuals: no full acquittals (P and S at work) and no
    acquittals at all (only S: everyone sentenced as the fully proven are)."""
    data = decomposable(clean)
    return pd.DataFrame({
        "case_id": data["case_id"].to_numpy(), "defendant_id": data["defendant_id"].to_numpy(),
        "eis": data["demand_months"].to_numpy(), "opgelegd": data["imposed_months"].to_numpy(),
        "zonder_volledige_vrijspraken": counterfactual(data, frozenset({"P", "S"})),
        "zonder_vrijspraken": counterfactual(data, frozenset({"S"})),
    })
