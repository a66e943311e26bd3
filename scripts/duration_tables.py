"""Rule duration_tables: Tables 3 (demand) and 5 (imposed where proven) in month classes."""

import pandas as pd

from mhcases.runner import script_context, write_csv
from mhcases.tables import table_3, table_5


def main(cases: str, bounds: list, tabel_3: str, tabel_5: str, log: str | None = None) -> None:
    with script_context(log):
        clean = pd.read_parquet(cases)
        write_csv(table_3(clean, bounds), tabel_3)
        write_csv(table_5(clean, bounds), tabel_5)


if "snakemake" in globals():
    main(snakemake.input.cases, snakemake.params.bounds, snakemake.output.tabel_3,  # noqa: F821
         snakemake.output.tabel_5, snakemake.log[0])  # noqa: F821
