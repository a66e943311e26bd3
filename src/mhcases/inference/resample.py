"""The case bootstrap as case counts: the replicates of `mhcases.stats.bootstrap_draws`, computed in batches.

A case-resampling replicate is the same as giving each case a count (how often it was drawn; a multinomial
count vector) and each defendant the count of their case. Sums become one matrix product of the counts with
per-case sums (replicates × cases @ cases × columns), and a median becomes a weighted median over the few
distinct values of the column (months are on a grid): per case a histogram of the values, per replicate the
counts times those histograms, then the middle order statistics from the cumulative counts. The counts are drawn
with the same generator calls as `bootstrap_draws` (one `integers(0, cases, cases)` per replicate), so the
replicates are the same resamples and the statistics agree with the loop up to floating-point rounding;
replicates run in batches of `BATCH` so that memory stays bounded on large sheets.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

import numpy as np
import pandas as pd
from scipy import sparse

BATCH = 128
LARGE = 5000  # rows from which the two-part bootstrap runs in _LargeTwoPart
LARGE_TOL = 1e-6  # its convergence tolerance on the log-odds (coefficient SEs there are 1e-2 or more)
STALLED = 1.0  # a step (with the start's Hessian) at least this large (log-odds) hands the replicate to Newton–Raphson


def case_codes(frame: pd.DataFrame, cluster: str = "case_id") -> np.ndarray:
    """Each row's case as 0..G−1 in sorted order of the case ids (the order `stats.cluster_layout` uses)."""
    return pd.factorize(frame[cluster], sort=True)[0]


def count_batches(n_clusters: int, replicates: int, seed: int, batch: int = BATCH) -> Iterator[np.ndarray]:
    """Case counts (batch × cases, float) of successive replicates, drawn as `stats.bootstrap_draws` draws them."""
    rng = np.random.default_rng(seed)
    done = 0
    while done < replicates:
        size = min(batch, replicates - done)
        counts = np.zeros((size, n_clusters))
        for r in range(size):  # (np.add.at into the row: the bincount's integers, without its int64 copy)
            np.add.at(counts[r], rng.integers(0, n_clusters, size=n_clusters), 1.0)
        done += size
        yield counts


def case_sums(codes: np.ndarray, n_clusters: int, columns: list[np.ndarray]) -> np.ndarray:
    """Per-case sums of each column (cases × columns)."""
    return np.column_stack([np.bincount(codes, weights=c, minlength=n_clusters) for c in columns])


class Histogram:
    """Per-case counts of the distinct values of one column (rows where it is NaN are left out)."""

    def __init__(self, codes: np.ndarray, n_clusters: int, values: np.ndarray):
        values = np.asarray(values, float)
        keep = ~np.isnan(values)
        self.values, position = np.unique(values[keep], return_inverse=True)
        self.matrix = sparse.csr_matrix(
            (np.ones(int(keep.sum())), (codes[keep], position)), shape=(n_clusters, self.values.size))
        # values × cases in float32 (CSC: the faster product with C-ordered counts): with integer case counts
        # every sum is an integer below 2**24 (a replicate has about as many rows as the sheet), so exact
        self.matrix_t = self.matrix.T.astype(np.float32)

    def weights(self, counts: np.ndarray, counts_t: np.ndarray | None = None) -> np.ndarray:
        """Replicates × distinct values: how often each value occurs in each replicate (`counts`: integer case
        counts, replicates × cases). `counts_t`: transposed_counts(counts), to share between histograms."""
        counts_t = transposed_counts(counts) if counts_t is None else counts_t
        return np.asarray(self.matrix_t @ counts_t, dtype=float).T


def transposed_counts(counts: np.ndarray) -> np.ndarray:
    """Integer case counts as cases × replicates, C-ordered float32 (exact; half the memory traffic)."""
    return counts.T.astype(np.float32, order="C")


def weighted_median(values: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """np.median of each replicate's sample, given as integer `weights` (replicates × K) on sorted `values`
    (K, or replicates × K when each replicate has its own values, which are then sorted here). NaN for an
    empty sample."""
    if values.ndim == 2:
        order = np.argsort(values, axis=1, kind="stable")
        values = np.take_along_axis(values, order, axis=1)
        weights = np.take_along_axis(weights, order, axis=1)
    cumulative = np.cumsum(weights, axis=1)
    total = cumulative[:, -1] if cumulative.shape[1] else np.zeros(len(weights))
    lower = np.floor((total + 1) / 2)  # 1-based ranks of the middle order statistics
    upper = np.floor(total / 2) + 1
    i_low = np.minimum((cumulative < lower[:, None] - 0.5).sum(axis=1), max(weights.shape[1] - 1, 0))
    i_high = np.minimum((cumulative < upper[:, None] - 0.5).sum(axis=1), max(weights.shape[1] - 1, 0))
    if values.ndim == 2:
        low = np.take_along_axis(values, i_low[:, None], axis=1)[:, 0]
        high = np.take_along_axis(values, i_high[:, None], axis=1)[:, 0]
    else:
        if values.size == 0:
            return np.full(len(weights), np.nan)
        low, high = values[i_low], values[i_high]
    out = (low + high) / 2
    return np.where(total > 0, out, np.nan)


# ------------------------------------------------------------------------------- demand versus imposed summary


def draws(on_counts, n_clusters: int, replicates: int, seed: int) -> np.ndarray:
    """A statistic given as `on_counts(counts) -> batch × statistics` on every case-bootstrap replicate."""
    return np.vstack([on_counts(counts) for counts in count_batches(n_clusters, replicates, seed)])


def block_jackknife(on_counts, n_clusters: int, blocks: int = 200) -> np.ndarray:
    """The statistic with each block of cases left out once (blocks × statistics): cases in sorted order, cut
    into min(blocks, cases) contiguous blocks; with at most `blocks` cases this is the leave-one-case-out
    jackknife. (For the BCa acceleration the block sums of the influence values have the same third and second
    moments as the cases' own, so the acceleration estimate stays the same on large sheets.)"""
    m = min(blocks, n_clusters)
    block_of = np.arange(n_clusters) * m // n_clusters
    out = []
    for start in range(0, m, BATCH):
        which = np.arange(start, min(start + BATCH, m))
        out.append(on_counts((block_of[None, :] != which[:, None]).astype(float)))
    return np.vstack(out)


def summary_draws(frame: pd.DataFrame, replicates: int, seed: int, tolerance: float) -> np.ndarray:
    """`compare.summary_measures` on every case-bootstrap replicate (replicates × measures, in MEASURES order)."""
    on_counts, n_clusters = summary_on_counts(frame, tolerance)
    return draws(on_counts, n_clusters, replicates, seed)


def summary_on_counts(frame: pd.DataFrame, tolerance: float):
    """`compare.summary_measures` as a function of case counts, and the number of cases."""
    codes = case_codes(frame)
    n_clusters = int(codes.max()) + 1
    demand = np.asarray(frame["demand_months"], float)
    imposed = np.asarray(frame["imposed_months"], float)
    difference = imposed - demand
    ratio = np.asarray(frame["ratio"], float)
    has_ratio = ~np.isnan(ratio)
    sums = case_sums(codes, n_clusters, [
        np.ones_like(demand), demand, imposed, difference, np.where(has_ratio, ratio, 0.0), has_ratio * 1.0,
        (difference < -tolerance) * 1.0, (np.abs(difference) <= tolerance) * 1.0, (difference > tolerance) * 1.0])
    histograms = [Histogram(codes, n_clusters, v) for v in (demand, imposed, difference, ratio)]

    def on_counts(counts: np.ndarray) -> np.ndarray:
        s = counts @ sums
        n = s[:, 0]
        with np.errstate(divide="ignore", invalid="ignore"):
            mean_ratio = np.where(s[:, 5] > 0, s[:, 4] / s[:, 5], np.nan)
        counts_t = transposed_counts(counts)
        med = [weighted_median(h.values, h.weights(counts, counts_t)) for h in histograms]
        return np.column_stack([
            med[0], med[1], s[:, 1] / n, s[:, 2] / n, s[:, 3] / n, med[2], mean_ratio, med[3],
            s[:, 6] / n, s[:, 7] / n, s[:, 8] / n])

    return on_counts, n_clusters


# ---------------------------------------------------------------------------------------------- decomposition


def decomposition_draws(frame: pd.DataFrame, replicates: int, seed: int, names: list[str], labels: dict[str, str],
                        shapley) -> np.ndarray:
    """`decompose.decompose_gaps` (mean and median) on every case-bootstrap replicate, columns in `names` order
    (`labels`: the factors A, P, S and their Dutch names; `shapley`: decompose.shapley)."""
    on_counts, n_clusters = decomposition_on_counts(frame, names, labels, shapley)
    return draws(on_counts, n_clusters, replicates, seed)


def decomposition_on_counts(frame: pd.DataFrame, names: list[str], labels: dict[str, str], shapley):
    """`decompose.decompose_gaps` as a function of case counts, and the number of cases.

    With the pooled ratio R of a replicate, every counterfactual value is one of D, Y (fully proven), and
    D, D·R, Y/R, Y (the others), so means are sums and medians weighted medians over those value sets."""
    FACTORS, FACTOR_LABELS = tuple(labels), labels
    codes = case_codes(frame)
    n_clusters = int(codes.max()) + 1
    demand = np.asarray(frame["demand_months"], float)
    imposed = np.asarray(frame["imposed_months"], float)
    verdict = np.asarray(frame["verdict_trafficking"])
    proven = verdict == "bewezen"
    partial = verdict == "partiele vrijspraak"
    full = ~proven & ~partial
    groups = {"proven": proven, "P": partial, "A": full}
    sums = case_sums(codes, n_clusters, [np.ones_like(demand)] + [
        v * g for g in groups.values() for v in (demand, imposed)])
    hist = {(name, var): Histogram(codes, n_clusters, np.where(g, v, np.nan))
            for name, g in groups.items() for var, v in (("D", demand), ("Y", imposed))}
    subsets = [frozenset(c) for k in range(len(FACTORS) + 1) for c in combinations(FACTORS, k)]

    def on_counts(counts: np.ndarray) -> np.ndarray:
        s = counts @ sums
        n = s[:, 0]
        sd = {"proven": s[:, 1], "P": s[:, 3], "A": s[:, 5]}
        sy = {"proven": s[:, 2], "P": s[:, 4], "A": s[:, 6]}
        pooled = np.where(sd["proven"] > 0, sy["proven"] / np.where(sd["proven"] > 0, sd["proven"], 1), 1.0)
        inverse = np.where(pooled > 0, 1 / np.where(pooled > 0, pooled, 1), 0.0)
        counts_t = transposed_counts(counts)
        weights = {key: h.weights(counts, counts_t) for key, h in hist.items()}
        means, medians = {}, {}
        for active in subsets:
            total = sy["proven"] if "S" in active else sd["proven"]
            parts_v, parts_w = [np.broadcast_to(hist["proven", "Y" if "S" in active else "D"].values,
                                                weights["proven", "Y" if "S" in active else "D"].shape)], \
                [weights["proven", "Y" if "S" in active else "D"]]
            for group in ("P", "A"):
                own, scale = ("S" in active, group in active)
                if own and scale:
                    var, factor = "Y", np.ones_like(pooled)
                elif own:
                    var, factor = "D", pooled
                elif scale:
                    var, factor = "Y", inverse
                else:
                    var, factor = "D", np.ones_like(pooled)
                total = total + (sy if var == "Y" else sd)[group] * factor
                parts_v.append(hist[group, var].values[None, :] * factor[:, None])
                parts_w.append(weights[group, var])
            means[active] = total / n
            medians[active] = weighted_median(np.hstack(parts_v), np.hstack(parts_w))
        columns = {}
        for name, centre in (("gemiddelde", means), ("mediaan", medians)):
            base = centre[frozenset()]
            values = {active: base - centre[active] for active in subsets}
            parts = shapley(values.__getitem__)
            observed = base - centre[frozenset(FACTORS)]
            safe = np.where(observed != 0, observed, 1.0)
            columns[f"{name}: kloof"] = observed
            for f in FACTORS:
                columns[f"{name}: {FACTOR_LABELS[f]}"] = parts[f]
                columns[f"{name}: aandeel {FACTOR_LABELS[f]}"] = np.where(observed != 0, parts[f] / safe, np.nan)
            both = parts["A"] + parts["P"]
            columns[f"{name}: vrijspraken samen"] = both
            columns[f"{name}: aandeel vrijspraken samen"] = np.where(observed != 0, both / safe, np.nan)
        return np.column_stack([columns[c] for c in names])

    return on_counts, n_clusters


# ---------------------------------------------------------------------------------------- two-part model (4a × 4b)


def _weighted_varies(weights: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Per replicate: does x take more than one value among the rows with positive weight?"""
    return _varies_from_sums(weights.sum(axis=1), weights @ x, weights @ (x * x))


def _varies_from_sums(total: np.ndarray, sum_x: np.ndarray, sum_xx: np.ndarray) -> np.ndarray:
    """_weighted_varies from the replicates' weight totals and weighted sums of x and x²."""
    safe = np.where(total > 0, total, 1.0)
    mean = sum_x / safe
    spread = sum_xx / safe - mean**2
    scale = np.maximum(mean**2, 1.0)
    return (total > 0) & (spread > 1e-12 * scale)


SURE = 40  # cases in a term's rarest cell from which a resample keeps it (see two_part_on_counts)


def _rarest_cases(codes: np.ndarray, x: np.ndarray, outcome: np.ndarray, binary: bool, positive_only: bool) -> int:
    """Cases in the rarest cell that keeps the term in the model (see two_part_on_counts)."""
    rows = outcome if positive_only else np.ones(len(x), bool)
    if binary and not positive_only:
        cells = [(x == v) & (outcome == u) for v in (0.0, 1.0) for u in (False, True)]
    elif binary:
        cells = [(x == v) & rows for v in (0.0, 1.0)]
    else:
        values, counts = np.unique(x[rows], return_counts=True)
        cells = [rows & (x != values[np.argmax(counts)])] if values.size else [rows & False]
    return min(np.unique(codes[cell]).size for cell in cells)


def two_part_on_counts(frame: pd.DataFrame, covariates: list[str], focus: list[str], max_iter: int = 50,
                       tol: float = 1e-8, large_tol: float = LARGE_TOL):
    """`models._two_part_statistic` as a function of case counts, and the number of cases.

    Per replicate the terms are chosen as the loop chooses them (a column without variation, or a 0/1 column
    that separates the outcome, leaves part 1; one without variation among the positive outcomes leaves part 2);
    replicates with the same choice are fitted together: Newton–Raphson for the weighted logit with all
    replicates' Hessians from one matrix product with the rows' outer products, then weighted normal
    equations for part 2. A replicate that does not converge or whose part 2 is singular is NaN (dropped).
    From LARGE rows on the batch runs in `_LargeTwoPart` (Hessian fixed at the start, tolerance `large_tol`)."""
    from scipy import special

    codes = case_codes(frame)
    n_clusters = int(codes.max()) + 1
    y1 = np.asarray(frame["any_imposed"], float)
    positive = y1 > 0
    y2 = np.where(positive, np.asarray(frame["log_imposed"], float), 0.0)
    names1 = ["log_demand", *covariates]
    names2 = ["log_demand", "partial", *covariates]
    values = {n: np.asarray(frame[n], float) for n in dict.fromkeys(names1 + names2)}
    binary = {n: bool(np.isin(v, (0.0, 1.0)).all()) for n, v in values.items()}
    ones = np.ones(len(y1))
    # A term whose rarest cell (value × outcome; value among the positive outcomes; for a continuous column the
    # cases off its most common value) spans at least SURE cases stays in every replicate: a resample loses all
    # of k cases with probability about e^-k. Only the other terms are checked per replicate.
    checked1 = [n for n in names1 if _rarest_cases(codes, values[n], y1 > 0, binary[n], positive_only=False) < SURE]
    checked2 = [n for n in names2 if _rarest_cases(codes, values[n], y1 > 0, binary[n], positive_only=True) < SURE]

    if len(y1) >= LARGE:
        large = _LargeTwoPart(codes, y1, y2, positive, values, binary, names1, names2, checked1, checked2, focus,
                              max_iter, tol, large_tol)
        return large.on_counts, n_clusters

    def on_counts(counts: np.ndarray) -> np.ndarray:
        weights = counts[:, codes]
        w2 = weights * positive
        keep1 = np.ones((len(counts), len(names1)), bool)
        for j, name in enumerate(names1):
            if name not in checked1:
                continue
            x = values[name]
            keep1[:, j] = _weighted_varies(weights, x)
            if binary[name]:
                for v in (0.0, 1.0):
                    group = weights @ (x == v)
                    hits = weights @ ((x == v) & positive)
                    keep1[:, j] &= ~((group > 0) & ((hits == 0) | (hits == group)))
        keep2 = np.column_stack([_weighted_varies(w2, values[n]) if n in checked2 else np.ones(len(counts), bool)
                                 for n in names2])
        out = np.full((len(counts), len(focus)), np.nan)
        patterns = np.hstack([keep1, keep2])
        unique, which = np.unique(patterns, axis=0, return_inverse=True)
        for k, pattern in enumerate(unique):
            rows = np.flatnonzero(which.ravel() == k)
            t1 = [n for n, keep in zip(names1, pattern[:len(names1)]) if keep]
            t2 = [n for n, keep in zip(names2, pattern[len(names1):]) if keep]
            out[rows] = _two_part_batch(weights[rows], w2[rows], y1, y2, positive, values, t1, t2, focus, ones,
                                        special.expit, max_iter, tol)
        return out

    return on_counts, n_clusters


def _two_part_batch(weights, w2, y1, y2, positive, values, t1, t2, focus, ones, expit, max_iter, tol):
    x1 = np.column_stack([ones] + [values[n] for n in t1])
    x2 = np.column_stack([ones] + [values[n] for n in t2])
    r, p1, p2 = len(weights), x1.shape[1], x2.shape[1]
    outer1 = np.einsum("ni,nj->nij", x1, x1).reshape(len(ones), -1)
    beta = np.zeros((r, p1))
    done = np.zeros(r, bool)
    for _ in range(max_iter):
        active = np.flatnonzero(~done)
        if not active.size:
            break
        rows = weights if active.size == r else weights[active]  # no copy while every replicate is active
        prob = expit(beta[active] @ x1.T)
        gradient = (rows * (y1 - prob)) @ x1
        hessian = ((rows * prob * (1 - prob)) @ outer1).reshape(-1, p1, p1)
        try:
            step = np.linalg.solve(hessian, gradient[:, :, None])[:, :, 0]
        except np.linalg.LinAlgError:
            step = np.full_like(gradient, np.nan)
            for i in range(len(active)):
                try:
                    step[i] = np.linalg.solve(hessian[i], gradient[i])
                except np.linalg.LinAlgError:
                    pass
        beta[active] += step
        converged = np.max(np.abs(step), axis=1) < tol
        done[active[converged | np.isnan(step).any(axis=1)]] = True
        beta[active[np.isnan(step).any(axis=1)]] = np.nan
    if not done.all():
        beta[~done] = np.nan  # no convergence: the replicate is dropped
    outer2 = np.einsum("ni,nj->nij", x2, x2).reshape(len(ones), -1)
    gram = (w2 @ outer2).reshape(-1, p2, p2)
    moment = (w2 * y2) @ x2
    b2 = np.full((r, p2), np.nan)
    for i in range(r):  # singular part 2 (collinear dummies): the replicate is dropped, as in the loop
        try:
            b2[i] = np.linalg.solve(gram[i], moment[i])
        except np.linalg.LinAlgError:
            pass
    eta1, eta2 = beta @ x1.T, b2 @ x2.T
    smear = (w2 * np.exp(np.where(positive, y2 - eta2, 0.0))).sum(axis=1) / w2.sum(axis=1)
    total = weights.sum(axis=1)
    out = np.full((r, len(focus)), np.nan)
    observed = None  # P(Y > 0) · exp(x'b) at each row's own values, shared by the 0/1 terms
    for j, term in enumerate(focus):
        if term not in t1 or term not in t2:
            continue
        c1, c2 = beta[:, 1 + t1.index(term)][:, None], b2[:, 1 + t2.index(term)][:, None]
        x = values[term][None, :]
        if binary_values(values[term]):
            # a row with the term at 1 contributes f(own) − f(0), one at 0 contributes f(1) − f(own)
            if observed is None:
                observed = expit(eta1) * np.exp(eta2)
            shift = 1.0 - 2.0 * x
            other = expit(eta1 + shift * c1) * np.exp(eta2 + shift * c2)
            difference = np.where(x == 0, other - observed, observed - other)
            out[:, j] = (weights * difference).sum(axis=1) / total * smear
            continue
        expected = [(weights * expit(eta1 + (v - x) * c1) * np.exp(eta2 + (v - x) * c2)).sum(axis=1) / total
                    for v in (1.0, 0.0)]
        out[:, j] = (expected[0] - expected[1]) * smear
    return out


def binary_values(x: np.ndarray) -> bool:
    return bool(np.isin(x, (0.0, 1.0)).all())


def _expit_inplace(a: np.ndarray) -> np.ndarray:
    """1 / (1 + exp(−a)) in place (scipy's expit allocates and is twice as slow on large batches)."""
    np.negative(a, out=a)
    return _scaled_expit_of_negative(1.0, a)


def _scaled_expit_of_negative(scale, a: np.ndarray) -> np.ndarray:
    """scale · expit(−a) = scale / (1 + exp(a)), in place in `a` (three passes; exp overflows to inf: 0)."""
    with np.errstate(over="ignore"):
        np.exp(a, out=a)
    a += 1.0
    return np.divide(scale, a, out=a)


class _Patterns:
    """Rows grouped by their values in `columns`: a replicate's weight of a group is the sum of its rows' case
    counts, one sparse product with the transposed counts (exact: integer sums in float32). Sums over rows of a
    function of those values are then sums over the groups, which are fewer than the rows."""

    def __init__(self, codes: np.ndarray, n_clusters: int, columns: list[np.ndarray], row_values=None):
        self.values, inverse = np.unique(np.column_stack(columns), axis=0, return_inverse=True)
        inverse = inverse.ravel()
        size = len(self.values)
        # groups × cases: how many rows of each case are in each group (CSC: the faster product)
        self.matrix_t = sparse.csr_matrix((np.ones(len(codes), np.float32), (codes, inverse)),
                                          shape=(n_clusters, size)).T
        # optionally the same with each row's `row_values` (float64: these sums are not integers)
        self.valued_t = None if row_values is None else sparse.csr_matrix(
            (np.asarray(row_values, float), (codes, inverse)), shape=(n_clusters, size)).T

    def column(self, j: int) -> np.ndarray:
        return np.ascontiguousarray(self.values[:, j])

    def weights(self, counts_t: np.ndarray) -> np.ndarray:
        """Groups × replicates: the sum of the case counts of each group's rows (counts_t: transposed_counts)."""
        return np.asarray(self.matrix_t @ counts_t, dtype=float)

    def valued(self, counts_t: np.ndarray) -> np.ndarray:
        """Groups × replicates: the sum of count × row value over each group's rows."""
        return np.asarray(self.valued_t @ counts_t.astype(float))


class _LargeTwoPart:
    """The two-part replicates on a large sheet (LARGE rows or more): the same statistic as `_two_part_batch`,
    computed on groups of rows and with fewer passes over the replicates × groups matrices.

    - Sums over rows of a function of a row's values are sums over the groups of rows with the same values, each
      with the summed case counts of its rows as weight (`_Patterns`): the logit over the rows' (x, y) values
      (100,000 rows: about 40,000 groups), the average effect and the smearing factor over (x₁, x₂). Plain weighted
      sums (part 2's normal equations, the checks of `two_part_on_counts`, the score's constant part and the
      start's Hessian) are one product of the case counts with per-case sums of per-row columns.
    - The logit iterates from the full-sample estimate with each replicate's Hessian at that estimate, kept
      fixed (the estimate moves by O(1/√n), so the Hessian hardly changes): the fixed point is the same (the
      replicate's score is zero), the convergence linear and fast; tolerance `large_tol` on the log-odds. A
      replicate whose steps do not shrink gets Newton–Raphson. The full-sample fit is done once per term set.
    - The average effect of a 0/1 term: with A = weight · exp(x'b₂), the rows at 0 contribute
      e^{c₂} Σ A·expit(η₁ + c₁) − Σ A·expit(η₁) and the rows at 1 Σ A·expit(η₁) − e^{−c₂} Σ A·expit(η₁ − c₁):
      one expit per group and term.
    - The work arrays are groups × replicates (the layout of the sparse products: no transposing), allocated
      once per shape and reused (in-place arithmetic).
    """

    def __init__(self, codes, y1, y2, positive, values, binary, names1, names2, checked1, checked2, focus,
                 max_iter, tol, large_tol):
        self.codes, self.y1, self.y2, self.positive = codes, y1, y2, positive
        self.values, self.binary, self.focus = values, binary, focus
        self.names1, self.names2, self.checked1, self.checked2 = names1, names2, checked1, checked2
        self.max_iter, self.tol, self.large_tol = max_iter, tol, large_tol
        self.n = len(y1)
        self.n_clusters = int(codes.max()) + 1
        self.ones = np.ones(self.n)
        self.pos = positive.astype(float)
        # cases × rows, 1 where the row belongs to the case (per-case sums as one sparse product)
        self.case_matrix = sparse.csr_matrix((self.ones, (codes, np.arange(self.n))), shape=(self.n_clusters, self.n))
        self.buffers: dict[tuple, np.ndarray] = {}
        self.logit_start: dict[tuple, tuple] = {}
        self.part2: dict[tuple, tuple] = {}
        # groups of rows: the logit's (x₁, y₁); the effect's (x₁, x₂), with exp(y₂) on the positive outcomes
        self.logit_groups = _Patterns(codes, self.n_clusters, [values[n] for n in names1] + [y1])
        self.names12 = list(dict.fromkeys(names1 + names2))
        exp_y2 = np.where(positive, np.exp(np.where(positive, y2, 0.0)), 0.0)
        self.effect_groups = _Patterns(codes, self.n_clusters, [values[n] for n in self.names12], exp_y2)
        # the columns whose weighted sums decide the term choice of each replicate (see on_counts)
        columns, self.check_index = [self.ones, self.pos], {}
        for name in checked1:
            x = values[name]
            self.check_index[1, name] = len(columns)
            columns += [x, x * x]
            if binary[name]:
                columns += [(x == v) * 1.0 for v in (0.0, 1.0)] + [((x == v) & positive) * 1.0 for v in (0.0, 1.0)]
        for name in checked2:
            x = values[name]
            self.check_index[2, name] = len(columns)
            columns += [self.pos * x, self.pos * x * x]
        self.check_sums = case_sums(codes, self.n_clusters, columns)

    def case_sums(self, columns: np.ndarray) -> np.ndarray:
        """Per-case sums (cases × columns) of per-row columns: counts @ these = the rows' weighted sums."""
        return np.asarray(self.case_matrix @ np.ascontiguousarray(columns))

    def buffer(self, name: str, shape: tuple[int, int]) -> np.ndarray:
        """A reusable C-contiguous work array."""
        if (name, shape) not in self.buffers:
            self.buffers[name, shape] = np.empty(shape)
        return self.buffers[name, shape]

    def on_counts(self, counts: np.ndarray) -> np.ndarray:
        r = len(counts)
        counts_t = transposed_counts(counts)
        sums = counts @ self.check_sums
        total, total2 = sums[:, 0], sums[:, 1]
        keep1 = np.ones((r, len(self.names1)), bool)
        for j, name in enumerate(self.names1):
            if name not in self.checked1:
                continue
            k = self.check_index[1, name]
            keep1[:, j] = _varies_from_sums(total, sums[:, k], sums[:, k + 1])
            if self.binary[name]:
                for v in (0, 1):
                    group, hits = sums[:, k + 2 + v], sums[:, k + 4 + v]
                    keep1[:, j] &= ~((group > 0) & ((hits == 0) | (hits == group)))
        keep2 = np.ones((r, len(self.names2)), bool)
        for j, name in enumerate(self.names2):
            if name in self.checked2:
                k = self.check_index[2, name]
                keep2[:, j] = _varies_from_sums(total2, sums[:, k], sums[:, k + 1])
        weights = (self.logit_groups.weights(counts_t), self.effect_groups.weights(counts_t),
                   self.effect_groups.valued(counts_t))
        out = np.full((r, len(self.focus)), np.nan)
        unique, which = np.unique(np.hstack([keep1, keep2]), axis=0, return_inverse=True)
        for k, pattern in enumerate(unique):
            rows = np.flatnonzero(which.ravel() == k)
            t1 = [n for n, keep in zip(self.names1, pattern[:len(self.names1)]) if keep]
            t2 = [n for n, keep in zip(self.names2, pattern[len(self.names1):]) if keep]
            if rows.size == r:
                out[rows] = self.batch(counts, *weights, total, total2, t1, t2)
            else:
                out[rows] = self.batch(counts[rows], *(w[:, rows] for w in weights), total[rows], total2[rows], t1, t2)
        return out

    def start(self, t1: list[str]) -> tuple:
        """The full-sample logit estimate (Newton–Raphson), the upper triangle's indices, and the per-case
        sums of the per-row columns (y·x, then p(1 − p)·x xᵀ at that estimate) whose weighted sums are a
        replicate's constant score part and its Hessian at the start; once per term set."""
        key = tuple(t1)
        if key not in self.logit_start:
            x1 = np.column_stack([self.ones] + [self.values[n] for n in t1])
            beta = np.zeros(x1.shape[1])
            for _ in range(self.max_iter):
                prob = _expit_inplace(x1 @ beta)
                step = np.linalg.solve(x1.T @ (x1 * (prob * (1 - prob))[:, None]), x1.T @ (self.y1 - prob))
                beta += step
                if np.max(np.abs(step)) < self.tol:
                    break
            prob = _expit_inplace(x1 @ beta)
            upper = np.triu_indices(x1.shape[1])
            columns = np.hstack([x1 * self.y1[:, None], x1[:, upper[0]] * x1[:, upper[1]] * (prob * (1 - prob))[:, None]])
            self.logit_start[key] = beta, upper, self.case_sums(columns)
        return self.logit_start[key]

    def design(self, groups: _Patterns, names: list[str], terms: list[str]) -> np.ndarray:
        """The design (constant, then `terms`) at the groups' values (columns `names`)."""
        return np.column_stack([np.ones(len(groups.values))] + [groups.column(names.index(t)) for t in terms])

    def newton(self, weights, score_y, x1, start) -> np.ndarray:
        """Newton–Raphson with each replicate's own Hessian from the full-sample estimate, as _two_part_batch
        iterates (for the few replicates the start's Hessian does not bring to convergence); NaN where it fails.
        On the logit's groups (`weights`: replicates × groups, `x1`: the groups' design)."""
        r, p1 = len(weights), x1.shape[1]
        outer1 = np.einsum("ni,nj->nij", x1, x1).reshape(len(x1), -1)
        beta = np.tile(start, (r, 1))
        done = np.zeros(r, bool)
        for _ in range(self.max_iter):
            active = np.flatnonzero(~done)
            if not active.size:
                break
            prob = _expit_inplace(beta[active] @ x1.T)
            rows = weights[active]
            gradient = score_y[active] - (rows * prob) @ x1
            hessian = ((rows * prob * (1 - prob)) @ outer1).reshape(-1, p1, p1)
            step = np.full_like(gradient, np.nan)
            for i in range(len(active)):
                try:
                    step[i] = np.linalg.solve(hessian[i], gradient[i])
                except np.linalg.LinAlgError:
                    pass
            beta[active] += step
            bad = np.isnan(step).any(axis=1)
            done[active[(np.max(np.abs(step), axis=1) < self.large_tol) | bad]] = True
            beta[active[bad]] = np.nan
        beta[~done] = np.nan  # no convergence: the replicate is dropped
        return beta

    def design2(self, t2: list[str]):
        """Part 2's upper-triangle indices and the per-case sums of the per-row columns of its Gram matrix's
        upper triangle and moment vector (zero on rows without a positive outcome), once per term set."""
        key = tuple(t2)
        if key not in self.part2:
            x2 = np.column_stack([self.ones] + [self.values[n] for n in t2])
            upper = np.triu_indices(x2.shape[1])
            gram_columns = x2[:, upper[0]] * x2[:, upper[1]] * self.pos[:, None]
            moment_columns = x2 * (self.pos * np.where(self.positive, self.y2, 0.0))[:, None]
            self.part2[key] = upper, self.case_sums(np.hstack([gram_columns, moment_columns]))
        return self.part2[key]

    def batch(self, counts, logit_weights, effect_weights, smear_weights, total, total2, t1, t2) -> np.ndarray:
        """The statistic for replicates with the same terms (`counts`: replicates × cases; the weights: groups ×
        replicates, from _Patterns)."""
        r = len(counts)
        x1 = self.design(self.logit_groups, self.names1 + ["y1"], t1)
        start, upper, sums1 = self.start(t1)
        p1 = x1.shape[1]
        beta = np.tile(start, (r, 1))
        done = np.zeros(r, bool)
        sums1 = counts @ sums1
        score_y = sums1[:, :p1]  # Σ w·y·x, the constant part of the score
        hessian = np.empty((r, p1, p1))  # each replicate's Hessian at the start, kept fixed
        hessian[:, upper[0], upper[1]] = sums1[:, p1:]
        hessian[:, upper[1], upper[0]] = sums1[:, p1:]
        work = self.buffer("logit", (len(x1), r))
        stalled = np.zeros(r, bool)
        for _ in range(self.max_iter):
            active = np.flatnonzero(~done & ~stalled)
            if not active.size:
                break
            all_active = active.size == r
            if all_active:
                rows, minus_eta = logit_weights, np.dot(x1, -beta.T, out=work)
            else:
                rows, minus_eta = logit_weights[:, active], x1 @ -beta[active].T
            weighted_prob = _scaled_expit_of_negative(rows, minus_eta)  # w·p, groups × replicates
            gradient = (score_y if all_active else score_y[active]) - (x1.T @ weighted_prob).T  # Σ w·(y − p)·x
            try:
                step = np.linalg.solve(hessian[active], gradient[:, :, None])[:, :, 0]
            except np.linalg.LinAlgError:  # a singular replicate is stalled (and dropped by Newton below)
                step = np.full_like(gradient, np.nan)
                for i, a in enumerate(active):
                    try:
                        step[i] = np.linalg.solve(hessian[a], gradient[i])
                    except np.linalg.LinAlgError:
                        pass
            beta[active] += step
            size = np.max(np.abs(step), axis=1)
            done[active[size < self.large_tol]] = True
            # a replicate whose Hessian is far from the full sample's (a rare term) may not contract: Newton below
            stalled[active[~(size < STALLED)]] = True
        rest = np.flatnonzero(~done)
        if rest.size:
            beta[rest] = self.newton(np.ascontiguousarray(logit_weights[:, rest].T), score_y[rest], x1, start)
        upper2, sums2 = self.design2(t2)
        p2 = len(t2) + 1
        sums2 = counts @ sums2
        gram = np.empty((r, p2, p2))
        gram[:, upper2[0], upper2[1]] = sums2[:, :len(upper2[0])]
        gram[:, upper2[1], upper2[0]] = sums2[:, :len(upper2[0])]
        moment = sums2[:, len(upper2[0]):]
        b2 = np.full((r, p2), np.nan)
        try:
            b2[:] = np.linalg.solve(gram, moment[:, :, None])[:, :, 0]
        except np.linalg.LinAlgError:  # singular part 2 (collinear dummies): that replicate is dropped
            for i in range(r):
                try:
                    b2[i] = np.linalg.solve(gram[i], moment[i])
                except np.linalg.LinAlgError:
                    pass
        # the average effect and the smearing factor over the effect's groups of rows
        groups, width = self.effect_groups, len(self.effect_groups.values)
        x1e, x2e = self.design(groups, self.names12, t1), self.design(groups, self.names12, t2)
        work = self.buffer("work", (width, r))
        eta1 = np.dot(x1e, beta.T, out=self.buffer("eta1", (width, r)))
        scaled = self.buffer("scaled", (width, r))
        np.exp(np.dot(x2e, b2.T, out=scaled), out=scaled)  # exp(x'b₂)
        smear = np.divide(smear_weights, scaled, out=work).sum(axis=0) / total2  # Σ w·exp(y₂ − x'b₂) / Σ w
        scaled *= effect_weights  # A = w · exp(x'b₂)
        out = np.full((r, len(self.focus)), np.nan)
        terms = [t for t in self.focus if t in t1 and t in t2]
        binary = [t for t in terms if self.binary[t]]
        if binary:
            at = {t: groups.column(self.names12.index(t)) for t in binary}
            sides = np.column_stack([(at[t] == v) * 1.0 for t in binary for v in (0.0, 1.0)])
            np.negative(eta1, out=work)
            observed = (sides.T @ _scaled_expit_of_negative(scaled, work)).T  # Σ A·expit(η₁), rows at 0 and 1
        for term in terms:
            j = self.focus.index(term)
            c1, c2 = beta[:, 1 + t1.index(term)], b2[:, 1 + t2.index(term)]
            if term in binary:
                i = 2 * binary.index(term)
                shift = 1.0 - 2.0 * at[term]  # +1 at 0, −1 at 1
                np.multiply(shift[:, None], -c1[None, :], out=work)
                work -= eta1
                moved = (sides[:, i:i + 2].T @ _scaled_expit_of_negative(scaled, work)).T  # Σ A·expit(η₁ ± c₁)
                effect = (np.exp(c2) * moved[:, 0] - observed[:, i]) + (observed[:, i + 1] - np.exp(-c2) * moved[:, 1])
                out[:, j] = effect / total * smear
                continue
            # a continuous focus term (the letter's are 0/1): as _two_part_batch, on the groups
            x = groups.column(self.names12.index(term))[:, None]
            eta2 = x2e @ b2.T
            expected = [(effect_weights * _expit_inplace(eta1 + (v - x) * c1[None, :])
                         * np.exp(eta2 + (v - x) * c2[None, :])).sum(axis=0) / total for v in (1.0, 0.0)]
            out[:, j] = (expected[0] - expected[1]) * smear
        return out
