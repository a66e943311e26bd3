"""Rule render_report: the Quarto project in report/ -> results/report/kamerbrief.html and .pdf."""


import os
from pathlib import Path
from typing import Any

from mhcases.render import RenderError, build_date, letter_metadata, render_report
from mhcases.runner import script_context


def main(
    qmd: str,
    html: str,
    pdf: str,
    letter: dict[str, Any],
    synthetic: bool,
    published_dir: str,
    month_classes: list[float],
    results: dict[str, str],
    log: str,
) -> None:
    """Render the letter; the report's paths are parameters relative to the project root (the cwd)."""
    with script_context(log, also=(RenderError,)) as logger:
        metadata = letter_metadata(letter, synthetic=synthetic, today=build_date(os.environ))
        params = {
            "project_root": str(Path.cwd()),
            "published_dir": published_dir,
            "synthetic": synthetic,
            "month_classes": list(month_classes),
            "results": {name: str(path) for name, path in results.items()},
        }
        renderer = render_report(Path(qmd), Path(html), Path(pdf), params=params, letter=metadata)
        logger.info("klaar: %s en %s (%s)", html, pdf, renderer)


if "snakemake" in globals():
    main(
        snakemake.input.qmd,  # noqa: F821
        snakemake.output.html,  # noqa: F821
        snakemake.output.pdf,  # noqa: F821
        dict(snakemake.params.letter),  # noqa: F821
        snakemake.params.synthetic,  # noqa: F821
        snakemake.params.published_dir,  # noqa: F821
        snakemake.params.month_classes,  # noqa: F821
        dict(snakemake.params.results),  # noqa: F821
        snakemake.log[0],  # noqa: F821
    )
