"""Validate the build configuration against config/schema.yaml and fill in defaults."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import jsonschema
import yaml


class ConfigError(ValueError):
    """An invalid configuration value; the message names the key and the value."""


def _fill_defaults(value: dict[str, Any], schema: dict[str, Any]) -> None:
    for key, sub in schema.get("properties", {}).items():
        if key not in value and "default" in sub:
            value[key] = copy.deepcopy(sub["default"])
        if isinstance(value.get(key), dict) and sub.get("type") == "object":
            _fill_defaults(value[key], sub)


def _semantic_errors(config: dict[str, Any]) -> list[str]:
    errors = []
    classes = config["tables"]["month_classes"]
    if classes[0] != 0 or any(b <= a for a, b in zip(classes, classes[1:])):
        errors.append(
            f"sleutel 'tables.month_classes' = {classes}: de klassengrenzen moeten bij 0 beginnen en strikt oplopen"
        )
    return errors


def validated_config(config: dict[str, Any], schema_path: str | Path, source: str = "config/config.yaml") -> dict[str, Any]:
    """Return a copy of `config` with defaults filled in, or raise ConfigError naming every bad key."""
    schema = yaml.safe_load(Path(schema_path).read_text(encoding="utf-8"))
    result = copy.deepcopy(config)
    _fill_defaults(result, schema)
    validator = jsonschema.Draft202012Validator(schema)
    messages = []
    for error in sorted(validator.iter_errors(result), key=lambda e: list(map(str, e.absolute_path))):
        key = ".".join(str(p) for p in error.absolute_path) or "(hoogste niveau)"
        value = error.instance if error.absolute_path else "…"
        messages.append(f"sleutel '{key}' = {value!r}: {error.message}")
    if not messages:
        messages = _semantic_errors(result)
    if messages:
        raise ConfigError(f"Ongeldige configuratie in {source}:\n  - " + "\n  - ".join(messages))
    return result
