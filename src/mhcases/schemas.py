"""pandera schemas at the two boundaries: the raw coding sheet (strings) and the clean table."""

from __future__ import annotations

import re

import pandas as pd
import pandera.pandas as pa

from mhcases.codebook import COLUMNS, MULTI_SEPARATOR, Column
from mhcases.sheet import ROW, InputError, Problem

_ID = re.compile(r"^[A-Za-z0-9_.\-/]+$")
_INT = re.compile(r"^[0-9]{1,9}$")  # ASCII digits only; 9 digits is far beyond any allowed maximum
_NUMBER = re.compile(r"^[0-9]{1,9}(?:[.,][0-9]{1,9})?$")
# "1.000" / "12.500" / "1,000": a thousands separator or a decimal? Refused, as the phrase parser does.
_AMBIGUOUS = re.compile(r"^[1-9][0-9]{0,2}[.,][0-9]{3}$")


def parse_dates(values: pd.Series) -> pd.Series:
    """ISO (2018-05-14) or Dutch (14-5-2018) dates, vectorised; NaT where a value is neither."""
    iso = pd.to_datetime(values.where(values.str.match(r"^\d{4}-\d{2}-\d{2}$")), format="%Y-%m-%d", errors="coerce")
    dutch = pd.to_datetime(values.where(values.str.match(r"^\d{1,2}-\d{1,2}-\d{4}$")), format="%d-%m-%Y",
                           errors="coerce")
    return iso.fillna(dutch).astype("datetime64[ns]")


def to_number(value: str) -> float:
    return float(value.replace(",", "."))


def _cell_check(column: Column) -> pa.Check:
    """A element-wise check of one raw column; empty cells pass unless the column is required."""
    lowered_allowed = {a.lower() for a in column.allowed}

    def in_range(x: float) -> bool:
        return (column.minimum is None or x >= column.minimum) and (column.maximum is None or x <= column.maximum)

    if column.kind == "date":  # vectorised: one pandas call for the whole column
        return pa.Check(lambda values: parse_dates(values).notna() | ((values == "") & (not column.required)),
                        error="geen geldige datum (JJJJ-MM-DD of DD-MM-JJJJ)")
    if column.kind == "id":
        ok, message = (lambda v: bool(_ID.match(v))), "ongeldige code (alleen letters, cijfers, - _ . /)"
    elif column.kind == "category":
        ok = lambda v: v.lower() in lowered_allowed  # noqa: E731
        message = "onbekende waarde; toegestaan: " + ", ".join(column.allowed)
    elif column.kind == "multicategory":
        ok = lambda v: all(p.strip().lower() in lowered_allowed for p in v.split(MULTI_SEPARATOR))  # noqa: E731
        message = f"onbekende waarde; toegestaan (gescheiden door '{MULTI_SEPARATOR}'): " + ", ".join(column.allowed)
    elif column.kind == "integer":
        ok = lambda v: bool(_INT.match(v)) and in_range(int(v))  # noqa: E731
        message = f"moet een geheel getal zijn van {column.minimum:g} t/m {column.maximum:g}"
    elif column.kind == "number":
        ok = lambda v: bool(_NUMBER.match(v)) and in_range(to_number(v))  # noqa: E731
        message = f"moet een getal zijn van {column.minimum:g} t/m {column.maximum:g}"
    else:  # text, phrase: anything non-empty
        ok, message = (lambda v: True), ""

    def check(value: str) -> bool:
        if value == "":
            return not column.required
        return ok(value)

    return pa.Check(check, element_wise=True, error=message or "verplichte waarde ontbreekt")


def _cell_checks(column: Column) -> list[pa.Check]:
    checks = [_cell_check(column)]
    if column.kind == "number":
        checks.append(pa.Check(lambda v: not _AMBIGUOUS.match(v), element_wise=True,
                               error="dubbelzinnig getal: scheidingsteken voor duizendtallen of decimaal? "
                                     "Schrijf 1000 of 1,5 (zonder punt voor duizendtallen)"))
    return checks


RAW_SCHEMA = pa.DataFrameSchema(
    {
        ROW: pa.Column(int),
        **{c.name: pa.Column(str, checks=_cell_checks(c), nullable=False) for c in COLUMNS},
    },
    checks=[],
    strict=True,
    ordered=True,
)


def validate_raw(frame: pd.DataFrame, path: str) -> pd.DataFrame:
    """Validate the raw sheet; raise InputError listing each bad cell by row, ids, column and value."""
    problems: list[Problem] = []
    try:
        RAW_SCHEMA.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        for failure in errors.failure_cases.itertuples(index=False):
            index = failure.index
            row = frame.loc[index] if index is not None and index in frame.index else None
            value = failure.failure_case
            message = failure.check
            if row is not None and value == "" and not message.startswith("verplicht"):
                message = "verplichte waarde ontbreekt"
            problems.append(Problem(
                int(row[ROW]) if row is not None else None, failure.column, value, message,
                case_id=row["case_id"] if row is not None else None,
                defendant_id=row["defendant_id"] if row is not None else None,
            ))
    duplicated = frame[frame["defendant_id"].ne("") & frame["defendant_id"].duplicated(keep="first")]
    for _, row in duplicated.iterrows():
        problems.append(Problem(int(row[ROW]), "defendant_id", row["defendant_id"],
                                "verdachtenummer komt meer dan eens voor", row["case_id"], row["defendant_id"]))
    if problems:
        problems.sort(key=lambda p: (p.row or 0, p.column or ""))
        raise InputError(path, problems)
    return frame


YES_NO_BOOL = pd.BooleanDtype()

CLEAN_SCHEMA = pa.DataFrameSchema(
    {
        "case_id": pa.Column(str),
        "defendant_id": pa.Column(str, unique=True),
        "court": pa.Column(str),
        "decision_date": pa.Column("datetime64[ns]"),
        "charge_combination": pa.Column(str),
        "demand_modality": pa.Column(str),
        "sentence_modality": pa.Column(str),
        "demand_unconditional_months": pa.Column(float, pa.Check.in_range(0, 600), nullable=True),
        "sentence_unconditional_months": pa.Column(float, pa.Check.in_range(0, 600), nullable=True),
        "victim_minor": pa.Column(YES_NO_BOOL, nullable=True),
        "victim_disabled": pa.Column(YES_NO_BOOL, nullable=True),
        "acquitted": pa.Column(bool),
        "partially_acquitted": pa.Column(bool),
    },
    strict=False,
)
