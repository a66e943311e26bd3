"""Rule check_published: every cell of Tables 1, 2, 4 against the letter; fatal on mismatch for synthetic input."""

import pandas as pd

from mhcases.published import PUBLISHED_TABLES, load_table
from mhcases.runner import CheckFailed, script_context, write_csv
from mhcases.tables import compare_with_published


def main(tables: dict, published_dir: str, synthetic: bool, out: str, log: str | None = None) -> None:
    with script_context(log) as logger:
        comparison = pd.concat(
            [compare_with_published(pd.read_csv(tables[n]), load_table(published_dir, n), n) for n in PUBLISHED_TABLES],
            ignore_index=True,
        )
        write_csv(comparison, out)
        wrong = comparison[~comparison["gelijk"]]
        logger.info("%d van %d cellen gelijk aan de brief", len(comparison) - len(wrong), len(comparison))
        if synthetic and len(wrong):
            cells = "; ".join(f"{r.tabel} «{r.categorie}»: brief {r.frequentie_gepubliceerd}, berekend "
                              f"{r.frequentie_berekend}" for r in wrong.itertuples())
            raise CheckFailed(f"De synthetische gegevens moeten de tabellen van de brief exact reproduceren, maar "
                              f"{len(wrong)} cel(len) wijken af: {cells}")


if "snakemake" in globals():
    main({n: snakemake.input[n] for n in PUBLISHED_TABLES}, snakemake.params.published_dir,  # noqa: F821
         snakemake.params.synthetic, snakemake.output.comparison, snakemake.log[0])  # noqa: F821
