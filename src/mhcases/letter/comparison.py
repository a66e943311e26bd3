"""The follow-up letter (`study.kind: vervolg`): the new period's Tables 1, 2 and 4 beside the 2020 study.

A difference from 2020 is a finding about the new period, with a 95% interval, not an erratum: each row gives the
2020 frequency and share (the letter, `data/published/`), the new frequency and share, and the difference of the
shares in percentage points with Newcombe's hybrid score interval (two independent Wilson intervals; the new
period's Wilson interval with the effective sample size of its clustering in cases when its units are given,
`followup_units`; docs/methods.md M11, M13). Notes are computed from the data shown; the 2020 footnotes describe
the 2020 data and are not printed under new figures.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from mhcases.inference import intervals

from mhcases.present import (
    CORRECTED_MARKER,
    CORRECTED_NOTE,
    MISSING,
    PublishedTable,
    ci_label,
    escape_markdown,
    format_number,
    format_percent,
    format_range,
    format_signed,
    markdown_table,
    note_marker,
)
from mhcases.tables import OTHER, TOTAL

BASELINE = "2018–2019"  # the 2020 letter's period, as a column label


def share_difference(new: int, n_new: float, old: int, n_old: int, level: float = 0.95,
                     n_new_effective: float | None = None) -> tuple[float, float, float]:
    """Difference of two independent shares (new − old) with Newcombe's hybrid score interval (method 10):
    the MOVER (`intervals.mover_difference`) of two Wilson intervals (`intervals.wilson`). `n_new_effective`:
    the new share's effective sample size under clustering (`intervals.cluster_effective_n`), default `n_new`."""
    if n_new == 0 or n_old == 0:
        return math.nan, math.nan, math.nan
    p1, p2 = new / n_new, old / n_old
    m1 = float(n_new if n_new_effective is None else n_new_effective)
    l1, u1 = intervals.wilson(np.array([p1]), np.array([m1]), level)
    l2, u2 = intervals.wilson(np.array([p2]), np.array([float(n_old)]), level)
    low, high = intervals.mover_difference(p1, l1, u1, p2, l2, u2)
    return p1 - p2, float(low[0]), float(high[0])


def followup_units(cases: pd.DataFrame, table: str) -> pd.DataFrame:
    """The units of a follow-up table, one row each: cases for Table 1 (its unit), defendants for Tables 2 and 4;
    columns case_id and categorie (before small cells are pooled). For the design effect of the new shares."""
    from mhcases import tables as T

    if table == "tabel_1":
        category = T.case_combinations(cases)
        return pd.DataFrame({"case_id": category.index.to_numpy(), "categorie": category.to_numpy()})
    category = T.demand_category(cases) if table == "tabel_2" else T.sentence_category(cases)
    return pd.DataFrame({"case_id": cases["case_id"].to_numpy(), "categorie": category.to_numpy()})


def _effective_n(units: pd.DataFrame | None, shown: list[str], category: str, count: int, n: int) -> float | None:
    """The effective sample size of a shown category's new share (its units: the category, or for «overig» every
    unit in no other shown category); None without units or when they do not give the table's count and total
    (then no design effect rather than a wrong one)."""
    if units is None or len(units) != n:
        return None
    if category == OTHER:
        inside = ~units["categorie"].isin([c for c in shown if c not in (OTHER, TOTAL)])
    else:
        inside = units["categorie"] == category
    if int(inside.sum()) != count:
        return None
    return intervals.cluster_effective_n(inside.to_numpy(), units["case_id"].to_numpy())


def period_text(period: Mapping[str, Any]) -> str:
    """"1 januari 2021 tot en met 31 december 2022"."""
    months = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
              "november", "december")

    def one(value: str) -> str:
        year, month, day = (int(x) for x in str(value).split("-"))
        return f"{day} {months[month - 1]} {year}"

    return f"{one(period['start'])} tot en met {one(period['end'])}"


def followup_rows(table: PublishedTable, computed: pd.DataFrame, level: float = 0.95,
                  counts: pd.Series | None = None, units: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per category (the 2020 rows first, then new categories, then «overig» and Totaal): 2020 and new
    frequency and share, and the difference of the shares with its interval (fractions).

    With `counts` (every category's frequency before small cells were pooled), a category of the letter keeps its
    own new frequency even below the small-cell threshold, so that its difference from 2020 is not biased by
    the pooling; only categories the letter does not list are pooled into «overig». With `units`
    (`followup_units`) the new share's Wilson interval uses the effective sample size of its clustering in cases
    (`intervals.cluster_effective_n`; Kish's design effect), so that co-defendants are not counted as independent."""
    old_total, new_total = table.total, int(computed.loc[computed["categorie"] == TOTAL, "frequentie"].sum())
    old = dict(zip(table.rows["categorie"], table.rows["frequentie"]))
    new = dict(zip(computed["categorie"], computed["frequentie"]))
    letter = [c for c in table.rows["categorie"] if c not in (OTHER, TOTAL)]
    extra = [c for c in computed["categorie"] if c not in letter and c not in (OTHER, TOTAL)]
    if counts is not None:
        new.update({c: int(counts.get(c, 0)) for c in letter})
        new[OTHER] = new_total - sum(int(new.get(c, 0)) for c in [*letter, *extra])
    order = [*letter, *extra, *([OTHER] if OTHER in old or OTHER in new else []), TOTAL]
    printed = dict(zip(table.rows["categorie"], table.rows["categorie_bron"]))
    rows = []
    for category in order:
        in_letter = category in old
        a, b = int(old.get(category, 0)), int(new.get(category, 0))
        if category == TOTAL or not in_letter:  # a category the letter does not list has no 2020 share
            d = low = high = math.nan
        else:
            d, low, high = share_difference(b, new_total, a, old_total, level,
                                            _effective_n(units, order, category, b, new_total))
        rows.append({"categorie": category, "in_brief": in_letter,
                     "corrected": in_letter and printed.get(category, category) != category,
                     "oud": a if in_letter else None,
                     "oud_aandeel": a / old_total if old_total and in_letter else math.nan,
                     "nieuw": b, "nieuw_aandeel": b / new_total if new_total else math.nan,
                     "verschil": d, "ci_low": low, "ci_high": high})
    return pd.DataFrame(rows)


def _clustering_clause(table: PublishedTable, units: pd.DataFrame | None, period_label: str) -> str:
    """What the interval does with co-defendants (the table note)."""
    if table.unit == "zaak":
        return "de eenheid is de zaak"
    if units is None:
        return "samenhang tussen medeverdachten is niet meegenomen"
    return (f"voor {escape_markdown(period_label)} met de effectieve steekproefgrootte bij samenhang tussen "
            f"medeverdachten in een zaak; voor {BASELINE} is die samenhang niet bekend en niet meegenomen")


# The 2020 notes that define a category (true of any data); the others describe the 2020 data and are left out.
DEFINITION_NOTES = {"tabel_1": 1, "tabel_2": 1, "tabel_4": 1}


def followup_table_markdown(table: PublishedTable, computed: pd.DataFrame, other_note: str, period_label: str,
                            level: float = 0.95, *, title_is_corrected: bool = False,
                            counts: pd.Series | None = None, units: pd.DataFrame | None = None) -> str:
    """The follow-up table: 2020 beside the new period, with the difference of the shares and its interval.
    `other_note` (computed from the new data) explains «overig»; the 2020 footnotes are not repeated."""
    rows = followup_rows(table, computed, level, counts, units)
    unit = "zaken" if table.unit == "zaak" else "verdachten"
    interval = ci_label(level)
    markers = table.note_markers
    other_key = markers.get(OTHER, 1)
    labels = [note_marker(escape_markdown(c), *([other_key] if c == OTHER and other_note else []),
                          *([CORRECTED_MARKER] if fixed else []))
              for c, fixed in zip(rows["categorie"], rows["corrected"])]
    definitions = {k: v for k, v in table.notes.items() if k == DEFINITION_NOTES.get(table.name)}
    header = note_marker(escape_markdown(table.header[0]), *([markers["header"]] if markers.get("header") in definitions else []))
    frame = pd.DataFrame({
        header: labels,
        f"{BASELINE}": pd.array(rows["oud"], dtype="Int64"),
        f"{BASELINE} %": [format_percent(v) for v in rows["oud_aandeel"]],
        escape_markdown(period_label): rows["nieuw"].astype("int64"),
        f"{escape_markdown(period_label)} %": [format_percent(v) for v in rows["nieuw_aandeel"]],
        "Verschil (pp)": [MISSING if math.isnan(d) else format_signed(d * 100) for d in rows["verschil"]],
        interval: [format_range(lo * 100, hi * 100, signed=True) if not math.isnan(lo) else "" for lo, hi in
                   zip(rows["ci_low"], rows["ci_high"])],
    })
    notes: dict[int | str, str] = {k: escape_markdown(v) for k, v in definitions.items()}
    if other_note:
        notes[other_key] = other_note
    if title_is_corrected or rows["corrected"].any():
        notes[CORRECTED_MARKER] = CORRECTED_NOTE
    notes = dict(sorted(notes.items(), key=lambda kv: (isinstance(kv[0], str), str(kv[0]))))
    notes[""] = (f"{BASELINE}: de {unit} van het onderzoek in Kamerstuk 28\\ 638, nr.\\ 183 (de brief). "
                 f"{escape_markdown(period_label)}: berekend uit het codeerblad van dit onderzoek. Verschil: aandeel in "
                 f"de nieuwe periode min aandeel in {BASELINE}, in procentpunten, met het {interval} (Newcombe, twee "
                 f"onafhankelijke steekproeven; {_clustering_clause(table, units, period_label)})."
                 + (" Categorieën van de brief staan er met hun eigen aantal in, ook onder de drempel voor «overig»."
                    if counts is not None else "")
                 + (f" {MISSING}: categorie niet in de brief (in {BASELINE} niet of onder «overig» geteld), dus geen "
                    "verschil." if (~rows["in_brief"]).any() else ""))
    return markdown_table(frame, align="lrrrrrr", notes=notes, widths=[34, 9, 9, 9, 9, 12, 18])


def followup_sentence(table: PublishedTable, computed: pd.DataFrame, level: float = 0.95,
                      counts: pd.Series | None = None, units: pd.DataFrame | None = None) -> str:
    """One sentence on what changed: the categories whose share differs from 2020 beyond the interval."""
    rows = followup_rows(table, computed, level, counts, units)
    rows = rows[rows["categorie"] != TOTAL]
    clear = rows[(rows["ci_low"] > 0) | (rows["ci_high"] < 0)]
    if clear.empty:
        return (f"Bij geen enkele categorie is het aandeel aantoonbaar anders dan in {BASELINE}: elk "
                f"{ci_label(level)} van het verschil omvat nul.")
    parts = [f"«{escape_markdown(r.categorie)}» ({format_percent(r.nieuw_aandeel)} tegen {format_percent(r.oud_aandeel)})"
             for r in clear.itertuples()]
    which = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} en {parts[-1]}"
    verb = "wijkt" if len(parts) == 1 else "wijken"
    return (f"Aantoonbaar anders dan in {BASELINE} ({ci_label(level)} van het verschil zonder nul) {verb} het aandeel "
            f"van {which} af. Dat is een bevinding over de nieuwe periode, geen fout in de brief.")


def other_categories_note(counts: pd.Series, shown: set[str], unit: str) -> str:
    """The note on «overig» of a new table, from the data: which categories it holds, with their counts."""
    shown = set(shown) - {OTHER, TOTAL}
    inside = counts[[c not in shown for c in counts.index]]
    inside = inside[inside > 0].sort_values(ascending=False, kind="stable")
    if inside.empty:
        return ""
    parts = [f"{escape_markdown(c)} ({format_number(int(n))})" for c, n in inside.items()]
    body = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} en {parts[-1]}"
    return f"«overig» bevat {format_number(int(inside.sum()))} {unit}: {body}."


def followup_counts(cases: pd.DataFrame, table: str) -> pd.Series:
    """The frequency of every category before small cells are pooled (for the note on «overig»)."""
    from mhcases import tables as T

    if table == "tabel_1":
        return T.case_combinations(cases).value_counts()
    if table == "tabel_2":
        return T.demand_category(cases).value_counts()
    return T.sentence_category(cases).value_counts()


def followup_other_note(cases: pd.DataFrame, computed: pd.DataFrame, table: str,
                        published: PublishedTable | None = None) -> str:
    """The note on «overig» of the follow-up table, from the data: what its defendants (or cases) have, by the
    coded value (e.g. "onbekend", "ontslag", a combination the letter does not list)."""
    from mhcases import tables as T

    unit = {"tabel_1": ("zaak", "zaken")}.get(table, ("verdachte", "verdachten"))
    shown = (set(computed["categorie"]) | (set(published.rows["categorie"]) if published is not None else set()))
    shown -= {OTHER, TOTAL}
    if table == "tabel_1":
        category = T.case_combinations(cases)
        raw = category
    elif table == "tabel_2":
        category, raw = T.demand_category(cases), cases["demand_modality"]
    else:
        category = T.sentence_category(cases)
        raw = cases["sentence_modality"].where(~cases["acquitted"].astype(bool), "vrijspraak")
    inside = raw[~category.isin(shown)].value_counts()
    n = int(inside.sum())
    return other_categories_note(inside, set(), unit[0] if n == 1 else unit[1])


def period_label(study: Mapping[str, Any]) -> str:
    """The new period as a column label: "2021–2022" (the years of study.period)."""
    period = study.get("period") or {}
    start, end = str(period.get("start", ""))[:4], str(period.get("end", ""))[:4]
    return start if start == end else f"{start}–{end}"


def followup_introduction(study: Mapping[str, Any], n_cases: int, n_defendants: int) -> str:
    """The follow-up letter's introduction of the new period and its cases."""
    title = study.get("title") or f"Vervolgonderzoek uitspraken mensenhandel {period_label(study)}"
    cases = f"{format_number(n_cases)} {'zaak' if n_cases == 1 else 'zaken'}"
    defendants = f"{format_number(n_defendants)} {'verdachte' if n_defendants == 1 else 'verdachten'}"
    return (f"**{escape_markdown(title)}.** Deze brief is een vervolgonderzoek. Het stelt dezelfde vragen aan "
            f"uitspraken van een latere periode: {period_text(study.get('period') or {})}. Het codeerblad van dit "
            f"onderzoek telt {cases} met {defendants}. In de paragrafen 2 tot en met 4 staan de nieuwe cijfers naast "
            f"die van het onderzoek uit de brief ({BASELINE}), met het verschil en het betrouwbaarheidsinterval "
            "daarvan. Een verschil met de brief is een bevinding over de nieuwe periode, geen fout in de brief; de "
            "errata van de brief zelf staan in de bijlage.")


def followup_conclusion(published: Mapping[str, PublishedTable], tables: Mapping[str, pd.DataFrame],
                        level: float = 0.95, counts: Mapping[str, pd.Series] | None = None,
                        units: Mapping[str, pd.DataFrame] | None = None) -> str:
    """The conclusion's first sentence in a follow-up letter: how many shares differ clearly from 2020."""
    clear = total = 0
    for name in ("tabel_1", "tabel_2", "tabel_4"):
        rows = followup_rows(published[name], tables[name], level, (counts or {}).get(name), (units or {}).get(name))
        rows = rows[rows["categorie"] != TOTAL]
        total += len(rows)
        clear += int(((rows["ci_low"] > 0) | (rows["ci_high"] < 0)).sum())
    if clear == 0:
        return (f"In de tabellen 1, 2 en 4 is geen van de {format_number(total)} aandelen aantoonbaar anders dan in "
                f"{BASELINE}; met zo weinig uitspraken zijn alleen grote verschillen aan te tonen.")
    return (f"In de tabellen 1, 2 en 4 {'is' if clear == 1 else 'zijn'} {format_number(clear)} van de "
            f"{format_number(total)} aandelen aantoonbaar anders dan in {BASELINE} (het {ci_label(level)} van het "
            "verschil omvat geen nul).")


PERIOD_FORMATS = {  # measure -> (decimals, percent)
    "mediaan_ratio": (2, False), "aandeel_vrijspraak": (0, True), "kloof": (1, False),
    "aandeel_vrijspraken_samen": (0, True), "aandeel_korting": (0, True),
}


def _period_cell(row: Any, signed: bool = False) -> str:
    from mhcases.present import format_ci

    decimals, percent = PERIOD_FORMATS.get(str(row.measure), (2, False))
    return format_ci(row.estimate, row.ci_low, row.ci_high, decimals, percent=percent, signed=signed, level=None)


def periods_table(periods: pd.DataFrame, period_label: str) -> pd.DataFrame:
    """Per measure: the baseline period, the new period and the difference, each "estimate (interval)"."""
    rows = []
    for measure, group in periods.groupby("measure", sort=False):
        by = {r.periode: r for r in group.itertuples()}
        rows.append({
            "Maat": escape_markdown(str(group["label"].iloc[0])),
            BASELINE: _period_cell(by["basis"]),
            escape_markdown(period_label): _period_cell(by["nieuw"]),
            "Verschil": _period_cell(by["verschil"], signed=True),
        })
    return pd.DataFrame(rows)


def periods_paragraph(periods: pd.DataFrame, period_label: str, level: float = 0.95) -> str:
    """What the comparison with the baseline sheet shows, decided by the intervals of the differences."""
    diff = periods[periods["periode"] == "verschil"]
    clear = diff[(diff["ci_low"] > 0) | (diff["ci_high"] < 0)]
    without = diff["ci_low"].isna() | diff["ci_high"].isna()
    n_new = int(periods.loc[periods["periode"] == "nieuw", "n"].iloc[0])
    n_old = int(periods.loc[periods["periode"] == "basis", "n"].iloc[0])
    text = (f"Met het codeerblad van het eerdere onderzoek ({format_number(n_old)} {'verdachte' if n_old == 1 else 'verdachten'}) zijn ook de maten per "
            f"verdachte te vergelijken met die van {escape_markdown(period_label)} ({format_number(n_new)} "
            f"{'verdachte' if n_new == 1 else 'verdachten'}); de tabel hieronder geeft ze voor beide perioden en het "
            f"verschil, elk met een {ci_label(level)} uit een bootstrap die per periode zaken trekt (voor het aandeel "
            "vrijspraken het Wilson-interval met de effectieve steekproefgrootte van die bootstrap, voor het verschil "
            "daarvan Newcombe). ")
    if without.all():
        return text + ("Voor geen van de verschillen is een interval te berekenen: een van de perioden heeft te weinig "
                       "zaken voor een bootstrap (bijlage, M10).")
    if clear.empty:
        return text + (f"Geen van de verschillen is aantoonbaar: elk {ci_label(level)} omvat nul. Dat betekent niet "
                       "dat er niets veranderd is, wel dat deze aantallen een verandering niet kunnen aantonen.")
    labels = [f"{escape_markdown(r.label)}" for r in clear.itertuples()]
    which = labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} en {labels[-1]}"
    return text + f"Aantoonbaar anders dan in {BASELINE} {'is' if len(labels) == 1 else 'zijn'}: {which}."
