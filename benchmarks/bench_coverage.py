"""Interval coverage over repeated small cohorts: do the 95% intervals at n = 150 cover the truth?

Usage: nice -n 10 .venv/bin/python benchmarks/bench_coverage.py [--cohorts 1000] [--first 0] [--size 150]
       [--replicates 999] [--population 100000] [--only models|summaries|followup] [--candidates]
       [--truth coverage_truth.csv] [--formula-truth coverage_diagnose_truth.csv]
       [--records results/benchmarks/coverage_records.csv]
       nice -n 10 .venv/bin/python benchmarks/bench_coverage.py [--only followup] --table part1.csv part2.csv
       [--truth ...]
       nice -n 10 .venv/bin/python benchmarks/bench_coverage.py --only diagnose [--models ...] [--first 0]
       [--cohorts 2000] [--records results/benchmarks/coverage_diagnose_0.csv] [--table part1.csv part2.csv]

Every interval the letter reports is checked, with several candidate methods per cohort from the same fit or the
same bootstrap replicates (the method "build" is what the build does, `mhcases.models.fit_checked` and
`mhcases.stats.bootstrap_interval`; "before" in the printed table is the build's method before issue 13 item 2,
`BEFORE`):
- model terms of models 1–5, as the letter shows them (`letter_fits`: `models.fit_checked` with the build's
  minimum sizes; a term it leaves out or a model it cannot estimate has no record): least squares CR1 + normal,
  CR2 / CR3 with Bell–McCaffrey df, CR2 with t(G − 1); logits also CR2 + normal and CR1 + BM df; the median
  regression statsmodels' kernel SEs, the Parente–Santos Silva cluster sandwich with t(G − 1) or BM df, and its
  CR2 (leverage-adjusted) form (`mhcases.inference.cluster`). No bootstrap here, so `--only models` runs 1,000
  cohorts in about 5 minutes;
- the two-part effects (model 4), the demand/imposed summaries (all defendants and per verdict) and the
  decomposition (gaps, parts, shares): case bootstrap; percentile, mid-distribution percentile, both also
  expanded for the number of cases, BCa (jackknife over cases), and for shares of defendants the Wilson interval
  with and without the bootstrap's design effect (`mhcases.inference.intervals`).
The truth of each target is its value in a large population drawn from the same generator (`--population`
defendants); it is written next to the records and can be reused with `--truth`. For a model term it is the
pseudo-true value of the formula the cohort fitted (the same formula fitted on the population; `FormulaTruth`,
kept in `--formula-truth`, default coverage_diagnose_truth.csv, shared with `--only diagnose`). Cohorts are drawn
uncalibrated from `mhcases.synth` (seeds 10,000 + i, i from `--first`), so a run can be split over processes and
the parts printed together with `--table`. Per-cohort records go to `--records` (CSV); the Markdown tables
printed at the end (before/after with MC s.e., widths and the share of cohorts whose estimate equals the truth;
coverage of every candidate) are the ones in benchmarks/README.md. About 1 s per cohort on one core.

`--candidates` adds the benchmark-only candidates of the least-squares terms: CR2 with Bell–McCaffrey df under
Imbens–Kolesár's random-effects working model ("CR2-IK") and the wild cluster restricted bootstrap ("WCR-webb",
"WCR-rademacher"), the latter as a test of the true value (recorded as covering when it does not reject).

`--only diagnose` fits models 1–4 (`--models`, also 5_mediaan) per cohort twice (`letter_fits`), as `models.fit`
("alle", every covariate with variation: what the coverage table measured before it followed the letter; kept for
the diagnosis' tables by the number of defendants with a characteristic) and as the letter does ("brief", the fits
of the coverage table),
and records per term the estimate, the build's SE and df, the interval, the formula and for a 0/1 term the number
of defendants with it; each record's truth is its own formula fitted on the population (`population_fits`). It
prints bias / SD, SE / SD, one-sided misses, coverage by the number of defendants with the characteristic and the
pre-declared flag rule (`flag_evaluation`; benchmarks/README.md, "Diagnosis of the rare term").

`--only followup` measures the follow-up letter's intervals (docs/methods.md M11) on `--cohorts` pairs of cohorts per
design (baseline seeds 20,000 + i, follow-up 30,000 + i, both of `--size`): "nul" (the same generator: every true
difference is 0) and "verschoven" (`SHIFT`: the follow-up's acquittal logit moved up). Targets: the difference of
each letter category's share in Tables 1, 2 and 4 (Newcombe; "newcombe" before, "newcombe-deff" the build, with the
new period's design effect, "newcombe-deff-beide" a candidate) and the period comparison (`mhcases.periods`: per
period and the difference; "percentiel" before, "build"). Truths go to coverage_followup_truth.csv.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from mhcases import compare, decompose, models, periods, published, synth, tables  # noqa: E402
from mhcases.clean import clean_sheet  # noqa: E402
from mhcases import stats  # noqa: E402
from mhcases.inference import cluster, intervals, resample  # noqa: E402
from mhcases.schemas import validate_raw  # noqa: E402
from mhcases.sheet import frame_to_raw  # noqa: E402
from mhcases.stats import Columns, bootstrap_draws  # noqa: E402

LEVEL = 0.95
SUMMARY_GROUPS = ("alle", "bewezen", "partiele vrijspraak", "vrijspraak")
VERDICT_MEASURES = ("mediaan_eis", "mediaan_opgelegd", "mediaan_ratio", "aandeel_lager")
SUMMARY_COLUMNS = ["demand_months", "imposed_months", "ratio"]
DECOMPOSITION_COLUMNS = ["demand_months", "imposed_months", "verdict_trafficking"]
TWO_PART_COLUMNS = ["any_imposed", "log_imposed", "log_demand", "partial", *models.COVARIATES]


def clean_cohort(params: dict, size: int, seed: int) -> pd.DataFrame:
    sheet = synth.generate_cohort(params, size, seed=seed)
    clean, _ = clean_sheet(validate_raw(frame_to_raw(sheet), f"cohort {seed}"))
    return clean


def _decomposition_on_counts(frame: pd.DataFrame):
    names = list(decompose.decompose_gaps(frame).index)
    return resample.decomposition_on_counts(frame, names, decompose.FACTOR_LABELS, decompose.shapley)


def bootstrap_statistics(clean: pd.DataFrame) -> dict[str, tuple]:
    """The bootstrapped statistics the letter reports: name -> (data, statistic on Columns, columns, on_counts
    or None), as the build computes them."""
    data = compare.pairs(clean)
    out = {}
    for group in SUMMARY_GROUPS:
        subset = data if group == "alle" else data[data["verdict_trafficking"] == group]
        out[f"samenvatting {group}"] = (subset, compare.summary_measures, SUMMARY_COLUMNS,
                                        lambda f: resample.summary_on_counts(f, compare.EQUAL_TOLERANCE))
    out["decompositie"] = (decompose.decomposable(clean), decompose.decompose_gaps, DECOMPOSITION_COLUMNS,
                           _decomposition_on_counts)
    two_part = models.samples(models.model_frame(clean))["4a_tweedelig_kans"]
    out["tweedelig"] = (two_part, models._two_part_statistic, TWO_PART_COLUMNS,
                        lambda f: resample.two_part_on_counts(f, list(models.COVARIATES), list(models.FOCUS)))
    return out


def _keep(name: str, measure: str) -> bool:
    group = name.removeprefix("samenvatting ")
    return not name.startswith("samenvatting ") or group == "alle" or measure in VERDICT_MEASURES


def population_truth(params: dict, size: int) -> dict[tuple[str, str], float]:
    """Each target's value in one large cohort (the population). A model term's value here is the full formula's
    (`models.fit_all`): the truth of records without formulas only (runs before the model terms followed the
    letter); a record with its formula uses `FormulaTruth`."""
    clean = clean_cohort(params, size, seed=999)
    truth = {}
    coefficients, _ = models.fit_all(clean, LEVEL)
    for row in coefficients.itertuples():
        truth[(f"model {row.model}", row.term)] = row.estimate
    for name, (data, statistic, columns, _) in bootstrap_statistics(clean).items():
        values = pd.Series(statistic(Columns({c: data[c].to_numpy() for c in columns})), dtype=float)
        truth.update({(name, m): v for m, v in values.items() if _keep(name, m)})
    return truth


def jackknife(data: pd.DataFrame, statistic, names: pd.Index, columns: list[str]) -> np.ndarray:
    """The statistic with each case left out once (cases × statistics)."""
    source = Columns({c: data[c].to_numpy() for c in columns})
    codes = pd.factorize(data["case_id"], sort=True)[0]
    out = np.empty((codes.max() + 1, len(names)))
    for g in range(codes.max() + 1):
        out[g] = pd.Series(statistic(source.take(np.flatnonzero(codes != g))), dtype=float).reindex(names).to_numpy()
    return out


OLS_CANDIDATES = {"CR1-normaal": None, "CR2-BM": ("CR2", "BM"), "CR3-BM": ("CR3", "BM"), "CR2-G-1": ("CR2", "G-1")}
LOGIT_CANDIDATES = {"CR1-normaal": None, "CR2-BM": ("CR2", "BM"), "CR2-normaal": ("CR2", "normaal"),
                    "CR2-G-1": ("CR2", "G-1"), "CR1-BM": ("CR1", "BM"), "CR3-normaal": ("CR3", "normaal")}
QUANTILE_CANDIDATES = {"kernel": None, "PSS-G-1": (False, "G-1"), "PSS-BM": (False, "BM"),
                       "PSS-CR2-BM": (True, "BM"), "PSS-CR2-G-1": (True, "G-1")}
# the method of the build before this change (HEAD at the start of the work on issue 13, item 2)
BEFORE = {"ols": "CR2-BM", "logit": "CR2-BM", "quantile": "PSS-G-1", "bootstrap": "percentiel"}


def _t_interval(params: pd.Series, cov: np.ndarray, df: np.ndarray, alpha: float) -> pd.DataFrame:
    from scipy import stats as scipy_stats
    se = np.sqrt(np.clip(np.diag(cov), 0, None))
    q = scipy_stats.t.ppf(1 - alpha / 2, df)
    return pd.DataFrame({0: params - q * se, 1: params + q * se})


def model_intervals(model: str, result, data: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Every candidate interval of one fitted model's coefficients (method -> frame with columns 0, 1)."""
    raw = result.fitted
    groups = pd.factorize(data["case_id"])[0]
    alpha = 1 - LEVEL
    out = {"build": result.conf_int(alpha)}
    if model in models.LOGIT:
        for method, spec in LOGIT_CANDIDATES.items():
            if spec is None:
                out[method] = raw.conf_int(alpha)
            elif spec[0] == "CR1":
                design = cluster.logit_cr2(raw, groups)
                out[method] = _t_interval(raw.params, np.asarray(raw.cov_params()), design.df.to_numpy(), alpha)
            else:
                out[method] = cluster.logit_cr2(raw, groups, *spec).conf_int(alpha)
    elif model == "5_mediaan":
        for method, spec in QUANTILE_CANDIDATES.items():
            out[method] = raw.conf_int(alpha) if spec is None else cluster.quantreg_cluster(
                raw, groups, leverage=spec[0], reference=spec[1]).conf_int(alpha)
    else:
        for method, spec in OLS_CANDIDATES.items():
            out[method] = raw.conf_int(alpha) if spec is None else cluster.ols_cr2(raw, groups, *spec).conf_int(alpha)
        if EXTRA["candidates"]:  # CR2 with BM df under Imbens–Kolesár's random-effects working model
            x = np.asarray(raw.model.exog, float)
            rho = cluster.within_case_correlation(np.asarray(raw.resid), groups)
            base = cluster.ols_cr2(raw, groups)
            out["CR2-IK"] = _t_interval(raw.params, np.asarray(base.cov_params_matrix),
                                        cluster.bm_df_working_model(x, groups, rho), alpha)
    return out


# --candidates: also the benchmark-only candidates (IK working-model df; the wild cluster restricted bootstrap,
# measured as a test of the true value: coverage = share of cohorts that do not reject it); "truth" is the run's
# FormulaTruth (the WCR tests each fitted formula's own pseudo-true value)
EXTRA = {"candidates": False, "truth": None, "replicates": 999}


def letter_fits(clean: pd.DataFrame, minimum: models.Minimum | None = None, which: tuple[str, ...] | None = None,
                full: bool = False):
    """The model fits of one cohort, as (model, data, variant, result, formula): "brief", what the letter shows
    (`models.fit_checked` with the build's minimum sizes; a model it cannot estimate yields nothing, a term it
    leaves out is not in the formula), and with `full` also "alle" (`models.fit`: every covariate with variation,
    the measure of the coverage table before the diagnosis, kept for the diagnosis' tables by the number of
    defendants with a characteristic). The one path by which every mode of this benchmark fits a model."""
    for model, data in models.samples(models.model_frame(clean)).items():
        if which is not None and model not in which:
            continue
        if full:
            result, formula = models.fit(model, data)
            yield model, data, "alle", result, formula
        checked = models.fit_checked(model, data, minimum)
        if checked.estimated:
            yield model, data, "brief", checked.result, checked.formula


def model_records(clean: pd.DataFrame, seed: int = 0) -> list[dict]:
    """Every candidate interval of every model term the letter shows (`letter_fits`, "brief"), with its formula:
    the truth of a record is its own formula's pseudo-true value (`FormulaTruth`)."""
    records = []
    for model, data, _, result, formula in letter_fits(clean):
        for method, ci in model_intervals(model, result, data).items():
            for term in result.params.index:
                records.append({"target": f"model {model}", "measure": term, "formula": formula, "method": method,
                                "estimate": result.params[term], "low": ci.loc[term, 0], "high": ci.loc[term, 1]})
        if EXTRA["candidates"] and model not in models.LOGIT and model != "5_mediaan":
            groups = pd.factorize(data["case_id"])[0]
            values = EXTRA["truth"].values(model, formula)
            for term in result.params.index:
                truth = values.get(term)
                if truth is None:
                    continue
                for weights in ("webb", "rademacher"):
                    p = cluster.wild_restricted_pvalue(result.fitted, groups, term, truth, EXTRA["replicates"],
                                                       seed, weights)
                    # a test, not an interval: "covers" = not rejected (low = high = the truth), else both +inf
                    bound = truth if p > 1 - LEVEL else np.inf
                    records.append({"target": f"model {model}", "measure": term, "formula": formula,
                                    "method": f"WCR-{weights}",
                                    "estimate": result.params[term], "low": bound, "high": bound})
    return records


def bootstrap_intervals(name: str, estimate: pd.Series, draws: np.ndarray, accel: np.ndarray,
                        n: int, n_clusters: int) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Every candidate interval of one group of bootstrapped statistics (method -> (low, high))."""
    values = estimate.to_numpy()
    wide = intervals.expanded_level(LEVEL, n_clusters)
    out = {"build": stats.bootstrap_interval(estimate, draws, LEVEL, n, proportions=_proportions(name)),
           "percentiel": intervals.percentile(draws, LEVEL), "percentiel-ruim": intervals.percentile(draws, wide),
           "midp": intervals.mid_percentile(draws, LEVEL), "midp-ruim": intervals.mid_percentile(draws, wide),
           "bca": intervals.bca(values, draws, accel, LEVEL)}
    shares = np.array([m in compare.PROPORTIONS for m in estimate.index]) if name.startswith("samenvatting") else None
    if shares is not None and shares.any():
        low, high = intervals.wilson(values, intervals.effective_n(values, draws, n), LEVEL)
        low_n, high_n = intervals.wilson(values, np.full(len(values), float(n)), LEVEL)
        nan = np.full(len(values), np.nan)
        out["wilson-deff"] = (np.where(shares, low, nan), np.where(shares, high, nan))
        out["wilson"] = (np.where(shares, low_n, nan), np.where(shares, high_n, nan))
    return out


def _proportions(name: str) -> tuple[str, ...]:
    return compare.PROPORTIONS if name.startswith("samenvatting") else ()


def summary_records(clean: pd.DataFrame, replicates: int, seed: int) -> list[dict]:
    records = []
    for k, (name, (data, statistic, columns, on_counts)) in enumerate(bootstrap_statistics(clean).items()):
        if data["case_id"].nunique() < 3:
            continue
        source = Columns({c: data[c].to_numpy() for c in columns})
        estimate = pd.Series(statistic(source), dtype=float)
        if on_counts is not None:
            function, n_clusters = on_counts(data)
            draws = resample.draws(function, n_clusters, replicates, seed + k)
            accel = intervals.acceleration(resample.block_jackknife(function, n_clusters))
        else:
            draws = bootstrap_draws(data, statistic, estimate.index, replicates, seed + k, arrays=True,
                                    columns=columns)
            accel = intervals.acceleration(jackknife(data, statistic, estimate.index, columns))
        intervals_by_method = bootstrap_intervals(name, estimate, draws, accel, len(data), data["case_id"].nunique())
        for method, (low, high) in intervals_by_method.items():
            for j, measure in enumerate(estimate.index):
                if _keep(name, measure) and not (np.isnan(low[j]) and method.startswith("wilson")):
                    records.append({"target": name, "measure": measure, "method": method,
                                    "estimate": estimate.iloc[j], "low": low[j], "high": high[j]})
    return records


def cohort_records(clean: pd.DataFrame, replicates: int, seed: int, only: str | None = None) -> list[dict]:
    records = [] if only == "summaries" else model_records(clean, seed)
    return records if only == "models" else records + summary_records(clean, replicates, seed)


def record_truth(records: pd.DataFrame, truth: dict[tuple, float]) -> list[float]:
    """The truth of each record: for a model term with its fitted formula, that formula's pseudo-true value
    (key (model, formula, term)); otherwise the target's value in the population (key (target, measure); also a
    model term of a records file without formulas, written before the model terms followed the letter)."""
    formulas = records["formula"] if "formula" in records.columns else pd.Series(np.nan, index=records.index)
    return [truth.get((t.removeprefix("model "), f, m), np.nan) if isinstance(f, str) else truth.get((t, m), np.nan)
            for t, m, f in zip(records["target"], records["measure"], formulas)]


def coverage_table(records: pd.DataFrame, truth: dict[tuple, float]) -> pd.DataFrame:
    """One row per (target, measure, method): truth (mean over the records: a model term's truth depends on the
    formula fitted), coverage, MC s.e., mean width, cohorts, share of cohorts whose estimate equals the truth,
    and whether the interval always has zero width."""
    records = records.copy()
    records["truth"] = record_truth(records, truth)
    records = records.dropna(subset=["truth", "low", "high"])
    records["hit"] = (records["low"] <= records["truth"]) & (records["truth"] <= records["high"])
    records["width"] = records["high"] - records["low"]
    records["exact"] = np.isclose(records["estimate"], records["truth"], rtol=0, atol=1e-9)
    table = records.groupby(["target", "measure", "method"], sort=False).agg(
        truth=("truth", "mean"), coverage=("hit", "mean"), width=("width", "mean"), cohorts=("hit", "size"),
        exact=("exact", "mean"), degenerate=("width", lambda w: bool((w == 0).all())),
        shown=("width", lambda w: float((w > 0).mean()))).reset_index()
    table["mc_se"] = np.sqrt(table["coverage"] * (1 - table["coverage"]) / table["cohorts"])
    return table


def _kind(target: str) -> str:
    if not target.startswith("model "):
        return "bootstrap"
    model = target.removeprefix("model ")
    return "logit" if model in models.LOGIT else "quantile" if model == "5_mediaan" else "ols"


def markdown(table: pd.DataFrame) -> str:
    """Before (the method at the start of item 2) and after (the build), with MC s.e. and widths."""
    lines = ["| target | measure | truth | before | after | MC s.e. | width before | width after | cohorts "
             "| estimate = truth |", "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for (target, measure), rows in table.groupby(["target", "measure"], sort=False):
        by = rows.set_index("method")
        after = by.loc["build"]
        before = by.loc[BEFORE[_kind(target)]] if BEFORE[_kind(target)] in by.index else after
        flag = " (ontaard)" if after["degenerate"] else ""
        lines.append(f"| {target} | {measure}{flag} | {after['truth']:.3f} | {before['coverage']:.3f} | "
                     f"{after['coverage']:.3f} | {after['mc_se']:.3f} | {before['width']:.3f} | {after['width']:.3f} "
                     f"| {int(after['cohorts'])} | {after['exact']:.2f} |")
    return "\n".join(lines)


def candidates(table: pd.DataFrame) -> str:
    """Coverage of every candidate method (rows: targets; columns: methods)."""
    wide = table.pivot_table(index=["target", "measure"], columns="method", values="coverage", sort=False)
    lines = ["| target | measure | " + " | ".join(wide.columns) + " |", "|---|---|" + "---:|" * len(wide.columns)]
    for (target, measure), row in wide.iterrows():
        cells = " | ".join("" if pd.isna(v) else f"{v:.3f}" for v in row)
        lines.append(f"| {target} | {measure} | {cells} |")
    return "\n".join(lines)


def summarise(frame: pd.DataFrame, truth: dict, header: str) -> None:
    table = coverage_table(frame, truth)
    print(f"\n{header} Nominal coverage {LEVEL:.0%}.\n")
    print(markdown(table))
    print("\nCoverage of every candidate method:\n")
    print(candidates(table))
    after = table[table["method"] == "build"]
    before = table[table["method"] == table["target"].map(lambda t: BEFORE[_kind(t)])]
    for label, rows in (("before", before), ("after", after)):
        inside = rows["coverage"].between(0.93, 0.97)
        print(f"\n{label}: {int(inside.sum())} of {len(rows)} targets within 0.93–0.97 "
              f"({int((rows['coverage'] < 0.93).sum())} below, {int((rows['coverage'] > 0.97).sum())} above)")


# ------------------------------------------------------------------------------------- diagnosis (--only diagnose)

DIAGNOSE_MODELS = ("1_eis", "2_vrijspraak", "3_opgelegd", "4a_tweedelig_kans", "4b_tweedelig_duur")
# bins of the number of defendants with a 0/1 characteristic in a model's sample (pre-declared, README)
ONES_BINS = ((0, 2, "≤ 2"), (3, 4, "3–4"), (5, 6, "5–6"), (7, 9, "7–9"), (10, 10**9, "≥ 10"))


def _binary(values: np.ndarray) -> bool:
    return bool(np.isin(values, (0.0, 1.0)).all())


def diagnose_records(clean: pd.DataFrame, minimum: models.Minimum | None = None,
                     which: tuple[str, ...] = DIAGNOSE_MODELS) -> list[dict]:
    """Per term of models 1–4 (or `which`), the two fits of `letter_fits`: "alle" (`models.fit`, every covariate
    with variation) and "brief" (`models.fit_checked` with the build's minimum sizes: what the letter shows, the
    fits `model_records` measures; a term it leaves out, or a model it cannot estimate, has no record). Each
    record: estimate, the build's
    standard error and df, its 95% interval, the fitted formula, and for a 0/1 term the number of defendants with
    (`ones`) and without it and the number of cases with it."""
    records = []
    for model, data, variant, result, fitted_formula in letter_fits(clean, minimum, which, full=True):
        groups = data["case_id"].to_numpy()
        ci = result.conf_int(1 - LEVEL)
        for term in result.params.index:
            values = data[term].to_numpy(float) if term in data else None
            binary = values is not None and _binary(values)
            records.append({
                "model": model, "term": term, "variant": variant, "formula": fitted_formula,
                "estimate": result.params[term], "se": result.bse[term], "df": result.df[term],
                "low": ci.loc[term, 0], "high": ci.loc[term, 1], "n": len(data),
                "ones": int(values.sum()) if binary else -1,
                "zeros": int(len(values) - values.sum()) if binary else -1,
                "cases_with": int(pd.unique(groups[values == 1]).size) if binary else -1})
    return records


def population_samples(params: dict, size: int) -> dict[str, pd.DataFrame]:
    """The models' samples in the population (seed 999, as `population_truth`)."""
    return models.samples(models.model_frame(clean_cohort(params, size, seed=999)))


def population_fits(params: dict, size: int, formulas: set[tuple[str, str]],
                    samples_: dict[str, pd.DataFrame] | None = None) -> dict[tuple[str, str, str], float]:
    """The pseudo-true value of every (model, formula) pair that a cohort fitted: the same formula fitted on one
    population of `size` defendants (seed 999, as `population_truth`) -> {(model, formula, term): value}."""
    samples_ = samples_ if samples_ is not None else population_samples(params, size)
    out = {}
    for model, formula in sorted(formulas):
        result, _ = models.fit(model, samples_[model], formula)
        out.update({(model, formula, term): float(v) for term, v in result.params.items()})
    return out


FORMULA_TRUTH = "coverage_diagnose_truth.csv"  # (model, formula, term, truth); started by the diagnosis


class FormulaTruth:
    """The truth rule of the model terms: each fitted (model, formula) against the same formula fitted on the
    population (`population_fits`), computed once per formula and kept in a CSV (model, formula, term, truth)
    that every mode reads and extends (`--formula-truth`; two processes may share it: `save` merges)."""

    def __init__(self, params: dict, size: int, path: Path):
        self.params, self.size, self.path = params, size, Path(path)
        self.by_formula: dict[tuple[str, str], dict[str, float]] = {}
        self._samples = None
        self._changed = False
        self._merge(self.path)

    def _merge(self, path: Path) -> None:
        if path.exists():
            for r in pd.read_csv(path).itertuples():
                self.by_formula.setdefault((r.model, r.formula), {}).setdefault(r.term, float(r.truth))

    def ensure(self, formulas) -> None:
        missing = {(m, f) for m, f in formulas if (m, f) not in self.by_formula}
        if not missing:
            return
        if self._samples is None:
            self._samples = population_samples(self.params, self.size)
        for (m, f, t), v in population_fits(self.params, self.size, missing, self._samples).items():
            self.by_formula.setdefault((m, f), {})[t] = v
        self._changed = True

    def values(self, model: str, formula: str) -> dict[str, float]:
        self.ensure({(model, formula)})
        return self.by_formula[(model, formula)]

    @property
    def table(self) -> dict[tuple[str, str, str], float]:
        return {(m, f, t): v for (m, f), terms in self.by_formula.items() for t, v in terms.items()}

    def save(self) -> None:
        if not self._changed:
            return
        self._merge(self.path)  # what another process added meanwhile
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(f"{self.path.name}.{os.getpid()}.part")
        pd.DataFrame([{"model": m, "formula": f, "term": t, "truth": v} for (m, f, t), v in sorted(self.table.items())]
                     ).to_csv(partial, index=False)
        os.replace(partial, self.path)
        self._changed = False


def model_pairs(frame: pd.DataFrame) -> set[tuple[str, str]]:
    """The (model, formula) pairs of a coverage records frame (none for records without formulas)."""
    if "formula" not in frame.columns:
        return set()
    rows = frame[frame["target"].str.startswith("model ") & frame["formula"].notna()]
    return set(zip(rows["target"].str.removeprefix("model "), rows["formula"]))


def ones_bin(ones: pd.Series) -> pd.Series:
    out = pd.Series("", index=ones.index, dtype=object)
    for low, high, label in ONES_BINS:
        out[(ones >= low) & (ones <= high)] = label
    return out


def diagnosis_table(frame: pd.DataFrame, truth: dict) -> pd.DataFrame:
    """Per (variant, model, term): cohorts, coverage, MC s.e., bias in SDs of the estimate ((mean - truth) / SD),
    mean SE / SD, misses below (interval under the truth) and above, mean width and mean ones."""
    frame = frame.copy()
    frame["truth"] = [truth.get((m, f, t), np.nan) for m, f, t in zip(frame["model"], frame["formula"],
                                                                        frame["term"])]
    frame = frame.dropna(subset=["truth"])
    frame["below"] = frame["high"] < frame["truth"]
    frame["above"] = frame["low"] > frame["truth"]
    rows = []
    for (variant, model, term), g in frame.groupby(["variant", "model", "term"], sort=False):
        sd = g["estimate"].std(ddof=1)
        cover = 1 - (g["below"] | g["above"]).mean()
        rows.append({"variant": variant, "model": model, "term": term, "cohorts": len(g),
                     "truth": g["truth"].mean(), "coverage": cover, "mc_se": np.sqrt(cover * (1 - cover) / len(g)),
                     "bias_sd": (g["estimate"].mean() - g["truth"].mean()) / sd, "se_sd": g["se"].mean() / sd,
                     "below": g["below"].mean(), "above": g["above"].mean(),
                     "width": (g["high"] - g["low"]).mean(), "ones": g["ones"].mean() if (g["ones"] >= 0).all() else np.nan})
    return pd.DataFrame(rows)


def coverage_by_ones(frame: pd.DataFrame, truth: dict, variant: str = "alle") -> pd.DataFrame:
    """Coverage of the 0/1 terms per bin of the number of defendants with the characteristic (`ONES_BINS`)."""
    frame = frame[(frame["variant"] == variant) & (frame["ones"] >= 0)].copy()
    frame["truth"] = [truth.get((m, f, t), np.nan) for m, f, t in zip(frame["model"], frame["formula"],
                                                                        frame["term"])]
    frame = frame.dropna(subset=["truth"])
    frame["hit"] = (frame["low"] <= frame["truth"]) & (frame["truth"] <= frame["high"])
    frame["below"] = frame["high"] < frame["truth"]
    frame["bin"] = ones_bin(frame["ones"])
    table = frame.groupby(["model", "term", "bin"], sort=False).agg(
        cohorts=("hit", "size"), coverage=("hit", "mean"), below=("below", "mean")).reset_index()
    table["mc_se"] = np.sqrt(table["coverage"] * (1 - table["coverage"]) / table["cohorts"])
    return table


FLAG_BELOW = 10  # the pre-declared flag rule (README): fewer than this many defendants with (or without) a 0/1 term


def flag_evaluation(frame: pd.DataFrame, truth: dict, below: int = FLAG_BELOW) -> pd.DataFrame:
    """The pre-declared flag rule on what the letter shows ("brief"): the 0/1 terms' cells with fewer than `below`
    defendants with or without the characteristic ("flagged") against the others, pooled per kind of model
    (least squares: models 1, 3, 4b; logits: 2, 4a): cells (term × cohort), coverage, MC s.e."""
    frame = frame[(frame["variant"] == "brief") & (frame["ones"] >= 0)].copy()
    frame["truth"] = [truth.get((m, f, t), np.nan) for m, f, t in zip(frame["model"], frame["formula"],
                                                                        frame["term"])]
    frame = frame.dropna(subset=["truth"])
    frame["hit"] = (frame["low"] <= frame["truth"]) & (frame["truth"] <= frame["high"])
    frame["kind"] = np.where(frame["model"].isin(list(models.LOGIT)), "logit",
                             np.where(frame["model"] == "5_mediaan", "mediaan", "kleinste kwadraten"))
    frame["flagged"] = frame[["ones", "zeros"]].min(axis=1) < below
    table = frame.groupby(["kind", "flagged"]).agg(cells=("hit", "size"), coverage=("hit", "mean")).reset_index()
    table["mc_se"] = np.sqrt(table["coverage"] * (1 - table["coverage"]) / table["cells"])
    return table


def print_diagnosis(frame: pd.DataFrame, truth: dict) -> None:
    table = diagnosis_table(frame, truth)
    print("| variant | model | term | cohorts | truth | coverage | MC s.e. | bias / SD | SE / SD | miss below | "
          "miss above | width | mean ones |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in table.itertuples():
        ones = "" if np.isnan(r.ones) else f"{r.ones:.1f}"
        print(f"| {r.variant} | {r.model} | {r.term} | {r.cohorts} | {r.truth:.3f} | {r.coverage:.3f} | "
              f"{r.mc_se:.3f} | {r.bias_sd:+.3f} | {r.se_sd:.3f} | {r.below:.3f} | {r.above:.3f} | {r.width:.3f} | "
              f"{ones} |")
    for variant in table["variant"].unique():
        picked = table[table["variant"] == variant]
        inside = picked["coverage"].between(0.93, 0.97)
        print(f"\n{variant}: {int(inside.sum())} of {len(picked)} within 0.93–0.97 "
              f"({int((picked['coverage'] < 0.93).sum())} below, {int((picked['coverage'] > 0.97).sum())} above)")
    by = coverage_by_ones(frame, truth)
    labels = [label for _, _, label in ONES_BINS]
    print("\nCoverage by the number of defendants with the characteristic (variant alle; cohorts in brackets):\n")
    print("| model | term | " + " | ".join(labels) + " |")
    print("|---|---|" + "---:|" * len(labels))
    for (model, term), g in by.groupby(["model", "term"], sort=False):
        cells = g.set_index("bin")
        row = [f"{cells.loc[b, 'coverage']:.3f} ({int(cells.loc[b, 'cohorts'])})" if b in cells.index else ""
               for b in labels]
        print(f"| {model} | {term} | " + " | ".join(row) + " |")
    flags = flag_evaluation(frame, truth)
    print(f"\nFlag rule (variant brief; a 0/1 term with fewer than {FLAG_BELOW} defendants with or without it):\n")
    print("| kind | flagged | cells | coverage | MC s.e. |\n|---|---|---:|---:|---:|")
    for r in flags.itertuples():
        print(f"| {r.kind} | {'ja' if r.flagged else 'nee'} | {r.cells} | {r.coverage:.3f} | {r.mc_se:.3f} |")


def run_diagnose(args, params: dict) -> None:
    if args.table:
        frame = pd.concat([pd.read_csv(path) for path in args.table], ignore_index=True)
    else:
        records, start = [], time.perf_counter()
        for i in range(args.first, args.first + args.cohorts):
            clean = clean_cohort(params, args.size, seed=10_000 + i)
            records += [{"cohort": i, **r} for r in diagnose_records(clean, which=tuple(args.models))]
            if (i + 1 - args.first) % 100 == 0:
                print(f"{i + 1 - args.first} cohorts, {time.perf_counter() - start:.0f} s", flush=True)
                pd.DataFrame(records).to_csv(args.records, index=False)
        frame = pd.DataFrame(records)
        args.records.parent.mkdir(parents=True, exist_ok=True)
        frame.to_csv(args.records, index=False)
    formula_truth = FormulaTruth(params, args.population, args.formula_truth or args.truth
                                 or args.records.with_name(FORMULA_TRUTH))
    formula_truth.ensure(set(zip(frame["model"], frame["formula"])))
    formula_truth.save()
    print(f"\n{frame['cohort'].nunique()} cohorts; truth: each fitted formula on the population of "
          f"{args.population:,} (seed 999). Nominal coverage {LEVEL:.0%}.\n")
    print_diagnosis(frame, formula_truth.table)


# ------------------------------------------------------------------------------------- follow-up (--only followup)

FOLLOWUP_TABLES = ("tabel_1", "tabel_2", "tabel_4")
# the follow-up design's shift (`--only followup`): the acquittal logit's intercept of the new period, +0.5
SHIFT = {"acquittal": {"intercept": 0.5}}


def shifted(params: dict, shift: dict) -> dict:
    """The generator's parameters with `shift` added (nested keys)."""
    import copy

    out = copy.deepcopy(params)
    for section, changes in shift.items():
        for key, delta in changes.items():
            out[section][key] = out[section][key] + delta
    return out


def table_units(clean: pd.DataFrame, table: str) -> pd.DataFrame:
    """The units of a follow-up table (cases for Table 1, defendants otherwise): case_id and category."""
    if table == "tabel_1":
        category = tables.case_combinations(clean)
        return pd.DataFrame({"case_id": category.index.to_numpy(), "categorie": category.to_numpy()})
    category = tables.demand_category(clean) if table == "tabel_2" else tables.sentence_category(clean)
    return pd.DataFrame({"case_id": clean["case_id"].to_numpy(), "categorie": category.to_numpy()})


def letter_categories() -> dict[str, list[str]]:
    """The categories of the letter's Tables 1, 2 and 4 (without «overig» and Totaal)."""
    folder = ROOT / "data/published"
    return {name: [c for c in published.load_table(folder, name)["categorie"] if c not in (tables.OTHER, tables.TOTAL)]
            for name in FOLLOWUP_TABLES}


def table_shares(clean: pd.DataFrame, categories: dict[str, list[str]]) -> dict[tuple[str, str], float]:
    out = {}
    for table, names in categories.items():
        units = table_units(clean, table)
        for category in names:
            out[(table, category)] = float((units["categorie"] == category).mean())
    return out


FOLLOWUP_METHODS = ("newcombe", "newcombe-deff", "newcombe-deff-beide")


def followup_table_records(old: pd.DataFrame, new: pd.DataFrame, categories: dict[str, list[str]]) -> list[dict]:
    """The difference of each letter category's share (new − old), Newcombe's interval before (two plain Wilson
    intervals) and with the design effect of the new period's clustering (`intervals.cluster_effective_n`) on
    the new share only, or on both (the new period's design effect carried to the old share: the baseline is a
    published table without its cases)."""
    records = []
    for table, names in categories.items():
        a, b = table_units(old, table), table_units(new, table)
        for category in names:
            x_old, x_new = (a["categorie"] == category).to_numpy(), (b["categorie"] == category).to_numpy()
            p_old, p_new = x_old.mean(), x_new.mean()
            n_old, n_new = float(len(x_old)), float(len(x_new))
            deff = n_new / intervals.cluster_effective_n(x_new, b["case_id"].to_numpy())
            for method, (m_new, m_old) in zip(FOLLOWUP_METHODS, ((n_new, n_old), (n_new / deff, n_old),
                                                                 (n_new / deff, n_old / deff))):
                l1, u1 = intervals.wilson(np.array([p_new]), np.array([m_new]), LEVEL)
                l2, u2 = intervals.wilson(np.array([p_old]), np.array([m_old]), LEVEL)
                low, high = intervals.mover_difference(p_new, l1, u1, p_old, l2, u2)
                records.append({"target": f"vervolg {table}", "measure": category, "method": method,
                                "estimate": p_new - p_old, "low": float(low[0]), "high": float(high[0])})
    return records


def followup_period_records(old: pd.DataFrame, new: pd.DataFrame, replicates: int, seed: int) -> list[dict]:
    """The period comparison (`mhcases.periods`): per period and for the difference, the build's rule ("build")
    and the plain percentile interval of before ("percentiel"), from the same replicates."""
    estimates, draws, sizes = {}, {}, {}
    for period, clean, stream in (("basis", old, seed), ("nieuw", new, seed + 1)):
        frame = clean[periods.COLUMNS].reset_index(drop=True)
        estimates[period] = periods.period_measures(frame)
        draws[period] = periods.period_draws(frame, replicates, stream)
        sizes[period] = len(frame)
    estimates["verschil"] = estimates["nieuw"] - estimates["basis"]
    draws["verschil"] = draws["nieuw"] - draws["basis"]
    build = periods.period_intervals(estimates, draws, sizes, LEVEL)
    records = []
    for period in ("basis", "nieuw", "verschil"):
        before = intervals.percentile(draws[period], LEVEL)
        for method, (low, high) in (("build", build[period]), ("percentiel", before)):
            for j, measure in enumerate(periods.MEASURES):
                records.append({"target": f"perioden {period}", "measure": measure, "method": method,
                                "estimate": estimates[period][measure], "low": low[j], "high": high[j]})
    return records


def followup_truth(params: dict, new_params: dict, size: int, categories: dict[str, list[str]]) -> dict:
    """The truth of every follow-up target: each period's value in a population of `size` from its generator,
    and their difference (exactly 0 when both periods have the same generator: one population for both)."""
    old = clean_cohort(params, size, seed=999)
    new = old if new_params == params else clean_cohort(new_params, size, seed=998)
    truth = {}
    values = {"basis": periods.period_measures(old[periods.COLUMNS]),
              "nieuw": periods.period_measures(new[periods.COLUMNS])}
    values["verschil"] = values["nieuw"] - values["basis"]
    for period, series in values.items():
        truth.update({(f"perioden {period}", m): float(v) for m, v in series.items()})
    shares_old, shares_new = table_shares(old, categories), table_shares(new, categories)
    truth.update({(f"vervolg {t}", c): shares_new[(t, c)] - shares_old[(t, c)] for t, c in shares_old})
    return truth


def followup_records(params: dict, new_params: dict, pairs: int, first: int, size: int, replicates: int,
                     design: str, categories: dict[str, list[str]]) -> list[dict]:
    """Pairs of cohorts (baseline seeds 20,000 + i, follow-up 30,000 + i), every follow-up interval."""
    records = []
    start = time.perf_counter()
    for i in range(first, first + pairs):
        old = clean_cohort(params, size, seed=20_000 + i)
        new = clean_cohort(new_params, size, seed=30_000 + i)
        for record in followup_table_records(old, new, categories) + followup_period_records(old, new, replicates, i):
            records.append({"cohort": i, "design": design, **record})
        if (i + 1 - first) % 100 == 0:
            print(f"{design}: {i + 1 - first} pairs, {time.perf_counter() - start:.0f} s", flush=True)
    return records


FOLLOWUP_BEFORE = {"vervolg": "newcombe", "perioden": "percentiel"}


def followup_markdown(table: pd.DataFrame) -> str:
    """Before and after per follow-up target, with MC s.e. and widths (the table's after = the build's rule)."""
    lines = ["| design | target | measure | truth | before | after | MC s.e. | width before | width after | pairs "
             "| estimate = truth |", "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for (design, target, measure), rows in table.groupby(["design", "target", "measure"], sort=False):
        by = rows.set_index("method")
        kind = target.split(" ")[0]
        after = by.loc[FOLLOWUP_AFTER[kind]]
        before = by.loc[FOLLOWUP_BEFORE[kind]]
        lines.append(f"| {design} | {target} | {measure} | {after['truth']:.3f} | {before['coverage']:.3f} | "
                     f"{after['coverage']:.3f} | {after['mc_se']:.3f} | {before['width']:.3f} | "
                     f"{after['width']:.3f} | {int(after['cohorts'])} | {after['exact']:.2f} |")
    return "\n".join(lines)


FOLLOWUP_AFTER = {"vervolg": "newcombe-deff", "perioden": "build"}


def summarise_followup(frame: pd.DataFrame, truth: dict, header: str) -> None:
    parts = []
    for design, rows in frame.groupby("design", sort=False):
        table = coverage_table(rows.drop(columns="design"), truth[design])
        table.insert(0, "design", design)
        parts.append(table)
    table = pd.concat(parts, ignore_index=True)
    print(f"\n{header} Nominal coverage {LEVEL:.0%}.\n")
    print(followup_markdown(table))
    print("\nCoverage of every candidate method:\n")
    for design, rows in table.groupby("design", sort=False):
        print(f"\n{design}:\n")
        print(candidates(rows))
    for design, rows in table.groupby("design", sort=False):
        for label, chooser in (("before", FOLLOWUP_BEFORE), ("after", FOLLOWUP_AFTER)):
            picked = rows[rows["method"] == rows["target"].map(lambda t: chooser[t.split(" ")[0]])]
            inside = picked["coverage"].between(0.93, 0.97)
            print(f"{design} {label}: {int(inside.sum())} of {len(picked)} within 0.93–0.97 "
                  f"({int((picked['coverage'] < 0.93).sum())} below, {int((picked['coverage'] > 0.97).sum())} above)")


def run_followup(args, params: dict) -> None:
    categories = letter_categories()
    designs = {"nul": params, "verschoven": shifted(params, SHIFT)}
    truth_path = args.truth or args.records.with_name("coverage_followup_truth.csv")
    start = time.perf_counter()
    if args.truth:
        rows = pd.read_csv(args.truth)
        truth = {d: {(r.target, r.measure): r.truth for r in rows[rows["design"] == d].itertuples()} for d in designs}
    else:
        truth = {d: followup_truth(params, p, args.population, categories) for d, p in designs.items()}
        args.records.parent.mkdir(parents=True, exist_ok=True)
        pd.DataFrame([{"design": d, "target": t, "measure": m, "truth": v} for d, values in truth.items()
                      for (t, m), v in values.items()]).to_csv(truth_path, index=False)
        print(f"populations of {args.population:,}: {time.perf_counter() - start:.0f} s", flush=True)
    start = time.perf_counter()
    records = []
    for design, new_params in designs.items():
        if args.design and design != args.design:
            continue
        records += followup_records(params, new_params, args.cohorts, args.first, args.size, args.replicates,
                                    design, categories)
        args.records.parent.mkdir(parents=True, exist_ok=True)
        pd.DataFrame(records).to_csv(args.records, index=False)
    frame = pd.DataFrame(records)
    summarise_followup(frame, truth, f"{args.cohorts} pairs of cohorts of {args.size} defendants per design, "
                       f"{args.replicates} bootstrap replicates ({time.perf_counter() - start:.0f} s).")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cohorts", type=int, default=1000)
    parser.add_argument("--first", type=int, default=0, help="index of the first cohort (to split a run)")
    parser.add_argument("--size", type=int, default=150)
    parser.add_argument("--replicates", type=int, default=999)
    parser.add_argument("--population", type=int, default=100_000)
    parser.add_argument("--only", choices=("models", "summaries", "followup", "diagnose"), default=None,
                        help="only the model terms (no bootstrap: quick), only the bootstrapped statistics, or "
                        "only the follow-up letter's intervals (pairs of cohorts; --cohorts pairs per design)")
    parser.add_argument("--models", nargs="+", default=list(DIAGNOSE_MODELS),
                        choices=[*DIAGNOSE_MODELS, "5_mediaan"], help="with --only diagnose: the models to fit")
    parser.add_argument("--design", choices=("nul", "verschoven"), default=None,
                        help="with --only followup: run this design only (default both)")
    parser.add_argument("--candidates", action="store_true",
                        help="also the benchmark-only candidates of the least-squares terms (CR2 with IK df, WCR)")
    parser.add_argument("--records", type=Path, default=ROOT / "results/benchmarks/coverage_records.csv")
    parser.add_argument("--truth", type=Path, default=None,
                        help="read the population truth from this CSV (written by an earlier run) instead")
    parser.add_argument("--formula-truth", type=Path, default=None,
                        help=f"the model terms' truth per fitted formula, read and extended (default {FORMULA_TRUTH} "
                        "beside --records; with --only diagnose also --truth)")
    parser.add_argument("--table", nargs="+", type=Path, default=None,
                        help="only print the tables of these records files (parts of a split run)")
    args = parser.parse_args(argv)
    if args.only == "diagnose":
        run_diagnose(args, synth.load_params(ROOT / "data/raw/synthetic_params.yaml"))
        return
    if args.only == "followup":
        if args.table:
            rows = pd.read_csv(args.truth or args.table[0].with_name("coverage_followup_truth.csv"))
            truth = {d: {(r.target, r.measure): r.truth for r in rows[rows["design"] == d].itertuples()}
                     for d in rows["design"].unique()}
            frame = pd.concat([pd.read_csv(path) for path in args.table], ignore_index=True)
            summarise_followup(frame, truth, f"{frame['cohort'].nunique()} pairs per design.")
        else:
            run_followup(args, synth.load_params(ROOT / "data/raw/synthetic_params.yaml"))
        return
    truth_path = args.truth or args.records.with_name("coverage_truth.csv")
    params = synth.load_params(ROOT / "data/raw/synthetic_params.yaml")
    formula_truth = FormulaTruth(params, args.population, args.formula_truth or args.records.with_name(FORMULA_TRUTH))
    if args.table:
        truth = {(r.target, r.measure): r.truth for r in pd.read_csv(truth_path).itertuples()}
        frame = pd.concat([pd.read_csv(path) for path in args.table], ignore_index=True)
        formula_truth.ensure(model_pairs(frame))
        formula_truth.save()
        summarise(frame, {**truth, **formula_truth.table},
                  f"{frame['cohort'].nunique()} cohorts (records of {len(args.table)} file(s)).")
        return
    start = time.perf_counter()
    if args.truth:
        truth = {(r.target, r.measure): r.truth for r in pd.read_csv(args.truth).itertuples()}
    else:
        truth = population_truth(params, args.population)
        args.records.parent.mkdir(parents=True, exist_ok=True)
        pd.DataFrame([{"target": t, "measure": m, "truth": v} for (t, m), v in truth.items()]).to_csv(
            truth_path, index=False)
        print(f"population of {args.population:,}: {time.perf_counter() - start:.0f} s", flush=True)
    EXTRA.update(candidates=args.candidates, truth=formula_truth, replicates=args.replicates)
    records = []
    start = time.perf_counter()
    args.records.parent.mkdir(parents=True, exist_ok=True)
    for i in range(args.first, args.first + args.cohorts):
        clean = clean_cohort(params, args.size, seed=10_000 + i)
        for record in cohort_records(clean, args.replicates, seed=i, only=args.only):
            records.append({"cohort": i, **record})
        if (i + 1 - args.first) % 50 == 0:
            print(f"{i + 1 - args.first} cohorts, {time.perf_counter() - start:.0f} s", flush=True)
            pd.DataFrame(records).to_csv(args.records, index=False)
    elapsed = time.perf_counter() - start
    frame = pd.DataFrame(records)
    frame.to_csv(args.records, index=False)
    formula_truth.ensure(model_pairs(frame))
    formula_truth.save()
    summarise(frame, {**truth, **formula_truth.table},
              f"{args.cohorts} cohorts of {args.size} defendants, {args.replicates} bootstrap "
              f"replicates ({elapsed:.0f} s).")


if __name__ == "__main__":
    main()
