"""The phrase parser on more ways courts join the parts of a demand or a decision: a second order in a "dat"-clause
("en dat hem de maatregel ... wordt opgelegd", "en dat de rechtbank aan verdachte ... oplegt"), the prosecutor named
with a comma before the verb, a list item with the defendant first ("- verdachte veroordeelt tot ..."), a second
sanction for another count without its verb ("en voor feit 2 tot een geldboete ..."), and a wholly suspended term in
a relative clause ("..., welke jeugddetentie niet ten uitvoer zal worden gelegd, tenzij ..."). Wordings written for
these tests."""

from __future__ import annotations

import pytest

from mhcases.phrases import parse_sanction

WEEK = 7 * 12 / 365.25


def numbers(text: str) -> tuple:
    s = parse_sanction(text)
    assert s.status == "parsed", s.reason
    return (s.detention_kind, s.unconditional_months, s.conditional_months, s.probation_months,
            s.community_service_hours, s.fine_euros, s.measures)


@pytest.mark.parametrize("text, expected", [
    ("gevangenisstraf van 18 maanden en dat haar de maatregel tot plaatsing in een inrichting voor stelselmatige "
     "daders wordt opgelegd", ("gevangenisstraf", 18.0, None, None, None, None, ("isd",))),
    ("jeugddetentie van 4 maanden, met aftrek van voorarrest, en dat aan hem een vrijheidsbeperkende maatregel wordt "
     "opgelegd, inhoudende een contactverbod met [benadeelde] voor de duur van twee jaren",
     ("jeugddetentie", 4.0, None, None, None, None, ("contactverbod",))),
    ("de officier van justitie heeft gevorderd dat de rechtbank verdachte veroordeelt tot een gevangenisstraf van "
     "14 maanden en dat de rechtbank aan hem de maatregel van terbeschikkingstelling met voorwaarden oplegt",
     ("gevangenisstraf", 14.0, None, None, None, None, ("tbs",))),
])
def test_a_second_order_in_a_dat_clause_is_read(text, expected):
    assert numbers(text) == expected


def test_the_prosecutor_named_between_commas_before_the_verb():
    assert numbers("De officier van justitie, mr. drs. L.M. de Wit, heeft gevorderd dat verdachte zal worden "
                   "veroordeeld tot een werkstraf van 45 uren.") == (None, None, None, None, 45.0, None, ())


def test_a_list_item_with_the_defendant_before_the_verb():
    assert numbers("verdachte veroordeelt tot een gevangenisstraf van 10 maanden, waarvan 5 maanden voorwaardelijk, "
                   "met een proeftijd van 2 jaren") == ("gevangenisstraf", 5.0, 5.0, 24.0, None, None, ())


def test_a_second_sanction_for_another_count_without_its_verb():
    assert numbers("dat verdachte voor feit 1 wordt veroordeeld tot een gevangenisstraf van 9 maanden en voor feit 2 "
                   "tot een geldboete van € 300, subsidiair 6 dagen hechtenis") == (
        "gevangenisstraf", 9.0, None, None, None, 300.0, ())
    # two prison terms for two counts are not added up
    assert parse_sanction("een gevangenisstraf van 9 maanden en ter zake van feit 2 tot een gevangenisstraf van 2 "
                          "maanden").status == "unparsed"


def test_a_wholly_suspended_term_in_a_relative_clause():
    got = numbers("veroordeelt verdachte tot jeugddetentie voor de duur van 3 (drie) weken, welke jeugddetentie niet "
                  "ten uitvoer zal worden gelegd, tenzij de rechter later anders beveelt omdat de veroordeelde voor "
                  "het einde van een proeftijd van 6 (zes) maanden de algemene voorwaarde niet naleeft")
    assert got[0] == "jeugddetentie" and got[1] is None and abs(got[2] - 3 * WEEK) < 1e-9 and got[3] == 6.0
    assert numbers("gevangenisstraf van 2 maanden, die straf niet ten uitvoer zal worden gelegd, met een proeftijd "
                   "van 2 jaren")[1:4] == (None, 2.0, 24.0)


@pytest.mark.parametrize("text", [
    "gevangenisstraf van 4 maanden, welke jeugddetentie niet ten uitvoer zal worden gelegd",  # another kind
    "gevangenisstraf van 4 maanden, waarvan 2 maanden voorwaardelijk, welke straf niet ten uitvoer zal worden gelegd",
    "onvoorwaardelijke gevangenisstraf van 4 maanden, welke straf niet ten uitvoer zal worden gelegd",
])
def test_a_relative_suspension_that_contradicts_the_term_is_marked(text):
    assert parse_sanction(text).status == "unparsed"


def test_the_demanded_finding_of_proof_before_the_sentence():
    assert numbers("de officier van justitie heeft gevorderd dat de rechtbank het onder 1 ten laste gelegde bewezen "
                   "verklaart en verdachte veroordeelt tot een taakstraf van 90 uren") == (
        None, None, None, None, 90.0, None, ())
    # and before a discharge: no sanction, the status
    assert parse_sanction("de officier van justitie heeft gevorderd dat de rechtbank de feiten bewezen verklaart en "
                          "verdachte, gelet op zijn ziekte, ontslaat van alle rechtsvervolging").status == "discharge"
