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

Ignored phrases: see `IGNORED_PHRASES`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "IGNORED_PHRASES",
    "MEASURES",
    "STATUSES",
    "Sanction",
    "dutch_number_words",
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


def _normalise(text: str) -> str:
    s = text.lower()
    if not s.isascii():
        s = _strip_diacritics(s)
    s = " ".join(s.split())
    for pattern, repl in _NORM_SUBS:
        s = pattern.sub(repl, s)
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
_AMOUNT = rf"(?:(?:€ ?|eur(?:o)? )(?P<a1>{_AMT})(?:,-{{1,2}})?|(?P<a2>{_AMT}) (?:euro|eur){_END})"

_KIND = r"(?P<kind>gevangenisstraf|jeugddetentie|hechtenis)"
_ART = r"(?:(?:een|de) )?"

_DET_PRE = re.compile(
    rf"{_ART}(?P<cond>(?:on)?voorwaardelijke )?{_KIND} "
    rf"(?:voor de duur van|ter duur van|van|voor) (?P<dur>{_DUR})"
    rf"(?P<post> (?:geheel )?(?:on)?voorwaardelijk)?{_END}",
    _F,
)
_DET_POST = re.compile(
    rf"{_ART}(?P<dur>{_DUR}) (?P<cond>(?:on)?voorwaardelijke )?{_KIND}{_END}",
    _F,
)
_DET_PRETRIAL = re.compile(
    rf"{_ART}{_KIND} (?:voor de duur van (?:het )?voorarrest"
    r"|gelijk aan (?:de duur van )?(?:het )?voorarrest"
    r"|gelijk aan de (?:in voorarrest|in verzekering en (?:in )?voorlopige hechtenis) doorgebrachte tijd)"
    rf"{_END}",
    _F,
)
_SUB_WAARVAN = re.compile(
    rf"(?:, | )waarvan (?:een (?:ge)?deel(?:te)?,? (?:groot |van )?)?(?P<dur>{_DUR}),? "
    rf"(?:voorwaardelijk|niet ten uitvoer (?:zal|zullen) worden gelegd){_END}",
    _F,
)
_SUB_PROEF = re.compile(
    rf"(?:, | )(?:(?:met|onder|bij|en) )?(?:een )?proeftijd (?:van )?(?P<dur>{_DUR})",
    _F,
)
_SUB_AFTREK = re.compile(
    r"(?:, | )met aftrek(?: van (?:het voorarrest|voorarrest|de voorlopige hechtenis"
    r"|de tijd (?:die (?:de verdachte )?)?in (?:voorarrest|verzekering en (?:in )?voorlopige hechtenis)"
    r" (?:heeft )?doorgebracht"
    r"|de in (?:voorarrest|verzekering en (?:in )?voorlopige hechtenis) doorgebrachte tijd))?"
    + _END,
    _F,
)
_SUBSID_BODY = (
    rf"(?:subsidiair (?P<d1>{_DUR})(?: (?:vervangende )?(?:hechtenis|gijzeling))?"
    r"|(?:(?:bij|indien) (?:het )?niet (?:naar behoren|behoorlijk) "
    r"(?:verrichten|verricht|uitvoeren|uitgevoerd)(?: daarvan| van de (?:taakstraf|werkstraf))?,? )?"
    rf"te vervangen door (?P<d2>{_DUR}) (?:vervangende )?(?:hechtenis|gijzeling))"
    r"(?: per (?:overtreding|keer))?"
)
_SUB_SUBSID = re.compile(rf"(?:, | ){_SUBSID_BODY}{_END}", _F)
_SUB_SUBSID_PAREN = re.compile(rf" \({_SUBSID_BODY}\)", _F)
_SUB_MEASURE_DUR = re.compile(rf"(?:, | )voor (?:de duur van |een periode van )?(?P<dur>{_DUR})", _F)

_TASK = re.compile(
    rf"{_ART}(?:(?P<kind>taakstraf|werkstraf) (?:voor de duur van|ter grootte van|van|voor) "
    rf"(?P<hours>{_HOURS})|(?P<hours2>{_HOURS}) (?P<kind2>taakstraf|werkstraf){_END})",
    _F,
)
_FINE_PRE = re.compile(rf"{_ART}geldboete (?:van|ter hoogte van|groot) {_AMOUNT}", _F)
_FINE_POST = re.compile(rf"{_ART}{_AMOUNT} geldboete{_END}", _F)
_COMPENSATION = re.compile(
    rf"{_ART}(?:schadevergoedingsmaatregel|schadevergoeding)"
    r"(?: (?:ten behoeve van|aan|voor) (?:het |de )?(?:slachtoffers?|benadeelde partij(?:en)?))?"
    rf"(?: (?:van|ter hoogte van|groot|tot een bedrag van) {_AMOUNT})?{_END}",
    _F,
)

_V = (
    r"(?:contact- en gebiedsverbod|contactverbod en (?:een )?gebiedsverbod"
    r"|gebiedsverbod en (?:een )?contactverbod|contactverbod|gebiedsverbod)"
)
_MEASURE_PATTERNS: tuple[tuple[re.Pattern[str], tuple[str, ...] | None], ...] = (
    (
        re.compile(
            rf"{_ART}(?:maatregel (?:van )?)?(?:tbs(?:-maatregel)?|terbeschikkingstelling|ter beschikking stelling)"
            r"(?: (?:met|onder) (?:dwangverpleging|bevel tot verpleging(?: van overheidswege)?"
            r"|verpleging van overheidswege|voorwaarden))?" + _END,
            _F,
        ),
        ("tbs",),
    ),
    (
        re.compile(
            rf"{_ART}(?:voorwaardelijke )?(?:pij(?:-| )?maatregel|pij|jeugd(?:-| )?tbs"
            r"|(?:maatregel (?:tot|van) )?plaatsing in een inrichting voor jeugdigen)" + _END,
            _F,
        ),
        ("pij",),
    ),
    (
        re.compile(
            rf"{_ART}(?:isd(?:-| )?maatregel|isd"
            r"|(?:maatregel (?:tot|van) )?plaatsing in een inrichting voor stelselmatige daders)" + _END,
            _F,
        ),
        ("isd",),
    ),
    (
        re.compile(rf"{_ART}(?:gedragsbeinvloedende maatregel|gbm(?:-maatregel)?){_END}", _F),
        ("gbm",),
    ),
    (
        re.compile(
            rf"{_ART}(?:vrijheidsbeperkende maatregel(?: \({_V}\)|: (?:een )?{_V}"
            rf"|, (?:te weten|namelijk) (?:een )?{_V}| in de vorm van (?:een )?{_V})|{_V}){_END}",
            _F,
        ),
        None,  # contactverbod and/or gebiedsverbod: decided from the matched text
    ),
)

_SEP = re.compile(r"(?:, |; | \+ )(?:(?:en|alsmede) )?| (?:en|alsmede|alsook) ", _F)

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


@dataclass
class _Task:
    kind: str
    hours: float


@dataclass
class _Fine:
    euros: float


@dataclass
class _Measure:
    codes: tuple[str, ...]


@dataclass
class _Ignored:
    pass


_Component = _Detention | _Task | _Fine | _Measure | _Ignored


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
            if m is None:
                continue
            if name in found:
                raise _ParseError(f"dubbel onderdeel: '{m.group(0).strip(' ,')}'")
            found[name] = m
            pos = m.end()
            progress = True
            break
    return found, pos


_DET_SUBS = (("waarvan", _SUB_WAARVAN), ("proeftijd", _SUB_PROEF), ("aftrek", _SUB_AFTREK))
_SUBSID_SUBS = (("subsidiair", _SUB_SUBSID), ("subsidiair", _SUB_SUBSID_PAREN))
_TASK_SUBS = (*_SUBSID_SUBS, ("aftrek", _SUB_AFTREK))
_FINE_SUBS = _SUBSID_SUBS
_MEASURE_SUBS = (("duur", _SUB_MEASURE_DUR), *_SUBSID_SUBS)


def _validate_subsid(found: dict[str, re.Match[str]]) -> None:
    m = found.get("subsidiair")
    if m is not None:
        d = m.group("d1") or m.group("d2")
        _duration_value(d)  # validate the numbers; the value itself is ignored


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
    waarvan = _duration_value(found["waarvan"].group("dur")) if "waarvan" in found else None
    if m.re is _DET_PRETRIAL:
        if waarvan is not None:
            raise _ParseError(f"voorwaardelijk deel bij straf gelijk aan voorarrest: '{phrase}'")
        if probation is not None:
            raise _ParseError(f"proeftijd zonder voorwaardelijk deel: '{phrase}'")
        return _Detention(kind, None, None, None, True), end
    total = _duration_value(m.group("dur"))
    if total <= 0:
        raise _ParseError(f"duur van nul: '{phrase}'")
    markers = {
        "on" if w.strip().startswith("on") else "cond"
        for w in (m.group("cond"), m.groupdict().get("post"))
        if w
    }
    if len(markers) > 1:
        raise _ParseError(f"tegenstrijdig (on)voorwaardelijk: '{phrase}'")
    explicit_unconditional = "on" in markers
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
    return _Detention(kind, unconditional, conditional, probation, False), end


def _match_task(s: str, pos: int) -> tuple[_Task, int] | None:
    m = _TASK.match(s, pos)
    if m is None:
        return None
    found, end = _consume_subclauses(s, m.end(), _TASK_SUBS)
    _validate_subsid(found)
    hours_text = m.group("hours") or m.group("hours2")
    piece = _HOURS_PIECE.fullmatch(hours_text)
    assert piece is not None
    hours = _num_value(piece.group("num"))
    if hours <= 0:
        raise _ParseError(f"taakstraf van nul uren: '{s[pos:end]}'")
    return _Task(m.group("kind") or m.group("kind2"), hours), end


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


def _match_measure(s: str, pos: int) -> tuple[_Measure, int] | None:
    best: tuple[re.Match[str], tuple[str, ...] | None] | None = None
    for pattern, codes in _MEASURE_PATTERNS:
        m = pattern.match(s, pos)
        if m is not None and (best is None or m.end() > best[0].end()):
            best = (m, codes)
    if best is None:
        return None
    m, codes = best
    if codes is None:
        text = m.group(0)
        codes = tuple(
            code for code, stem in (("contactverbod", "contact"), ("gebiedsverbod", "gebied")) if stem in text
        )
    found, end = _consume_subclauses(s, m.end(), _MEASURE_SUBS)
    _validate_subsid(found)
    if "duur" in found:
        _duration_value(found["duur"].group("dur"))
    return _Measure(codes), end


_MATCHERS = (_match_detention, _match_task, _match_fine, _match_measure, _match_compensation)


def _fragment(s: str, pos: int) -> str:
    frag = s[pos:].strip(" ,;+")
    return frag if len(frag) <= 60 else frag[:57] + "..."


def _scan(s: str) -> list[_Component]:
    components: list[_Component] = []
    pos = 0
    while True:
        best: tuple[_Component, int] | None = None
        for matcher in _MATCHERS:
            result = matcher(s, pos)
            if result is not None and (best is None or result[1] > best[1]):
                best = result
        if best is None:
            raise _ParseError(f"niet herkend: '{_fragment(s, pos)}'")
        components.append(best[0])
        pos = best[1]
        if pos >= len(s):
            return components
        sep = _SEP.match(s, pos)
        if sep is None or sep.end() >= len(s):
            raise _ParseError(f"niet herkend: '{_fragment(s, pos)}'")
        pos = sep.end()


def _combine(components: list[_Component]) -> Sanction:
    kind: str | None = None
    unconditional: float | None = None
    conditional: float | None = None
    probation: float | None = None
    pretrial = False
    task: _Task | None = None
    fine: float | None = None
    measures: set[str] = set()
    for c in components:
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
        elif isinstance(c, _Fine):
            if fine is not None:
                raise _ParseError("meer dan één geldboete")
            fine = c.euros
        elif isinstance(c, _Measure):
            measures.update(c.codes)
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
