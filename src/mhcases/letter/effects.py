"""Aggravating circumstances and the models (paragraphs 7, 8 and the appendix): effects, power, tables."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import pandas as pd

from mhcases.present import (
    MISSING,
    ci_label,
    escape_markdown,
    format_ci,
    format_number,
    format_p,
    format_percent,
    format_range,
    format_signed,
)
from mhcases.letter.results import Estimate, NOT_ESTIMABLE, TERM_LABELS, TERM_SHORT, _estimate, _one


@dataclass(frozen=True)
class Effect:
    """The effect of one characteristic in one model (effecten.csv or tweedelig_effect.csv)."""

    model: str
    term: str
    scale: str  # "% verandering", "odds ratio" or "maanden"
    relative: Estimate | None  # fraction change (0.397 = +39.7%) or odds ratio; None when not estimable
    months: Estimate | None  # months at a typical value, or the two-part effect in months
    n: int
    n_with: int | None
    note: str  # "niet te schatten: …" or ""
    typical_months: float = math.nan

    @property
    def estimable(self) -> bool:
        return not self.note.startswith(NOT_ESTIMABLE)


def effect(effects: pd.DataFrame, model: str, term: str) -> Effect:
    """The effect of `term` ("minor", "disabled") in `model` ("1_eis", "3_opgelegd", …) from effecten.csv."""
    row = _one(effects[(effects["model"] == model) & (effects["term"] == term)], f"effect {model}/{term}")
    note = "" if pd.isna(row.get("note")) else str(row["note"])
    scale = "" if pd.isna(row.get("scale")) else str(row["scale"])
    relative = months = None
    if not note.startswith(NOT_ESTIMABLE):
        factor = 0.01 if scale == "% verandering" else 1.0
        relative = Estimate(row["estimate"] * factor, row["ci_low"] * factor, row["ci_high"] * factor, int(row["n"]))
        if not pd.isna(row.get("months")):
            months = Estimate(float(row["months"]), float(row["months_low"]), float(row["months_high"]), int(row["n"]))
    return Effect(
        model, term, scale or "odds ratio", relative, months, int(row["n"]),
        None if pd.isna(row.get("n_with")) else int(row["n_with"]), note,
        float(row["typical_months"]) if not pd.isna(row.get("typical_months")) else math.nan,
    )


def two_part_effect(two_part: pd.DataFrame, term: str) -> Effect:
    """The two-part model's effect of `term` on the expected imposed sentence in months (zeros included)."""
    row = _one(two_part[two_part["term"] == term], f"tweedelig {term}")
    note = "" if pd.isna(row.get("note")) else str(row["note"])
    months = None if note.startswith(NOT_ESTIMABLE) or pd.isna(row["estimate"]) else _estimate(row)
    return Effect(str(row["model"]), term, "maanden", None, months, int(row["n"]), None, note)


def effect_text(e: Effect, *, level: float | None = 0.95) -> str:
    """The relative effect in words and numbers: "+39,7% (95%-BI +14,5% tot +70,5%)", an odds ratio, or
    "niet te schatten"."""
    if e.relative is None:
        return NOT_ESTIMABLE
    r = e.relative
    if e.scale == "odds ratio":
        return f"odds ratio {format_ci(r.value, r.low, r.high, 2, level=level)}"
    return format_ci(r.value, r.low, r.high, 1, percent=True, signed=True, level=level)


def months_text(e: Effect, *, level: float | None = 0.95) -> str:
    """The effect in months: "+11,7 maanden (95%-BI +4,3 tot +20,8)"; "–" when there is none."""
    if e.months is None:
        return NOT_ESTIMABLE if e.note.startswith(NOT_ESTIMABLE) else MISSING
    m = e.months
    return format_ci(m.value, m.low, m.high, 1, signed=True, unit="maanden", level=level)


def direction(e: Effect) -> str:
    """Dutch: what the interval says about the effect's sign."""
    if e.relative is None and e.months is None:
        return NOT_ESTIMABLE
    r = e.relative if e.relative is not None else e.months
    assert r is not None
    null = 1.0 if e.scale == "odds ratio" else 0.0
    if r.low > null:
        return "hoger" if e.scale != "odds ratio" else "grotere kans"
    if r.high < null:
        return "lager" if e.scale != "odds ratio" else "kleinere kans"
    return "niet van nul te onderscheiden" if e.scale != "odds ratio" else "niet van 1 te onderscheiden"


def association(e: Effect, noun: str) -> str:
    """The effect as a verb phrase on `noun` ("eis", "straf"), decided by its interval: "gaat samen met een
    hogere eis", "… een lagere straf", "gaat niet aantoonbaar samen met een hogere of lagere straf" (interval
    includes 0) or "is niet te schatten"."""
    word = direction(e)
    if word in ("hoger", "grotere kans"):
        return f"gaat samen met een hogere {noun}"
    if word in ("lager", "kleinere kans"):
        return f"gaat samen met een lagere {noun}"
    if word == NOT_ESTIMABLE:
        return f"heeft een niet te schatten effect op de {noun}"
    return f"gaat niet aantoonbaar samen met een hogere of lagere {noun}"


def second_association(first: Effect, second: Effect, noun: str, subject: str) -> str:
    """The start of a sentence on `second` after one on `first`: "Dat geldt ook voor {subject}" when the
    intervals say the same, else "{Subject} daarentegen {association}"."""
    if direction(first) == direction(second):
        return f"Dat geldt ook voor {subject}"
    return f"{subject[:1].upper()}{subject[1:]} daarentegen {association(second, noun)}"


def two_part_sentence(e: Effect, subject: str, *, level: float = 0.95) -> str:
    """One sentence on the two-part effect (months, zeros included), or why it cannot be estimated."""
    if e.months is None:
        reason = e.note.split(":", 1)[1].strip() if ":" in e.note else e.note
        return f"Voor {subject} is dit effect niet te schatten ({reason})."
    return f"Voor {subject} is het effect {months_text(e, level=level)}."


def power_alpha(power: pd.DataFrame, level: float = 0.95) -> float:
    """The two-sided significance level behind the MDEs: from MDE = (z(1 − α/2) + z(power)) × SE; 1 − level
    when no MDE could be computed."""
    from scipy.stats import norm

    if power.empty:
        return round(1 - level, 4)
    row = power.iloc[0]
    z_alpha = float(row["mde_log"]) / float(row["std_error"]) - float(norm.ppf(float(row["power"])))
    return round(float(2 * (1 - norm.cdf(z_alpha))), 4)


EFFECT_MODELS = (
    ("1_eis", "1 Strafeis"),
    ("2_vrijspraak", "2 Vrijspraak"),
    ("3_opgelegd", "3 Opgelegd, gegeven de eis"),
    ("4_tweedelig", "4 Tweedelig, verwachte straf"),
    ("5_mediaan", "5 Mediaan, gegeven de eis"),
)


def effects_table(effects: pd.DataFrame, two_part: pd.DataFrame, level: float = 0.95) -> pd.DataFrame:
    """The effects of a minor and of an intellectually disabled victim in models 1–5: relative effect and
    months, each with its interval, and n (with the characteristic). A bold row names the characteristic."""
    interval = ci_label(level)
    rows = []
    for term in ("minor", "disabled"):
        rows.append({"Model": f"**{TERM_LABELS[term]}**", "Effect": "", interval: "", "Maanden": "",
                     f"{interval} ": "", "n (met)": ""})
        for model, label in EFFECT_MODELS:
            e = two_part_effect(two_part, term) if model == "4_tweedelig" else effect(effects, model, term)
            with_term = e.n_with
            if with_term is None:  # the two-part effect has no count of its own: take it from part 1
                part = effects[(effects["model"] == "4a_tweedelig_kans") & (effects["term"] == term)]
                with_term = int(part["n_with"].iloc[0]) if len(part) else None
            r, m = e.relative, e.months
            if r is None:
                relative, relative_ci = (NOT_ESTIMABLE if model != "4_tweedelig" else MISSING), ""
            elif e.scale == "odds ratio":
                relative, relative_ci = f"OR {format_number(r.value, 2)}", format_range(r.low, r.high, 2)
            else:
                relative = format_signed(r.value, 1, percent=True)
                relative_ci = format_range(r.low * 100, r.high * 100, 1, signed=True)
            if m is None:
                months, months_ci = (NOT_ESTIMABLE if e.note.startswith(NOT_ESTIMABLE) else MISSING), ""
            else:
                months, months_ci = format_signed(m.value, 1), format_range(m.low, m.high, 1, signed=True)
            rows.append({
                "Model": label,
                "Effect": relative,
                interval: relative_ci,
                "Maanden": months,
                f"{interval} ": months_ci,
                "n (met)": f"{format_number(e.n)} ({format_number(with_term)})",
            })
    return pd.DataFrame(rows)


def typical_months(effects: pd.DataFrame) -> dict[str, float]:
    """The typical value (median outcome, months) at which each model's effect in months is evaluated."""
    if "typical_months" not in effects.columns:
        return {}
    rows = effects.dropna(subset=["typical_months"]).drop_duplicates("model")
    return {str(r.model): float(r.typical_months) for r in rows.itertuples()}


@dataclass(frozen=True)
class MultipleTesting:
    """How many focus coefficients were tested and how many pass 0.05 and a Bonferroni threshold."""

    tests: int
    alpha: float
    threshold: float  # alpha / tests
    significant: int  # p < alpha
    significant_adjusted: int  # p < threshold


def multiple_testing(effects: pd.DataFrame, alpha: float = 0.05) -> MultipleTesting:
    p = effects["p"].dropna().astype(float) if "p" in effects.columns else pd.Series(dtype=float)
    threshold = alpha / len(p) if len(p) else math.nan
    return MultipleTesting(int(len(p)), alpha, threshold, int((p < alpha).sum()), int((p < threshold).sum()))


def minimum_detectable(power: pd.DataFrame, model: str, term: str) -> tuple[float, str, int, int]:
    """(MDE, scale, n, n_with) of one focus coefficient; MDE as a fraction for "% verandering"."""
    row = _one(power[(power["model"] == model) & (power["term"] == term)], f"MDE {model}/{term}")
    scale = str(row["mde_scale"])
    value = float(row["mde"]) / 100 if scale == "% verandering" else float(row["mde"])
    return value, scale, int(row["n"]), int(row["n_with"])


def mde_text(value: float, scale: str) -> str:
    return format_percent(value) if scale == "% verandering" else f"odds ratio {format_number(value, 1)}"


def power_table(power: pd.DataFrame) -> pd.DataFrame:
    """The MDE per model and characteristic; one explaining row when no model could be estimated."""
    if power.empty:
        return pd.DataFrame([{"Model": "1–5", "Kenmerk": "beide", "n (met)": MISSING, "SE": MISSING,
                              "Minimaal aantoonbaar effect": f"{NOT_ESTIMABLE}: geen model geschat"}])
    rows = []
    for r in power.itertuples():
        value, scale, n, n_with = minimum_detectable(power, r.model, r.term)
        rows.append({
            "Model": str(r.model_label).split(" ", 1)[0].rstrip("."),
            "Kenmerk": TERM_SHORT.get(str(r.term), str(r.term_label)),
            "n (met)": f"{format_number(n)} ({format_number(n_with)})",
            "SE": format_number(float(r.std_error), 3),
            "Minimaal aantoonbaar effect": mde_text(value, scale),
        })
    return pd.DataFrame(rows)


def model_labels(effects: pd.DataFrame) -> dict[str, str]:
    """Model id -> its Dutch label ("1_eis" -> "1. Strafeis (log maanden, OLS)")."""
    return {str(r.model): str(r.model_label) for r in effects.drop_duplicates("model").itertuples()}


def coefficient_table(
    coefficients: pd.DataFrame, model: str, spec: str = "hoofdanalyse", level: float = 0.95
) -> pd.DataFrame:
    """All coefficients of one model: term, b (model scale), interval, exp(b), p. A term (or the whole model)
    that could not be estimated has "niet te schatten" in the column b; `model_status_notes` gives the reason."""
    rows = coefficients[(coefficients["model"] == model) & (coefficients["spec"] == spec)]
    if rows.empty:
        raise KeyError(f"geen coëfficiënten voor model {model} ({spec})")
    columns = ["term_label", "estimate", "ci_low", "ci_high", "exp_estimate", "p"]
    rows = rows.reindex(columns=[*rows.columns, *(c for c in columns if c not in rows.columns)])
    estimated = _estimated(rows)
    blank = lambda values, ok: [v if good else "" for v, good in zip(values, ok)]  # noqa: E731
    return pd.DataFrame({
        "Term": [escape_markdown(t) for t in rows["term_label"]],
        "b": [format_number(v, 3) if ok else NOT_ESTIMABLE for v, ok in zip(rows["estimate"], estimated)],
        ci_label(level): blank([format_range(a, b, 3) for a, b in zip(rows["ci_low"], rows["ci_high"])], estimated),
        "exp(b)": blank([format_number(v, 2) for v in rows["exp_estimate"]], estimated),
        "p": blank([format_p(p).removeprefix("p ").removeprefix("= ") for p in rows["p"]], estimated),
    })


def _estimated(rows: pd.DataFrame) -> list[bool]:
    """Per row: whether it holds an estimate (results without a status column hold only estimates)."""
    if "status" not in rows.columns:
        return [True] * len(rows)
    return [str(s) != NOT_ESTIMABLE for s in rows["status"]]


def model_estimated(coefficients: pd.DataFrame, model: str, spec: str = "hoofdanalyse") -> bool:
    """Whether the model as a whole was estimated."""
    rows = coefficients[(coefficients["model"] == model) & (coefficients["spec"] == spec)]
    return any(_estimated(rows))


def model_status_notes(coefficients: pd.DataFrame, model: str, spec: str = "hoofdanalyse") -> list[str]:
    """The reasons behind every "niet te schatten" of one model's table, as notes."""
    rows = coefficients[(coefficients["model"] == model) & (coefficients["spec"] == spec)]
    notes = []
    for row, ok in zip(rows.itertuples(), _estimated(rows)):
        if ok:
            continue
        why = escape_markdown(str(row.reason))
        if not isinstance(row.term, str) or not row.term:
            notes.append(f"Het model is {NOT_ESTIMABLE}: {why}. Er is geen enkele coëfficiënt geschat.")
        else:
            notes.append(f"{escape_markdown(row.term_label)}: weggelaten uit het model, {why}.")
    return notes


def model_sample(coefficients: pd.DataFrame, model: str, spec: str = "hoofdanalyse") -> tuple[int, int, str]:
    """(n defendants, n cases, formula) of one model."""
    row = coefficients[(coefficients["model"] == model) & (coefficients["spec"] == spec)].iloc[0]
    return int(row["n"]), int(row["n_clusters"]), str(row["formula"])


def sensitivity_table(sensitivity: pd.DataFrame) -> pd.DataFrame:
    """Model 3's focus effects under every sensitivity variant, one row per variant: % change (interval), n."""
    rows = []
    for spec, group in sensitivity.groupby("spec", sort=False):
        row: dict[str, Any] = {"Variant": escape_markdown(spec)}
        for term in ("minor", "disabled"):
            match = group[group["term"] == term]
            if match.empty:
                row[TERM_SHORT[term]] = MISSING
                continue
            r = match.iloc[0]
            if not _estimated(match.iloc[:1])[0]:
                row[TERM_SHORT[term]] = NOT_ESTIMABLE
                continue
            row[TERM_SHORT[term]] = format_ci(
                (float(r["exp_estimate"]) - 1) * 100, (float(r["exp_ci_low"]) - 1) * 100,
                (float(r["exp_ci_high"]) - 1) * 100, 1, signed=True, level=None,
            )
        row["n"] = int(group["n"].max())
        rows.append(row)
    return pd.DataFrame(rows)


def sensitivity_notes(sensitivity: pd.DataFrame) -> list[str]:
    """Why each variant that shows "niet te schatten" could not be estimated."""
    notes = []
    for spec, group in sensitivity.groupby("spec", sort=False):
        reasons = list(dict.fromkeys(str(r) for r, ok in zip(group.get("reason", []), _estimated(group)) if not ok))
        if reasons:
            notes.append(f"{escape_markdown(spec)}: {NOT_ESTIMABLE}, {escape_markdown('; '.join(reasons))}.")
    return notes


def sensitivity_range(sensitivity: pd.DataFrame, term: str) -> Estimate:
    """The smallest and largest point estimate (as fraction change) of `term` over the variants in which it
    was estimated (n: their number)."""
    rows = sensitivity[sensitivity["term"] == term]
    if "exp_estimate" not in rows.columns:
        return Estimate(float("nan"), float("nan"), float("nan"), 0)
    values = rows.loc[_estimated(rows), "exp_estimate"].astype(float) - 1
    return Estimate(float("nan"), float(values.min()), float(values.max()), int(len(values)))


# ----------------------------------------------------------------------------------------------------------
# What cannot be estimated
# ----------------------------------------------------------------------------------------------------------


def reason(e: Effect) -> str:
    """Why the effect is not estimable, without the "niet te schatten: " prefix ("" when it is estimable)."""
    return e.note.split(":", 1)[1].strip() if e.note.startswith(NOT_ESTIMABLE) and ":" in e.note else ""


def effect_or_reason(e: Effect, *, level: float | None = 0.95) -> str:
    """The relative effect with its interval, or "niet te schatten (reason)"."""
    if e.relative is None:
        why = reason(e)
        return f"{NOT_ESTIMABLE} ({why})" if why else NOT_ESTIMABLE
    return effect_text(e, level=level)


def estimable(*effects: Effect) -> bool:
    return all(e.relative is not None for e in effects)


def not_estimable_paragraph(title: str, first: Effect, second: Effect) -> str:
    """A paragraph on a model whose focus effects (one or both) cannot be estimated: "*title* Het model is niet
    te schatten: reason." or one clause per characteristic."""
    if first.relative is None and second.relative is None and reason(first) == reason(second):
        return f"{title} Dit model is {NOT_ESTIMABLE}: {reason(first)}."
    parts = [f"{'een minderjarig' if e.term == 'minor' else 'een verstandelijk beperkt'} slachtoffer: "
             f"{effect_or_reason(e)}" for e in (first, second)]
    return f"{title} Het effect van {parts[0]}; van {parts[1]}."


def not_estimable_notes(effects: pd.DataFrame, two_part: pd.DataFrame) -> list[str]:
    """One note per model with a focus effect that cannot be estimated: "Model 1: niet te schatten: …"."""
    notes: dict[str, list[str]] = {}
    frames = [effects[["model", "term", "note"]] if len(effects) else pd.DataFrame(columns=["model", "term", "note"]),
              two_part[["model", "term", "note"]] if len(two_part) else pd.DataFrame(columns=["model", "term", "note"])]
    for row in pd.concat(frames, ignore_index=True).itertuples():
        note = "" if pd.isna(row.note) else str(row.note)
        if not note.startswith(NOT_ESTIMABLE):
            continue
        number = str(row.model).split("_", 1)[0]
        if number in ("4a", "4b"):  # the table shows model 4 as a whole (its own row and reason)
            continue
        text = note.split(":", 1)[1].strip()
        entry = f"{TERM_SHORT.get(str(row.term), str(row.term))}: {text}"
        notes.setdefault(number, [])
        if entry not in notes[number]:
            notes[number].append(entry)
    lines = []
    for number, entries in notes.items():
        reasons = {e.split(": ", 1)[1] for e in entries}
        body = entries[0].split(": ", 1)[1] if len(reasons) == 1 and len(entries) == 2 else "; ".join(entries)
        lines.append(f"Model {number}, {NOT_ESTIMABLE}: {escape_markdown(body)}.")
    return lines


def power_fallback(mde: dict, n_defendants: int) -> str:
    """Paragraph 8's first paragraph when models 1 and 3 have no minimum detectable effect for both
    characteristics (a model or term that cannot be estimated has no standard error)."""
    known = [(model, term) for model, term in (("3_opgelegd", "minor"), ("3_opgelegd", "disabled"),
                                               ("1_eis", "minor"), ("1_eis", "disabled")) if (model, term) in mde]
    who = f"{format_number(n_defendants)} {'verdachte' if n_defendants == 1 else 'verdachten'}"
    text = (f"Een onderzoek naar {who} kan grote verschillen aantonen, kleine niet. Hoe groot een effect minstens "
            "moet zijn om het te kunnen aantonen (het minimaal aantoonbare effect), volgt uit de standaardfout van het "
            "model. ")
    if not known:
        return text + ("Omdat de modellen 1 en 3 met deze gegevens niet te schatten zijn (paragraaf 7), is ook die "
                       "grens niet te berekenen: over de effecten van een minderjarig of verstandelijk beperkt "
                       "slachtoffer zegt dit onderzoek daarom niets, ook niet dat ze ontbreken.")
    parts = [f"{mde_text(*mde[k][:2])} voor {'de straf gegeven de eis (model 3)' if k[0] == '3_opgelegd' else 'de eis (model 1)'}"
             f" bij een {'minderjarig' if k[1] == 'minor' else 'verstandelijk beperkt'} slachtoffer" for k in known]
    return text + ("Waar het te schatten is, is dat " + "; ".join(parts) + ". Voor de andere combinaties is het "
                   "model of het kenmerk niet te schatten (paragraaf 7). «Niet significant» betekent hier dus: niet "
                   "aan te tonen en niet uit te sluiten.")


def sample_sentence(eff: dict, n_defendants: int) -> str:
    """How many defendants each model rests on, when model 3 has no MDE for a disabled victim."""
    first, third = eff["1_eis", "minor"], eff["3_opgelegd", "minor"]
    return (f"De modellen gebruiken bovendien alleen verdachten van wie alle kenmerken bekend zijn: model 1 berust op "
            f"{format_number(first.n)} van de {format_number(n_defendants)} "
            f"{'verdachte' if n_defendants == 1 else 'verdachten'}, model 3 op {format_number(third.n)} (alleen "
            "bewezen zaken met een straf boven nul). Onder de minimale aantallen van de bijlage (M10) wordt geen model "
            "geschat.")


def no_tests_sentence() -> str:
    return ("Geen enkel effect van een minderjarig of verstandelijk beperkt slachtoffer was te schatten; er is dus "
            "ook niets getoetst, en een correctie voor meervoudig toetsen is niet nodig. De gepubliceerde uitspraken "
            "zijn bovendien een selectie van alle uitspraken; de intervallen beschrijven de onzekerheid binnen deze "
            "verzameling, niet de gevolgen van die selectie.")


def conclusion_fallback(claim: Any, eff: dict, mde: dict) -> str:
    """The conclusion's paragraph on the decomposition and the effects when some of them cannot be estimated."""
    if claim.has_interval:
        shift = (f"De verschuiving naar links komt voor {format_ci(claim.full.value, claim.full.low, claim.full.high, percent=True)} "
                 f"door volledige vrijspraken, voor {format_percent(claim.partial.value)} door partiële vrijspraken en "
                 f"voor {format_percent(claim.discount.value)} door de korting bij bewezenverklaring: {claim.short}.")
    else:
        shift = (f"Volledige vrijspraken verklaren {format_percent(claim.full.value)} van het verschil tussen eis en "
                 f"straf, partiële vrijspraken {format_percent(claim.partial.value)} en de korting bij "
                 f"bewezenverklaring {format_percent(claim.discount.value)}; {claim.short}.")
    first, third = eff["1_eis", "minor"], eff["3_opgelegd", "minor"]
    if first.relative is None and third.relative is None:
        effects = ("Of een minderjarig of verstandelijk beperkt slachtoffer samengaat met een hogere eis of straf, is "
                   "met deze gegevens niet te schatten (paragraaf 7).")
    else:
        effects = (f"Een minderjarig slachtoffer {association(first, 'eis')}; het "
                   f"{association(third, 'straf bij gelijke eis')}.")
    limit = (f" Wat dit onderzoek kan aantonen, is echter beperkt: effecten op de straf kleiner dan "
             f"{mde_text(*mde['3_opgelegd', 'minor'][:2])} blijven buiten bereik."
             if ("3_opgelegd", "minor") in mde else " Wat dit onderzoek over die omstandigheden kan aantonen, is dus "
             "niets: daarvoor zijn meer uitspraken nodig.")
    return f"{shift} {effects}{limit}"


def sensitivity_fallback(minor: Estimate, disabled: Estimate) -> str:
    """The sentence on the sensitivity variants when a focus effect is estimable in none of them."""
    parts = []
    for name, r in (("een minderjarig slachtoffer", minor), ("een verstandelijk beperkt slachtoffer", disabled)):
        if r.n:
            parts.append(f"het effect van {name} loopt over de {format_number(r.n)} te schatten varianten van "
                         f"{format_signed(r.low, 1, percent=True)} tot {format_signed(r.high, 1, percent=True)}")
        else:
            parts.append(f"het effect van {name} is in geen enkele variant te schatten")
    text = "; ".join(parts)
    return f"In de varianten van model 3 geldt: {text} (@tbl-gevoeligheid)."


def months_note(typical: dict[str, float]) -> str:
    """The note on the column "Maanden" of the effects table: at which typical values the effects are evaluated."""
    if "1_eis" in typical and "3_opgelegd" in typical:
        return (f"Maanden: het effect bij de mediane eis ({format_number(typical['1_eis'], 1)} maanden; model 1) of "
                f"de mediane opgelegde straf ({format_number(typical['3_opgelegd'], 1)} maanden; modellen 3 en 5); bij "
                "model 4 het gemiddelde effect op de verwachte straf met vrijspraken als nul.")
    return ("Maanden: het effect bij de mediane eis of straf in het model; bij model 4 het gemiddelde effect op de "
            "verwachte straf met vrijspraken als nul. Waar een model niet te schatten is, is er ook geen effect in "
            "maanden.")
