"""Tables 1–5 of the letter: frequencies, the check against the letter, the notes on «overig»."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from mhcases.present import (
    escape_markdown,
    format_number,
)
from mhcases.letter.results import VERDICT_LABELS


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
