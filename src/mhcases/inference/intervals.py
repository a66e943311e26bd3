"""Bootstrap intervals from replicate draws: percentile and BCa (bias-corrected and accelerated, Efron 1987),
the acceleration from a jackknife over clusters (cases)."""

from __future__ import annotations

import numpy as np
from scipy import stats as scipy_stats


def percentile(draws: np.ndarray, level: float) -> tuple[np.ndarray, np.ndarray]:
    """Percentile interval per column of `draws` (replicates × statistics), NaN replicates left out."""
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
    (every replicate on one side of the estimate, e.g. a degenerate statistic)."""
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
