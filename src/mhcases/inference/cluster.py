"""CR2 cluster-robust standard errors with Bell–McCaffrey degrees of freedom, and a cluster-robust median regression.

CR2 (Bell & McCaffrey 2002; Pustejovsky & Tipton 2018) adjusts each cluster's residuals by A_g = (I − H_gg)^(-1/2)
(symmetric square root of a pseudo-inverse), so the sandwich is unbiased under a homoskedastic working model;
the degrees of freedom of each coefficient's t statistic are Bell–McCaffrey's (Imbens & Kolesár 2016, eq. 13):
ν = (Σλ)² / Σλ², λ the eigenvalues of G'G, with G's column g = (I − H)_{·,g} A_g X_g (X'X)⁻¹ ℓ. G'G is computed as
D − U M U' (D = diag(a_g'a_g), U's row g = X_g'a_g), so nothing n × n is ever formed.

Logit models use the working weights w = p(1 − p): X̃ = √w X, ẽ = (y − p)/√w, so that X̃'ẽ is the score and
(X̃'X̃)⁻¹ the inverse information (the GLM form of CR2, as in clubSandwich).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from scipy import stats as scipy_stats

METHOD = "CR2 (Bell–McCaffrey) met t-verdeling en Bell–McCaffrey-vrijheidsgraden"
QUANTILE_METHOD = "clusterrobuuste sandwich voor kwantielregressie (Parente & Santos Silva) met t(G − 1)"


def _inverse_sqrt_psd(blocks: np.ndarray, tol: float = 1e-10) -> np.ndarray:
    """Symmetric (pseudo-)inverse square roots of a stack of symmetric positive semi-definite matrices."""
    values, vectors = np.linalg.eigh(blocks)
    scale = np.where(values > tol, 1.0 / np.sqrt(np.clip(values, tol, None)), 0.0)
    return np.einsum("mij,mj,mkj->mik", vectors, scale, vectors)


@dataclass(frozen=True)
class ClusterCovariance:
    """Covariance matrix of the coefficients and each coefficient's degrees of freedom."""

    cov: np.ndarray
    df: np.ndarray
    n_clusters: int


def cr2(x: np.ndarray, residuals: np.ndarray, groups: np.ndarray) -> ClusterCovariance:
    """CR2 covariance of OLS coefficients (x: n × p design, residuals y − x b, groups: cluster labels).

    For a GLM pass the working design √w·x and working residuals (y − μ)/√w."""
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
        adjust = _inverse_sqrt_psd(np.eye(size)[None] - hat)
        q[rows] = np.einsum("mij,mjp->mip", adjust, xm[rows].reshape(len(which), size, p)).reshape(-1, p)
        ae[rows] = np.einsum("mij,mj->mi", adjust, eo[rows].reshape(len(which), size)).ravel()
    cluster_of = np.repeat(np.arange(n_clusters), sizes)
    summing = sparse.csr_matrix((np.ones(n), (cluster_of, np.arange(n))), shape=(n_clusters, n))
    scores = summing @ (xm * ae[:, None])  # M X_g' A_g e_g
    cov = scores.T @ scores
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
    return ClusterCovariance(cov=cov, df=df, n_clusters=n_clusters)


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


def ols_cr2(fitted, groups: np.ndarray) -> SmallSampleResult:
    """CR2 inference for a statsmodels OLS result."""
    x = np.asarray(fitted.model.exog, float)
    residuals = np.asarray(fitted.model.endog, float) - x @ fitted.params.to_numpy()
    c = cr2(x, residuals, groups)
    return SmallSampleResult(fitted, c.cov, c.df, METHOD)


def logit_cr2(fitted, groups: np.ndarray) -> SmallSampleResult:
    """CR2 inference for a statsmodels Logit result (GLM working weights)."""
    x = np.asarray(fitted.model.exog, float)
    y = np.asarray(fitted.model.endog, float)
    mu = 1.0 / (1.0 + np.exp(-(x @ fitted.params.to_numpy())))
    root = np.sqrt(np.clip(mu * (1 - mu), 1e-12, None))
    c = cr2(x * root[:, None], (y - mu) / root, groups)
    return SmallSampleResult(fitted, c.cov, c.df, METHOD)


def quantreg_cluster(fitted, groups: np.ndarray, q: float = 0.5) -> SmallSampleResult:
    """Cluster-robust covariance of a statsmodels QuantReg result (Parente & Santos Silva 2016):
    V = A⁻¹ B A⁻¹ with B = Σ_g s_g s_g', s_g = Σ_{i∈g} x_i (q − 1[u_i < 0]), and A = Σ_i k(u_i/h) x_i x_i' / h
    (Epanechnikov kernel, statsmodels' Hall–Sheather bandwidth h); t quantiles with G − 1 degrees of freedom and
    the finite-cluster factor G/(G − 1)."""
    x = np.asarray(fitted.model.exog, float)
    u = np.asarray(fitted.model.endog, float) - x @ fitted.params.to_numpy()
    h = float(fitted.bandwidth)
    kernel = 0.75 * (1 - (u / h) ** 2) * (np.abs(u / h) <= 1)
    a = (x * (kernel / h)[:, None]).T @ x
    codes, uniques = pd.factorize(np.asarray(groups), sort=True)
    n_clusters = len(uniques)
    psi = q - (u < 0)
    summing = sparse.csr_matrix((np.ones(len(codes)), (codes, np.arange(len(codes)))), shape=(n_clusters, len(codes)))
    scores = summing @ (x * psi[:, None])
    a_inv = np.linalg.pinv(a)
    cov = a_inv @ (scores.T @ scores) @ a_inv * n_clusters / max(n_clusters - 1, 1)
    return SmallSampleResult(fitted, cov, np.full(x.shape[1], max(n_clusters - 1, 1), float), QUANTILE_METHOD)
