"""Rule clean_cases: raw coding sheet -> results/clean/cases.parquet + cleaning_log.csv."""

from mhcases.clean import clean_sheet
from mhcases.runner import script_context, write_csv, write_parquet
from mhcases.schemas import validate_raw
from mhcases.sheet import read_sheet


def main(sheet: str, sheet_name: str | None, cases: str, cleaning_log: str, log: str | None = None) -> None:
    with script_context(log) as logger:
        raw = validate_raw(read_sheet(sheet, sheet_name), sheet)
        clean, changes = clean_sheet(raw)
        write_parquet(clean, cases)
        write_csv(changes, cleaning_log)
        unparsed = int((changes["rule"].str.startswith("NIET TE LEZEN")).sum())
        logger.info("%s: %d verdachten in %d zaken; %d regels in het opschoonlogboek; %d cellen niet te lezen",
                    sheet, len(clean), clean["case_id"].nunique(), len(changes), unparsed)


if "snakemake" in globals():
    main(snakemake.input.sheet, snakemake.params.sheet_name, snakemake.output.cases,  # noqa: F821
         snakemake.output.cleaning_log, snakemake.log[0])  # noqa: F821
