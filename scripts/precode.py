"""Rule precode: a folder of rechtspraak documents -> results/precode/selectie.csv + codeerblad_voorgecodeerd.xlsx."""

import datetime as dt
import os
from pathlib import Path

from mhcases.config import ConfigError
from mhcases.provenance import build_moment
from mhcases.runner import script_context, write_atomic, write_csv
from mhcases.verdicts.precode import precode_folder
from mhcases.verdicts.workbook import WorkbookWriter


def main(documents: str | None, articles: list[str], period: dict, selection: str, workbook: str,
         log: str | None = None) -> None:
    with script_context(log) as logger:
        if documents is None:
            raise ConfigError("verdicts.documents is niet ingesteld: zet in config/config.yaml de map met "
                              "uitspraken (.xml, .txt), of haal ze eerst op met `snakemake fetch_verdicts`")
        if not Path(documents).is_dir():
            raise ConfigError(f"verdicts.documents: map {documents!r} bestaat niet")
        study_period = (dt.date.fromisoformat(period["start"]), dt.date.fromisoformat(period["end"]))
        results = {}
        # the workbook's date: SOURCE_DATE_EPOCH (a build sets it from the last commit), else a fixed date
        created = build_moment(os.environ).replace(tzinfo=None) if os.environ.get("SOURCE_DATE_EPOCH") else None

        def write(tmp):
            with WorkbookWriter(tmp, created) as writer:
                results["frame"], _ = precode_folder(documents, articles, study_period, logger=logger,
                                                     sink=writer.add)
                results["rows"] = writer.rows

        write_atomic(workbook, write)
        frame = results["frame"]
        write_csv(frame, selection)
        logger.info("%s: %d documenten, %d opgenomen, %d verdachten voorgecodeerd", documents, len(frame),
                    int((frame["opgenomen"] == "ja").sum()), results["rows"])


if "snakemake" in globals():
    main(snakemake.params.documents, snakemake.params.articles, snakemake.params.period,  # noqa: F821
         snakemake.output.selection, snakemake.output.workbook, snakemake.log[0])  # noqa: F821
