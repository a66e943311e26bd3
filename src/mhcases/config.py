"""Validate the build configuration against config/schema.yaml and fill in defaults."""

from __future__ import annotations

import copy
import os
from datetime import date
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


# Dutch wording of jsonschema's checks (the reader of the message is the user who edits config.yaml).
_DUTCH = {
    "type": lambda e: f"moet van type {e.validator_value} zijn",
    "pattern": lambda e: f"heeft niet de vereiste vorm (patroon {e.validator_value})",
    "enum": lambda e: "moet een van deze waarden zijn: " + ", ".join(map(str, e.validator_value)),
    "minimum": lambda e: f"moet minstens {e.validator_value} zijn",
    "maximum": lambda e: f"mag hoogstens {e.validator_value} zijn",
    "exclusiveMinimum": lambda e: f"moet groter zijn dan {e.validator_value}",
    "exclusiveMaximum": lambda e: f"moet kleiner zijn dan {e.validator_value}",
    "minItems": lambda e: f"moet minstens {e.validator_value} element(en) hebben",
    "additionalProperties": lambda e: "onbekende sleutel(s); zie config/schema.yaml",
    "required": lambda e: "verplichte sleutel ontbreekt; zie config/schema.yaml",
}

SHEET_SUFFIXES = (".csv", ".xlsx")


def _semantic_errors(config: dict[str, Any]) -> list[str]:
    errors = []
    period = config["study"]["period"]
    try:
        start, end = (date.fromisoformat(period[k]) for k in ("start", "end"))
    except ValueError as error:
        errors.append(f"sleutel 'study.period' = {period}: geen geldige datum ({error})")
    else:
        if start > end:
            errors.append(f"sleutel 'study.period' = {period}: het begin ligt na het einde")
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
        explain = _DUTCH.get(error.validator, lambda e: e.message)(error)
        messages.append(f"sleutel '{key}' = {value!r}: {explain}")
    if not messages:
        messages = _semantic_errors(result)
    if messages:
        raise ConfigError(f"Ongeldige configuratie in {source}:\n  - " + "\n  - ".join(messages))
    return result


def _path_problem(path: Path, *, folder: bool, suffixes: tuple[str, ...] = ()) -> str | None:
    """Why `path` cannot be used as an input (Dutch), or None when it can."""
    if not path.exists():
        return "bestaat niet"
    if folder:
        return None if path.is_dir() else "is geen map"
    if path.is_dir():
        return "is een map, geen bestand"
    if not path.is_file():
        return "is geen gewoon bestand"
    if suffixes and path.suffix.lower() not in suffixes:
        return "heeft een onbekende extensie; toegestaan: " + ", ".join(suffixes)
    if not os.access(path, os.R_OK):
        return "is niet leesbaar (geen leesrechten)"
    return None


def check_input_paths(config: dict[str, Any], root: str | Path = ".", source: str = "config/config.yaml") -> None:
    """Raise ConfigError when an input the config names is missing, a folder, unreadable or of the wrong type.

    Checked before any rule runs, so that a build never says "Nothing to be done" over an input that is gone.
    """
    root = Path(root)
    wanted = [("input.coding_sheet", config["input"]["coding_sheet"], False, SHEET_SUFFIXES),
              ("published_dir", config["published_dir"], True, ())]
    baseline = config.get("study", {}).get("baseline_coding_sheet")
    if baseline:
        wanted.append(("study.baseline_coding_sheet", baseline, False, SHEET_SUFFIXES))
    messages = []
    for key, value, folder, suffixes in wanted:
        problem = _path_problem(root / value, folder=folder, suffixes=suffixes)
        if problem:
            messages.append(f"sleutel '{key}' = {value!r}: {'map' if folder else 'bestand'} {problem}")
    if messages:
        raise ConfigError(f"Ongeldige configuratie in {source}:\n  - " + "\n  - ".join(messages))
