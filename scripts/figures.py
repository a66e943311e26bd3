"""Rule figures: the left shift (Tables 3 and 5), demand vs imposed scatter, ECDFs; SVG and PNG."""

import pandas as pd

from mhcases import figures
from mhcases.runner import script_context


def main(cases: str, tabel_3: str, tabel_5: str, synthetic: bool, out: dict, log: str | None = None) -> None:
    with script_context(log):
        figures.setup_style()
        clean = pd.read_parquet(cases)
        made = {
            "shift": figures.shift_figure(pd.read_csv(tabel_3), pd.read_csv(tabel_5), synthetic),
            "scatter": figures.scatter_figure(clean, synthetic),
            "ecdf": figures.ecdf_figure(clean, synthetic),
        }
        for name, fig in made.items():
            figures.save(fig, out[f"{name}_svg"], out[f"{name}_png"])


if "snakemake" in globals():
    main(snakemake.input.cases, snakemake.input.tabel_3, snakemake.input.tabel_5,  # noqa: F821
         snakemake.params.synthetic, dict(snakemake.output.items()), snakemake.log[0])  # noqa: F821
