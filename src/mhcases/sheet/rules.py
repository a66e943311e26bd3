"""The codebook's rules across columns and rows, and the limits of the law, checked on a cleaned sheet.

Every rule has an id, a severity and a Dutch text; docs/codebook.md §11 lists them (a test keeps the list and
this table equal). An error stops the build with a located message (row, case, defendant, column, value); a
warning is written to the cleaning log with its rule id and never changes a value.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from mhcases.sheet.errors import ROW, Problem

ERROR, WARNING = "fout", "waarschuwing"


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str  # ERROR or WARNING
    text: str  # Dutch, as listed in docs/codebook.md §11


RULES: tuple[Rule, ...] = (
    Rule("R1", ERROR, "Een slachtoffer jonger dan 16 jaar is minderjarig: `victim_under16` = ja vraagt "
                      "`victim_minor` = ja."),
    Rule("R2", ERROR, "Bij `victim_minor` = nee is `victim_under16` nee; bij `victim_minor` = onbekend is "
                      "`victim_under16` onbekend (§6.11)."),
    Rule("R3", ERROR, "Bewezen slachtoffers zijn niet meer dan tenlastegelegde: `victims_proven` ≤ "
                      "`victims_charged` (als beide zijn ingevuld)."),
    Rule("R4", ERROR, "De bewezen periode is niet langer dan de tenlastegelegde: `period_proven_months` ≤ "
                      "`period_charged_months` (als beide zijn ingevuld)."),
    Rule("R5", ERROR, "Bij `verdict_trafficking` = vrijspraak zijn `victims_proven` en `period_proven_months` 0 "
                      "of leeg."),
    Rule("R6", ERROR, "`verdict_other` = niet van toepassing als, en alleen als, `charges` geen ander artikel dan "
                      "art. 273f Sr noemt."),
    Rule("R7", ERROR, "`sentence` = vrijspraak alleen als de verdachte van alle feiten is vrijgesproken of "
                      "ontslagen (`verdict_trafficking` vrijspraak of ontslag, `verdict_other` vrijspraak, ontslag "
                      "of niet van toepassing)."),
    Rule("R8", ERROR, "`exploitation_forms` = onbekend staat alleen, niet naast een andere vorm."),
    Rule("R9", ERROR, "Alle verdachten van één zaak (`case_id`) hebben dezelfde rechtbank (`court`)."),
    Rule("R10", WARNING, "Verdachten van één zaak met verschillende uitspraakdatums (mag: medeverdachten kunnen "
                         "op verschillende dagen zijn berecht) worden gemeld in het opschoningslog."),
    Rule("R11", ERROR, "De uitspraakdatum (`decision_date`) ligt in de onderzoeksperiode (`study.period` in "
                       "config/config.yaml)."),
    Rule("R12", ERROR, "Strafeis en strafoplegging blijven binnen de grenzen van de wet (tabel hieronder)."),
    Rule("R13", ERROR, "Een ECLI (`ecli`, optioneel) heeft de vorm ECLI:NL:<gerecht>:<jaar>:<nummer>."),
    Rule("R14", WARNING, "Een tenlastelegging zonder art. 273f Sr hoort niet op het blad; de rij blijft staan en "
                         "wordt gemeld in het opschoningslog."),
)

# The limits of the law that a demand or sentence cannot exceed (R12):
# (detention kind, "" for any; part; maximum; unit; why).
LEGAL_LIMITS: tuple[tuple[str, str, float, str, str], ...] = (
    ("gevangenisstraf", "detention_months", 360, "maanden",
     "tijdelijke gevangenisstraf is ten hoogste 30 jaar (art. 10 lid 3 Sr)"),
    ("jeugddetentie", "detention_months", 24, "maanden",
     "jeugddetentie is ten hoogste 24 maanden (art. 77i Sr)"),
    ("hechtenis", "detention_months", 16, "maanden",
     "hechtenis is ten hoogste 1 jaar en 4 maanden (art. 18 Sr)"),
    ("", "probation_months", 120, "maanden",
     "een proeftijd is ten hoogste 10 jaar (art. 14b Sr)"),
    ("", "community_hours", 240, "uren",
     "een taakstraf is ten hoogste 240 uren (art. 22c Sr)"),
    ("", "fine_euros", 1_030_000, "euro",
     "een geldboete is ten hoogste de zesde categorie, € 1.030.000 (art. 23 Sr, 2024)"),
)
# Dutch names of the parts in LEGAL_LIMITS (codebook §11).
PART_LABELS = {"detention_months": "duur (onvoorwaardelijk en voorwaardelijk samen)",
               "probation_months": "proeftijd", "community_hours": "taakstraf (uren)", "fine_euros": "geldboete"}
_ECLI = r"^ECLI:NL:[A-Z]{2,7}:\d{4}:[A-Z0-9]{1,12}$"
_MISSING = {"", "0"}


@dataclass(frozen=True)
class Finding:
    """One rule broken by one row (located like a sheet Problem)."""

    rule: str
    row: int
    case_id: str
    defendant_id: str
    column: str
    value: str
    message: str

    def problem(self) -> Problem:
        return Problem(self.row, self.column, self.value, f"{self.message} [regel {self.rule}]",
                       self.case_id, self.defendant_id)


def _findings(rule: str, mask: pd.Series, raw: pd.DataFrame, column: str, values: pd.Series | None,
              message: str) -> list[Finding]:
    mask = mask.fillna(False).astype(bool).to_numpy()
    values = raw[column] if values is None else values
    return [Finding(rule, int(row), str(case), str(defendant), column, str(value), message)
            for row, case, defendant, value in zip(raw[ROW].to_numpy()[mask], raw["case_id"].to_numpy()[mask],
                                                   raw["defendant_id"].to_numpy()[mask],
                                                   np.asarray(values)[mask])]


def check_rules(raw: pd.DataFrame, clean: pd.DataFrame, period: tuple[dt.date, dt.date] | None = None
                ) -> tuple[list[Finding], list[Finding]]:
    """(errors, warnings) of a sheet that passed the cell checks; `raw` and `clean` row-aligned."""
    raw = raw.reset_index(drop=True)
    clean = clean.reset_index(drop=True)
    low = {c: raw[c].str.lower() for c in ("victim_minor", "victim_under16", "verdict_trafficking",
                                            "verdict_other", "exploitation_forms")}
    found: list[Finding] = []
    found += _findings("R1", low["victim_under16"].eq("ja") & low["victim_minor"].ne("ja"), raw, "victim_under16",
                       None, "slachtoffer jonger dan 16 maar victim_minor is niet 'ja'")
    found += _findings("R2", (low["victim_minor"].eq("nee") & low["victim_under16"].eq("onbekend"))
                       | (low["victim_minor"].eq("onbekend") & low["victim_under16"].ne("onbekend")), raw,
                       "victim_under16", None, "past niet bij victim_minor (nee → nee, onbekend → onbekend)")
    for proven, charged, what in (("victims_proven", "victims_charged", "slachtoffers"),
                                  ("period_proven_months", "period_charged_months", "maanden")):
        bigger = clean[proven] > clean[charged]  # NaN compares False: an empty cell breaks no rule
        shown = raw[proven] + " > " + raw[charged]
        found += _findings("R3" if what == "slachtoffers" else "R4", bigger, raw, proven, shown,
                           f"meer bewezen dan tenlastegelegd ({what})")
    acquitted = low["verdict_trafficking"].eq("vrijspraak")
    for column in ("victims_proven", "period_proven_months"):
        found += _findings("R5", acquitted & ~raw[column].isin(_MISSING), raw, column, None,
                           "bij vrijspraak van mensenhandel is niets bewezen (0 of leeg)")
    only_273f = clean["articles"].eq("273f Sr")
    na = low["verdict_other"].eq("niet van toepassing")
    found += _findings("R6", na & ~only_273f, raw, "verdict_other", None,
                       "'niet van toepassing', maar charges noemt ook andere feiten")
    found += _findings("R6", ~na & only_273f, raw, "verdict_other", None,
                       "charges noemt alleen art. 273f Sr: dan is dit 'niet van toepassing'")
    all_acquitted = (low["verdict_trafficking"].isin(["vrijspraak", "ontslag"])
                     & low["verdict_other"].isin(["vrijspraak", "ontslag", "niet van toepassing"]))
    found += _findings("R7", clean["sentence_status"].isin(["acquittal", "discharge"]) & ~all_acquitted, raw,
                       "sentence", None, "geen straf, maar volgens verdict_trafficking/verdict_other is iets bewezen")
    forms = low["exploitation_forms"].str.split(";")
    found += _findings("R8", forms.map(lambda xs: "onbekend" in [x.strip() for x in xs] and len(xs) > 1), raw,
                       "exploitation_forms", None, "'onbekend' naast een andere vorm")
    courts = clean.groupby("case_id")["court"].transform("nunique")  # canonical spelling after cleaning
    found += _findings("R9", courts > 1, raw, "court", None, "andere rechtbank dan een medeverdachte in deze zaak")
    if period is not None:
        start, end = (pd.Timestamp(d) for d in period)
        outside = (clean["decision_date"] < start) | (clean["decision_date"] > end)
        found += _findings("R11", outside, raw, "decision_date", None,
                           f"buiten de onderzoeksperiode {period[0]:%d-%m-%Y} t/m {period[1]:%d-%m-%Y} "
                           "(study.period in config/config.yaml)")
    for prefix in ("demand", "sentence"):
        detention = clean[f"{prefix}_unconditional_months"].fillna(0) + clean[f"{prefix}_conditional_months"].fillna(0)
        for kind, field, limit, unit, why in LEGAL_LIMITS:
            values = detention if field == "detention_months" else clean[f"{prefix}_{field}"]
            mask = values > limit
            if kind:
                mask &= clean[f"{prefix}_detention_kind"].eq(kind)
            if not mask.any():
                continue  # (the message text below is built only for rows that break the limit)
            shown = raw[prefix][mask] + values[mask].map(lambda v, u=unit: f" (gelezen: {v:g} {u})")
            found += _findings("R12", mask[mask], raw[mask], prefix, shown, f"buiten de grens van de wet: {why}")
    found += _findings("R13", raw["ecli"].ne("") & ~raw["ecli"].str.match(_ECLI), raw, "ecli", None,
                       "geen geldige ECLI (vorm ECLI:NL:RBAMS:2018:1234)")
    dates = clean.groupby("case_id")["decision_date"].transform("nunique")
    warnings = _findings("R10", dates > 1, raw, "decision_date", None,
                         "medeverdachten in deze zaak hebben verschillende uitspraakdatums")
    errors = sorted(found, key=lambda f: (f.row, f.column, f.rule))
    return errors, warnings


def warnings_log(warnings: list[Finding]) -> pd.DataFrame:
    """Warnings as cleaning-log rows (columns of mhcases.clean.LOG_COLUMNS)."""
    return pd.DataFrame([{"source_row": w.row, "case_id": w.case_id, "defendant_id": w.defendant_id,
                          "column": w.column, "raw_value": w.value, "result": "ongewijzigd",
                          "rule": f"WAARSCHUWING {w.rule}: {w.message}"} for w in warnings],
                        columns=["source_row", "case_id", "defendant_id", "column", "raw_value", "result", "rule"])
