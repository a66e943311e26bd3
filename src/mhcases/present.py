"""Presentation helpers for the report: Dutch number formats and DataFrame -> markdown tables with notes.

The .qmd stays thin: a cell reads a table, calls `markdown_table` (or `published_table_markdown`) and prints
the result with `#| output: asis`. Cell text is markdown; pass raw data text through `escape_markdown`.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

MISSING = "–"  # shown for a missing number
CORRECTED_MARKER = "*"  # marks a row label corrected against the printed letter (see errata.csv)
CORRECTED_NOTE = "Omschrijving gecorrigeerd ten opzichte van de gedrukte brief; zie «Errata in de bron»."
CHART_NOTE = f"{MISSING} In de brief alleen als grafiek, zonder getallen; de frequenties volgen uit het codeerblad."


# ----------------------------------------------------------------------------------------------------------
# Numbers
# ----------------------------------------------------------------------------------------------------------


def _missing(value: Any) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def format_number(value: float | int | None, decimals: int = 0) -> str:
    """Dutch number format: `1234.5` -> "1.234,5" (thousands ".", decimal ","); missing -> "–"."""
    if _missing(value):
        return MISSING
    number = float(value)  # type: ignore[arg-type]
    if math.isinf(number):
        return "∞" if number > 0 else "-∞"
    text = f"{abs(number):,.{decimals}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    negative = number < 0 and any(ch not in "0,." for ch in text)
    return f"-{text}" if negative else text


def format_percent(fraction: float | None, decimals: int = 0) -> str:
    """A fraction as a Dutch percentage: `0.523` -> "52%", with `decimals=1` -> "52,3%"."""
    if _missing(fraction):
        return MISSING
    return f"{format_number(float(fraction) * 100, decimals)}%"  # type: ignore[arg-type]


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
    metadata = yaml.safe_load((folder / "metadata.yaml").read_text(encoding="utf-8"))
    tables = {}
    for name, meta in metadata["tables"].items():
        path = folder / f"{name}.csv"
        chart = not path.exists()
        if chart:
            rows = pd.DataFrame({"categorie": [], "categorie_bron": [], "frequentie": []})
        else:
            rows = pd.read_csv(path, dtype={"categorie": str, "categorie_bron": str, "frequentie": "int64"})
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
    return pd.read_csv(Path(folder) / "errata.csv", dtype=str).fillna("")


def published_table_markdown(table: PublishedTable, categories: Sequence[str] = ()) -> str:
    """The table as the letter prints it: its headers and rows, note markers and verbatim notes.

    Row labels carry the corrections of errata.csv, marked with "*" and a note. The title's marker belongs
    in the cell's `tbl-cap`. A chart without numbers (`table.chart`) is shown with `categories`, then
    "overig" and "Totaal", each with "–", and a note saying so.
    """
    markers = table.note_markers
    rows = table.rows
    if table.chart:
        labels = [*categories, "overig", "Totaal"]
        rows = pd.DataFrame({"categorie": labels, "categorie_bron": labels, "frequentie": [None] * len(labels)})
    corrected = rows["categorie"] != rows["categorie_bron"]
    labels = []
    for category, fixed in zip(rows["categorie"], corrected):
        keys = ([markers[category]] if category in markers else []) + ([CORRECTED_MARKER] if fixed else [])
        labels.append(note_marker(escape_markdown(category), *keys))
    first = note_marker(escape_markdown(table.header[0]), *([markers["header"]] if "header" in markers else []))
    frame = pd.DataFrame({first: labels, escape_markdown(table.header[1]): list(rows["frequentie"])})
    notes: dict[int | str, str] = {k: escape_markdown(v) for k, v in table.notes.items()}
    if corrected.any():
        notes[CORRECTED_MARKER] = CORRECTED_NOTE
    if table.chart:
        notes[""] = CHART_NOTE
    return markdown_table(frame, align="lr", notes=notes, widths=[85, 15])


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
