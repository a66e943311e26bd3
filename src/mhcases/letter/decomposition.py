"""The left shift decomposed (paragraph 6): Shapley shares and the test of the letter's claim."""

from __future__ import annotations

import math

from dataclasses import dataclass

import pandas as pd

from mhcases.present import (
    format_ci,
    format_number,
    format_percent,
)
from mhcases.letter.results import Estimate, _estimate, _one
from mhcases.letter.tables import share


COMPONENTS = ("volledige vrijspraak", "partiële vrijspraak", "korting bij bewezenverklaring")
SUBSTANTIAL = 0.25  # a contribution "in belangrijke mate": at least a quarter of the gap (our reading of the letter)
MAJOR = 0.5  # a contribution "grotendeels": more than half of the gap


def decomposition_estimate(decomposition: pd.DataFrame, maat: str, measure: str) -> Estimate:
    """One row of decompositie.csv: `maat` "gemiddelde" or "mediaan"; `measure` "kloof", a component, or
    "aandeel <component>" (a fraction of the gap)."""
    rows = decomposition[(decomposition["maat"] == maat) & (decomposition["measure"] == measure)]
    return _estimate(_one(rows, f"decompositie {maat}/{measure}"))


def decomposition_table(decomposition: pd.DataFrame) -> pd.DataFrame:
    """The Shapley decomposition of the gap for the mean and the median: months and share of the gap, each
    "estimate (interval)"."""
    rows = []
    for measure in ("kloof", *COMPONENTS):
        row: dict[str, str] = {"Onderdeel": "totaal verschil (eis − opgelegd)" if measure == "kloof" else measure}
        for maat, short in (("gemiddelde", "Gemiddelde"), ("mediaan", "Mediaan")):
            months = decomposition_estimate(decomposition, maat, measure)
            row[f"{short}: maanden"] = format_ci(months.value, months.low, months.high, 1, level=None)
            if measure == "kloof":
                row[f"{short}: aandeel (%)"] = format_number(100)
            else:
                part = decomposition_estimate(decomposition, maat, f"aandeel {measure}")
                row[f"{short}: aandeel (%)"] = format_ci(part.value * 100, part.low * 100, part.high * 100, level=None)
        rows.append(row)
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class Claim:
    """The letter's claim that the left shift is "in belangrijke mate" due to acquittals, tested.

    `verdict`: "grotendeels" (interval of the share of acquittals, full and partial together, above MAJOR),
    "in belangrijke mate" (above SUBSTANTIAL), "onzeker" (interval straddles SUBSTANTIAL) or "niet" (below it).
    """

    verdict: str
    full: Estimate  # share of the gap due to full acquittals
    partial: Estimate  # share due to partial acquittals
    both: Estimate  # share due to acquittals, full and partial together (the letter's claim)
    discount: Estimate  # share due to the discount among proven cases
    sentence: str  # Dutch: the verdict in words, with the numbers

    @property
    def has_interval(self) -> bool:
        """Whether the joint share has an interval (not when there are too few cases for a bootstrap)."""
        return not (math.isnan(self.both.low) or math.isnan(self.both.high))

    @property
    def short(self) -> str:
        """The verdict as a clause: "de bewering van de brief houdt stand", …"""
        return {
            "grotendeels": "de bewering van de brief houdt stand: vrijspraken verklaren het grootste deel",
            "in belangrijke mate": "de bewering van de brief dat dit «in belangrijke mate» door vrijspraken komt, "
            "houdt stand",
            "onzeker": "of dit «in belangrijke mate» door vrijspraken komt, is met deze gegevens niet te zeggen",
            "niet": "de bewering van de brief dat dit «in belangrijke mate» door vrijspraken komt, houdt geen stand",
        }[self.verdict]


def acquittal_claim(
    decomposition: pd.DataFrame,
    maat: str = "gemiddelde",
    *,
    substantial: float = SUBSTANTIAL,
    major: float = MAJOR,
    level: float = 0.95,
) -> Claim:
    """Does the decomposition support "in belangrijke mate door vrijspraken"? The letter means full and partial
    acquittals ("volledig en gedeeltelijke vrijspraken"), so the word choice is decided by the interval of their
    joint share, against the thresholds `substantial` and `major`."""
    full = decomposition_estimate(decomposition, maat, "aandeel volledige vrijspraak")
    partial = decomposition_estimate(decomposition, maat, "aandeel partiële vrijspraak")
    both = decomposition_estimate(decomposition, maat, "aandeel vrijspraken samen")
    discount = decomposition_estimate(decomposition, maat, "aandeel korting bij bewezenverklaring")
    threshold = format_percent(substantial)
    if both.low >= major:
        verdict = "grotendeels"
        judgement = (
            "De bewering van de brief houdt in deze gegevens stand, en sterker: vrijspraken verklaren samen "
            "het grootste deel van het verschil (ook de ondergrens van het interval ligt boven "
            f"{format_percent(major)})."
        )
    elif both.low >= substantial:
        verdict = "in belangrijke mate"
        judgement = (
            "De bewering van de brief dat de verschuiving «in belangrijke mate» door vrijspraken komt, houdt in deze "
            f"gegevens stand: ook de ondergrens van het interval ligt op of boven {threshold}, de drempel die wij "
            "voor «in belangrijke mate» hanteren."
        )
    elif both.high < substantial:
        verdict = "niet"
        judgement = (
            "De bewering van de brief dat de verschuiving «in belangrijke mate» door vrijspraken komt, houdt in deze "
            f"gegevens geen stand: zelfs de bovengrens van het interval ligt onder {threshold}, de drempel die wij "
            "voor «in belangrijke mate» hanteren."
        )
    elif math.isnan(both.low) or math.isnan(both.high):
        verdict = "onzeker"
        judgement = (
            "Of de verschuiving «in belangrijke mate» door vrijspraken komt, is met deze gegevens niet te zeggen: "
            "er zijn te weinig zaken voor een betrouwbaarheidsinterval (bijlage, M10)."
        )
    else:
        verdict = "onzeker"
        judgement = (
            "Of de verschuiving «in belangrijke mate» door vrijspraken komt, is met deze gegevens niet te zeggen: "
            f"het interval loopt van onder tot boven {threshold}, de drempel die wij voor «in belangrijke mate» "
            "hanteren."
        )
    acquittals = both.value
    if discount.value > acquittals:
        largest = (
            "De grootste bijdrage komt echter niet van vrijspraken maar van de korting op de eis bij "
            f"bewezenverklaring: {format_ci(discount.value, discount.low, discount.high, percent=True, level=level)}."
        )
    else:
        largest = (
            f"Vrijspraken samen (volledig en partieel, {format_percent(acquittals)}) dragen meer bij dan de korting "
            f"op de eis bij bewezenverklaring ({format_percent(discount.value)})."
        )
    what = "de gemiddelde" if maat == "gemiddelde" else "de mediane"
    sentence = (
        f"Volledige vrijspraken verklaren "
        f"{format_ci(full.value, full.low, full.high, percent=True, level=level)} van het verschil tussen {what} "
        f"eis en {what} opgelegde straf, partiële vrijspraken "
        f"{format_ci(partial.value, partial.low, partial.high, percent=True, level=level)}; samen "
        f"{format_ci(both.value, both.low, both.high, percent=True, level=level)}. {judgement} {largest}"
    )
    return Claim(verdict, full, partial, both, discount, sentence)


def counterfactual_summary(counterfactual: pd.DataFrame) -> pd.DataFrame:
    """Mean and median of the demand, the imposed sentence and the two counterfactuals (months; rows "gemiddelde",
    "mediaan"; columns eis, opgelegd, zonder_volledige_vrijspraken, zonder_vrijspraken)."""
    columns = ["eis", "opgelegd", "zonder_volledige_vrijspraken", "zonder_vrijspraken"]
    data = counterfactual[columns].astype(float)
    return pd.DataFrame({"gemiddelde": data.mean(), "mediaan": data.median()}).T


def decomposition_sample(n: int, pairs: int) -> str:
    """The parenthesis on who the decomposition covers: "n = 126; de 24 verdachten voor wie …" (counts in Dutch
    for one; no clause when every pair has a positive demand)."""
    left = pairs - n
    if left == 0:
        return f"n = {format_number(n)}"
    who = "de verdachte" if left == 1 else f"de {format_number(left)} verdachten"
    verb = "telt" if left == 1 else "tellen"
    return (f"n = {format_number(n)}; {who} voor wie geen onvoorwaardelijke vrijheidsstraf is geëist, {verb} hier "
            "niet mee: bij een eis van nul maanden valt niets te ontleden")
