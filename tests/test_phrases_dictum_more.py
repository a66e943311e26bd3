"""The phrase parser on further court wording (each test in wordings written for it): a suspended part that "niet ten
uitvoer gelegd hoeft te worden"."""

from __future__ import annotations

import pytest

from mhcases.phrases import parse_sanction
from test_phrases_demand_orders import numbers  # one helper for the parse as a tuple


@pytest.mark.parametrize("text", [
    "een gevangenisstraf van 10 maanden; bepaalt dat van deze gevangenisstraf een gedeelte van 4 maanden niet ten "
    "uitvoer gelegd hoeft te worden, onder de algemene voorwaarde dat de verdachte zich voor het einde van de proeftijd "
    "van 3 jaar niet schuldig maakt aan een strafbaar feit",
    "een gevangenisstraf van 10 maanden; bepaalt dat een gedeelte van 4 maanden van deze gevangenisstraf niet ten "
    "uitvoer hoeft te worden gelegd, tenzij de rechter later anders gelast; stelt daarbij een proeftijd vast van 3 jaren",
])
def test_a_part_that_need_not_be_executed_is_suspended(text):
    assert numbers(text) == ("gevangenisstraf", 6.0, 4.0, 36.0, None, None, ())


@pytest.mark.parametrize("text, bans", [
    ("een gevangenisstraf van 2 jaren en tot de maatregel ter beveiliging van de maatschappij inhoudende een "
     "contactverbod met de twee slachtoffers voor de duur van 3 jaren", ("contactverbod",)),
    ("een gevangenisstraf van 2 jaren, en de maatregel ter beveiliging van de maatschappij, inhoudende een gebiedsverbod "
     "voor de gemeente Zwolle en een contactverbod met alle slachtoffers, voor de duur van 4 jaren",
     ("contactverbod", "gebiedsverbod")),
    ("een gevangenisstraf van 2 jaren en een contactverbod met beide slachtoffers voor de duur van 5 jaren",
     ("contactverbod",)),
])
def test_a_ban_named_as_a_measure_protecting_society(text, bans):
    s = parse_sanction(text)
    assert s.status == "parsed", s.reason
    assert s.unconditional_months == 24.0 and s.measures == bans


def test_a_measure_protecting_society_without_a_ban_is_not_read():
    for text in ("een gevangenisstraf van 2 jaren en de maatregel ter beveiliging van de maatschappij, inhoudende "
                 "terbeschikkingstelling", "een gevangenisstraf van 2 jaren en de maatregel ter beveiliging van de "
                 "maatschappij"):
        assert parse_sanction(text).status == "unparsed"


def test_a_further_sanction_joined_with_met_daarnaast():
    assert numbers("een werkstraf van 60 uren, met daarnaast een voorwaardelijke gevangenisstraf van 2 maanden met een "
                   "proeftijd van 1 jaar") == ("gevangenisstraf", None, 2.0, 12.0, 60.0, None, ())
    assert numbers("een gevangenisstraf van 4 maanden met daarnaast een geldboete van € 500") == (
        "gevangenisstraf", 4.0, None, None, None, 500.0, ())
    assert parse_sanction("een gevangenisstraf van 4 maanden met daarnaast").status == "unparsed"  # nothing joined


@pytest.mark.parametrize("who", ["hij", "zij"])
def test_a_taakstraf_substitute_whose_condition_names_the_defendant_by_pronoun(who):
    text = (f"veroordeelt verdachte tot een werkstraf van 50 uren, met bevel dat vervangende hechtenis zal worden "
            f"toegepast voor de duur van 25 dagen als {who} de werkstraf niet naar behoren verricht")
    assert numbers(text) == (None, None, None, None, 50.0, None, ())


@pytest.mark.parametrize("opening", [
    "legt verdachte de volgende straf op:", "De politierechter legt aan verdachte de volgende straffen op:",
    "legt aan de verdachte de volgende straf en maatregel op;",
])
def test_the_defendant_between_legt_and_de_volgende_straf_op(opening):
    text = f"{opening} een gevangenisstraf voor de duur van 8 maanden, waarvan 2 maanden voorwaardelijk, met een proeftijd van 2 jaren"
    assert numbers(text) == ("gevangenisstraf", 6.0, 2.0, 24.0, None, None, ())


def test_de_volgende_straf_op_with_nothing_after_it_is_not_read():
    assert parse_sanction("legt verdachte de volgende straf op:").status == "unparsed"


@pytest.mark.parametrize("description", ["een werkstraf", "een leerstraf", "het volgen van een leerproject"])
def test_a_taakstraf_described_after_its_hours(description):
    text = f"veroordeelt verdachte tot een taakstraf van 45 (vijfenveertig) uren, bestaande uit {description}, te vervangen door 22 dagen jeugddetentie"
    assert numbers(text) == (None, None, None, None, 45.0, None, ())


def test_a_described_taakstraf_with_other_hours_in_the_description_is_not_read():
    assert parse_sanction("een taakstraf van 80 uren, bestaande uit een werkstraf van 40 uren").status == "unparsed"


def test_the_sanction_word_pattern_does_not_take_pijn_for_the_pij_measure():
    import re

    from mhcases.phrases import SANCTION_TEXT_PART
    found = re.compile(SANCTION_TEXT_PART, re.IGNORECASE)
    for text in ("het slachtoffer had veel pijn", "een pijler van het beleid"):
        assert found.search(text) is None
    for text in ("de PIJ-maatregel", "oplegging van de pij", "de isd-maatregel", "ISD", "terbeschikkingstelling"):
        assert found.search(text) is not None


def test_a_demand_infinitive_after_the_sanction():
    assert numbers("een taakstraf van 80 uren op te leggen en een geldboete van € 200") == (
        None, None, None, None, 80.0, 200.0, ())
    assert numbers("aan verdachte een werkstraf van 30 uren op te leggen")[4] == 30.0
