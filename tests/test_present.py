"""Unit tests of the presentation helpers (src/mhcases/present.py)."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pandas as pd
import pytest

from mhcases.present import (
    ci_label,
    comparison_rows,
    comparison_table_markdown,
    corrected_title,
    duration_classes,
    duration_table_markdown,
    errata_markdown,
    escape_markdown,
    format_ci,
    format_number,
    format_p,
    format_percent,
    format_range,
    format_signed,
    markdown_table,
    note_marker,
    notes_markdown,
    number_word,
    plural,
    published_table_markdown,
    read_errata,
    read_published,
    title_corrected,
)

PUBLISHED = Path(__file__).resolve().parents[1] / "data" / "published"


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (0, 0, "0"),
        (59, 0, "59"),
        (1234.5, 1, "1.234,5"),
        (1234567, 0, "1.234.567"),
        (-3.25, 1, "\u22123,2"),  # banker's rounding of float formatting; sign kept, as a real minus sign
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


# ----------------------------------------------------------------------------------------------------------
# Signed numbers, intervals, p-values, words
# ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "percent", "text"),
    [(3.24, 0, False, "+3"), (-0.7, 1, False, "\u22120,7"), (0, 1, False, "0,0"), (-0.0001, 1, False, "0,0"),
     (-0.017, 1, True, "\u22121,7%"), (0.397, 1, True, "+39,7%"), (None, 0, False, "–")],
)
def test_format_signed(value: float | None, decimals: int, percent: bool, text: str) -> None:
    assert format_signed(value, decimals, percent=percent) == text


@pytest.mark.parametrize(
    ("low", "high", "kwargs", "text"),
    [
        (24, 30, {}, "24–30"),
        (0.25, 0.47, {"percent": True}, "25–47%"),
        (-14.5, 12.9, {"decimals": 1}, "\u221214,5 tot 12,9"),  # never a dash next to a minus sign
        (-14.5, 12.9, {"decimals": 1, "signed": True}, "\u221214,5 tot +12,9"),
        (0.1, 0.2, {"percent": True, "signed": True}, "+10% tot +20%"),
        (None, 3, {}, "–"),
    ],
)
def test_format_range(low: float | None, high: float, kwargs: dict, text: str) -> None:
    assert format_range(low, high, **kwargs) == text


def test_format_ci_and_label() -> None:
    assert format_ci(27, 24, 30, unit="maanden") == "27 maanden (95%-BI 24–30)"
    assert format_ci(0.36, 0.25, 0.47, percent=True, level=None) == "36% (25–47%)"
    assert format_ci(0.397, 0.145, 0.705, 1, percent=True, signed=True, level=0.9) == "+39,7% (90%-BI +14,5% tot +70,5%)"
    assert format_ci(5, math.nan, math.nan, unit="maanden") == "5 maanden"
    assert (ci_label(0.95), ci_label(0.975)) == ("95%-BI", "97,5%-BI")


@pytest.mark.parametrize(("p", "text"), [(4e-20, "p < 0,001"), (0.0041, "p = 0,004"), (0.0419, "p = 0,04"),
                                         (0.8077, "p = 0,81"), (None, "–")])
def test_format_p(p: float | None, text: str) -> None:
    assert format_p(p) == text


def test_number_word_and_plural() -> None:
    assert [number_word(n) for n in (0, 1, 3, 12, 13, 1234)] == ["nul", "één", "drie", "twaalf", "13", "1.234"]
    assert (plural(1, "zaak", "zaken"), plural(2, "zaak", "zaken"), plural(0, "zaak", "zaken")) == ("zaak", "zaken", "zaken")


# ----------------------------------------------------------------------------------------------------------
# The letter's tables next to the recomputed ones
# ----------------------------------------------------------------------------------------------------------

COMPARISON_4 = pd.DataFrame(
    [
        ("tabel_4", "onvoorwaardelijk", 40, 38), ("tabel_4", "onvoorwaardelijk en voorwaardelijk", 41, 41),
        ("tabel_4", "onvoorwaardelijk en maatregel", 17, 17),
        ("tabel_4", "onvoorwaardelijk en voorwaardelijk en taakstraf", 7, 7),
        ("tabel_4", "onvoorwaardelijk en voorwaardelijk en maatregel", 8, 4),
        ("tabel_4", "vrijspraak", 31, 33), ("tabel_4", "geheel nieuw", 0, 4), ("tabel_4", "overig", 6, 6),
        ("tabel_4", "Totaal", 150, 150), ("tabel_2", "Totaal", 150, 150),
    ],
    columns=["tabel", "categorie", "frequentie_gepubliceerd", "frequentie_berekend"],
).assign(verschil=lambda d: d["frequentie_berekend"] - d["frequentie_gepubliceerd"],
         gelijk=lambda d: d["verschil"].eq(0))


def test_comparison_rows_keep_the_letters_order_and_add_new_categories_before_overig() -> None:
    rows = comparison_rows(read_published(PUBLISHED)["tabel_4"], COMPARISON_4)
    assert list(rows["categorie"])[-3:] == ["geheel nieuw", "overig", "Totaal"]
    assert list(rows["categorie"])[0] == "onvoorwaardelijk"
    new = rows.set_index("categorie").loc["geheel nieuw"]
    assert pd.isna(new["brief"]) and new["codeerblad"] == 4
    acquittal = rows.set_index("categorie").loc["vrijspraak"]
    assert (acquittal["brief"], acquittal["codeerblad"], acquittal["verschil"]) == (31, 33, 2)
    assert rows.set_index("categorie").loc["onvoorwaardelijk en voorwaardelijk en taakstraf", "corrected"]


def test_comparison_table_markdown_marks_equal_and_different_cells() -> None:
    text = comparison_table_markdown(read_published(PUBLISHED)["tabel_4"], COMPARISON_4)
    lines = text.splitlines()
    assert lines[0] == "| Straf- en/of maatregeltype^1^ | Brief | Codeerblad | Verschil |"
    assert "| vrijspraak | 31 | 33 | +2 |" in lines
    assert "| onvoorwaardelijk | 40 | 38 | \u22122 |" in lines
    assert "| onvoorwaardelijk en voorwaardelijk | 41 | 41 | ✓ |" in lines
    assert "| geheel nieuw | – | 4 | – |" in lines
    assert "| Totaal^3^ | 150 | 150 | ✓ |" in lines
    assert "^\\*^ Omschrijving gecorrigeerd" in text and "Verschil: codeerblad min brief" in text


def test_corrected_title_from_errata() -> None:
    tables, errata = read_published(PUBLISHED), read_errata(PUBLISHED)
    assert corrected_title(tables["tabel_2"], errata) == "Straf en/of maatregel in de strafeis"
    assert title_corrected(tables["tabel_2"], errata) and not title_corrected(tables["tabel_4"], errata)
    assert corrected_title(tables["tabel_4"], errata) == tables["tabel_4"].title


def test_duration_table_markdown() -> None:
    computed = pd.DataFrame({"categorie": ["0 tot 6 maanden", "6 maanden of meer", "overig", "Totaal"],
                             "frequentie": [3, 5, 2, 10], "aandeel": [0.3, 0.5, 0.2, 1.0]})
    text = duration_table_markdown(read_published(PUBLISHED)["tabel_3"], computed, "Uitleg van «overig».")
    assert text.startswith("| Duur | Aantal | Aandeel |")
    assert "| overig^1^ | 2 | 20% |" in text and "| Totaal | 10 | 100% |" in text
    assert "^1^ Uitleg van «overig»." in text
