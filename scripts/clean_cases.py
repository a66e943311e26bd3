"""Rule clean_cases: raw coding sheet -> results/clean/cases.parquet + cleaning_log.csv."""

import datetime as dt

from mhcases.runner import script_context, write_csv, write_parquet
from mhcases.sheet.load import load_sheet


def main(sheet: str, sheet_name: str | None, period: dict, cases: str, cleaning_log: str,
         log: str | None = None) -> None:
    with script_context(log) as logger:
        study_period = (dt.date.fromisoformat(period["start"]), dt.date.fromisoformat(period["end"]))
        clean, changes = load_sheet(sheet, sheet_name, study_period)
        write_parquet(clean, cases)
        write_csv(changes, cleaning_log)
        unparsed = int((changes["rule"].str.startswith("NIET TE LEZEN")).sum())
        warned = int((changes["rule"].str.startswith("WAARSCHUWING")).sum())
        logger.info("%s: %d verdachten in %d zaken; %d regels in het opschoonlogboek; %d cellen niet te lezen; "
                    "%d waarschuwingen", sheet, len(clean), clean["case_id"].nunique(), len(changes), unparsed,
                    warned)


if "snakemake" in globals():
    main(snakemake.input.sheet, snakemake.params.sheet_name, snakemake.params.period,  # noqa: F821
         snakemake.output.cases, snakemake.output.cleaning_log, snakemake.log[0])  # noqa: F821
