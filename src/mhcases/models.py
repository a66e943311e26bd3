"""Regression models of demand, acquittal and imposed sentence (statsmodels formula API, case-clustered SEs).

Every function returns tidy tables: model, spec, term, estimate, std_error, ci_low, ci_high, p, n, n_clusters.
Choices (log scale, zeros, clustering, measures) are argued in docs/methods.md.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from scipy import special as scipy_special
from scipy import stats as scipy_stats

from mhcases.inference import cluster as cluster_inference
from mhcases.inference import intervals, resample

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


ESTIMATED = "geschat"
NOT_ESTIMABLE = "niet te schatten"
# "met …": what a binary covariate or outcome means, for reasons such as "2 verdachten met een minderjarig slachtoffer"
TERM_WITH = {
    "minor": "met een minderjarig slachtoffer", "disabled": "met een verstandelijk beperkt slachtoffer",
    "form_labour": "met arbeidsuitbuiting", "form_criminal": "met criminele uitbuiting",
    "form_services": "met gedwongen dienstverlening", "co_charged": "met andere tenlastegelegde feiten",
    "partial": "met een partiële vrijspraak", "acquitted": "met een vrijspraak van mensenhandel",
    "any_imposed": "met een onvoorwaardelijke vrijheidsstraf",
}
LOGIT_BOUND = 15.0
QUANTREG_MAX_ITER = 5000  # the iteration limit of the median regression in `fit`  # |log-odds| beyond this in a converged logit: quasi-complete separation, no finite estimate


@dataclass(frozen=True)
class Minimum:
    """Minimum sizes below which an analysis is reported as not estimable (config `analysis.minimum`)."""

    model_n: int = 20  # defendants in a model's estimation sample
    model_cases: int = 10  # cases (clusters) in a model's estimation sample
    term_n: int = 5  # defendants with and without a 0/1 characteristic for it to enter a model
    outcome_n: int = 5  # defendants in the smaller outcome class of a logit
    residual_df: int = 5  # defendants minus parameters
    subgroup_n: int = 5  # defendants in a subgroup for it to get an interval
    sensitivity_n: int = 20  # defendants in a sensitivity variant
    bootstrap_cases: int = 10  # cases for a case-bootstrap interval

    @classmethod
    def from_config(cls, values: dict | None) -> Minimum:
        return cls(**{k: int(v) for k, v in (values or {}).items()})


def count_text(n: int, one: str = "verdachte", many: str = "verdachten") -> str:
    """"1 verdachte", "2 verdachten"."""
    return f"{n} {one if n == 1 else many}"


@dataclass
class Fitted:
    """One model fit and its checks. Iterates as (result, data, formula), the shape callers unpack."""

    model: str
    data: pd.DataFrame
    formula: str
    result: Any = None  # the statsmodels result; None when not estimable
    status: str = ESTIMATED
    reason: str = ""  # why it is not estimable (Dutch, with the counts)
    dropped: dict[str, str] = field(default_factory=dict)  # term -> why it was left out (Dutch)
    warnings: list[str] = field(default_factory=list)  # what the fit warned about (shown in the log)

    def __iter__(self):
        return iter((self.result, self.data, self.formula))

    @property
    def estimated(self) -> bool:
        return self.status == ESTIMATED

    def term_reason(self, term: str) -> str:
        """Why `term` has no estimate in this model ("" when it has one)."""
        if not self.estimated:
            return self.reason
        return self.dropped.get(term, "" if term in self.result.params.index else "niet in het model")


def _design_terms(lhs: str, terms: list[str], data: pd.DataFrame, logit: bool, minimum: Minimum
                  ) -> tuple[list[str], dict[str, str]]:
    """The covariates that can enter the model, and why the others cannot (no variation, too few with or
    without the characteristic, separation of a logit's outcome, linear dependence on earlier covariates)."""
    n = len(data)
    outcome = data[lhs].to_numpy(float)
    kept: list[str] = []
    dropped: dict[str, str] = {}
    for term in terms:
        values = data[term].to_numpy(float)
        binary = bool(np.isin(values, (0.0, 1.0)).all())
        label = TERM_WITH.get(term, TERM_LABELS.get(term, term))
        if not _varies(values):
            what = f"alle {count_text(n)} {label}" if binary and values.size and values[0] == 1 else (
                f"geen verdachten {label}" if binary else f"geen spreiding in {label}")
            dropped[term] = f"geen variatie: {what}"
            continue
        if binary:
            with_, without = int(values.sum()), int(n - values.sum())
            if min(with_, without) < minimum.term_n:
                few = f"{count_text(with_)} {label}" if with_ < minimum.term_n else (
                    f"{count_text(without)} zonder ({label.replace('met ', '', 1)})")
                dropped[term] = f"{few}; minimaal {minimum.term_n} met en {minimum.term_n} zonder nodig"
                continue
        if logit and _separates(outcome, values):
            dropped[term] = f"volledige scheiding: {_separation_text(lhs, term, outcome, values)}"
            continue
        kept.append(term)
    # linear dependence: keep a covariate only if it adds to the rank of the design so far. When the whole design
    # has full rank, so has every part of it (a part's smallest singular value is not below the whole's, and its
    # rank tolerance not above): one check instead of one per covariate
    columns = [np.ones(n)]
    whole = np.column_stack([*columns, *(data[term].to_numpy(float) for term in kept)])
    if np.linalg.matrix_rank(whole) == whole.shape[1]:
        return list(kept), dropped
    independent = []
    for term in kept:
        trial = np.column_stack([*columns, data[term].to_numpy(float)])
        if np.linalg.matrix_rank(trial) == trial.shape[1]:
            columns.append(data[term].to_numpy(float))
            independent.append(term)
        else:
            dropped[term] = "lineair afhankelijk van de andere covariaten in deze gegevens"
    return independent, dropped


OUTCOME_VERBS = {  # (singular, plural) of what every defendant in a group had, per logit outcome and value
    ("acquitted", 1.0): ("werd vrijgesproken van mensenhandel", "werden vrijgesproken van mensenhandel"),
    ("acquitted", 0.0): ("werd niet vrijgesproken van mensenhandel", "werden niet vrijgesproken van mensenhandel"),
    ("any_imposed", 1.0): ("kreeg een onvoorwaardelijke vrijheidsstraf", "kregen een onvoorwaardelijke vrijheidsstraf"),
    ("any_imposed", 0.0): ("kreeg geen onvoorwaardelijke vrijheidsstraf", "kregen geen onvoorwaardelijke vrijheidsstraf"),
}


def _separation_text(lhs: str, term: str, outcome: np.ndarray, values: np.ndarray) -> str:
    """"alle 15 verdachten met een verstandelijk beperkt slachtoffer kregen een onvoorwaardelijke vrijheidsstraf"."""
    label = TERM_WITH.get(term, TERM_LABELS.get(term, term))
    for v in (1.0, 0.0):
        group = outcome[values == v]
        if group.size and not _varies(group):
            who = label if v == 1.0 else f"zonder ({label.replace('met ', '', 1)})"
            one, many = OUTCOME_VERBS.get((lhs, float(group[0])), ("had dezelfde uitkomst", "hadden dezelfde uitkomst"))
            if group.size == 1:
                return f"de enige verdachte {who} {one}"
            return f"alle {count_text(int(group.size))} {who} {many}"
    return "een groep heeft maar één uitkomst"


def fit_checked(model: str, data: pd.DataFrame, minimum: Minimum | None = None, formula: str | None = None
                ) -> Fitted:
    """Fit one model after checking that the data can carry it; otherwise say why not (Fitted.reason).

    Checked, in order: defendants and cases in the sample, both outcome classes of a logit, each covariate
    (variation, defendants with and without, separation, linear dependence), residual degrees of freedom and
    clusters per parameter; after the fit: convergence, finite estimates and positive standard errors. Warnings
    of the fit are recorded (and logged by the script), never switched off.
    """
    minimum = minimum or Minimum()
    formula = formula or FORMULAS[model]
    logit = model in LOGIT
    lhs, rhs = formula.split(" ~ ")
    n, clusters = len(data), int(data["case_id"].nunique())
    fitted = Fitted(model, data, formula)

    def fail(reason: str) -> Fitted:
        fitted.status, fitted.reason, fitted.result = NOT_ESTIMABLE, reason, None
        return fitted

    if n < minimum.model_n:
        return fail(f"{count_text(n)} in het model; minimaal {minimum.model_n} nodig")
    if clusters < minimum.model_cases:
        return fail(f"{count_text(clusters, 'zaak', 'zaken')} in het model; minimaal {minimum.model_cases} nodig")
    if logit:
        events = int(data[lhs].sum())
        if min(events, n - events) < minimum.outcome_n:
            return fail(f"{count_text(events)} {TERM_WITH.get(lhs, lhs)} en {n - events} zonder"
                        f"; minimaal {minimum.outcome_n} van elk nodig")
    terms, fitted.dropped = _design_terms(lhs, rhs.split(" + "), data, logit, minimum)
    fitted.formula = f"{lhs} ~ {' + '.join(terms) if terms else '1'}"
    parameters = len(terms) + 1
    if n - parameters < minimum.residual_df:
        return fail(f"{count_text(n)} voor {parameters} parameters: {n - parameters} vrijheidsgraden over"
                    f"; minimaal {minimum.residual_df} nodig")
    if model != "5_mediaan" and clusters <= parameters:
        return fail(f"{count_text(clusters, 'zaak', 'zaken')} voor {parameters} parameters; per zaak geclusterde "
                    "standaardfouten vragen meer zaken dan parameters")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result, _ = fit(model, data, fitted.formula)
        except (np.linalg.LinAlgError, ValueError, ZeroDivisionError) as error:
            fitted.warnings.append(f"{type(error).__name__}: {error}")
            return fail(f"de schatting brak af ({type(error).__name__})")
    fitted.warnings += [f"{w.category.__name__}: {w.message}" for w in caught]
    raw = getattr(result, "fitted", result)  # the statsmodels result behind an inference wrapper
    converged = bool((getattr(raw, "mle_retvals", None) or {}).get("converged", True))
    if model == "5_mediaan":
        converged = int(getattr(raw, "iterations", 0)) < QUANTREG_MAX_ITER
    if not converged:
        return fail("het schattingsalgoritme convergeerde niet")
    params, bse = result.params.to_numpy(float), result.bse.to_numpy(float)
    if not (np.isfinite(params).all() and np.isfinite(bse).all()):
        return fail("geen eindige schatting of standaardfout")
    if (bse <= 0).any():
        return fail("standaardfout nul: de gegevens liggen exact op het model")
    if logit and (np.abs(params) > LOGIT_BOUND).any():
        return fail("quasi-volledige scheiding: een log-odds boven " f"{LOGIT_BOUND:g} in absolute waarde")
    fitted.result = result
    return fitted


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
    """Fit one model; inference clustered by case with a small-sample correction (mhcases.inference.cluster:
    OLS CR2 with Bell–McCaffrey degrees of freedom; logits CR2 with normal quantiles; the median regression a
    cluster-robust sandwich with Bell–McCaffrey degrees of freedom; docs/methods.md M13). The plain
    statsmodels result (CR1 cluster SEs; kernel SEs for the median regression) stays available as `.fitted`."""
    formula = _usable(formula or FORMULAS[model], data, logit=model in LOGIT)
    groups = pd.factorize(data["case_id"])[0]
    with warnings.catch_warnings():
        warnings.simplefilter("default")  # shown, and recorded and checked by fit_checked: never switched off
        if model in LOGIT:
            raw = smf.logit(formula, data).fit(disp=0, cov_type="cluster", cov_kwds={"groups": groups})
            return cluster_inference.logit_cr2(raw, groups, reference=cluster_inference.LOGIT_REFERENCE), formula
        if model == "5_mediaan":
            raw = smf.quantreg(formula, data).fit(q=0.5, max_iter=5000)
            reference = cluster_inference.QUANTILE_REFERENCE
            return cluster_inference.quantreg_cluster(raw, groups, reference=reference), formula
        raw = smf.ols(formula, data).fit(cov_type="cluster", cov_kwds={"groups": groups})
        return cluster_inference.ols_cr2(raw, groups), formula


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
    table["status"] = ESTIMATED
    table["reason"] = ""
    return table


def status_rows(fitted: Fitted, spec: str) -> pd.DataFrame:
    """Rows of the coefficient table for what has no estimate: the whole model (term "") or each term left out."""
    if fitted.estimated:
        items = [(term, reason) for term, reason in fitted.dropped.items()]
    else:
        items = [("", fitted.reason)]
    return pd.DataFrame({
        "model": fitted.model, "spec": spec, "term": [t for t, _ in items],
        "n": len(fitted.data), "n_clusters": fitted.data["case_id"].nunique(), "formula": fitted.formula,
        "term_label": [TERM_LABELS.get(t, t) if t else "(hele model)" for t, _ in items],
        "exp_scale": "odds ratio" if fitted.model in LOGIT else "factor (exp)",
        "status": NOT_ESTIMABLE, "reason": [r for _, r in items],
    })


def model_table(fitted: Fitted, spec: str, level: float) -> pd.DataFrame:
    """Every coefficient of one fit with status "geschat", plus a "niet te schatten" row per term left out (or
    one for the whole model), each with its reason."""
    parts = [tidy(fitted.result, fitted.model, spec, fitted.formula, fitted.data, level)] if fitted.estimated else []
    rows = status_rows(fitted, spec)
    if len(rows):
        parts.append(rows)
    return pd.concat(parts, ignore_index=True)


def fit_all(clean: pd.DataFrame, level: float, minimum: Minimum | None = None) -> tuple[pd.DataFrame, dict]:
    """Models 1–5 on the clean table: tidy coefficients with a status column, and the fits (for effects and
    power). A model or term the data cannot carry has a "niet te schatten" row with its reason."""
    frame = model_frame(clean)
    fitted = {}
    tables = []
    for model, data in samples(frame).items():
        fitted[model] = fit_checked(model, data, minimum)
        tables.append(model_table(fitted[model], "hoofdanalyse", level))
    return pd.concat(tables, ignore_index=True), fitted


def effects(fitted: dict, level: float) -> pd.DataFrame:
    """Minor and disabled victims: percent change (log models), odds ratio (logits), months at typical values."""
    rows = []
    for model, fit_ in fitted.items():
        result, data, _ = fit_
        outcome = "demand" if model == "1_eis" else "imposed"
        column = data["log_demand" if model == "1_eis" else "log_imposed"]
        typical = float(np.exp(np.median(column))) if len(column) else np.nan
        for term in FOCUS:
            row = {"model": model, "model_label": MODEL_LABELS[model], "term": term, "term_label": TERM_LABELS[term],
                   "n": int(len(data)), "n_with": int(data[term].sum()), "note": ""}
            reason = fit_.term_reason(term) if isinstance(fit_, Fitted) else (
                "" if term in result.params.index else "geen variatie of volledige scheiding in de uitkomst")
            if reason:
                row["note"] = f"{NOT_ESTIMABLE}: {reason}"
                rows.append(row)
                continue
            ci = result.conf_int(alpha=1 - level)
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


def two_part_effect(clean: pd.DataFrame, replicates: int, seed: int, level: float, minimum: Minimum | None = None,
                    fitted: dict | None = None) -> pd.DataFrame:
    """Average effect of a minor / disabled victim on expected imposed months, zeros included (model 4a × 4b).

    E[Y|x] = P(Y > 0 | x) · exp(x'b) · smearing factor (Duan); the effect is the sample average of
    E[Y | term = 1] − E[Y | term = 0]. Interval from the case bootstrap; a focus term that does not vary or
    separates the outcome in a resample makes that replicate undefined for the term (dropped, counted).
    With `fitted` (fit_all's fits), a term that model 4a or 4b cannot estimate is not estimable here either,
    with that reason; with fewer than `minimum.bootstrap_cases` cases there is no interval.
    """
    minimum = minimum or Minimum()
    data = samples(model_frame(clean))["4a_tweedelig_kans"]
    reasons = {}
    for term in FOCUS:
        for part, model in (("deel 1", "4a_tweedelig_kans"), ("deel 2", "4b_tweedelig_duur")):
            reason = fitted[model].term_reason(term) if fitted and isinstance(fitted.get(model), Fitted) else ""
            if reason and term not in reasons:
                reasons[term] = f"{part}: {reason}"
    estimable = [t for t in FOCUS if t not in reasons]
    estimate = pd.Series({t: np.nan for t in FOCUS})
    draws = np.full((0, len(FOCUS)), np.nan)
    clusters = int(data["case_id"].nunique())
    if estimable:
        start: dict = {}  # full-sample logit estimates warm-start every replicate's Newton iterations
        estimate = _two_part_statistic(data, start)
        if clusters >= minimum.bootstrap_cases:
            # the same case resamples as bootstrap_draws, fitted in batches (mhcases.inference.resample)
            on_counts, n_clusters = resample.two_part_on_counts(data, list(COVARIATES), list(estimate.index))
            draws = resample.draws(on_counts, n_clusters, replicates, seed)
    rows = []
    for j, term in enumerate(estimate.index):
        valid = draws[:, j][~np.isnan(draws[:, j])]
        if term not in reasons and np.isnan(estimate[term]):
            reasons[term] = "geen variatie of volledige scheiding in deel 1"
        defined = term not in reasons
        # the build's rule for a bootstrapped statistic that is not a share (stats.bootstrap_interval, M13)
        low, high = (float(b[0]) for b in intervals.mid_percentile(valid[:, None], level)) if (
            valid.size and defined) else (np.nan, np.nan)
        note = "" if defined else f"{NOT_ESTIMABLE}: {reasons[term]}"
        if defined and clusters < minimum.bootstrap_cases:
            note = f"geen interval: {count_text(clusters, 'zaak', 'zaken')}; minimaal {minimum.bootstrap_cases} nodig"
        rows.append({"model": "4_tweedelig", "term": term, "term_label": TERM_LABELS[term],
                     "scale": "maanden (gemiddeld effect op verwachte opgelegde straf, nullen meegeteld)",
                     "estimate": estimate[term] if defined else np.nan, "ci_low": low, "ci_high": high,
                     "n": len(data), "n_clusters": clusters, "replicates": int(valid.size), "note": note})
    return pd.DataFrame(rows)


def power(fitted: dict, level: float, target_power: float = 0.8) -> pd.DataFrame:
    """Minimum detectable effect (two-sided test at 1 − level, given power) from each model's standard error."""
    z = scipy_stats.norm.ppf(1 - (1 - level) / 2) + scipy_stats.norm.ppf(target_power)
    rows = []
    for model, (result, data, _) in fitted.items():
        for term in FOCUS:
            if result is None or term not in result.params.index:
                continue
            mde = z * float(result.bse[term])
            rows.append({"model": model, "model_label": MODEL_LABELS[model], "term": term,
                         "term_label": TERM_LABELS[term], "n": int(result.nobs), "n_with": int(data[term].sum()),
                         "std_error": float(result.bse[term]), "mde_log": mde,
                         "mde": float(np.exp(mde)) if model in LOGIT else float(100 * np.expm1(mde)),
                         "mde_scale": "odds ratio" if model in LOGIT else "% verandering", "power": target_power})
    columns = ["model", "model_label", "term", "term_label", "n", "n_with", "std_error", "mde_log", "mde", "mde_scale",
               "power"]
    return pd.DataFrame(rows, columns=columns)


def sensitivity(clean: pd.DataFrame, level: float, minimum: Minimum | None = None) -> pd.DataFrame:
    """Model 3's minor and disabled terms under alternative choices (docs/methods.md); a variant with fewer than
    `minimum.sensitivity_n` defendants, or in which a term cannot be estimated, has a "niet te schatten" row."""
    minimum = minimum or Minimum()
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
        if len(data) < minimum.sensitivity_n:
            fitted = Fitted("3_opgelegd", data, FORMULAS["3_opgelegd"], status=NOT_ESTIMABLE,
                            reason=f"{count_text(len(data))} in deze variant; minimaal {minimum.sensitivity_n} nodig")
        else:
            fitted = fit_checked("3_opgelegd", data, minimum)
        table = model_table(fitted, spec, level)
        if not fitted.estimated:  # one row per focus term, so that every variant shows both
            table = pd.concat([table.assign(term=term, term_label=TERM_LABELS[term]) for term in FOCUS],
                              ignore_index=True)
        tables.append(table[table["term"].isin(FOCUS)])
    return pd.concat(tables, ignore_index=True)


def _collapse(data: pd.DataFrame) -> pd.DataFrame:
    numeric = [c for c in data.columns if c not in ("case_id", "court", "proven", "measure")]
    collapsed = data.groupby("case_id", sort=True)[numeric].mean().reset_index()
    collapsed["court"] = data.groupby("case_id", sort=True)["court"].first().to_numpy()
    collapsed["measure"] = data.groupby("case_id", sort=True)["measure"].any().to_numpy()
    return collapsed
