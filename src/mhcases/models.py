"""Regression models of demand, acquittal and imposed sentence (statsmodels formula API, case-clustered SEs).

Every function returns tidy tables: model, spec, term, estimate, std_error, ci_low, ci_high, p, n, n_clusters.
Choices (log scale, zeros, clustering, measures) are argued in docs/methods.md.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from scipy import special as scipy_special
from scipy import stats as scipy_stats

from mhcases.stats import bootstrap_draws

COVARIATES = ("minor", "disabled", "log_victims", "log_period", "form_labour", "form_criminal", "form_services",
              "co_charged")
RHS = " + ".join(COVARIATES)
FOCUS = ("minor", "disabled")
TERM_LABELS = {
    "Intercept": "constante", "minor": "minderjarig slachtoffer", "disabled": "verstandelijk beperkt slachtoffer",
    "log_victims": "log aantal slachtoffers", "log_period": "log(1 + uitbuitingsduur mnd)",
    "form_labour": "arbeidsuitbuiting", "form_criminal": "criminele uitbuiting",
    "form_services": "gedwongen dienstverlening", "co_charged": "andere feiten ten laste gelegd",
    "log_demand": "log strafeis (mnd)", "partial": "partiële vrijspraak",
}
MODEL_LABELS = {
    "1_eis": "1. Strafeis (log maanden, OLS)",
    "2_vrijspraak": "2. Vrijspraak mensenhandel (logit)",
    "3_opgelegd": "3. Opgelegd bij bewezenverklaring (log maanden, OLS)",
    "4a_tweedelig_kans": "4a. Tweedelig: kans op onvoorwaardelijke straf (logit)",
    "4b_tweedelig_duur": "4b. Tweedelig: duur als > 0 (log maanden, OLS)",
    "5_mediaan": "5. Opgelegd bij bewezenverklaring, mediaanregressie",
}


def model_frame(clean: pd.DataFrame) -> pd.DataFrame:
    """Analysis variables, one row per defendant; a covariate that is unknown makes the row missing (NaN)."""
    frame = pd.DataFrame({
        "case_id": clean["case_id"], "court": clean["court"],
        "minor": clean["victim_minor"].astype("Float64").astype(float),
        "disabled": clean["victim_disabled"].astype("Float64").astype(float),
        "log_victims": np.log(clean["victims_charged"].astype(float)),
        "log_period": np.log1p(clean["period_charged_months"].astype(float)),
        "form_labour": clean["form_labour"].astype(float),
        "form_criminal": clean["form_criminal"].astype(float),
        "form_services": clean["form_services"].astype(float),
        "co_charged": (clean["n_co_offences"] > 0).astype(float),
        "demand": clean["demand_months"], "imposed": clean["imposed_months"],
        "acquitted": clean["acquitted"].astype(float), "partial": clean["partially_acquitted"].astype(float),
        "proven": clean["proven"],
        "measure": (clean[["demand_tbs", "demand_pij", "sentence_tbs", "sentence_pij"]].any(axis=1)),
    })
    frame["log_demand"] = np.log(frame["demand"].where(frame["demand"] > 0))
    frame["log_imposed"] = np.log(frame["imposed"].where(frame["imposed"] > 0))
    frame["any_imposed"] = (frame["imposed"] > 0).astype(float).where(frame["imposed"].notna())
    return frame


def samples(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The estimation sample of each model (complete cases on its variables)."""
    covs = list(COVARIATES)
    return {
        "1_eis": frame.dropna(subset=["log_demand", *covs]),
        "2_vrijspraak": frame.dropna(subset=["acquitted", "log_demand", *covs]),
        "3_opgelegd": frame[frame["proven"]].dropna(subset=["log_imposed", "log_demand", *covs]),
        "4a_tweedelig_kans": frame.dropna(subset=["any_imposed", "log_demand", *covs]),
        "4b_tweedelig_duur": frame.dropna(subset=["log_imposed", "log_demand", *covs]),
        "5_mediaan": frame[frame["proven"]].dropna(subset=["log_imposed", "log_demand", *covs]),
    }


FORMULAS = {
    "1_eis": f"log_demand ~ {RHS}",
    "2_vrijspraak": f"acquitted ~ log_demand + {RHS}",
    "3_opgelegd": f"log_imposed ~ log_demand + partial + {RHS}",
    "4a_tweedelig_kans": f"any_imposed ~ log_demand + {RHS}",
    "4b_tweedelig_duur": f"log_imposed ~ log_demand + partial + {RHS}",
    "5_mediaan": f"log_imposed ~ log_demand + partial + {RHS}",
}
LOGIT = {"2_vrijspraak", "4a_tweedelig_kans"}


def _usable(formula: str, data: pd.DataFrame, logit: bool = False) -> str:
    """Drop covariates without variation in this sample (a form nobody has) and, in a logit, binary covariates
    that separate the outcome (no finite estimate exists); the formula that was fitted is reported."""
    lhs, rhs = formula.split(" ~ ")
    terms = [t for t in rhs.split(" + ") if data[t].nunique() > 1]
    if logit:
        outcome = data[lhs].to_numpy(float)
        terms = [t for t in terms if not _separates(outcome, data[t].to_numpy(float))]
    return f"{lhs} ~ {' + '.join(terms)}"


def fit(model: str, data: pd.DataFrame, formula: str | None = None):
    """Fit one model with standard errors clustered by case (the quantile model: kernel SEs, see methods)."""
    formula = _usable(formula or FORMULAS[model], data, logit=model in LOGIT)
    groups = pd.factorize(data["case_id"])[0]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if model in LOGIT:
            return smf.logit(formula, data).fit(disp=0, cov_type="cluster", cov_kwds={"groups": groups}), formula
        if model == "5_mediaan":
            return smf.quantreg(formula, data).fit(q=0.5, max_iter=5000), formula
        return smf.ols(formula, data).fit(cov_type="cluster", cov_kwds={"groups": groups}), formula


def tidy(result, model: str, spec: str, formula: str, data: pd.DataFrame, level: float) -> pd.DataFrame:
    ci = result.conf_int(alpha=1 - level)
    table = pd.DataFrame({
        "model": model, "spec": spec, "term": result.params.index,
        "estimate": result.params.to_numpy(), "std_error": result.bse.to_numpy(),
        "ci_low": ci.iloc[:, 0].to_numpy(), "ci_high": ci.iloc[:, 1].to_numpy(), "p": result.pvalues.to_numpy(),
        "n": int(result.nobs), "n_clusters": data["case_id"].nunique(), "formula": formula,
    })
    table["term_label"] = table["term"].map(TERM_LABELS).fillna(table["term"])
    scale = "odds ratio" if model in LOGIT else "factor (exp)"
    table["exp_estimate"] = np.exp(table["estimate"])
    table["exp_ci_low"] = np.exp(table["ci_low"])
    table["exp_ci_high"] = np.exp(table["ci_high"])
    table["exp_scale"] = scale
    return table


def fit_all(clean: pd.DataFrame, level: float) -> tuple[pd.DataFrame, dict]:
    """Models 1–5 on the clean table: tidy coefficients and the fitted results (for effects and power)."""
    frame = model_frame(clean)
    fitted = {}
    tables = []
    for model, data in samples(frame).items():
        result, formula = fit(model, data)
        fitted[model] = (result, data, formula)
        tables.append(tidy(result, model, "hoofdanalyse", formula, data, level))
    return pd.concat(tables, ignore_index=True), fitted


def effects(fitted: dict, level: float) -> pd.DataFrame:
    """Minor and disabled victims: percent change (log models), odds ratio (logits), months at typical values."""
    rows = []
    for model, (result, data, _) in fitted.items():
        ci = result.conf_int(alpha=1 - level)
        outcome = "demand" if model == "1_eis" else "imposed"
        typical = float(np.exp(np.median(data["log_demand" if model == "1_eis" else "log_imposed"])))
        for term in FOCUS:
            row = {"model": model, "model_label": MODEL_LABELS[model], "term": term, "term_label": TERM_LABELS[term],
                   "n": int(result.nobs), "n_with": int(data[term].sum()), "note": ""}
            if term not in result.params.index:
                row["note"] = "niet schatbaar: geen variatie of volledige scheiding in de uitkomst"
                rows.append(row)
                continue
            b, lo, hi = result.params[term], ci.loc[term, 0], ci.loc[term, 1]
            row["p"] = float(result.pvalues[term])
            if model in LOGIT:
                row.update(scale="odds ratio", estimate=np.exp(b), ci_low=np.exp(lo), ci_high=np.exp(hi))
            else:
                row.update(scale="% verandering", estimate=100 * np.expm1(b), ci_low=100 * np.expm1(lo),
                           ci_high=100 * np.expm1(hi), typical_months=typical,
                           months=typical * np.expm1(b), months_low=typical * np.expm1(lo),
                           months_high=typical * np.expm1(hi), typical_of=outcome)
            rows.append(row)
    return pd.DataFrame(rows)


def _varies(values: np.ndarray) -> bool:
    return values.size > 0 and values.min() != values.max()


def _separates(outcome: np.ndarray, covariate: np.ndarray) -> bool:
    """A 0/1 covariate whose group with value 1 or 0 has only one outcome (its logit estimate diverges)."""
    if not np.isin(covariate, (0.0, 1.0)).all():
        return False
    return any(_varies(covariate == v) and not _varies(outcome[covariate == v]) for v in (0.0, 1.0))


def logit_newton(x: np.ndarray, y: np.ndarray, start: np.ndarray | None = None, tol: float = 1e-8,
                 max_iter: int = 50) -> np.ndarray | None:
    """Maximum-likelihood logit coefficients by Newton–Raphson (the same estimate as statsmodels' Logit);
    None when it does not converge. Lean on purpose: it runs once per bootstrap replicate."""
    beta = np.zeros(x.shape[1]) if start is None else start.copy()
    for _ in range(max_iter):
        p = _expit(x @ beta)
        root = x * np.sqrt(p * (1 - p))[:, None]
        hessian = root.T @ root
        try:
            step = np.linalg.solve(hessian, x.T @ (y - p))
        except np.linalg.LinAlgError:
            return None
        beta += step
        if np.max(np.abs(step)) < tol:
            return beta
    return None


def _two_part_statistic(cols, start: dict | None = None) -> pd.Series:
    """Average effect (months) of each focus term on P(Y > 0) · E[Y | Y > 0], on numpy columns."""
    y1 = np.asarray(cols["any_imposed"], float)
    positive = y1 > 0
    values = {n: np.asarray(cols[n], float) for n in ["log_demand", "partial", *COVARIATES]}
    keep1 = [n for n in ["log_demand", *COVARIATES] if _varies(values[n]) and not _separates(y1, values[n])]
    keep2 = [n for n in ["log_demand", "partial", *COVARIATES] if _varies(values[n][positive])]
    x1 = np.column_stack([np.ones(len(y1))] + [values[n] for n in keep1])
    x2 = np.column_stack([np.ones(len(y1))] + [values[n] for n in keep2])
    y2 = np.asarray(cols["log_imposed"], float)[positive]
    b1 = logit_newton(x1, y1, (start or {}).get(tuple(keep1)))
    if b1 is None:  # no convergence in this resample: drop the replicate
        return pd.Series({t: np.nan for t in FOCUS})
    if start is not None:
        start[tuple(keep1)] = b1
    x2p = x2[positive]
    try:
        b2 = np.linalg.solve(x2p.T @ x2p, x2p.T @ y2)
    except np.linalg.LinAlgError:  # collinear dummies in this resample: drop the replicate
        return pd.Series({t: np.nan for t in FOCUS})
    smear = float(np.mean(np.exp(y2 - x2p @ b2)))
    eta1, eta2 = x1 @ b1, x2 @ b2
    out = {}
    for term in FOCUS:
        if term not in keep1 or term not in keep2:
            out[term] = np.nan
            continue
        c1, c2 = b1[1 + keep1.index(term)], b2[1 + keep2.index(term)]
        expected = [np.mean(_expit(eta1 + (v - values[term]) * c1) * np.exp(eta2 + (v - values[term]) * c2)) * smear
                    for v in (1.0, 0.0)]
        out[term] = expected[0] - expected[1]
    return pd.Series(out)


def _expit(x: np.ndarray) -> np.ndarray:
    return scipy_special.expit(x)


def two_part_effect(clean: pd.DataFrame, replicates: int, seed: int, level: float) -> pd.DataFrame:
    """Average effect of a minor / disabled victim on expected imposed months, zeros included (model 4a × 4b).

    E[Y|x] = P(Y > 0 | x) · exp(x'b) · smearing factor (Duan); the effect is the sample average of
    E[Y | term = 1] − E[Y | term = 0]. Interval from the case bootstrap; a focus term that does not vary or
    separates the outcome in a resample makes that replicate undefined for the term (dropped, counted).
    """
    data = samples(model_frame(clean))["4a_tweedelig_kans"]
    start: dict = {}  # full-sample logit estimates warm-start every replicate's Newton iterations
    estimate = _two_part_statistic(data, start)
    needed = ["any_imposed", "log_imposed", "log_demand", "partial", *COVARIATES]
    draws = bootstrap_draws(data, lambda d: _two_part_statistic(d, dict(start)), estimate.index, replicates, seed,
                            arrays=True, columns=needed)
    alpha = (1 - level) / 2
    rows = []
    for j, term in enumerate(estimate.index):
        valid = draws[:, j][~np.isnan(draws[:, j])]
        defined = not np.isnan(estimate[term])
        low, high = np.quantile(valid, [alpha, 1 - alpha]) if valid.size and defined else (np.nan, np.nan)
        rows.append({"model": "4_tweedelig", "term": term, "term_label": TERM_LABELS[term],
                     "scale": "maanden (gemiddeld effect op verwachte opgelegde straf, nullen meegeteld)",
                     "estimate": estimate[term], "ci_low": low, "ci_high": high, "n": len(data),
                     "n_clusters": data["case_id"].nunique(), "replicates": int(valid.size),
                     "note": "" if defined else "niet schatbaar: geen variatie of volledige scheiding in deel 1"})
    return pd.DataFrame(rows)


def power(fitted: dict, level: float, target_power: float = 0.8) -> pd.DataFrame:
    """Minimum detectable effect (two-sided test at 1 − level, given power) from each model's standard error."""
    z = scipy_stats.norm.ppf(1 - (1 - level) / 2) + scipy_stats.norm.ppf(target_power)
    rows = []
    for model, (result, data, _) in fitted.items():
        for term in FOCUS:
            if term not in result.params.index:
                continue
            mde = z * float(result.bse[term])
            rows.append({"model": model, "model_label": MODEL_LABELS[model], "term": term,
                         "term_label": TERM_LABELS[term], "n": int(result.nobs), "n_with": int(data[term].sum()),
                         "std_error": float(result.bse[term]), "mde_log": mde,
                         "mde": float(np.exp(mde)) if model in LOGIT else float(100 * np.expm1(mde)),
                         "mde_scale": "odds ratio" if model in LOGIT else "% verandering", "power": target_power})
    return pd.DataFrame(rows)


def sensitivity(clean: pd.DataFrame, level: float) -> pd.DataFrame:
    """Model 3's minor and disabled terms under alternative choices (docs/methods.md)."""
    frame = model_frame(clean)
    base = samples(frame)["3_opgelegd"]
    variants: list[tuple[str, pd.DataFrame]] = [
        ("hoofdanalyse", base),
        ("zonder tbs/PIJ (geëist of opgelegd)", base[~base["measure"]]),
        ("zonder partiële vrijspraken", base[base["partial"] == 0]),
        ("medeverdachten samengevoegd (gemiddelde per zaak)", _collapse(base)),
    ]
    for court in sorted(base["court"].unique()):
        variants.append((f"zonder {court}", base[base["court"] != court]))
    tables = []
    for spec, data in variants:
        if len(data) < 20:
            continue
        result, formula = fit("3_opgelegd", data)
        table = tidy(result, "3_opgelegd", spec, formula, data, level)
        tables.append(table[table["term"].isin(FOCUS)])
    return pd.concat(tables, ignore_index=True)


def _collapse(data: pd.DataFrame) -> pd.DataFrame:
    numeric = [c for c in data.columns if c not in ("case_id", "court", "proven", "measure")]
    collapsed = data.groupby("case_id", sort=True)[numeric].mean().reset_index()
    collapsed["court"] = data.groupby("case_id", sort=True)["court"].first().to_numpy()
    collapsed["measure"] = data.groupby("case_id", sort=True)["measure"].any().to_numpy()
    return collapsed
