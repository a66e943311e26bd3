"""The decomposition on a tiny dataset whose answer is worked out by hand (see the comments)."""

import numpy as np
import pandas as pd
import pytest

from mhcases.compare import pairs
from mhcases.decompose import counterfactual, decompose_gap, shapley


@pytest.fixture
def three():
    # proven: D 10 -> Y 8 (ratio 0.8 = pooled R); partial: D 10 -> Y 5; acquitted: D 10 -> Y 0
    return pairs(pd.DataFrame({
        "case_id": ["Z1", "Z2", "Z3"], "verdict_trafficking": ["bewezen", "partiele vrijspraak", "vrijspraak"],
        "exploitation_form": ["x"] * 3, "demand_months": [10.0, 10.0, 10.0], "imposed_months": [8.0, 5.0, 0.0],
    }))


@pytest.mark.parametrize("active, expected", [
    ((), [10, 10, 10]), (("S",), [8, 8, 8]), (("P",), [10, 6.25, 10]), (("A",), [10, 10, 0]),
    (("S", "P"), [8, 5, 8]), (("A", "P", "S"), [8, 5, 0]),
])
def test_counterfactuals_by_hand(three, active, expected):
    np.testing.assert_allclose(counterfactual(three, frozenset(active)), expected)


def test_mean_gap_shapley_parts_by_hand(three):
    # v(T) = 10 - mean(counterfactual(T)):  v()=0, v(S)=2, v(P)=1.25, v(A)=10/3, v(SP)=3, v(SA)=14/3,
    # v(PA)=10-16.25/3, v(SPA)=17/3.  phi_A = 1/3*(10/3) + 1/6*(8/3) + 1/6*(10/3) + 1/3*(8/3) = 3
    # phi_P = 1/3*1.25 + 1/6*(3-2) + 1/6*(v(PA)-v(A)) + 1/3*(17/3-14/3);  phi_S = 17/3 - phi_A - phi_P
    v_pa = 10 - 16.25 / 3
    phi_p = 1.25 / 3 + 1 / 6 + (v_pa - 10 / 3) / 6 + 1 / 3  # = 1.125
    parts = decompose_gap(three, "mean")
    assert parts["kloof"] == pytest.approx(17 / 3)
    assert parts["volledige vrijspraak"] == pytest.approx(3.0)
    assert parts["partiële vrijspraak"] == pytest.approx(phi_p)
    assert parts["korting bij bewezenverklaring"] == pytest.approx(17 / 3 - 3 - phi_p)
    shares = [parts[f"aandeel {k}"] for k in ("volledige vrijspraak", "partiële vrijspraak", "korting bij bewezenverklaring")]
    assert sum(shares) == pytest.approx(1.0)


def test_median_parts_add_up_to_the_median_gap(three):
    parts = decompose_gap(three, "median")
    assert parts["kloof"] == pytest.approx(10 - 5)
    assert parts[["volledige vrijspraak", "partiële vrijspraak", "korting bij bewezenverklaring"]].sum() == pytest.approx(5)


def test_shapley_of_an_additive_game_is_each_players_own_value():
    values = {"A": 1.0, "P": 2.0, "S": 4.0}
    assert shapley(lambda s: sum(values[p] for p in s)) == values


def test_demand_zero_is_left_out_so_the_parts_add_up():
    from mhcases.decompose import decomposable, decompose_gaps, decomposition_table

    clean = pd.DataFrame({"case_id": ["Z1", "Z2", "Z3", "Z4"], "defendant_id": ["a", "b", "c", "d"],
                          "verdict_trafficking": ["bewezen", "bewezen", "vrijspraak", "bewezen"],
                          "exploitation_form": ["x"] * 4, "demand_months": [0.0, 10.0, 12.0, 20.0],
                          "imposed_months": [3.0, 8.0, 0.0, 15.0]})
    assert decomposable(clean)["defendant_id"].tolist() == ["b", "c", "d"]
    with pytest.raises(ValueError):
        decompose_gaps(pairs(clean))
    table = decomposition_table(clean, 50, seed=1, level=0.95).set_index(["maat", "measure"])["estimate"]
    for measure in ("gemiddelde", "mediaan"):
        parts = table[measure][["volledige vrijspraak", "partiële vrijspraak", "korting bij bewezenverklaring"]]
        assert parts.sum() == pytest.approx(table[measure]["kloof"])
    assert table["gemiddelde"]["kloof"] == pytest.approx((42 - 23) / 3)
