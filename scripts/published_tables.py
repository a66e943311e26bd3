"""Rule published_tables: Tables 1, 2 and 4 recomputed from the clean data."""

import pandas as pd

from mhcases.published import category_order
from mhcases.runner import script_context, write_csv
from mhcases.tables import table_1, table_2, table_4


def main(cases: str, published_dir: str, thresholds: dict, out: dict, log: str | None = None) -> None:
    with script_context(log) as logger:
        clean = pd.read_parquet(cases)
        builders = {"tabel_1": table_1, "tabel_2": table_2, "tabel_4": table_4}
        for name, build in builders.items():
            table = build(clean, thresholds[name], category_order(published_dir, name))
            write_csv(table, out[name])
            logger.info("%s: %d rijen, totaal %d", name, len(table), table["frequentie"].iloc[-1])


if "snakemake" in globals():
    main(snakemake.input.cases, snakemake.params.published_dir, snakemake.params.thresholds,  # noqa: F821
         dict(snakemake.output.items()), snakemake.log[0])  # noqa: F821
