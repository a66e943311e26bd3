"""The single entry of the coding-sheet boundary: a file in, (clean table, cleaning log) out, or an InputError
that lists every problem with file, row, case and defendant id, column and value."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from mhcases.clean import clean_sheet
from mhcases.schemas import CLEAN_SCHEMA, validate_raw
from mhcases.sheet.errors import InputError
from mhcases.sheet.read import read_sheet
from mhcases.sheet.rules import check_rules, warnings_log


def check_sheet(raw: pd.DataFrame, path: str | Path, period: tuple[dt.date, dt.date] | None = None
                ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Validate and clean a raw sheet (as read_sheet returns it) and enforce the codebook's rules."""
    raw = validate_raw(raw, str(path))
    clean, log = clean_sheet(raw, validate=False)
    errors, warnings = check_rules(raw, clean, period)
    if errors:
        raise InputError(path, [e.problem() for e in errors])
    CLEAN_SCHEMA.validate(clean)  # after the rules every value is within the schema: a failure here is a bug
    if warnings:
        log = pd.concat([log, warnings_log(warnings)], ignore_index=True)
        log = log.sort_values(["source_row", "column", "rule"], kind="stable").reset_index(drop=True)
    return clean, log


def load_sheet(path: str | Path, sheet_name: str | None = None,
               period: tuple[dt.date, dt.date] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read, validate, clean and check the coding sheet at `path`."""
    return check_sheet(read_sheet(path, sheet_name), path, period)
