"""Rule provenance: hashes of every input, code version, software versions, build date -> results/report/herkomst.yaml."""

import os

import yaml

from mhcases.provenance import build_moment, provenance
from mhcases.runner import script_context, write_atomic


def main(inputs: dict, config: dict, git: dict, out: str, log: str | None = None) -> None:
    with script_context(log):
        record = provenance(inputs, git, build_moment(dict(os.environ)), config)
        text = yaml.safe_dump(record, sort_keys=False, allow_unicode=True, width=120)
        write_atomic(out, lambda tmp: tmp.write_text(text, encoding="utf-8"))


if "snakemake" in globals():
    main({k: v for k, v in snakemake.input.items() if k != "code"}, dict(snakemake.config),  # noqa: F821
         dict(snakemake.params.git), snakemake.output.record, snakemake.log[0])  # noqa: F821
