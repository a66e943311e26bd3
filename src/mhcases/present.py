"""Presentation helpers for the report: Dutch number formats and DataFrame -> markdown tables with notes.

The .qmd stays thin: a cell reads a table, calls `markdown_table` (or `published_table_markdown`) and prints
the result with `#| output: asis`. Cell text is markdown; pass raw data text through `escape_markdown`.
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from mhcases.numbers import MINUS, MISSING, format_number  # the one Dutch format of text, tables, figures
from mhcases.numbers import is_missing as _missing
from mhcases.published import load_errata, load_metadata, load_table

CORRECTED_MARKER = "*"  # marks a row label corrected against the printed letter (see errata.csv)
CORRECTED_NOTE = "Omschrijving gecorrigeerd ten opzichte van de gedrukte brief; zie «Errata in de bron»."
CHART_NOTE = f"{MISSING} In de brief alleen als grafiek, zonder getallen; de frequenties volgen uit het codeerblad."


# ----------------------------------------------------------------------------------------------------------
# Numbers
# ----------------------------------------------------------------------------------------------------------


def format_percent(fraction: float | None, decimals: int = 0) -> str:
    """A fraction as a Dutch percentage: `0.523` -> "52%", with `decimals=1` -> "52,3%"."""
    if _missing(fraction):
        return MISSING
    return f"{format_number(float(fraction) * 100, decimals)}%"  # type: ignore[arg-type]


def format_signed(value: float | None, decimals: int = 0, *, percent: bool = False) -> str:
    """A difference with its sign: `3.24` -> "+3", `-0.7, 1` -> "−0,7" (a real minus sign); zero has no sign.

    With `percent` the value is a fraction: `-0.017, 1` -> "−1,7%".
    """
    if _missing(value):
        return MISSING
    number = float(value) * (100 if percent else 1)  # type: ignore[arg-type]
    text = format_number(number, decimals)
    if not text.startswith(MINUS) and any(ch not in "0,." for ch in text):
        text = f"+{text}"
    return f"{text}%" if percent else text


def format_range(
    low: float | None, high: float | None, decimals: int = 0, *, percent: bool = False, signed: bool = False
) -> str:
    """An interval: "24–30", "25–47%" (fractions with `percent`); with a negative bound "−14,5 tot 12,9", so
    that a dash is never read as a minus sign; with `signed` each bound has its sign: "−14,5 tot +12,9"."""
    if _missing(low) or _missing(high):
        return MISSING
    negative = float(low) < 0 or float(high) < 0  # type: ignore[arg-type]
    if signed:
        a, b = (format_signed(x, decimals, percent=percent) for x in (low, high))
        return f"{a} tot {b}"
    a, b = (format_percent(x, decimals) if percent else format_number(x, decimals) for x in (low, high))
    return f"{a} tot {b}" if negative else f"{a.removesuffix('%')}–{b}"


def ci_label(level: float = 0.95) -> str:
    """The short name of a confidence interval at `level`: 0.95 -> "95%-BI" (betrouwbaarheidsinterval)."""
    percent = float(level) * 100
    return f"{format_number(percent, 0 if percent.is_integer() else 1)}%-BI"


def format_ci(
    value: float | None,
    low: float | None,
    high: float | None,
    decimals: int = 0,
    *,
    percent: bool = False,
    signed: bool = False,
    unit: str = "",
    level: float | None = 0.95,
) -> str:
    """An estimate with its interval: "27 maanden (95%-BI 24–30)"; `level=None` leaves the label out
    ("27 (24–30)", for tables whose header names the interval). A missing interval is left out."""
    number = format_signed(value, decimals, percent=percent) if signed else (
        format_percent(value, decimals) if percent else format_number(value, decimals)
    )
    text = f"{number} {unit}".strip()
    if _missing(low) or _missing(high):
        return text
    interval = format_range(low, high, decimals, percent=percent, signed=signed)
    return f"{text} ({ci_label(level)} {interval})" if level is not None else f"{text} ({interval})"


def format_p(p: float | None) -> str:
    """A p-value in Dutch: "p < 0,001", "p = 0,004", "p = 0,04", "p = 0,81"."""
    if _missing(p):
        return MISSING
    value = float(p)  # type: ignore[arg-type]
    if value < 0.001:
        return "p < 0,001"
    return f"p = {format_number(value, 3 if value < 0.01 else 2)}"


# ----------------------------------------------------------------------------------------------------------
# Markdown tables
# ----------------------------------------------------------------------------------------------------------


def escape_markdown(text: Any) -> str:
    """Escape characters that pandoc markdown would read as markup (for raw data text in cells and notes)."""
    return re.sub(r"([\\`*_\[\]<>|^~$@#])", r"\\\1", str(text))


def note_marker(text: str, *keys: int | str) -> str:
    """Append superscript note markers: `note_marker("overig", 2)` -> "overig^2^" (rendered "overig²")."""
    if not keys:
        return text
    return f"{text}^{','.join(escape_markdown(k) for k in keys)}^"


NUMBER_WORDS = (
    "nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf",
)  # fmt: skip


def number_word(value: int) -> str:
    """Small counts in words, as Dutch prose writes them: 3 -> "drie"; from 13 on digits ("13", "1.234")."""
    if float(value).is_integer() and 0 <= int(value) < len(NUMBER_WORDS):
        return NUMBER_WORDS[int(value)]
    return format_number(value)


def plural(count: int, one: str, many: str) -> str:
    """The noun form that goes with `count`: plural(1, "zaak", "zaken") -> "zaak"."""
    return one if count == 1 else many


def _is_numeric(series: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)


def _cell(value: Any, integer: bool, decimals: int) -> str:
    if isinstance(value, str):
        text = value
    elif _missing(value):
        text = MISSING
    elif isinstance(value, numbers.Number) and not isinstance(value, bool):
        whole = integer or isinstance(value, numbers.Integral)
        text = format_number(value, 0 if whole else decimals)  # type: ignore[arg-type]
    else:
        text = str(value)
    return " ".join(text.split()).replace("|", "\\|")


def markdown_table(
    frame: pd.DataFrame,
    *,
    align: str | Mapping[str, str] | None = None,
    notes: Mapping[int | str, str] | Sequence[str] | None = None,
    widths: Sequence[float] | None = None,
    decimals: int | Mapping[str, int] = 1,
) -> str:
    """A pandoc pipe table (plus notes) of `frame`, for a cell with `#| output: asis`.

    - Column names are the header; cells are markdown. Numbers are formatted the Dutch way: integer columns
      without decimals, other numeric columns with `decimals` (one value, or per column); missing -> "–".
    - `align`: "l"/"r"/"c" per column as a string ("lrr") or a mapping {column: "r"}; by default numeric
      columns are right-aligned and the others left-aligned.
    - `notes`: {marker: text} rendered in small type below the table as "¹ text" (marker "" = no marker),
      or a list of plain notes ("Bron: …"). Put the markers in cells with `note_marker`.
    - `widths`: relative column widths; they count when a line is wider than the page (pandoc's rule) and
      default to the longest text per column.
    """
    columns = [str(c) for c in frame.columns]
    numeric = {str(c): _is_numeric(frame[c]) for c in frame.columns}
    integer = {str(c): pd.api.types.is_integer_dtype(frame[c]) for c in frame.columns}
    places = decimals if isinstance(decimals, Mapping) else {c: decimals for c in columns}
    if align is None:
        alignment = ["r" if numeric[c] else "l" for c in columns]
    elif isinstance(align, str):
        if len(align) != len(columns) or set(align) - set("lrc"):
            raise ValueError(f"align={align!r}: geef per kolom l, r of c ({len(columns)} kolommen)")
        alignment = list(align)
    else:
        alignment = [align.get(c, "r" if numeric[c] else "l") for c in columns]
    rows = [
        [_cell(value, integer[c], places.get(c, 1)) for c, value in zip(columns, record)]
        for record in frame.itertuples(index=False, name=None)
    ]
    header = [_cell(c, False, 0) for c in columns]
    if widths is None:
        widths = [min(60, max(4, len(h), *(len(r[i]) for r in rows))) for i, h in enumerate(header)]
    if len(widths) != len(columns):
        raise ValueError(f"widths heeft {len(widths)} waarden voor {len(columns)} kolommen")
    total = float(sum(widths))
    dashes = [max(3, round(72 * w / total)) for w in widths]
    rule = {"l": ":{}", "r": "{}:", "c": ":{}:"}
    separator = [rule[a].format("-" * d) for a, d in zip(alignment, dashes)]
    lines = ["| " + " | ".join(cells) + " |" for cells in (header, separator, *rows)]
    return "\n".join(lines) + "\n" + notes_markdown(notes)


def notes_markdown(notes: Mapping[int | str, str] | Sequence[str] | None) -> str:
    """Table notes in small type (a `.table-notes` div): {1: "text"} -> "¹ text"; a list gives plain notes."""
    if not notes:
        return ""
    pairs = notes.items() if isinstance(notes, Mapping) else (("", text) for text in notes)
    paragraphs = [f"{note_marker('', key) if str(key) else ''} {text}".strip() for key, text in pairs]
    return "\n::: {.table-notes}\n" + "\n\n".join(paragraphs) + "\n:::\n"


# ----------------------------------------------------------------------------------------------------------
# The letter's published tables (data/published)
# ----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PublishedTable:
    """One of the letter's tables as published: rows in the letter's order, `Totaal` last.

    Tables 3 and 5 were charts without numbers: their `rows` are empty and `chart` is True.
    """

    name: str  # "tabel_1"
    title: str  # as printed
    header: tuple[str, str]  # the letter's column headers
    unit: str  # what a row counts: "zaak" or "verdachte"
    rows: pd.DataFrame  # categorie (corrected), categorie_bron (as printed), frequentie
    notes: dict[int, str]  # verbatim
    note_markers: dict[str, int]  # "title", "header" or a categorie -> note number
    chart: bool = False  # published as a chart without numbers

    @property
    def total(self) -> int:
        """The `Totaal` row."""
        return self.frequency("Totaal")

    def frequency(self, category: str) -> int:
        """The frequency of one row, by its (corrected) category."""
        match = self.rows.loc[self.rows["categorie"] == category, "frequentie"]
        if len(match) != 1:
            raise KeyError(f"{self.name}: geen (unieke) rij {category!r}")
        return int(match.iloc[0])


def read_published(folder: str | Path) -> dict[str, PublishedTable]:
    """The letter's tables in `folder` (metadata.yaml + tabel_<n>.csv), checked: rows add up to `Totaal`.

    A table without a CSV (published as a chart) comes with empty `rows` and `chart=True`.
    """
    folder = Path(folder)
    metadata = load_metadata(folder)
    tables = {}
    for name, meta in metadata["tables"].items():
        path = folder / f"{name}.csv"
        chart = not path.exists()
        if chart:
            rows = pd.DataFrame({"categorie": [], "categorie_bron": [], "frequentie": []})
        else:
            rows = load_table(folder, name)
            body = rows[rows["categorie"] != "Totaal"]
            totals = rows.loc[rows["categorie"] == "Totaal", "frequentie"].tolist()
            if totals != [body["frequentie"].sum()] or totals != [meta["total"]]:
                raise ValueError(
                    f"{path}: de rijen tellen op tot {body['frequentie'].sum()}, de rij Totaal is {totals} en "
                    f"metadata.yaml noemt {meta.get('total')}; die moeten gelijk zijn"
                )
        tables[name] = PublishedTable(
            name=name,
            title=meta["title"],
            header=tuple(meta.get("header", ["Duur", "Frequentie"])),  # type: ignore[arg-type]
            unit=meta["unit"],
            rows=rows,
            notes={int(k): v for k, v in meta.get("notes", {}).items()},
            note_markers={str(k): int(v) for k, v in meta.get("note_markers", {}).items()},
            chart=chart,
        )
    return tables


def duration_classes(bounds: Sequence[float], unit: str = "maanden") -> list[str]:
    """Labels of classes from their lower bounds: [0, 6, 12] -> "0 tot 6 maanden", …, "12 maanden of meer".

    A class includes its lower bound and excludes its upper bound; the last is open-ended.
    """
    text = [format_number(b, 0 if float(b).is_integer() else 1) for b in bounds]
    return [*(f"{a} tot {b} {unit}" for a, b in zip(text, text[1:])), f"{text[-1]} {unit} of meer"]


def read_errata(folder: str | Path) -> pd.DataFrame:
    """The corrections to the letter (errata.csv: tabel, plaats, gedrukt, correctie, reden)."""
    return load_errata(folder)


def _row_labels(table: PublishedTable, categories: Sequence[str], corrected: Sequence[bool]) -> list[str]:
    """Row labels with the letter's note markers and "*" where errata.csv corrected the printed label."""
    markers = table.note_markers
    labels = []
    for category, fixed in zip(categories, corrected):
        keys = ([markers[category]] if category in markers else []) + ([CORRECTED_MARKER] if fixed else [])
        labels.append(note_marker(escape_markdown(category), *keys))
    return labels


def _first_header(table: PublishedTable) -> str:
    markers = table.note_markers
    return note_marker(escape_markdown(table.header[0]), *([markers["header"]] if "header" in markers else []))


def published_table_markdown(table: PublishedTable, categories: Sequence[str] = ()) -> str:
    """The table as the letter prints it: its headers and rows, note markers and verbatim notes.

    Row labels carry the corrections of errata.csv, marked with "*" and a note. The title's marker belongs
    in the cell's `tbl-cap`. A chart without numbers (`table.chart`) is shown with `categories`, then
    "overig" and "Totaal", each with "–", and a note saying so.
    """
    rows = table.rows
    if table.chart:
        labels = [*categories, "overig", "Totaal"]
        rows = pd.DataFrame({"categorie": labels, "categorie_bron": labels, "frequentie": [None] * len(labels)})
    corrected = rows["categorie"] != rows["categorie_bron"]
    labels = _row_labels(table, list(rows["categorie"]), list(corrected))
    frame = pd.DataFrame({_first_header(table): labels, escape_markdown(table.header[1]): list(rows["frequentie"])})
    notes: dict[int | str, str] = {k: escape_markdown(v) for k, v in table.notes.items()}
    if corrected.any():
        notes[CORRECTED_MARKER] = CORRECTED_NOTE
    if table.chart:
        notes[""] = CHART_NOTE
    return markdown_table(frame, align="lr", notes=notes, widths=[85, 15])


CHECK = "✓"  # "Verschil" column: the recomputed frequency equals the letter's
COMPARISON_NOTE = (
    "Brief: de frequentie in Kamerstuk 28\\ 638, nr.\\ 183. Codeerblad: berekend uit het codeerblad van deze "
    f"build. Verschil: codeerblad min brief ({CHECK} = gelijk; {MISSING} = categorie niet in de brief)."
)
OTHER = "overig"
TOTAL = "Totaal"


def title_corrected(table: PublishedTable, errata: pd.DataFrame) -> bool:
    """Whether errata.csv corrects the printed title of `table` (then its caption carries a "*")."""
    return bool(((errata["tabel"] == table.name) & (errata["plaats"] == "titel")).any())


def corrected_title(table: PublishedTable, errata: pd.DataFrame) -> str:
    """The table's title as the letter prints it, or as errata.csv corrects it."""
    row = errata[(errata["tabel"] == table.name) & (errata["plaats"] == "titel")]
    return str(row["correctie"].iloc[0]) if len(row) else table.title


def comparison_rows(table: PublishedTable, comparison: pd.DataFrame) -> pd.DataFrame:
    """The letter's table next to the recomputed one, from the check's cell-by-cell comparison.

    `comparison`: results/checks/vergelijking_brief.csv (tabel, categorie, frequentie_gepubliceerd,
    frequentie_berekend, verschil). Rows in the letter's order; a category the letter does not have comes
    before "overig", by descending frequency. Columns: categorie, corrected (bool), brief (None where the
    letter has no such row), codeerblad, verschil.
    """
    own = comparison[comparison["tabel"] == table.name].set_index("categorie")
    letter = [c for c in table.rows["categorie"] if c not in (OTHER, TOTAL)]
    new = own.drop(index=[*letter, OTHER, TOTAL], errors="ignore")
    new = new.assign(_key=-new["frequentie_berekend"]).sort_values(["_key"], kind="stable").index.tolist()
    order = [*letter, *new, *([OTHER] if OTHER in own.index or OTHER in set(table.rows["categorie"]) else []), TOTAL]
    printed = dict(zip(table.rows["categorie"], table.rows["categorie_bron"]))
    rows = []
    for category in order:
        in_letter = category in printed
        computed = int(own.loc[category, "frequentie_berekend"]) if category in own.index else 0
        brief = int(own.loc[category, "frequentie_gepubliceerd"]) if category in own.index else None
        if in_letter and brief is None:
            brief = int(table.frequency(category))
        rows.append({
            "categorie": category,
            "corrected": in_letter and printed[category] != category,
            "brief": brief if in_letter else None,
            "codeerblad": computed,
            "verschil": computed - (brief if in_letter and brief is not None else 0),
        })
    return pd.DataFrame(rows)


def comparison_table_markdown(
    table: PublishedTable, comparison: pd.DataFrame, *, title_is_corrected: bool = False
) -> str:
    """Markdown of `comparison_rows`: the letter's labels, markers and notes, and the columns "Brief",
    "Codeerblad" and "Verschil" (✓ when equal, else the signed difference; "–" when the letter lacks the row)."""
    rows = comparison_rows(table, comparison)
    labels = _row_labels(table, list(rows["categorie"]), list(rows["corrected"]))
    difference = [
        MISSING if brief is None or pd.isna(brief) else (CHECK if d == 0 else format_signed(d))
        for brief, d in zip(rows["brief"], rows["verschil"])
    ]
    frame = pd.DataFrame({
        _first_header(table): labels,
        "Brief": pd.array(rows["brief"], dtype="Int64"),
        "Codeerblad": rows["codeerblad"].astype("int64"),
        "Verschil": difference,
    })
    notes: dict[int | str, str] = {k: escape_markdown(v) for k, v in table.notes.items()}
    if rows["corrected"].any() or title_is_corrected:
        notes[CORRECTED_MARKER] = CORRECTED_NOTE
    notes[""] = COMPARISON_NOTE
    return markdown_table(frame, align="lrrr", notes=notes, widths=[64, 12, 14, 10])


def duration_table_markdown(table: PublishedTable, computed: pd.DataFrame, other_note: str) -> str:
    """Table 3 or 5 with the frequencies recomputed from the coding sheet (`categorie,frequentie,aandeel`).

    The letter printed these tables as charts without numbers; `other_note` (markdown) explains "overig" and
    becomes its note 1.
    """
    labels = [note_marker(escape_markdown(c), 1) if c == OTHER else escape_markdown(c) for c in computed["categorie"]]
    frame = pd.DataFrame({
        escape_markdown(table.header[0]): labels,
        "Aantal": computed["frequentie"].astype("int64"),
        "Aandeel": [format_percent(a) for a in computed["aandeel"]],
    })
    notes: dict[int | str, str] = {
        1: other_note,
        "": "In de brief alleen als grafiek, zonder getallen; de aantallen (verdachten) zijn berekend uit het "
        "codeerblad.",
    }
    return markdown_table(frame, align="lrr", notes=notes, widths=[64, 18, 18])


def table_label(name: str) -> str:
    """ "tabel_2" -> "Tabel 2"."""
    return name.replace("_", " ").capitalize()


def errata_markdown(errata: pd.DataFrame) -> str:
    """The errata as a markdown list: where, what was printed, the correction and why."""
    items = [
        f"- **{table_label(row.tabel)}, {escape_markdown(row.plaats)}.** Gedrukt: «{escape_markdown(row.gedrukt)}»; "
        f"correctie: «{escape_markdown(row.correctie)}». {escape_markdown(row.reden)}"
        for row in errata.itertuples(index=False)
    ]
    return "\n".join(items) + "\n"
