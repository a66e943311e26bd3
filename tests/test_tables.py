import numpy as np
import pandas as pd
import pytest

from mhcases.tables import (class_labels, compare_with_published, duration_table, month_class,
                            small_cells_to_other, table_1)


def test_small_cells_go_to_overig_and_rows_follow_the_letters_order():
    counts = pd.Series({"b": 5, "a": 3, "c": 2, "d": 1, "overig": 4, "e": 7})
    table = small_cells_to_other(counts, threshold=3, order=["a", "b"])
    assert table["categorie"].tolist() == ["a", "b", "e", "overig", "Totaal"]
    assert table["frequentie"].tolist() == [3, 5, 7, 4 + 2 + 1, 22]


@pytest.mark.parametrize("threshold, expected_other", [(1, 0), (2, 1), (3, 3), (4, 6), (6, 11)])
def test_threshold_is_strictly_fewer_than(threshold, expected_other):
    table = small_cells_to_other(pd.Series({"x": 3, "y": 2, "z": 1, "w": 5}), threshold)
    other = table.loc[table["categorie"] == "overig", "frequentie"].sum()
    assert other == expected_other
    assert table["frequentie"].iloc[-1] == 11


def test_kept_categories_are_never_collapsed():
    table = small_cells_to_other(pd.Series({"vrijspraak": 1, "x": 1}), 3, keep=["vrijspraak"])
    assert table["categorie"].tolist() == ["vrijspraak", "overig", "Totaal"]


@pytest.mark.parametrize("months, label", [
    (0.5, "0 tot 6 maanden"), (5.99, "0 tot 6 maanden"), (6, "6 tot 12 maanden"),
    (12, "12 tot 24 maanden"), (23.9, "12 tot 24 maanden"), (72, "72 maanden of meer"), (500, "72 maanden of meer"),
])
def test_a_boundary_value_lands_in_the_class_it_opens(months, label):
    bounds = [0, 6, 12, 24, 36, 48, 72]
    assert month_class(pd.Series([months]), bounds).iloc[0] == label


def test_duration_table_counts_missing_and_zero_as_overig():
    table = duration_table(pd.Series([np.nan, 0.0, 3.0, 12.0, 12.0]), [0, 6, 12])
    assert dict(zip(table["categorie"], table["frequentie"])) == {
        "0 tot 6 maanden": 1, "6 tot 12 maanden": 0, "12 maanden of meer": 2, "overig": 2, "Totaal": 5}
    assert class_labels([0, 6]) == ["0 tot 6 maanden", "6 maanden of meer"]


def test_table_1_counts_cases_not_defendants():
    clean = pd.DataFrame({"case_id": ["Z1", "Z1", "Z2", "Z3"],
                          "offence_groups": ["witwassen", "", "", "criminele organisatie;witwassen"]})
    table = table_1(clean, threshold=1)
    assert dict(zip(table["categorie"], table["frequentie"])) == {
        "enkel mensenhandel (art. 273f Sr)": 1,
        "i.c.m. deelneming criminele organisatie (art. 140 Sr) en witwassen (art. 420bis e.v. Sr)": 1,
        "i.c.m. witwassen (art. 420bis e.v. Sr)": 1, "Totaal": 3}


def test_comparison_flags_every_differing_or_missing_cell():
    published = pd.DataFrame({"categorie": ["a", "b", "Totaal"], "frequentie": [2, 3, 5]})
    computed = pd.DataFrame({"categorie": ["a", "c", "Totaal"], "frequentie": [2, 3, 5]})
    result = compare_with_published(computed, published, "t")
    assert result.set_index("categorie")["verschil"].to_dict() == {"a": 0, "b": -3, "Totaal": 0, "c": 3}
    assert result["gelijk"].sum() == 2
