"""Rule clean_baseline: the earlier study's coding sheet (study.baseline_coding_sheet), read by the same sheet
reader as the new sheet, -> results/baseline/cases.parquet + cleaning_log.csv."""

import datetime as dt

from mhcases.runner import script_context, write_csv, write_parquet
from mhcases.sheet.load import load_sheet


def main(sheet: str, period: dict, cases: str, cleaning_log: str, log: str | None = None) -> None:
    with script_context(log) as logger:
        dates = (dt.date.fromisoformat(period["start"]), dt.date.fromisoformat(period["end"]))
        clean, changes = load_sheet(sheet, None, dates)
        write_parquet(clean, cases)
        write_csv(changes, cleaning_log)
        logger.info("basis %s: %d verdachten in %d zaken", sheet, len(clean), clean["case_id"].nunique())


if "snakemake" in globals():
    main(snakemake.input.sheet, snakemake.params.period, snakemake.output.cases, snakemake.output.cleaning_log,  # noqa: F821
         snakemake.log[0])  # noqa: F821
