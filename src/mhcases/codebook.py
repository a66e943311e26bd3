"""The coding sheet's contract: one row per defendant (verdachte), grouped by case (zaak).

This module is the machine-readable codebook. `docs/codebook.md` explains each field for coders;
a test checks that every column here is documented there. Column names are English; labels Dutch.
"""

from __future__ import annotations

from dataclasses import dataclass, field

YES_NO = ("ja", "nee", "onbekend")

EXPLOITATION_FORMS = (
    "seksuele uitbuiting",
    "arbeidsuitbuiting",
    "criminele uitbuiting",
    "gedwongen dienstverlening",
    "onbekend",
)

VERDICTS_TRAFFICKING = ("bewezen", "partiele vrijspraak", "vrijspraak", "ontslag")
VERDICTS_OTHER = ("bewezen", "partiele vrijspraak", "vrijspraak", "ontslag", "niet van toepassing")

COURTS = (
    "Rechtbank Amsterdam",
    "Rechtbank Den Haag",
    "Rechtbank Gelderland",
    "Rechtbank Limburg",
    "Rechtbank Midden-Nederland",
    "Rechtbank Noord-Holland",
    "Rechtbank Noord-Nederland",
    "Rechtbank Oost-Brabant",
    "Rechtbank Overijssel",
    "Rechtbank Rotterdam",
    "Rechtbank Zeeland-West-Brabant",
)


@dataclass(frozen=True)
class Column:
    """One column of the coding sheet."""

    name: str  # English column name, as in the sheet's header row
    label: str  # Dutch label for coders and readers
    kind: str  # "id", "text", "date", "category", "multicategory", "integer", "number", "phrase"
    required: bool = True  # a value must be present in every row
    allowed: tuple[str, ...] = field(default_factory=tuple)  # for (multi)category columns
    minimum: float | None = None
    maximum: float | None = None


COLUMNS: tuple[Column, ...] = (
    Column("case_id", "Zaaknummer (studie)", "id"),
    Column("defendant_id", "Verdachtenummer (studie)", "id"),
    Column("ecli", "ECLI", "text", required=False),
    Column("court", "Rechtbank", "category", allowed=COURTS),
    Column("decision_date", "Datum uitspraak", "date"),
    Column("charges", "Tenlastelegging (feiten met artikelen)", "text"),
    Column("exploitation_forms", "Uitbuitingsvorm(en)", "multicategory", allowed=EXPLOITATION_FORMS),
    Column("victims_charged", "Aantal slachtoffers (tenlastegelegd)", "integer", required=False, minimum=1, maximum=1000),
    Column("period_charged_months", "Uitbuitingsduur tenlastegelegd (maanden)", "number", required=False, minimum=0, maximum=480),
    Column("victim_minor", "Minderjarig slachtoffer", "category", allowed=YES_NO),
    Column("victim_under16", "Slachtoffer jonger dan 16 jaar", "category", allowed=YES_NO),
    Column("victim_disabled", "Slachtoffer met verstandelijke beperking", "category", allowed=YES_NO),
    Column("violence", "(Dreigen met) geweld", "category", allowed=YES_NO),
    Column("organised", "Georganiseerd verband", "category", allowed=YES_NO),
    Column("demand", "Strafeis (vordering OM)", "phrase"),
    Column("verdict_trafficking", "Beslissing mensenhandel", "category", allowed=VERDICTS_TRAFFICKING),
    Column("verdict_other", "Beslissing overige feiten", "category", allowed=VERDICTS_OTHER),
    Column("sentence", "Strafoplegging", "phrase"),
    Column("period_proven_months", "Uitbuitingsduur bewezen (maanden)", "number", required=False, minimum=0, maximum=480),
    Column("victims_proven", "Aantal slachtoffers (bewezen)", "integer", required=False, minimum=0, maximum=1000),
    Column("motivation", "Motivering strafoplegging (samenvatting)", "text", required=False),
)

COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
BY_NAME: dict[str, Column] = {c.name: c for c in COLUMNS}
MULTI_SEPARATOR = ";"
