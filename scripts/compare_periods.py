"""Rule compare_periods: the new period against the baseline sheet, each measure with case-bootstrap intervals."""

import pandas as pd

from mhcases.periods import compare_periods
from mhcases.runner import script_context, write_csv


def main(cases: str, baseline: str, replicates: int, seed: int, level: float, bootstrap_cases: int, table: str,
         log: str | None = None) -> None:
    with script_context(log):
        write_csv(compare_periods(pd.read_parquet(cases), pd.read_parquet(baseline), replicates, seed, level,
                                  bootstrap_cases), table)


if "snakemake" in globals():
    main(snakemake.input.cases, snakemake.input.baseline, snakemake.params.replicates,  # noqa: F821
         snakemake.params.seed, snakemake.params.level, snakemake.params.bootstrap_cases,  # noqa: F821
         snakemake.output.table, snakemake.log[0])  # noqa: F821
