"""Rule demand_sentence: demand versus imposed per defendant, with case-bootstrap intervals and a paired test."""

import pandas as pd

from mhcases.compare import demand_versus_imposed, pairs, wilcoxon_test
from mhcases.runner import script_context, write_csv


def main(cases: str, replicates: int, seed: int, level: float, summary: str, test: str, per_defendant: str,
         log: str | None = None) -> None:
    with script_context(log) as logger:
        clean = pd.read_parquet(cases)
        columns = ["case_id", "defendant_id", "verdict_trafficking", "exploitation_form", "demand_months",
                   "imposed_months", "difference", "ratio", "direction"]
        both = pairs(clean)[columns]
        write_csv(both, per_defendant)
        write_csv(demand_versus_imposed(clean, replicates, seed, level), summary)
        write_csv(wilcoxon_test(clean), test)
        logger.info("%d van %d verdachten met bekende eis en straf", len(both), len(clean))


if "snakemake" in globals():
    main(snakemake.input.cases, snakemake.params.replicates, snakemake.params.seed,  # noqa: F821
         snakemake.params.level, snakemake.output.summary, snakemake.output.test,  # noqa: F821
         snakemake.output.per_defendant, snakemake.log[0])  # noqa: F821
