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
