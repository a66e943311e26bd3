"""Unit tests of the presentation helpers (src/mhcases/present.py)."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pandas as pd
import pytest

from mhcases.present import (
    duration_classes,
    errata_markdown,
    escape_markdown,
    format_number,
    format_percent,
    markdown_table,
    note_marker,
    notes_markdown,
    published_table_markdown,
    read_errata,
    read_published,
)

PUBLISHED = Path(__file__).resolve().parents[1] / "data" / "published"


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (0, 0, "0"),
        (59, 0, "59"),
        (1234.5, 1, "1.234,5"),
        (1234567, 0, "1.234.567"),
        (-3.25, 1, "-3,2"),  # banker's rounding of float formatting; sign kept
        (-0.01, 1, "0,0"),  # no "-0,0"
        (None, 0, "–"),
        (math.nan, 2, "–"),
        (pd.NA, 0, "–"),
    ],
)
def test_format_number(value: object, decimals: int, text: str) -> None:
    assert format_number(value, decimals) == text  # type: ignore[arg-type]


@pytest.mark.parametrize(("fraction", "decimals", "text"), [(0.52, 0, "52%"), (0.5931, 1, "59,3%"), (None, 0, "–")])
def test_format_percent(fraction: float | None, decimals: int, text: str) -> None:
    assert format_percent(fraction, decimals) == text


def test_note_marker_and_escape() -> None:
    assert note_marker("overig", 2) == "overig^2^"
    assert note_marker("rij", 1, "*") == "rij^1,\\*^"
    assert note_marker("rij") == "rij"
    assert escape_markdown("a*b_c|d @tbl-x") == "a\\*b\\_c\\|d \\@tbl-x"


def test_markdown_table_aligns_formats_and_notes() -> None:
    frame = pd.DataFrame({"categorie": ["a|b", "Totaal"], "n": [1234, 5], "aandeel": [0.25, math.nan]})
    text = markdown_table(frame, notes={1: "Noot één.", "*": "Sternoot."}, decimals={"aandeel": 2})
    lines = text.splitlines()
    assert lines[0] == "| categorie | n | aandeel |"
    assert lines[1].startswith("| :-") and lines[1].count(": |") == 2  # left, right, right
    assert lines[2] == "| a\\|b | 1.234 | 0,25 |"
    assert lines[3] == "| Totaal | 5 | – |"
    assert "::: {.table-notes}" in text and "^1^ Noot één." in text and "^\\*^ Sternoot." in text


def test_markdown_table_explicit_alignment_and_widths() -> None:
    frame = pd.DataFrame({"a": ["x"], "b": ["y"]})
    separator = markdown_table(frame, align="cr", widths=[3, 1]).splitlines()[1]
    assert separator == f"| :{'-' * 54}: | {'-' * 18}: |"
    with pytest.raises(ValueError, match="align"):
        markdown_table(frame, align="l")


def test_notes_markdown_plain_list() -> None:
    assert notes_markdown(["Bron: brief."]) == "\n::: {.table-notes}\nBron: brief.\n:::\n"
    assert notes_markdown(None) == ""


def test_duration_classes() -> None:
    assert duration_classes([0, 6, 12.5]) == ["0 tot 6 maanden", "6 tot 12,5 maanden", "12,5 maanden of meer"]


def test_read_published_tables_add_up() -> None:
    tables = read_published(PUBLISHED)
    assert (tables["tabel_1"].total, tables["tabel_2"].total, tables["tabel_4"].total) == (145, 150, 150)
    assert tables["tabel_1"].frequency("enkel mensenhandel (art. 273f Sr)") == 59
    assert tables["tabel_3"].chart and tables["tabel_3"].rows.empty
    assert list(tables["tabel_4"].rows["categorie"])[-1] == "Totaal"


def test_read_published_rejects_a_wrong_total(tmp_path: Path) -> None:
    shutil.copytree(PUBLISHED, tmp_path / "published")
    path = tmp_path / "published" / "tabel_2.csv"
    text = path.read_text(encoding="utf-8").replace("Totaal,Totaal,150", "Totaal,Totaal,151")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="tabel_2.csv"):
        read_published(tmp_path / "published")


def test_published_table_markdown_has_markers_corrections_and_notes() -> None:
    tables = read_published(PUBLISHED)
    text = published_table_markdown(tables["tabel_1"])
    assert text.startswith("| Delictscategorieën | Frequentie |")
    assert "| overig^2^ | 47 |" in text and "| Totaal | 145 |" in text
    assert "valsheid in geschrifte (art. 225 Sr)^\\*^" in text  # corrected against the print
    assert "^1^ Het delict «kinderporno»" in text and "^\\*^ Omschrijving gecorrigeerd" in text
    assert "| Straf- en/of maatregeltype^1^ | Frequentie |" in published_table_markdown(tables["tabel_2"])
    chart = published_table_markdown(tables["tabel_3"], duration_classes([0, 6]))
    assert "| 0 tot 6 maanden | – |" in chart and "| Totaal | – |" in chart


def test_errata_markdown_lists_every_correction() -> None:
    errata = read_errata(PUBLISHED)
    text = errata_markdown(errata)
    assert len(text.splitlines()) == len(errata)
    assert text.startswith("- **Tabel 1, rij 7.** Gedrukt: «valsheid in geschrifte (art. 255 Sr)»")
