"""Small-sample inference for case-clustered data (issue 13).

- `cluster`: CR2 (Bell–McCaffrey) cluster-robust covariance with Bell–McCaffrey degrees of freedom and t quantiles,
  for OLS and (through the working weights) for the logit models; the median regression's cluster-robust
  sandwich (Parente & Santos Silva).
- `resample`: the case bootstrap as case counts (a multinomial-count bootstrap): the same replicates as
  `mhcases.stats.bootstrap_draws`, computed in batches by matrix products and weighted medians.
- `design`: the design study (power of a follow-up study by simulation from the fitted model).
"""
