"""Facts for the letter (report/kamerbrief.qmd): every number it prints and every phrase a number decides.

`load_results` reads the build's result files by name (the report's `results` parameter). Everything else is
pure: DataFrames in; numbers, small dataclasses, Dutch phrases or display tables (cells already formatted with
present.py) out. The .qmd only calls these functions, so every number in the letter traces back to a result
file, and the wording that depends on a number (e.g. whether the letter's claim about acquittals holds) is
decided here, where it is tested (tests/test_letter.py).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from mhcases.codebook import Column
from mhcases.present import (
    MISSING,
    ci_label,
    escape_markdown,
    format_ci,
    format_number,
    format_p,
    format_percent,
    format_range,
    format_signed,
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
NOT_ESTIMABLE = "niet schatbaar"


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
    frames = {field: pd.read_csv(paths[name]) for name, field in CSV_RESULTS.items()}
    return Results(
        cases=pd.read_parquet(paths["cases"]),
        tables={name: pd.read_csv(paths[name]) for name in TABLES},
        figures={f"{f}_{kind}": paths[f"figure_{f}_{kind}"] for f in FIGURES for kind in ("svg", "png")},
        provenance=yaml.safe_load(paths["provenance"].read_text(encoding="utf-8")) or {},
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


# ----------------------------------------------------------------------------------------------------------
# Tables 1–5
# ----------------------------------------------------------------------------------------------------------


def frequency(table: pd.DataFrame, category: str) -> int:
    """The frequency of one row of a recomputed table (0 when the row is absent)."""
    match = table.loc[table["categorie"] == category, "frequentie"]
    return int(match.iloc[0]) if len(match) else 0


def total(table: pd.DataFrame) -> int:
    return frequency(table, "Totaal")


def share(table: pd.DataFrame, category: str) -> float:
    """Frequency of `category` as a fraction of the table's total."""
    return frequency(table, category) / total(table) if total(table) else math.nan


def largest_class(table: pd.DataFrame) -> tuple[str, int]:
    """The duration class (Tables 3, 5) with the most defendants: (label, frequency); "overig" not counted."""
    classes = table[~table["categorie"].isin(["overig", "Totaal"])]
    row = classes.loc[classes["frequentie"].idxmax()]
    return str(row["categorie"]), int(row["frequentie"])


@dataclass(frozen=True)
class Check:
    """How one recomputed table compares with the letter, cell by cell."""

    table: str
    cells: int
    equal: int
    differing: tuple[tuple[str, int, int], ...]  # (categorie, letter, recomputed)


def check_table(comparison: pd.DataFrame, table: str) -> Check:
    rows = comparison[comparison["tabel"] == table]
    wrong = rows[~rows["gelijk"].astype(bool)]
    return Check(
        table,
        int(len(rows)),
        int(len(rows) - len(wrong)),
        tuple(
            (str(r.categorie), int(r.frequentie_gepubliceerd), int(r.frequentie_berekend)) for r in wrong.itertuples()
        ),
    )


def check_sentence(check: Check) -> str:
    """One Dutch sentence: do the recomputed cells equal the letter's?"""
    if check.cells and check.equal == check.cells:
        return f"Alle {format_number(check.cells)} frequenties komen overeen met die in de brief."
    shown = "; ".join(
        f"«{escape_markdown(c)}»: brief {format_number(a)}, codeerblad {format_number(b)}"
        for c, a, b in check.differing
    )
    wrong = check.cells - check.equal
    return (
        f"{format_number(wrong)} van de {format_number(check.cells)} frequenties "
        f"{'wijkt' if wrong == 1 else 'wijken'} af van de brief ({shown})."
    )


# Why a defendant has no known, positive unconditional duration (and sits in "overig" of Table 3 or 5).
OTHER_REASONS = {
    "not_proven": "mensenhandel niet bewezen (vrijspraak of ontslag)",
    "unknown": "onbekend",
    "acquittal": "vrijspraak gevorderd",
    "discharge": "ontslag van alle rechtsvervolging gevorderd",
    "unparsed": "strafzin niet te lezen",
    "pretrial": "vrijheidsstraf gelijk aan het voorarrest (duur onbekend)",
    "suspended": "geen onvoorwaardelijk deel (geheel voorwaardelijk, alleen taakstraf of maatregel)",
}


def other_breakdown(cases: pd.DataFrame, table: str) -> list[tuple[str, int]]:
    """The composition of "overig" in Table 3 (demand) or Table 5 (imposed, if proven): (reason, count).

    The counts add up to the "overig" row of the recomputed table (same rule: no known duration above 0).
    """
    prefix = {"tabel_3": "demand", "tabel_5": "sentence"}[table]
    months = cases[f"{prefix}_unconditional_months"]
    scope = cases["proven"].astype(bool) if table == "tabel_5" else pd.Series(True, index=cases.index)
    other = ~(months > 0) | ~scope
    status = cases[f"{prefix}_status"]
    reason = pd.Series("suspended", index=cases.index)
    reason[cases[f"{prefix}_equals_pretrial"].astype(bool)] = "pretrial"
    for key in ("unparsed", "discharge", "acquittal", "unknown"):
        reason[status == key] = key
    reason[~scope] = "not_proven"
    counts = reason[other].value_counts()
    labels = dict(OTHER_REASONS)
    if table == "tabel_5":
        labels.update(unknown="straf onbekend", acquittal="vrijspraak", discharge="ontslag van alle rechtsvervolging")
    else:
        labels.update(unknown="eis onbekend")
    return [(labels[key], int(counts[key])) for key in OTHER_REASONS if counts.get(key, 0)]


def other_note(cases: pd.DataFrame, table: str) -> str:
    """The note on "overig" of Table 3 or 5, in words: "«overig»: 5 eis onbekend, 2 vrijspraak gevorderd, …"."""
    parts = [f"{format_number(n)} {label}" for label, n in other_breakdown(cases, table)]
    unit = "verdachten zonder bekend onvoorwaardelijk deel"
    if not parts:
        return f"De categorie «overig» ({unit}) is leeg."
    body = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} en {parts[-1]}"
    return f"De categorie «overig» bevat {unit} boven nul: {body}."


def median_class(table: pd.DataFrame) -> str:
    """The duration class (Tables 3, 5) that holds the median defendant among those with a known duration."""
    classes = table[~table["categorie"].isin(["overig", "Totaal"])].reset_index(drop=True)
    cumulative = classes["frequentie"].cumsum()
    half = cumulative.iloc[-1] / 2
    return str(classes.loc[int((cumulative >= half).idxmax()), "categorie"])


def class_shift(demand: pd.DataFrame, imposed: pd.DataFrame) -> str:
    """Where the bars of Table 5 lie relative to those of Table 3: "links", "rechts" or "gelijk" (by the class
    of the median defendant, then by the mean class index)."""
    labels = list(demand.loc[~demand["categorie"].isin(["overig", "Totaal"]), "categorie"])
    a, b = labels.index(median_class(demand)), labels.index(median_class(imposed))
    if a == b:
        def mean_index(table: pd.DataFrame) -> float:
            rows = table[table["categorie"].isin(labels)]
            weights = rows["frequentie"].to_numpy(float)
            return float((weights * rows["categorie"].map(labels.index).to_numpy(float)).sum() / weights.sum())

        a, b = mean_index(demand), mean_index(imposed)  # type: ignore[assignment]
    return "links" if b < a else "rechts" if b > a else "gelijk"


def co_defendants(cases: pd.DataFrame) -> tuple[int, int]:
    """(number of cases with more than one defendant, number of defendants in those cases)."""
    sizes = cases.groupby("case_id").size()
    multi = sizes[sizes > 1]
    return int(len(multi)), int(multi.sum())


def verdict_counts(cases: pd.DataFrame) -> dict[str, int]:
    """Defendants per verdict on trafficking (bewezen, partiele vrijspraak, vrijspraak, ontslag)."""
    counts = cases["verdict_trafficking"].value_counts()
    return {v: int(counts.get(v, 0)) for v in VERDICT_LABELS if v != "alle"}


def acquitted_but_sentenced(cases: pd.DataFrame) -> int:
    """Defendants acquitted of trafficking who still got unconditional months (for other offences)."""
    return int((cases["acquitted"].astype(bool) & (cases["imposed_months"] > 0)).sum())


# ----------------------------------------------------------------------------------------------------------
# Demand versus imposed
# ----------------------------------------------------------------------------------------------------------


def summary_estimate(
    summary: pd.DataFrame, measure: str, group: str = "alle verdachten", subgroup: str = "alle"
) -> Estimate:
    """One measure of strafeis_vs_opgelegd.csv (e.g. "mediaan_eis") for one group, with interval and n."""
    rows = summary[(summary["groep"] == group) & (summary["subgroep"] == subgroup) & (summary["measure"] == measure)]
    return _estimate(_one(rows, f"{group}/{subgroup}/{measure}"))


def verdict_groups(summary: pd.DataFrame) -> list[str]:
    """The verdict subgroups present, in the order bewezen, partiële vrijspraak, vrijspraak, ontslag."""
    present = set(summary.loc[summary["groep"] == "beslissing mensenhandel", "subgroep"])
    return [v for v in VERDICT_LABELS if v in present]


def verdict_table(summary: pd.DataFrame) -> pd.DataFrame:
    """Demand versus imposed, all defendants and per verdict on trafficking: medians, ratio, share lower, n.

    Cells are formatted: "27 (24–30)" = estimate with its interval.
    """
    groups = [("alle verdachten", "alle"), *(("beslissing mensenhandel", v) for v in verdict_groups(summary))]
    rows = []
    for group, subgroup in groups:
        def cell(measure: str, decimals: int = 0, scale: float = 1.0) -> str:
            e = summary_estimate(summary, measure, group, subgroup)
            return format_ci(e.value * scale, e.low * scale, e.high * scale, decimals, level=None)

        n = summary_estimate(summary, "mediaan_eis", group, subgroup).n
        rows.append({
            "Beslissing mensenhandel": VERDICT_LABELS[subgroup],
            "n": n,
            "Eis (mediaan)": cell("mediaan_eis"),
            "Opgelegd (mediaan)": cell("mediaan_opgelegd"),
            "Opgelegd/eis (mediaan)": cell("mediaan_ratio", 2),
            "Lager dan eis (%)": cell("aandeel_lager", scale=100),
        })
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class SignedRankTest:
    """The Wilcoxon signed-rank test of one group (strafeis_vs_opgelegd_toets.csv)."""

    group: str
    statistic: float
    p: float
    n: int
    n_nonzero: int
    median_difference: float


def signed_rank_test(tests: pd.DataFrame, group: str = "alle verdachten") -> SignedRankTest:
    row = _one(tests[tests["groep"] == group], f"toets {group}")
    return SignedRankTest(
        group, float(row["statistiek"]), float(row["p"]), int(row["n"]), int(row["n_niet_nul"]),
        float(row["mediaan_verschil"]),
    )


# ----------------------------------------------------------------------------------------------------------
# The left shift decomposed
# ----------------------------------------------------------------------------------------------------------

COMPONENTS = ("volledige vrijspraak", "partiële vrijspraak", "korting bij bewezenverklaring")
SUBSTANTIAL = 0.25  # a contribution "in belangrijke mate": at least a quarter of the gap (our reading of the letter)
MAJOR = 0.5  # a contribution "grotendeels": more than half of the gap


def decomposition_estimate(decomposition: pd.DataFrame, maat: str, measure: str) -> Estimate:
    """One row of decompositie.csv: `maat` "gemiddelde" or "mediaan"; `measure` "kloof", a component, or
    "aandeel <component>" (a fraction of the gap)."""
    rows = decomposition[(decomposition["maat"] == maat) & (decomposition["measure"] == measure)]
    return _estimate(_one(rows, f"decompositie {maat}/{measure}"))


def decomposition_table(decomposition: pd.DataFrame) -> pd.DataFrame:
    """The Shapley decomposition of the gap for the mean and the median: months and share of the gap, each
    "estimate (interval)"."""
    rows = []
    for measure in ("kloof", *COMPONENTS):
        row: dict[str, str] = {"Onderdeel": "totaal verschil (eis − opgelegd)" if measure == "kloof" else measure}
        for maat, short in (("gemiddelde", "Gemiddelde"), ("mediaan", "Mediaan")):
            months = decomposition_estimate(decomposition, maat, measure)
            row[f"{short}: maanden"] = format_ci(months.value, months.low, months.high, 1, level=None)
            if measure == "kloof":
                row[f"{short}: aandeel (%)"] = format_number(100)
            else:
                part = decomposition_estimate(decomposition, maat, f"aandeel {measure}")
                row[f"{short}: aandeel (%)"] = format_ci(part.value * 100, part.low * 100, part.high * 100, level=None)
        rows.append(row)
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class Claim:
    """The letter's claim that the left shift is "in belangrijke mate" due to acquittals, tested.

    `verdict`: "grotendeels" (interval of the share of acquittals, full and partial together, above MAJOR),
    "in belangrijke mate" (above SUBSTANTIAL), "onzeker" (interval straddles SUBSTANTIAL) or "niet" (below it).
    """

    verdict: str
    full: Estimate  # share of the gap due to full acquittals
    partial: Estimate  # share due to partial acquittals
    both: Estimate  # share due to acquittals, full and partial together (the letter's claim)
    discount: Estimate  # share due to the discount among proven cases
    sentence: str  # Dutch: the verdict in words, with the numbers

    @property
    def short(self) -> str:
        """The verdict as a clause: "de bewering van de brief houdt stand", …"""
        return {
            "grotendeels": "de bewering van de brief houdt stand: vrijspraken verklaren het grootste deel",
            "in belangrijke mate": "de bewering van de brief dat dit «in belangrijke mate» door vrijspraken komt, "
            "houdt stand",
            "onzeker": "of dit «in belangrijke mate» door vrijspraken komt, is met deze gegevens niet te zeggen",
            "niet": "de bewering van de brief dat dit «in belangrijke mate» door vrijspraken komt, houdt geen stand",
        }[self.verdict]


def acquittal_claim(
    decomposition: pd.DataFrame,
    maat: str = "gemiddelde",
    *,
    substantial: float = SUBSTANTIAL,
    major: float = MAJOR,
    level: float = 0.95,
) -> Claim:
    """Does the decomposition support "in belangrijke mate door vrijspraken"? The letter means full and partial
    acquittals ("volledig en gedeeltelijke vrijspraken"), so the word choice is decided by the interval of their
    joint share, against the thresholds `substantial` and `major`."""
    full = decomposition_estimate(decomposition, maat, "aandeel volledige vrijspraak")
    partial = decomposition_estimate(decomposition, maat, "aandeel partiële vrijspraak")
    both = decomposition_estimate(decomposition, maat, "aandeel vrijspraken samen")
    discount = decomposition_estimate(decomposition, maat, "aandeel korting bij bewezenverklaring")
    threshold = format_percent(substantial)
    if both.low >= major:
        verdict = "grotendeels"
        judgement = (
            "De bewering van de brief houdt in deze gegevens stand, en sterker: vrijspraken verklaren samen "
            "het grootste deel van het verschil (ook de ondergrens van het interval ligt boven "
            f"{format_percent(major)})."
        )
    elif both.low >= substantial:
        verdict = "in belangrijke mate"
        judgement = (
            "De bewering van de brief dat de verschuiving «in belangrijke mate» door vrijspraken komt, houdt in deze "
            f"gegevens stand: ook de ondergrens van het interval ligt op of boven {threshold}, de drempel die wij "
            "voor «in belangrijke mate» hanteren."
        )
    elif both.high < substantial:
        verdict = "niet"
        judgement = (
            "De bewering van de brief dat de verschuiving «in belangrijke mate» door vrijspraken komt, houdt in deze "
            f"gegevens geen stand: zelfs de bovengrens van het interval ligt onder {threshold}, de drempel die wij "
            "voor «in belangrijke mate» hanteren."
        )
    else:
        verdict = "onzeker"
        judgement = (
            "Of de verschuiving «in belangrijke mate» door vrijspraken komt, is met deze gegevens niet te zeggen: "
            f"het interval loopt van onder tot boven {threshold}, de drempel die wij voor «in belangrijke mate» "
            "hanteren."
        )
    acquittals = both.value
    if discount.value > acquittals:
        largest = (
            "De grootste bijdrage komt echter niet van vrijspraken maar van de korting op de eis bij "
            f"bewezenverklaring: {format_ci(discount.value, discount.low, discount.high, percent=True, level=level)}."
        )
    else:
        largest = (
            f"Vrijspraken samen (volledig en partieel, {format_percent(acquittals)}) dragen meer bij dan de korting "
            f"op de eis bij bewezenverklaring ({format_percent(discount.value)})."
        )
    what = "de gemiddelde" if maat == "gemiddelde" else "de mediane"
    sentence = (
        f"Volledige vrijspraken verklaren "
        f"{format_ci(full.value, full.low, full.high, percent=True, level=level)} van het verschil tussen {what} "
        f"eis en {what} opgelegde straf, partiële vrijspraken "
        f"{format_ci(partial.value, partial.low, partial.high, percent=True, level=level)}; samen "
        f"{format_ci(both.value, both.low, both.high, percent=True, level=level)}. {judgement} {largest}"
    )
    return Claim(verdict, full, partial, both, discount, sentence)


def counterfactual_summary(counterfactual: pd.DataFrame) -> pd.DataFrame:
    """Mean and median of the demand, the imposed sentence and the two counterfactuals (months; rows "gemiddelde",
    "mediaan"; columns eis, opgelegd, zonder_volledige_vrijspraken, zonder_vrijspraken)."""
    columns = ["eis", "opgelegd", "zonder_volledige_vrijspraken", "zonder_vrijspraken"]
    data = counterfactual[columns].astype(float)
    return pd.DataFrame({"gemiddelde": data.mean(), "mediaan": data.median()}).T


# ----------------------------------------------------------------------------------------------------------
# Models
# ----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Effect:
    """The effect of one characteristic in one model (effecten.csv or tweedelig_effect.csv)."""

    model: str
    term: str
    scale: str  # "% verandering", "odds ratio" or "maanden"
    relative: Estimate | None  # fraction change (0.397 = +39.7%) or odds ratio; None when not estimable
    months: Estimate | None  # months at a typical value, or the two-part effect in months
    n: int
    n_with: int | None
    note: str  # "niet schatbaar: …" or ""
    typical_months: float = math.nan

    @property
    def estimable(self) -> bool:
        return not self.note.startswith(NOT_ESTIMABLE)


def effect(effects: pd.DataFrame, model: str, term: str) -> Effect:
    """The effect of `term` ("minor", "disabled") in `model` ("1_eis", "3_opgelegd", …) from effecten.csv."""
    row = _one(effects[(effects["model"] == model) & (effects["term"] == term)], f"effect {model}/{term}")
    note = "" if pd.isna(row.get("note")) else str(row["note"])
    scale = "" if pd.isna(row.get("scale")) else str(row["scale"])
    relative = months = None
    if not note.startswith(NOT_ESTIMABLE):
        factor = 0.01 if scale == "% verandering" else 1.0
        relative = Estimate(row["estimate"] * factor, row["ci_low"] * factor, row["ci_high"] * factor, int(row["n"]))
        if not pd.isna(row.get("months")):
            months = Estimate(float(row["months"]), float(row["months_low"]), float(row["months_high"]), int(row["n"]))
    return Effect(
        model, term, scale or "odds ratio", relative, months, int(row["n"]),
        None if pd.isna(row.get("n_with")) else int(row["n_with"]), note,
        float(row["typical_months"]) if not pd.isna(row.get("typical_months")) else math.nan,
    )


def two_part_effect(two_part: pd.DataFrame, term: str) -> Effect:
    """The two-part model's effect of `term` on the expected imposed sentence in months (zeros included)."""
    row = _one(two_part[two_part["term"] == term], f"tweedelig {term}")
    note = "" if pd.isna(row.get("note")) else str(row["note"])
    months = None if note.startswith(NOT_ESTIMABLE) or pd.isna(row["estimate"]) else _estimate(row)
    return Effect(str(row["model"]), term, "maanden", None, months, int(row["n"]), None, note)


def effect_text(e: Effect, *, level: float | None = 0.95) -> str:
    """The relative effect in words and numbers: "+39,7% (95%-BI +14,5% tot +70,5%)", an odds ratio, or
    "niet schatbaar"."""
    if e.relative is None:
        return NOT_ESTIMABLE
    r = e.relative
    if e.scale == "odds ratio":
        return f"odds ratio {format_ci(r.value, r.low, r.high, 2, level=level)}"
    return format_ci(r.value, r.low, r.high, 1, percent=True, signed=True, level=level)


def months_text(e: Effect, *, level: float | None = 0.95) -> str:
    """The effect in months: "+11,7 maanden (95%-BI +4,3 tot +20,8)"; "–" when there is none."""
    if e.months is None:
        return NOT_ESTIMABLE if e.note.startswith(NOT_ESTIMABLE) else MISSING
    m = e.months
    return format_ci(m.value, m.low, m.high, 1, signed=True, unit="maanden", level=level)


def direction(e: Effect) -> str:
    """Dutch: what the interval says about the effect's sign."""
    if e.relative is None and e.months is None:
        return NOT_ESTIMABLE
    r = e.relative if e.relative is not None else e.months
    assert r is not None
    null = 1.0 if e.scale == "odds ratio" else 0.0
    if r.low > null:
        return "hoger" if e.scale != "odds ratio" else "grotere kans"
    if r.high < null:
        return "lager" if e.scale != "odds ratio" else "kleinere kans"
    return "niet van nul te onderscheiden" if e.scale != "odds ratio" else "niet van 1 te onderscheiden"


def association(e: Effect, noun: str) -> str:
    """The effect as a verb phrase on `noun` ("eis", "straf"), decided by its interval: "gaat samen met een
    hogere eis", "… een lagere straf", "gaat niet aantoonbaar samen met een hogere of lagere straf" (interval
    includes 0) or "is niet te schatten"."""
    word = direction(e)
    if word in ("hoger", "grotere kans"):
        return f"gaat samen met een hogere {noun}"
    if word in ("lager", "kleinere kans"):
        return f"gaat samen met een lagere {noun}"
    if word == NOT_ESTIMABLE:
        return f"heeft een niet te schatten effect op de {noun}"
    return f"gaat niet aantoonbaar samen met een hogere of lagere {noun}"


def second_association(first: Effect, second: Effect, noun: str, subject: str) -> str:
    """The start of a sentence on `second` after one on `first`: "Dat geldt ook voor {subject}" when the
    intervals say the same, else "{Subject} daarentegen {association}"."""
    if direction(first) == direction(second):
        return f"Dat geldt ook voor {subject}"
    return f"{subject[:1].upper()}{subject[1:]} daarentegen {association(second, noun)}"


def two_part_sentence(e: Effect, subject: str, *, level: float = 0.95) -> str:
    """One sentence on the two-part effect (months, zeros included), or why it cannot be estimated."""
    if e.months is None:
        reason = e.note.split(":", 1)[1].strip() if ":" in e.note else e.note
        return f"Voor {subject} is dit effect niet te schatten ({reason})."
    return f"Voor {subject} is het effect {months_text(e, level=level)}."


def power_alpha(power: pd.DataFrame) -> float:
    """The two-sided significance level behind the MDEs: from MDE = (z(1 − α/2) + z(power)) × SE."""
    from scipy.stats import norm

    row = power.iloc[0]
    z_alpha = float(row["mde_log"]) / float(row["std_error"]) - float(norm.ppf(float(row["power"])))
    return round(float(2 * (1 - norm.cdf(z_alpha))), 4)


EFFECT_MODELS = (
    ("1_eis", "1 Strafeis"),
    ("2_vrijspraak", "2 Vrijspraak"),
    ("3_opgelegd", "3 Opgelegd, gegeven de eis"),
    ("4_tweedelig", "4 Tweedelig, verwachte straf"),
    ("5_mediaan", "5 Mediaan, gegeven de eis"),
)


def effects_table(effects: pd.DataFrame, two_part: pd.DataFrame, level: float = 0.95) -> pd.DataFrame:
    """The effects of a minor and of an intellectually disabled victim in models 1–5: relative effect and
    months, each with its interval, and n (with the characteristic). A bold row names the characteristic."""
    interval = ci_label(level)
    rows = []
    for term in ("minor", "disabled"):
        rows.append({"Model": f"**{TERM_LABELS[term]}**", "Effect": "", interval: "", "Maanden": "",
                     f"{interval} ": "", "n (met)": ""})
        for model, label in EFFECT_MODELS:
            e = two_part_effect(two_part, term) if model == "4_tweedelig" else effect(effects, model, term)
            with_term = e.n_with
            if with_term is None:  # the two-part effect has no count of its own: take it from part 1
                part = effects[(effects["model"] == "4a_tweedelig_kans") & (effects["term"] == term)]
                with_term = int(part["n_with"].iloc[0]) if len(part) else None
            r, m = e.relative, e.months
            if r is None:
                relative, relative_ci = (NOT_ESTIMABLE if model != "4_tweedelig" else MISSING), ""
            elif e.scale == "odds ratio":
                relative, relative_ci = f"OR {format_number(r.value, 2)}", format_range(r.low, r.high, 2)
            else:
                relative = format_signed(r.value, 1, percent=True)
                relative_ci = format_range(r.low * 100, r.high * 100, 1, signed=True)
            if m is None:
                months, months_ci = (NOT_ESTIMABLE if e.note.startswith(NOT_ESTIMABLE) else MISSING), ""
            else:
                months, months_ci = format_signed(m.value, 1), format_range(m.low, m.high, 1, signed=True)
            rows.append({
                "Model": label,
                "Effect": relative,
                interval: relative_ci,
                "Maanden": months,
                f"{interval} ": months_ci,
                "n (met)": f"{format_number(e.n)} ({format_number(with_term)})",
            })
    return pd.DataFrame(rows)


def typical_months(effects: pd.DataFrame) -> dict[str, float]:
    """The typical value (median outcome, months) at which each model's effect in months is evaluated."""
    rows = effects.dropna(subset=["typical_months"]).drop_duplicates("model")
    return {str(r.model): float(r.typical_months) for r in rows.itertuples()}


@dataclass(frozen=True)
class MultipleTesting:
    """How many focus coefficients were tested and how many pass 0.05 and a Bonferroni threshold."""

    tests: int
    alpha: float
    threshold: float  # alpha / tests
    significant: int  # p < alpha
    significant_adjusted: int  # p < threshold


def multiple_testing(effects: pd.DataFrame, alpha: float = 0.05) -> MultipleTesting:
    p = effects["p"].dropna().astype(float)
    threshold = alpha / len(p) if len(p) else math.nan
    return MultipleTesting(int(len(p)), alpha, threshold, int((p < alpha).sum()), int((p < threshold).sum()))


def minimum_detectable(power: pd.DataFrame, model: str, term: str) -> tuple[float, str, int, int]:
    """(MDE, scale, n, n_with) of one focus coefficient; MDE as a fraction for "% verandering"."""
    row = _one(power[(power["model"] == model) & (power["term"] == term)], f"MDE {model}/{term}")
    scale = str(row["mde_scale"])
    value = float(row["mde"]) / 100 if scale == "% verandering" else float(row["mde"])
    return value, scale, int(row["n"]), int(row["n_with"])


def mde_text(value: float, scale: str) -> str:
    return format_percent(value) if scale == "% verandering" else f"odds ratio {format_number(value, 1)}"


def power_table(power: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for r in power.itertuples():
        value, scale, n, n_with = minimum_detectable(power, r.model, r.term)
        rows.append({
            "Model": str(r.model_label).split(" ", 1)[0].rstrip("."),
            "Kenmerk": TERM_SHORT.get(str(r.term), str(r.term_label)),
            "n (met)": f"{format_number(n)} ({format_number(n_with)})",
            "SE": format_number(float(r.std_error), 3),
            "Minimaal aantoonbaar effect": mde_text(value, scale),
        })
    return pd.DataFrame(rows)


def model_labels(effects: pd.DataFrame) -> dict[str, str]:
    """Model id -> its Dutch label ("1_eis" -> "1. Strafeis (log maanden, OLS)")."""
    return {str(r.model): str(r.model_label) for r in effects.drop_duplicates("model").itertuples()}


def coefficient_table(
    coefficients: pd.DataFrame, model: str, spec: str = "hoofdanalyse", level: float = 0.95
) -> pd.DataFrame:
    """All coefficients of one model: term, b (model scale), interval, exp(b), p."""
    rows = coefficients[(coefficients["model"] == model) & (coefficients["spec"] == spec)]
    if rows.empty:
        raise KeyError(f"geen coëfficiënten voor model {model} ({spec})")
    return pd.DataFrame({
        "Term": [escape_markdown(t) for t in rows["term_label"]],
        "b": [format_number(v, 3) for v in rows["estimate"]],  # model scale: log or log-odds
        ci_label(level): [format_range(a, b, 3) for a, b in zip(rows["ci_low"], rows["ci_high"])],
        "exp(b)": [format_number(v, 2) for v in rows["exp_estimate"]],
        "p": [format_p(p).removeprefix("p ").removeprefix("= ") for p in rows["p"]],
    })


def model_sample(coefficients: pd.DataFrame, model: str, spec: str = "hoofdanalyse") -> tuple[int, int, str]:
    """(n defendants, n cases, formula) of one model."""
    row = coefficients[(coefficients["model"] == model) & (coefficients["spec"] == spec)].iloc[0]
    return int(row["n"]), int(row["n_clusters"]), str(row["formula"])


def sensitivity_table(sensitivity: pd.DataFrame) -> pd.DataFrame:
    """Model 3's focus effects under every sensitivity variant, one row per variant: % change (interval), n."""
    rows = []
    for spec, group in sensitivity.groupby("spec", sort=False):
        row: dict[str, Any] = {"Variant": escape_markdown(spec)}
        for term in ("minor", "disabled"):
            match = group[group["term"] == term]
            if match.empty:
                row[TERM_SHORT[term]] = MISSING
                continue
            r = match.iloc[0]
            row[TERM_SHORT[term]] = format_ci(
                (float(r["exp_estimate"]) - 1) * 100, (float(r["exp_ci_low"]) - 1) * 100,
                (float(r["exp_ci_high"]) - 1) * 100, 1, signed=True, level=None,
            )
        row["n"] = int(group["n"].max())
        rows.append(row)
    return pd.DataFrame(rows)


def sensitivity_range(sensitivity: pd.DataFrame, term: str) -> Estimate:
    """The smallest and largest point estimate (as fraction change) of `term` over all variants."""
    values = sensitivity.loc[sensitivity["term"] == term, "exp_estimate"].astype(float) - 1
    return Estimate(float("nan"), float(values.min()), float(values.max()), int(len(values)))


# ----------------------------------------------------------------------------------------------------------
# Annex: cleaning, codebook, provenance
# ----------------------------------------------------------------------------------------------------------


def cleaning_summary(log: pd.DataFrame) -> pd.DataFrame:
    """Counts of the cleaning log per rule and column (most frequent first)."""
    if log.empty:
        return pd.DataFrame({"Regel": [], "Kolom": [], "Aantal": []})
    counts = log.groupby(["rule", "column"], sort=False).size().reset_index(name="Aantal")
    counts = counts.sort_values(["Aantal", "rule", "column"], ascending=[False, True, True], kind="stable")
    return pd.DataFrame({
        "Regel": [escape_markdown(r) for r in counts["rule"]],
        "Kolom": [f"`{c}`" for c in counts["column"]],
        "Aantal": counts["Aantal"].astype("int64").to_list(),
    })


def unreadable_cells(log: pd.DataFrame) -> int:
    """The number of cells the build could not read (logged as "NIET TE LEZEN", treated as missing)."""
    return int(log["rule"].astype(str).str.startswith(UNREADABLE_RULE).sum()) if len(log) else 0


def unreadable_sentence(count: int) -> str:
    """One sentence on the cells the build could not read."""
    if count == 0:
        return "Alle strafzinnen en tenlasteleggingen waren te lezen."
    cells = "cel was" if count == 1 else "cellen waren"
    return (
        f"{format_number(count)} {cells} niet te lezen; zulke cellen worden niet geraden maar als ontbrekend "
        "behandeld (ze staan met hun ruwe waarde in het log)."
    )


KIND_LABELS = {
    "id": "code",
    "text": "tekst",
    "date": "datum",
    "category": "categorie",
    "multicategory": "categorieën",
    "integer": "geheel getal",
    "number": "getal",
    "phrase": "strafzin",
}
MAX_LISTED = 6  # allowed values listed in the codebook table; longer lists are counted


def codebook_table(columns: Sequence[Column]) -> pd.DataFrame:
    """The codebook as a compact table: column, Dutch label, type, required, allowed values or range."""
    rows = []
    for column in columns:
        if column.allowed and len(column.allowed) > MAX_LISTED:
            values = f"{format_number(len(column.allowed))} waarden (zie codeboek)"
        elif column.allowed:
            values = " / ".join(column.allowed)
        elif column.minimum is not None or column.maximum is not None:
            values = f"{format_number(column.minimum)}–{format_number(column.maximum)}"
        else:
            values = ""
        rows.append({
            "Kolom": f"`{column.name}`",
            "Label": escape_markdown(column.label),
            "Type": KIND_LABELS.get(column.kind, column.kind),
            "Verpl.": "ja" if column.required else "nee",
            "Waarden": escape_markdown(values),
        })
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class InputFile:
    name: str
    path: str
    sha256: str
    size: int


def provenance_inputs(provenance: Mapping[str, Any]) -> list[InputFile]:
    return [
        InputFile(str(i["naam"]), str(i["pad"]), str(i["sha256"]), int(i["bytes"]))
        for i in provenance.get("inputs") or []
    ]


def inputs_markdown(provenance: Mapping[str, Any]) -> str:
    """Every input file with its size and SHA-256, as a markdown list (a hash fits a line; a table would not)."""
    return "\n".join(
        f"- `{f.path}` ({format_number(f.size)} bytes)\\\n  SHA-256 `{f.sha256}`"
        for f in provenance_inputs(provenance)
    ) + "\n"


def versions_text(provenance: Mapping[str, Any]) -> str:
    """"Python 3.11.7, snakemake 9.27.1, …" from the provenance record."""
    versions = provenance.get("versions") or {}
    return ", ".join(f"{'Python' if k == 'python' else k} {v}" for k, v in versions.items())


def provenance_markdown(provenance: Mapping[str, Any], renderer: str) -> str:
    """Code version, software, renderer, build date and the commands to redo the build, as a markdown list."""
    return "\n".join([
        f"- **Code:** git-commit {git_text(provenance)}.",
        f"- **Software:** {escape_markdown(versions_text(provenance))}.",
        f"- **Opgemaakt met:** {escape_markdown(renderer)}.",
        f"- **Builddatum:** {provenance.get('build_date', MISSING)} ({provenance.get('build_moment_utc', MISSING)}). "
        "Wie SOURCE\\_DATE\\_EPOCH zet, legt dit moment vast, zodat een herhaalde build dezelfde uitvoer geeft.",
        f"- **Opnieuw maken:** `{provenance.get('command', '')}`; vanaf een verse kopie: "
        f"`{provenance.get('reproduce', '')}`.",
    ]) + "\n"


def git_text(provenance: Mapping[str, Any]) -> str:
    commit = provenance.get("git_commit")
    if not commit:
        return "niet vastgelegd (de build liep buiten een git-werkmap)"
    dirty = provenance.get("git_dirty")
    state = {True: "met niet-vastgelegde wijzigingen", False: "zonder wijzigingen"}.get(dirty, "status onbekend")
    return f"`{commit}` ({state})"
