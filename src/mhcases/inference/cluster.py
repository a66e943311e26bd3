"""CR2 cluster-robust standard errors with Bell–McCaffrey degrees of freedom, and a cluster-robust median regression.

CR2 (Bell & McCaffrey 2002; Pustejovsky & Tipton 2018) adjusts each cluster's residuals by A_g = (I − H_gg)^(-1/2)
(symmetric square root of a pseudo-inverse), so the sandwich is unbiased under a homoskedastic working model;
the degrees of freedom of each coefficient's t statistic are Bell–McCaffrey's (Imbens & Kolesár 2016, eq. 13):
ν = (Σλ)² / Σλ², λ the eigenvalues of G'G, with G's column g = (I − H)_{·,g} A_g X_g (X'X)⁻¹ ℓ. G'G is computed as
D − U M U' (D = diag(a_g'a_g), U's row g = X_g'a_g), so nothing n × n is ever formed.

Logit models use the working weights w = p(1 − p): X̃ = √w X, ẽ = (y − p)/√w, so that X̃'ẽ is the score and
(X̃'X̃)⁻¹ the inverse information (the GLM form of CR2, as in clubSandwich; Kauermann & Carroll 2001's bias-
corrected sandwich). Reference distributions (`reference_df`): t with Bell–McCaffrey df, t(G − 1) or the normal.
Which one each model uses is the build's rule below, chosen by `benchmarks/bench_coverage.py` (docs/methods.md M13).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from scipy import stats as scipy_stats

# The build's rule per kind of model (chosen by benchmarks/bench_coverage.py, docs/methods.md M13): least squares
# CR2 with t(Bell–McCaffrey df); logits CR2 (Kauermann–Carroll) with normal quantiles; the median regression the
# Parente–Santos Silva cluster sandwich with t(Bell–McCaffrey df of its design).
LOGIT_REFERENCE = "normaal"
QUANTILE_REFERENCE = "BM"
METHOD = "CR2 (Bell–McCaffrey) met t-verdeling en Bell–McCaffrey-vrijheidsgraden"  # == method_label("CR2", "BM")
LOGIT_METHOD = "CR2 (Kauermann–Carroll) met normale verdeling"  # == method_label("CR2", "normaal", logit=True)
QUANTILE_METHOD = ("clusterrobuuste sandwich voor kwantielregressie (Parente & Santos Silva) met t-verdeling en "
                   "Bell–McCaffrey-vrijheidsgraden")


ADJUSTMENTS = {"CR2": 0.5, "CR3": 1.0}  # A_g = (I − H_gg)^(−power); CR3 is a benchmark-only candidate
# the reader-facing name of each reference distribution (`method_label`)
REFERENCE_LABELS = {"BM": "t-verdeling en Bell–McCaffrey-vrijheidsgraden",
                    "G-1": "t-verdeling met G − 1 vrijheidsgraden (G: aantal zaken)",
                    "normaal": "normale verdeling"}


def method_label(adjustment: str = "CR2", reference: str = "BM", logit: bool = False) -> str:
    """The Dutch name of a cluster-robust method as the letter prints it: the adjustment (CR2 after Bell–McCaffrey,
    for a logit after Kauermann–Carroll; CR3, the cluster jackknife) and the reference distribution. The build's
    rules give `METHOD` and `LOGIT_METHOD`."""
    if adjustment not in ADJUSTMENTS or reference not in REFERENCE_LABELS:
        raise ValueError(f"adjustment must be one of {tuple(ADJUSTMENTS)}, reference one of {REFERENCES}")
    source = "jackknife" if adjustment == "CR3" else "Kauermann–Carroll" if logit else "Bell–McCaffrey"
    return f"{adjustment} ({source}) met {REFERENCE_LABELS[reference]}"


def _inverse_power_psd(blocks: np.ndarray, power: float = 0.5, tol: float = 1e-10) -> np.ndarray:
    """Symmetric (pseudo-)inverse powers M^(−power) of a stack of symmetric positive semi-definite matrices."""
    values, vectors = np.linalg.eigh(blocks)
    scale = np.where(values > tol, np.clip(values, tol, None) ** -power, 0.0)
    return np.einsum("mij,mj,mkj->mik", vectors, scale, vectors)



@dataclass(frozen=True)
class ClusterCovariance:
    """Covariance matrix of the coefficients and each coefficient's degrees of freedom."""

    cov: np.ndarray
    df: np.ndarray
    n_clusters: int
    scores: np.ndarray | None = None  # adjusted cluster scores X_g'A_g e_g (clusters × p, clusters sorted)


def cr2(x: np.ndarray, residuals: np.ndarray, groups: np.ndarray, adjustment: str = "CR2") -> ClusterCovariance:
    """CR2 covariance of OLS coefficients (x: n × p design, residuals y − x b, groups: cluster labels).

    For a GLM pass the working design √w·x and working residuals (y − μ)/√w. `adjustment="CR3"` (a benchmark-only
    candidate, not used by the build) uses A_g = (I − H_gg)⁻¹ (the cluster jackknife, Bell & McCaffrey 2002)
    instead of its square root; the degrees of freedom are then those of the same A_g. The adjusted cluster
    scores X_g'A_g e_g are returned as `scores`."""
    if adjustment not in ADJUSTMENTS:
        raise ValueError(f"adjustment must be one of {ADJUSTMENTS}")
    power = ADJUSTMENTS[adjustment]
    x = np.asarray(x, float)
    e = np.asarray(residuals, float)
    codes, uniques = pd.factorize(np.asarray(groups), sort=True)
    n, p = x.shape
    n_clusters = len(uniques)
    bread = np.linalg.pinv(x.T @ x)
    order = np.argsort(codes, kind="stable")
    sizes = np.bincount(codes, minlength=n_clusters)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    xo, eo = x[order], e[order]
    q = np.empty((n, p))  # rows of A_g X_g M, in cluster order
    ae = np.empty(n)  # A_g e_g
    xm = xo @ bread
    for size in np.unique(sizes):
        which = np.flatnonzero(sizes == size)
        rows = (starts[which][:, None] + np.arange(size)[None, :]).ravel()
        xg = xo[rows].reshape(len(which), size, p)
        hat = np.einsum("mip,pq,mjq->mij", xg, bread, xg)
        adjust = _inverse_power_psd(np.eye(size)[None] - hat, power)
        q[rows] = np.einsum("mij,mjp->mip", adjust, xm[rows].reshape(len(which), size, p)).reshape(-1, p)
        ae[rows] = np.einsum("mij,mj->mi", adjust, eo[rows].reshape(len(which), size)).ravel()
    cluster_of = np.repeat(np.arange(n_clusters), sizes)
    summing = sparse.csr_matrix((np.ones(n), (cluster_of, np.arange(n))), shape=(n_clusters, n))
    scores = summing @ (xo * ae[:, None])  # X_g' A_g e_g
    cov = bread @ (scores.T @ scores) @ bread
    df = np.empty(p)
    for k in range(p):
        a = q[:, k]
        d = summing @ (a * a)
        u = summing @ (xo * a[:, None])  # X_g' a_g
        um = u @ bread
        utu_m = bread @ (u.T @ u)
        trace = d.sum() - np.trace(utu_m)
        trace2 = (d * d).sum() - 2 * np.sum(d * np.einsum("gp,gp->g", um, u)) + np.sum(utu_m * utu_m.T)
        df[k] = trace * trace / trace2 if trace2 > 0 else np.nan
    return ClusterCovariance(cov=cov, df=df, n_clusters=n_clusters, scores=scores)


class SmallSampleResult:
    """A fitted statsmodels result with small-sample cluster inference: `params`, `bse`, `pvalues`, `conf_int`,
    `df` (per coefficient) and `method`; every other attribute comes from the fitted result."""

    def __init__(self, fitted, cov: np.ndarray, df: np.ndarray, method: str):
        self.fitted = fitted
        names = fitted.params.index
        self.params = fitted.params
        self.cov_params_matrix = pd.DataFrame(cov, index=names, columns=names)
        self.bse = pd.Series(np.sqrt(np.clip(np.diag(cov), 0, None)), index=names)
        self.df = pd.Series(df, index=names)
        self.method = method
        with np.errstate(divide="ignore", invalid="ignore"):
            t = self.params / self.bse
        self.tvalues = t
        self.pvalues = pd.Series(2 * scipy_stats.t.sf(np.abs(t.to_numpy()), self.df.to_numpy()), index=names)

    def conf_int(self, alpha: float = 0.05) -> pd.DataFrame:
        quantile = scipy_stats.t.ppf(1 - alpha / 2, self.df.to_numpy())
        return pd.DataFrame({0: self.params - quantile * self.bse, 1: self.params + quantile * self.bse})

    def __getattr__(self, name):
        return getattr(self.fitted, name)


def reference_df(reference: str, covariance: ClusterCovariance) -> np.ndarray:
    """Degrees of freedom of each coefficient's t reference distribution: "BM" (Bell–McCaffrey), "G-1" (number of
    clusters minus one; a benchmark-only candidate, not used by the build) or "normaal" (the normal distribution,
    infinite df)."""
    if reference == "BM":
        return covariance.df
    if reference == "G-1":
        return np.full(len(covariance.df), max(covariance.n_clusters - 1, 1), float)
    if reference == "normaal":
        return np.full(len(covariance.df), np.inf)
    raise ValueError(f"reference must be one of {REFERENCES}")


REFERENCES = ("BM", "G-1", "normaal")


def ols_cr2(fitted, groups: np.ndarray, adjustment: str = "CR2", reference: str = "BM") -> SmallSampleResult:
    """CR2 inference for a statsmodels OLS result (t with Bell–McCaffrey df unless `reference` says otherwise;
    the build uses the defaults, other arguments are benchmark-only candidates), labelled by `method_label`."""
    x = np.asarray(fitted.model.exog, float)
    residuals = np.asarray(fitted.model.endog, float) - x @ fitted.params.to_numpy()
    c = cr2(x, residuals, groups, adjustment)
    return SmallSampleResult(fitted, c.cov, reference_df(reference, c), method_label(adjustment, reference))


def logit_cr2(fitted, groups: np.ndarray, adjustment: str = "CR2", reference: str = "BM") -> SmallSampleResult:
    """CR2 inference for a statsmodels Logit result (GLM working weights); `reference` as in `reference_df` (the
    build passes LOGIT_REFERENCE; the other references and CR3 are benchmark-only candidates), labelled by
    `method_label` (e.g. "CR2 (Kauermann–Carroll) met t-verdeling met G − 1 vrijheidsgraden" for "G-1")."""
    x = np.asarray(fitted.model.exog, float)
    y = np.asarray(fitted.model.endog, float)
    mu = 1.0 / (1.0 + np.exp(-(x @ fitted.params.to_numpy())))
    root = np.sqrt(np.clip(mu * (1 - mu), 1e-12, None))
    c = cr2(x * root[:, None], (y - mu) / root, groups, adjustment)
    return SmallSampleResult(fitted, c.cov, reference_df(reference, c), method_label(adjustment, reference, logit=True))


def quantreg_cluster(fitted, groups: np.ndarray, q: float = 0.5, leverage: bool = False,
                     reference: str = "BM") -> SmallSampleResult:
    """Cluster-robust covariance of a statsmodels QuantReg result (Parente & Santos Silva 2016):
    V = A⁻¹ B A⁻¹ with B = Σ_g s_g s_g', s_g = Σ_{i∈g} x_i (q − 1[u_i < 0]), and A = Σ_i k(u_i/h) x_i x_i' / h
    (Epanechnikov kernel, statsmodels' Hall–Sheather bandwidth h); with the finite-cluster factor G/(G − 1) and,
    by default, t quantiles with the Bell–McCaffrey degrees of freedom of the design (`reference="G-1"`: G − 1).

    `leverage=True` (a benchmark-only candidate, like `reference="G-1"`; not used by the build) is the CR2 form of
    the same sandwich: s_g = X_g' A_g ψ_g with A_g = (I − H_gg)^(−½) from the
    design's hat matrix H = X(X'X)⁻¹X' (under the i.i.d. working model, f(0|x) = f, the median regression's
    leverage is that of least squares) and no factor G/(G − 1)."""
    x = np.asarray(fitted.model.exog, float)
    u = np.asarray(fitted.model.endog, float) - x @ fitted.params.to_numpy()
    h = float(fitted.bandwidth)
    kernel = 0.75 * (1 - (u / h) ** 2) * (np.abs(u / h) <= 1)
    a = (x * (kernel / h)[:, None]).T @ x
    psi = q - (u < 0)
    a_inv = np.linalg.pinv(a)
    design = cr2(x, psi, groups)  # X_g' A_g ψ_g and the Bell–McCaffrey df of the design
    n_clusters = design.n_clusters
    if leverage:
        scores = design.scores
        factor = 1.0
    else:
        codes = pd.factorize(np.asarray(groups), sort=True)[0]
        summing = sparse.csr_matrix((np.ones(len(codes)), (codes, np.arange(len(codes)))),
                                    shape=(n_clusters, len(codes)))
        scores = summing @ (x * psi[:, None])
        factor = n_clusters / max(n_clusters - 1, 1)
    cov = a_inv @ (scores.T @ scores) @ a_inv * factor
    return SmallSampleResult(fitted, cov, reference_df(reference, design), QUANTILE_METHOD)


# ---------------------------------------------------------------------- benchmark-only candidates (not in the build)


def within_case_correlation(residuals: np.ndarray, groups: np.ndarray) -> float:
    """Benchmark-only candidate (`benchmarks/bench_coverage.py`), not used by the build. The residuals'
    correlation between two defendants of one case, Σ_g Σ_{i≠j} e_i e_j / Σ_g n_g(n_g − 1) over Σ e²/n, clipped
    to [0, 1] (the random-effects working model of Imbens & Kolesár 2016, §5); 0 without co-defendants."""
    e = np.asarray(residuals, float)
    codes = pd.factorize(np.asarray(groups), sort=True)[0]
    sums = np.bincount(codes, weights=e)
    squares = np.bincount(codes, weights=e * e)
    sizes = np.bincount(codes)
    pairs = float((sizes * (sizes - 1)).sum())
    if pairs == 0:
        return 0.0
    cross = float((sums * sums - squares).sum()) / pairs
    return float(np.clip(cross / (e @ e / len(e)), 0.0, 1.0))


def bm_df_working_model(x: np.ndarray, groups: np.ndarray, rho: float) -> np.ndarray:
    """Benchmark-only candidate (`benchmarks/bench_coverage.py`), not used by the build: the Bell–McCaffrey
    degrees of freedom of each CR2 coefficient under the working model Ω = (1 − ρ)I + ρ·(1 within a case)
    (Imbens & Kolesár 2016, eq. 13 with their random-effects Ω), computed with explicit n × n matrices (small
    samples only). With ρ = 0 they are the df of `cr2`."""
    x = np.asarray(x, float)
    codes = pd.factorize(np.asarray(groups), sort=True)[0]
    n, p = x.shape
    bread = np.linalg.pinv(x.T @ x)
    hat = x @ bread @ x.T
    same = codes[:, None] == codes[None, :]
    omega = np.where(same, rho, 0.0) + (1 - rho) * np.eye(n)
    residual_maker = np.eye(n) - hat
    q = np.empty((n, p))  # rows of A_g X_g (X'X)⁻¹
    for g in np.unique(codes):
        rows = np.flatnonzero(codes == g)
        adjust = _inverse_power_psd((np.eye(len(rows)) - hat[np.ix_(rows, rows)])[None], 0.5)[0]
        q[rows] = adjust @ x[rows] @ bread
    df = np.empty(p)
    indicator = (codes[:, None] == np.arange(codes.max() + 1)[None, :]).astype(float)  # n × G
    for k in range(p):
        g_matrix = residual_maker @ (indicator * q[:, k][:, None])  # column g: (I − H)_{·,g} a_g
        w = g_matrix.T @ omega @ g_matrix
        df[k] = np.trace(w) ** 2 / np.sum(w * w)
    return df


WEBB = np.array([-np.sqrt(1.5), -1.0, -np.sqrt(0.5), np.sqrt(0.5), 1.0, np.sqrt(1.5)])


def wild_restricted_pvalue(fitted, groups: np.ndarray, term: str, value: float, replicates: int = 999,
                           seed: int = 0, weights: str = "webb") -> float:
    """Benchmark-only candidate (`benchmarks/bench_coverage.py`), not used by the build: the wild cluster
    restricted bootstrap (WCR; Cameron, Gelbach & Miller 2008; MacKinnon & Webb 2017) p-value of H0: β_term =
    `value` for a statsmodels OLS result: the fit under H0, its residuals flipped per case with Webb's six-point
    (or Rademacher) weights, the CR1 t statistic of every replicate against the sample's; the share of |t*| ≥ |t|.
    The interval of the build's kind would be the set of values not rejected (test inversion)."""
    x = np.asarray(fitted.model.exog, float)
    y = np.asarray(fitted.model.endog, float)
    k = list(fitted.params.index).index(term)
    codes = pd.factorize(np.asarray(groups), sort=True)[0]
    n_clusters = int(codes.max()) + 1
    n, p = x.shape
    bread = np.linalg.pinv(x.T @ x)
    c = x @ bread[:, k]  # β̂_k = c'y
    factor = n_clusters / (n_clusters - 1) * (n - 1) / (n - p)
    summing = sparse.csr_matrix((np.ones(n), (codes, np.arange(n))), shape=(n_clusters, n))

    def t_stats(ys: np.ndarray) -> np.ndarray:
        beta = bread @ (x.T @ ys)
        resid = ys - x @ beta
        se = np.sqrt(factor * np.sum(np.asarray(summing @ (c[:, None] * resid)) ** 2, axis=0))
        return (beta[k] - value) / se

    rest = np.delete(x, k, axis=1)
    shifted = y - value * x[:, k]
    gamma = np.linalg.lstsq(rest, shifted, rcond=None)[0]
    fitted0 = rest @ gamma + value * x[:, k]
    resid0 = y - fitted0
    rng = np.random.default_rng(seed)
    v = rng.choice(WEBB, size=(n_clusters, replicates)) if weights == "webb" else \
        rng.choice(np.array([-1.0, 1.0]), size=(n_clusters, replicates))
    ys = fitted0[:, None] + resid0[:, None] * v[codes]
    t0 = t_stats(y[:, None])[0]
    return float(np.mean(np.abs(t_stats(ys)) >= abs(t0)))
