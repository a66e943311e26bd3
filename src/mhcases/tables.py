"""Tables 1–5 of the letter, recomputed from the clean per-defendant table, and their check against the letter.

Every table is tidy: `categorie,frequentie` (plus `aandeel`), rows in the letter's order, "overig" and "Totaal" last.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from mhcases.offences import combination_label, sort_groups

OTHER = "overig"
TOTAL = "Totaal"
ACQUITTAL = "vrijspraak"
# Modalities that are no sanction type of their own: always "overig" in Tables 2 and 4 (letter's notes).
NON_TYPES = {"onbekend", "vrijspraak", "ontslag", "niet te lezen", "geldboete", "overig"}


def small_cells_to_other(counts: pd.Series, threshold: int, order: Sequence[str] = (),
                         keep: Sequence[str] = ()) -> pd.DataFrame:
    """Collapse categories with fewer than `threshold` units into "overig" and order the rows.

    `counts`: frequency per category (may already contain "overig"). Rows: categories in `order` first (as the
    letter lists them), then other categories by descending frequency and name, then "overig", then "Totaal".
    Categories in `keep` are never collapsed. A category with frequency 0 is dropped.
    """
    counts = counts[counts > 0]
    small = [c for c in counts.index if c != OTHER and c not in keep and counts[c] < threshold]
    other = int(counts.get(OTHER, 0) + counts[small].sum())
    kept = counts.drop(index=[*small, OTHER], errors="ignore")
    known = [c for c in order if c in kept.index]
    rest = sorted((c for c in kept.index if c not in known), key=lambda c: (-kept[c], c))
    rows = [(c, int(kept[c])) for c in known + rest]
    if other:
        rows.append((OTHER, other))
    total = sum(n for _, n in rows)
    rows.append((TOTAL, total))
    table = pd.DataFrame(rows, columns=["categorie", "frequentie"])
    table["aandeel"] = (table["frequentie"] / total).round(4) if total else 0.0
    return table


def case_combinations(clean: pd.DataFrame) -> pd.Series:
    """Table 1's unit is the case: the combination of every offence group charged to any of its defendants."""
    groups = clean.groupby("case_id", sort=True)["offence_groups"].agg(
        lambda xs: sort_groups(g for x in xs for g in x.split(";") if g)
    )
    return groups.map(combination_label)


def table_1(clean: pd.DataFrame, threshold: int, order: Sequence[str] = ()) -> pd.DataFrame:
    return small_cells_to_other(case_combinations(clean).value_counts(), threshold, order)


def demand_category(clean: pd.DataFrame) -> pd.Series:
    return clean["demand_modality"].where(~clean["demand_modality"].isin(NON_TYPES), OTHER)


def sentence_category(clean: pd.DataFrame) -> pd.Series:
    category = clean["sentence_modality"].where(~clean["sentence_modality"].isin(NON_TYPES), OTHER)
    return category.where(~clean["acquitted"], ACQUITTAL)


def table_2(clean: pd.DataFrame, threshold: int, order: Sequence[str] = ()) -> pd.DataFrame:
    return small_cells_to_other(demand_category(clean).value_counts(), threshold, order)


def table_4(clean: pd.DataFrame, threshold: int, order: Sequence[str] = ()) -> pd.DataFrame:
    return small_cells_to_other(sentence_category(clean).value_counts(), threshold, order, keep=[ACQUITTAL])


def class_labels(bounds: Sequence[float]) -> list[str]:
    """Dutch labels of month classes; a class includes its lower bound and excludes its upper bound."""
    labels = [f"{a:g} tot {b:g} maanden" for a, b in zip(bounds, bounds[1:])]
    labels.append(f"{bounds[-1]:g} maanden of meer")
    return labels


def month_class(months: pd.Series, bounds: Sequence[float]) -> pd.Series:
    """The class label of each duration (NaN stays NaN). 12 with bounds (…, 6, 12, 24, …) is '12 tot 24'."""
    labels = class_labels(bounds)
    values = months.to_numpy(dtype=float)
    index = np.searchsorted(np.asarray(bounds, dtype=float), values, side="right") - 1
    out = [labels[i] if not np.isnan(v) and i >= 0 else None for v, i in zip(values, index)]
    return pd.Series(out, index=months.index, dtype=object)


def duration_table(months: pd.Series, bounds: Sequence[float]) -> pd.DataFrame:
    """Frequency per month class; units without a (known, positive) unconditional duration go to "overig"."""
    known = months.where(months > 0)
    classes = month_class(known, bounds)
    labels = class_labels(bounds)
    counts = classes.value_counts().reindex(labels, fill_value=0)
    rows = [(label, int(counts[label])) for label in labels]
    rows.append((OTHER, int(classes.isna().sum())))
    total = sum(n for _, n in rows)
    rows.append((TOTAL, total))
    table = pd.DataFrame(rows, columns=["categorie", "frequentie"])
    table["aandeel"] = (table["frequentie"] / total).round(4) if total else 0.0
    return table


def table_3(clean: pd.DataFrame, bounds: Sequence[float]) -> pd.DataFrame:
    """Duration of the unconditional part of the demand (all defendants)."""
    return duration_table(clean["demand_unconditional_months"], bounds)


def table_5(clean: pd.DataFrame, bounds: Sequence[float]) -> pd.DataFrame:
    """Duration of the unconditional part of the imposed sentence where mensenhandel was proven."""
    return duration_table(clean["sentence_unconditional_months"].where(clean["proven"]), bounds)


def compare_with_published(computed: pd.DataFrame, published: pd.DataFrame, table: str) -> pd.DataFrame:
    """Cell-by-cell comparison on `categorie` (the published side uses the corrected labels)."""
    merged = published[["categorie", "frequentie"]].merge(
        computed[["categorie", "frequentie"]], on="categorie", how="outer",
        suffixes=("_gepubliceerd", "_berekend"), sort=False,
    )
    merged = merged.fillna({"frequentie_gepubliceerd": 0, "frequentie_berekend": 0})
    merged.insert(0, "tabel", table)
    merged["frequentie_gepubliceerd"] = merged["frequentie_gepubliceerd"].astype(int)
    merged["frequentie_berekend"] = merged["frequentie_berekend"].astype(int)
    merged["verschil"] = merged["frequentie_berekend"] - merged["frequentie_gepubliceerd"]
    merged["gelijk"] = merged["verschil"].eq(0)
    return merged
