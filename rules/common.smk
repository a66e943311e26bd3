# Helpers shared by the stage files; no rules here.
from pathlib import Path

from mhcases.config import ConfigError, validated_config

try:
    config.update(validated_config(config, workflow.source_path("../config/schema.yaml")))
except ConfigError as error:
    raise WorkflowError(str(error)) from None


def files_under(folder):
    """Every file below `folder`, sorted, so that a rule reruns when any of them changes."""
    return sorted(str(p) for p in Path(folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts)


LOGS = "results/logs"
