"""CR2 / Bell–McCaffrey inference (mhcases.inference.cluster) against published closed forms and the definition."""

import numpy as np
import pandas as pd
import pytest
import statsmodels.formula.api as smf
from scipy import stats as scipy_stats

from mhcases import models
from mhcases.inference.cluster import cr2, logit_cr2, ols_cr2, quantreg_cluster


def two_groups(n0, n1, seed=1):
    rng = np.random.default_rng(seed)
    d = np.r_[np.zeros(n0), np.ones(n1)]
    y = rng.normal(size=n0 + n1) + d * rng.normal(size=n0 + n1) * 3
    return np.column_stack([np.ones_like(d), d]), y, d


@pytest.mark.parametrize("n0, n1", [(17, 5), (40, 3), (10, 10)])
def test_cr2_with_single_clusters_is_welch_and_imbens_kolesar_df(n0, n1):
    # Imbens & Kolesár (2016, Rev. Econ. Stat. 98(4), section III.A): in the two-group regression HC2 equals
    # the Welch variance s0²/N0 + s1²/N1, and the Bell–McCaffrey df are
    # (N0 + N1)² (N0 − 1)(N1 − 1) / (N1²(N1 − 1) + N0²(N0 − 1)).
    x, y, d = two_groups(n0, n1)
    b = np.linalg.lstsq(x, y, rcond=None)[0]
    c = cr2(x, y - x @ b, np.arange(n0 + n1))
    welch = y[d == 0].var(ddof=1) / n0 + y[d == 1].var(ddof=1) / n1
    df = (n0 + n1) ** 2 * (n0 - 1) * (n1 - 1) / (n1**2 * (n1 - 1) + n0**2 * (n0 - 1))
    assert c.cov[1, 1] == pytest.approx(welch, rel=1e-10)
    assert c.df[1] == pytest.approx(df, rel=1e-10)


def brute_force(x, e, groups, k):
    """CR2 and BM df from the definitions with n × n matrices (Imbens & Kolesár 2016, eq. 9 and 13)."""
    n = len(e)
    m = np.linalg.inv(x.T @ x)
    hat = x @ m @ x.T
    labels = np.unique(groups)
    big_g = np.zeros((n, len(labels)))
    meat = np.zeros((x.shape[1], x.shape[1]))
    for j, g in enumerate(labels):
        rows = np.flatnonzero(groups == g)
        values, vectors = np.linalg.eigh(np.eye(len(rows)) - hat[np.ix_(rows, rows)])
        adjust = vectors @ np.diag(1 / np.sqrt(values)) @ vectors.T
        s = x[rows].T @ adjust @ e[rows]
        meat += np.outer(s, s)
        big_g[:, j] = (np.eye(n) - hat)[:, rows] @ adjust @ x[rows] @ m[:, k]
    lam = np.linalg.eigvalsh(big_g.T @ big_g)
    return (m @ meat @ m)[k, k], lam.sum() ** 2 / (lam**2).sum()


def test_cr2_with_clusters_matches_the_definition():
    rng = np.random.default_rng(3)
    groups = np.repeat(np.arange(30), rng.integers(1, 5, size=30))
    n = len(groups)
    x = np.column_stack([np.ones(n), rng.normal(size=n), (rng.random(n) < 0.15).astype(float)])
    y = x @ [1.0, 0.5, -0.3] + rng.normal(size=30)[groups] + rng.normal(size=n)
    e = y - x @ np.linalg.lstsq(x, y, rcond=None)[0]
    shuffled = rng.permutation(n)  # clusters need not be contiguous
    c = cr2(x[shuffled], e[shuffled], groups[shuffled])
    for k in range(3):
        variance, df = brute_force(x, e, groups, k)
        assert c.cov[k, k] == pytest.approx(variance, rel=1e-9)
        assert c.df[k] == pytest.approx(df, rel=1e-9)
    assert c.n_clusters == 30


def test_rare_covariate_gets_few_degrees_of_freedom_and_a_wider_interval_than_cr1():
    rng = np.random.default_rng(5)
    n = 150
    frame = pd.DataFrame({"case_id": np.arange(n), "x": rng.normal(size=n), "rare": (np.arange(n) < 6) * 1.0})
    frame["y"] = frame["x"] + rng.normal(size=n)
    raw = smf.ols("y ~ x + rare", frame).fit(cov_type="cluster", cov_kwds={"groups": frame["case_id"]})
    result = ols_cr2(raw, frame["case_id"].to_numpy())
    assert result.df["rare"] < 10 < result.df["x"]
    width = lambda ci: float(ci.loc["rare", 1] - ci.loc["rare", 0])  # noqa: E731
    assert width(result.conf_int(0.05)) > 1.2 * width(raw.conf_int(0.05))
    t = result.params["rare"] / result.bse["rare"]
    assert result.pvalues["rare"] == pytest.approx(2 * scipy_stats.t.sf(abs(t), result.df["rare"]))


def test_logit_cr2_without_adjustment_is_the_cluster_sandwich():
    # with one observation per cluster and small leverages CR2 is close to the (uncorrected) HC0 sandwich
    rng = np.random.default_rng(2)
    n = 4000
    frame = pd.DataFrame({"case_id": np.arange(n), "x": rng.normal(size=n)})
    frame["y"] = (rng.random(n) < 1 / (1 + np.exp(-(0.3 + frame["x"])))).astype(float)
    raw = smf.logit("y ~ x", frame).fit(disp=0, cov_type="HC0")
    result = logit_cr2(raw, frame["case_id"].to_numpy())
    assert result.bse.to_numpy() == pytest.approx(raw.bse.to_numpy(), rel=2e-3)
    assert (result.df > 1000).all()


def test_quantreg_cluster_grows_with_duplicated_clusters():
    # copying every defendant into a cluster of two doubles the information the naive SE sees, not the clustered one
    rng = np.random.default_rng(4)
    n = 300
    frame = pd.DataFrame({"case_id": np.arange(n), "x": rng.normal(size=n)})
    frame["y"] = frame["x"] + rng.standard_t(3, size=n)
    single = quantreg_cluster(smf.quantreg("y ~ x", frame).fit(q=0.5), frame["case_id"].to_numpy())
    doubled = pd.concat([frame, frame], ignore_index=True)
    twice = quantreg_cluster(smf.quantreg("y ~ x", doubled).fit(q=0.5), doubled["case_id"].to_numpy())
    naive = smf.quantreg("y ~ x", doubled).fit(q=0.5)
    assert twice.bse["x"] == pytest.approx(single.bse["x"], rel=0.15)
    assert naive.bse["x"] < 0.9 * twice.bse["x"]


def test_models_report_the_small_sample_method():
    rng = np.random.default_rng(0)
    n = 80
    frame = pd.DataFrame({"case_id": np.arange(n) // 2, "y": rng.normal(size=n), "x": rng.normal(size=n)})
    result, _ = models.fit("1_eis", frame, "y ~ x")
    assert "CR2" in result.method
    assert result.df["x"] < n
    assert result.fitted.params.equals(result.params)


@pytest.mark.parametrize("adjustment, hc", [("CR2", "HC2"), ("CR3", "HC3")])
def test_single_clusters_give_statsmodels_hc2_and_hc3(adjustment, hc):
    # with one observation per cluster, CR2 is HC2 and CR3 (A_g = (I − H_gg)⁻¹) is HC3 (MacKinnon & White 1985)
    x, y, _ = two_groups(30, 6, seed=8)
    x = np.column_stack([x, np.random.default_rng(8).normal(size=len(y))])
    fitted = smf.ols("y ~ x1 + x2", pd.DataFrame({"y": y, "x1": x[:, 1], "x2": x[:, 2]})).fit(cov_type=hc)
    b = fitted.params.to_numpy()
    c = cr2(x, y - x @ b, np.arange(len(y)), adjustment)
    assert c.cov == pytest.approx(np.asarray(fitted.cov_params()), rel=1e-9)


def test_cr3_matches_the_definition_with_clusters_and_is_wider_than_cr2():
    rng = np.random.default_rng(6)
    groups = np.repeat(np.arange(25), rng.integers(1, 4, size=25))
    n = len(groups)
    x = np.column_stack([np.ones(n), rng.normal(size=n)])
    e = rng.normal(size=n)
    e -= x @ np.linalg.lstsq(x, e, rcond=None)[0]
    m = np.linalg.inv(x.T @ x)
    hat = x @ m @ x.T
    meat = np.zeros((2, 2))
    for g in np.unique(groups):
        rows = np.flatnonzero(groups == g)
        s = x[rows].T @ np.linalg.inv(np.eye(len(rows)) - hat[np.ix_(rows, rows)]) @ e[rows]
        meat += np.outer(s, s)
    cr3 = cr2(x, e, groups, "CR3")
    assert cr3.cov == pytest.approx(m @ meat @ m, rel=1e-9)
    assert np.all(np.diag(cr3.cov) > np.diag(cr2(x, e, groups).cov))
    with pytest.raises(ValueError):
        cr2(x, e, groups, "CR4")


def test_reference_distributions():
    x, y, _ = two_groups(20, 5, seed=9)
    frame = pd.DataFrame({"case_id": np.arange(25) // 2, "y": y, "d": x[:, 1]})
    raw = smf.ols("y ~ d", frame).fit()
    groups = frame["case_id"].to_numpy()
    bm, g1, normal = (ols_cr2(raw, groups, reference=r) for r in ("BM", "G-1", "normaal"))
    assert (g1.df == 12).all() and np.isinf(normal.df).all()
    half = lambda r: float(r.conf_int(0.05).loc["d", 1] - r.params["d"])  # noqa: E731
    assert half(normal) == pytest.approx(scipy_stats.norm.ppf(0.975) * normal.bse["d"])
    assert half(bm) == pytest.approx(scipy_stats.t.ppf(0.975, bm.df["d"]) * bm.bse["d"])
    assert half(bm) > half(g1) > half(normal)
    with pytest.raises(ValueError):
        ols_cr2(raw, groups, reference="z")


def test_models_use_the_rule_of_their_kind():
    # logits: CR2 with normal quantiles; median regression: the cluster sandwich with the design's BM df
    rng = np.random.default_rng(11)
    n = 200
    frame = pd.DataFrame({"case_id": np.arange(n) // 2, "x": rng.normal(size=n),
                          "rare": (np.arange(n) % 25 == 0) * 1.0})
    frame["acquitted"] = (rng.random(n) < 1 / (1 + np.exp(-frame["x"]))).astype(float)
    frame["log_imposed"] = frame["x"] + frame["rare"] + rng.standard_t(4, size=n)
    logit, _ = models.fit("2_vrijspraak", frame, "acquitted ~ x")
    assert np.isinf(logit.df).all() and "normale" in logit.method
    median, _ = models.fit("5_mediaan", frame, "log_imposed ~ x + rare")
    design = cr2(np.asarray(median.fitted.model.exog), np.zeros(n), frame["case_id"].to_numpy())
    assert median.df.to_numpy() == pytest.approx(design.df)
    assert median.df["rare"] < 15 < median.df["x"]


def test_quantreg_leverage_adjustment_with_single_clusters():
    # with one defendant per cluster the CR2 form divides each score by √(1 − h_ii)
    rng = np.random.default_rng(12)
    n = 120
    frame = pd.DataFrame({"case_id": np.arange(n), "x": rng.normal(size=n)})
    frame["y"] = frame["x"] + rng.normal(size=n)
    fitted = smf.quantreg("y ~ x", frame).fit(q=0.5)
    adjusted = quantreg_cluster(fitted, frame["case_id"].to_numpy(), leverage=True)
    x = np.asarray(fitted.model.exog)
    u = frame["y"].to_numpy() - x @ fitted.params.to_numpy()
    h = np.einsum("ip,pq,iq->i", x, np.linalg.inv(x.T @ x), x)
    scores = x * ((0.5 - (u < 0)) / np.sqrt(1 - h))[:, None]
    kernel = 0.75 * (1 - (u / fitted.bandwidth) ** 2) * (np.abs(u / fitted.bandwidth) <= 1)
    a_inv = np.linalg.inv((x * (kernel / fitted.bandwidth)[:, None]).T @ x)
    assert np.asarray(adjusted.cov_params_matrix) == pytest.approx(a_inv @ scores.T @ scores @ a_inv, rel=1e-9)


def test_method_labels_name_the_reference_that_is_used():
    from mhcases.inference import cluster

    assert cluster.method_label() == cluster.METHOD
    assert cluster.method_label("CR2", "normaal", logit=True) == cluster.LOGIT_METHOD
    rng = np.random.default_rng(4)
    frame = pd.DataFrame({"x": rng.normal(size=80), "g": np.repeat(np.arange(40), 2)})
    frame["y"] = (rng.random(80) < 1 / (1 + np.exp(-frame["x"]))).astype(float)
    fitted = smf.logit("y ~ x", frame).fit(disp=0)
    assert "G − 1" in logit_cr2(fitted, frame["g"].to_numpy(), reference="G-1").method
    assert "Bell–McCaffrey-vrijheidsgraden" not in logit_cr2(fitted, frame["g"].to_numpy(), reference="G-1").method
    ols = smf.ols("x ~ y", frame).fit()
    assert ols_cr2(ols, frame["g"].to_numpy(), "CR3").method.startswith("CR3 (jackknife)")
    with pytest.raises(ValueError):
        cluster.method_label("CR9")


def test_working_model_df_with_no_correlation_are_the_bell_mccaffrey_df():
    from mhcases.inference import cluster

    rng = np.random.default_rng(9)
    groups = np.repeat(np.arange(15), rng.integers(1, 4, size=15))
    x = np.column_stack([np.ones(len(groups)), rng.normal(size=len(groups)), groups < 3])
    e = rng.normal(size=len(groups))
    np.testing.assert_allclose(cluster.bm_df_working_model(x, groups, 0.0), cr2(x, e, groups).df, rtol=1e-8)
    assert not np.allclose(cluster.bm_df_working_model(x, groups, 0.6), cr2(x, e, groups).df)
    assert cluster.within_case_correlation(e, np.arange(len(e))) == 0.0


def test_wild_restricted_bootstrap_rejects_far_values_and_keeps_the_estimate():
    from mhcases.inference import cluster

    rng = np.random.default_rng(10)
    frame = pd.DataFrame({"x": rng.normal(size=120), "g": np.repeat(np.arange(60), 2)})
    frame["y"] = 1 + 0.5 * frame["x"] + rng.normal(size=120)
    fitted = smf.ols("y ~ x", frame).fit()
    groups = frame["g"].to_numpy()
    assert cluster.wild_restricted_pvalue(fitted, groups, "x", fitted.params["x"], 199, 1) > 0.9
    assert cluster.wild_restricted_pvalue(fitted, groups, "x", fitted.params["x"] + 1.0, 199, 1) < 0.01
