"""The phrase parser on more dictum wording: a wholly suspended term in a relative clause without its kind ("..., die
niet ten uitvoer wordt gelegd, tenzij ..."), a suspended part "van de opgelegde gevangenisstraf" with its probation
after the verb ("niet ten uitvoer zal worden gelegd met een proeftijd van ..."), "subsidiair tot ... hechtenis", the
taakstraf's substitute written "bij het niet naar behoren verrichten te vervangen door hechtenis voor de duur van
...", the taakstraf described after its hours ("..., bestaande uit het verrichten van onbetaalde arbeid"), its
substitute in a clause joined with "en bepaalt dat als ...", "tot het betalen van een geldboete", "Legt op de
volgende straf:", tbs ordered with a comma, a pronoun or "beveelt". Wordings written for these tests."""

from __future__ import annotations

import pytest

from mhcases.phrases import parse_sanction
from test_phrases_demand_orders import numbers  # one helper for the parse as a tuple

WEEK = 7 * 12 / 365.25
DAY = 12 / 365.25


@pytest.mark.parametrize("text, expected", [
    ("veroordeelt verdachte tot een jeugddetentie voor de duur van 2 (twee) weken, die niet ten uitvoer zal worden "
     "gelegd, tenzij de rechter later anders gelast omdat verdachte zich voor het einde van de proeftijd van 1 (één) "
     "jaar niet aan de voorwaarden heeft gehouden", ("jeugddetentie", None, 2 * WEEK, 12.0, None, None, ())),
    ("veroordeelt verdachte tot een werkstraf van 100 uren, subsidiair tot 50 dagen hechtenis",
     (None, None, None, None, 100.0, None, ())),
    ("veroordeelt verdachte tot een taakstraf van 90 uren, bij het niet naar behoren verrichten te vervangen door "
     "hechtenis voor de duur van 45 dagen", (None, None, None, None, 90.0, None, ())),
    ("veroordeelt verdachte tot een taakstraf van 30 uren, bestaande uit het verrichten van onbetaalde arbeid, en "
     "bepaalt dat als verdachte de taakstraf niet naar behoren verricht, jeugddetentie wordt toegepast van 15 dagen",
     (None, None, None, None, 30.0, None, ())),
    ("veroordeelt verdachte tot het betalen van een geldboete van € 350, bij niet betaling te vervangen door 7 dagen "
     "hechtenis", (None, None, None, None, None, 350.0, ())),
    ("Legt op de volgende straf: een gevangenisstraf voor de duur van 9 maanden, met aftrek van voorarrest, waarvan 3 "
     "maanden voorwaardelijk met een proeftijd van 2 jaar", ("gevangenisstraf", 6.0, 3.0, 24.0, None, None, ())),
    ("legt aan verdachte op de volgende straffen en maatregel; een gevangenisstraf van 10 maanden; een contactverbod "
     "met [benadeelde] voor de duur van 2 jaren", ("gevangenisstraf", 10.0, None, None, None, None, ("contactverbod",))),
    # the suspended part "of the imposed" term, and its probation after "niet ten uitvoer ... gelegd"
    ("veroordeelt verdachte tot een gevangenisstraf van 16 maanden; bepaalt dat een gedeelte van de opgelegde "
     "gevangenisstraf, groot 5 maanden, niet ten uitvoer zal worden gelegd, tenzij de rechter later anders gelast",
     ("gevangenisstraf", 11.0, 5.0, None, None, None, ())),
    ("veroordeelt verdachte tot een gevangenisstraf van 16 maanden; bepaalt dat een gedeelte daarvan, te weten 5 "
     "maanden, niet ten uitvoer zal worden gelegd met een proeftijd van 3 jaren",
     ("gevangenisstraf", 11.0, 5.0, 36.0, None, None, ())),
])
def test_dictum_wording(text, expected):
    got = numbers(text)
    assert (got[0], *got[4:]) == (expected[0], *expected[4:])
    for value, want in zip(got[1:4], expected[1:4]):  # months: unconditional, suspended, probation
        assert value == (None if want is None else pytest.approx(want))


@pytest.mark.parametrize("text", [
    # a suspended part and a relative clause that suspends the whole term contradict each other
    "een gevangenisstraf van 12 maanden, waarvan 4 maanden voorwaardelijk, die niet ten uitvoer wordt gelegd",
    # an unconditional term said to be wholly suspended
    "een onvoorwaardelijke gevangenisstraf van 6 maanden, die niet ten uitvoer wordt gelegd",
    # "onbetaalde arbeid" named without hours stays unread
    "een taakstraf, bestaande uit het verrichten van onbetaalde arbeid",
])
def test_contradictions_and_missing_numbers_stay_unparsed(text):
    assert parse_sanction(text).status == "unparsed"


@pytest.mark.parametrize("text", [
    "gelast, dat verdachte ter beschikking wordt gesteld, met bevel dat hij van overheidswege wordt verpleegd",
    "veroordeelt verdachte tot een gevangenisstraf van 30 maanden; gelast dat zij ter beschikking wordt gesteld en "
    "beveelt dat zij van overheidswege wordt verpleegd",
    "veroordeelt verdachte tot een gevangenisstraf van 30 maanden; beveelt dat de verdachte ter beschikking wordt "
    "gesteld met bevel tot verpleging van overheidswege",
])
def test_tbs_ordered_with_a_comma_a_pronoun_or_beveelt(text):
    s = parse_sanction(text)
    assert s.status == "parsed" and s.measures == ("tbs",)
