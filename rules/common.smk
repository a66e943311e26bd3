# Helpers shared by the stage files; no rules here.
import os
from pathlib import Path

from mhcases.config import ConfigError, validated_config

try:
    config.update(validated_config(config, workflow.source_path("../config/schema.yaml")))
except ConfigError as error:
    raise WorkflowError(str(error)) from None


# Scripts import the library of this workflow's own tree (not whatever copy is installed).
SRC = str(Path(workflow.basedir) / "src")
os.environ.update(PYTHONPATH=os.pathsep.join([SRC, *filter(None, [os.getenv("PYTHONPATH")])]))


# What every script imports through mhcases.runner.
BASE_MODULES = ("runner", "safety", "config", "sheet", "codebook")


def lib(*modules):
    """Library modules a rule's script uses, as inputs: editing one reruns the rule and everything downstream."""
    return [f"src/mhcases/{m}.py" for m in dict.fromkeys(("__init__", *BASE_MODULES, *modules))]


def files_under(folder):
    """Every file below `folder`, sorted, so that a rule reruns when any of them changes."""
    skip = ("__pycache__", ".quarto")
    return sorted(str(p) for p in Path(folder).rglob("*")
                  if p.is_file() and not any(s in p.parts for s in skip) and not p.parent.name.endswith("_files"))


LOGS = "results/logs"
