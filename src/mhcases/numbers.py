"""Numbers as the reader sees them, in Dutch: one formatter for the letter's text and tables (mhcases.present) and for
the figures' axes and labels (mhcases.figures), so "1.234,5" and "−0,2" look the same everywhere."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import pandas as pd

MISSING = "–"  # shown for a missing number
MINUS = "\u2212"  # the minus sign of signed numbers and intervals (format_signed)


def is_missing(value: Any) -> bool:
    """None, NaN, pd.NA or NaT (a value that is not a number at all is not "missing")."""
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def format_number(value: float | int | None, decimals: int = 0) -> str:
    """Dutch number format: `1234.5` -> "1.234,5" (thousands ".", decimal ","), `-3.2` -> "−3,2" (a real minus
    sign, U+2212); missing -> "–"."""
    if is_missing(value):
        return MISSING
    number = float(value)  # type: ignore[arg-type]
    if math.isinf(number):
        return "∞" if number > 0 else f"{MINUS}∞"
    text = f"{abs(number):,.{decimals}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    negative = number < 0 and any(ch not in "0,." for ch in text)
    return f"{MINUS}{text}" if negative else text


def common_decimals(values: Iterable[float], most: int = 4) -> int:
    """The fewest decimals (up to `most`) that write every value of a scale exactly: ticks 0, 0.25, 0.5 -> 2;
    0, 5, 10 -> 0. One number of decimals for all ticks of an axis, as a table column has."""
    finite = [float(v) for v in values if not is_missing(v) and math.isfinite(float(v))]
    for decimals in range(most + 1):
        if all(abs(round(v, decimals) - v) <= 1e-9 * max(1.0, abs(v)) for v in finite):
            return decimals
    return most
