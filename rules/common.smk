# Helpers shared by the stage files; no rules here.
import os
import shutil
import sys
from pathlib import Path

# The workflow reads its own library (src/mhcases) first, whichever Snakemake runs it: one installed with the
# project (`make`), a global one (`snakemake --use-conda`), or one in any environment with the runtime packages.
SRC = str(Path(workflow.basedir) / "src")
if SRC not in sys.path:
    sys.path.insert(0, SRC)

from mhcases.config import ConfigError, check_input_paths, validated_config
from mhcases.provenance import default_source_date_epoch

# A bad config or a missing input stops here, before any rule runs, with one Dutch message (no traceback).
try:
    config.update(validated_config(config, workflow.source_path("../config/schema.yaml")))
    check_input_paths(config)
except ConfigError as error:
    print(f"FOUT: {error}", file=sys.stderr)
    sys.exit(1)

# `--use-conda` where no conda is installed: one Dutch line before any job, not Snakemake's "Error running conda
# info" (README, "Drie manieren om te draaien").
DEPLOYMENT = workflow.deployment_settings
if (
    DEPLOYMENT is not None
    and "CONDA" in {method.name for method in DEPLOYMENT.deployment_method}
    and not DEPLOYMENT.conda_base_path
    and shutil.which(DEPLOYMENT.conda_frontend or "conda") is None
):
    print(
        f"FOUT: --use-conda vraagt om {DEPLOYMENT.conda_frontend or 'conda'}, maar dat staat niet op PATH. Installeer "
        "conda (Miniforge), of draai zonder --use-conda in een omgeving met de pakketten van requirements.lock "
        "(`make report`, of een geactiveerde .venv met `snakemake report`).",
        file=sys.stderr,
    )
    sys.exit(1)

# One build date for every script: SOURCE_DATE_EPOCH, else letter.date, else the last commit (README).
if "SOURCE_DATE_EPOCH" not in os.environ:
    epoch = default_source_date_epoch(config["letter"]["date"], workflow.basedir)
    if epoch is not None:
        os.environ.update(SOURCE_DATE_EPOCH=str(epoch))  # optional, so no `envvars:` (it asserts a variable is set)


# Scripts import the library of this workflow's own tree (not whatever copy is installed).
os.environ.update(PYTHONPATH=os.pathsep.join([SRC, *filter(None, [os.getenv("PYTHONPATH")])]))


# What every script imports through mhcases.runner.
BASE_MODULES = ("runner", "safety", "config", "sheet", "codebook")


def lib(*modules):
    """Library modules a rule's script uses, as inputs: editing one reruns the rule and everything downstream.
    A module that is a package (src/mhcases/<m>/) stands for every .py file in it."""

    def files(m):
        package = Path(workflow.basedir) / "src" / "mhcases" / m
        if package.is_dir():
            return sorted(f"src/mhcases/{m}/{p.name}" for p in package.glob("*.py"))
        return [f"src/mhcases/{m}.py"]

    return [f for m in dict.fromkeys(("__init__", *BASE_MODULES, *modules)) for f in files(m)]


def files_under(folder):
    """Every file below `folder`, sorted, so that a rule reruns when any of them changes."""
    skip = ("__pycache__", ".quarto")
    return sorted(
        str(p)
        for p in Path(folder).rglob("*")
        if p.is_file() and not any(s in p.parts for s in skip) and not p.parent.name.endswith("_files")
    )


LOGS = "results/logs"


def verdict_documents(wildcards):
    """Every .xml/.txt file of verdicts.documents (a rerun follows any change); none when the folder is not set:
    the script then stops with one Dutch line."""
    folder = config["verdicts"]["documents"]
    if folder is None or not Path(folder).is_dir():
        return []
    return [f for f in files_under(folder) if f.lower().endswith((".xml", ".txt"))]


def design_checksums(wildcards):
    """SHA-256 of the design study's results that exist (DESIGN_RESULTS, rules/design.smk): the letter re-renders
    when `snakemake ontwerp` made a new one."""
    from mhcases.provenance import sha256

    return {name: sha256(path) for name, path in DESIGN_RESULTS.items() if Path(path).is_file()}
