"""Demand versus imposed sentence (paragraph 5): summaries per verdict group and the signed-rank tests."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from mhcases.present import (
    format_ci,
    format_number,
)
from mhcases.letter.results import VERDICT_LABELS, Estimate, _estimate, _one, ci
from mhcases.letter.tables import share


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


def _has(summary: pd.DataFrame, subgroup: str, measure: str) -> bool:
    rows = summary[(summary["groep"] == "beslissing mensenhandel") & (summary["subgroep"] == subgroup)
                   & (summary["measure"] == measure)]
    return len(rows) == 1 and not pd.isna(rows["estimate"].iloc[0])


def verdict_paragraph(summary: pd.DataFrame, acquitted: int, acquitted_sentenced: int, level: float = 0.95) -> str:
    """The paragraph under the demand-versus-sentence summary that splits it by verdict: the median ratio of the
    proven and partially acquitted, and the acquitted; only the groups the sheet has, counts in Dutch for one."""
    def ratio(subgroup: str) -> str:
        return ci(summary_estimate(summary, "mediaan_ratio", "beslissing mensenhandel", subgroup), 2, level=level)

    text = ["@Tbl-eis-straf splitst dit naar de beslissing over mensenhandel."]
    clauses = []
    if _has(summary, "bewezen", "mediaan_ratio"):
        clauses.append(f"Bij volledig bewezen mensenhandel is de mediane verhouding {ratio('bewezen')}")
    if _has(summary, "partiele vrijspraak", "mediaan_ratio"):
        clauses.append(f"{'bij' if clauses else 'Bij'} partiële vrijspraak {ratio('partiele vrijspraak')}")
    if clauses:
        text.append(", ".join(clauses) + ".")
    if acquitted and _has(summary, "vrijspraak", "mediaan_opgelegd"):
        median = summary_estimate(summary, "mediaan_opgelegd", "beslissing mensenhandel", "vrijspraak").value
        if acquitted == 1:
            other = "kreeg wel" if acquitted_sentenced else "kreeg ook geen"
            text.append(f"De enige volledig vrijgesproken verdachte kreeg {format_number(median)} maanden; hij of zij "
                        f"{other} een onvoorwaardelijke straf voor andere feiten.")
        else:
            verb = "kreeg" if acquitted_sentenced == 1 else "kregen"
            text.append(f"Bij volledige vrijspraak is de mediane opgelegde straf {format_number(median)} maanden; wel "
                        f"{verb} {format_number(acquitted_sentenced)} van de {format_number(acquitted)} vrijgesproken "
                        "verdachten een onvoorwaardelijke straf voor andere feiten.")
    elif not acquitted:
        text.append("Geen enkele verdachte is volledig vrijgesproken van mensenhandel.")
    text.append("@Fig-spreiding toont eis en straf per verdachte, @fig-verdeling de verdeling van beide.")
    return " ".join(text)


VERDICT_TABLE_MEASURES = ("mediaan_eis", "mediaan_opgelegd", "mediaan_ratio", "aandeel_lager")


def verdict_table_rows(summary: pd.DataFrame) -> pd.DataFrame:
    """The rows of the summary that `verdict_table` shows (for its notes)."""
    groups = summary["groep"].isin(["alle verdachten", "beslissing mensenhandel"])
    return summary[groups & summary["measure"].isin(VERDICT_TABLE_MEASURES)]
