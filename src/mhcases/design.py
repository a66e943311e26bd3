"""Design study: how many verdicts must a follow-up study code? Power by simulation from the fitted model.

One design point = (effect, planned number of verdicts n). For each, `simulations` follow-up studies are drawn
from the current data (cases resampled with replacement until n defendants, so covariates, missing values and
co-defendants come as in the data) and analysed the way the letter analyses them; the power is the share of
studies whose 95% interval excludes "no effect" (Monte Carlo s.e. sqrt(p(1 − p)/simulations)). The effects:

- `vrijspraak`: the acquittal share rises by `points` (e.g. 0.10) from the current share p0. The follow-up's
  share is compared with a baseline study of the current size (both binomial; Agresti–Caffo interval for the
  difference of two proportions).
- `minderjarig`: a minor victim raises the demand by `percent` (e.g. 25%). Log demands are drawn from the fitted
  model 1 (coefficients, with the minor term set to log(1 + percent/100), and normal residuals with the model's
  residual s.d.); model 1 is refitted with the letter's inference (CR2, Bell–McCaffrey df). A study in which the
  term cannot be estimated (no variation) counts as not detected; the share is reported.
- `ratio`: the median ratio imposed/demand changes by `change` (e.g. +0.10) against the current (baseline)
  median m0: follow-up ratios are the current ratios times (m0 + change)/m0 (zeros stay zero). Difference of the
  two medians, percentile bootstrap interval (`bootstrap_replicates`, resampling defendants in each study).

Every design point has its own seed, derived from (seed, effect, n) and not from the order in which points run,
so the gathered table does not depend on how the work was split.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy import stats as scipy_stats


EFFECTS = ("vrijspraak", "minderjarig", "ratio")
EFFECT_CODES = {name: i for i, name in enumerate(EFFECTS)}
LEVEL = 0.95
TARGET_POWER = 0.8


def effect_label(effect: str, size: float) -> str:
    """The effect in Dutch, as the table and the figure name it."""
    if effect == "vrijspraak":
        return f"vrijspraakaandeel {size * 100:+.0f} procentpunt"
    if effect == "minderjarig":
        return f"minderjarig slachtoffer: eis {size:+.0f}%"
    if effect == "ratio":
        return f"mediane verhouding opgelegd/eis {size:+.2f}".replace(".", ",")
    raise ValueError(f"onbekend effect {effect!r}; kies uit {', '.join(EFFECTS)}")


def point_seed(seed: int, effect: str, n: int) -> np.random.Generator:
    """The random stream of one design point (independent of the order in which points are run)."""
    return np.random.default_rng(np.random.SeedSequence([seed, EFFECT_CODES[effect], n]))


def draw_rows(case_codes: np.ndarray, n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Row positions of a study of n defendants: whole cases drawn with replacement, the last case cut to fit;
    returns the rows and a cluster label per row (the draw number)."""
    order = np.argsort(case_codes, kind="stable")
    sizes = np.bincount(case_codes)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    chosen = rng.integers(0, sizes.size, size=n)  # at most n cases are needed
    take = np.minimum(np.cumsum(sizes[chosen]), n) - np.concatenate([[0], np.minimum(np.cumsum(sizes[chosen]), n)[:-1]])
    keep = take > 0
    chosen, take = chosen[keep], take[keep]
    rows = np.concatenate([order[starts[c]:starts[c] + t] for c, t in zip(chosen, take)])
    return rows, np.repeat(np.arange(chosen.size), take)


def _agresti_caffo_rejects(x1: np.ndarray, n1: int, x0: np.ndarray, n0: int, level: float) -> np.ndarray:
    p1, p0 = (x1 + 1) / (n1 + 2), (x0 + 1) / (n0 + 2)
    se = np.sqrt(p1 * (1 - p1) / (n1 + 2) + p0 * (1 - p0) / (n0 + 2))
    return np.abs(p1 - p0) > scipy_stats.norm.ppf(1 - (1 - level) / 2) * se


def power_acquittal(clean: pd.DataFrame, n: int, points: float, simulations: int, rng: np.random.Generator,
                    level: float = LEVEL) -> dict:
    known = clean["acquitted"].dropna().astype(float)
    if len(known) < 2:
        return {"baseline": np.nan, "alternative": np.nan, "detected": 0, "not_estimable": simulations}
    p0, n0 = float(known.mean()), len(known)
    p1 = min(max(p0 + points, 0.0), 1.0)
    baseline = rng.binomial(n0, p0, size=simulations)
    follow_up = rng.binomial(n, p1, size=simulations)
    rejects = _agresti_caffo_rejects(follow_up, n, baseline, n0, level)
    return {"baseline": p0, "alternative": p1, "detected": int(rejects.sum()), "not_estimable": 0}


def power_minor(clean: pd.DataFrame, n: int, percent: float, simulations: int, rng: np.random.Generator,
                level: float = LEVEL) -> dict:
    from mhcases import models  # here, so that reading a design table does not load statsmodels

    frame = models.model_frame(clean).reset_index(drop=True)
    sample = models.samples(frame)["1_eis"]
    try:
        fitted, formula = models.fit("1_eis", sample)
    except (ValueError, np.linalg.LinAlgError, KeyError, IndexError):
        fitted = None
    if fitted is None or "minor" not in fitted.params.index or len(sample) <= len(fitted.params) + 1:
        # the current data cannot carry model 1 with a minor-victim term: nothing to simulate from
        return {"baseline": 0.0, "alternative": percent, "detected": 0, "not_estimable": simulations}
    beta = fitted.params.copy()
    beta["minor"] = math.log1p(percent / 100)
    sigma = float(np.sqrt(fitted.fitted.mse_resid))
    in_sample = frame.index.isin(sample.index)
    case_codes = pd.factorize(frame["case_id"], sort=True)[0]
    detected = not_estimable = 0
    design = np.column_stack([np.ones(len(frame))] + [frame[t].to_numpy(float) for t in beta.index[1:]])
    minor = list(beta.index).index("minor")
    for _ in range(simulations):
        rows, clusters = draw_rows(case_codes, n, rng)
        keep = in_sample[rows]
        x, groups = design[rows[keep]], clusters[keep]
        if len(groups) < 3:
            not_estimable += 1
            continue
        y = x @ beta.to_numpy() + rng.normal(0, sigma, len(groups))
        interval = ols_interval(x, y, groups, minor, level)
        if interval is None:
            not_estimable += 1
            continue
        detected += int(interval[0] > 0 or interval[1] < 0)
    return {"baseline": 0.0, "alternative": percent, "detected": detected, "not_estimable": not_estimable}


def ols_interval(x: np.ndarray, y: np.ndarray, groups: np.ndarray, term: int, level: float = LEVEL):
    """The letter's model-1 interval of coefficient `term` (OLS, CR2, Bell–McCaffrey df) on arrays, as
    `models.fit` computes it: columns without variation are left out first (None when `term` is one of them,
    or the design is rank deficient)."""
    from mhcases.inference import cluster

    varies = [0] + [j for j in range(1, x.shape[1]) if x[:, j].min() != x[:, j].max()]
    if term not in varies or len(y) <= len(varies):
        return None
    xs = x[:, varies]
    if np.linalg.matrix_rank(xs) < xs.shape[1]:
        return None
    b = np.linalg.lstsq(xs, y, rcond=None)[0]
    c = cluster.cr2(xs, y - xs @ b, groups)
    k = varies.index(term)
    se, df = math.sqrt(max(c.cov[k, k], 0.0)), c.df[k]
    if not se > 0 or not np.isfinite(df):
        return None
    q = scipy_stats.t.ppf(1 - (1 - level) / 2, df)
    return b[k] - q * se, b[k] + q * se


def _median_draws(values: np.ndarray, replicates: int, rng: np.random.Generator) -> np.ndarray:
    return np.median(values[rng.integers(0, values.size, size=(replicates, values.size))], axis=1)


def power_ratio(clean: pd.DataFrame, n: int, change: float, simulations: int, rng: np.random.Generator,
                replicates: int, level: float = LEVEL) -> dict:
    demand, imposed = clean["demand_months"].astype(float), clean["imposed_months"].astype(float)
    ratio = (imposed / demand).where(demand > 0).to_numpy()
    known = ~np.isnan(ratio)
    if known.sum() < 2 or not np.median(ratio[known]) > 0:
        return {"baseline": np.nan, "alternative": np.nan, "detected": 0, "not_estimable": simulations}
    m0 = float(np.median(ratio[known]))
    factor = (m0 + change) / m0
    case_codes = pd.factorize(clean["case_id"], sort=True)[0]
    alpha = (1 - level) / 2
    detected = not_estimable = 0
    n0 = len(clean)
    for _ in range(simulations):
        base_rows, _ = draw_rows(case_codes, n0, rng)
        new_rows, _ = draw_rows(case_codes, n, rng)
        base = ratio[base_rows][known[base_rows]]
        new = ratio[new_rows][known[new_rows]] * factor
        if base.size < 2 or new.size < 2:
            not_estimable += 1
            continue
        diff = _median_draws(new, replicates, rng) - _median_draws(base, replicates, rng)
        low, high = np.quantile(diff, [alpha, 1 - alpha])
        detected += int(low > 0 or high < 0)
    return {"baseline": m0, "alternative": m0 + change, "detected": detected, "not_estimable": not_estimable}


def design_point(clean: pd.DataFrame, effect: str, n: int, size: float, simulations: int, seed: int,
                 replicates: int = 499, level: float = LEVEL) -> pd.DataFrame:
    """One row: effect, n, simulations, power with its Monte Carlo s.e., share not estimable."""
    if effect not in EFFECTS:
        raise ValueError(f"onbekend effect {effect!r}; kies uit {', '.join(EFFECTS)}")
    rng = point_seed(seed, effect, n)
    if effect == "vrijspraak":
        out = power_acquittal(clean, n, size, simulations, rng, level)
    elif effect == "minderjarig":
        out = power_minor(clean, n, size, simulations, rng, level)
    else:
        out = power_ratio(clean, n, size, simulations, rng, replicates, level)
    # a design point where no simulated study could be analysed has no power (NaN, "niet te schatten")
    power = out["detected"] / simulations if out["not_estimable"] < simulations else np.nan
    return pd.DataFrame([{
        "effect": effect, "effect_label": effect_label(effect, size), "effect_size": size, "n": n,
        "simulations": simulations, "power": power,
        "mc_se": math.sqrt(power * (1 - power) / simulations) if np.isfinite(power) else np.nan,
        "not_estimable": out["not_estimable"] / simulations, "baseline": out["baseline"],
        "alternative": out["alternative"], "seed": seed, "level": level,
    }])


def gather(points: list[pd.DataFrame], made: str) -> pd.DataFrame:
    """The design points as one table in a fixed order (effect as in EFFECTS, then n), whatever the job order;
    `made`: the build date (the letter cites it)."""
    table = pd.concat(points, ignore_index=True).assign(gemaakt=made)
    table["_order"] = table["effect"].map(EFFECT_CODES)
    return table.sort_values(["_order", "n"], kind="stable").drop(columns="_order").reset_index(drop=True)


def smallest_size(table: pd.DataFrame, target: float = TARGET_POWER) -> dict[str, int | None]:
    """Per effect the smallest planned n whose power reaches `target` (None: none of the sizes does)."""
    out = {}
    for effect, rows in table.groupby("effect", sort=False):
        enough = rows[rows["power"] >= target]
        out[effect] = int(enough["n"].min()) if len(enough) else None
    return out


def appendix_table(table: pd.DataFrame) -> pd.DataFrame:
    """Dutch table for the appendix: one row per effect, one column per planned size, the power in whole
    percents (as text, so that the table shows exactly these numbers), and the smallest size reaching 80%."""
    smallest = smallest_size(table)
    rows = []
    for effect, part in table.groupby("effect", sort=False):
        row = {"Effect": str(part["effect_label"].iloc[0])}
        for item in part.itertuples():
            row[f"n = {item.n}"] = f"{100 * item.power:.0f}%" if np.isfinite(item.power) else "niet te schatten"
        need = smallest[effect]
        row[f"{TARGET_POWER:.0%} bij"] = f"n = {need}" if need is not None else f"> {int(part['n'].max())}"
        rows.append(row)
    return pd.DataFrame(rows)


def design_facts(table: pd.DataFrame) -> dict:
    """What the letter says about the design study: simulations, largest MC s.e., the build date, the baselines."""
    return {"simulations": int(table["simulations"].iloc[0]), "max_mc_se": float(table["mc_se"].max()),
            "made": str(table["gemaakt"].iloc[0]), "seed": int(table["seed"].iloc[0]),
            "smallest": smallest_size(table),
            "baseline": {e: float(part["baseline"].iloc[0]) for e, part in table.groupby("effect", sort=False)}}


def power_figure(table: pd.DataFrame, synthetic: bool, target: float = TARGET_POWER):
    """Power against the planned number of verdicts, one line per effect (matplotlib figure)."""
    import matplotlib.pyplot as plt

    from mhcases.figures import _mark, setup_style

    setup_style()
    fig, ax = plt.subplots(figsize=(6.5, 3.4))
    for label, rows in table.groupby("effect_label", sort=False):
        ax.errorbar(rows["n"], rows["power"] * 100, yerr=1.96 * rows["mc_se"] * 100, marker="o", capsize=3,
                    label=label)
    ax.axhline(target * 100, color="#7f7f7f", linestyle="--", linewidth=1)
    ax.text(table["n"].min(), target * 100 + 1.5, f"{target:.0%} onderscheidend vermogen",
            ha="left", va="bottom", fontsize=8, color="#555555")
    ax.set_xscale("log")
    ax.set_xticks(sorted(table["n"].unique()))
    ax.set_xticklabels([str(v) for v in sorted(table["n"].unique())])
    ax.minorticks_off()
    ax.set_ylim(0, 105)
    ax.set_xlabel("aantal uitspraken (verdachten) in het vervolgonderzoek")
    ax.set_ylabel("onderscheidend vermogen (%)")
    ax.legend(loc="lower right", frameon=True)
    _mark(fig, synthetic)
    return fig


def read_table(path) -> pd.DataFrame | None:
    """The last design result (results/ontwerp/ontwerp.csv), or None when the study has not been run."""
    from pathlib import Path

    path = Path(path) if path is not None else None
    return pd.read_csv(path) if path is not None and path.is_file() else None


def _pct(value: float) -> str:
    return f"{100 * value:.0f}%"


def _dec(value: float, decimals: int = 2) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")


def design_paragraph(table: pd.DataFrame | None, path: str, level: float = LEVEL) -> str:
    """The appendix text of the design study (Dutch), or what to do when it has not been run."""
    if table is None:
        return (f"De ontwerpstudie is bij deze build niet gedraaid: zij duurt langer dan de rest van de build en "
                f"heeft een eigen doel. `snakemake ontwerp` maakt haar (`{path}`); daarna neemt de brief de "
                "tabel en de figuur hier over.")
    facts = design_facts(table)
    sizes = sorted(int(n) for n in table["n"].unique())
    sentences = [
        f"Per gepland aantal uitspraken ({', '.join(str(n) for n in sizes)} verdachten) zijn "
        f"{facts['simulations']} vervolgonderzoeken gesimuleerd uit het geschatte model van deze gegevens "
        f"(bijlage, M12); het onderscheidend vermogen is het aandeel waarin het {level:.0%}-interval «geen "
        "effect» uitsluit, met dezelfde schatters als in deze brief."]
    for effect, part in table.groupby("effect", sort=False):
        label = str(part["effect_label"].iloc[0])
        if not np.isfinite(part["power"].to_numpy(float)).any():
            sentences.append(f"Een effect «{label}» is met deze gegevens niet te simuleren (het model of de maat "
                             "is op de huidige gegevens niet te schatten).")
            continue
        need = facts["smallest"][effect]
        last = float(part["power"].iloc[-1])
        reach = (f"is vanaf {need} uitspraken met {TARGET_POWER:.0%} kans aan te tonen" if need is not None else
                 f"haalt bij geen van deze aantallen {TARGET_POWER:.0%}"
                 + (f" (bij {sizes[-1]}: {_pct(last)})" if np.isfinite(last) else ""))
        if effect == "vrijspraak":
            extra = (f" (van {_pct(facts['baseline'][effect])} nu; het vergelijkingsonderzoek blijft even groot, "
                     "dus meer uitspraken coderen helpt maar tot een grens)")
        elif effect == "ratio":
            extra = f" (nu {_dec(facts['baseline'][effect])})"
        else:
            extra = " (model 1)"
        sentences.append(f"Een effect «{label}»{extra} {reach}.")
    sentences.append(
        f"De Monte-Carlo-standaardfout is hoogstens {_dec(100 * np.nan_to_num(facts['max_mc_se']), 1)} procentpunt. "
        "Resultaat: "
        f"`{path}`, gemaakt op {facts['made']} (seed {facts['seed']}).")
    return " ".join(sentences)
