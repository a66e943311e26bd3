"""Bootstrap intervals from replicate draws: percentile and BCa (bias-corrected and accelerated, Efron 1987),
the acceleration from a jackknife over clusters (cases)."""

from __future__ import annotations

import numpy as np
from scipy import stats as scipy_stats


def percentile(draws: np.ndarray, level: float) -> tuple[np.ndarray, np.ndarray]:
    """Percentile interval per column of `draws` (replicates × statistics), NaN replicates left out. The build's
    rule is `mid_percentile` (equal to this without ties); this is the "before" of the coverage benchmark."""
    alpha = (1 - level) / 2
    low = np.full(draws.shape[1], np.nan)
    high = np.full(draws.shape[1], np.nan)
    for j in range(draws.shape[1]):
        valid = draws[:, j][~np.isnan(draws[:, j])]
        if valid.size:
            low[j], high[j] = np.quantile(valid, [alpha, 1 - alpha])
    return low, high


def acceleration(jackknife: np.ndarray) -> np.ndarray:
    """BCa acceleration per column from leave-one-cluster-out values (clusters × statistics)."""
    centred = np.nanmean(jackknife, axis=0) - jackknife
    num = np.nansum(centred**3, axis=0)
    den = 6 * np.nansum(centred**2, axis=0) ** 1.5
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den > 0, num / den, 0.0)


def bca(estimate: np.ndarray, draws: np.ndarray, accel: np.ndarray, level: float) -> tuple[np.ndarray, np.ndarray]:
    """BCa interval per column; falls back to the percentile interval where the bias correction is undefined
    (every replicate on one side of the estimate, e.g. a degenerate statistic). Not the build's rule (it covered
    worse for medians, docs/methods.md M13): a candidate of the coverage benchmark and the `interval="bca"` option
    of `stats.case_bootstrap`."""
    alpha = (1 - level) / 2
    z = scipy_stats.norm.ppf([alpha, 1 - alpha])
    low, high = percentile(draws, level)
    for j in range(draws.shape[1]):
        valid = draws[:, j][~np.isnan(draws[:, j])]
        if not valid.size or np.isnan(estimate[j]):
            continue
        share = (np.sum(valid < estimate[j]) + 0.5 * np.sum(valid == estimate[j])) / valid.size
        if not 0 < share < 1:
            continue
        z0 = scipy_stats.norm.ppf(share)
        a = accel[j] if np.isfinite(accel[j]) else 0.0
        adjusted = scipy_stats.norm.cdf(z0 + (z0 + z) / (1 - a * (z0 + z)))
        low[j], high[j] = np.quantile(valid, adjusted)
    return low, high


def mid_percentile(draws: np.ndarray, level: float) -> tuple[np.ndarray, np.ndarray]:
    """Percentile interval from the mid-distribution function of the replicates (Parzen 2004): each distinct
    replicate value v gets F_mid(v) = P*(T < v) + ½ P*(T = v), linearly interpolated between the values, and
    the interval is F_mid⁻¹(α/2), F_mid⁻¹(1 − α/2). Without ties this is the percentile interval (up to the
    plotting position); for a statistic on a grid (a median of whole months) an endpoint no longer takes the whole
    atom of its grid value."""
    alpha = (1 - level) / 2
    low = np.full(draws.shape[1], np.nan)
    high = np.full(draws.shape[1], np.nan)
    for j in range(draws.shape[1]):
        valid = draws[:, j][~np.isnan(draws[:, j])]
        if not valid.size:
            continue
        values, counts = np.unique(valid, return_counts=True)
        share = counts / valid.size
        mid = np.cumsum(share) - share / 2
        low[j], high[j] = np.interp([alpha, 1 - alpha], mid, values)
    return low, high


def effective_n(estimate: np.ndarray, draws: np.ndarray, n: int) -> np.ndarray:
    """Effective sample size of a share p̂ of `n` defendants: p̂(1 − p̂) / Var*(p̂*), the case-bootstrap variance
    standing in for the cluster-robust one (Kish's design effect n/n_eff), at most n (Korn & Graubard 1998);
    n where the share or its bootstrap variance is 0."""
    out = np.full(len(estimate), float(n))
    for j in range(len(estimate)):
        valid = draws[:, j][~np.isnan(draws[:, j])]
        p = estimate[j]
        variance = valid.var(ddof=1) if valid.size > 1 else 0.0
        if 0 < p < 1 and variance > 0:
            out[j] = min(float(n), p * (1 - p) / variance)
    return out


def wilson(estimate: np.ndarray, n: np.ndarray, level: float) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval (Wilson 1927) of shares `estimate` with (effective) sample sizes `n`."""
    z = scipy_stats.norm.ppf(1 - (1 - level) / 2)
    p = np.asarray(estimate, float)
    n = np.asarray(n, float)
    with np.errstate(divide="ignore", invalid="ignore"):
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z / (1 + z * z / n) * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return np.clip(centre - half, 0, 1), np.clip(centre + half, 0, 1)


def expanded_level(level: float, n_clusters: int) -> float:
    """Benchmark-only candidate (`benchmarks/bench_coverage.py`), not used by the build. The nominal level of Hesterberg's expanded percentile interval (Hesterberg 2015, Am. Stat. 69(4), §5.2),
    with the G resampled cases as the sample size: the bootstrap distribution is too narrow by about
    √((G − 1)/G) and normal rather than t, so the percentiles are taken at Φ(±√(G/(G − 1)) · t_{1−α/2, G−1})
    instead of α/2, 1 − α/2. With G = 145 cases 95% becomes 95.3%; with 20 cases, 96.8%."""
    if n_clusters < 2:
        return level
    g = float(n_clusters)
    z = np.sqrt(g / (g - 1)) * scipy_stats.t.ppf(1 - (1 - level) / 2, g - 1)
    return float(1 - 2 * scipy_stats.norm.sf(z))


def mover_difference(p1: np.ndarray, l1: np.ndarray, u1: np.ndarray, p2: np.ndarray, l2: np.ndarray,
                     u2: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Interval of the difference p1 − p2 of two independent estimates from their own intervals (l, u): the
    MOVER of Zou & Donner (2008), low = d − √((p1 − l1)² + (u2 − p2)²), high = d + √((u1 − p1)² + (p2 − l2)²).
    With two Wilson intervals this is Newcombe's hybrid score interval (1998, method 10)."""
    p1, l1, u1, p2, l2, u2 = (np.asarray(v, float) for v in (p1, l1, u1, p2, l2, u2))
    d = p1 - p2
    return d - np.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2), d + np.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)


def cluster_effective_n(indicator: np.ndarray, groups: np.ndarray) -> float:
    """Effective sample size of the share of rows with `indicator` when rows are clustered in `groups`:
    p̂(1 − p̂) / v with v = Σ_g (t_g − p̂ m_g)² / n² (t_g, m_g the cluster's count and size), the linearised
    variance of the share under case resampling (the ideal case bootstrap's variance to first order, without its
    Monte-Carlo noise); at most n, n where the share is 0 or 1 (Kish's design effect n/n_eff)."""
    y = np.asarray(indicator, float)
    n = y.size
    if n == 0:
        return 0.0
    p = y.mean()
    codes = np.unique(np.asarray(groups), return_inverse=True)[1]
    z = np.bincount(codes, weights=y - p)
    variance = float((z * z).sum()) / (n * n)
    if not 0 < p < 1 or variance <= 0:
        return float(n)
    return min(float(n), p * (1 - p) / variance)
