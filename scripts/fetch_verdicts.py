"""Rule fetch_verdicts: the open-data service -> the cache folder (verdicts.fetch.cache) + results/precode/opgehaald.csv."""

from mhcases.runner import script_context, write_csv
from mhcases.verdicts.cli import settings_from_config
from mhcases.verdicts.fetch import FetchError, fetch_documents


def main(fetch: dict, period: dict, manifest: str, log: str | None = None) -> None:
    with script_context(log, also=(FetchError,)) as logger:
        result = fetch_documents(settings_from_config(fetch, period), logger=logger)
        write_csv(result, manifest)


if "snakemake" in globals():
    main(snakemake.params.fetch, snakemake.params.period, snakemake.output.manifest, snakemake.log[0])  # noqa: F821
