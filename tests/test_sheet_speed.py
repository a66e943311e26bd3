"""The sheet boundary's fast paths give what the per-cell code gives (issue 13, scale)."""

import numpy as np
import pandas as pd
import pytest

from mhcases.clean import _per_distinct
from mhcases.sheet import read


@pytest.mark.parametrize("values, function", [
    (["a", "b", "a", "", "c;d"], lambda v: v.upper()),
    (["1", "", "2,5", "1"], lambda v: float(v.replace(",", ".")) if v else np.nan),
    (["x", "y", "x"], lambda v: v == "x"),
    (["x;y", "y", "x;y"], lambda v: tuple(v.split(";"))),
])
def test_per_distinct_equals_map(values, function):
    series = pd.Series(values, index=[10, 11, 12, 13, 14][: len(values)], name="col")
    expected = series.map(function)
    got = _per_distinct(series, function)
    pd.testing.assert_series_equal(got, expected)


def test_per_distinct_calls_once_per_value():
    calls = []
    _per_distinct(pd.Series(["a", "b", "a", "a"]), lambda v: calls.append(v) or v)
    assert sorted(calls) == ["a", "b"]


def test_cell_problems_fast_path_still_finds_each_kind():
    header = ["case_id", "defendant_id", "x"]
    rows = [header, ["1", "1a", "goed"], ["2", "2a", " #N/A "], ["3", "3a", "caf\udce9"],
            ["4", "4a", read._FormulaWithoutValue("=A1")], ["5", "5a", "#hashtag maar geen fout"]]
    problems = read._cell_problems(header, 1, rows, 1)
    assert [(p.row, p.column, p.case_id) for p in problems] == [(3, "x", "2"), (4, "x", "3"), (5, "x", "4")]
    assert "UTF-8" in problems[1].message and "formule" in problems[2].message


def test_frame_from_rows_blank_and_short_rows(tmp_path):
    from mhcases.codebook import COLUMN_NAMES
    header = list(COLUMN_NAMES)
    full = [" v "] * len(header)
    rows = [header, full, [" ", ""], full[:3], full + ["", " "]]
    frame = read._frame_from_rows(tmp_path / "x.csv", rows)
    assert frame["source_row"].tolist() == [2, 4, 5]
    assert frame.iloc[1, 1:4].tolist() == ["v", "v", "v"] and frame.iloc[1, 4:].tolist() == [""] * (len(header) - 3)
    with pytest.raises(read.InputError, match="meer cellen"):
        read._frame_from_rows(tmp_path / "x.csv", [header, full + ["x"]])
