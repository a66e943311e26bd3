import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

from mhcases import models


def test_newton_logit_matches_statsmodels():
    rng = np.random.default_rng(4)
    x = np.column_stack([np.ones(500), rng.normal(size=500), rng.integers(0, 2, 500)])
    y = (rng.random(500) < 1 / (1 + np.exp(-(0.3 + 0.8 * x[:, 1] - 0.5 * x[:, 2])))).astype(float)
    np.testing.assert_allclose(models.logit_newton(x, y), sm.Logit(y, x).fit(disp=0).params, rtol=1e-6)


@pytest.mark.parametrize("outcome, covariate, expected", [
    ([0, 1, 1, 1], [0, 0, 1, 1], True),    # everyone with covariate 1 has outcome 1
    ([0, 1, 0, 1], [0, 0, 1, 1], False),
    ([0, 1, 0, 1], [0.5, 2, 1, 3], False),  # not binary
])
def test_separation(outcome, covariate, expected):
    assert models._separates(np.array(outcome, float), np.array(covariate, float)) is expected


def test_separating_covariate_is_left_out_of_a_logit_and_reported_not_estimable():
    rng = np.random.default_rng(1)
    n = 120
    frame = pd.DataFrame({"case_id": [f"Z{i}" for i in range(n)], "x": rng.normal(size=n),
                          "flag": np.r_[np.ones(10), np.zeros(n - 10)]})
    frame["y"] = np.where(frame["flag"] == 1, 1.0, (rng.random(n) < 0.4).astype(float))
    result, formula = models.fit("2_vrijspraak", frame, "y ~ x + flag")
    assert formula == "y ~ x" and "flag" not in result.params.index


def _two_part_columns(n, rng, collinear=False):
    cols = {name: rng.integers(0, 2, n).astype(float) for name in models.COVARIATES}
    cols["log_victims"] = rng.normal(size=n)
    cols["log_period"] = rng.normal(size=n)
    cols["log_demand"] = rng.normal(3, 0.4, n)
    cols["partial"] = rng.integers(0, 2, n).astype(float)
    cols["any_imposed"] = (rng.random(n) < 0.8).astype(float)
    cols["log_imposed"] = np.where(cols["any_imposed"] > 0, cols["log_demand"] - 0.3 + rng.normal(0, 0.2, n), np.nan)
    if collinear:
        cols["form_services"] = cols["disabled"].copy()
    return cols


def test_two_part_effect_is_zero_when_the_term_does_nothing_and_survives_collinearity():
    rng = np.random.default_rng(7)
    effect = models._two_part_statistic(_two_part_columns(4000, rng))
    assert abs(effect["minor"]) < 1.5  # months; expected E[Y] is about 15 months, the true effect 0
    undefined = models._two_part_statistic(_two_part_columns(300, rng, collinear=True))
    assert undefined.isna().all()


def test_minimum_detectable_effect_is_2_8_standard_errors():
    class Result:
        params = pd.Series({"minor": 0.1})
        bse = pd.Series({"minor": 0.05})
        nobs = 150

    data = pd.DataFrame({"minor": [1.0] * 30 + [0.0] * 120})
    power = models.power({"1_eis": (Result(), data, "")}, level=0.95).iloc[0]
    assert power["mde_log"] == pytest.approx(0.05 * (1.959964 + 0.841621), rel=1e-5)
    assert power["mde"] == pytest.approx(100 * np.expm1(power["mde_log"]))
    assert power["n_with"] == 30
