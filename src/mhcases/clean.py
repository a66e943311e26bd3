"""Raw coding sheet (validated strings) -> the clean per-defendant table and the cleaning log.

Pure functions on DataFrames. Every transformation that changes what a cell says, and every cell that could
not be read, is listed in the cleaning log (ids, column, raw value, result, rule). Unreadable sanction phrases
are kept as "niet te lezen" and never guessed.
"""

from __future__ import annotations

from dataclasses import fields

import numpy as np
import pandas as pd

from mhcases.codebook import COLUMNS, MULTI_SEPARATOR
from mhcases.offences import combination_label, parse_charges
from mhcases.phrases import Sanction, parse_sanction
from mhcases.schemas import CLEAN_SCHEMA, parse_dates, to_number
from mhcases.sheet import ROW

LOG_COLUMNS = ["source_row", "case_id", "defendant_id", "column", "raw_value", "result", "rule"]

FORM_FLAGS = {
    "seksuele uitbuiting": "form_sexual",
    "arbeidsuitbuiting": "form_labour",
    "criminele uitbuiting": "form_criminal",
    "gedwongen dienstverlening": "form_services",
}
YES_NO_COLUMNS = ("victim_minor", "victim_under16", "victim_disabled", "violence", "organised")
STATUS_MODALITY = {"unknown": "onbekend", "acquittal": "vrijspraak", "discharge": "ontslag", "unparsed": "niet te lezen"}
MODALITY_ORDER = ("onvoorwaardelijk", "voorwaardelijk", "taakstraf", "werkstraf", "maatregel")


def modality(s: Sanction) -> str:
    """The letter's "straf- en/of maatregeltype" of one sanction: its components joined by " en "."""
    if s.status != "parsed":
        return STATUS_MODALITY[s.status]
    parts = []
    if s.unconditional_months or s.unconditional_equals_pretrial:
        parts.append("onvoorwaardelijk")
    if s.conditional_months:
        parts.append("voorwaardelijk")
    if s.community_service_kind:
        parts.append(s.community_service_kind)
    if s.measures:
        parts.append("maatregel")
    if not parts:
        return "geldboete" if s.fine_euros else "overig"
    return " en ".join(parts)


def analysis_months(clean: pd.DataFrame, prefix: str) -> pd.Series:
    """Unconditional months as the analyses use them (docs/methods.md).

    Known months as read; 0 when the phrase was read but has no unconditional detention (fully suspended, only
    community service or a measure) and for a demanded or imposed acquittal or discharge; missing (NaN) when
    the phrase is unknown, unreadable, or the detention equals pre-trial detention of unknown length.
    """
    status = clean[f"{prefix}_status"]
    months = clean[f"{prefix}_unconditional_months"]
    zero = (status.isin(["acquittal", "discharge"])
            | (status.eq("parsed") & months.isna() & ~clean[f"{prefix}_equals_pretrial"]))
    return months.where(~zero, 0.0).astype(float)


def describe_sanction(s: Sanction) -> str:
    """A short Dutch rendering of what was read from a phrase (for the cleaning log)."""
    if s.status != "parsed":
        return STATUS_MODALITY[s.status] + (f" ({s.reason})" if s.reason else "")
    bits = []
    if s.unconditional_equals_pretrial:
        bits.append("onvoorwaardelijk = voorarrest")
    elif s.unconditional_months is not None:
        bits.append(f"onvoorwaardelijk {s.unconditional_months:g} mnd")
    if s.conditional_months is not None:
        bits.append(f"voorwaardelijk {s.conditional_months:g} mnd")
    if s.probation_months is not None:
        bits.append(f"proeftijd {s.probation_months:g} mnd")
    if s.community_service_hours is not None:
        bits.append(f"{s.community_service_kind} {s.community_service_hours:g} uur")
    if s.measures:
        bits.append("maatregel: " + ", ".join(s.measures))
    if s.fine_euros is not None:
        bits.append(f"geldboete € {s.fine_euros:g}")
    if s.detention_kind and s.detention_kind != "gevangenisstraf":
        bits.append(s.detention_kind)
    return "; ".join(bits) or "geen straf"


def _sanction_columns(texts: pd.Series, prefix: str) -> tuple[pd.DataFrame, pd.Series]:
    """Parse each distinct phrase once; spread the results over the rows. Returns the columns and, per row,
    a Dutch description of what was read (for the cleaning log)."""
    codes, uniques = pd.factorize(texts)
    distinct = [parse_sanction(text) for text in uniques]
    names = [f.name for f in fields(Sanction)]  # a shallow dict per phrase (asdict's deep copy is slow)
    records = pd.DataFrame([{n: getattr(s, n) for n in names} for s in distinct]).iloc[codes].set_axis(texts.index)
    out = pd.DataFrame(index=texts.index)
    out[f"{prefix}_status"] = records["status"].astype(str)
    out[f"{prefix}_detention_kind"] = records["detention_kind"].astype(object)
    for field, name in [("unconditional_months", "unconditional_months"), ("conditional_months", "conditional_months"),
                        ("probation_months", "probation_months"), ("community_service_hours", "community_hours"),
                        ("fine_euros", "fine_euros")]:
        out[f"{prefix}_{name}"] = pd.to_numeric(records[field], errors="coerce").astype(float)
    out[f"{prefix}_equals_pretrial"] = records["unconditional_equals_pretrial"].astype(bool)
    out[f"{prefix}_community_kind"] = records["community_service_kind"].astype(object)
    spread = lambda values: np.asarray(values, dtype=object)[codes]  # noqa: E731
    out[f"{prefix}_measures"] = spread([";".join(s.measures) for s in distinct])
    for measure in ("tbs", "pij", "contactverbod", "gebiedsverbod"):
        out[f"{prefix}_{measure}"] = spread([measure in s.measures for s in distinct]).astype(bool)
    out[f"{prefix}_modality"] = spread([modality(s) for s in distinct])
    return out, pd.Series(spread([describe_sanction(s) for s in distinct]), index=texts.index)


def _form_label(forms: tuple[str, ...]) -> str:
    """The one known form of a defendant, "meerdere vormen", or "onbekend"."""
    known = [x for x in forms if x in FORM_FLAGS]
    return known[0] if len(known) == 1 else ("meerdere vormen" if known else "onbekend")


def _per_distinct(values: pd.Series, function) -> pd.Series:
    """`values.map(function)`, with `function` called once per distinct value (same result and dtype: the
    distinct values are mapped as a Series and spread over the rows by their codes)."""
    codes, uniques = pd.factorize(values)
    return pd.Series(uniques).map(function).take(codes).set_axis(values.index).rename(values.name)


def clean_sheet(raw: pd.DataFrame, validate: bool = True) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Turn a validated raw sheet into (clean table, cleaning log). `raw` must have passed validate_raw.
    `validate=False` leaves the clean-schema check to the caller (mhcases.sheet.load checks the codebook's rules
    first, so that an out-of-range value gets a located error)."""
    log: list[pd.DataFrame] = []
    ids = raw[[ROW, "case_id", "defendant_id"]]

    def note(mask: pd.Series, column: str, raw_values: pd.Series, results: pd.Series | str, rule: str) -> None:
        if not mask.any():
            return
        res = results if isinstance(results, str) else results[mask].astype(str)
        chunk = pd.DataFrame({"source_row": ids.loc[mask, ROW], "case_id": ids.loc[mask, "case_id"],
                              "defendant_id": ids.loc[mask, "defendant_id"], "column": column,
                              "raw_value": raw_values[mask], "result": res, "rule": rule})
        log.append(chunk)

    clean = pd.DataFrame(index=raw.index)
    clean["source_row"] = raw[ROW].astype(int)
    for name in ("case_id", "defendant_id"):
        clean[name] = raw[name]
    clean["ecli"] = raw["ecli"].replace("", None)

    # categories: canonical spelling from the codebook (case and spaces normalised)
    for column in COLUMNS:
        if column.kind != "category":
            continue
        canonical = {a.lower(): a for a in column.allowed}
        values = raw[column.name].str.lower().map(canonical)
        note(values != raw[column.name], column.name, raw[column.name], values, "schrijfwijze genormaliseerd")
        clean[column.name] = values

    # dates
    dutch = ~raw["decision_date"].str.match(r"^\d{4}-")
    clean["decision_date"] = parse_dates(raw["decision_date"])
    note(dutch, "decision_date", raw["decision_date"], clean["decision_date"].dt.strftime("%Y-%m-%d"),
         "datum DD-MM-JJJJ omgezet naar JJJJ-MM-DD")

    # numbers: empty = unknown; decimal comma accepted
    for column in COLUMNS:
        if column.kind not in ("integer", "number"):
            continue
        values = raw[column.name]
        clean[column.name] = _per_distinct(values, lambda v: to_number(v) if v else np.nan).astype(float)
        note(values.str.contains(",", regex=False), column.name, values, clean[column.name],
             "decimale komma gelezen als punt")

    # yes/no/unknown -> nullable boolean
    for name in YES_NO_COLUMNS:
        clean[name] = clean[name].map({"ja": True, "nee": False, "onbekend": pd.NA}).astype("boolean")

    # exploitation forms: one flag per form
    # (each distinct cell is split once; the lists are tuples so that they can be factorised)
    forms = _per_distinct(raw["exploitation_forms"].str.lower(),
                          lambda v: tuple(x.strip() for x in v.split(MULTI_SEPARATOR)))
    clean["exploitation_forms"] = _per_distinct(forms, ";".join)
    for form, flag in FORM_FLAGS.items():
        clean[flag] = _per_distinct(forms, lambda xs, f=form: f in xs)
    clean["exploitation_form"] = _per_distinct(forms, _form_label)

    # charges -> articles, offence groups, Table 1 category
    unique_charges = {text: parse_charges(text) for text in raw["charges"].unique()}

    def of_charges(function) -> pd.Series:  # function(parsed charges) per row, computed once per distinct text
        return _per_distinct(raw["charges"], lambda text: function(unique_charges[text]))

    clean["charges"] = raw["charges"]
    clean["articles"] = of_charges(lambda c: ";".join(c.articles))
    clean["offence_groups"] = of_charges(lambda c: ";".join(c.groups))
    clean["n_co_offences"] = of_charges(lambda c: len(c.groups)).astype(int)
    clean["charge_combination"] = of_charges(lambda c: combination_label(c.groups))
    clean["charges_trafficking"] = of_charges(lambda c: "273f Sr" in c.articles)
    note(pd.Series(True, index=raw.index), "charges", raw["charges"], clean["charge_combination"],
         "artikelen gelezen; feitencombinatie (tabel 1)")
    unknown = of_charges(lambda c: bool(c.unknown_articles))
    note(unknown, "charges", raw["charges"], of_charges(lambda c: ", ".join(c.unknown_articles)),
         "artikel zonder delictsgroep: eigen groep 'overig feit'")
    note(~clean["charges_trafficking"], "charges", raw["charges"], "geen art. 273f Sr gevonden",
         "WAARSCHUWING R14: tenlastelegging zonder mensenhandel-artikel")
    note(of_charges(lambda c: bool(c.non_offences)), "charges", raw["charges"],
         of_charges(lambda c: ", ".join(c.non_offences)),
         "artikel zonder eigen delict (algemeen deel Sr, strafbepaling of geen strafwet): niet als feit geteld")
    note(of_charges(lambda c: bool(c.unreadable)), "charges", raw["charges"],
         of_charges(lambda c: " | ".join(c.unreadable)),
         "NIET TE LEZEN: artikelverwijzing niet herkend, niet als feit geteld")

    # sanctions
    for column, prefix in (("demand", "demand"), ("sentence", "sentence")):
        frame, described = _sanction_columns(raw[column], prefix)
        clean = pd.concat([clean, frame], axis=1)
        unparsed = clean[f"{prefix}_status"].eq("unparsed")
        note(~unparsed, column, raw[column], described, "strafzin gelezen")
        note(unparsed, column, raw[column], described, "NIET TE LEZEN: niet geraden, als ontbrekend behandeld")
        clean[column] = raw[column]

    # verdicts
    clean["acquitted"] = clean["verdict_trafficking"].eq("vrijspraak")
    clean["partially_acquitted"] = clean["verdict_trafficking"].eq("partiele vrijspraak")
    clean["proven"] = clean["verdict_trafficking"].isin(["bewezen", "partiele vrijspraak"])
    for prefix, name in (("demand", "demand_months"), ("sentence", "imposed_months")):
        clean[name] = analysis_months(clean, prefix)
    clean["motivation"] = raw["motivation"].replace("", None)
    clean = clean.reset_index(drop=True)
    if validate:
        CLEAN_SCHEMA.validate(clean)
    log_frame = (pd.concat(log, ignore_index=True) if log else pd.DataFrame(columns=LOG_COLUMNS))[LOG_COLUMNS]
    log_frame = log_frame.astype({"source_row": int}).sort_values(["source_row", "column", "rule"], kind="stable")
    return clean, log_frame.reset_index(drop=True)

