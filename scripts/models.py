"""Rule models: models 1–5, effects of minor/disabled victims, two-part effect, power and sensitivity."""

import pandas as pd

from mhcases import models
from mhcases.runner import script_context, write_csv


def main(cases: str, replicates: int, seed: int, level: float, minimum: dict, out: dict, log: str | None = None
         ) -> None:
    with script_context(log) as logger:
        clean = pd.read_parquet(cases)
        limits = models.Minimum.from_config(minimum)
        coefficients, fitted = models.fit_all(clean, level, limits)
        write_csv(coefficients, out["coefficients"])
        write_csv(models.effects(fitted, level), out["effects"])
        write_csv(models.two_part_effect(clean, replicates, seed, level, limits, fitted), out["two_part"])
        write_csv(models.power(fitted, level), out["power"])
        write_csv(models.sensitivity(clean, level, limits), out["sensitivity"])
        for name, fit in fitted.items():
            logger.info("%s: n = %d, %s: %s%s", name, len(fit.data), fit.formula, fit.status,
                        f" ({fit.reason})" if fit.reason else "")
            for term, reason in fit.dropped.items():
                logger.info("  %s weggelaten: %s", term, reason)
            for warning in fit.warnings:
                logger.warning("  waarschuwing bij de schatting: %s", warning)


if "snakemake" in globals():
    main(snakemake.input.cases, snakemake.params.replicates, snakemake.params.seed,  # noqa: F821
         snakemake.params.level, dict(snakemake.params.minimum), dict(snakemake.output.items()),  # noqa: F821
         snakemake.log[0])  # noqa: F821
