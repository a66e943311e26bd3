"""The letter's inputs: every result file of a build, read (`load_results`), and the estimate type."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from mhcases.present import (
    format_ci,
)


# The result files the letter reads, by the names of REPORT_RESULTS in rules/report.smk.
TABLES = ("tabel_1", "tabel_2", "tabel_3", "tabel_4", "tabel_5")
FIGURES = ("shift", "scatter", "ecdf")
CSV_RESULTS = {
    "cleaning_log": "cleaning_log",
    "comparison": "comparison",
    "demand_sentence": "demand_sentence",
    "demand_sentence_test": "demand_sentence_test",
    "demand_sentence_pairs": "pairs",
    "decomposition": "decomposition",
    "counterfactual": "counterfactual",
    "model_coefficients": "coefficients",
    "model_effects": "effects",
    "model_two_part": "two_part",
    "model_power": "power",
    "model_sensitivity": "sensitivity",
}
RESULT_NAMES = (
    "cases", *CSV_RESULTS, *TABLES, *(f"figure_{f}_{kind}" for f in FIGURES for kind in ("svg", "png")), "provenance"
)

VERDICT_LABELS = {
    "alle": "alle verdachten",
    "bewezen": "bewezen",
    "partiele vrijspraak": "partiële vrijspraak",
    "vrijspraak": "vrijspraak",
    "ontslag": "ontslag",
}
TERM_SHORT = {"minor": "minderjarig", "disabled": "verstandelijk beperkt"}
TERM_LABELS = {"minor": "minderjarig slachtoffer", "disabled": "verstandelijk beperkt slachtoffer"}
UNREADABLE_RULE = "NIET TE LEZEN"  # prefix of the cleaning-log rule for a phrase that was not read
NOT_ESTIMABLE = "niet te schatten"



# ----------------------------------------------------------------------------------------------------------
# Reading
# ----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Results:
    """Every result file of a build, read."""

    cases: pd.DataFrame  # results/clean/cases.parquet
    cleaning_log: pd.DataFrame
    tables: dict[str, pd.DataFrame]  # tabel_1 … tabel_5: categorie, frequentie, aandeel
    comparison: pd.DataFrame  # the check of Tables 1, 2, 4 against the letter
    demand_sentence: pd.DataFrame  # demand vs imposed: group, subgroup, measure, estimate, ci_low, ci_high, n
    demand_sentence_test: pd.DataFrame  # Wilcoxon tests
    pairs: pd.DataFrame  # per defendant: demand_months, imposed_months, …
    decomposition: pd.DataFrame  # maat, measure, estimate, ci_low, ci_high, n
    counterfactual: pd.DataFrame  # per defendant: eis, opgelegd, zonder_volledige_vrijspraken, zonder_vrijspraken
    coefficients: pd.DataFrame
    effects: pd.DataFrame
    two_part: pd.DataFrame
    power: pd.DataFrame
    sensitivity: pd.DataFrame
    figures: dict[str, Path]  # "shift_svg", "shift_png", … -> path
    provenance: dict[str, Any]  # results/report/herkomst.yaml
    periods: pd.DataFrame | None = None  # vervolg with a baseline sheet: results/models/vergelijking_perioden.csv

    @property
    def n_defendants(self) -> int:
        return int(len(self.cases))

    @property
    def n_cases(self) -> int:
        return int(self.cases["case_id"].nunique())

    @property
    def analysis(self) -> dict[str, Any]:
        """The build's `analysis` settings (seed, bootstrap_replicates, ci_level), from the provenance record."""
        return dict((self.provenance.get("config") or {}).get("analysis") or {})

    @property
    def ci_level(self) -> float:
        return float(self.analysis.get("ci_level", 0.95))

    @property
    def minimum(self) -> dict[str, int]:
        """The build's minimum sizes (`analysis.minimum`), with the schema's defaults for keys not recorded."""
        return {**MINIMUM_DEFAULTS, **(self.analysis.get("minimum") or {})}

    @property
    def study(self) -> dict[str, Any]:
        """The build's `study` settings (kind, title, period, baseline sheet)."""
        return dict((self.provenance.get("config") or {}).get("study") or {"kind": "replicatie"})

    @property
    def follow_up(self) -> bool:
        return self.study.get("kind") == "vervolg"


MINIMUM_DEFAULTS = {"model_n": 20, "model_cases": 10, "term_n": 5, "outcome_n": 5, "residual_df": 5, "subgroup_n": 5,
                    "sensitivity_n": 20, "bootstrap_cases": 10}  # as in config/schema.yaml
# Result tables with bootstrap intervals: their intervals are shown only where n and n_clusters reach the minimum.
INTERVAL_TABLES = ("demand_sentence", "decomposition", "two_part")


# Medians of quantities that cannot be negative (months, imposed/demand): at 0 the estimate is on the lower bound
# of its range (docs/methods.md M13)
BOUNDED_MEDIANS = {"mediaan_eis": 0.0, "mediaan_opgelegd": 0.0, "mediaan_ratio": 0.0}


def honest_intervals(frame: pd.DataFrame, subgroup_n: int, bootstrap_cases: int) -> pd.DataFrame:
    """The table without the intervals that the data cannot carry: a row with fewer than `subgroup_n`
    defendants or `bootstrap_cases` cases, whose bounds are equal (every replicate gave the same value), or a
    median on the lower bound of its range (`BOUNDED_MEDIANS`: at least half the group at 0, where no interval
    can have its nominal coverage, M13) keeps its estimate but loses its interval (the letter then prints the
    estimate alone and says why)."""
    if frame.empty or not {"ci_low", "ci_high"} <= set(frame.columns):
        return frame
    frame = frame.copy()
    small = pd.Series(False, index=frame.index)
    if "n" in frame.columns:
        small |= frame["n"].fillna(0) < subgroup_n
    if "n_clusters" in frame.columns:
        small |= frame["n_clusters"].fillna(0) < bootstrap_cases
    degenerate = frame["ci_low"].astype(float) == frame["ci_high"].astype(float)
    frame["interval_note"] = ""
    bound = frame["measure"].map(BOUNDED_MEDIANS) if "measure" in frame.columns else pd.Series(float("nan"), frame.index)
    boundary = frame["estimate"].astype(float) == bound.astype(float)
    if "periode" in frame.columns:  # a difference between periods is not bounded
        boundary &= frame["periode"] != "verschil"
    frame.loc[degenerate, "interval_note"] = "geen spreiding"
    frame.loc[boundary, "interval_note"] = "op de ondergrens"
    frame.loc[small, "interval_note"] = "te klein"
    frame.loc[small | degenerate | boundary, ["ci_low", "ci_high"]] = float("nan")
    return frame


def read_csv(path: Path) -> pd.DataFrame:
    """A result table; a file without columns (an analysis with no rows at all) is an empty table."""
    try:
        return pd.read_csv(path)
    except pd.errors.EmptyDataError:
        return pd.DataFrame()


def load_results(results: Mapping[str, str | Path], root: str | Path = ".") -> Results:
    """Read every result the letter needs; `results` maps names (REPORT_RESULTS) to paths relative to `root`.

    A missing name or file raises one error that lists them all.
    """
    root = Path(root)
    paths = {name: root / Path(path) for name, path in results.items()}
    missing = [name for name in RESULT_NAMES if name not in paths]
    absent = [f"{name} ({paths[name]})" for name in RESULT_NAMES if name in paths and not paths[name].exists()]
    if missing or absent:
        raise FileNotFoundError(
            "De brief mist resultaten: "
            + "; ".join(filter(None, [
                f"niet in de parameter 'results': {', '.join(missing)}" if missing else "",
                f"bestand ontbreekt: {', '.join(absent)}" if absent else "",
            ]))
        )
    frames = {field: read_csv(paths[name]) for name, field in CSV_RESULTS.items()}
    provenance = yaml.safe_load(paths["provenance"].read_text(encoding="utf-8")) or {}
    minimum = {**MINIMUM_DEFAULTS, **(((provenance.get("config") or {}).get("analysis") or {}).get("minimum") or {})}
    for field in INTERVAL_TABLES:
        frames[field] = honest_intervals(frames[field], minimum["subgroup_n"], minimum["bootstrap_cases"])
    return Results(
        cases=pd.read_parquet(paths["cases"]),
        tables={name: pd.read_csv(paths[name]) for name in TABLES},
        figures={f"{f}_{kind}": paths[f"figure_{f}_{kind}"] for f in FIGURES for kind in ("svg", "png")},
        provenance=provenance,
        periods=honest_intervals(read_csv(paths["periods"]), minimum["subgroup_n"], minimum["bootstrap_cases"])
        if "periods" in paths and paths["periods"].exists() else None,
        **frames,
    )


# ----------------------------------------------------------------------------------------------------------
# Estimates
# ----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Estimate:
    """A number with its confidence interval and the number of units it rests on."""

    value: float
    low: float = math.nan
    high: float = math.nan
    n: int | None = None

    def negated(self) -> Estimate:
        """The same estimate with the sign turned (a difference read the other way round)."""
        return Estimate(-self.value, -self.high, -self.low, self.n)

    @property
    def above(self) -> bool:
        """The whole interval lies above 0."""
        return self.low > 0

    @property
    def below(self) -> bool:
        """The whole interval lies below 0."""
        return self.high < 0


def ci(
    e: Estimate, decimals: int = 0, *, percent: bool = False, signed: bool = False, unit: str = "",
    level: float | None = 0.95,
) -> str:
    """An estimate with its interval, the Dutch way: "27 maanden (95%-BI 24–30)" (see present.format_ci)."""
    return format_ci(e.value, e.low, e.high, decimals, percent=percent, signed=signed, unit=unit, level=level)


def _one(frame: pd.DataFrame, what: str) -> pd.Series:
    if len(frame) != 1:
        raise KeyError(f"{what}: {len(frame)} rijen gevonden, verwacht 1")
    return frame.iloc[0]


def _estimate(row: pd.Series, scale: float = 1.0) -> Estimate:
    n = row.get("n")
    return Estimate(
        float(row["estimate"]) * scale,
        float(row["ci_low"]) * scale,
        float(row["ci_high"]) * scale,
        None if n is None or pd.isna(n) else int(n),
    )


def single_defendant_sentence(minimum: Mapping[str, int]) -> str:
    """What the letter says about a 0/1 characteristic that only one defendant in a model has: its interval would
    be too narrow (the coverage benchmark, docs/methods.md M13: about 0.42 instead of 0.95, because the term fits
    that defendant exactly), and the build's minimum (`term_n`, at least 2 by config/schema.yaml) leaves it out.
    A minimum below 2 (a results file the schema did not check) is refused, never printed as if it held."""
    term_n = int(minimum["term_n"])
    if term_n < 2:
        raise ValueError(f"analysis.minimum.term_n = {term_n}: moet minstens 2 zijn (config/schema.yaml, M10)")
    return ("Te smal zou het interval zijn van een kenmerk dat in een model maar één verdachte heeft; zo'n "
            f"kenmerk laat deze brief weg: een kenmerk komt pas in een model met minstens {term_n} verdachten met "
            f"en {term_n} zonder (M10)")


def interval_notes(frame: pd.DataFrame, minimum: Mapping[str, int]) -> list[str]:
    """Notes that say why some estimates of a table have no interval (see `honest_intervals`)."""
    reasons = set(frame["interval_note"]) if "interval_note" in frame.columns else set()
    notes = []
    if "te klein" in reasons:
        notes.append(f"Zonder interval: minder dan {minimum['subgroup_n']} verdachten of minder dan "
                     f"{minimum['bootstrap_cases']} zaken (bijlage, M10).")
    if "geen spreiding" in reasons:
        notes.append("Zonder interval: alle bootstraptrekkingen gaven dezelfde waarde (geen spreiding).")
    if "op de ondergrens" in reasons:
        notes.append("Zonder interval: een mediaan van 0 ligt op de ondergrens van wat mogelijk is (ten minste de "
                     "helft van de groep heeft 0); daar kan geen interval de bedoelde dekking hebben (bijlage, M13).")
    return notes
