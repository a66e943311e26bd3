"""Parser for Dutch sentencing phrases (strafeis / strafoplegging) in the coding sheet.

The coding sheet's `demand` and `sentence` columns describe sanctions in the wording of real
Dutch verdicts ("gevangenisstraf voor de duur van 30 maanden, waarvan 10 maanden voorwaardelijk
met een proeftijd van 2 jaren"). `parse_sanction` turns one such cell into numbers.

The parser never guesses. The whole cell must be understood: it is read as a sequence of known
components (vrijheidsstraf, taakstraf, geldboete, maatregel, ignored phrases) joined by known
separators (", ", " en ", "; ", " alsmede ", " + "). Any fragment that is not understood, and any
combination that cannot be represented without guessing (two unconditional prison terms, a
conditional part larger than the total, a proeftijd without a conditional part, ...), gives
status "unparsed" with a short Dutch reason naming the problem.

Matching is case-insensitive, whitespace-insensitive and diacritic-insensitive ("tweeënveertig"
== "tweeenveertig"). All regular expressions are compiled once, at import.

Supported forms (examples; numbers may be digits, decimals "2,5"/"2.5", Dutch number words, or
digits followed by the number in words in parentheses, "42 (tweeënveertig) maanden"):

Status
    "onbekend", "niet bekend", "" and None                        -> "unknown"
    "vrijspraak", "vrijspraak gevorderd", "vrijspraak van mensenhandel",
    "algehele vrijspraak", "vrijspraak van het (primair) ten laste gelegde" -> "acquittal"
    "ontslag van (alle) rechtsvervolging" (optionally "... gevorderd") -> "discharge"

Vrijheidsstraf (gevangenisstraf, jeugddetentie, hechtenis)
    "(een) gevangenisstraf voor de duur van 30 maanden"   also "van", "ter duur van", "voor"
    "18 maanden gevangenisstraf"
    "(on)voorwaardelijke gevangenisstraf van 6 maanden"   "voorwaardelijke" = fully conditional
    "gevangenisstraf van 6 maanden voorwaardelijk"        (fully conditional)
    ", waarvan 10 maanden voorwaardelijk" / "waarvan 8 maanden niet ten uitvoer zal worden gelegd"
    / "waarvan een gedeelte, groot 8 maanden, voorwaardelijk"  (the first number is the TOTAL)
    "(,) met een proeftijd van 2 jaren" (also "onder/bij/en een proeftijd van")
    "jeugddetentie voor de duur van het voorarrest", "jeugddetentie gelijk aan (de duur van) het
    voorarrest", "... gelijk aan de in voorarrest doorgebrachte tijd"
        -> unconditional_equals_pretrial=True, unconditional_months None
    A separate unconditional and conditional sentence of the same kind are combined:
    "gevangenisstraf van 12 maanden en voorwaardelijke gevangenisstraf van 6 maanden ..."

Durations
    dag/dagen, week/weken, maand/maanden/mnd, jaar/jaren/jr; compound with " en " in
    descending units ("1 jaar en 6 maanden"); "anderhalf jaar", "anderhalve maand",
    "(een) half jaar", "één jaar", "twaalf maanden", "2,5 jaar", "2.5 jaar".
    A decimal with exactly three digits after the separator ("1.000") is ambiguous -> unparsed.

Taakstraf
    "(een) taakstraf van 240 uren" / "werkstraf van 120 uur" / "taakstraf voor de duur van 240 uren"
    / "240 uur taakstraf"; optional ", subsidiair 60 dagen (vervangende) hechtenis" /
    "bij niet naar behoren verrichten te vervangen door 60 dagen hechtenis" (ignored, NOT detention)

Geldboete
    "geldboete van € 5.000" / "geldboete van €5.000,-" / "geldboete van 2500 euro" /
    "geldboete ter hoogte van EUR 2.500,00"; optional "subsidiair N dagen (vervangende) hechtenis"

Maatregelen (measures)
    "tbs (met dwangverpleging | met voorwaarden | met bevel tot verpleging van overheidswege)",
    "terbeschikkingstelling ...", "tbs-maatregel"                                 -> "tbs"
    "(voorwaardelijke) pij(-maatregel)", "jeugd-tbs", "(maatregel tot) plaatsing in een
    inrichting voor jeugdigen"                                                    -> "pij"
    "contactverbod", "gebiedsverbod", "contact- en gebiedsverbod",
    "vrijheidsbeperkende maatregel (contactverbod)" / ": contactverbod" /
    " in de vorm van een contactverbod"                                -> "contactverbod"/"gebiedsverbod"
    "gedragsbeïnvloedende maatregel", "gbm"                                       -> "gbm"
    "isd(-maatregel)", "(maatregel tot) plaatsing in een inrichting voor stelselmatige daders" -> "isd"
    Optional measure duration "voor (de duur van) 5 jaren" is accepted and ignored.

Decision wording (the beslissing of a verdict, as courts write it)
    The verb before a sanction: "veroordeelt (de) verdachte (voor ...) tot (een) ...", "legt (aan) verdachte op
    ...", "veroordeling van de verdachte tot ..." (a demand). Clauses may be separated by ";", ". " or ": ".
    The suspended part in a clause of its own applies to the detention before it: "bepaalt dat van deze
    gevangenisstraf een gedeelte, groot 4 (vier) maanden niet ten uitvoer zal worden gelegd, tenzij ...",
    "beveelt dat een gedeelte, groot 52 dagen, van deze gevangenisstraf niet zal worden ten uitvoer gelegd",
    "beveelt dat deze straf niet zal worden ten uitvoer gelegd" (wholly suspended); the probation in its own clause
    ("stelt daarbij een proeftijd van 2 (twee) jaren vast", "verbindt hieraan een proeftijd, die wordt gesteld op
    2 jaar") or in the clause's condition ("tenzij ... voor het einde van een proeftijd van drie jaar").
    "waarvan 3 voorwaardelijk" takes the unit of a single-unit total. Number words before digits: "twee (2)
    jaren", "twee 2 jaren". Taakstraf "bestaande uit het verrichten van onbetaalde arbeid, van 120 uren".
    Measures as verbs: "gelast dat verdachte ter beschikking wordt gesteld (en beveelt dat hij van overheidswege
    zal worden verpleegd)" (tbs), "gelast de plaatsing van verdachte in een inrichting voor stelselmatige daders"
    (isd), "maatregel als bedoeld in artikel 38v ..., inhoudende dat ... contact ..." (contact-/gebiedsverbod).
    Special conditions of a suspended part ("met als bijzondere voorwaarden ... een contactverbod met ...") are
    conditions, not measures (the text may not name another sanction).
    Not a sentence, left out when next to a sanction and marked ("geen strafoplegging", status "unparsed") when
    alone: vervangende hechtenis / jeugddetentie / gijzeling (of a taakstraf, fine or compensation order), "de tijd
    ... in mindering", "gelast de tenuitvoerlegging" of an earlier sentence, decisions on pre-trial detention,
    compensation (benadeelde partij, schadevergoedingsmaatregel), confiscation (ontneming), seized goods,
    conditions and their supervision, "verklaart niet bewezen wat meer of anders ... en spreekt daarvan vrij".
    "spreekt verdachte vrij (van ...)", "verklaart (het onder 1 ten laste gelegde) niet bewezen en spreekt
    verdachte daarvan vrij" -> "acquittal" when no sanction is imposed (next to a sanction: a partial acquittal,
    the sanction is read); "ontslaat verdachte van alle rechtsvervolging" -> "discharge".
    Marked "unparsed", never read as something simpler: art. 9a Sr ("schuldigverklaring zonder oplegging van
    straf"), a suspended fine or measure (no field for it), a suspended part larger than the term, two different
    probation periods, a probation without a suspended part.

`format_sanction` is the inverse: it writes a Sanction in the codebook's forms (docs/codebook.md par. 7), which
this parser reads back to the same numbers.

Ignored phrases: see `IGNORED_PHRASES`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

__all__ = [
    "IGNORED_PHRASES",
    "MEASURES",
    "STATUSES",
    "Sanction",
    "BAN_WORDS",
    "DICTUM_VERBS",
    "DICTUM_VERBS_TEXT",
    "RUN_IN_HEADINGS",
    "RUN_IN_HEADINGS_TEXT",
    "SANCTION_TEXT_NOT_BAN",
    "SANCTION_TEXT_NOUN",
    "SANCTION_TEXT_PART",
    "SANCTION_TEXT_TERM",
    "SANCTION_TEXT_WORD",
    "add_condition_bans",
    "ban_codes",
    "dutch_number_words",
    "format_sanction",
    "parse_duration_months",
    "parse_number",
    "parse_sanction",
]

STATUSES: tuple[str, ...] = ("parsed", "unknown", "acquittal", "discharge", "unparsed")
DETENTION_KINDS: tuple[str, ...] = ("gevangenisstraf", "jeugddetentie", "hechtenis")
COMMUNITY_SERVICE_KINDS: tuple[str, ...] = ("taakstraf", "werkstraf")
MEASURES: tuple[str, ...] = ("contactverbod", "gebiedsverbod", "gbm", "isd", "pij", "tbs")

#: Phrases that are recognised, accepted and deliberately NOT recorded in the Sanction.
IGNORED_PHRASES: tuple[str, ...] = (
    "met aftrek van (het) voorarrest",
    "met aftrek van de tijd in verzekering en (in) voorlopige hechtenis doorgebracht",
    "met aftrek van de in verzekering en voorlopige hechtenis doorgebrachte tijd",
    "schadevergoedingsmaatregel / schadevergoeding (aan het slachtoffer / de benadeelde partij), "
    "with optional amount and 'subsidiair N dagen gijzeling/hechtenis'",
    "subsidiair N dagen (vervangende) hechtenis  -- after a taakstraf, geldboete, "
    "schadevergoeding or measure (vervangende hechtenis, not detention)",
    "bij niet naar behoren verrichten te vervangen door N dagen hechtenis  -- after a taakstraf",
    "voor (de duur van) N jaren  -- the duration of a measure (contactverbod, tbs, ...)",
)

DAYS_PER_YEAR = 365.25
# months = value * multiplier / divisor, evaluated in that order so that "90 dagen" gives
# exactly 90 * 12 / 365.25 and "3 weken" exactly 3 * 7 * 12 / 365.25
_MONTHS_PER_UNIT: dict[str, tuple[float, float]] = {
    "dag": (12.0, DAYS_PER_YEAR),
    "week": (7 * 12.0, DAYS_PER_YEAR),
    "maand": (1.0, 1.0),
    "jaar": (12.0, 1.0),
}
_UNIT_RANK = {"dag": 0, "week": 1, "maand": 2, "jaar": 3}
_UNIT_CANON = {
    "dag": "dag",
    "dagen": "dag",
    "week": "week",
    "weken": "week",
    "maand": "maand",
    "maanden": "maand",
    "mnd": "maand",
    "mnd.": "maand",
    "jaar": "jaar",
    "jaren": "jaar",
    "jr": "jaar",
    "jr.": "jaar",
}


# --------------------------------------------------------------------------------------------
# Result type
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sanction:
    """The numbers in one demand/sentence cell. See the module docstring for the forms."""

    status: str  # "parsed" | "unknown" | "acquittal" | "discharge" | "unparsed"
    detention_kind: str | None = None  # "gevangenisstraf" | "jeugddetentie" | "hechtenis" | None
    unconditional_months: float | None = None  # None = no unconditional detention
    unconditional_equals_pretrial: bool = False  # "gelijk aan het voorarrest": months None
    conditional_months: float | None = None  # voorwaardelijk / niet ten uitvoer gelegd
    probation_months: float | None = None  # proeftijd
    community_service_hours: float | None = None  # taakstraf / werkstraf
    community_service_kind: str | None = None  # "taakstraf" | "werkstraf" | None
    measures: tuple[str, ...] = ()  # sorted subset of MEASURES
    fine_euros: float | None = None  # geldboete
    reason: str | None = None  # for "unparsed": Dutch explanation

    @property
    def total_detention_months(self) -> float | None:
        """Unconditional + conditional months; None if neither is present.

        Also None when the unconditional part equals the pretrial detention
        (`unconditional_equals_pretrial`): its length is unknown, so the total is unknown.
        """
        if self.unconditional_equals_pretrial:
            return None
        if self.unconditional_months is None and self.conditional_months is None:
            return None
        return (self.unconditional_months or 0.0) + (self.conditional_months or 0.0)


_UNKNOWN = Sanction(status="unknown")
_ACQUITTAL = Sanction(status="acquittal")
_DISCHARGE = Sanction(status="discharge")


def _unparsed(reason: str) -> Sanction:
    return Sanction(status="unparsed", reason=reason)


class _ParseError(Exception):
    """A definite problem inside a recognised component (carries the Dutch reason)."""


# --------------------------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------------------------

_ONES = (
    "nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen",
    "tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien",
    "achttien", "negentien",
)  # fmt: skip
_TENS = ("", "", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig")


def _words_below_100(n: int) -> str:
    if n < 20:
        return _ONES[n]
    tens, unit = divmod(n, 10)
    if unit == 0:
        return _TENS[tens]
    u = _ONES[unit]
    return u + ("ën" if u.endswith("e") else "en") + _TENS[tens]


def _words_below_1000(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    if hundreds == 0:
        return _words_below_100(rest)
    prefix = "" if hundreds == 1 else _ONES[hundreds]
    return prefix + "honderd" + (_words_below_100(rest) if rest else "")


def dutch_number_words(n: int) -> str:
    """Dutch number words for 0 <= n <= 999_999, as written in verdicts.

    1 -> "één" (standalone), 21 -> "eenentwintig", 42 -> "tweeënveertig",
    120 -> "honderdtwintig", 240 -> "tweehonderdveertig", 2500 -> "tweeduizendvijfhonderd".
    """
    if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= 999_999:
        raise ValueError(f"dutch_number_words: expected an int in 0..999999, got {n!r}")
    if n == 1:
        return "één"
    thousands, rest = divmod(n, 1000)
    if thousands == 0:
        return _words_below_1000(rest)
    prefix = "" if thousands == 1 else _words_below_1000(thousands)
    return prefix + "duizend" + (_words_below_1000(rest) if rest else "")


def _strip_diacritics(text: str) -> str:
    # Canonical decomposition only (NFD, not NFKD): compatibility characters such as
    # superscript or full-width digits are NOT turned into ASCII digits (no guessing).
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _build_word_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for n in range(1000):
        w = _strip_diacritics(_words_below_1000(n))
        table[w] = n
        if 100 <= n < 200:
            table["een" + w] = n  # "eenhonderdtwintig"
    return table


_WORD_TO_INT: dict[str, int] = _build_word_table()
_FRACTION_WORDS: dict[str, float] = {
    "anderhalf": 1.5,
    "anderhalve": 1.5,
    "half": 0.5,
    "halve": 0.5,
    "een half": 0.5,
    "een halve": 0.5,
}
_DIGITS_RE = re.compile(r"[0-9]+", re.ASCII)
_MAX_DIGITS = 9  # longer digit strings are rejected (no sentencing number is that large)


_INNER_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])", re.ASCII)


def _clean_word(word: str) -> str:
    w = word.strip().lower()
    if not w.isascii():
        w = _strip_diacritics(w)
    return _INNER_HYPHEN.sub("", w)


def _word_value(w: str) -> int | None:
    """`w` already cleaned (lowercase, no diacritics, no hyphens)."""
    if _DIGITS_RE.fullmatch(w):
        return int(w) if len(w) <= _MAX_DIGITS else None
    value = _WORD_TO_INT.get(w)
    if value is not None:
        return value
    if "duizend" in w:
        head, _, tail = w.partition("duizend")
        tail = tail.lstrip(" ")
        if head == "" or head == "een":
            high = 1
        else:
            high = _WORD_TO_INT.get(head)
            if high is None or high == 0:
                return None
        if tail == "":
            low = 0
        else:
            low = _WORD_TO_INT.get(tail)
            if low is None or low == 0:
                return None
        return high * 1000 + low
    return None


def parse_number(word: str) -> int | None:
    """Digits or Dutch number words (0..999_999) -> int; None if not a whole number.

    Case-insensitive, diacritics and hyphens optional: "42", "tweeënveertig", "tweeenveertig",
    "Achttien", "honderdtwintig", "eenhonderdtwintig", "een"/"één". "anderhalf" -> None (not an
    integer; durations accept it, see `parse_duration_months`).
    """
    if not isinstance(word, str):
        return None
    return _word_value(_clean_word(word))


# --------------------------------------------------------------------------------------------
# Text normalisation
# --------------------------------------------------------------------------------------------

_NORM_SUBS = (
    (re.compile(r"[\u2010-\u2015\u2212]"), "-"),  # dashes -> hyphen
    (re.compile(r"\s*,(?![0-9-])\s*"), ", "),  # "x ,y" -> "x, y" (not in 2,5 or 5.000,-)
    (re.compile(r"\s*;\s*"), "; "),
    (re.compile(r"\s*\+\s*"), " + "),
    (re.compile(r"\(\s+"), "("),
    (re.compile(r"\s+\)"), ")"),
    (re.compile(r"\s*:\s*"), ": "),
)


#: the first-instance judge as the subject of a dictum or a demanded order (also the verdict reader's)
COURT_WORDS: str = r"(?:rechtbank|politierechter|kinderrechter)"
_COURT = COURT_WORDS
#: what "veroordeelt verdachte tot" names when it orders compensation, not a sentence ("tot betaling aan
#: [benadeelde]", "tot het betalen van een bedrag van ...", "tot (schade)vergoeding"; "tot (het) betalen van een
#: geldboete" is a sentence), whitespace as in a verdict's text
COMPENSATION_AFTER_TOT: str = (r"(?:betaling(?!\s+van\s+een\s+geldboete)|het\s+betalen(?!\s+van\s+een\s+geldboete)"
                               r"|(?:schade)?vergoeding)")
# the verb of a demanded acquittal
_ACQUIT_VERB = r"(?:vrijgesproken|vrij te spreken|vrijspreekt|vrij zal spreken)"

# Verdict wording written in more than one way: one spelling before matching.
_VERDICT_SUBS = (
    (re.compile(r"\btenuitvoer(?= ?gelegd)"), "ten uitvoer "),  # "niet tenuitvoergelegd" -> "niet ten uitvoer gelegd"
    (re.compile(r"ten uitvoer  ?"), "ten uitvoer "),
    (re.compile(r"(?<=[a-z0-9)]) ?- ?kort gezegd ?- ?(?=[a-z:])"), " "),  # "voorwaarden -kort gezegd-: ..."
    (re.compile(r"^(?:- |\* |o |\u2022 ?|\uf0b7 ?)"), ""),  # a leading bullet
    (re.compile(r"^[0-9]{1,2}[.)] (?=[a-z])"), ""),  # a leading list number: "1. veroordeelt verdachte tot ..."
    (re.compile(r"(?<=[;:]) (?:- |\* |\u2022 ?|\uf0b7 ?)"), " "),  # a bullet after ';' or ':'
    # the verb split around its object (blind probe s10, s12, s15): "legt aan verdachte de maatregel op, strekkende tot
    # ...", "legt verdachte de maatregel op van plaatsing ..." -> "legt verdachte op de maatregel ..."
    (re.compile(r"\blegt (?:aan )?(?:de )?(?P<who>verdachte|veroordeelde) (?P<what>(?:een|de|het) (?:vrijheidsbeperkende )?"
                r"(?:maatregel|taakstraf|werkstraf|geldboete|contactverbod|gebiedsverbod)) op(?=[ ,;]|$)"),
     r"legt \g<who> op \g<what>"),
    # the demanded finding of proof in the passive before the demanded order: "(dat) de feiten 1 en 2 bewezen worden
    # verklaard en dat ..." (what follows is the demand); never a finding "niet bewezen", and kept when an acquittal
    # follows ("... bewezen wordt verklaard, en dat verdachte van het overige wordt vrijgesproken": _DEMAND_ACQUITTAL
    # reads the two together as the acquittal of a part)
    (re.compile(r"(?:^|\bdat )(?:het|de) (?:(?!straf|maatregel|boete|verbod|\bniet\b)[^;.])*? bewezen (?:wordt|worden"
                r"|zal worden|zullen worden) verklaard,? en (?=dat )(?!dat (?:(?! en dat )[^;.])*?"
                + _ACQUIT_VERB + r")"),
     ""),
    # the demand's passive: "(en) dat aan verdachte de maatregel ... wordt opgelegd" -> "oplegging van de maatregel ..."
    (re.compile(r"\bdat (?:aan (?:de )?(?:verdachte|\[verdachte\]|hem|haar)|hem|haar) (?P<what>(?:de|een|het) [^;]*?) "
                r"(?:wordt|zal worden|worden|zou worden) opgelegd\b"), r"oplegging van \g<what>"),
    # the court as the subject of the demanded order: "(en) dat de rechtbank (aan) verdachte de maatregel ... oplegt"
    (re.compile(rf"\bdat de {_COURT} (?:aan )?(?:de )?(?:verdachte|\[verdachte\]|hem|haar) (?P<what>(?:de|een|het) [^;]*?) "
                r"(?:oplegt|zal opleggen)\b"), r"oplegging van \g<what>"),
    # a list item of "(heeft gevorderd) dat de rechtbank:" with the court left out: "- aan verdachte een ... oplegt"
    (re.compile(r"(?:^|(?<=; ))(?:en )?aan (?:de )?(?:verdachte|\[verdachte\]|hem|haar) (?P<what>(?:de|een|het) [^;]*?) "
                r"(?:oplegt|zal opleggen)\b"), r"oplegging van \g<what>"),
    # the sanction as the passive's subject: "(en) dat een contactverbod (aan verdachte) wordt opgelegd", "dat de
    # maatregel van plaatsing in een inrichting voor jeugdigen wordt opgelegd", "dat (aan verdachte) tbs met
    # dwangverpleging wordt opgelegd", "dat verdachte de isd-maatregel wordt opgelegd"; not a relative clause ("dat de
    # maatregel die wordt opgelegd ...")
    (re.compile(r"\bdat (?:daarnaast |voorts |tevens |ook )?(?:(?:aan )?(?:de )?(?:verdachte|\[verdachte\]) |aan (?:hem|haar) )?"
                r"(?P<what>(?:(?:de|een|het) (?:vrijheidsbeperkende |(?:on)?voorwaardelijke )?"
                r"(?:(?:tbs|pij|isd)-?maatregel|maatregel|contactverbod|gebiedsverbod|locatieverbod|taakstraf|werkstraf"
                r"|geldboete|gevangenisstraf|jeugddetentie|terbeschikkingstelling|tbs|pij|isd)"
                r"|(?:tbs|pij|isd)(?:-?maatregel)?|terbeschikkingstelling)"
                r"\b(?:(?! die | welke | dat )[^;])*?) (?:aan (?:de )?(?:verdachte|\[verdachte\]|hem|haar) )?"
                r"(?:wordt|zal worden|worden|zou worden) opgelegd\b"), r"oplegging van \g<what>"),
    # tbs demanded in the passive: "(en) dat hij ter beschikking wordt gesteld", "dat de terbeschikkingstelling van
    # verdachte wordt gelast" (the dictum's "gelast dat verdachte ter beschikking wordt gesteld" stays as it is)
    (re.compile(r"(?<!gelast )(?<!beveelt )(?<!gelast, )(?<!beveelt, )\bdat (?:hij|zij|de verdachte|verdachte|\[verdachte\]) ter beschikking "
                r"(?:wordt|zal worden) gesteld\b"), "terbeschikkingstelling"),
    # tbs demanded as an infinitive: "(en) hem ter beschikking te stellen (met bevel tot dwangverpleging)"; only the
    # defendant as object and only before its end, a modality or a next part (never "niet ter beschikking te stellen")
    (re.compile(r"\b(?:aan )?(?:de )?(?:verdachte|\[verdachte\]|hem|haar) ter beschikking te stellen"
                r"(?=,? (?:met|onder) |[,;]|$| en )"), "terbeschikkingstelling"),
    (re.compile(r"\bdat (?:de )?terbeschikkingstelling van (?:de )?(?:verdachte|\[verdachte\]|hem|haar) "
                r"(?:wordt|zal worden) gelast\b"), "terbeschikkingstelling"),
    # the demand's infinitive with the defendant before its object: "(verdachte te veroordelen tot ... en) aan hem de
    # maatregel van terbeschikkingstelling op te leggen met dwangverpleging" -> "oplegging van de maatregel ... met ..."
    (re.compile(r"\baan (?:de )?(?:verdachte|\[verdachte\]|hem|haar) (?P<what>(?:de|een|het) [^;]*?) op te leggen(?=[ ,;]|$)"),
     r"oplegging van \g<what>"),
    # the demand's infinitive between a measure and its content: "een maatregel als bedoeld in artikel 38v Sr op te
    # leggen, te weten een contactverbod ..."
    (re.compile(r" op te leggen(?=, (?:te weten|inhoudende|strekkende|bestaande uit)\b)"), ""),
    # "een taakstraf in de vorm van een werkstraf" is a werkstraf
    (re.compile(r"\btaakstraf,? in de vorm van (?:een )?(?=werkstraf\b|leerstraf\b)"), ""),
    # common misspellings of the words themselves (not of numbers): "gevangenistraf", "voorarest"
    (re.compile(r"\bgevangenistraf\b"), "gevangenisstraf"),
    (re.compile(r"\bvoorarest\b"), "voorarrest"),
)
# a number word followed by the same number in digits: "twee (2) jaren", "twaalf (12) maanden", "twee 2 jaren"
_WORD_THEN_DIGITS = re.compile(r"(?<![a-z0-9])(?P<word>[a-z]+(?:-[a-z]+)*) (?P<open>\(?)(?P<digits>[0-9]{1,6})\)?(?= )", re.ASCII)


def _word_then_digits(m: re.Match[str]) -> str:
    value = _word_value(m.group("word").replace("-", ""))
    if value is None:
        return m.group(0)
    if value == int(m.group("digits")):
        return m.group("digits")
    if m.group("open"):  # "drie (2) jaren": keep both, in the digits-first form that reports the mismatch
        return f"{m.group('digits')} ({m.group('word')})"
    return m.group(0)


def _normalise(text: str) -> str:
    s = text.lower()
    if not s.isascii():
        s = _strip_diacritics(s)
    s = " ".join(s.split())
    for pattern, repl in _NORM_SUBS:
        s = pattern.sub(repl, s)
    for pattern, repl in _VERDICT_SUBS:
        s = pattern.sub(repl, s)
    s = _WORD_THEN_DIGITS.sub(_word_then_digits, s)
    s = s.strip()
    stripped = s.rstrip(" .,;")  # trailing sentence punctuation, unless that is all there is
    return stripped if stripped else s


# --------------------------------------------------------------------------------------------
# Regular expressions (all compiled at import)
# --------------------------------------------------------------------------------------------

_F = re.ASCII
_END = r"(?![a-z0-9])"  # a component / word must end at a word boundary
# one number: digits (optionally decimal) optionally followed by "(number words)"; or words
_NUM = (
    r"(?:[0-9]+(?:[.,][0-9]+)?(?: ?\([a-z]+(?:-[a-z]+)*\))?"
    r"|een hal(?:f|ve)|[a-z]+(?:-[a-z]+)*)"
)
_UNIT = r"(?:dagen|dag|weken|week|maanden|maand|mnd\.?|jaren|jaar|jr\.?)" + _END
_DUR = rf"{_NUM} {_UNIT}(?: en {_NUM} {_UNIT})*"
_HOURS = rf"{_NUM} (?:uren|uur){_END}"

_NUM_PART = re.compile(
    r"(?P<digits>[0-9]+(?:[.,][0-9]+)?)(?: ?\((?P<paren>[a-z-]+)\))?|(?P<word>.+)", _F
)
_DUR_PIECE = re.compile(rf"(?P<num>{_NUM}) (?P<unit>{_UNIT})", _F)
_DUR_FULL = re.compile(_DUR, _F)
_HOURS_PIECE = re.compile(rf"(?P<num>{_NUM}) (?:uren|uur)", _F)

# amounts: 5.000 / 5.000,00 / 5000 / 5000,50 ; never a bare "2.5"
_AMT = r"(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]{2})?(?![0-9]|[.,][0-9])"
_AMOUNT = (rf"(?:(?:€ ?|eur(?:o)? )(?P<a1>{_AMT})(?:,-{{1,2}})?|(?P<a2>{_AMT}) (?:euro|eur){_END})"
           r"(?: \((?:zegge:? )?[a-z -]+\))?")

_KIND = r"(?P<kind>gevangenisstraf|jeugddetentie|hechtenis)"
_ART = r"(?:(?:een|de) )?"
# the conditional marker before or after a detention: "(geheel) voorwaardelijke gevangenisstraf",
# "gevangenisstraf van 6 maanden (,) (geheel) voorwaardelijk"
_COND_PRE = r"(?P<cond>(?:geheel )?(?:on)?voorwaardelijke )?"
_COND_POST = r"(?P<post>,? (?:geheel )?(?:on)?voorwaardelijk)?"

_DET_PRE = re.compile(
    rf"{_ART}{_COND_PRE}{_KIND} "
    rf"(?:(?:voor de duur van|ter duur van|van|voor) )?(?P<dur>{_DUR}){_COND_POST}{_END}",
    _F,
)
_DET_POST = re.compile(
    rf"{_ART}(?P<dur>{_DUR}) {_COND_PRE}{_KIND}{_COND_POST}{_END}",
    _F,
)
_DET_PRETRIAL = re.compile(
    rf"{_ART}(?:onvoorwaardelijke )?{_KIND} (?:voor de duur van (?:het )?voorarrest"
    r"|gelijk aan (?:de duur van )?(?:het )?(?:door (?:hem|haar|de verdachte|verdachte) )?(?:reeds )?(?:ondergane |doorgebrachte )?"
    r"voorarrest|gelijk aan de duur van de (?:voorlopige hechtenis|inverzekeringstelling"
    r" en (?:de )?voorlopige hechtenis)"
    r"|gelijk aan de (?:in voorarrest|in verzekering en (?:in )?voorlopige hechtenis) doorgebrachte tijd)"
    rf"{_END}",
    _F,
)
# "niet ten uitvoer zal worden gelegd", "niet zal worden ten uitvoer gelegd", "niet ten uitvoer gelegd zal worden",
# "niet ten uitvoer wordt gelegd", "niet ten uitvoer gelegd hoeft te worden" (after normalisation "tenuitvoergelegd" is
# "ten uitvoer gelegd")
_NOT_EXECUTED = (
    r"niet (?:(?:zal|zullen|wordt|worden) )*(?:vooralsnog )?ten uitvoer (?:(?:zal|zullen|wordt|worden"
    r"|(?:hoeft|hoeven) te worden) )*gelegd"
    r"(?: (?:zal|zullen) worden| wordt| (?:hoeft|hoeven) te worden)?"  # "... gelegd hoeft te worden"
)
_SUB_WAARVAN = re.compile(
    rf"(?:, | |; )waarvan (?:een (?:ge)?deel(?:te)?,? (?:groot |van |te weten )?)?"
    rf"(?:(?P<dur>{_DUR})|(?P<bare>[0-9]+|[a-z]+)),? "
    rf"(?:voorwaardelijk|{_NOT_EXECUTED}){_END}",
    _F,
)
_SUB_WAARVAN_BOTH = re.compile(
    rf"(?:, | |; )waarvan (?:(?P<u1>{_DUR}) onvoorwaardelijk,? en (?P<c1>{_DUR}) (?:voorwaardelijk|{_NOT_EXECUTED})"
    rf"|(?P<c2>{_DUR}) voorwaardelijk,? en (?P<u2>{_DUR}) onvoorwaardelijk){_END}",
    _F,
)
_SUB_PROEF = re.compile(
    rf"(?:, | |; )(?:(?:en|alsmede) )?(?:(?:met|onder|bij) )?(?:een )?proeftijd (?:van )?(?P<dur>{_DUR})",
    _F,
)
_SUB_AFTREK = re.compile(
    r"(?:, | )(?:en )?(?:met|zonder) aftrek(?: van (?:het voorarrest|voorarrest|de voorlopige hechtenis"
    r"|de tijd (?:(?:die|welke) )?[^;]*?doorgebracht"
    r"|de in (?:voorarrest|verzekering en (?:in )?voorlopige hechtenis) doorgebrachte tijd)"
    r"| overeenkomstig (?:artikel|art\.?) 27(?: van het wetboek van strafrecht| sr)?)?"
    r"(?:,? (?:naar rato|naar de maatstaf) van [^;,]*? per dag)?"
    r"(?: \((?:art(?:ikel|\.)? ?)?27(?: sr| van het wetboek van strafrecht)?\))?"
    + _END,
    _F,
)
# The words that name a sanction, in one list; the patterns below that must stop at a sanction (conditions, the
# demand's introduction, a written-out art. 38v measure) are built from these groups. Each word carries the guard
# that keeps a non-sanction use out ("maatregel hulp en steun" is a condition; "de terbeschikkinggestelde" the
# person). In a lookahead the order of the words does not matter.
_DETENTION_WORDS = DETENTION_KINDS
_TASK_WORDS = COMMUNITY_SERVICE_KINDS
_FINE_WORDS = ("geldboete",)
_MEASURE_WORDS_SHORT = (r"maatregel(?! hulp)", "tbs", r"\bisd\b", r"\bpij\b")
_TBS_WORDS = (r"terbeschikking(?!gestelde)", r"ter beschikking(?! gestelde)")
_SANCTION_WORDS = (*_DETENTION_WORDS, *_TASK_WORDS, *_FINE_WORDS, *_MEASURE_WORDS_SHORT, *_TBS_WORDS)
_GUARD = re.compile(r"\(\?![^)]*\)")


def _any_of(*words: str) -> str:
    """One alternation of `words`."""
    return "(?:" + "|".join(words) + ")"


def _unguarded(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words without their guards: also "maatregel hulp", "terbeschikkinggestelde"."""
    return tuple(_GUARD.sub("", word) for word in words)


# The same words as a verdict's own text writes them (any case; any white space between the words), for the verdict
# extractor (`mhcases.verdicts.extract`), which finds the clauses about a sanction before this parser reads them:
# pattern sources to embed in a regular expression compiled with re.IGNORECASE.
BAN_WORDS: tuple[str, ...] = ("contactverbod", "gebiedsverbod", "locatieverbod")


def _in_text(*words: str) -> str:
    """One alternation of `words` (one space between words, as in the normalised text) for a verdict's text."""
    return _any_of(*(word.replace(" ", r"\s+") for word in words))


#: a word naming a sanction other than a contact or area ban ("voorlopige hechtenis" is none)
SANCTION_TEXT_NOT_BAN: str = _in_text(
    *(r"(?<!voorlopige\s)hechtenis" if word == "hechtenis" else word for word in _DETENTION_WORDS), *_TASK_WORDS,
    "leerstraf", *_FINE_WORDS, "ter beschikking", "terbeschikkingstelling", "tbs", "plaatsing in een inrichting",
    "maatregel")
#: a word naming any sanction, the bans included
SANCTION_TEXT_WORD: str = _any_of(SANCTION_TEXT_NOT_BAN, *BAN_WORDS)
#: a sanction named anywhere, also inside a word ("isd-maatregel", "terbeschikkingstelling")
SANCTION_TEXT_PART: str = _in_text(*_DETENTION_WORDS, *_TASK_WORDS, *_FINE_WORDS, "maatregel", "tbs", "terbeschikking",
                                   "ter beschikking", *BAN_WORDS, r"\bisd(?![a-z])", r"\bpij(?![a-z])")  # not "pijn"
#: the noun of an imposed sanction at the start of a clause ("een gevangenisstraf", "de isd-maatregel"; "\x20": one
#: space only)
SANCTION_TEXT_NOUN: str = _in_text(*_DETENTION_WORDS, *_TASK_WORDS, *_FINE_WORDS,
                                   r"(?:vrijheidsbeperkende\x20|isd-|pij-)?maatregel", "terbeschikkingstelling", "tbs")
#: the noun of a detention or a community service after its duration ("12 maanden gevangenisstraf")
SANCTION_TEXT_TERM: str = _in_text(*_DETENTION_WORDS, *_TASK_WORDS)

_NOT_A_SANCTION = rf"(?!{_any_of(*_SANCTION_WORDS)})"
# Special conditions attached to a (partly) suspended sentence ("met als bijzondere voorwaarden een meldplicht,
# een contactverbod met ..."): conditions, not sanctions. The text may not name another sanction.
_NO_SANCTION_WORD = rf"(?:{_NOT_A_SANCTION}[^;])*"
_NO_SANCTION_WORD_LAZY = rf"(?:{_NOT_A_SANCTION}[^;])*?"
_NO_SANCTION_IN_SENTENCE = rf"(?:{_NOT_A_SANCTION}(?:[^;.]|\.(?! )))*"  # to the end of a clause or sentence
# one character of a phrase around a sanction that may not itself name a sanction, nor an acquittal or discharge
# (a verb phrase before the sanction: "heeft een geldboete geeist en heeft gevorderd dat ..." must not lose the fine)
_NO_SANCTION_CHAR = rf"(?:(?!{_any_of(*_unguarded(_SANCTION_WORDS), 'leerstraf', 'vrijspraak', 'ontslag')})[^;])"
# "gevangenisstraf voor de duur van 89 dagen, gelijk aan het voorarrest": the number is the term
_SUB_EQUALS_PRETRIAL = re.compile(
    r"(?:, | )(?:dat is |zijnde )?gelijk aan (?:de duur van )?(?:het |de in )?(?:voorarrest|voorlopige hechtenis)"
    r"(?: doorgebrachte tijd)?" + _END, _F)
_SUB_CONDITIONS = re.compile(
    r"(?:, | |; )(?:(?:(?:en|alsmede) )?(?:(?:met|onder) )?(?:(?:daaraan (?:verbonden|gekoppeld)|daarbij|als) )*"
    r"(?:de |het )?(?:\(?bijzondere?\)? |algemene )?(?:voorwaarden?|\(bijzondere\) voorwaarden?)(?![a-z])"
    r"|(?:en|alsmede|met) (?=" + _NO_SANCTION_WORD + r"voorwaarden?(?![a-z])))"
    + _NO_SANCTION_WORD_LAZY
    # ... up to the next sanction, also when the demand's verb is repeated before it (", en tot een werkstraf")
    + r"(?=;|$|,? (?:en |alsmede )?(?:tot |oplegging van )?(?:een |de )?(?:vrijheidsbeperkende )?"
    + _any_of(*_DETENTION_WORDS, *_TASK_WORDS, *_FINE_WORDS, *_MEASURE_WORDS_SHORT) + r"\b"
    # ... or up to a measure ordered after them: ", en (dat daarnaast) een contactverbod als maatregel wordt opgelegd"
    r"|,? en oplegging van "
    # ... or up to a ban that says it is a measure, not a condition: ", en een contactverbod als vrijheidsbeperkende
    # maatregel voor de duur van 5 jaren"
    r"|,? (?:en |alsmede )?(?:een |het )?(?:contactverbod|gebiedsverbod|locatieverbod) als (?:vrijheidsbeperkende )?"
    r"maatregel\b)",
    _F,
)
# A contact or area ban among the special conditions of a suspended sentence (art. 14c, second paragraph, under 5
# and 6 Sr) counts as the measure "contactverbod" / "gebiedsverbod" (the letter, note 1 to Table 4; codebook 8.2).
# (contact with the probation service or a carer is kept, not banned: "geen alcohol gebruikt en contact houdt met de
# reclassering"; being "onder invloed" is no place), unless the carer or place is the victim's ("geen contact opneemt
# met de hulpverleners van [slachtoffer]", "met de instelling waar [slachtoffer] verblijft": a ban)
_BAN_CONTACT = re.compile(r"contactverbod|(?:\bgeen\b|\bniet\b|op geen enkele wijze|onthoud|onthouden)[^;]*?\bcontact\b"
                          r"(?!(?:\s+\w+){0,2}\s+met\s+(?:de\s+|het\s+|een\s+|zijn\s+|haar\s+)?(?:jeugd)?"
                          r"(?:reclassering|hulpverlen|behandelaar|begeleider|instelling|toezichthouder|wijkagent)\w*+"
                          r"(?:\(\w{1,3}\))?+(?!\s+(?:van|waar|die|dat)\b|\s*\[))", _F)
_BAN_AREA = re.compile(r"gebiedsverbod|locatieverbod|\bniet\b(?:(?!onder\s+invloed\b)[^;])*?\b(?:ophouden|ophoudt|bevinden|bevindt|begeven|begeeft"
                       r"|betreden|betreedt)\b(?!\s+onder\s+invloed\b)", _F)


def ban_codes(text: str) -> tuple[str, ...]:
    """The bans a condition states: "contactverbod", "gebiedsverbod" (in words or by name)."""
    return tuple(code for code, pattern in (("contactverbod", _BAN_CONTACT), ("gebiedsverbod", _BAN_AREA))
                 if pattern.search(text))


def _condition_bans(conditional_months: float | None, codes: tuple[str, ...] | frozenset[str]) -> tuple[str, ...]:
    """The measures that the bans among the special conditions of a suspended detention count as; raises when there
    is no suspended part for them to belong to."""
    if conditional_months is None:
        raise _ParseError("contact- of gebiedsverbod als bijzondere voorwaarde zonder voorwaardelijk deel")
    return tuple(sorted(codes))


def add_condition_bans(sanction: Sanction, codes: tuple[str, ...] | list[str] | set[str]) -> Sanction:
    """`sanction` with the contact and area bans (`ban_codes`) set among the special conditions of its suspended
    part, read elsewhere (a verdict's conditions in clauses of their own), counted as its measures as the parser
    counts them in a phrase; status "unparsed" with the reason when it has no suspended part. A sanction that is not
    "parsed", or no bans: `sanction` as it is."""
    if sanction.status != "parsed" or not codes:
        return sanction
    try:
        bans = _condition_bans(sanction.conditional_months, frozenset(codes))
    except _ParseError as exc:
        return _unparsed(str(exc))
    return replace(sanction, measures=tuple(sorted({*sanction.measures, *bans})))
_SUBSID_DUR = rf"(?:{_DUR})"
_SUBSTITUTE = r"(?:vervangende )?(?:hechtenis|gijzeling|jeugddetentie)"
# "bij (het) niet (naar behoren) verrichten (daarvan), " before "te vervangen door ..."
_NOT_PERFORMED = (r"(?:(?:bij|indien) (?:het )?niet (?:of niet )?(?:naar behoren|behoorlijk) "
                  r"(?:verrichten|verricht|uitvoeren|uitgevoerd)(?: daarvan| van de (?:taakstraf|werkstraf))?,? )?")
_SUBSID_BODY = (
    rf"(?:subsidiair (?:tot )?(?P<d1>{_DUR})(?: {_SUBSTITUTE})?"
    rf"|{_NOT_PERFORMED}"
    rf"te vervangen door (?P<d2>{_DUR}) {_SUBSTITUTE}"
    r"|(?:bij (?:gebreke van|niet) (?:volledige )?betaling(?: en (?:bij gebreke van |niet )?verhaal)?,? )"
    rf"te vervangen door (?:(?P<d3>{_DUR}) {_SUBSTITUTE}|{_SUBSTITUTE} (?:van|voor de duur van) (?P<d4>{_DUR}))"
    r"|(?:met bevel|beveelt|bepaalt),? (?:dat,? )?(?:voor het geval|indien|als|wanneer) (?:dat )?(?:de )?"
    r"(?:(?:verdachte|veroordeelde) (?:de |deze )?(?:taakstraf|werkstraf|straf) niet (?:of niet )?(?:naar behoren )?"
    r"(?:\(?heeft\)? )?(?:verricht|verrichten|uitvoert|uitgevoerd)(?: heeft)?"
    # the same in the passive: "voor het geval de werkstraf niet naar behoren wordt verricht"
    r"|(?:taakstraf|werkstraf) niet (?:of niet )?(?:naar behoren )?(?:wordt|is) (?:verricht|uitgevoerd)),? (?:dat )?"
    r"(?:vervangende )?(?:hechtenis|jeugddetentie) (?:zal|zullen|wordt) (?:worden )?toegepast "
    rf"(?:van|voor de duur van|gedurende) (?P<d5>{_DUR})"
    # "bij het niet naar behoren verrichten waarvan vervangende hechtenis zal worden toegepast voor de duur van 100 dagen"
    r"|(?:bij|indien) (?:het )?niet (?:of niet )?(?:naar behoren|behoorlijk) (?:verrichten|uitvoeren) waarvan,? "
    r"(?:vervangende )?(?:hechtenis|jeugddetentie) (?:zal|zullen|wordt) (?:worden )?toegepast "
    rf"(?:van|voor de duur van|gedurende) (?P<d10>{_DUR})"
    # "met bevel dat vervangende hechtenis zal worden toegepast voor de duur van 120 dagen" (blind probe s63)
    r"|(?:met bevel|beveelt|bepaalt),? dat (?:vervangende )?(?:hechtenis|jeugddetentie) (?:zal|zullen|wordt|kan) "
    rf"(?:worden )?toegepast (?:van|voor de duur van|gedurende) (?P<d6>{_DUR})"
    r"(?: (?:voor iedere|voor elke|per) (?:keer|overtreding)[^;]*)?"
    rf"|{_NOT_PERFORMED}"
    r"te vervangen door (?:vervangende )?(?:hechtenis|jeugddetentie) (?:van|voor de duur van) "
    rf"(?P<d7>{_DUR})"
    # a ban's substitute: "met 2 weken vervangende hechtenis voor iedere overtreding", "met vervangende hechtenis van
    # telkens een week per overtreding"
    rf"|met (?P<d8>{_DUR}) vervangende (?:hechtenis|jeugddetentie)(?: (?:voor iedere|voor elke) (?:keer|overtreding)\b)?"
    rf"|met vervangende (?:hechtenis|jeugddetentie) (?:van|voor de duur van) (?:telkens )?(?P<d9>{_DUR}))"
    r"(?: (?:per|voor iedere|voor elke) (?:overtreding|keer))?"
    r"(?:,? (?:indien|als|wanneer|voor het geval(?: dat)?) (?:de )?(?:verdachte |veroordeelde |hij |zij )?(?:de |deze )?"
    r"(?:taakstraf |werkstraf |geldboete )?niet (?:of niet )?(?:naar behoren |volledig |goed )?(?:wordt |is |heeft )?"
    r"(?:verricht|uitgevoerd|uitvoert|betaald|betaalt|voldaan|voldoet)(?: wordt| heeft| is)?)?"
)
_SUB_SUBSID = re.compile(rf"(?:,? en (?=(?:bepaalt|beveelt|met bevel)\b)|, | |; ){_SUBSID_BODY}{_END}", _F)
_SUB_SUBSID_PAREN = re.compile(rf" \({_SUBSID_BODY}\)", _F)
_SUB_MEASURE_DUR = re.compile(rf"(?:, | )voor (?:de duur van |een periode van )?(?P<dur>{_DUR})", _F)
_SUB_MEASURE_COND = re.compile(r"(?:, | )(?:geheel )?voorwaardelijk(?![a-z])", _F)
# a clause on pre-trial detention deducted from the sentence ("beveelt dat de tijd ... in mindering wordt
# gebracht", "met bevel dat de tijd ... in mindering zal worden gebracht naar de maatstaf van 2 uren per dag")
_BODY = r"(?:[^;.]|\.(?! ))*"  # clause text up to the next ';' or sentence end
_DEDUCTION_BODY = (
    r"(?:met bevel|beveelt|bepaalt|gelast),? dat (?:de tijd|het voorarrest|de in (?:voorarrest|verzekering)|de duur)"
    rf"{_BODY}? in mindering{_BODY}"
)
_SUB_DEDUCTION = re.compile(rf"(?:, | |; ){_DEDUCTION_BODY}", _F)
_DEDUCTION = re.compile(_DEDUCTION_BODY, _F)

_TASK = re.compile(
    rf"{_ART}(?:(?P<kind>taakstraf|werkstraf|leerstraf)(?:,? bestaande uit (?:het verrichten van )?(?:onbetaalde arbeid"
    r"(?: ten algemenen nutte)?"
    r"|een werkstraf|een leerstraf|het volgen van een leerproject),?)? "
    rf"(?:(?:voor de duur van|ter grootte van|van|voor) )?(?P<hours>{_HOURS})"
    # the description after the hours: "een taakstraf van 60 uren, bestaande uit het verrichten van onbetaalde arbeid"
    # or "..., bestaande uit een werkstraf" (the same descriptions as before the hours)
    r"(?:,? bestaande uit (?:(?:het verrichten van )?onbetaalde arbeid(?: ten algemenen nutte)?"
    r"|een werkstraf|een leerstraf|het volgen van een leerproject)(?=,|;|$| en ))?"
    rf"|(?P<hours2>{_HOURS}) (?P<kind2>taakstraf|werkstraf){_END}"
    rf"|(?P<kind3>taakstraf),? bestaande uit (?P<hours3>{_HOURS}) (?:werkstraf|leerstraf){_END})",
    _F,
)
_FINE_PRE = re.compile(rf"(?:(?:het )?(?:betaling|betalen) van )?{_ART}geldboete (?:van|ter hoogte van|groot) {_AMOUNT}", _F)
_FINE_POST = re.compile(rf"{_ART}{_AMOUNT} geldboete{_END}", _F)
_COMPENSATION = re.compile(
    rf"{_ART}(?:schadevergoedingsmaatregel|schadevergoeding)"
    r"(?: (?:ten behoeve van|aan|voor) (?:het |de )?(?:slachtoffers?|benadeelde partij(?:en)?))?"
    rf"(?: (?:van|ter hoogte van|groot|tot een bedrag van|voor een bedrag van) {_AMOUNT})?{_END}",
    _F,
)

_V = (
    r"(?:contact- en (?:gebieds|locatie)verbod|contactverbod en (?:een )?(?:gebieds|locatie)verbod"
    r"|(?:gebieds|locatie)verbod en (?:een )?contactverbod|contactverbod|gebiedsverbod|locatieverbod)"
)
_ISD = (
    r"(?:isd(?:-| )?maatregel|isd"
    r"|(?:(?:de )?maatregel (?:tot|van) |gelast (?:de )?)?plaatsing (?:van (?:de )?verdachte )?"
    r"in een inrichting voor stelselmatige daders(?: \((?:hierna:? )?isd(?:-maatregel)?\))?)"
)
_PIJ = (
    r"(?:(?:voorwaardelijke )?(?:pij(?:-| )?maatregel|pij|jeugd(?:-| )?tbs)"
    r"|(?:(?:de )?maatregel (?:tot|van) |gelast (?:de )?)?plaatsing (?:van (?:de )?verdachte )?"
    r"in een inrichting voor jeugdigen(?: \((?:hierna:? )?pij(?:-maatregel)?\))?)"
)
_TBS = (
    r"(?:(?:maatregel (?:van )?)?(?:tbs(?:-maatregel)?|terbeschikkingstelling|ter beschikking stelling)"
    r"(?: van (?:de )?verdachte)?(?: \((?:verder |hierna )?(?:te noemen)?:? ?(?:de )?tbs(?:-maatregel)?\))?"
    r"(?:,? (?:met|onder) (?:(?:bevel tot )?dwangverpleging|bevel tot verpleging(?: van overheidswege)?"
    r"|verpleging van overheidswege|voorwaarden))?"
    r"|gelast (?:de )?(?:terbeschikkingstelling|tbs) van (?:de )?verdachte"
    r"(?:,? (?:met|onder) (?:dwangverpleging|(?:bevel tot )?verpleging van overheidswege|voorwaarden))?"
    r"|(?:gelast|beveelt),? dat (?:de )?(?:verdachte|\[verdachte\]|hij|zij),? (?:(?:met betrekking tot|ter zake van|voor) [^;]*?,? )?"
    r"ter beschikking (?:zal )?"
    r"(?:wordt|worden) gesteld(?:,? (?:met|onder) (?:bevel tot )?(?:verpleging van overheidswege|dwangverpleging|voorwaarden))?"
    r"(?:(?:,| en) (?:beveelt|gelast) dat (?:hij|zij|de verdachte|verdachte|de ter beschikking gestelde) "
    r"van overheidswege (?:zal )?(?:wordt|worden) verpleegd)?"
    r"|(?:beveelt|gelast) dat (?:hij|zij|de verdachte|verdachte|de ter beschikking gestelde) "
    r"van overheidswege (?:zal )?(?:wordt|worden) verpleegd)"
    r"(?:,? (?:en )?(?:beveelt|gelast|met bevel),? dat (?:hij|zij|de verdachte|verdachte|de ter ?beschikking ?gestelde"
    r"|de terbeschikkinggestelde) van overheidswege (?:zal )?(?:wordt|worden) verpleegd)?"
)
# art. 38v Sr written out: "de maatregel als bedoeld in artikel 38v ..., inhoudende dat verdachte ... geen contact ..."
# (to the end of its clause or sentence, and before its substitute detention or an order that it applies at once)
_38V_TEXT = ("(?:(?!" + "|".join((*_DETENTION_WORDS, *_TASK_WORDS, *_FINE_WORDS, *_MEASURE_WORDS_SHORT))
             + r"|,? (?:met bevel|beveelt|bepaalt|subsidiair)\b|,? met (?:" + _DUR + r" )?vervangende\b|vervangende)"
             r"(?:[^;.]|\.(?! )))*")
_38V_BODY = rf"(?P<body>{_38V_TEXT})"
# "artikel 38v (van het Wetboek van Strafrecht | Sr)"; ", als bedoeld in / ex / op grond van" that article
_38V_ARTICLE = r"(?:artikel|art\.?) 38v(?: (?:van het wetboek van strafrecht|sr))?"
_AS_MEANT_IN = r"(?:als bedoeld in|ex|op grond van)"
_38V_CITED = rf"(?:,? {_AS_MEANT_IN} {_38V_ARTICLE})?"
# "(art. 38v Sr)", "ex artikel 38v Sr", "als bedoeld in artikel 38v van het Wetboek van Strafrecht"
_38V_REF = (r"(?:,? \((?:art(?:ikel|\.)? ?)?38v(?: sr)?\)|,? (?:ex|als bedoeld in|op grond van) (?:artikel |art\.? ?)?38v"
            r"(?: (?:van het )?(?:wetboek van strafrecht|sr))?)?")
# what a ban is, after it: "als (vrijheidsbeperkende) maatregel (ter beveiliging van de maatschappij) (ex art. 38v)"
_AS_MEASURE = rf"als (?:vrijheidsbeperkende )?maatregel(?: ter beveiliging van de maatschappij)?{_38V_REF}"
_MEASURE_PATTERNS: tuple[tuple[re.Pattern[str], tuple[str, ...] | None], ...] = (
    (re.compile(rf"{_ART}{_TBS}{_END}", _F), ("tbs",)),
    (re.compile(rf"{_ART}{_PIJ}{_END}", _F), ("pij",)),
    (re.compile(rf"{_ART}{_ISD}{_END}", _F), ("isd",)),
    (
        re.compile(rf"{_ART}(?:gedragsbeinvloedende maatregel|gbm(?:-maatregel)?){_END}", _F),
        ("gbm",),
    ),
    (
        re.compile(
            rf"{_ART}(?:vrijheidsbeperkende maatregel{_38V_REF}(?: \({_V}\)|: (?:een )?{_V}"
            rf"|, (?:te weten|namelijk) (?:een )?{_V}|,? in de vorm van (?:een )?{_V})|{_V}{_38V_REF}"
            rf"(?: {_AS_MEASURE})?){_END}"
            r"(?: (?:met|ten aanzien van|jegens) (?:het |de |(?:de )?(?:beide|twee|alle) )?(?:\[[^\]]*\]|slachtoffers?|aangeefster|aangever)"
            r"(?: \[[^\]]*\])?(?:,? geboren (?:op |te )?(?:\[[^\]]*\]|[0-9a-z -]+))?)?"
            r"(?: (?:voor|in|rond|betreffende) (?:de |het )?(?:(?:gemeente |wijk |stad |azc |straat )?\[[^\]]*\]"
            # an area named as one word ending in "gebied": "een gebiedsverbod voor het Wallengebied"
            r"|[a-z'-]{3,}gebied(?=,|;|$| en | voor | met | als )"
            # a place named after its kind, to the end of the item: "een gebiedsverbod voor de wijk Transvaal"
            r"|(?:gemeente|wijk|stad|buurt|straat|omgeving van|centrum van) [a-z0-9'-]+(?: (?!en |oplegt|beide |voor |met "
            rf"|subsidiair|alsmede |alsook |naast |waar){_NOT_A_SANCTION}[a-z0-9'-]+)*(?=,|;|$| en | oplegt| beide | voor | met | subsidiair| alsmede | alsook | naast | {_AS_MEASURE}(?![a-z]))))?"
            rf"(?: {_AS_MEASURE})?",
            _F,
        ),
        None,  # contactverbod and/or gebiedsverbod: decided from the matched text
    ),
    (
        re.compile(
            rf"{_ART}(?:legt (?:aan )?(?:de )?(?:verdachte|veroordeelde) (?:de |een )?)?(?:vrijheidsbeperkende )?maatregel"
            rf"(?: op)?,? (?:{_AS_MEANT_IN}|van) {_38V_ARTICLE},? "
            rf"(?:inhoudende|inhoudend|bestaande uit|te weten)(?: dat)? {_38V_BODY}",
            _F,
        ),
        None,
    ),
    (re.compile(
        rf"{_ART}(?:vrijheidsbeperkende maatregel|maatregel,? (?:ter beveiliging van de maatschappij,? )?(?:strekkende )?"
        # "de maatregel ter beveiliging van de maatschappij inhoudende een contactverbod ...": art. 38v by its purpose
        # (which ban from the body's words; a body without one, e.g. tbs, is not read)
        rf"(?:tot|ter) beperking van de vrijheid|maatregel,? ter beveiliging van de maatschappij){_38V_CITED}"
        rf",? (?:inhoudende|inhoudend|bestaande uit|te weten|namelijk)(?: dat)? {_38V_BODY}", _F), None),
    # art. 38v Sr by its content alone: "(legt verdachte op) de maatregel dat hij ... op geen enkele wijze contact zal
    # hebben met ... (contactverbod)": which ban from the body's words (`ban_codes`); a body without a ban is not read
    (re.compile(
        rf"{_ART}(?:vrijheidsbeperkende )?maatregel,? (?:inhoudende |inhoudend |bestaande uit )?dat "
        rf"(?=(?:hij|zij|de verdachte|verdachte|\[verdachte\]|de veroordeelde|veroordeelde) )(?P<bans>{_38V_TEXT})", _F),
     None),
)
# art. 38v Sr named by its purpose; what it forbids follows in clauses of their own (_MEASURE_DETAILS)
_38V_BARE = re.compile(
    rf"{_ART}(?:vrijheidsbeperkende maatregel|maatregel strekkende tot beperking van de vrijheid){_38V_CITED}{_END}",
    _F,
)
_DETAIL_HEAD = (r"(?:en )?(?:beveelt|bepaalt|gelast),? dat (?:de )?(?:verdachte|veroordeelde)(?: zich)?"
                r"(?: gedurende[^;.]*?)?")
_MEASURE_DETAILS = (
    ("contactverbod", re.compile(
        _DETAIL_HEAD + r" (?:(?:zal )?(?:zich )?onthoudt van|(?:zal )?(?:zich )?onthouden van|geen|op geen enkele wijze)"
        r"[^;.]*?contact" + _BODY, _F)),
    ("gebiedsverbod", re.compile(
        _DETAIL_HEAD + r"[^;.]*? niet (?:zal )?(?:op)?(?:houdt|houden|bevindt|bevinden|begeeft|begeven|betreedt|betreden)"
        + _BODY, _F)),
)

# --- clauses of a decision (beslissing) ----------------------------------------------------

# "veroordeelt (de) verdachte (voor het onder 3 bewezen verklaarde) tot (een)", "legt (aan) verdachte op (de)",
# "(de) volgende straf(fen) (en maatregel)" after "legt (verdachte) op" or before "op"
_THE_FOLLOWING = r"(?:de )?volgende (?:straf(?:fen)?|maatregel(?:en)?)(?: en (?:straf(?:fen)?|maatregel(?:en)?))?"
# "veroordeling van de verdachte tot": the verb before a sanction, as verdicts and demands write it
_VERB = re.compile(
    rf"(?:de {_COURT}:? )?(?:(?:en )?veroordee(?:lt|ld) (?:de )?(?:verdachte|veroordeelde|\[verdachte\])"
    r"(?: (?:te dier zake|terzake|ter zake(?: daarvan)?|daarvoor|voorts|ook|tevens))?"
    r"(?: (?:voor|wegens|ter zake van|terzake van)(?: van)? (?:het|de|hetgeen|feit|feiten)"
    + r"(?:(?!\btot\b)[^;])*)? tot:?"
    r"|veroordeling (?:van (?:de )?verdachte )?tot:?"
    # an item of a demand's list after "(heeft gevorderd) dat de rechtbank verdachte:": "- veroordeelt tot ..."
    r"|(?:en )?veroordeelt tot:?"
    # the demand's object: "(en) dat verdachte (voor het onder 1 ten laste gelegde) (zal worden|wordt) veroordeeld tot",
    # "verdachte te veroordelen tot", "tot veroordeling van verdachte tot", "strekt tot veroordeling van verdachte tot"
    r"|(?:en )?dat (?:de )?(?:verdachte|\[verdachte\]|hij|zij)(?: (?:voor|wegens|ter zake van|terzake van) "
    + _NO_SANCTION_CHAR + r"*?)?"
    r" (?:zal worden|wordt|zou worden) veroordeeld tot:?"
    r"|(?:de )?(?:verdachte|\[verdachte\])(?: (?:voor|wegens|ter zake van|terzake van) [^;]*?)? (?:zal worden |wordt )?"
    r"(?:te )?veroordelen tot:?"
    # (also after the demanded finding of proof: "dat de rechtbank het ten laste gelegde bewezen verklaart en verdachte
    # veroordeelt tot")
    rf"|(?:en )?dat de {_COURT} (?:(?:het|de) " + _NO_SANCTION_CHAR + r"*? bewezen (?:verklaart|zal verklaren),? en )?"
    r"(?:de )?(?:verdachte|\[verdachte\])(?: (?:voor|wegens|ter zake van|terzake van) [^;]*?)?"
    r" (?:zal )?veroordee?l(?:t|en) tot:?"
    r"|(?:strekt )?tot veroordeling (?:van )?(?:de )?(?:verdachte|\[verdachte\]) tot:?"
    # an item of a list after "(heeft gevorderd) dat de rechtbank:": "- verdachte veroordeelt tot ..."
    r"|(?:en )?(?:de )?(?:verdachte|\[verdachte\])(?: (?:voor|wegens|ter zake van|terzake van) [^;]*?)? veroordeelt tot:?"
    # the demand or sentence per count, the verb not repeated: "(..., en) ter zake van feit 3 tot een geldboete ..."
    r"|(?:en )?(?:ter zake van|terzake van|voor|wegens) (?:het |de )?(?:onder )?(?:feit|feiten) [0-9]+(?:(?:, | en )[0-9]+)*"
    r"(?: bewezen ?verklaarde)? tot:?"
    r"|(?:en )?(?:tot )?(?:de )?oplegging van:?"
    # "Legt op de volgende straf(fen) (en maatregel):" over the sanctions that follow
    r"|(?:en )?legt (?:aan (?:de )?(?:verdachte|veroordeelde|\[verdachte\]) )?op " + _THE_FOLLOWING + "[:;]?"
    # "legt (aan) verdachte de volgende straf(fen) (en maatregel) op:"
    r"|(?:en )?legt (?:aan )?(?:de )?(?:verdachte|veroordeelde|\[verdachte\]) " + _THE_FOLLOWING + " op[:;]?"
    r"|(?:en )?legt (?:aan )?(?:de )?(?:verdachte|veroordeelde|\[verdachte\]) (?:de |het )?(?:volgende )?op:?"
    r"|(?:en )?legt op:?"
    r"|(?:en )?legt(?: (?:tevens|ook|daarnaast|voorts))?(?: aan (?:de )?verdachte)?(?= (?:een|de|het|tbs|pij|isd) )"
    # a decision in plain language, addressed to the defendant: "Wij veroordelen u tot ..."
    r"|(?:wij|de rechtbank) veroordel(?:en|t) u tot:?"
    r"|tot:?)"
    r"(?: ?[:;])* (?:(?:een|de) (?=[a-z0-9]))?",
    _F,
)
# the suspended part in a clause of its own: "bepaalt dat van deze gevangenisstraf een gedeelte, groot 6
# maanden, niet ten uitvoer zal worden gelegd", "beveelt dat een gedeelte, groot 52 dagen, van deze
# gevangenisstraf niet zal worden ten uitvoer gelegd"
_STRAF = r"(?:gevangenisstraf|jeugddetentie|hechtenis|straf|vrijheidsstraf)"
_TAIL = (r"(?P<tail>,? (?:tenzij|omdat|op grond|onder (?:de )?(?:algemene|bijzondere)|indien|voor het geval"
         r"|met (?:een|de) proeftijd\b)" + _NO_SANCTION_IN_SENTENCE + ")?")
_CLAUSE_VERB = r"(?:en )?(?:bepaalt|beveelt|gelast|met bepaling|met bevel|(?:en )?met dien verstande),? dat"
_COND_PART = re.compile(
    _CLAUSE_VERB + r" (?:deze )?(?:van (?:deze|de|die) (?:opgelegde )?(?P<k1>" + _STRAF + r") )?"
    r"(?:(?:deze|de|die) (?:opgelegde )?(?P<k4>" + _STRAF + r") (?:voor )?)?"
    r"(?:(?:deze )?een (?:ge)?deel(?:te)?(?: daarvan)?(?: van (?:deze|de|die) (?:opgelegde )?(?P<k2>" + _STRAF + r"))?,? )?"
    rf"(?:groot |van |te weten |ter grootte van )?(?P<dur>{_DUR}),?"
    r"(?: van (?:deze|de|die) (?:opgelegde )?(?P<k3>" + _STRAF + r"))?,? "
    rf"{_NOT_EXECUTED}{_TAIL}",
    _F,
)
# the suspended part in plain language: "Van die straf hoeft u 6 maanden niet uit te zitten, als u zich aan de
# voorwaarden houdt"
_COND_PART_PLAIN = re.compile(
    r"(?:en )?van (?:die|deze|de) (?P<k>" + _STRAF + r") hoeft u (?:daarvan )?"
    rf"(?P<dur>{_DUR}) niet (?:uit te zitten|te ondergaan)"
    r"(?P<tail>,? (?:als|indien|tenzij|zolang)" + _BODY + ")?",
    _F,
)
# the whole sentence suspended in a clause of its own: "beveelt dat deze straf niet zal worden ten uitvoer
# gelegd", "bepaalt dat de maatregel niet zal worden ten uitvoer gelegd", "bepaalt dat de geldboete niet ..."
_COND_WHOLE = re.compile(
    _CLAUSE_VERB + r" (?:deze|de|die) (?P<k>" + _STRAF + r"|maatregel|geldboete|taakstraf"
    rf"|werkstraf|isd-maatregel|pij-maatregel)(?: (?:van|voor de duur van) (?P<wdur>{_DUR}))?(?: in (?:zijn|haar) geheel)? "
    rf"{_NOT_EXECUTED}{_TAIL}",
    _F,
)
# "bepaalt dat het voorwaardelijke deel van de straf niet ten uitvoer wordt gelegd, tenzij ...": a condition on a
# suspended part stated before; it adds no number (its tail may state the probation)
_COND_REPEAT = re.compile(
    r"(?:en )?(?:bepaalt|beveelt),? dat (?:(?:het|dat) voorwaardelijke? (?:ge)?deel(?:te)? van (?:de|deze) "
    + _STRAF + r"|(?:de|deze) voorwaardelijke? (?:opgelegde )?" + _STRAF + rf") {_NOT_EXECUTED}{_TAIL}",
    _F,
)
_PROBATION = re.compile(
    r"(?:en )?(?:(?:stelt|verbindt|bepaalt) (?:daarbij |hieraan |daaraan |hierbij |de )?"
    r"(?:een )?proeftijd(?: vast)?,? (?:van|(?:die|welke) (?:hierbij )?wordt (?:vast)?(?:gesteld|bepaald) op|op|vast van"
    r"|vast op) "
    rf"(?P<dur>{_DUR})(?: vast)?"
    rf"|(?:(?:daarvoor|daarbij|hiervoor|daaraan) )?(?:geldt )?(?:met )?(?:een )?proeftijd van (?P<dur2>{_DUR})"
    # "de proeftijd wordt vastgesteld op 2 jaren", "stelt als proeftijd vast een periode van 2 jaren"
    rf"|(?:de )?proeftijd (?:wordt|is) (?:vast)?(?:gesteld|bepaald) op (?P<dur3>{_DUR})"
    rf"|(?:stelt|bepaalt) (?:als|de) proeftijd (?:vast )?(?:op |vast op )?(?:een periode van |de duur van )?(?P<dur4>{_DUR})"
    r"(?: vast)?)(?: (?:vast|wordt vastgesteld))?",
    _F,
)
# a probation period stated inside a clause's condition ("tenzij ... voor het einde van een proeftijd van drie jaar"),
# or at its end ("..., tenzij ... nageleefd, en stelt daarbij een proeftijd vast van twee jaren")
_PROBATION_IN_TAIL = re.compile(
    rf"proeftijd,? (?:(?:vast )?van |(?:die|welke) (?:hierbij )?wordt (?:vast)?(?:gesteld|bepaald) op |(?:vast )?op )?"
    rf"(?P<dur>{_DUR})", _F)
# the words between an earlier sentence and "ten uitvoer": one sanction, never "niet" ("en" only in a number: "2 weken
# en 3 dagen"; a comma only before what names the earlier case)
_EARLIER_SPAN = r"(?:(?!\bniet\b|\bten uitvoer\b| en (?![0-9])|, (?:een|de|het|en|alsmede|die|welke|dat)\b)[^;.])*?"
_EARLIER_CASE = (r"(?:opgelegd bij|bij (?:vonnis|arrest|uitspraak|beslissing)|uit (?:de|het) (?:vorige|eerdere)"
                 r"|eerdere? (?:zaak|vonnis|veroordeling)|parketnummer)")
# clauses that state no sentence and are left out: execution of an earlier sentence, pre-trial detention,
# compensation, confiscation, seized goods, conditions and their supervision, and the standard
# "de tenuitvoerlegging kan worden gelast ..." sentence
_EXCLUDED_CLAUSES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rf"(?:en )?(?:{pattern}){_BODY}", _F))
    for name, pattern in (
        ("tenuitvoerlegging van een eerdere straf",
         r"gelast (?:de )?tenuitvoerlegging|(?:de )?(?:gehele |gedeeltelijke )?tenuitvoerlegging van"
         r"|(?:de )?verlenging van de proeftijd|verlengt de[^;.]*proeftijd"
         r"|wijst (?:de )?vordering(?: tot tenuitvoerlegging)? (?:toe|af)"
         r"|wijst af de vordering|gelast dat de (?:bij|door|voorwaardelijke)(?:(?!niet )[^;.])* ten uitvoer"
         r"|(?:de )?vordering tenuitvoerlegging"),
        ("voorlopige hechtenis",
         r"(?:heft|schorst|beveelt de opheffing|gelast de opheffing|heft op|wijst (?:af )?het verzoek tot (?:opheffing|schorsing)"
         r"|wijst het verzoek)"
         r"(?=[^;.]*(?:voorlopige hechtenis|gevangenhouding|bewaring))"
         r"|(?:beveelt|gelast) de (?:onmiddellijke )?invrijheidstelling"),
        ("schadevergoeding", r"veroordeelt (?:de )?(?:verdachte|veroordeelde) (?:hoofdelijk )?"
         r"(?:tot betaling(?! van een geldboete)|in de kosten)"
         r"|(?:dat )?de vordering(?:en)? van de benadeelde partij(?:en)?"
         r"|(?:(?:daarnaast|voorts|verder|tevens|ook) )?heeft (?:de )?(?:officier van justitie|advocaat-generaal)[^;.]*?"
         r" gevorderd,? dat (?:de )?(?:vordering|tenuitvoerlegging|benadeelde|in beslag|inbeslag)"
         r"|(?:dat )?(?:de )?tenuitvoerlegging (?:wordt|zal worden) gelast"
         r"|legt (?:aan )?(?:de )?(?:verdachte|veroordeelde)[^;.]*? verplichting op"
         r"|wijst de vordering van|verklaart (?:de )?benadeelde"),
        ("ontneming", r"stelt (?:het )?bedrag[^;.]*wederrechtelijk verkregen voordeel"),
        ("vervangende hechtenis",
         r"(?:beveelt|bepaalt|gelast),? dat,? (?:voor het geval|indien|als|wanneer)[^;.]*?(?:vervangen door"
         r"|vervangende (?:hechtenis|jeugddetentie|gijzeling))|toepassing van (?:de )?vervangende"),
        ("gijzeling", r"bepaalt,? dat[^;.]*?\bgijzeling\b|de toepassing van (?:de )?gijzeling"),
        ("voorwaardelijke invrijheidstelling", r"(?:bepaalt|verstaat|beveelt),? dat[^;.]*?(?:voorwaardelijke invrijheidstelling"
         r"|penitentiair programma|penitentiaire inrichting)"),
        ("beslag", r"verklaart verbeurd|verklaart onttrokken aan het verkeer|onttrekt aan het verkeer|gelast de teruggave"
         r"|gelast de bewaring|heft (?:het )?"
         r"(?:strafrechtelijk )?beslag op|(?:en )?dat (?:de |het )?(?:in beslag genomen|inbeslaggenomen)[^;.]*? (?:(?:wordt|worden)"
         r" (?:verbeurd|onttrokken|teruggegeven|bewaard)|(?:verbeurd|onttrokken aan het verkeer) (?:wordt|worden|zal worden"
         r"|zullen worden) verklaard)"
         # the demand's infinitive: "(en) de in beslag genomen voorwerpen verbeurd te verklaren"
         r"|(?:de |het )?(?:in beslag genomen|inbeslaggenomen)[^;.]*? (?:verbeurd te verklaren"
         r"|onttrokken aan het verkeer te verklaren|aan het verkeer te onttrekken|(?:aan [^;.]*? )?terug te geven)"),
        ("bewezenverklaring", r"(?![^;.]*(?:niet bewezen|ontslaat|spreekt|vrijspraak))(?:verklaart (?:wettig en overtuigend )?bewezen"
         r"|verklaart (?:het|de)[^;.]*?\bbewezen\b|stelt vast dat het bewezen ?verklaarde"
         r"|het bewezen ?verklaarde levert op|verstaat dat het (?:aldus )?bewezen ?verklaarde)"),
        ("strafbaarheid", r"verklaart (?:het|de)[^;.]*? strafbaar(?! en ontslaat)(?=$|[;.,])"
         r"|verklaart (?:de )?verdachte(?:, \[verdachte\],)? (?:daarvoor |hiervoor )?strafbaar(?=$|[;.,])"),
        ("vervangende hechtenis bij een maatregel",
         r"(?:beveelt|bepaalt),? dat (?:de )?vervangende (?:hechtenis|jeugddetentie) (?:zal|wordt|kan) (?:worden )?toegepast"
         r"|de duur van (?:de|deze) vervangende (?:hechtenis|jeugddetentie) bedraagt"
         r"|(?:beveelt|bepaalt|verklaart),? (?:dat )?[^;.]*? dadelijk uitvoerbaar"
         r"|(?:beveelt|bepaalt|verklaart),? (?:dat )?(?:deze |de )?maatregel[^;.]*? dadelijk uitvoerbaar"
         r"|(?:met bevel|beveelt),? dat de maatregel dadelijk uitvoerbaar"),
    )
) + tuple(
    (name, re.compile(rf"(?:en )?(?:{pattern})" + rf"(?:(?!waarvan|voorwaardelijk|niet ten uitvoer|subsidiair){_NOT_A_SANCTION}[^;])*?"
                      + r"(?=(?:, |; | en | alsmede )(?:een |de )?" + _any_of(*_DETENTION_WORDS, *_TASK_WORDS, *_FINE_WORDS)
                      + "|;|$)", _F))
    for name, pattern in (
        ("beslag", r"(?:de )?(?:verbeurdverklaring|onttrekking aan het verkeer|teruggave)"),
        # a demand to execute an earlier suspended sentence, in the passive: "(en) dat de (bij vonnis van ...)
        # voorwaardelijk opgelegde gevangenisstraf van 1 maand (alsnog) ten uitvoer wordt gelegd", "dat de eerder
        # opgelegde ..."; one sanction only (no ", ", no "en" but in a number: "de voorwaardelijk opgelegde straf van 4
        # maanden en de taakstraf van 60 uren ten uitvoer" is not read) and never "niet ten uitvoer" (this sentence's
        # own); a bare "voorwaardelijke" only with the earlier case named ("de voorwaardelijke straf uit de vorige
        # zaak", "..., opgelegd bij vonnis van ..., ten uitvoer"): "dat voorwaardelijke gevangenisstraf wordt opgelegd,
        # die ten uitvoer wordt gelegd als ..." is this case's sentence
        ("tenuitvoerlegging van een eerdere straf",
         rf"dat (?:de |het )?(?:bij {_EARLIER_SPAN} (?:voorwaardelijk )?opgelegde"
         r"|eerder (?:voorwaardelijk )?opgelegde|voorwaardelijk opgelegde"
         rf"|voorwaardelijke (?={_EARLIER_SPAN}{_EARLIER_CASE}))"
         rf"{_EARLIER_SPAN} ten uitvoer (?:wordt|zal worden|worden|zullen worden) gelegd"),
        # the reason given beside a demand or sentence: "..., gelet op de overschrijding van de redelijke termijn"
        ("motivering", r"(?:mede )?gelet op"),
        ("voorwaarden", r"draagt (?:de |deze )?reclassering"
         r"|geeft (?:aan )?(?:de |deze |genoemde )?(?:reclassering|instelling)|verklaart (?:de )?[^;.]*dadelijk uitvoerbaar"
         r"|(?:de )?tenuitvoerlegging kan (?:ook )?worden gelast"),
    )
)
_CONDITION_CLAUSE = re.compile(
    r"(?:en )?(?:stelt (?:daarbij )?(?:als )?(?:de )?(?:algemene |bijzondere |overige |(?:na)?volgende[^;.]*? )?voorwaarden?"
    r"|(?:dat )?(?:de |het )?(?:veroordeelde|verdachte|\[verdachte\]|hij|zij|terbeschikkinggestelde|ter beschikking gestelde"
    r"|jongere)(?: zich)? (?:zal|zich|meldt|houdt|werkt|verleent|laat|gebruikt|onthoudt|neemt|volgt|moet|blijft"
    r"|gedurende|op geen enkele wijze|geen)\b)"
    + _NO_SANCTION_IN_SENTENCE + r"(?=;|\. |$)",
    _F,
)
_ACQUITTAL_CLAUSE = re.compile(
    r"(?:en )?(?:verklaart (?:niet bewezen|(?:het|de)" + r"(?:(?!\bbewezen\b)[^;.])*" + r"niet bewezen)"
    + r"(?:(?!\bvrij\b)[^;.])*" + r"(?:en )?)?spreekt (?:de )?(?:verdachte|hem|haar|\[verdachte\])"
    r"(?:(?!\bvrij\b)[^;.])* vrij" + _BODY,
    _F,
)
_DISCHARGE_CLAUSE = re.compile(
    r"(?:en )?(?:verklaart (?:het|de|[^;.]*?verdachte)[^;.]*? niet strafbaar,? en )?ontslaat (?:de )?(?:verdachte|hem|haar|\[verdachte\])(?:(?!rechtsvervolging)[^;.])* van (?:alle )?"
    r"rechtsvervolging" + _BODY, _F
)
# art. 9a Sr: guilty, no punishment
_NO_PUNISHMENT = re.compile(
    r"(?:(?:verklaart (?:de )?verdachte )?schuldig(?:verklaring)?(?: aan het bewezen ?verklaarde)?"
    r",? zonder oplegging van (?:enige )?straf(?: of maatregel)?"
    r"|bepaalt dat (?:aan (?:de )?verdachte )?geen straf(?: of maatregel)? (?:wordt|zal worden) opgelegd"
    r"|legt (?:aan (?:de )?verdachte )?geen straf(?: of maatregel)? op)"
    + _BODY,
    _F,
)

# a section heading run into its first clause (a flattened dictum): "Straf - veroordeelt ...", "Oplegging van straf
# en/of maatregel veroordeelt ...", "Beslag verklaart verbeurd ..."; only before a verb of the dictum. The headings and
# verbs that the verdict extractor (`mhcases.verdicts.extract`) also knows, in one list (`_in_text` for its text):
_PUNISHMENT_HEADING_AND = r"(?: en(?:/of)? (?:straf|maatregel(?:en)?))?"
RUN_IN_HEADINGS: tuple[str, ...] = (
    rf"(?:oplegging van )?(?:straf(?:fen)?|strafoplegging|maatregel(?:en)?){_PUNISHMENT_HEADING_AND}",
    "beslag", "vrijspraak", "bewezenverklaring", "tenuitvoerlegging")
#: the verbs (their first letters) of a dictum's clause that a heading may run into
DICTUM_VERBS: tuple[str, ...] = ("veroordee", "legt", "verklaart", "gelast", "bepaalt", "beveelt", "wijst", "heft",
                                 "spreekt", "stelt", "ontslaat", "onttrekt")
#: `RUN_IN_HEADINGS` and `DICTUM_VERBS` for a verdict's own text
RUN_IN_HEADINGS_TEXT: str = _in_text(*RUN_IN_HEADINGS)
DICTUM_VERBS_TEXT: str = _in_text(*DICTUM_VERBS)
_RUN_IN_HEADING = re.compile(
    rf"(?:de {_COURT}:? |(?:de {_COURT}:? )?"
    + _any_of(*RUN_IN_HEADINGS,
              rf"(?:oplegging van )?(?:gevangenisstraf|jeugddetentie|taakstraf|werkstraf|geldboete){_PUNISHMENT_HEADING_AND}",
              r"(?:de )?in ?beslag ?genomen voorwerpen", r"strafbaarheid(?: (?:van )?(?:het |de )?(?:feit(?:en)?|verdachte))?",
              r"schadevergoeding(?:en)?", r"(?:de )?benadeelde partij(?:en)?",
              r"(?:opheffing |schorsing )?(?:van )?(?:het )?(?:bevel )?(?:tot )?voorlopige hechtenis",
              "vordering tenuitvoerlegging")
    # a heading per count: "Straf ter zake van de feiten 1 en 2 veroordeelt ..."
    + r"(?: (?:ter zake van|voor|wegens) (?:de |het )?(?:onder )?(?:feit(?:en)? )?[0-9]+(?:(?:, | en )[0-9]+)*)?"
    r"(?::| -)? )"
    rf"(?=(?:en )?{_any_of(*DICTUM_VERBS, 'ontzegt')}"
    r"[a-z]*\b)",
    _F,
)
# the prosecutor's demand as the verdict reports it: "De officier van justitie (mr. X) heeft (ter terechtzitting)
# gevorderd", "eist (tegen verdachte)", "heeft gerequireerd", "De vordering van de officier van justitie strekt tot":
# what follows is read as the demand (the verb after it is the demand's object, see _VERB)
_DEMAND_INTRO = re.compile(
    r"(?:(?:de )?(?:eis|vordering|strafeis)(?: van)? (?:de )?officier van justitie:? )?"
    r"(?:(?:daarnaast|voorts|verder|tevens|ook) heeft )?"
    rf"(?:(?:ten aanzien van|voor|ter zake van) {_NO_SANCTION_CHAR}*?,? )?"
    r"(?:de |het )?(?:vordering van de )?(?:officier(?:en)? van justitie|advocaat-generaal|openbaar ministerie)"
    rf"(?: mr\.? {_NO_SANCTION_CHAR}*?)?"
    rf"(?: {_NO_SANCTION_CHAR}{{0,160}}? (?:en|maar))?"
    # "heeft, gelet op ..., gevorderd"; "De officier van justitie, mr. X, heeft gevorderd"
    rf"(?:,(?:(?!,){_NO_SANCTION_CHAR}){{1,160}},)?(?: (?:heeft|hebben))?(?:,(?:(?!,){_NO_SANCTION_CHAR}){{1,160}},)?"
    r"(?: (?:(?:ter|op de) (?:terechtzitting|zitting)(?: van \d{1,2} [a-z]+ \d{4})?"
    r"|(?:in (?:zijn|haar|het)|bij)(?: schriftelijke?)? requisitoir"
    rf"|tegen (?:de )?verdachte|aan (?:de )?verdachte|ten aanzien van {_NO_SANCTION_CHAR}*?|voor {_NO_SANCTION_CHAR}*?"
    r"|nog|ook|tevens|daarnaast))*"
    r" (?:gevorderd|geeist|gerequireerd|gerekwireerd|vordert|vorderen|eist|eisen|requireert|rekwireert|strekt)"
    r"(?: (?:tegen|aan) (?:de )?verdachte)?(?: (?:op te leggen|tot|dat aan (?:de )?verdachte wordt opgelegd))?:? ",
    _F,
)
# a demand of acquittal or discharge: "(heeft gevorderd) dat verdachte zal worden vrijgesproken (van ...)",
# "verdachte vrij te spreken", "verdachte te ontslaan van alle rechtsvervolging"
# "(heeft gevorderd) dat de rechtbank verdachte vrijspreekt / ontslaat van alle rechtsvervolging": the court as subject
_DEMAND_COURT = rf"(?:de {_COURT} )?"
_DEMAND_ACQUITTAL = re.compile(
    # a demanded finding before it: "dat het onder 1 ten laste gelegde bewezen wordt verklaard en dat verdachte van het
    # overige wordt vrijgesproken" (the acquittal of a part), "dat de feiten niet bewezen worden verklaard en dat ..."
    rf"(?:en )?(?:dat )?(?:(?:het|de) (?P<proof>(?:(?!straf|maatregel|boete|verbod)[^;.])*?) bewezen (?:wordt|worden"
    r"|zal worden|zullen worden) verklaard,? en dat )?"
    rf"{_DEMAND_COURT}(?:de )?(?:verdachte|\[verdachte\]|hij|zij)"
    # what the acquittal is of, before the verb: "dat verdachte van het ten laste gelegde wordt vrijgesproken"
    rf"(?: (?P<before>daarvan|van (?:het|de|hetgeen|alle|beide) {_NO_SANCTION_CHAR}*?))? (?:(?:zal|zou) worden |wordt )?"
    + _ACQUIT_VERB + r"(?P<after>(?:(?! en dat )(?:[^;.]|\.(?! )))*)", _F)
# what a demanded acquittal is of when it is the whole charge: "(van) het (hem) ten laste gelegde", "alle feiten";
# anything else named ("het tweede feit", "de mensenhandel", "het bestanddeel dwang", "het ten laste gelegde ten aanzien
# van [slachtoffer 2]") is a part
_CHARGED = r"(?:ten ?laste ?gelegde|tenlastegelegde)"  # the charge, in the spellings verdicts use
_WHOLE_CHARGE = rf"(?:het (?:(?:hem|haar|verdachte) )?{_CHARGED}|(?:alle|beide) (?:(?:aan (?:hem|haar) )?{_CHARGED} )?feiten)"
_WHOLE_BEFORE = re.compile(rf"daarvan|van {_WHOLE_CHARGE}", _F)
# after the verb: nothing, the whole charge, or a reason ("..., omdat ...", "wegens gebrek aan bewijs")
_WHOLE_AFTER = re.compile(rf"(?: van {_WHOLE_CHARGE})?(?:,? (?:omdat|nu|aangezien|wegens|bij gebrek)\b.*)?", _F)
# a demanded finding that the whole is not proven (after its article): "(het) (hem) ten laste gelegde niet",
# "(de) feiten niet (wettig en overtuigend)"
_PROOF_NOT = re.compile(rf"(?:(?:(?:hem|haar|verdachte) )?{_CHARGED}|(?:{_CHARGED} )?feiten) niet(?: wettig en overtuigend)?",
                        _F)


def _demand_acquittal_is_whole(m: re.Match[str]) -> bool:
    """A demanded acquittal of the whole charge: no finding of proof (or one that the whole is not proven) before it,
    and nothing but the whole charge named as its object."""
    if _PART_OF_CHARGES.search(m.group(0)) or "meer of anders" in m.group(0):
        return False
    if m.group("proof") is not None and not _PROOF_NOT.fullmatch(m.group("proof")):
        return False
    before, after = m.group("before"), m.group("after")
    return (before is None or _WHOLE_BEFORE.fullmatch(before) is not None) and _WHOLE_AFTER.fullmatch(after) is not None
_DEMAND_STATUS = re.compile(
    r"(?:de |het )?(?:officier(?:en)? van justitie|advocaat-generaal|openbaar ministerie)(?: mr\.? [^;]*?)? (?:heeft|hebben)"
    rf"(?: (?:(?!{_any_of(*_unguarded(_SANCTION_WORDS))})[^;]){{0,80}}?)?"
    r" (?P<what>(?:algehele )?vrijspraak|ontslag van (?:alle )?rechtsvervolging)"
    r" (?:gevorderd|geeist|bepleit)" + _BODY, _F)
_DEMAND_DISCHARGE = re.compile(
    # "dat de rechtbank het ten laste gelegde bewezen verklaart en verdachte, wegens zijn ontoerekeningsvatbaarheid,
    # ontslaat van alle rechtsvervolging": the finding of proof and a reason on the way
    rf"(?:en )?(?:dat )?{_DEMAND_COURT}(?:(?:het|de) {_NO_SANCTION_CHAR}*? bewezen (?:verklaart|zal verklaren),? en )?"
    r"(?:de )?(?:verdachte|\[verdachte\]|hij|zij)(?:, [^,;]{1,120},)? (?:(?:zal|zou) worden |wordt )?(?:te )?"
    r"(?:ontslaan|ontslagen|ontslaat|zal ontslaan) van (?:alle )?rechtsvervolging" + _NO_SANCTION_IN_SENTENCE, _F)
# a verb after a sanction ("een gevangenisstraf van 24 maanden opgelegd", "... tbs ... op" after "legt tevens", the
# demand's infinitive "(heeft gevorderd) een taakstraf van 80 uren op te leggen")
_TRAILING_VERB = re.compile(r" (?:is |wordt |werd |zijn |worden )?(?:opgelegd|geeist|gevorderd|gerekwireerd|op te leggen|op"
                            r"|oplegt)"
                            r"(?=$|, |; | en | alsmede |\. )", _F)
_SEP = re.compile(
    # "..., met daarnaast een voorwaardelijke jeugddetentie": "met" joins only with "daarnaast"
    r"(?:(?:, |; |: | \+ |\. )(?:(?:en|alsmede|naast|met(?= daarnaast )) )?| (?:en|alsmede|alsook|naast|met(?= daarnaast )) )"
    r"(?:(?:daarnaast|voorts|tevens|bovendien) (?=(?:een|de|het) ))?(?:(?:- |\* )(?=[a-z0-9]))?", _F
)

_STATUS_UNKNOWN = re.compile(r"|onbekend|niet bekend", _F)
_STATUS_ACQUITTAL = re.compile(
    r"(?:algehele )?vrijspraak(?: van (?:mensenhandel|alle feiten|het (?:primair |subsidiair )?"
    r"(?:ten ?laste ?gelegde|tenlastegelegde)))?(?: gevorderd)?",
    _F,
)
_STATUS_DISCHARGE = re.compile(r"ontslag van (?:alle )?rechtsvervolging(?: gevorderd)?", _F)


# --------------------------------------------------------------------------------------------
# Number / duration evaluation
# --------------------------------------------------------------------------------------------


def _num_value(token: str) -> float:
    """Value of one number token matched by _NUM; raises _ParseError if not a number."""
    m = _NUM_PART.fullmatch(token)
    assert m is not None  # _NUM_PART's last alternative matches anything non-empty
    digits = m.group("digits")
    if digits is not None:
        if len(digits) > _MAX_DIGITS:
            raise _ParseError(f"getal te lang: '{digits[:20]}...'")
        if "." in digits or "," in digits:
            whole, _, frac = digits.replace(",", ".").partition(".")
            if len(frac) == 3:
                raise _ParseError(f"dubbelzinnig getal '{digits}' (decimaal of duizendtal?)")
            value = float(f"{whole}.{frac}")
        else:
            value = float(int(digits))
        paren = m.group("paren")
        if paren is not None:
            in_words = _word_value(paren.replace("-", ""))
            if in_words is None:
                raise _ParseError(f"getal in woorden niet herkend: '({paren})'")
            if in_words != value:
                raise _ParseError(f"cijfers en woorden verschillen: '{digits} ({paren})'")
        return value
    word = m.group("word")
    fraction = _FRACTION_WORDS.get(word)
    if fraction is not None:
        return fraction
    value_int = _word_value(word.replace("-", ""))
    if value_int is None:
        raise _ParseError(f"getal niet herkend: '{word}'")
    return float(value_int)


def _duration_value(text: str) -> float:
    """Months in a string matched by _DUR; raises _ParseError on a bad number or unit order."""
    total = 0.0
    last_rank = 99
    for piece in text.split(" en "):
        m = _DUR_PIECE.fullmatch(piece)
        if m is None:  # cannot happen for text matched by _DUR; be defensive
            raise _ParseError(f"duur niet herkend: '{text}'")
        unit = _UNIT_CANON[m.group("unit")]
        rank = _UNIT_RANK[unit]
        if rank >= last_rank:
            raise _ParseError(f"duur niet herkend (eenheden niet aflopend): '{text}'")
        last_rank = rank
        multiplier, divisor = _MONTHS_PER_UNIT[unit]
        total += _num_value(m.group("num")) * multiplier / divisor
    return total


def parse_duration_months(text: str) -> float | None:
    """A duration in months, or None if `text` is not (exactly) a duration.

    "3 jaren" -> 36.0, "1 jaar en 6 maanden" -> 18.0, "42 (tweeënveertig) maanden" -> 42.0,
    "anderhalf jaar" -> 18.0, "2,5 jaar" -> 30.0, "90 dagen" -> 90*12/365.25,
    "2 weken" -> 14*12/365.25. Hours ("240 uur") are not a duration in months -> None.
    """
    if not isinstance(text, str):
        return None
    s = _normalise(text)
    if not _DUR_FULL.fullmatch(s):
        return None
    try:
        return _duration_value(s)
    except _ParseError:
        return None


def _amount_value(m: re.Match[str]) -> float:
    raw = m.group("a1") or m.group("a2")
    if len(raw) > _MAX_DIGITS + 6:
        raise _ParseError(f"bedrag te lang: '{raw[:20]}...'")
    return float(raw.replace(".", "").replace(",", "."))


# --------------------------------------------------------------------------------------------
# Components
# --------------------------------------------------------------------------------------------


@dataclass
class _Detention:
    kind: str
    unconditional: float | None
    conditional: float | None
    probation: float | None
    pretrial: bool
    bans: tuple[str, ...] = ()  # contact/area bans among its special conditions


@dataclass
class _Task:
    kind: str
    hours: float
    conditions: bool = False  # special conditions after it (of the suspended detention before it)
    bans: tuple[str, ...] = ()  # contact/area bans among those conditions


@dataclass
class _Fine:
    euros: float


@dataclass
class _Measure:
    codes: tuple[str, ...]


@dataclass
class _Ignored:
    pass


@dataclass
class _CondPart:
    """A suspended part stated in a clause of its own (applies to the detention before it)."""

    kind: str | None  # gevangenisstraf / jeugddetentie / hechtenis, or None for "(deze) straf"
    months: float
    probation: float | None  # a probation period stated in the clause's condition


@dataclass
class _CondWhole:
    """The whole of the sanction before it suspended, in a clause of its own."""

    kind: str  # as written: "straf", "gevangenisstraf", "maatregel", "geldboete", ...
    probation: float | None
    months: float | None = None  # "bepaalt dat de gevangenisstraf van 6 maanden niet ten uitvoer ...": must match


@dataclass
class _Probation:
    months: float


@dataclass
class _Excluded:
    """A clause that states no sentence (tenuitvoerlegging of an earlier sentence, compensation, ...)."""

    name: str


@dataclass
class _Verdict:
    """An acquittal or discharge clause; a span of only these is an acquittal or a discharge."""

    status: str  # "acquittal" | "discharge"


@dataclass
class _MeasureDetail:
    """What a vrijheidsbeperkende maatregel (art. 38v Sr) forbids, in a clause of its own."""

    code: str  # "contactverbod" | "gebiedsverbod"


@dataclass
class _Condition:
    """A condition of a suspended sentence or a tbs in a clause of its own, with the bans it states."""

    codes: tuple[str, ...]


@dataclass
class _NoPunishment:
    """Art. 9a Sr: guilty without punishment."""


@dataclass
class _MeasureAttribute:
    """The duration or immediate enforceability of the measure(s) just named ("beide voor de duur van 5 jaren",
    "met dadelijke uitvoerbaarheid"): no number of the codebook."""


_Component = (
    _Detention | _Task | _Fine | _Measure | _Ignored | _CondPart | _CondWhole | _Probation | _Excluded | _Verdict
    | _NoPunishment | _MeasureDetail | _Condition | _MeasureAttribute
)


def _fmt(months: float) -> str:
    return f"{months:g} maanden"


def _consume_subclauses(
    s: str, pos: int, allowed: tuple[tuple[str, re.Pattern[str]], ...]
) -> tuple[dict[str, re.Match[str]], int]:
    """Consume optional sub-clauses in any order; each at most once."""
    found: dict[str, re.Match[str]] = {}
    progress = True
    while progress and pos < len(s):
        progress = False
        for name, pattern in allowed:
            m = pattern.match(s, pos)
            if m is None or m.end() == pos:
                continue
            if name in found:
                raise _ParseError(f"dubbel onderdeel: '{m.group(0).strip(' ,')}'")
            found[name] = m
            pos = m.end()
            progress = True
            break
    return found, pos


# the whole term suspended in a relative clause: "jeugddetentie van 4 weken, welke jeugddetentie niet ten uitvoer wordt
# gelegd, tenzij ... voor het einde van de proeftijd van 2 jaren ..."
_SUB_WHOLE_SUSPENDED = re.compile(
    rf",? (?:(?:welke|die) (?P<k>{_STRAF})|die|welke) (?:in (?:zijn|haar) geheel )?(?:vooralsnog )?{_NOT_EXECUTED}{_TAIL}", _F)
_DET_SUBS = (
    ("geheel niet ten uitvoer", _SUB_WHOLE_SUSPENDED),
    ("waarvan beide", _SUB_WAARVAN_BOTH),
    ("waarvan", _SUB_WAARVAN),
    ("proeftijd", _SUB_PROEF),
    ("aftrek", _SUB_AFTREK),
    ("voorwaarden", _SUB_CONDITIONS),
    ("mindering", _SUB_DEDUCTION),
    ("gelijk", _SUB_EQUALS_PRETRIAL),
)
_SUBSID_SUBS = (("subsidiair", _SUB_SUBSID), ("subsidiair", _SUB_SUBSID_PAREN))
_TASK_SUBS = (*_SUBSID_SUBS, ("aftrek", _SUB_AFTREK), ("mindering", _SUB_DEDUCTION), ("voorwaarden", _SUB_CONDITIONS))
_FINE_SUBS = _SUBSID_SUBS
# what the measure is, after it and its duration: "(een gebiedsverbod voor de duur van 3 jaren,) als (vrijheidsbeperkende)
# maatregel (ter beveiliging van de maatschappij)"; only before the end, a next part or its duration
_SUB_MEASURE_AS = re.compile(rf",? {_AS_MEASURE}"
                             r"(?=$|[;,]| en | voor )", _F)
# what a named ban forbids, after it: "(een gebiedsverbod voor de duur van 3 jaren), inhoudende dat hij zich niet zal
# ophouden in ..." (read only when the body forbids exactly what the ban is named, see _match_measure)
_SUB_MEASURE_CONTENT = re.compile(rf",? (?:inhoudende|inhoudend)(?: dat)? (?P<content>{_38V_TEXT})", _F)
_MEASURE_SUBS = (("duur", _SUB_MEASURE_DUR), ("voorwaardelijk", _SUB_MEASURE_COND), ("proeftijd", _SUB_PROEF),
                 ("voorwaarden", _SUB_CONDITIONS), ("aftrek", _SUB_AFTREK), ("als maatregel", _SUB_MEASURE_AS),
                 ("inhoud", _SUB_MEASURE_CONTENT), *_SUBSID_SUBS)


def _validate_subsid(found: dict[str, re.Match[str]]) -> None:
    m = found.get("subsidiair")
    if m is not None:
        d = next(m.group(g) for g in ("d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "d9", "d10") if m.group(g))
        _duration_value(d)  # validate the numbers; the value itself is ignored


def _marker(word: str) -> str:
    w = word.strip(" ,")
    w = w.removeprefix("geheel ")
    return "on" if w.startswith("on") else "cond"


def _bare_duration(bare: str, total_text: str) -> float:
    """ "waarvan 3 voorwaardelijk" after "8 maanden": the number takes the unit of the (single-unit) total."""
    piece = _DUR_PIECE.fullmatch(total_text)
    if piece is None:
        raise _ParseError(f"eenheid ontbreekt bij 'waarvan {bare}' (totaal '{total_text}')")
    multiplier, divisor = _MONTHS_PER_UNIT[_UNIT_CANON[piece.group("unit")]]
    return _num_value(bare) * multiplier / divisor


def _match_detention(s: str, pos: int) -> tuple[_Detention, int] | None:
    best: re.Match[str] | None = None
    for pattern in (_DET_PRE, _DET_POST, _DET_PRETRIAL):
        m = pattern.match(s, pos)
        if m is not None and (best is None or m.end() > best.end()):
            best = m
    if best is None:
        return None
    m = best
    found, end = _consume_subclauses(s, m.end(), _DET_SUBS)
    kind = m.group("kind")
    phrase = s[pos:end]
    probation = _duration_value(found["proeftijd"].group("dur")) if "proeftijd" in found else None
    waarvan: float | None = None
    if "waarvan beide" in found:
        if "waarvan" in found:
            raise _ParseError(f"dubbel onderdeel 'waarvan': '{s[pos:end]}'")
        w = found["waarvan beide"]
        unconditional_part = _duration_value(w.group("u1") or w.group("u2"))
        waarvan = _duration_value(w.group("c1") or w.group("c2"))
        if abs(unconditional_part + waarvan - _duration_value(m.group("dur"))) > 1e-9:
            raise _ParseError(f"onvoorwaardelijk en voorwaardelijk deel tellen niet op tot de straf: '{s[pos:end]}'")
    if "waarvan" in found:
        w = found["waarvan"]
        if w.group("dur"):
            waarvan = _duration_value(w.group("dur"))
        elif m.re is _DET_PRETRIAL:
            raise _ParseError(f"voorwaardelijk deel bij straf gelijk aan voorarrest: '{phrase}'")
        else:
            waarvan = _bare_duration(w.group("bare"), m.group("dur"))
    bans = ban_codes(found["voorwaarden"].group(0)) if "voorwaarden" in found else ()
    if m.re is _DET_PRETRIAL:
        if waarvan is not None:
            raise _ParseError(f"voorwaardelijk deel bij straf gelijk aan voorarrest: '{phrase}'")
        if probation is not None:
            raise _ParseError(f"proeftijd zonder voorwaardelijk deel: '{phrase}'")
        return _Detention(kind, None, None, None, True), end
    total = _duration_value(m.group("dur"))
    if total <= 0:
        raise _ParseError(f"duur van nul: '{phrase}'")
    markers = {_marker(w) for w in (m.group("cond"), m.groupdict().get("post")) if w}
    if len(markers) > 1:
        raise _ParseError(f"tegenstrijdig (on)voorwaardelijk: '{phrase}'")
    explicit_unconditional = "on" in markers
    whole = found.get("geheel niet ten uitvoer")
    if whole is not None:
        if "on" in markers or waarvan is not None:  # "voorwaardelijke ..., welke straf niet ...": said twice
            raise _ParseError(f"'niet ten uitvoer' bij een straf die al (deels) voorwaardelijk is: '{phrase}'")
        if whole.group("k") in _KIND_WORDS and whole.group("k") != kind:
            raise _ParseError(f"'welke {whole.group('k')} niet ten uitvoer' bij een {kind}: '{phrase}'")
        markers = {"cond"}
        in_tail = _tail_probation(whole)
        if in_tail is not None:
            if probation is not None and abs(probation - in_tail) > 1e-9:
                raise _ParseError(f"verschillende proeftijden: {_fmt(probation)} en {_fmt(in_tail)}")
            probation = in_tail
    if "cond" in markers:
        if waarvan is not None:
            raise _ParseError(f"'waarvan' bij een geheel voorwaardelijke straf: '{phrase}'")
        unconditional, conditional = None, total
    elif waarvan is not None:
        if explicit_unconditional:
            raise _ParseError(f"'waarvan ... voorwaardelijk' bij een onvoorwaardelijke straf: '{phrase}'")
        if waarvan <= 0:
            raise _ParseError(f"voorwaardelijk deel van nul: '{phrase}'")
        if waarvan > total + 1e-9:
            raise _ParseError(
                f"voorwaardelijk deel ({_fmt(waarvan)}) groter dan de totale straf ({_fmt(total)}): '{phrase}'"
            )
        rest = total - waarvan
        unconditional = rest if rest > 1e-9 else None
        conditional = waarvan
    else:
        unconditional, conditional = total, None
    if probation is not None:
        if conditional is None:
            raise _ParseError(f"proeftijd zonder voorwaardelijk deel: '{phrase}'")
        if probation <= 0:
            raise _ParseError(f"proeftijd van nul: '{phrase}'")
    return _Detention(kind, unconditional, conditional, probation, False, bans), end


def _match_task(s: str, pos: int) -> tuple[_Task, int] | None:
    m = _TASK.match(s, pos)
    if m is None:
        return None
    found, end = _consume_subclauses(s, m.end(), _TASK_SUBS)
    _validate_subsid(found)
    hours_text = m.group("hours") or m.group("hours2") or m.group("hours3")
    piece = _HOURS_PIECE.fullmatch(hours_text)
    assert piece is not None
    hours = _num_value(piece.group("num"))
    if hours <= 0:
        raise _ParseError(f"taakstraf van nul uren: '{s[pos:end]}'")
    kind = m.group("kind") or m.group("kind2") or m.group("kind3")
    conditions = found.get("voorwaarden")
    bans = ban_codes(conditions.group(0)) if conditions else ()
    # a leerstraf is a taakstraf (art. 22c Sr)
    return _Task("taakstraf" if kind == "leerstraf" else kind, hours, conditions is not None, bans), end


def _match_fine(s: str, pos: int) -> tuple[_Fine, int] | None:
    m = _FINE_PRE.match(s, pos) or _FINE_POST.match(s, pos)
    if m is None:
        return None
    found, end = _consume_subclauses(s, m.end(), _FINE_SUBS)
    _validate_subsid(found)
    euros = _amount_value(m)
    if euros <= 0:
        raise _ParseError(f"geldboete van nul: '{s[pos:end]}'")
    return _Fine(euros), end


def _match_compensation(s: str, pos: int) -> tuple[_Ignored, int] | None:
    m = _COMPENSATION.match(s, pos)
    if m is None:
        return None
    found, end = _consume_subclauses(s, m.end(), _FINE_SUBS)
    _validate_subsid(found)
    return _Ignored(), end


# after a list of measures: ", beide voor de duur van vijf jaren", ", met dadelijke uitvoerbaarheid"
_MEASURE_ATTRIBUTE = re.compile(
    rf"(?:(?:beide|elk|ieder|allebei) )?voor (?:de duur van |een periode van )(?P<dur>{_DUR})"
    r"|met dadelijke uitvoerbaarheid|(?:en )?(?:beide )?dadelijk uitvoerbaar"
    # a demand's own words for it: "(;) dadelijke uitvoerbaarheid van de maatregel", "(en) dat deze maatregel dadelijk
    # uitvoerbaar wordt verklaard"
    r"|dadelijke uitvoerbaarheid(?: van (?:de|deze|die) maatregel(?:en)?)?(?=$|;)"
    r"|(?:en )?dat (?:de|deze|die) maatregel(?:en)? dadelijk uitvoerbaar (?:wordt|worden|zal worden) verklaard(?=$|;)"
    , _F)


def _match_measure_attribute(s: str, pos: int) -> tuple[_MeasureAttribute, int] | None:
    m = _MEASURE_ATTRIBUTE.match(s, pos)
    if m is None:
        return None
    if m.group("dur"):
        _duration_value(m.group("dur"))
    return _MeasureAttribute(), m.end()


_38V_CODES = (("contactverbod", ("contact",)), ("gebiedsverbod", ("gebied", "locatie", "ophouden", "verblijven", "bevinden")))


def _match_measure(s: str, pos: int) -> tuple[_Measure, int] | None:
    best: tuple[re.Match[str], tuple[str, ...] | None] | None = None
    for pattern, codes in _MEASURE_PATTERNS:
        m = pattern.match(s, pos)
        if m is not None and (best is None or m.end() > best[0].end()):
            best = (m, codes)
    bare = _38V_BARE.match(s, pos)
    if bare is not None and (best is None or bare.end() > best[0].end()):
        best = (bare, ("38v",))  # which ban: from the clauses that follow
    if best is None:
        return None
    m, codes = best
    if codes is None:
        text = m.group(0)
        body = m.groupdict().get("body")
        bans = m.groupdict().get("bans")
        if bans is not None:  # art. 38v by its content
            codes = ban_codes(bans)
            if not codes:
                raise _ParseError(f"maatregel zonder contact- of gebiedsverbod: '{text}'")
        elif body is not None:  # art. 38v written out
            codes = tuple(code for code, stems in _38V_CODES if any(stem in body for stem in stems))
            if not codes:
                raise _ParseError(f"vrijheidsbeperkende maatregel zonder contact- of gebiedsverbod: '{text}'")
        else:
            codes = tuple(
                code
                for code, stems in (("contactverbod", ("contact",)), ("gebiedsverbod", ("gebied", "locatie")))
                if any(stem in text for stem in stems)
            )
    found, end = _consume_subclauses(s, m.end(), _MEASURE_SUBS)
    _validate_subsid(found)
    if "inhoud" in found:
        content = ban_codes(found["inhoud"].group("content"))
        if codes == ("38v",) and content:  # a measure named by its purpose alone: what it forbids is its content
            codes = content
        if not content or set(content) != set(codes):
            raise _ParseError(f"inhoud van de maatregel niet gelijk aan de genoemde maatregel: "
                              f"'{found['inhoud'].group(0).strip(' ,')[:60]}'")
    if "duur" in found:
        _duration_value(found["duur"].group("dur"))
    if "voorwaardelijk" in found or "proeftijd" in found:
        raise _ParseError("voorwaardelijke maatregel: niet weer te geven in de vormen van het codeboek")
    return _Measure(codes), end


def _tail_probation(m: re.Match[str]) -> float | None:
    tail = m.group("tail")
    if not tail:
        return None
    found = _PROBATION_IN_TAIL.search(tail)
    return _duration_value(found.group("dur")) if found else None


_KIND_WORDS = {"gevangenisstraf", "jeugddetentie", "hechtenis"}


def _match_clause(s: str, pos: int) -> tuple[_Component, int] | None:
    """A clause of a decision that changes the sanction before it: a suspended part, or a probation period."""
    candidates: list[tuple[_Component, int]] = []
    m = _COND_PART_PLAIN.match(s, pos)
    if m is not None:
        months = _duration_value(m.group("dur"))
        if months <= 0:
            raise _ParseError(f"voorwaardelijk deel van nul: '{m.group(0)}'")
        kind = m.group("k") if m.group("k") in _KIND_WORDS else None
        candidates.append((_CondPart(kind, months, _tail_probation(m)), m.end()))
    m = _COND_PART.match(s, pos)
    if m is not None:
        kinds = {k for k in (m.group("k1"), m.group("k2"), m.group("k3"), m.group("k4")) if k}
        if len(kinds) > 1:
            raise _ParseError(f"twee soorten straf in één voorwaardelijk deel: '{m.group(0)}'")
        kind = next(iter(kinds), None)
        months = _duration_value(m.group("dur"))
        if months <= 0:
            raise _ParseError(f"voorwaardelijk deel van nul: '{m.group(0)}'")
        candidates.append((_CondPart(kind if kind in _KIND_WORDS else None, months, _tail_probation(m)), m.end()))
    m = _COND_WHOLE.match(s, pos)
    if m is not None:
        own = _duration_value(m.group("wdur")) if m.group("wdur") else None
        candidates.append((_CondWhole(m.group("k"), _tail_probation(m), own), m.end()))
    m = _COND_REPEAT.match(s, pos)
    if m is not None:
        probation = _tail_probation(m)
        candidates.append((_Probation(probation) if probation is not None else _Ignored(), m.end()))
    m = _PROBATION.match(s, pos)
    if m is not None:
        dur = next(m.group(g) for g in ("dur", "dur2", "dur3", "dur4") if m.group(g))
        candidates.append((_Probation(_duration_value(dur)), m.end()))
    if not candidates:
        return None
    return max(candidates, key=lambda c: c[1])


# a demand or decision that names a count or a primary/subsidiary charge: it concerns a part of the charges
_PART_OF_CHARGES = re.compile(r"\b(?:onder|feit(?:en)?) \d|primair|subsidiair")
_ACQUITTAL_WORD = re.compile(r"\bvrijspraak\b|\bvrij (?:te|zal) spreken\b|\bvrijgesproken\b|\bvrijspreekt\b"
                            r"|\bontsla(?:g|an|gen|at)\b")
# what may stand around an acquittal without naming what it is of: the whole charge, a discharge, the prosecutor, a date
_NOT_AN_OBJECT = re.compile(rf"(?:(?:van|ten aanzien van|voor) )?{_WHOLE_CHARGE}|van alle rechtsvervolging"
                            r"|(?:officier(?:en)? van justitie|advocaat-generaal|openbaar ministerie)|van \d", _F)
_OBJECT_WORD = re.compile(r"\b(?:van|voor|aanzien|betreft|zover|overige)\b|meer of anders|\bfeit")


def acquittal_names_part(text: str) -> bool:
    """Whether a demand of acquittal names what it is of other than the whole charge, in its clause: a count, "primair",
    "de mensenhandel", "het bestanddeel dwang", "ten aanzien van [slachtoffer 2]", "het overige" (the acquittal of a
    part: no value to code). "vrijspraak", "vrij te spreken van het (hem) ten laste gelegde", "daarvan" name none."""
    s = " ".join(text.lower().split())
    if not s.isascii():
        s = _strip_diacritics(s)
    m = _ACQUITTAL_WORD.search(s)
    if m is None:
        return False
    # after the acquittal, up to the clause's end or a reason ("..., omdat het bewijs van dwang ontbreekt")
    after = re.split(r";|\.(?: |$)|,? (?:omdat|nu|aangezien|wegens|bij gebrek|gelet op)\b", s[m.end():], maxsplit=1)[0]
    clause = s[:m.start()].rsplit(";", 1)[-1] + " " + after
    return bool(_PART_OF_CHARGES.search(clause) or _OBJECT_WORD.search(_NOT_AN_OBJECT.sub(" ", clause)))


def _match_other_clause(s: str, pos: int) -> tuple[_Component, int] | None:
    """Clauses of a decision that state no sentence, acquittals and discharges, art. 9a."""
    best: tuple[_Component, int] | None = None

    def consider(component: _Component, end: int) -> None:
        nonlocal best
        if best is None or end > best[1]:
            best = (component, end)

    for name, pattern in _EXCLUDED_CLAUSES:
        m = pattern.match(s, pos)
        if m is not None:
            consider(_Excluded(name), m.end())
    m = _DEDUCTION.match(s, pos)
    if m is not None:
        consider(_Excluded("voorarrest in mindering"), m.end())
    m = _ACQUITTAL_CLAUSE.match(s, pos)
    if m is not None:
        text = m.group(0)
        boilerplate = any(w in text for w in ("meer of anders", "overigens", "voor het overige", "het meerdere"))
        consider(_Excluded("meer of anders ten laste gelegd") if boilerplate else _Verdict("acquittal"), m.end())
    m = _DISCHARGE_CLAUSE.match(s, pos)
    if m is not None:
        consider(_Verdict("discharge"), m.end())
    m = _DEMAND_ACQUITTAL.match(s, pos)
    # "daarvan" points back: at a count named before it in the clause ("dat feit 1 niet bewezen kan worden en heeft
    # gevorderd verdachte daarvan vrij te spreken") it is the acquittal of that count, a part
    if m is not None and _demand_acquittal_is_whole(m) and not (
            m.group("before") == "daarvan" and _PART_OF_CHARGES.search(s[:m.start()].rsplit(";", 1)[-1])):
        consider(_Verdict("acquittal"), m.end())
    elif m is not None:
        consider(_Excluded("vrijspraak van een deel"), m.end())
    m = _DEMAND_DISCHARGE.match(s, pos)
    if m is not None:
        consider(_Verdict("discharge"), m.end())
    m = _DEMAND_STATUS.match(s, pos)
    if m is not None and not acquittal_names_part(m.group(0)):
        consider(_Verdict("discharge" if m.group("what").startswith("ontslag") else "acquittal"), m.end())
    m = _NO_PUNISHMENT.match(s, pos)
    if m is not None:
        consider(_NoPunishment(), m.end())
    m = _CONDITION_CLAUSE.match(s, pos)
    if m is not None:
        consider(_Condition(ban_codes(m.group(0))), m.end())
    for code, pattern in _MEASURE_DETAILS:
        m = pattern.match(s, pos)
        if m is not None:
            consider(_MeasureDetail(code), m.end())
    return best


_MATCHERS = (
    _match_detention,
    _match_task,
    _match_fine,
    _match_measure,
    _match_compensation,
    _match_clause,
    _match_other_clause,
    _match_measure_attribute,
)


def _fragment(s: str, pos: int) -> str:
    frag = s[pos:].strip(" ,;+")
    return frag if len(frag) <= 60 else frag[:57] + "..."


def _scan(s: str) -> list[_Component]:
    components: list[_Component] = []
    pos = 0
    while True:
        heading = _RUN_IN_HEADING.match(s, pos)
        if heading is not None:
            pos = heading.end()  # "Straf - veroordeelt ...", "Beslag verklaart verbeurd ..."
        starts = [pos]
        intro = _DEMAND_INTRO.match(s, pos)
        if intro is not None and intro.end() < len(s):
            starts.append(intro.end())  # "De officier van justitie heeft gevorderd ..." before what is demanded
        for start in list(starts):
            verb = _VERB.match(s, start)
            if verb is not None and verb.end() < len(s):
                starts.append(verb.end())  # "veroordeelt verdachte tot een ...": the sanction after the verb
        best: tuple[_Component, int] | None = None
        for start in starts:
            for matcher in _MATCHERS:
                result = matcher(s, start)
                if result is not None and result[1] > start and (best is None or result[1] > best[1]):
                    best = result
        if best is None:
            pos = starts[-1]
            raise _ParseError(f"niet herkend: '{_fragment(s, pos)}'")
        components.append(best[0])
        pos = best[1]
        trailing = _TRAILING_VERB.match(s, pos)
        if trailing is not None:
            pos = trailing.end()
        if pos >= len(s):
            return components
        sep = _SEP.match(s, pos)
        if sep is None or sep.end() >= len(s):
            raise _ParseError(f"niet herkend: '{_fragment(s, pos)}'")
        pos = sep.end()


_SANCTION_TYPES = (_Detention, _Task, _Fine, _Measure)


# decisions that may carry conditions of their own (suspension of pre-trial detention, an earlier sentence's probation)
_OTHER_DECISIONS = frozenset({"voorlopige hechtenis", "tenuitvoerlegging van een eerdere straf", "schadevergoeding",
                              "beslag", "ontneming"})


def _apply_clauses(components: list[_Component]) -> list[_Component]:
    """Fold the separate clauses (suspended part, probation) into the detention they belong to."""
    out: list[_Component] = []
    probations: list[float] = []
    last_sanction: _Component | None = None
    other_decision = ""  # a decision on another matter since the last sanction (its conditions are not the sentence's)
    for c in components:
        if isinstance(c, _SANCTION_TYPES):
            out.append(c)
            last_sanction = c
            other_decision = ""
        elif isinstance(c, _CondPart):
            target = next(
                (d for d in reversed(out) if isinstance(d, _Detention) and (c.kind is None or d.kind == c.kind)),
                None,
            )
            if target is None:
                raise _ParseError("voorwaardelijk deel zonder vrijheidsstraf")
            if target.pretrial or target.unconditional is None or target.conditional is not None:
                raise _ParseError(f"voorwaardelijk deel bij een straf die al een voorwaardelijk deel heeft of geheel "
                                  f"voorwaardelijk is ({target.kind})")
            if c.months > target.unconditional + 1e-9:
                raise _ParseError(
                    f"voorwaardelijk deel ({_fmt(c.months)}) groter dan de totale straf ({_fmt(target.unconditional)})"
                )
            rest = target.unconditional - c.months
            target.unconditional = rest if rest > 1e-9 else None
            target.conditional = c.months
            if c.probation is not None:
                probations.append(c.probation)
        elif isinstance(c, _CondWhole):
            if not isinstance(last_sanction, _Detention) or c.kind in ("maatregel", "geldboete", "taakstraf",
                                                                        "werkstraf", "isd-maatregel", "pij-maatregel"):
                what = {_Fine: "geldboete", _Task: "taakstraf", _Measure: "maatregel"}.get(type(last_sanction), c.kind)
                raise _ParseError(f"voorwaardelijke {what}: niet weer te geven in de vormen van het codeboek")
            target = last_sanction
            if c.kind in _KIND_WORDS and c.kind != target.kind:
                raise _ParseError(f"voorwaardelijke {c.kind} na een {target.kind}")
            if (not target.pretrial and target.unconditional is None and target.conditional is not None
                    and c.kind not in _KIND_WORDS - {target.kind}
                    and (c.months is None or abs(c.months - target.conditional) <= 1e-9)):
                # "veroordeelt tot een voorwaardelijke gevangenisstraf van 2 maanden; bepaalt dat deze straf niet ten
                # uitvoer zal worden gelegd ...": the suspension said twice, nothing changes
                if c.probation is not None:
                    probations.append(c.probation)
                continue
            if target.pretrial or target.unconditional is None or target.conditional is not None:
                raise _ParseError(f"'niet ten uitvoer' bij een straf die al (deels) voorwaardelijk is ({target.kind})")
            if c.months is not None and abs(c.months - target.unconditional) > 1e-9:
                raise _ParseError(f"'niet ten uitvoer' van {_fmt(c.months)} bij een straf van {_fmt(target.unconditional)}")
            target.conditional, target.unconditional = target.unconditional, None
            if c.probation is not None:
                probations.append(c.probation)
        elif isinstance(c, _Probation):
            probations.append(c.months)
        elif isinstance(c, _MeasureAttribute):
            if not isinstance(last_sanction, _Measure) or other_decision:
                raise _ParseError("duur of dadelijke uitvoerbaarheid zonder maatregel ervoor")
        elif isinstance(c, _Condition):
            if not c.codes or (isinstance(last_sanction, _Measure) and "tbs" in last_sanction.codes):
                continue  # a condition without a ban, or a condition of the tbs itself
            if other_decision:
                raise _ParseError(f"contact- of gebiedsverbod als voorwaarde na een beslissing over {other_decision}: "
                                  "bij welke straf hoort het?")
            if not isinstance(last_sanction, _Detention):
                raise _ParseError("contact- of gebiedsverbod als voorwaarde zonder voorwaardelijke straf")
            last_sanction.bans = tuple(sorted({*last_sanction.bans, *c.codes}))
        elif isinstance(c, _MeasureDetail):
            target = next((m for m in reversed(out) if isinstance(m, _Measure) and "38v" in m.codes), None)
            if target is None:
                raise _ParseError(f"{c.code} zonder vrijheidsbeperkende maatregel")
            target.codes = tuple(sorted({*target.codes, c.code}))
        else:
            if isinstance(c, _Excluded) and c.name in _OTHER_DECISIONS:
                other_decision = c.name
            out.append(c)
    for m in out:
        if isinstance(m, _Measure) and "38v" in m.codes:
            m.codes = tuple(code for code in m.codes if code != "38v")
            if not m.codes:
                raise _ParseError("vrijheidsbeperkende maatregel zonder contact- of gebiedsverbod")
    if probations:
        if max(probations) - min(probations) > 1e-9:
            raise _ParseError("verschillende proeftijden: " + ", ".join(_fmt(p) for p in probations))
        probation = probations[0]
        if probation <= 0:
            raise _ParseError("proeftijd van nul")
        conditional = [d for d in out if isinstance(d, _Detention) and d.conditional is not None]
        if not conditional:
            raise _ParseError("proeftijd zonder voorwaardelijk deel")
        for d in conditional:
            if d.probation is not None and abs(d.probation - probation) > 1e-9:
                raise _ParseError(f"verschillende proeftijden: {_fmt(d.probation)} en {_fmt(probation)}")
            d.probation = probation
    return out


def _combine(components: list[_Component]) -> Sanction:
    components = _apply_clauses(components)
    sanctions = [c for c in components if isinstance(c, _SANCTION_TYPES)]
    decision_words = [c for c in components if isinstance(c, (_Excluded, _Verdict, _NoPunishment))]
    if any(isinstance(c, _NoPunishment) for c in components):
        if sanctions:
            raise _ParseError("schuldigverklaring zonder oplegging van straf naast een straf")
        raise _ParseError("schuldigverklaring zonder oplegging van straf (art. 9a Sr): geen straf om te lezen")
    if not sanctions and decision_words:
        verdicts = {c.status for c in components if isinstance(c, _Verdict)}
        if "acquittal" in verdicts:
            return _ACQUITTAL  # the codebook: "vrijspraak" also when only a discharge follows
        if verdicts == {"discharge"}:
            return _DISCHARGE
        names = sorted({c.name for c in components if isinstance(c, _Excluded)})
        raise _ParseError("geen strafoplegging in deze tekst (" + "; ".join(names) + ")")
    kind: str | None = None
    unconditional: float | None = None
    conditional: float | None = None
    probation: float | None = None
    pretrial = False
    task: _Task | None = None
    fine: float | None = None
    measures: set[str] = set()
    for c in components:
        if isinstance(c, _Detention) and c.bans:
            measures.update(_condition_bans(c.conditional, c.bans))
        if isinstance(c, _Detention):
            if kind is not None and c.kind != kind:
                raise _ParseError(f"verschillende soorten vrijheidsstraf: {kind} en {c.kind}")
            kind = c.kind
            if c.unconditional is not None or c.pretrial:
                if unconditional is not None or pretrial:
                    raise _ParseError("meer dan één onvoorwaardelijke vrijheidsstraf")
                unconditional, pretrial = c.unconditional, c.pretrial
            if c.conditional is not None:
                if conditional is not None:
                    raise _ParseError("meer dan één voorwaardelijke vrijheidsstraf")
                conditional, probation = c.conditional, c.probation
        elif isinstance(c, _Task):
            if task is not None:
                raise _ParseError("meer dan één taakstraf")
            task = c
            # a taakstraf read here is unconditional: special conditions after it ("..., waarvan 120 dagen
            # voorwaardelijk, en een taakstraf van 80 uren, met als bijzondere voorwaarden ...") are those of the
            # suspended detention before it, and of nothing when there is none
            if c.conditions:
                if conditional is None:
                    raise _ParseError("bijzondere voorwaarden na een taakstraf zonder voorwaardelijke vrijheidsstraf ervoor")
                measures.update(c.bans)
        elif isinstance(c, _Fine):
            if fine is not None:
                raise _ParseError("meer dan één geldboete")
            fine = c.euros
        elif isinstance(c, _Measure):
            measures.update(c.codes)
    if not ((kind is not None and (unconditional is not None or conditional is not None or pretrial))
            or task is not None or fine is not None or measures):
        # e.g. "stelt de bijzondere voorwaarden": words the parser accounts for, but no punishment in them
        raise _ParseError("geen straf of maatregel in de zin")
    return Sanction(
        status="parsed",
        detention_kind=kind,
        unconditional_months=unconditional,
        unconditional_equals_pretrial=pretrial,
        conditional_months=conditional,
        probation_months=probation,
        community_service_hours=task.hours if task else None,
        community_service_kind=task.kind if task else None,
        measures=tuple(sorted(measures)),
        fine_euros=fine,
    )


@lru_cache(maxsize=65536)
def _parse_normalised(s: str) -> Sanction:
    if _STATUS_UNKNOWN.fullmatch(s):
        return _UNKNOWN
    if _STATUS_ACQUITTAL.fullmatch(s):
        return _ACQUITTAL
    if _STATUS_DISCHARGE.fullmatch(s):
        return _DISCHARGE
    try:
        return _combine(_scan(s))
    except _ParseError as exc:
        return _unparsed(str(exc))


def parse_sanction(text: str | None) -> Sanction:
    """Parse one demand/sentence cell. Never raises for a string or None; never guesses.

    None, NaN (an empty spreadsheet cell read by pandas), "", "onbekend", "niet bekend"
    -> status "unknown". Anything not completely understood -> status "unparsed" with reason.
    """
    if text is None:
        return _UNKNOWN
    if not isinstance(text, str):
        if isinstance(text, float) and math.isnan(text):
            return _UNKNOWN
        return _unparsed(f"geen tekst: {type(text).__name__}")
    return _parse_normalised(_normalise(text))


# --------------------------------------------------------------------------------------------
# The inverse: a Sanction written as a phrase in the codebook's forms
# --------------------------------------------------------------------------------------------

_MEASURE_WORDS = {
    "tbs": "tbs",
    "pij": "pij-maatregel",
    "isd": "isd-maatregel",
    "gbm": "gedragsbeïnvloedende maatregel",
    "contactverbod": "contactverbod",
    "gebiedsverbod": "gebiedsverbod",
}
_STATUS_WORDS = {"unknown": "onbekend", "acquittal": "vrijspraak", "discharge": "ontslag van alle rechtsvervolging"}


def _whole(x: float, tol: float = 1e-6) -> int | None:
    r = round(x)
    return int(r) if abs(x - r) <= tol and r >= 0 else None


def _decimal(x: float) -> str:
    text = f"{x:.6f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _duration_words(months: float) -> str:
    """Months as the parser's duration words: whole months, whole days, or months and days."""
    m = _whole(months, 1e-9)
    if m is not None:
        if m >= 12 and m % 12 == 0:
            return f"{m // 12} {'jaar' if m == 12 else 'jaren'}"
        return f"{m} {'maand' if m == 1 else 'maanden'}"
    days = _whole(months * DAYS_PER_YEAR / 12.0)
    if days is not None and abs(days * 12.0 / DAYS_PER_YEAR - months) <= 1e-9:
        return f"{days} {'dag' if days == 1 else 'dagen'}"
    whole_months = math.floor(months)
    rest_days = _whole((months - whole_months) * DAYS_PER_YEAR / 12.0)
    if whole_months >= 1 and rest_days and abs(whole_months + rest_days * 12.0 / DAYS_PER_YEAR - months) <= 1e-9:
        return (f"{whole_months} {'maand' if whole_months == 1 else 'maanden'} en "
                f"{rest_days} {'dag' if rest_days == 1 else 'dagen'}")
    if abs(round(months, 1) - months) <= 1e-9:  # "2,5 maanden"
        return f"{_decimal(months)} maanden"
    raise ValueError(f"format_sanction: {months!r} maanden is niet exact als duur te schrijven")


def format_sanction(sanction: Sanction) -> str:
    """Write a Sanction as a phrase in the codebook's forms (docs/codebook.md par. 7).

    `parse_sanction(format_sanction(s))` gives the same numbers as `s` (tested). Raises ValueError for an
    unparsed Sanction (there is nothing to write) and for a parsed one without any sanction.
    """
    if sanction.status in _STATUS_WORDS:
        return _STATUS_WORDS[sanction.status]
    if sanction.status != "parsed":
        raise ValueError(f"format_sanction: status {sanction.status!r} heeft geen strafzin ({sanction.reason})")
    parts: list[str] = []
    kind = sanction.detention_kind
    unconditional, conditional = sanction.unconditional_months, sanction.conditional_months
    probation = (
        f" met een proeftijd van {_duration_words(sanction.probation_months)}"
        if sanction.probation_months is not None
        else ""
    )
    if kind is not None:
        if sanction.unconditional_equals_pretrial:
            parts.append(f"{kind} voor de duur van het voorarrest")
            if conditional is not None:
                parts.append(f"voorwaardelijke {kind} van {_duration_words(conditional)}{probation}")
        elif unconditional is not None and conditional is not None:
            total = unconditional + conditional
            parts.append(f"{kind} van {_duration_words(total)}, waarvan {_duration_words(conditional)} "
                         f"voorwaardelijk{probation}")
        elif conditional is not None:
            parts.append(f"voorwaardelijke {kind} van {_duration_words(conditional)}{probation}")
        elif unconditional is not None:
            parts.append(f"{kind} van {_duration_words(unconditional)}")
    if sanction.community_service_hours is not None:
        hours = sanction.community_service_hours
        whole = _whole(hours, 1e-9)
        parts.append(f"{sanction.community_service_kind or 'taakstraf'} van "
                     f"{whole if whole is not None else _decimal(hours)} uren")
    if sanction.fine_euros is not None:
        cents = _whole(sanction.fine_euros * 100, 1e-6)
        if cents is None:
            raise ValueError(f"format_sanction: bedrag {sanction.fine_euros!r} niet in hele centen")
        euros, rest = divmod(cents, 100)
        parts.append(f"geldboete van € {euros}" + (f",{rest:02d}" if rest else ""))
    parts.extend(_MEASURE_WORDS[m] for m in sanction.measures)
    if not parts:
        raise ValueError("format_sanction: geen straf of maatregel om te schrijven")
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]
