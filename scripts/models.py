"""Rule models: models 1–5, effects of minor/disabled victims, two-part effect, power and sensitivity."""

import pandas as pd

from mhcases import models
from mhcases.runner import script_context, write_csv


def main(cases: str, replicates: int, seed: int, level: float, out: dict, log: str | None = None) -> None:
    with script_context(log) as logger:
        clean = pd.read_parquet(cases)
        coefficients, fitted = models.fit_all(clean, level)
        write_csv(coefficients, out["coefficients"])
        write_csv(models.effects(fitted, level), out["effects"])
        write_csv(models.two_part_effect(clean, replicates, seed, level), out["two_part"])
        write_csv(models.power(fitted, level), out["power"])
        write_csv(models.sensitivity(clean, level), out["sensitivity"])
        for name, (result, _, formula) in fitted.items():
            logger.info("%s: n = %d, %s", name, int(result.nobs), formula)


if "snakemake" in globals():
    main(snakemake.input.cases, snakemake.params.replicates, snakemake.params.seed,  # noqa: F821
         snakemake.params.level, dict(snakemake.output.items()), snakemake.log[0])  # noqa: F821
