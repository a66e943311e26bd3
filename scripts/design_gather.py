"""Rule design_gather: the design points as one table (fixed order) and the power figure."""

import os

import pandas as pd

from mhcases.design import gather, power_figure
from mhcases.figures import save
from mhcases.provenance import build_moment
from mhcases.runner import script_context, write_csv


def main(points: list[str], synthetic: bool, table: str, figure_svg: str, figure_png: str,
         log: str | None = None) -> None:
    with script_context(log):
        gathered = gather([pd.read_csv(p) for p in points], build_moment(dict(os.environ)).date().isoformat())
        write_csv(gathered, table)
        save(power_figure(gathered, synthetic), figure_svg, figure_png)


if "snakemake" in globals():
    main(list(snakemake.input.points), snakemake.params.synthetic, snakemake.output.table,  # noqa: F821
         snakemake.output.figure_svg, snakemake.output.figure_png, snakemake.log[0])  # noqa: F821
