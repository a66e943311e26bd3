"""The estimators recover the synthetic generator's known truth on a large cohort (20,000 defendants).

The generator (src/mhcases/synth.py) knows its true effects (`truth()`); with n this large the 95% intervals are
narrow, so an estimator that is biased by more than a few log points fails here.
"""

import pytest

from mhcases import models, synth
from mhcases.clean import clean_sheet
from mhcases.schemas import validate_raw
from mhcases.sheet import frame_to_raw
from mhcases.stats import case_bootstrap

PARAMS = "data/raw/synthetic_params.yaml"


@pytest.fixture(scope="module")
def cohort():
    params = synth.load_params(PARAMS)
    clean, _ = clean_sheet(validate_raw(frame_to_raw(synth.generate_cohort(params, 20_000, seed=11)), "cohort"))
    coefficients, _ = models.fit_all(clean, 0.95)
    return synth.truth(params), clean, coefficients.set_index(["model", "term"])


@pytest.mark.parametrize("model, term, truth_path", [
    ("1_eis", "minor", ("minor_victim", "demand_log_averaged_over_under16")),
    ("1_eis", "disabled", ("disabled_victim", "demand_log")),
    ("3_opgelegd", "minor", ("minor_victim", "imposed_given_demand_log_mean")),
    ("3_opgelegd", "disabled", ("disabled_victim", "imposed_given_demand_log_mean")),
    ("3_opgelegd", "partial", ("partial_acquittal", "imposed_given_demand_log_mean")),
])
def test_true_effect_lies_in_the_interval(cohort, model, term, truth_path):
    truth, _, coefficients = cohort
    value = truth[truth_path[0]][truth_path[1]]
    row = coefficients.loc[(model, term)]
    assert row["ci_low"] <= value <= row["ci_high"], (value, row["estimate"], row["ci_low"], row["ci_high"])
    assert row["ci_high"] - row["ci_low"] < 0.1  # the test has teeth: intervals are narrow at this n


def test_acquittal_share_is_recovered(cohort):
    truth, clean, _ = cohort
    share = case_bootstrap(clean[["case_id", "acquitted"]],
                           lambda d: {"share": d["acquitted"].mean()}, 200, seed=3, arrays=True).iloc[0]
    assert share["ci_low"] <= truth["acquittal"]["expected_share"] <= share["ci_high"]
