"""Tests for mhcases.phrases: the parser of Dutch sentencing phrases (strafeis/strafoplegging)."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mhcases.phrases import (
    IGNORED_PHRASES,
    MEASURES,
    STATUSES,
    Sanction,
    dutch_number_words,
    format_sanction,
    parse_duration_months,
    parse_number,
    parse_sanction,
)

DAY = 12 / 365.25
WEEK = 7 * 12 / 365.25


def parsed(**fields: object) -> Sanction:
    return Sanction(status="parsed", **fields)  # type: ignore[arg-type]


def assert_same(actual: Sanction, expected: Sanction) -> None:
    """Field-by-field equality; floats compared with a tiny relative tolerance."""
    a, e = dataclasses.asdict(actual), dataclasses.asdict(expected)
    assert a.keys() == e.keys()
    for key in e:
        if isinstance(e[key], float) and isinstance(a[key], float):
            assert a[key] == pytest.approx(e[key], rel=1e-12), (key, actual)
        else:
            assert a[key] == e[key], (key, actual)


# ---------------------------------------------------------------------------------------------
# Unit tests: every supported form
# ---------------------------------------------------------------------------------------------

G = "gevangenisstraf"
J = "jeugddetentie"

PARSED_CASES: list[tuple[str, Sanction]] = [
    # --- the forms from the brief ---
    ("gevangenisstraf voor de duur van 30 maanden", parsed(detention_kind=G, unconditional_months=30.0)),
    (
        "gevangenisstraf voor de duur van 30 maanden, waarvan 10 maanden voorwaardelijk met een proeftijd van 2 jaren",
        parsed(detention_kind=G, unconditional_months=20.0, conditional_months=10.0, probation_months=24.0),
    ),
    (
        "gevangenisstraf voor de duur van 30 maanden, waarvan 10 maanden voorwaardelijk",
        parsed(detention_kind=G, unconditional_months=20.0, conditional_months=10.0),
    ),
    (
        "gevangenisstraf voor de duur van 42 (tweeënveertig) maanden, met aftrek van voorarrest",
        parsed(detention_kind=G, unconditional_months=42.0),
    ),
    ("gevangenisstraf van 3 jaren", parsed(detention_kind=G, unconditional_months=36.0)),
    ("gevangenisstraf van 1 jaar en 6 maanden", parsed(detention_kind=G, unconditional_months=18.0)),
    (
        "een gevangenisstraf van 24 maanden waarvan 8 maanden niet ten uitvoer zal worden gelegd, "
        "met een proeftijd van 3 jaren",
        parsed(detention_kind=G, unconditional_months=16.0, conditional_months=8.0, probation_months=36.0),
    ),
    (
        "voorwaardelijke gevangenisstraf van 6 maanden met een proeftijd van 2 jaren",
        parsed(detention_kind=G, conditional_months=6.0, probation_months=24.0),
    ),
    ("taakstraf van 240 uren", parsed(community_service_hours=240.0, community_service_kind="taakstraf")),
    (
        "werkstraf van 120 uur, subsidiair 60 dagen vervangende hechtenis",
        parsed(community_service_hours=120.0, community_service_kind="werkstraf"),
    ),
    (
        "gevangenisstraf voor de duur van 18 maanden en een taakstraf van 240 uren",
        parsed(
            detention_kind=G,
            unconditional_months=18.0,
            community_service_hours=240.0,
            community_service_kind="taakstraf",
        ),
    ),
    ("tbs met dwangverpleging", parsed(measures=("tbs",))),
    ("terbeschikkingstelling met bevel tot verpleging van overheidswege", parsed(measures=("tbs",))),
    ("tbs met voorwaarden", parsed(measures=("tbs",))),
    ("plaatsing in een inrichting voor jeugdigen", parsed(measures=("pij",))),
    ("PIJ-maatregel", parsed(measures=("pij",))),
    ("jeugd-tbs", parsed(measures=("pij",))),
    ("contactverbod", parsed(measures=("contactverbod",))),
    ("gebiedsverbod", parsed(measures=("gebiedsverbod",))),
    ("contact- en gebiedsverbod", parsed(measures=("contactverbod", "gebiedsverbod"))),
    ("vrijheidsbeperkende maatregel (contactverbod)", parsed(measures=("contactverbod",))),
    ("gedragsbeïnvloedende maatregel", parsed(measures=("gbm",))),
    ("ISD-maatregel", parsed(measures=("isd",))),
    ("jeugddetentie voor de duur van 90 dagen", parsed(detention_kind=J, unconditional_months=90 * DAY)),
    ("jeugddetentie voor de duur van het voorarrest", parsed(detention_kind=J, unconditional_equals_pretrial=True)),
    ("jeugddetentie gelijk aan het voorarrest", parsed(detention_kind=J, unconditional_equals_pretrial=True)),
    ("voorwaardelijke jeugddetentie van 2 maanden", parsed(detention_kind=J, conditional_months=2.0)),
    ("geldboete van € 5.000", parsed(fine_euros=5000.0)),
    ("geldboete van 2500 euro", parsed(fine_euros=2500.0)),
    # --- separators ---
    (
        "gevangenisstraf van 18 maanden, taakstraf van 240 uren",
        parsed(detention_kind=G, unconditional_months=18.0, community_service_hours=240.0,
               community_service_kind="taakstraf"),
    ),
    (
        "gevangenisstraf van 18 maanden; tbs met dwangverpleging",
        parsed(detention_kind=G, unconditional_months=18.0, measures=("tbs",)),
    ),
    (
        "gevangenisstraf van 4 jaren alsmede tbs met dwangverpleging",
        parsed(detention_kind=G, unconditional_months=48.0, measures=("tbs",)),
    ),
    (
        "gevangenisstraf van 4 jaren + contactverbod + gebiedsverbod",
        parsed(detention_kind=G, unconditional_months=48.0, measures=("contactverbod", "gebiedsverbod")),
    ),
    # --- realistic variants ---
    ("Gevangenisstraf  voor de duur van   30 MAANDEN.", parsed(detention_kind=G, unconditional_months=30.0)),
    ("18 maanden gevangenisstraf", parsed(detention_kind=G, unconditional_months=18.0)),
    ("anderhalf jaar gevangenisstraf", parsed(detention_kind=G, unconditional_months=18.0)),
    ("gevangenisstraf van 2,5 jaar", parsed(detention_kind=G, unconditional_months=30.0)),
    ("gevangenisstraf van 2.5 jaar", parsed(detention_kind=G, unconditional_months=30.0)),
    ("gevangenisstraf van twaalf maanden", parsed(detention_kind=G, unconditional_months=12.0)),
    ("gevangenisstraf van één jaar", parsed(detention_kind=G, unconditional_months=12.0)),
    ("gevangenisstraf voor de duur van 42 (tweeenveertig) maanden", parsed(detention_kind=G, unconditional_months=42.0)),
    ("gevangenisstraf van 3 weken", parsed(detention_kind=G, unconditional_months=3 * WEEK)),
    ("hechtenis van 2 weken", parsed(detention_kind="hechtenis", unconditional_months=2 * WEEK)),
    ("onvoorwaardelijke gevangenisstraf van 8 maanden", parsed(detention_kind=G, unconditional_months=8.0)),
    (
        "gevangenisstraf van 6 maanden voorwaardelijk, met een proeftijd van 2 jaren",
        parsed(detention_kind=G, conditional_months=6.0, probation_months=24.0),
    ),
    (
        "gevangenisstraf voor de duur van 4 jaren, met aftrek van de tijd in verzekering en voorlopige hechtenis "
        "doorgebracht",
        parsed(detention_kind=G, unconditional_months=48.0),
    ),
    (
        "gevangenisstraf van 30 maanden met aftrek van voorarrest, waarvan 10 maanden voorwaardelijk "
        "met een proeftijd van 2 jaren",
        parsed(detention_kind=G, unconditional_months=20.0, conditional_months=10.0, probation_months=24.0),
    ),
    (
        "gevangenisstraf van 2 jaren, waarvan een gedeelte, groot 6 maanden, voorwaardelijk, "
        "met een proeftijd van 3 jaren",
        parsed(detention_kind=G, unconditional_months=18.0, conditional_months=6.0, probation_months=36.0),
    ),
    (
        "gevangenisstraf van 12 maanden en voorwaardelijke gevangenisstraf van 6 maanden met een proeftijd van 2 jaren",
        parsed(detention_kind=G, unconditional_months=12.0, conditional_months=6.0, probation_months=24.0),
    ),
    (
        "jeugddetentie gelijk aan het voorarrest en voorwaardelijke jeugddetentie van 2 maanden "
        "met een proeftijd van 2 jaren, alsmede een werkstraf van 80 uur",
        parsed(detention_kind=J, unconditional_equals_pretrial=True, conditional_months=2.0, probation_months=24.0,
               community_service_hours=80.0, community_service_kind="werkstraf"),
    ),
    (
        "jeugddetentie voor de duur van 90 dagen, waarvan 60 dagen voorwaardelijk met een proeftijd van 2 jaren",
        parsed(detention_kind=J, unconditional_months=30 * DAY, conditional_months=60 * DAY, probation_months=24.0),
    ),
    (
        "taakstraf van 240 uren, bij niet naar behoren verrichten te vervangen door 120 dagen hechtenis",
        parsed(community_service_hours=240.0, community_service_kind="taakstraf"),
    ),
    (
        "werkstraf van 120 uur (subsidiair 60 dagen hechtenis)",
        parsed(community_service_hours=120.0, community_service_kind="werkstraf"),
    ),
    ("240 uur taakstraf", parsed(community_service_hours=240.0, community_service_kind="taakstraf")),
    (
        "taakstraf van 240 (tweehonderdveertig) uren",
        parsed(community_service_hours=240.0, community_service_kind="taakstraf"),
    ),
    ("geldboete van €5.000,-", parsed(fine_euros=5000.0)),
    ("geldboete van € 1.250,50 subsidiair 22 dagen hechtenis", parsed(fine_euros=1250.5)),
    ("een geldboete ter hoogte van EUR 12.500", parsed(fine_euros=12500.0)),
    ("tbs met bevel tot verpleging van overheidswege", parsed(measures=("tbs",))),
    ("de maatregel van terbeschikkingstelling met voorwaarden", parsed(measures=("tbs",))),
    ("voorwaardelijke PIJ-maatregel", parsed(measures=("pij",))),
    ("ISD", parsed(measures=("isd",))),
    ("vrijheidsbeperkende maatregel (contact- en gebiedsverbod)", parsed(measures=("contactverbod", "gebiedsverbod"))),
    ("vrijheidsbeperkende maatregel in de vorm van een contactverbod", parsed(measures=("contactverbod",))),
    ("contactverbod voor de duur van 5 jaren", parsed(measures=("contactverbod",))),
    (
        "gevangenisstraf voor de duur van 6 jaren en tbs met dwangverpleging, alsmede een contactverbod",
        parsed(detention_kind=G, unconditional_months=72.0, measures=("contactverbod", "tbs")),
    ),
    (
        "gevangenisstraf van 3 jaren en een schadevergoedingsmaatregel van € 15.000",
        parsed(detention_kind=G, unconditional_months=36.0),
    ),
    (
        "gevangenisstraf van 3 jaren, schadevergoeding aan het slachtoffer van € 2.500, subsidiair 35 dagen gijzeling",
        parsed(detention_kind=G, unconditional_months=36.0),
    ),
    (
        "jeugddetentie voor de duur van 4 maanden, plaatsing in een inrichting voor jeugdigen en een "
        "gedragsbeïnvloedende maatregel",
        parsed(detention_kind=J, unconditional_months=4.0, measures=("gbm", "pij")),
    ),
]


@pytest.mark.parametrize(("text", "expected"), PARSED_CASES, ids=[c[0][:60] for c in PARSED_CASES])
def test_parsed_forms(text: str, expected: Sanction) -> None:
    assert_same(parse_sanction(text), expected)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("vrijspraak", "acquittal"),
        ("Vrijspraak gevorderd", "acquittal"),
        ("vrijspraak van mensenhandel", "acquittal"),
        ("algehele vrijspraak", "acquittal"),
        ("vrijspraak van het primair ten laste gelegde", "acquittal"),
        ("ontslag van alle rechtsvervolging", "discharge"),
        ("ontslag van alle rechtsvervolging gevorderd", "discharge"),
        ("onbekend", "unknown"),
        ("Onbekend", "unknown"),
        ("niet bekend", "unknown"),
        ("", "unknown"),
        ("   ", "unknown"),
        (None, "unknown"),
        (float("nan"), "unknown"),
    ],
)
def test_status_words(text: str | None, status: str) -> None:
    result = parse_sanction(text)
    assert_same(result, Sanction(status=status))


@pytest.mark.parametrize(
    ("text", "reason_part"),
    [
        ("gevangenisstraf van veel maanden", "veel"),
        ("ongeveer 3 jaar", "ongeveer 3 jaar"),
        ("tbs of 5 jaar", "of 5 jaar"),
        ("De verdachte krijgt een flinke straf", "flinke straf"),
        ("gevangenisstraf voor de duur van 30 maanden, waarvan 40 maanden voorwaardelijk", "groter dan"),
        ("gevangenisstraf voor de duur van 42 (drieënveertig) maanden", "verschillen"),
        ("gevangenisstraf van 1.000 dagen", "dubbelzinnig"),
        ("geldboete van € 2.5", "2.5"),
        ("gevangenisstraf van 12 maanden met een proeftijd van 2 jaren", "proeftijd zonder"),
        ("gevangenisstraf van 12 maanden en gevangenisstraf van 6 maanden", "onvoorwaardelijke"),
        ("gevangenisstraf van 12 maanden en hechtenis van 2 weken", "verschillende soorten"),
        ("taakstraf van 100 uren en werkstraf van 20 uren", "taakstraf"),
        ("voorwaardelijke taakstraf van 100 uren", "voorwaardelijke taakstraf"),
        ("taakstraf van 100 uren waarvan 50 uren voorwaardelijk", "waarvan"),
        ("jeugddetentie gelijk aan het voorarrest, waarvan 1 maand voorwaardelijk", "voorarrest"),
        ("voorwaardelijke gevangenisstraf van 6 maanden, waarvan 2 maanden voorwaardelijk", "waarvan"),
        ("gevangenisstraf van 6 maanden en 1 jaar", "aflopend"),
        ("gevangenisstraf van 0 maanden", "nul"),
        ("vrijspraak, gevangenisstraf van 2 jaren", "vrijspraak"),
        ("vervangende hechtenis van 10 dagen", "vervangende hechtenis"),
        ("30 maanden, waarvan 10 voorwaardelijk", "30 maanden"),
        ("vrijheidsbeperkende maatregel", "vrijheidsbeperkende maatregel"),
        ("ontnemingsmaatregel van € 10.000", "ontnemingsmaatregel"),
        ("gevangenisstraf van 3 jaren en", "en"),
        ("gevangenisstraf van ³ jaren", "jaren"),
        (".", "."),
        ("gevangenisstraf van " + "1" * 5000 + " maanden", "te lang"),
        ("geldboete van € " + "1" * 5000, "te lang"),
    ],
    ids=lambda v: v[:50] if isinstance(v, str) else v,
)
def test_unparsed_with_reason(text: str, reason_part: str) -> None:
    result = parse_sanction(text)
    assert result.status == "unparsed"
    assert result.reason and reason_part in result.reason
    assert_same(result, Sanction(status="unparsed", reason=result.reason))


def test_total_detention_months() -> None:
    assert parse_sanction("gevangenisstraf van 30 maanden, waarvan 10 maanden voorwaardelijk").total_detention_months == 30.0
    assert parse_sanction("voorwaardelijke gevangenisstraf van 6 maanden").total_detention_months == 6.0
    assert parse_sanction("taakstraf van 240 uren").total_detention_months is None
    assert parse_sanction("onbekend").total_detention_months is None
    # the pretrial part has unknown length, so the total is unknown
    assert parse_sanction("jeugddetentie gelijk aan het voorarrest").total_detention_months is None


def test_non_string_input() -> None:
    result = parse_sanction(42)  # type: ignore[arg-type]
    assert result.status == "unparsed" and result.reason


def test_ignored_phrases_documented() -> None:
    joined = " | ".join(IGNORED_PHRASES)
    for phrase in ("aftrek van", "schadevergoeding", "vervangende hechtenis"):
        assert phrase in joined


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("3 jaren", 36.0),
        ("1 jaar en 6 maanden", 18.0),
        ("42 (tweeënveertig) maanden", 42.0),
        ("90 dagen", 90 * 12 / 365.25),
        ("2 weken", 14 * 12 / 365.25),
        ("anderhalf jaar", 18.0),
        ("anderhalve maand", 1.5),
        ("een half jaar", 6.0),
        ("2,5 jaar", 30.0),
        ("2.5 jaar", 30.0),
        ("twaalf maanden", 12.0),
        ("Een Jaar", 12.0),
        ("1 jaar, 6 maanden en 10 dagen".replace(",", " en"), 18.0 + 10 * 12 / 365.25),
        ("  18   MAANDEN ", 18.0),
        ("6 mnd", 6.0),
    ],
)
def test_parse_duration_months(text: str, months: float) -> None:
    assert parse_duration_months(text) == pytest.approx(months, rel=1e-12)


def test_day_and_week_conversion_is_exact() -> None:
    assert parse_duration_months("90 dagen") == 90 * 12 / 365.25
    assert parse_duration_months("3 weken") == 3 * 7 * 12 / 365.25
    assert parse_sanction("jeugddetentie voor de duur van 90 dagen").unconditional_months == 90 * 12 / 365.25


@pytest.mark.parametrize(
    "text",
    ["240 uur", "veel maanden", "3", "jaren", "ongeveer 3 jaar", "6 maanden en 1 jaar", "1.000 dagen",
     "42 (drieënveertig) maanden", ""],
)
def test_parse_duration_months_none(text: str) -> None:
    assert parse_duration_months(text) is None


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("0", 0), ("42", 42), ("nul", 0), ("een", 1), ("één", 1), ("Eén", 1), ("twaalf", 12),
        ("achttien", 18), ("twintig", 20), ("eenentwintig", 21), ("tweeënveertig", 42),
        ("tweeenveertig", 42), ("drieëntachtig", 83), ("negenennegentig", 99), ("honderd", 100),
        ("honderdeen", 101), ("honderdtwintig", 120), ("eenhonderdtwintig", 120),
        ("tweehonderdveertig", 240), ("driehonderdvijfenzestig", 365), ("negenhonderdnegenennegentig", 999),
        ("duizend", 1000), ("tweeduizendvijfhonderd", 2500),
    ],
)
def test_parse_number_known_words(word: str, value: int) -> None:
    assert parse_number(word) == value


@pytest.mark.parametrize("word", ["", "anderhalf", "veel", "twee en veertig", "1,5", "-3", "honderdnul", "tweetwintig"])
def test_parse_number_rejects(word: str) -> None:
    assert parse_number(word) is None


def test_dutch_number_words_known() -> None:
    assert dutch_number_words(1) == "één"
    assert dutch_number_words(42) == "tweeënveertig"
    assert dutch_number_words(18) == "achttien"
    assert dutch_number_words(120) == "honderdtwintig"
    assert dutch_number_words(240) == "tweehonderdveertig"
    assert dutch_number_words(2500) == "tweeduizendvijfhonderd"
    with pytest.raises(ValueError):
        dutch_number_words(-1)


def test_parse_number_round_trip_exhaustive() -> None:
    for n in range(1000):
        assert parse_number(dutch_number_words(n)) == n


# ---------------------------------------------------------------------------------------------
# Property tests
# ---------------------------------------------------------------------------------------------

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.integers(min_value=0, max_value=999_999), st.booleans())
def test_parse_number_round_trip(n: int, upper: bool) -> None:
    words = dutch_number_words(n)
    assert parse_number(words.upper() if upper else words) == n
    assert parse_number(words.replace("ë", "e").replace("é", "e")) == n


# --- phrase generator ----------------------------------------------------------------------


@st.composite
def number_text(draw: st.DrawFn, n: int) -> str:
    style = draw(st.sampled_from(["digits", "words", "both"]))
    if style == "digits":
        return str(n)
    if style == "words":
        return dutch_number_words(n)
    return f"{n} ({dutch_number_words(n)})"


@st.composite
def duration_text(draw: st.DrawFn, months: int) -> str:
    """A wording of a whole number of months."""
    options = ["months"]
    if months % 12 == 0:
        options.append("years")
    elif months > 12:
        options.append("years+months")
    if months % 12 == 6:
        options.append("half")
    style = draw(st.sampled_from(options))
    if style == "months":
        return f"{draw(number_text(months))} {'maand' if months == 1 else 'maanden'}"
    years, rest = divmod(months, 12)
    year_word = "jaar" if years == 1 else draw(st.sampled_from(["jaar", "jaren"]))
    if style == "years":
        return f"{draw(number_text(years))} {year_word}"
    if style == "years+months":
        month_word = "maand" if rest == 1 else "maanden"
        return f"{draw(number_text(years))} {year_word} en {draw(number_text(rest))} {month_word}"
    if months == 18 and draw(st.booleans()):
        return "anderhalf jaar"
    sep = draw(st.sampled_from([",", "."]))
    return f"{years}{sep}5 jaar"


@st.composite
def days_text(draw: st.DrawFn, days: int) -> str:
    return f"{draw(number_text(days))} {'dag' if days == 1 else 'dagen'}"


@st.composite
def generated_phrase(draw: st.DrawFn) -> tuple[str, Sanction]:
    fields: dict[str, object] = {}
    parts: list[str] = []
    first: str | None = None  # a part that must come first (starts with a number)

    # detention
    if draw(st.booleans()):
        kind = draw(st.sampled_from(["gevangenisstraf", "jeugddetentie", "hechtenis"]))
        fields["detention_kind"] = kind
        form = draw(st.sampled_from(["pre", "post", "split", "conditional", "pretrial", "days"]))
        art = draw(st.sampled_from(["", "een "]))
        probation = None
        if form == "pretrial":
            parts.append(f"{art}{kind} " + draw(st.sampled_from(
                ["voor de duur van het voorarrest", "gelijk aan het voorarrest", "gelijk aan de duur van het voorarrest"])))
            fields["unconditional_equals_pretrial"] = True
        elif form == "days":
            days = draw(st.integers(1, 999))
            parts.append(f"{art}{kind} voor de duur van {draw(days_text(days))}")
            fields["unconditional_months"] = days * DAY
        elif form == "conditional":
            months = draw(st.integers(1, 60))
            text = f"voorwaardelijke {kind} van {draw(duration_text(months))}"
            if draw(st.booleans()):
                probation = draw(st.integers(1, 5)) * 12
                text += f" met een proeftijd van {draw(duration_text(probation))}"
            parts.append(text)
            fields["conditional_months"] = float(months)
        else:
            total = draw(st.integers(2, 240))
            cond = draw(st.integers(0, total - 1))
            if form == "split" and cond:
                text = f"{art}{kind} van {draw(duration_text(total - cond))}"
                ctext = f"voorwaardelijke {kind} van {draw(duration_text(cond))}"
                if draw(st.booleans()):
                    probation = draw(st.integers(1, 5)) * 12
                    ctext += f" met een proeftijd van {draw(duration_text(probation))}"
                parts.extend([text, ctext])
            else:
                if form == "post":
                    text = f"{draw(duration_text(total))} {kind}"
                else:
                    connector = draw(st.sampled_from(["voor de duur van", "van"]))
                    text = f"{art}{kind} {connector} {draw(duration_text(total))}"
                if cond:
                    tail = draw(st.sampled_from(["voorwaardelijk", "niet ten uitvoer zal worden gelegd"]))
                    comma = draw(st.sampled_from([",", ""]))
                    text += f"{comma} waarvan {draw(duration_text(cond))} {tail}"
                    if draw(st.booleans()):
                        probation = draw(st.integers(1, 5)) * 12
                        comma = draw(st.sampled_from([",", ""]))
                        text += f"{comma} met een proeftijd van {draw(duration_text(probation))}"
                if draw(st.booleans()):
                    text += draw(st.sampled_from([", met aftrek van voorarrest", " met aftrek van het voorarrest"]))
                if form == "post":
                    first = text
                else:
                    parts.append(text)
            fields["unconditional_months"] = float(total - cond)
            if cond:
                fields["conditional_months"] = float(cond)
        if probation is not None:
            fields["probation_months"] = float(probation)

    # community service
    if draw(st.booleans()):
        kind = draw(st.sampled_from(["taakstraf", "werkstraf"]))
        hours = draw(st.integers(1, 240))
        unit = draw(st.sampled_from(["uur", "uren"]))
        if draw(st.booleans()):
            text = f"{draw(st.sampled_from(['', 'een ']))}{kind} van {draw(number_text(hours))} {unit}"
        else:
            text = f"{draw(number_text(hours))} {unit} {kind}"
        if draw(st.booleans()):
            days = draw(st.integers(1, 120))
            text += draw(st.sampled_from([
                f", subsidiair {days} dagen vervangende hechtenis",
                f" subsidiair {days} dagen hechtenis",
                f", bij niet naar behoren verrichten te vervangen door {days} dagen hechtenis",
            ]))
        parts.append(text)
        fields["community_service_hours"] = float(hours)
        fields["community_service_kind"] = kind

    # fine
    if draw(st.booleans()):
        euros = draw(st.integers(1, 250_000))
        grouped = f"{euros:,}".replace(",", ".")
        parts.append("geldboete van " + draw(st.sampled_from(
            [f"€ {grouped}", f"€{grouped},-", f"{euros} euro", f"€ {grouped},00", f"{grouped} euro"])))
        fields["fine_euros"] = float(euros)

    # measures
    wordings = {
        ("tbs",): ["tbs met dwangverpleging", "terbeschikkingstelling met bevel tot verpleging van overheidswege",
                   "tbs met voorwaarden", "TBS"],
        ("pij",): ["plaatsing in een inrichting voor jeugdigen", "PIJ-maatregel", "jeugd-tbs"],
        ("contactverbod",): ["contactverbod", "vrijheidsbeperkende maatregel (contactverbod)"],
        ("gebiedsverbod",): ["gebiedsverbod", "een gebiedsverbod voor de duur van 5 jaren"],
        ("contactverbod", "gebiedsverbod"): ["contact- en gebiedsverbod"],
        ("gbm",): ["gedragsbeïnvloedende maatregel"],
        ("isd",): ["ISD-maatregel"],
    }
    chosen = draw(st.lists(st.sampled_from(sorted(wordings)), max_size=3, unique=True))
    measures: set[str] = set()
    for codes in chosen:
        parts.append(draw(st.sampled_from(wordings[codes])))
        measures.update(codes)
    fields["measures"] = tuple(sorted(measures))

    if (parts or first is not None) and draw(st.booleans()):  # alone it is no punishment: unparsed (codebook §7)
        parts.append(draw(st.sampled_from(["schadevergoedingsmaatregel van € 1.000", "schadevergoeding"])))

    parts = draw(st.permutations(parts))
    if first is not None:
        parts = [first, *parts]
    if not parts:
        parts = ["contactverbod"]
        fields["measures"] = ("contactverbod",)
    text = parts[0]
    for part in parts[1:]:
        text += draw(st.sampled_from([", ", " en ", "; ", " alsmede ", " + "])) + part
    # noise: case and spacing
    if draw(st.booleans()):
        text = text.upper()
    if draw(st.booleans()):
        text = "  " + text.replace(" ", "   ") + " "
    return text, Sanction(status="parsed", **fields)  # type: ignore[arg-type]


@FAST
@given(generated_phrase())
def test_generated_phrase_round_trip(case: tuple[str, Sanction]) -> None:
    text, expected = case
    assert_same(parse_sanction(text), expected)


VOCAB = [
    "gevangenisstraf", "jeugddetentie", "hechtenis", "voorwaardelijke", "voorwaardelijk", "taakstraf",
    "werkstraf", "van", "voor", "de", "duur", "het", "voorarrest", "gelijk", "aan", "waarvan", "met", "een",
    "proeftijd", "aftrek", "subsidiair", "vervangende", "dagen", "maanden", "jaren", "jaar", "uur", "uren",
    "en", ",", ";", "+", "alsmede", "tbs", "pij", "isd", "contactverbod", "gebiedsverbod", "geldboete", "€",
    "euro", "0", "1", "6", "10", "30", "1.000", "2,5", "5.000", "(tweeënveertig)", "tweeënveertig",
    "anderhalf", "half", "vrijspraak", "onbekend", "niet", "ten", "uitvoer", "zal", "worden", "gelegd", "(", ")",
    "schadevergoeding", "-", ".", "ë",
    # verdict wording
    "veroordeelt", "verdachte", "tot", "bepaalt", "beveelt", "dat", "gedeelte", "groot", "deze", "stelt",
    "daarbij", "vast", "tenzij", "gelast", "tenuitvoerlegging", "spreekt", "vrij", "ontslaat", "rechtsvervolging",
    "bijzondere", "voorwaarden", "in", "mindering", "bevel", "toegepast", "twee", "(2)", "38v", "maatregel",
    "inhoudende", "contact", ":", "- ",
]


def check_invariants(result: Sanction) -> None:
    assert isinstance(result, Sanction)
    assert result.status in STATUSES
    if result.status == "unparsed":
        assert isinstance(result.reason, str) and result.reason
    else:
        assert result.reason is None
    if result.status != "parsed":
        assert_same(result, Sanction(status=result.status, reason=result.reason))
        return
    assert result.measures == tuple(sorted(set(result.measures)))
    assert set(result.measures) <= set(MEASURES)
    for value in (result.unconditional_months, result.conditional_months, result.probation_months,
                  result.community_service_hours, result.fine_euros):
        assert value is None or (math.isfinite(value) and value > 0)
    assert (result.community_service_hours is None) == (result.community_service_kind is None)
    has_detention = (result.unconditional_months is not None or result.conditional_months is not None
                     or result.unconditional_equals_pretrial)
    assert (result.detention_kind is not None) == has_detention
    # "parsed" always holds a punishment, so format_sanction can write it back
    assert has_detention or result.community_service_hours is not None or result.fine_euros is not None \
        or result.measures
    assert not (result.unconditional_equals_pretrial and result.unconditional_months is not None)
    assert result.probation_months is None or result.conditional_months is not None


@FAST
@given(st.text())
def test_random_text_never_raises(text: str) -> None:
    check_invariants(parse_sanction(text))


@FAST
@given(st.lists(st.sampled_from(VOCAB), max_size=14).map(" ".join))
def test_vocabulary_soup_never_raises(text: str) -> None:
    check_invariants(parse_sanction(text))
    parse_duration_months(text)


@FAST
@given(generated_phrase(), st.integers(0, 200), st.text(max_size=3))
def test_mutated_phrase_never_raises(case: tuple[str, Sanction], cut: int, insert: str) -> None:
    text = case[0]
    check_invariants(parse_sanction(text[:cut] + insert + text[cut:]))
    check_invariants(parse_sanction(text[:cut]))


# ---------------------------------------------------------------------------------------------
# Real verdict wording: the punishment spans as the decisions write them (tests/verdicts/fixtures, where the
# document is named, and forms named in issue 12)
# ---------------------------------------------------------------------------------------------

VERDICT_CASES: list[tuple[str, Sanction]] = [
    (  # ECLI:NL:RBROT:2021:1789, the suspended part and the probation in clauses of their own
        "veroordeelt de verdachte tot een gevangenisstraf voor de duur van 8 (acht) maanden ; bepaalt dat van deze "
        "gevangenisstraf een gedeelte, groot 4 (vier) maanden niet ten uitvoer zal worden gelegd, tenzij de rechter "
        "later anders mocht gelasten; verbindt hieraan een proeftijd, die wordt gesteld op 2 (twee) jaar",
        parsed(detention_kind=G, unconditional_months=4.0, conditional_months=4.0, probation_months=24.0),
    ),
    (  # RBMNE 2015-09-15 16/705621-14 (art. 273f Sr)
        "Veroordeelt verdachte tot een gevangenisstraf van 18 maanden. Beveelt dat de tijd die door veroordeelde "
        "voor de tenuitvoerlegging van deze uitspraak in verzekering en in voorlopige hechtenis is doorgebracht, bij "
        "de tenuitvoerlegging van die straf in mindering gebracht zal worden. Beveelt dat een gedeelte, groot 6 "
        "maanden, van deze gevangenisstraf niet zal worden ten uitvoer gelegd, tenzij later anders wordt gelast. "
        "Stelt daarbij een proeftijd van 2 (twee) jaren vast.",
        parsed(detention_kind=G, unconditional_months=12.0, conditional_months=6.0, probation_months=24.0),
    ),
    (  # RBAMS 2023-05-04: number words before digits, "tenuitvoergelegd" in one word
        "Veroordeelt verdachte tot een gevangenisstraf voor de duur van twaalf (12) maanden. Beveelt dat een "
        "gedeelte, groot zes (6) maanden, van deze gevangenisstraf niet tenuitvoergelegd zal worden, tenzij later "
        "anders wordt gelast. Stelt daarbij een proeftijd van twee (2) jaren vast.",
        parsed(detention_kind=G, unconditional_months=6.0, conditional_months=6.0, probation_months=24.0),
    ),
    (  # RBMNE 2013-05-06: described taakstraf, vervangende hechtenis and voorarrest at 2 hours a day excluded,
        # a wholly suspended prison term in a clause of its own
        "Veroordeelt verdachte tot een taakstraf, bestaande uit het verrichten van onbetaalde arbeid, van 120 "
        "(honderdtwintig) uren, met bevel, voor het geval dat de verdachte de taakstraf niet naar behoren heeft "
        "verricht, dat vervangende hechtenis zal worden toegepast van 60 (zestig) dagen, met bevel dat de tijd die "
        "door verdachte vóór de tenuitvoerlegging van deze uitspraak in verzekering en voorlopige hechtenis is "
        "doorgebracht, bij de uitvoering van deze straf geheel in mindering zal worden gebracht naar de maatstaf van "
        "2 (twee) uren per dag. Veroordeelt verdachte tot een gevangenisstraf van 2 (twee) maanden. Beveelt dat deze "
        "straf niet zal worden ten uitvoer gelegd, tenzij later anders wordt gelast. Stelt daarbij een proeftijd van "
        "2 (twee) jaren vast. De tenuitvoerlegging kan worden gelast indien veroordeelde zich voor het einde van de "
        "proeftijd aan een strafbaar feit schuldig maakt.",
        parsed(detention_kind=G, conditional_months=2.0, probation_months=24.0, community_service_hours=120.0,
               community_service_kind="taakstraf"),
    ),
    (  # ECLI:NL:RBLIM:2013:9527: the probation only in the condition of the repeated clause
        "veroordeelt verdachte tot een gevangenisstraf van 230 dagen, waarvan 90 dagen voorwaardelijk ; bepaalt dat "
        "het voorwaardelijke deel van de straf niet ten uitvoer wordt gelegd, tenzij de rechter tenuitvoerlegging "
        "gelast omdat verdachte voor het einde van een proeftijd van drie jaar de algemene voorwaarden of de "
        "bijzondere voorwaarden heeft overtreden",
        parsed(detention_kind=G, unconditional_months=140 * DAY, conditional_months=90 * DAY, probation_months=36.0),
    ),
    (  # RBMNE 2022-08-19: "twee 2 jaren"
        "veroordeelt verdachte tot een gevangenisstraf van 4 maanden; bepaalt dat van de gevangenisstraf een gedeelte "
        "van 2 maanden niet zal worden ten uitvoer gelegd, tenzij de rechter later anders gelast op grond van het feit "
        "dat verdachte de hierna te melden algemene voorwaarde niet heeft nageleefd; stelt daarbij een proeftijd van "
        "twee 2 jaren vast",
        parsed(detention_kind=G, unconditional_months=2.0, conditional_months=2.0, probation_months=24.0),
    ),
    (  # RBGEL 2025-09-08: the probation inside the condition of the suspended part
        "veroordeelt verdachte tot een jeugddetentie voor de duur van 225 dagen; bepaalt dat deze een gedeelte van "
        "deze jeugddetentie, te weten 120 dagen, niet ten uitvoer zal worden gelegd, tenzij de rechter later anders "
        "mocht gelasten, omdat verdachte zich voor het einde van de proeftijd van twee jaren niet heeft gehouden aan "
        "de hierna te melden voorwaarden",
        parsed(detention_kind=J, unconditional_months=105 * DAY, conditional_months=120 * DAY, probation_months=24.0),
    ),
    (  # ECLI:NL:RBROT:2021:1789 demand: "waarvan 3 voorwaardelijk" without unit, special conditions (a
        # contactverbod as a condition is not a measure)
        "een gevangenisstraf voor de duur van 8 maanden met aftrek van voorarrest, waarvan 3 voorwaardelijk, met een "
        "proeftijd van 2 jaar en als bijzondere voorwaarden een meldplicht bij Reclassering Nederland, meewerken aan "
        "ambulante behandeling, meewerken aan middelencontrole, een contactverbod met [naam neef slachtoffer] en een "
        "inspanningsverplichting tot het behouden van een dagbesteding",
        # a contact ban among the special conditions counts as the measure (codebook 8.2; the letter, note 1 to
        # Table 4: "contact- of gebiedsverbod ex artikel 14c, tweede lid, onder 5 en 6, Sr")
        parsed(detention_kind=G, unconditional_months=5.0, conditional_months=3.0, probation_months=24.0,
               measures=("contactverbod",)),
    ),
    (  # RBUTR 2011-10-28 demand
        "een gevangenisstraf van 100 dagen waarvan 53 dagen voorwaardelijk, met aftrek van de tijd die verdachte in "
        "voorarrest heeft doorgebracht en met een proeftijd van twee jaar",
        parsed(detention_kind=G, unconditional_months=47 * DAY, conditional_months=53 * DAY, probation_months=24.0),
    ),
    (  # RBMNE 2014-04-22 demand
        "vier maanden jeugddetentie, geheel voorwaardelijk met een proeftijd van twee jaar met daarbij als bijzondere "
        "voorwaarde de Maatregel Hulp en Steun, ook als dat inhoudt dat verdachte mee zal werken aan een behandeling",
        parsed(detention_kind=J, conditional_months=4.0, probation_months=24.0),
    ),
    (  # RBMNE 2013-05-06 demand
        "een geheel voorwaardelijke gevangenisstraf van twee maanden, met een proeftijd van 2 jaren, alsmede een "
        "werkstraf van 200 uren, met bevel, voor het geval dat verdachte de werkstraf niet naar behoren (heeft) "
        "verricht, dat vervangende hechtenis zal worden toegepast van 100 dagen",
        parsed(detention_kind=G, conditional_months=2.0, probation_months=24.0, community_service_hours=200.0,
               community_service_kind="werkstraf"),
    ),
    (  # RBUTR 2011-04-05: "vervangende jeugddetentie" in a clause of its own
        "veroordeelt verdachte tot een werkstraf van 100 uren; beveelt dat indien verdachte de werkstraf niet naar "
        "behoren verricht, vervangende jeugddetentie zal worden toegepast van 50 dagen",
        parsed(community_service_hours=100.0, community_service_kind="werkstraf"),
    ),
    (  # RBMNE 2022-08-19 demand
        "een taakstraf van 150 uren, indien niet of niet naar behoren verricht te vervangen door 75 dagen hechtenis",
        parsed(community_service_hours=150.0, community_service_kind="taakstraf"),
    ),
    (  # a fine with the detention in its place (RBMNE 2017-04-04 16/652431-16), not suspended here
        "Veroordeelt verdachte tot een geldboete van € 500,00, bij gebreke van betaling en verhaal te vervangen door "
        "hechtenis van 10 dagen",
        parsed(fine_euros=500.0),
    ),
    ("Veroordeelt verdachte tot een taakstraf van 40 (veertig) uren",
     parsed(community_service_hours=40.0, community_service_kind="taakstraf")),
    ("taakstraf bestaande uit het verrichten van onbetaalde arbeid voor de duur van 100 (honderd) uren",
     parsed(community_service_hours=100.0, community_service_kind="taakstraf")),
    ("jeugddetentie voor de duur van twee (2) dagen", parsed(detention_kind=J, unconditional_months=2 * DAY)),
    ("taakstraf van 240 (tweehonderdveertig) uren",
     parsed(community_service_hours=240.0, community_service_kind="taakstraf")),
    ("hechtenis voor de duur van 2 (twee) weken", parsed(detention_kind="hechtenis", unconditional_months=2 * WEEK)),
    ("gelast dat verdachte ter beschikking wordt gesteld en beveelt dat hij van overheidswege zal worden verpleegd",
     parsed(measures=("tbs",))),
    ("gelast de plaatsing van verdachte in een inrichting voor stelselmatige daders voor twee jaar",
     parsed(measures=("isd",))),
    ("de maatregel tot plaatsing in een inrichting voor stelselmatige daders (ISD) voor de duur van twee jaren",
     parsed(measures=("isd",))),
    ("legt aan verdachte op de maatregel van plaatsing in een inrichting voor jeugdigen", parsed(measures=("pij",))),
    (
        "legt verdachte de maatregel op als bedoeld in artikel 38v van het Wetboek van Strafrecht, inhoudende dat "
        "verdachte gedurende 5 jaren op geen enkele wijze contact zal opnemen met [slachtoffer]",
        parsed(measures=("contactverbod",)),
    ),
    (
        "veroordeelt verdachte tot een gevangenisstraf van 6 maanden; verklaart niet bewezen wat aan verdachte meer "
        "of anders is ten laste gelegd dan hiervoor is bewezen verklaard en spreekt verdachte daarvan vrij; heft op "
        "het bevel tot voorlopige hechtenis; gelast de tenuitvoerlegging van de voorwaardelijke gevangenisstraf van 2 "
        "maanden; veroordeelt verdachte tot betaling aan de benadeelde partij [benadeelde 1] van € 1.000,00; verklaart "
        "verbeurd: een mobiele telefoon",
        parsed(detention_kind=G, unconditional_months=6.0),
    ),
    # common dictum forms beyond the fixtures
    (
        "Veroordeelt verdachte tot een gevangenisstraf voor de duur van 12 (twaalf) maanden, met bepaling dat een "
        "gedeelte, groot 4 (vier) maanden, van deze gevangenisstraf niet ten uitvoer zal worden gelegd, tenzij de "
        "rechter later anders gelast; stelt de proeftijd vast op 2 jaren",
        parsed(detention_kind=G, unconditional_months=8.0, conditional_months=4.0, probation_months=24.0),
    ),
    (
        "Veroordeelt verdachte tot een gevangenisstraf van 6 maanden; bepaalt dat de gevangenisstraf van 6 maanden "
        "niet ten uitvoer zal worden gelegd; bepaalt de proeftijd op twee jaren",
        parsed(detention_kind=G, conditional_months=6.0, probation_months=24.0),
    ),
    ("een werkstraf van 100 uren, te vervangen door 50 dagen hechtenis indien de werkstraf niet naar behoren wordt "
     "verricht", parsed(community_service_hours=100.0, community_service_kind="werkstraf")),
    ("een geldboete van € 1.500,- (zegge: vijftienhonderd euro), subsidiair 25 dagen hechtenis",
     parsed(fine_euros=1500.0)),
    ("De rechtbank veroordeelt verdachte tot een gevangenisstraf van 3 jaren",
     parsed(detention_kind=G, unconditional_months=36.0)),
    (
        "Veroordeelt verdachte te dier zake tot: ; Een gevangenisstraf voor de duur van achttien maanden; Bepaalt, dat "
        "van deze gevangenisstraf een gedeelte, groot zes maanden niet zal worden tenuitvoergelegd, tenzij de rechter "
        "later anders mocht gelasten, op grond, dat de veroordeelde voor het einde van de proeftijd, welke hierbij wordt "
        "vastgesteld op twee jaren, de hierna te noemen algemene of bijzondere voorwaarden niet heeft nageleefd",
        parsed(detention_kind=G, unconditional_months=12.0, conditional_months=6.0, probation_months=24.0),
    ),
    (  # RBNNE 2013: demand items "oplegging van", the execution of an earlier sentence left out
        "oplegging van een onvoorwaardelijke gevangenisstraf gelijk aan de duur van de voorlopige hechtenis; oplegging "
        "van een voorwaardelijke gevangenisstraf voor de duur van vier maanden met een proeftijd van twee jaren; "
        "gedeeltelijke tenuitvoerlegging van de op 18 augustus 2009 opgelegde gevangenisstraf van zes maanden, te weten "
        "drie maanden, omgezet in een werkstraf van 180 uren",
        parsed(detention_kind=G, unconditional_equals_pretrial=True, conditional_months=4.0, probation_months=24.0),
    ),
    (  # RBONE 2013: tbs with the counts between the verb and the measure
        "veroordeelt verdachte tot een gevangenisstraf voor de duur van 4 (vier) jaar; gelast dat verdachte met "
        "betrekking tot de feiten 1, 2 en 3 van parketnummer 06/950422-12 ter beschikking wordt gesteld en beveelt dat "
        "de ter beschikking gestelde van overheidswege zal worden verpleegd",
        parsed(detention_kind=G, unconditional_months=48.0, measures=("tbs",)),
    ),
    ("een gevangenisstraf van 8 jaar en de maatregel van terbeschikkingstelling (verder te noemen: TBS-maatregel) met "
     "dwangverpleging", parsed(detention_kind=G, unconditional_months=96.0, measures=("tbs",))),
    (  # RBMNE 2021-08-19: art. 38v by its purpose, the ban in the next clause, its substitute detention left out
        "legt aan verdachte op de maatregel strekkende tot beperking van de vrijheid voor de duur van vijf jaren; "
        "beveelt dat verdachte zich onthoudt van contact met: [slachtoffer] , geboren op [2001] , te controleren door "
        "de politie; beveelt dat voor het geval niet aan de maatregel wordt voldaan de maatregel per overtreding wordt "
        "vervangen door 7 dagen jeugddetentie met een maximum van 6 maanden",
        parsed(measures=("contactverbod",)),
    ),
    ("veroordeelt verdachte tot een taakstraf, bestaande uit een werkstraf van 200 uren; beveelt dat voor het geval "
     "verdachte de taakstraf niet of niet naar behoren verricht de taakstraf wordt vervangen door 100 dagen "
     "jeugddetentie", parsed(community_service_hours=200.0, community_service_kind="taakstraf")),
    ("veroordeelt verdachte tot een gevangenisstraf van 18 maanden; beveelt dat de gevangenisstraf voor een gedeelte, "
     "groot 6 maanden, niet ten uitvoer zal worden gelegd; stelt daarbij een proeftijd van 2 jaren vast",
     parsed(detention_kind=G, unconditional_months=12.0, conditional_months=6.0, probation_months=24.0)),
    ("veroordeelt verdachte tot een gevangenisstraf van 18 maanden; bepaalt dat van die straf 6 maanden niet ten "
     "uitvoer zal worden gelegd; bepaalt dat de voorwaardelijke straf niet ten uitvoer wordt gelegd, tenzij de rechter "
     "later anders beveelt omdat de veroordeelde zich voor het einde van de proeftijd van 2 jaren niet aan de algemene "
     "voorwaarde heeft gehouden",
     parsed(detention_kind=G, unconditional_months=12.0, conditional_months=6.0, probation_months=24.0)),
    ("gevangenisstraf voor de duur van 36 maanden met aftrek van de tijd die veroordeelde in voorarrest heeft "
     "doorgebracht", parsed(detention_kind=G, unconditional_months=36.0)),
    ("een geldboete van € 1.000 (duizend euro)", parsed(fine_euros=1000.0)),
    ("taakstraf bestaande uit 120 uren werkstraf",
     parsed(community_service_hours=120.0, community_service_kind="taakstraf")),
    ("Veroordeelt verdachte wegens het onder 1 en 2 bewezen verklaarde tot een gevangenisstraf van 10 maanden",
     parsed(detention_kind=G, unconditional_months=10.0)),
    ("gelast de terbeschikkingstelling van verdachte, met bevel dat de terbeschikkinggestelde van overheidswege zal "
     "worden verpleegd", parsed(measures=("tbs",))),
    ("legt op een contactverbod met [slachtoffer] voor de duur van 5 jaar", parsed(measures=("contactverbod",))),
    ("een gebiedsverbod voor de gemeente [plaats] voor de duur van 2 jaren", parsed(measures=("gebiedsverbod",))),
    ("gevangenisstraf van 12 maanden alsmede een contactverbod ex art. 38v Sr",
     parsed(detention_kind=G, unconditional_months=12.0, measures=("contactverbod",))),
    ("een vrijheidsbeperkende maatregel (art. 38v Sr) in de vorm van een contactverbod",
     parsed(measures=("contactverbod",))),
    ("veroordeling tot een gevangenisstraf van 6 maanden", parsed(detention_kind=G, unconditional_months=6.0)),
    ("een geldboete van € 250,-- subsidiair 5 dagen hechtenis", parsed(fine_euros=250.0)),
    ("een gevangenisstraf voor de duur van 3 (drie) maanden, met bepaling dat deze straf niet zal worden "
     "tenuitvoergelegd, tenzij de rechter later anders gelast; stelt daarbij een proeftijd van 2 jaren vast",
     parsed(detention_kind=G, conditional_months=3.0, probation_months=24.0)),
    ("gevangenisstraf voor de duur van 89 dagen, gelijk aan het voorarrest",
     parsed(detention_kind=G, unconditional_months=89 * DAY)),
    ("werkstraf van 40 uur, te vervangen door 20 dagen jeugddetentie, met aftrek van de tijd die verdachte in "
     "voorarrest heeft doorgebracht, naar rato van 2 uur per dag",
     parsed(community_service_hours=40.0, community_service_kind="werkstraf")),
    # summary wording (inhoudsindicaties of the 2021 search page, ../shared/verdicts/search)
    ("tot een gevangenisstraf van 446 dagen waarvan 260 dagen voorwaardelijk en legt een taakstraf van 240 uur op",
     parsed(detention_kind=G, unconditional_months=186 * DAY, conditional_months=260 * DAY,
            community_service_hours=240.0, community_service_kind="taakstraf")),
    ("tot een gevangenisstraf van 18 maanden en legt tevens TBS met dwangverpleging op",
     parsed(detention_kind=G, unconditional_months=18.0, measures=("tbs",))),
    ("een gevangenisstraf voor de duur van 24 maanden opgelegd en een contactverbod met het slachtoffer opgelegd",
     parsed(detention_kind=G, unconditional_months=24.0, measures=("contactverbod",))),
    ("Gevangenisstraf acht maanden", parsed(detention_kind=G, unconditional_months=8.0)),
    (  # partial acquittal next to a punishment: the punishment is the sentence
        "spreekt verdachte vrij van het onder 2 ten laste gelegde; veroordeelt verdachte tot een gevangenisstraf van "
        "3 maanden", parsed(detention_kind=G, unconditional_months=3.0),
    ),
]


@pytest.mark.parametrize(("text", "expected"), VERDICT_CASES, ids=lambda v: v[:60] if isinstance(v, str) else "")
def test_verdict_wording(text: str, expected: Sanction) -> None:
    assert_same(parse_sanction(text), expected)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("spreekt verdachte vrij van het onder 2 ten laste gelegde", "acquittal"),
        ("verklaart niet bewezen dat [verdachte] het tenlastegelegde heeft begaan en spreekt hem daarvan vrij",
         "acquittal"),
        ("verklaart het onder 1 ten laste gelegde niet bewezen en spreekt verdachte daarvan vrij", "acquittal"),
        ("ontslaat verdachte van alle rechtsvervolging", "discharge"),
        ("Ontslaat verdachte ter zake van het bewezen verklaarde van alle rechtsvervolging", "discharge"),
    ],
)
def test_verdict_acquittal_and_discharge(text: str, status: str) -> None:
    assert parse_sanction(text).status == status


@pytest.mark.parametrize(
    ("text", "reason_part"),
    [
        # not a sentence: each is marked, never read as a sentence of its numbers
        ("gelast de tenuitvoerlegging van de voorwaardelijke gevangenisstraf van 2 maanden", "tenuitvoerlegging"),
        ("wijst de vordering toe; gelast de tenuitvoerlegging van de door de politierechter opgelegde voorwaardelijke "
         "taakstraf voor de duur van 20 (twintig) uren", "tenuitvoerlegging"),
        ("heft op het bevel tot voorlopige hechtenis", "voorlopige hechtenis"),
        ("heft op de schorsing van het bevel tot voorlopige hechtenis van verdachte", "voorlopige hechtenis"),
        ("veroordeelt verdachte tot betaling aan de benadeelde partij [benadeelde 4] van € 227,01 ter zake van "
         "materiële schade", "schadevergoeding"),
        ("legt aan verdachte de verplichting op aan de Staat, ten behoeve van het slachtoffer, € 189,00 te betalen, "
         "bij niet betaling te vervangen door 3 dagen jeugddetentie", "schadevergoeding"),
        ("stelt het bedrag waarop het wederrechtelijk verkregen voordeel wordt geschat vast op € 12.000",
         "ontneming"),
        ("verklaart niet bewezen wat meer of anders is ten laste gelegd en spreekt verdachte daarvan vrij",
         "meer of anders"),
        ("bepaalt dat de tijd die verdachte in voorarrest heeft doorgebracht in mindering wordt gebracht", "geen"),
        # art. 9a Sr: guilty without punishment is read, and marked (the codebook: not guessed)
        ("schuldigverklaring zonder oplegging van straf", "9a"),
        ("verklaart verdachte schuldig zonder oplegging van straf", "9a"),
        ("legt geen straf of maatregel op", "9a"),
        ("schuldigverklaring zonder oplegging van straf of maatregel (artikel 9a Sr)", "9a"),
        ("Verklaart verdachte schuldig aan het bewezenverklaarde, zonder oplegging van straf of maatregel", "9a"),
        ("veroordeelt verdachte tot een gevangenisstraf van 4 maanden; bepaalt dat de gevangenisstraf van 6 maanden "
         "niet ten uitvoer zal worden gelegd", "6 maanden"),
        ("vrijheidsbeperkende maatregel", "zonder contact- of gebiedsverbod"),
        # what the codebook forms cannot hold: marked, not read as something simpler
        ("Veroordeelt verdachte tot een gevangenisstraf van 2 weken. Veroordeelt verdachte tot een geldboete van "
         "€ 500,00; Bepaalt dat de geldboete niet zal worden ten uitvoer gelegd, tenzij de rechter later anders "
         "gelast", "voorwaardelijke geldboete"),
        ("legt aan verdachte op de maatregel tot plaatsing in een inrichting voor stelselmatige daders voor de duur "
         "van 2 (twee) jaren; bepaalt dat de maatregel niet zal worden ten uitvoer gelegd", "voorwaardelijke maatregel"),
        ("veroordeelt verdachte tot een gevangenisstraf van 4 maanden; bepaalt dat van de gevangenisstraf een "
         "gedeelte van 6 maanden niet zal worden ten uitvoer gelegd", "groter dan"),
        ("gevangenisstraf van 8 maanden, waarvan 3 voorwaardelijk met een proeftijd van 2 jaren; stelt daarbij een "
         "proeftijd van 3 jaren vast", "verschillende proeftijden"),
        ("gevangenisstraf van 1 jaar en 6 maanden, waarvan 3 voorwaardelijk", "eenheid ontbreekt"),
        ("veroordeelt verdachte tot een taakstraf van 40 uren; stelt daarbij een proeftijd van 2 jaren vast",
         "proeftijd zonder"),
        ("bepaalt dat een gedeelte, groot 2 maanden, van deze gevangenisstraf niet ten uitvoer zal worden gelegd",
         "zonder vrijheidsstraf"),
        ("veroordeelt verdachte tot een gevangenisstraf van 6 maanden; schuldigverklaring zonder oplegging van straf",
         "naast een straf"),
        ("legt verdachte de maatregel op als bedoeld in artikel 38v van het Wetboek van Strafrecht, inhoudende dat "
         "verdachte zich meldt bij de politie", "zonder contact- of gebiedsverbod"),
        ("gevangenisstraf van twaalf (11) maanden", "verschillen"),
    ],
    ids=lambda v: v[:50],
)
def test_verdict_wording_marked(text: str, reason_part: str) -> None:
    result = parse_sanction(text)
    assert result.status == "unparsed", result
    assert result.reason and reason_part in result.reason, result.reason


# ---------------------------------------------------------------------------------------------
# The inverse: format_sanction writes the codebook's forms, which read back to the same numbers
# ---------------------------------------------------------------------------------------------


@FAST
@given(generated_phrase())
def test_format_round_trip_generated(case: tuple[str, Sanction]) -> None:
    parsed_once = parse_sanction(case[0])
    assert parsed_once.status == "parsed", parsed_once.reason
    phrase = format_sanction(parsed_once)
    assert_same(parse_sanction(phrase), parsed_once)


@pytest.mark.parametrize(("text", "expected"), PARSED_CASES + VERDICT_CASES,
                         ids=lambda v: v[:50] if isinstance(v, str) else "")
def test_format_round_trip_known_forms(text: str, expected: Sanction) -> None:
    phrase = format_sanction(parse_sanction(text))
    assert_same(parse_sanction(phrase), expected)


def test_format_round_trip_synthetic_sheet() -> None:
    import pandas as pd

    sheet = pd.read_csv(Path(__file__).parents[1] / "data" / "raw" / "codeerblad_synthetisch.csv", dtype=str)
    phrases = sorted(set(sheet["demand"].dropna()) | set(sheet["sentence"].dropna()))
    assert len(phrases) > 50
    for text in phrases:
        once = parse_sanction(text)
        assert_same(parse_sanction(format_sanction(once)), once)


@pytest.mark.parametrize(
    ("sanction", "phrase"),
    [
        (parsed(detention_kind=G, unconditional_months=20.0, conditional_months=10.0, probation_months=24.0),
         "gevangenisstraf van 30 maanden, waarvan 10 maanden voorwaardelijk met een proeftijd van 2 jaren"),
        (parsed(detention_kind=J, conditional_months=4.0, probation_months=24.0, community_service_hours=120.0,
                community_service_kind="werkstraf"),
         "voorwaardelijke jeugddetentie van 4 maanden met een proeftijd van 2 jaren en werkstraf van 120 uren"),
        (parsed(detention_kind=G, unconditional_months=98 * DAY, conditional_months=52 * DAY, probation_months=24.0),
         "gevangenisstraf van 150 dagen, waarvan 52 dagen voorwaardelijk met een proeftijd van 2 jaren"),
        (parsed(measures=("contactverbod", "isd")), "contactverbod en isd-maatregel"),
        (parsed(fine_euros=1250.5), "geldboete van € 1250,50"),
        (Sanction(status="acquittal"), "vrijspraak"),
        (Sanction(status="unknown"), "onbekend"),
        (Sanction(status="discharge"), "ontslag van alle rechtsvervolging"),
    ],
)
def test_format_sanction_forms(sanction: Sanction, phrase: str) -> None:
    assert format_sanction(sanction) == phrase


@pytest.mark.parametrize(
    "sanction",
    [Sanction(status="unparsed", reason="x"), Sanction(status="parsed"),
     parsed(detention_kind=G, unconditional_months=math.pi)],
)
def test_format_sanction_refuses(sanction: Sanction) -> None:
    with pytest.raises(ValueError):
        format_sanction(sanction)


@pytest.mark.parametrize("text", [
    "schadevergoeding", "schadevergoedingsmaatregel van € 1.000", "stelt de bijzondere voorwaarden",
    "De rechtbank stelt de bijzondere voorwaarden die de officier van justitie heeft gevorderd.",
    "dat hij zich meldt bij de reclassering",
])
def test_words_without_a_punishment_are_unparsed_not_an_empty_parse(text: str) -> None:
    """Words the parser accounts for but that hold no punishment (an excluded order, a condition) are 'niet te
    lezen' (codebook §7), never "parsed" with nothing in it, which format_sanction cannot write."""
    result = parse_sanction(text)
    assert result.status == "unparsed"
    assert result.reason
