"""A seeded synthetic coding sheet, calibrated to the letter's published Tables 1, 2 and 4.

The per-case annex of the letter is not available, so the build's default input is synthetic. This module draws
one row per defendant with the columns of `mhcases.codebook` from a documented generative model whose parameters
live in `data/raw/synthetic_params.yaml` (every key is commented there). In short:

1. Cases and charges. Each case gets a Table 1 row (enkel mensenhandel, i.c.m. 140 Sr, ...; "overig" cases get a
   random combination of 1-4 other offences that is none of the named rows), a court and a working day.
2. Covariates. Case level: exploitation form(s), victims, months charged, minor / under-16 / disabled victim,
   organised; co-charged offences shift them (child pornography makes a minor victim likely, 140 Sr organised, ...).
   Defendant level: violence, juvenile defendant.
3. Demand (strafeis). The unconditional part is log-normal: ln D* = intercept + beta.x + u_case + e, rounded to a
   prosecutor's grid. The demand's kind (onvoorwaardelijk, ... en voorwaardelijk, ... en maatregel, taakstraf,
   onbekend, vrijspraak, ...) is drawn with weights that depend on covariates only.
4. Verdict. Acquittal of mensenhandel is a logit; partial acquittal among the convicted another logit; the other
   charges get their own verdict.
5. Sentence (strafoplegging). With probability p_follow the court imposes the demanded unconditional part;
   otherwise ln U_i = ln U_d + discount + gamma.x + e_i. The sentence's kind is drawn with weights that depend on
   the demand's kind and covariates.
6. Text. Demand and sentence are written as the verdict phrases the phrase parser reads ("gevangenisstraf voor de
   duur van 30 maanden, waarvan 10 maanden voorwaardelijk met een proeftijd van 2 jaren"), charges as "mensenhandel
   (art. 273f Sr) en witwassen (art. 420bis Sr)", a one-sentence Dutch motivation, a well-formed ECLI whose serial
   number no court reaches.

Calibration (generate_sheet): every count the letter publishes is fixed: the Table 1 rows per case, the demand
kinds (Table 2), the number of acquittals and the sentence kinds (Table 4). WHICH cases or defendants get a fixed
count is drawn by weighted sampling without replacement with the model's own weights (propensities or affinities),
so the calibrated sheet is one draw of the same model conditioned on the published margins. generate_cohort uses
the same model unconditioned: Table 1 rows and demand / sentence kinds are drawn with the published proportions,
acquittals and partial acquittals by their logits.

`truth(params)` gives the effects an analysis should recover; `simulate` also returns the latent values behind
every phrase (for tests). Only `numpy.random.default_rng(seed)` is used: the same seed gives the same bytes.
"""

from __future__ import annotations

import argparse
import io
import math
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import pandas as pd
import yaml

from mhcases import codebook, offences

DEFAULT_SEED = 20200701
TRAFFICKING_TEXT = "mensenhandel (art. 273f Sr)"
FORMS: tuple[str, ...] = codebook.EXPLOITATION_FORMS[:4]  # without "onbekend"
FORM_COVARIATES = {
    "arbeidsuitbuiting": "form_arbeidsuitbuiting",
    "criminele uitbuiting": "form_criminele_uitbuiting",
    "gedwongen dienstverlening": "form_gedwongen_dienstverlening",
}
COVARIATES: tuple[str, ...] = (
    "victim_minor",
    "victim_under16",
    "victim_disabled",
    "violence",
    "organised",
    "log_victims",
    "log_period",
    "other_offences",
    *FORM_COVARIATES.values(),
)
IMPOSED_COVARIATES: tuple[str, ...] = (
    *COVARIATES,
    "partial_acquittal",
    "other_acquitted",
    "other_partially_acquitted",
)
ADULT_DEMAND_KINDS = (
    "onv", "onv_vw", "onv_maatregel", "onv_taak", "onv_werk", "onv_vw_taak", "maatregel_tbs",
    "onbekend", "vrijspraak", "ontslag",
)
JUVENILE_DEMAND_KINDS = ("jeugd_voorarrest", "jeugd_vw_taak", "jeugd_pij")
ADULT_SENTENCE_KINDS = ("onv", "onv_vw", "onv_maatregel", "onv_vw_taak", "onv_vw_maatregel", "onv_taak", "onv_werk")
JUVENILE_SENTENCE_OF = {"jeugd_voorarrest": "jeugd_onv", "jeugd_vw_taak": "jeugd_vw_werk", "jeugd_pij": "jeugd_pij"}
STATUS_TEXT = {"onbekend": "onbekend", "vrijspraak": "vrijspraak", "ontslag": "ontslag van alle rechtsvervolging"}
PIJ = "plaatsing in een inrichting voor jeugdigen"
DAYS_PER_YEAR = 365.25  # days -> months as months = days * 12 / 365.25 (the phrase parser's convention)


# --------------------------------------------------------------------------------------------------- parameters


def load_params(path: str | Path) -> dict[str, Any]:
    """Read and check the parameter file (see data/raw/synthetic_params.yaml for every key)."""
    params = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    check_params(params)
    return params


def check_params(params: dict[str, Any]) -> None:
    """Raise ValueError when the parameters cannot produce a sheet that satisfies the codebook and the tables."""
    atoms = params["offences"]
    for atom, spec in atoms.items():
        if any(len(v) not in (2, 3) or (len(v) == 3 and v[2] != "minderjarig") for v in spec["variants"]):
            raise ValueError(f"offences.{atom}: a variant is [name, article] or [name, article, minderjarig]")
        groups = {offences.group_of(v[1]) for v in spec["variants"]}
        if len(groups) != 1 or None in groups:
            raise ValueError(f"offences.{atom}: the articles must map to exactly one known group, got {groups}")
        if any(v[1] == offences.TRAFFICKING for v in spec["variants"]):
            raise ValueError(f"offences.{atom}: mensenhandel is always charged; do not list it as a co-offence")
    rows = params["table_1"]
    if sum(r["cases"] for r in rows) != params["study"]["n_cases"]:
        raise ValueError("table_1: the case counts must add up to study.n_cases")
    named = [r["offences"] for r in rows if r["offences"] != "overig"]
    for offence_list in named:
        unknown = [a for a in offence_list if a not in atoms]
        if unknown:
            raise ValueError(f"table_1: unknown offences {unknown}")
    if [r["offences"] for r in rows].count("overig") != 1:
        raise ValueError("table_1: exactly one row must be 'overig'")
    multi = params["study"]["multi_defendant_case"]
    if multi["offences"] not in named:
        raise ValueError("study.multi_defendant_case.offences must be one of the named table_1 rows")
    demand, imposed = params["demand"], params["imposed"]
    if set(demand["kinds"]) != set(ADULT_DEMAND_KINDS):
        raise ValueError(f"demand.kinds must be exactly {ADULT_DEMAND_KINDS}")
    if set(demand["juvenile_kinds"]) != set(JUVENILE_DEMAND_KINDS):
        raise ValueError(f"demand.juvenile_kinds must be exactly {JUVENILE_DEMAND_KINDS}")
    if set(imposed["kinds"]) != set(ADULT_SENTENCE_KINDS):
        raise ValueError(f"imposed.kinds must be exactly {ADULT_SENTENCE_KINDS}")
    n_def = params["study"]["n_defendants"]
    n_juv = sum(demand["juvenile_kinds"].values())
    if sum(demand["kinds"].values()) + n_juv != n_def:
        raise ValueError("demand.kinds + demand.juvenile_kinds must add up to study.n_defendants")
    forced = demand["kinds"]["vrijspraak"] + demand["kinds"]["ontslag"]
    n_acq = params["acquittal"]["calibrated_count"]
    if sum(imposed["kinds"].values()) != n_def - n_acq - n_juv:
        raise ValueError("imposed.kinds must add up to n_defendants - acquittal.calibrated_count - juveniles")
    if n_acq < forced:
        raise ValueError("acquittal.calibrated_count is smaller than the forced acquittals (demand vrijspraak/ontslag)")
    for section, allowed in (
        (params["acquittal"]["coefficients"], COVARIATES),
        (params["partial_acquittal"]["coefficients"], COVARIATES),
        (demand["coefficients"], COVARIATES),
        (imposed["coefficients"], IMPOSED_COVARIATES),
        (params["covariates"]["juvenile"]["coefficients"], COVARIATES),
    ):
        bad = sorted(set(section) - set(allowed))
        if bad:
            raise ValueError(f"unknown covariates {bad}; allowed: {allowed}")
    if set(params["courts"]) != set(codebook.COURTS):
        raise ValueError("courts: list exactly the courts of codebook.COURTS")


# ----------------------------------------------------------------------------------------------- small helpers


def _logistic(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _logit(p: float) -> float:
    return math.log(p / (1.0 - p))


def _linear(intercept: float, coefficients: dict[str, float], x: dict[str, np.ndarray], n: int) -> np.ndarray:
    eta = np.full(n, float(intercept))
    for name, beta in coefficients.items():
        eta = eta + float(beta) * x[name]
    return eta


def _categorical(rng: np.random.Generator, probs: np.ndarray) -> np.ndarray:
    """One draw per row of a (n, k) probability matrix (rows need not be normalised)."""
    cum = np.cumsum(probs, axis=1)
    u = rng.random(probs.shape[0]) * cum[:, -1]
    return np.minimum((cum < u[:, None]).sum(axis=1), probs.shape[1] - 1)


def _choice(rng: np.random.Generator, options: Sequence[Any], probs: Sequence[float] | None, size: int) -> np.ndarray:
    p = None if probs is None else np.asarray(probs, float) / np.sum(probs)
    return np.asarray(options)[rng.choice(len(options), size=size, p=p)]


def _weighted_sample(rng: np.random.Generator, weights: np.ndarray, k: int, eligible: np.ndarray) -> np.ndarray:
    """Indices of k eligible rows drawn without replacement with probability proportional to `weights`
    (Efraimidis-Spirakis keys u^(1/w))."""
    idx = np.flatnonzero(eligible)
    if k > idx.size:
        raise ValueError(f"cannot draw {k} from {idx.size} eligible rows")
    keys = np.log(rng.random(idx.size)) / np.maximum(weights[idx], 1e-300)
    return np.sort(idx[np.argsort(-keys, kind="stable")[:k]])


def _assign_kinds(
    rng: np.random.Generator,
    kinds: Sequence[str],
    counts: dict[str, int],
    log_affinity: np.ndarray,
    eligible: np.ndarray,
) -> np.ndarray:
    """Give each eligible row one of `kinds` so that kind k is used exactly counts[k] times.

    Kinds are filled rarest first; each takes a weighted sample without replacement (weights exp(log_affinity))
    from the rows still free. Rows not eligible get "" ."""
    out = np.full(eligible.size, "", dtype=object)
    free = eligible.copy()
    order = sorted(range(len(kinds)), key=lambda j: (counts[kinds[j]], j))
    for j in order:
        chosen = _weighted_sample(rng, np.exp(log_affinity[:, j]), counts[kinds[j]], free)
        out[chosen] = kinds[j]
        free[chosen] = False
    return out


def _affinity(
    spec: dict[str, dict[str, float]], kinds: Sequence[str], features: dict[str, np.ndarray], n: int
) -> np.ndarray:
    mat = np.zeros((n, len(kinds)))
    for j, kind in enumerate(kinds):
        for name, beta in spec.get(kind, {}).items():
            mat[:, j] += float(beta) * features[name]
    return mat


def _standardise(x: np.ndarray) -> np.ndarray:
    sd = x.std()
    return (x - x.mean()) / sd if sd > 0 else x * 0.0


def _snap(values: np.ndarray, grid: Sequence[int]) -> np.ndarray:
    """The nearest value of `grid` (ties to the smaller)."""
    g = np.asarray(grid, float)
    return g[np.abs(values[:, None] - g[None, :]).argmin(axis=1)].astype(int)


_UNITS = ["", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf",
          "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien"]
_TENS = ["", "", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig"]


def dutch_number(n: int) -> str:
    """A whole number 1-999 in Dutch words, as written in verdicts: 42 -> "tweeënveertig"."""
    if not 0 < n < 1000:
        raise ValueError(f"dutch_number: {n} out of range")
    hundreds, rest = divmod(n, 100)
    head = "" if hundreds == 0 else ("honderd" if hundreds == 1 else _UNITS[hundreds] + "honderd")
    if rest == 0:
        return head
    if rest < 20:
        tail = _UNITS[rest]
    else:
        tens, unit = divmod(rest, 10)
        if unit == 0:
            tail = _TENS[tens]
        else:
            link = "ën" if _UNITS[unit].endswith("e") else "en"
            tail = _UNITS[unit] + link + _TENS[tens]
    return head + tail


# ---------------------------------------------------------------------------------------------- the simulation


@dataclass(frozen=True)
class Simulation:
    """A synthetic sheet and the latent values behind it (same row order)."""

    sheet: pd.DataFrame  # columns exactly codebook.COLUMN_NAMES
    latent: pd.DataFrame  # true covariates, kinds, propensities and the numbers written into every phrase


def generate_sheet(params: dict[str, Any], seed: int = DEFAULT_SEED) -> pd.DataFrame:
    """The calibrated default sheet: 145 cases, 150 defendants, Tables 1, 2 and 4 exactly."""
    return simulate(params, seed, calibrated=True).sheet


def generate_cohort(params: dict[str, Any], n_defendants: int, seed: int) -> pd.DataFrame:
    """An uncalibrated sheet of any size from the same model (published proportions, logit verdicts)."""
    return simulate(params, seed, calibrated=False, n_defendants=n_defendants).sheet


def simulate(
    params: dict[str, Any], seed: int, calibrated: bool = True, n_defendants: int | None = None
) -> Simulation:
    """Draw a sheet and its latent values. calibrated=True ignores n_defendants (the study's 150)."""
    rng = np.random.default_rng(seed)
    latent = _draw_latent(params, rng, calibrated, n_defendants)
    sheet = _render_sheet(params, rng, latent)
    return Simulation(sheet=sheet, latent=pd.DataFrame(latent))


def _draw_cases(params: dict[str, Any], rng: np.random.Generator, calibrated: bool, n_defendants: int | None):
    """Case sizes and Table 1 rows (as tuples of offence ids) per case."""
    rows = params["table_1"]
    atoms = list(params["offences"])
    named = [tuple(r["offences"]) for r in rows if r["offences"] != "overig"]
    named_sets = {frozenset(o) for o in named}
    multi = params["study"]["multi_defendant_case"]
    if calibrated:
        row_of_case = np.repeat(np.arange(len(rows)), [r["cases"] for r in rows])
        rng.shuffle(row_of_case)
        n_cases = row_of_case.size
        sizes = np.ones(n_cases, int)
        target_row = [tuple(r["offences"]) if r["offences"] != "overig" else None for r in rows].index(
            tuple(multi["offences"])
        )
        candidates = np.flatnonzero(row_of_case == target_row)
        sizes[candidates[rng.integers(candidates.size)]] = int(multi["size"])
    else:
        assert n_defendants is not None and n_defendants > 0
        size_values = np.array([int(k) for k in params["case_size_probabilities"]])
        size_probs = np.array(list(params["case_size_probabilities"].values()), float)
        sizes = _choice(rng, size_values, size_probs, n_defendants).astype(int)
        cum = np.cumsum(sizes)
        n_cases = int(np.searchsorted(cum, n_defendants) + 1)
        sizes = sizes[:n_cases]
        sizes[-1] -= int(cum[n_cases - 1] - n_defendants)
        probs = np.array([r["cases"] for r in rows], float)
        row_of_case = _choice(rng, np.arange(len(rows)), probs, n_cases)
    overig_row = [r["offences"] for r in rows].index("overig")
    combos: list[tuple[str, ...]] = [tuple(rows[r]["offences"]) if r != overig_row else () for r in row_of_case]
    overig_cases = np.flatnonzero(row_of_case == overig_row)
    drawn = _draw_overig(params, rng, atoms, named_sets, overig_cases.size, calibrated)
    for case, combo in zip(overig_cases, drawn):
        combos[case] = combo
    return sizes, row_of_case, combos


def _draw_overig(params, rng, atoms, named_sets, k, calibrated) -> list[tuple[str, ...]]:
    """k random co-offence combinations that are none of the named Table 1 rows (calibrated: each at most
    max_per_overig_combination times)."""
    weights = np.array([params["offences"][a]["weight"] for a in atoms], float)
    size_values = np.array([int(s) for s in params["overig_size_probabilities"]])
    size_probs = np.array(list(params["overig_size_probabilities"].values()), float)
    cap = int(params["max_per_overig_combination"]) if calibrated else None
    result: list[tuple[str, ...]] = []
    used: dict[frozenset[str], int] = {}
    while len(result) < k:
        batch = max(2 * (k - len(result)), 16)
        size = _choice(rng, size_values, size_probs, batch)
        keys = np.log(weights)[None, :] + rng.gumbel(size=(batch, len(atoms)))  # Gumbel top-k = weighted, no repeats
        order = np.argsort(-keys, axis=1)
        for row in range(batch):
            combo = tuple(atoms[j] for j in sorted(order[row, : size[row]]))
            key = frozenset(combo)
            if key in named_sets or (cap is not None and used.get(key, 0) >= cap):
                continue
            used[key] = used.get(key, 0) + 1
            result.append(combo)
            if len(result) == k:
                break
    return result


def _draw_latent(params: dict[str, Any], rng: np.random.Generator, calibrated: bool, n_defendants: int | None):
    cov = params["covariates"]
    atoms = list(params["offences"])
    sizes, row_of_case, combos = _draw_cases(params, rng, calibrated, n_defendants)
    n_cases = sizes.size
    case_of = np.repeat(np.arange(n_cases), sizes)
    n = case_of.size
    has = np.zeros((n_cases, len(atoms)), bool)
    atom_index = {a: j for j, a in enumerate(atoms)}
    for c, combo in enumerate(combos):
        for a in combo:
            has[c, atom_index[a]] = True

    # -- case level: court, date
    court_names = list(params["courts"])
    court_w = np.array([params["courts"][c]["weight"] for c in court_names], float)
    court = _choice(rng, np.arange(len(court_names)), court_w, n_cases)
    days = np.arange(np.datetime64(params["study"]["date_from"]), np.datetime64(params["study"]["date_to"]) + 1)
    workdays = days[np.is_busday(days)]
    date = workdays[rng.integers(workdays.size, size=n_cases)]

    # -- case level: exploitation forms
    ef = cov["exploitation_forms"]
    log_p = np.tile(np.log([ef["base"][f] for f in FORMS]), (n_cases, 1))
    for atom, mult in ef.get("multipliers", {}).items():
        for form, factor in mult.items():
            log_p[:, FORMS.index(form)] += has[:, atom_index[atom]] * math.log(factor)
    p = np.exp(log_p)
    first = _categorical(rng, p)
    second_p = p.copy()
    second_p[np.arange(n_cases), first] = 0.0
    second = _categorical(rng, second_p)
    has_second = rng.random(n_cases) < ef["second_form"]
    forms = np.zeros((n_cases, len(FORMS)), bool)
    forms[np.arange(n_cases), first] = True
    forms[np.arange(n_cases)[has_second], second[has_second]] = True

    # -- case level: victims, period, victim characteristics, organised
    vmax, vexp = int(cov["victims"]["max"]), float(cov["victims"]["exponent"])
    victims = _choice(rng, np.arange(1, vmax + 1), np.arange(1, vmax + 1) ** -vexp, n_cases).astype(int)
    pm = cov["period_months"]
    period = np.rint(pm["median"] * np.exp(pm["sigma"] * rng.standard_normal(n_cases)))
    period = np.clip(period, pm["min"], pm["max"]).astype(int)

    def shifted(spec) -> np.ndarray:
        eta = np.full(n_cases, _logit(spec["base"]))
        for atom, shift in spec.get("shifts", {}).items():
            eta += shift * has[:, atom_index[atom]]
        return rng.random(n_cases) < _logistic(eta)

    minor = shifted(cov["victim_minor"])
    under16 = minor & (rng.random(n_cases) < cov["victim_under16_given_minor"])
    disabled = rng.random(n_cases) < cov["victim_disabled"]
    organised = shifted(cov["organised"])
    case_effect = rng.normal(0.0, params["demand"]["case_sd"], n_cases)

    # -- defendant level
    violence = rng.random(n) < cov["violence"]
    x: dict[str, np.ndarray] = {
        "victim_minor": minor[case_of].astype(float),
        "victim_under16": under16[case_of].astype(float),
        "victim_disabled": disabled[case_of].astype(float),
        "violence": violence.astype(float),
        "organised": organised[case_of].astype(float),
        "log_victims": np.log(victims[case_of]),
        "log_period": np.log1p(period[case_of]),
        "other_offences": has.any(axis=1)[case_of].astype(float),
    }
    for form, name in FORM_COVARIATES.items():
        x[name] = forms[case_of, FORMS.index(form)].astype(float)

    demand_p, acq_p = params["demand"], params["acquittal"]
    eta_demand = _linear(demand_p["intercept"], demand_p["coefficients"], x, n)
    eta_acq = _linear(acq_p["intercept"], acq_p["coefficients"], x, n)
    p_acq = _logistic(eta_acq)
    juv = cov["juvenile"]
    p_juv = _logistic(_linear(juv["intercept"], juv["coefficients"], x, n))
    part = params["partial_acquittal"]
    p_partial = _logistic(_linear(part["intercept"], part["coefficients"], x, n))

    # -- juveniles and demand kinds
    juvenile_counts = demand_p["juvenile_kinds"]
    juv_kinds = list(juvenile_counts)
    if calibrated:
        n_juv = sum(juvenile_counts.values())
        juvenile = np.zeros(n, bool)
        single = (sizes == 1)[case_of]
        juvenile[_weighted_sample(rng, p_juv, n_juv, single)] = True
        kinds_j = np.repeat(juv_kinds, [juvenile_counts[k] for k in juv_kinds])
        rng.shuffle(kinds_j)
    else:
        juvenile = rng.random(n) < p_juv
        kinds_j = _choice(rng, juv_kinds, [juvenile_counts[k] for k in juv_kinds], int(juvenile.sum()))
    features = {
        **x,
        "z_demand": _standardise(eta_demand),
        "z_acquittal": _standardise(eta_acq),
    }
    adult_counts = _counts(rng, demand_p["kinds"], ADULT_DEMAND_KINDS, int((~juvenile).sum()), calibrated)
    demand_affinity = _affinity(demand_p["affinity"], ADULT_DEMAND_KINDS, features, n)
    demand_kind = _assign_kinds(rng, ADULT_DEMAND_KINDS, adult_counts, demand_affinity, ~juvenile)
    demand_kind[juvenile] = kinds_j

    # -- verdicts on mensenhandel
    forced = np.isin(demand_kind, ["vrijspraak", "ontslag"])
    if calibrated:
        acquitted = forced.copy()
        k = int(acq_p["calibrated_count"]) - int(forced.sum())
        acquitted[_weighted_sample(rng, p_acq, k, ~forced & ~juvenile)] = True
    else:
        acquitted = forced | (rng.random(n) < p_acq)
    convicted = ~acquitted
    if calibrated:
        partial = np.zeros(n, bool)
        partial[_weighted_sample(rng, p_partial, int(part["calibrated_count"]), convicted)] = True
    else:
        partial = convicted & (rng.random(n) < p_partial)
    has_other = x["other_offences"] > 0
    ov = params["other_charges_verdict"]
    other_conv = _choice(rng, list(ov["convicted"]), list(ov["convicted"].values()), n)
    other_acq = _choice(rng, list(ov["acquitted"]), list(ov["acquitted"].values()), n)
    verdict_other = np.where(has_other, np.where(convicted, other_conv, other_acq), "niet van toepassing")
    verdict_other = verdict_other.astype(object)
    verdict_trafficking = np.where(acquitted, "vrijspraak", np.where(partial, "partiele vrijspraak", "bewezen"))
    verdict_trafficking = verdict_trafficking.astype(object)
    x["partial_acquittal"] = partial.astype(float)
    x["other_acquitted"] = (verdict_other == "vrijspraak").astype(float)
    x["other_partially_acquitted"] = (verdict_other == "partiele vrijspraak").astype(float)

    # -- sentence kinds
    adult_conv = convicted & ~juvenile
    comps = {k: set(k.split("_")) for k in ADULT_DEMAND_KINDS}
    features.update(
        demand_onv_only=(demand_kind == "onv").astype(float),
        demand_vw=np.isin(demand_kind, [k for k in ADULT_DEMAND_KINDS if "vw" in comps[k]]).astype(float),
        demand_maatregel=np.isin(demand_kind, ["onv_maatregel", "maatregel_tbs"]).astype(float),
        demand_taakstraf=np.isin(demand_kind, ["onv_taak", "onv_werk", "onv_vw_taak"]).astype(float),
    )
    imp = params["imposed"]
    sent_counts = _counts(rng, imp["kinds"], ADULT_SENTENCE_KINDS, int(adult_conv.sum()), calibrated)
    sentence_affinity = _affinity(imp["affinity"], ADULT_SENTENCE_KINDS, features, n)
    sentence_kind = _assign_kinds(rng, ADULT_SENTENCE_KINDS, sent_counts, sentence_affinity, adult_conv)
    juv_conv = convicted & juvenile
    sentence_kind[juv_conv] = [JUVENILE_SENTENCE_OF[k] for k in demand_kind[juv_conv]]
    other_proven = np.isin(verdict_other, ["bewezen", "partiele vrijspraak"])
    sentence_kind[acquitted] = np.where(other_proven[acquitted], "other_only", "vrijspraak")

    # -- numbers: demand
    d_star = np.exp(eta_demand + case_effect[case_of] + rng.normal(0.0, demand_p["sigma"], n))
    d_star = np.clip(d_star, demand_p["min_months"], demand_p["max_months"])
    rnd = demand_p["rounding"]
    g12 = _choice(rng, [int(g) for g in rnd["at_least_12"]], list(rnd["at_least_12"].values()), n)
    g6 = _choice(rng, [int(g) for g in rnd["from_6"]], list(rnd["from_6"].values()), n)
    grid = np.where(d_star >= 12, g12, np.where(d_star >= 6, g6, 1))
    d_round = np.maximum(np.rint(d_star / grid) * grid, grid)
    d_round = np.clip(d_round, demand_p["min_months"], demand_p["max_months"]).astype(int)
    demand_has_onv = np.isin(demand_kind, ["onv", "onv_vw", "onv_maatregel", "onv_taak", "onv_werk", "onv_vw_taak"])
    demand_has_vw = np.isin(demand_kind, ["onv_vw", "onv_vw_taak"])
    d_uncond = np.where(demand_has_onv, d_round, np.nan)
    d_cond = _conditional(rng, d_round, demand_p["conditional_fraction"], demand_p["conditional_months"], demand_has_vw)
    d_prob = np.where(demand_has_vw, _years(rng, demand_p["probation_years"], n), np.nan)
    d_cs_kind = np.where(np.isin(demand_kind, ["onv_taak", "onv_vw_taak"]), "taakstraf",
                         np.where(demand_kind == "onv_werk", "werkstraf", "")).astype(object)
    d_cs_hours = np.where(d_cs_kind != "", _choice(rng, demand_p["community_service_hours"], None, n), np.nan)
    tbs = _choice(rng, list(demand_p["tbs_kinds"]), list(demand_p["tbs_kinds"].values()), n)
    d_measure = np.where(np.isin(demand_kind, ["onv_maatregel", "maatregel_tbs"]), tbs, "").astype(object)

    # -- numbers: sentence (adults convicted)
    follow = convicted & ~juvenile & (rng.random(n) < imp["p_follow"])
    lr = _linear(imp["discount"], imp["coefficients"], x, n) + rng.normal(0.0, imp["sigma"], n)
    lr = np.where(follow, 0.0, lr)
    base = np.where(demand_has_onv, d_round, d_star)
    u_raw = base * np.exp(lr)
    to3 = (u_raw >= 12) & (rng.random(n) < imp["round_to_3"])
    u_i = np.where(to3, np.rint(u_raw / 3) * 3, np.rint(u_raw))
    u_i = np.where(follow, base, np.maximum(u_i, imp["min_months"]))
    u_i = np.rint(u_i).astype(int)
    s_has_onv = np.isin(sentence_kind, ADULT_SENTENCE_KINDS)
    s_has_vw = np.isin(sentence_kind, ["onv_vw", "onv_vw_taak", "onv_vw_maatregel"])
    s_uncond = np.where(s_has_onv, u_i, np.nan)
    s_cond = _conditional(rng, u_i, imp["conditional_fraction"], imp["conditional_months"], s_has_vw)
    s_prob = np.where(s_has_vw, _years(rng, imp["probation_years"], n), np.nan)
    s_cs_kind = np.where(np.isin(sentence_kind, ["onv_taak", "onv_vw_taak"]), "taakstraf",
                         np.where(sentence_kind == "onv_werk", "werkstraf", "")).astype(object)
    s_cs_hours = np.where(s_cs_kind != "", _choice(rng, imp["community_service_hours"], None, n), np.nan)
    mk = imp["measure_kinds"]
    measure = _choice(rng, list(mk), list(mk.values()), n).astype(object)
    keep = (d_measure != "") & (rng.random(n) < imp["keep_tbs"])
    measure = np.where(keep, d_measure, measure)
    s_measure = np.where(np.isin(sentence_kind, ["onv_maatregel", "onv_vw_maatregel"]), measure, "").astype(object)

    # -- other-only sentences of acquitted defendants (modest, for the co-charged offences)
    ao = imp["acquitted_other_proven"]
    other_only = sentence_kind == "other_only"
    as_cs = other_only & (rng.random(n) < ao["community_service"])
    small = _choice(rng, ao["prison_months"], None, n)
    s_uncond = np.where(other_only & ~as_cs, small, s_uncond)
    s_cs_kind = np.where(as_cs, "taakstraf", s_cs_kind).astype(object)
    s_cs_hours = np.where(as_cs, _choice(rng, imp["community_service_hours"], None, n), s_cs_hours)

    # -- juveniles: jeugdstrafrecht phrases
    js = params["juvenile_sentence"]
    d_youth = juvenile.copy()
    d_voorarrest = demand_kind == "jeugd_voorarrest"
    jvw_d = demand_kind == "jeugd_vw_taak"
    d_cond = np.where(jvw_d, _choice(rng, js["conditional_months"], None, n), d_cond)
    d_prob = np.where(jvw_d, 2.0, d_prob)
    d_cs_kind = np.where(jvw_d, "taakstraf", d_cs_kind).astype(object)
    d_cs_hours = np.where(jvw_d, _choice(rng, js["community_service_hours"], None, n), d_cs_hours)
    d_measure = np.where(demand_kind == "jeugd_pij", PIJ, d_measure).astype(object)
    d_uncond = np.where(juvenile, np.nan, d_uncond)
    s_youth = juvenile.copy()
    j_onv = sentence_kind == "jeugd_onv"
    s_voorarrest = j_onv & (rng.random(n) < js["voorarrest"])
    j_days = _choice(rng, js["detention_days"], None, n)
    s_uncond = np.where(juvenile & ~other_only, np.nan, s_uncond)
    j_days_prison = (j_onv & ~s_voorarrest) | (juvenile & other_only & np.isfinite(s_uncond))
    s_uncond = np.where(j_days_prison, j_days * 12 / DAYS_PER_YEAR, s_uncond)
    j_vw = sentence_kind == "jeugd_vw_werk"
    s_cond = np.where(j_vw, _choice(rng, js["conditional_months"], None, n), s_cond)
    s_prob = np.where(j_vw, 2.0, s_prob)
    s_cs_kind = np.where(j_vw, "werkstraf", s_cs_kind).astype(object)
    s_cs_hours = np.where(j_vw, _choice(rng, js["community_service_hours"], None, n), s_cs_hours)
    s_measure = np.where(sentence_kind == "jeugd_pij", PIJ, s_measure).astype(object)

    d_status = np.array([k if k in STATUS_TEXT else "" for k in demand_kind], dtype=object)
    s_status = np.where(sentence_kind == "vrijspraak", "vrijspraak", "").astype(object)

    # -- proven victims and period
    victims_d, period_d = victims[case_of], period[case_of]
    v_cut = rng.integers(1, np.maximum(victims_d, 2))  # 1..victims-1
    cut_victims = partial & (victims_d > 1) & ((rng.random(n) < 0.6) | (period_d == 1))
    p_frac = rng.uniform(0.3, 0.9, n)
    cut_period = partial & (period_d > 1) & (~cut_victims | (rng.random(n) < 0.3))
    victims_proven = np.where(acquitted, 0, np.where(cut_victims, v_cut, victims_d))
    period_proven = np.where(acquitted, 0, np.where(cut_period, np.maximum(1, np.floor(period_d * p_frac)), period_d))

    latent: dict[str, Any] = {
        "case": case_of,
        "case_size": sizes[case_of],
        "table_1_row": row_of_case[case_of],
        "combo": [combos[c] for c in case_of],
        "court": np.asarray(court_names, dtype=object)[court[case_of]],
        "decision_date": date[case_of],
        "exploitation_forms": forms[case_of],
        "victims_charged": victims_d,
        "period_charged_months": period_d,
        "juvenile": juvenile,
        **{k: v for k, v in x.items()},
        "eta_demand": eta_demand,
        "case_effect": case_effect[case_of],
        "demand_latent": d_star,
        "p_acquittal": p_acq,
        "p_partial": p_partial,
        "p_juvenile": p_juv,
        "demand_kind": demand_kind,
        "sentence_kind": sentence_kind,
        "verdict_trafficking": verdict_trafficking,
        "verdict_other": verdict_other,
        "follow": follow,
        "log_ratio": np.where(s_has_onv & demand_has_onv, lr, np.nan),
        "victims_proven": victims_proven,
        "period_proven_months": period_proven.astype(int),
    }
    for prefix, vals in (
        ("d", (d_status, d_youth, d_uncond, d_voorarrest, d_cond, d_prob, d_cs_kind, d_cs_hours, d_measure)),
        ("s", (s_status, s_youth, s_uncond, s_voorarrest, s_cond, s_prob, s_cs_kind, s_cs_hours, s_measure)),
    ):
        for name, val in zip(
            ("status", "youth", "uncond_months", "voorarrest", "cond_months", "probation_years",
             "cs_kind", "cs_hours", "measure"),
            vals,
        ):
            latent[f"{prefix}_{name}"] = val
    latent["case_ids"] = n_cases
    return latent


def _counts(rng, spec: dict[str, int], kinds: Sequence[str], n: int, calibrated: bool) -> dict[str, int]:
    if calibrated:
        return {k: int(spec[k]) for k in kinds}
    probs = np.array([spec[k] for k in kinds], float)
    drawn = rng.multinomial(n, probs / probs.sum())
    return {k: int(c) for k, c in zip(kinds, drawn)}


def _conditional(
    rng: np.random.Generator, uncond: np.ndarray, fraction: Sequence[float], grid: Sequence[int], where: np.ndarray
) -> np.ndarray:
    """Suspended months: uncond * uniform(fraction), snapped to `grid`, where `where` (NaN elsewhere)."""
    r = rng.uniform(fraction[0], fraction[1], uncond.size)
    return np.where(where, _snap(uncond * r, grid), np.nan)


def _years(rng, spec: dict[int, float], n: int) -> np.ndarray:
    return _choice(rng, [int(k) for k in spec], list(spec.values()), n).astype(float)


# -------------------------------------------------------------------------------------------------- rendering


def _prison_text(uncond: int, cond: float, probation: float, form: float, words_ok: bool) -> str:
    """The prison component for an adult (uncond > 0; cond may be NaN)."""
    if cond == cond:  # has a suspended part: total = unconditional + conditional
        total, c, p = uncond + int(cond), int(cond), int(probation)
        if form < 0.65:
            return (
                f"gevangenisstraf voor de duur van {total} maanden, "
                f"waarvan {c} maanden voorwaardelijk met een proeftijd van {p} jaren"
            )
        return (
            f"een gevangenisstraf van {total} maanden waarvan {c} maanden niet ten uitvoer zal worden gelegd, "
            f"met een proeftijd van {p} jaren"
        )
    years, months = divmod(uncond, 12)
    if form >= 0.65 and years >= 1:
        if months == 0 and years >= 2:
            return f"gevangenisstraf van {years} jaren"
        if 2 <= months <= 11:
            return f"gevangenisstraf van {years} {'jaar' if years == 1 else 'jaren'} en {months} maanden"
    if 0.45 <= form < 0.65 and words_ok:
        return f"gevangenisstraf voor de duur van {uncond} ({dutch_number(uncond)}) maanden, met aftrek van voorarrest"
    return f"gevangenisstraf voor de duur van {uncond} maanden"


def _sanction_text(status, youth, uncond, voorarrest, cond, probation, cs_kind, cs_hours, measure, form, join) -> str:
    if status:
        return STATUS_TEXT[status]
    parts: list[str] = []
    if youth:
        if voorarrest:
            parts.append("jeugddetentie voor de duur van het voorarrest")
        elif uncond == uncond:
            parts.append(f"jeugddetentie voor de duur van {int(round(uncond * DAYS_PER_YEAR / 12))} dagen")
        elif cond == cond:
            parts.append(
                f"voorwaardelijke jeugddetentie van {int(cond)} maanden met een proeftijd van {int(probation)} jaren"
            )
    elif uncond == uncond:
        parts.append(_prison_text(int(uncond), cond, probation, form, True))
    elif cond == cond:
        parts.append(
            f"voorwaardelijke gevangenisstraf van {int(cond)} maanden met een proeftijd van {int(probation)} jaren"
        )
    if cs_kind == "taakstraf":
        parts.append(f"taakstraf van {int(cs_hours)} uren")
    elif cs_kind == "werkstraf":
        h = int(cs_hours)
        substitute = "" if youth else f", subsidiair {h // 2} dagen vervangende hechtenis"
        parts.append(f"werkstraf van {h} uur{substitute}")
    if measure:
        parts.append(measure)
    if len(parts) <= 1:
        return parts[0] if parts else ""
    if join < 0.6:
        return ", ".join(parts[:-1]) + " en " + parts[-1]
    return ", ".join(parts)


def _charge_text(combo: tuple[str, ...], atoms: dict[str, Any], second: float, minor: bool, u: np.ndarray) -> str:
    """One case's charge text. Variants marked "minderjarig" are used only when the case has a minor victim.
    u: uniforms for order, variant choice and second variants (length >= 3 * len(combo))."""
    names = [TRAFFICKING_TEXT]
    order = sorted(range(len(combo)), key=lambda j: u[j])
    for j in order:
        variants = [v for v in atoms[combo[j]]["variants"] if len(v) < 3 or minor] or atoms[combo[j]]["variants"]
        first = int(u[len(combo) + j] * len(variants))
        names.append(f"{variants[first][0]} (art. {variants[first][1]})")
        others = [v for v in variants if v[1] != variants[first][1]]
        if others and u[2 * len(combo) + j] < second:
            v = others[int(u[2 * len(combo) + j] / second * len(others)) % len(others)]
            names.append(f"{v[0]} (art. {v[1]})")
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " en " + names[-1]


_OPENINGS = (
    "Bij de straftoemeting weegt de rechtbank mee dat",
    "De rechtbank houdt bij de strafmaat rekening met het feit dat",
    "Strafverzwarend acht de rechtbank dat",
    "De rechtbank neemt in het bijzonder in aanmerking dat",
)
_FORM_CLAUSES = {
    "seksuele uitbuiting": "verdachte {obj} in de prostitutie heeft uitgebuit",
    "arbeidsuitbuiting": "verdachte {obj} tegen een schamel loon lange dagen heeft laten werken",
    "criminele uitbuiting": "verdachte {obj} heeft ingezet voor het plegen van strafbare feiten",
    "gedwongen dienstverlening": "verdachte {obj} heeft gedwongen tot het verrichten van diensten",
    "onbekend": "verdachte {obj} heeft uitgebuit",
}
_ACQUITTAL_REASONS = (
    "niet wettig en overtuigend bewezen dat verdachte een dwangmiddel heeft gebruikt",
    "niet bewezen dat verdachte het oogmerk van uitbuiting had",
    "de verklaringen van de aangeefster vinden onvoldoende steun in ander bewijs",
    "niet bewezen dat verdachte wist of moest vermoeden dat sprake was van uitbuiting",
)


def _motivation(verdict, verdict_other, form, victims, period, minor, under16, disabled, violence, organised,
                juvenile, u) -> str:
    if verdict == "vrijspraak":
        reason = _ACQUITTAL_REASONS[int(u[0] * len(_ACQUITTAL_REASONS))]
        text = f"Vrijspraak van mensenhandel: {reason}"
        if verdict_other in ("bewezen", "partiele vrijspraak"):
            text += "; de straf ziet alleen op de overige bewezen feiten"
        return text + "."
    plural = victims != victims or victims > 1
    obj = "de slachtoffers" if plural else "het slachtoffer"
    clauses = [_FORM_CLAUSES[form].format(obj=obj)]
    if period == period and period >= 12:
        clauses[0] += f" gedurende een periode van {int(period)} maanden"
    if minor == "ja":
        age = "jonger dan zestien jaar" if under16 == "ja" else "minderjarig"
        clauses.append(f"{obj} {age} {'waren' if plural else 'was'}")
    if disabled == "ja":
        clauses.append(f"misbruik is gemaakt van de verstandelijke beperking van {obj}")
    if violence == "ja":
        clauses.append("daarbij geweld is gebruikt of met geweld is gedreigd")
    if organised == "ja":
        clauses.append("in georganiseerd verband is gehandeld")
    text = _OPENINGS[int(u[1] * len(_OPENINGS))] + " " + (
        clauses[0] if len(clauses) == 1 else ", ".join(clauses[:-1]) + " en " + clauses[-1]
    )
    if verdict == "partiele vrijspraak":
        text += "; met de partiële vrijspraak houdt de rechtbank rekening"
    if juvenile:
        text += "; de rechtbank past het jeugdstrafrecht toe"
    elif u[2] < 0.25:
        text += "; verdachte heeft ter zitting geen verantwoordelijkheid genomen voor de feiten"
    return text + "."


def _render_sheet(params: dict[str, Any], rng: np.random.Generator, lat: dict[str, Any]) -> pd.DataFrame:
    n = lat["case"].size
    unk = params["unknown"]

    # -- ids (cases numbered in order of decision date, then court)
    n_cases = int(lat["case_ids"])
    first_row = np.flatnonzero(np.r_[True, lat["case"][1:] != lat["case"][:-1]])
    case_order = np.lexsort((lat["court"][first_row].astype(str), lat["decision_date"][first_row]))
    number_of_case = np.empty(n_cases, int)
    number_of_case[case_order] = np.arange(1, n_cases + 1)
    width = max(3, len(str(n_cases)))
    case_no = number_of_case[lat["case"]]
    within = np.arange(n) - first_row[lat["case"]] + 1
    case_id = np.array([f"Z{c:0{width}d}" for c in case_no], dtype=object)
    defendant_id = np.array([f"{c}-{w}" for c, w in zip(case_id, within)], dtype=object)
    row_order = np.lexsort((within, case_no))

    # -- ECLI: real court code, decision year, a serial no court reaches
    lo = int(params["ecli_number_from"])
    span = max(10 * n, 10**len(str(lo)) - lo)
    serial = lo + rng.choice(span, size=n, replace=False)
    code = {c: params["courts"][c]["ecli"] for c in params["courts"]}
    years = lat["decision_date"].astype("datetime64[Y]").astype(int) + 1970
    ecli = np.array([f"ECLI:NL:{code[c]}:{y}:{s}" for c, y, s in zip(lat["court"], years, serial)], dtype=object)

    # -- charges (one text per case, shared by co-defendants)
    atoms, second = params["offences"], float(params["second_variant"])
    u_charge = rng.random((n_cases, 3 * 4 + 1))
    case_combo: dict[int, tuple[tuple[str, ...], bool]] = {}
    for c, combo, m in zip(lat["case"], lat["combo"], lat["victim_minor"]):
        case_combo.setdefault(c, (combo, bool(m)))
    charge_of_case = {c: _charge_text(combo, atoms, second, m, u_charge[c]) for c, (combo, m) in case_combo.items()}
    charges = np.array([charge_of_case[c] for c in lat["case"]], dtype=object)

    # -- coded covariates with "onbekend"/missing (case-level masks shared by co-defendants)
    case = lat["case"]

    def yes_no(values: np.ndarray, p_unknown: float, case_level: bool) -> np.ndarray:
        mask = (rng.random(n_cases)[case] if case_level else rng.random(n)) < p_unknown
        return np.where(mask, "onbekend", np.where(values > 0.5, "ja", "nee")).astype(object)

    minor = yes_no(lat["victim_minor"], unk["category"], True)
    under16 = np.where(
        minor == "onbekend", "onbekend",
        np.where(minor == "nee", "nee", yes_no(lat["victim_under16"], unk["under16_given_minor"], True)),
    ).astype(object)
    disabled = yes_no(lat["victim_disabled"], unk["category"], True)
    violence = yes_no(lat["violence"], unk["category"], False)
    organised = yes_no(lat["organised"], unk["category"], True)
    forms_mask = rng.random(n_cases)[case] < unk["exploitation_forms"]
    form_rows = lat["exploitation_forms"]
    forms_text = np.array(
        [
            "onbekend" if m else codebook.MULTI_SEPARATOR.join(f for f, h in zip(FORMS, row) if h)
            for m, row in zip(forms_mask, form_rows)
        ],
        dtype=object,
    )
    first_form = np.array(
        ["onbekend" if m else FORMS[int(np.argmax(row))] for m, row in zip(forms_mask, form_rows)], dtype=object
    )
    miss_v = rng.random(n_cases)[case] < unk["victims_charged"]
    miss_p = rng.random(n_cases)[case] < unk["period_charged_months"]
    victims_charged = pd.array(np.where(miss_v, pd.NA, lat["victims_charged"]), dtype="Int64")
    period_charged = pd.array(np.where(miss_p, pd.NA, lat["period_charged_months"]), dtype="Int64")
    victims_proven = pd.array(np.where(miss_v, pd.NA, lat["victims_proven"]), dtype="Int64")
    period_proven = pd.array(np.where(miss_p, pd.NA, lat["period_proven_months"]), dtype="Int64")

    # -- phrases
    phrase = {}
    for prefix in ("d", "s"):
        form_u, join_u = rng.random(n), rng.random(n)
        cols = [lat[f"{prefix}_{k}"] for k in ("status", "youth", "uncond_months", "voorarrest", "cond_months",
                                                 "probation_years", "cs_kind", "cs_hours", "measure")]
        phrase[prefix] = np.array([_sanction_text(*row) for row in zip(*cols, form_u, join_u)], dtype=object)

    # -- motivation
    u_mot = rng.random((n, 3))
    empty = rng.random(n) < 0.03
    victims_for_text = np.where(miss_v, np.nan, lat["victims_charged"])
    period_for_text = np.where(miss_p, np.nan, lat["period_charged_months"])
    motivation = np.array(
        [
            "" if e else _motivation(v, vo, f, nv, pm, mi, u16, di, vi, og, j, uu)
            for e, v, vo, f, nv, pm, mi, u16, di, vi, og, j, uu in zip(
                empty, lat["verdict_trafficking"], lat["verdict_other"], first_form,
                victims_for_text, period_for_text, minor, under16, disabled, violence, organised,
                lat["juvenile"], u_mot,
            )
        ],
        dtype=object,
    )

    dates = np.datetime_as_string(lat["decision_date"], unit="D").astype(object)
    sheet = pd.DataFrame(
        {
            "case_id": case_id,
            "defendant_id": defendant_id,
            "ecli": ecli,
            "court": lat["court"],
            "decision_date": dates,
            "charges": charges,
            "exploitation_forms": forms_text,
            "victims_charged": victims_charged,
            "period_charged_months": period_charged,
            "victim_minor": minor,
            "victim_under16": under16,
            "victim_disabled": disabled,
            "violence": violence,
            "organised": organised,
            "demand": phrase["d"],
            "verdict_trafficking": lat["verdict_trafficking"],
            "verdict_other": lat["verdict_other"],
            "sentence": phrase["s"],
            "period_proven_months": period_proven,
            "victims_proven": victims_proven,
            "motivation": motivation,
        },
        columns=list(codebook.COLUMN_NAMES),
    )
    # Reorder rows (and the latent arrays, in place) by case number, then defendant number.
    for key, value in list(lat.items()):
        if isinstance(value, np.ndarray) and value.ndim >= 1 and value.shape[0] == n:
            lat[key] = value[row_order]
        elif isinstance(value, list) and len(value) == n:
            lat[key] = [value[i] for i in row_order]
    lat["case_id"] = case_id[row_order]
    lat["defendant_id"] = defendant_id[row_order]
    lat["exploitation_forms"] = [tuple(f for f, h in zip(FORMS, row) if h) for row in lat["exploitation_forms"]]
    lat.pop("case_ids")
    return sheet.iloc[row_order].reset_index(drop=True)


# ---------------------------------------------------------------------------------------------------- writing


def sheet_to_csv(sheet: pd.DataFrame) -> bytes:
    """The sheet as the committed CSV: UTF-8 without BOM, comma-separated, "\\n" line ends, no index, empty cells
    for missing values. Numbers are integers, so no float formatting enters."""
    buffer = io.StringIO()
    sheet.to_csv(buffer, index=False, lineterminator="\n", na_rep="", float_format="%.1f")
    return buffer.getvalue().encode("utf-8")


def write_sheet(sheet: pd.DataFrame, path: str | Path) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_bytes(sheet_to_csv(sheet))


# ------------------------------------------------------------------------------------------------------ truth


def truth(params: dict[str, Any]) -> dict[str, Any]:
    """The effects an analysis of a synthetic sheet should recover, in interpretable form.

    Structural parameters come straight from `params`; "expected_*" values are population averages computed on a
    fixed internal simulation (100,000 uncalibrated defendants, seed 0), so they are the same on every call.
    Log effects are natural-log points; percent = 100 * (exp(log) - 1).
    """
    dem, imp, acq, part = params["demand"], params["imposed"], params["acquittal"], params["partial_acquittal"]
    pf = float(imp["p_follow"])

    def pct(b: float) -> float:
        return 100.0 * (math.exp(b) - 1.0)

    def effect(name: str) -> dict[str, float]:
        b = float(dem["coefficients"].get(name, 0.0))
        g = float(imp["coefficients"].get(name, 0.0))
        return {
            "demand_log": b,
            "demand_percent": pct(b),
            "imposed_given_demand_log": g,
            "imposed_given_demand_percent": pct(g),
            "imposed_given_demand_log_mean": (1 - pf) * g,
            "imposed_total_log_mean": b + (1 - pf) * g,
        }

    rng = np.random.default_rng(0)
    lat = _draw_latent(params, rng, calibrated=False, n_defendants=100_000)
    adult = ~lat["juvenile"]
    conv = (lat["verdict_trafficking"] != "vrijspraak") & adult
    full = (lat["verdict_trafficking"] == "bewezen") & adult
    both = np.isfinite(lat["d_uncond_months"]) & np.isfinite(lat["s_uncond_months"])
    ratio = lat["s_uncond_months"] / lat["d_uncond_months"]
    r_full = ratio[full & both]
    r_conv = ratio[conv & both]
    minor = lat["victim_minor"] > 0
    share_u16 = float(lat["victim_under16"][minor].mean())
    minor_effect = effect("victim_minor")
    b_u16 = float(dem["coefficients"].get("victim_under16", 0.0))
    minor_effect.update(
        share_under16_among_minor=share_u16,
        demand_log_averaged_over_under16=minor_effect["demand_log"] + b_u16 * share_u16,
    )
    return {
        "covariates": {
            "definition": "per defendant, true values before masking: " + ", ".join(IMPOSED_COVARIATES),
            "log_victims": "ln(victims_charged)",
            "log_period": "ln(1 + period_charged_months)",
            "other_offences": "1 when any offence besides mensenhandel is charged (Table 1 not 'enkel mensenhandel')",
            "forms": "form_* = 1 when that exploitation form is coded; seksuele uitbuiting is the reference",
        },
        "demand": {
            "model": "ln(demanded unconditional months) = intercept + coef.x + u_case + e (then rounded)",
            "intercept": float(dem["intercept"]),
            "coefficients_log": {k: float(v) for k, v in dem["coefficients"].items()},
            "coefficients_percent": {k: pct(float(v)) for k, v in dem["coefficients"].items()},
            "case_sd": float(dem["case_sd"]),
            "sigma": float(dem["sigma"]),
            "expected_median_months": float(np.nanmedian(lat["d_uncond_months"][adult])),
            "expected_mean_months": float(np.nanmean(lat["d_uncond_months"][adult])),
        },
        "imposed_given_demand": {
            "model": "with prob p_follow imposed = demanded unconditional months; otherwise "
            "ln(imposed/demand) = discount + coef.x + e",
            "p_follow": pf,
            "discount_log": float(imp["discount"]),
            "coefficients_log": {k: float(v) for k, v in imp["coefficients"].items()},
            "coefficients_log_mean": {k: (1 - pf) * float(v) for k, v in imp["coefficients"].items()},
            "sigma": float(imp["sigma"]),
            "expected_mean_ratio_fully_proven": float(r_full.mean()),
            "expected_mean_ratio_convicted": float(r_conv.mean()),
            "expected_share_below": float((r_full < 1).mean()),
            "expected_share_equal": float((r_full == 1).mean()),
            "expected_share_above": float((r_full > 1).mean()),
            "expected_mean_imposed_months": float(np.nanmean(lat["s_uncond_months"][conv])),
        },
        "minor_victim": minor_effect,  # demand_log_averaged_over_under16: for a model without victim_under16
        "under16_victim": effect("victim_under16"),
        "disabled_victim": effect("victim_disabled"),
        "partial_acquittal": {
            "imposed_given_demand_log": float(imp["coefficients"]["partial_acquittal"]),
            "imposed_given_demand_percent": pct(float(imp["coefficients"]["partial_acquittal"])),
            "imposed_given_demand_log_mean": (1 - pf) * float(imp["coefficients"]["partial_acquittal"]),
            "logit_intercept": float(part["intercept"]),
            "logit_coefficients": {k: float(v) for k, v in part["coefficients"].items()},
            "expected_share_among_convicted": float((lat["verdict_trafficking"][conv] == "partiele vrijspraak").mean()),
            "calibrated_count": int(part["calibrated_count"]),
        },
        "discount": {
            "log": float(imp["discount"]),
            "mean_log_ratio_fully_proven": (1 - pf) * float(imp["discount"]),
            "expected_mean_ratio_fully_proven": float(r_full.mean()),
        },
        "acquittal": {
            "logit_intercept": float(acq["intercept"]),
            "logit_coefficients": {k: float(v) for k, v in acq["coefficients"].items()},
            "forced": "demand vrijspraak or ontslag van alle rechtsvervolging",
            "expected_share": float((lat["verdict_trafficking"] == "vrijspraak").mean()),
            "calibrated_count": int(acq["calibrated_count"]),
            "calibrated_share": int(acq["calibrated_count"]) / int(params["study"]["n_defendants"]),
        },
    }


# -------------------------------------------------------------------------------------------------------- CLI


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m mhcases.synth",
        description="Schrijf een synthetisch codeerblad (een rij per verdachte), gekalibreerd op tabel 1, 2 en 4 "
        "van Kamerstuk 28 638, nr. 183, of met --cohort een ongekalibreerd cohort van N verdachten.",
    )
    parser.add_argument("--params", default="data/raw/synthetic_params.yaml", help="parameterbestand (YAML)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="seed voor numpy.random.default_rng")
    parser.add_argument("--out", required=True, help="uitvoerbestand (CSV)")
    parser.add_argument("--cohort", type=int, default=None, metavar="N", help="ongekalibreerd cohort van N verdachten")
    args = parser.parse_args(argv)
    params = load_params(args.params)
    if args.cohort is not None:
        if args.cohort < 1:
            parser.error("--cohort moet minstens 1 zijn")
        sheet = generate_cohort(params, args.cohort, args.seed)
    else:
        sheet = generate_sheet(params, args.seed)
    write_sheet(sheet, args.out)
    print(f"{args.out}: {len(sheet)} verdachten, {sheet['case_id'].nunique()} zaken", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
