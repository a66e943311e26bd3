"""Rule decomposition: the left shift (demand − imposed) split into acquittal, partial acquittal and discount."""

import pandas as pd

from mhcases.decompose import counterfactual_distribution, decomposition_table
from mhcases.runner import script_context, write_csv


def main(cases: str, replicates: int, seed: int, level: float, shares: str, counterfactual: str,
         log: str | None = None) -> None:
    with script_context(log):
        clean = pd.read_parquet(cases)
        write_csv(decomposition_table(clean, replicates, seed, level), shares)
        write_csv(counterfactual_distribution(clean), counterfactual)


if "snakemake" in globals():
    main(snakemake.input.cases, snakemake.params.replicates, snakemake.params.seed,  # noqa: F821
         snakemake.params.level, snakemake.output.shares, snakemake.output.counterfactual,  # noqa: F821
         snakemake.log[0])  # noqa: F821
