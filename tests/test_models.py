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


def _frame(n, rng, **overrides):
    data = pd.DataFrame({"case_id": [f"Z{i // 2}" for i in range(n)], "x": rng.normal(size=n),
                         "flag": (np.arange(n) % 3 == 0).astype(float)})
    data["y"] = 1 + 0.5 * data["x"] + rng.normal(0, 0.3, n)
    for key, value in overrides.items():
        data[key] = value
    return data


@pytest.mark.parametrize("n, reason", [(12, "12 verdachten in het model; minimaal 20 nodig"),
                                       (1, "1 verdachte in het model; minimaal 20 nodig")])
def test_too_few_defendants_is_not_estimable_with_the_count(n, reason):
    fitted = models.fit_checked("1_eis", _frame(n, np.random.default_rng(0)), formula="y ~ x + flag")
    assert fitted.status == models.NOT_ESTIMABLE and fitted.reason == reason and fitted.result is None
    table = models.model_table(fitted, "hoofdanalyse", 0.95)
    assert list(table["status"]) == [models.NOT_ESTIMABLE] and table["reason"].iloc[0] == reason


def test_a_rare_characteristic_is_left_out_with_its_count():
    rng = np.random.default_rng(1)
    data = _frame(60, rng, minor=np.r_[np.ones(2), np.zeros(58)])
    fitted = models.fit_checked("1_eis", data, formula="y ~ x + minor")
    assert fitted.estimated and "minor" not in fitted.result.params.index
    assert fitted.term_reason("minor") == ("2 verdachten met een minderjarig slachtoffer; minimaal 5 met en 5 "
                                           "zonder nodig")
    assert fitted.term_reason("x") == ""


def test_a_duplicate_covariate_is_dropped_for_rank_and_residual_df_is_checked():
    rng = np.random.default_rng(2)
    data = _frame(40, rng)
    data["copy"] = data["x"] * 2
    fitted = models.fit_checked("1_eis", data, formula="y ~ x + copy")
    assert fitted.estimated and "lineair afhankelijk" in fitted.dropped["copy"]
    few = models.fit_checked("1_eis", data, models.Minimum(model_n=2, model_cases=2, residual_df=39),
                             formula="y ~ x")
    assert few.status == models.NOT_ESTIMABLE and "vrijheidsgraden" in few.reason


def test_separation_in_a_logit_is_reported_with_the_count():
    rng = np.random.default_rng(3)
    n = 80
    data = pd.DataFrame({"case_id": [f"Z{i}" for i in range(n)], "x": rng.normal(size=n),
                         "disabled": np.r_[np.ones(10), np.zeros(n - 10)]})
    data["acquitted"] = np.where(data["disabled"] == 1, 0.0, (rng.random(n) < 0.4).astype(float))
    fitted = models.fit_checked("2_vrijspraak", data, formula="acquitted ~ x + disabled")
    assert fitted.estimated
    assert fitted.term_reason("disabled") == ("volledige scheiding: alle 10 verdachten met een verstandelijk beperkt "
                                              "slachtoffer werden niet vrijgesproken van mensenhandel")


def test_convergence_warnings_are_recorded_not_silenced():
    rng = np.random.default_rng(4)
    n = 60
    data = pd.DataFrame({"case_id": [f"Z{i}" for i in range(n)], "x": np.r_[rng.normal(-3, 0.1, 30), rng.normal(3, 0.1, 30)]})
    data["acquitted"] = (data["x"] > 0).astype(float)  # a continuous covariate separates: no finite estimate
    fitted = models.fit_checked("2_vrijspraak", data, formula="acquitted ~ x")
    assert fitted.status == models.NOT_ESTIMABLE and fitted.result is None
    assert fitted.reason  # convergence, separation or an infinite estimate: never a number
