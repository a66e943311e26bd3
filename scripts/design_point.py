"""Rule design_point: the power of one design point (effect, planned number of verdicts) by simulation."""

import pandas as pd

from mhcases.design import design_point
from mhcases.runner import script_context, write_csv


def main(cases: str, effect: str, n: int, size: float, simulations: int, replicates: int, seed: int, level: float,
         point: str, log: str | None = None) -> None:
    with script_context(log) as logger:
        row = design_point(pd.read_parquet(cases), effect, n, size, simulations, seed, replicates, level)
        write_csv(row, point)
        logger.info("%s, n = %d: onderscheidend vermogen %.3f", effect, n, float(row["power"].iloc[0]))


if "snakemake" in globals():
    main(snakemake.input.cases, snakemake.wildcards.effect, int(snakemake.wildcards.n),  # noqa: F821
         snakemake.params.size, snakemake.params.simulations, snakemake.params.replicates,  # noqa: F821
         snakemake.params.seed, snakemake.params.level, snakemake.output.point, snakemake.log[0])  # noqa: F821
