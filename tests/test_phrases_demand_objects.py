"""Demand wording where the court is the subject of what is demanded, and a demand's verb repeated after the special
conditions ("..., met als bijzondere voorwaarde ..., en tot een taakstraf ...")."""

from __future__ import annotations

import pytest

from mhcases.phrases import parse_sanction


@pytest.mark.parametrize(("text", "status"), [
    ("dat de rechtbank verdachte vrijspreekt van het ten laste gelegde", "acquittal"),
    ("dat de politierechter de verdachte vrij zal spreken", "acquittal"),
    ("dat de rechtbank verdachte ontslaat van alle rechtsvervolging", "discharge"),
    ("dat de rechtbank verdachte zal ontslaan van alle rechtsvervolging", "discharge"),
    ("dat de rechtbank verdachte vrijspreekt van feit 2", "unparsed"),  # part of the charges: no demand of acquittal
])
def test_the_court_as_subject_of_an_acquittal_or_discharge(text, status):
    assert parse_sanction(text).status == status


def test_the_demands_verb_repeated_after_the_special_conditions():
    got = parse_sanction("een voorwaardelijke hechtenis van 2 maanden met een proeftijd van 1 jaar, met als bijzondere "
                         "voorwaarde dat hij zich meldt bij de reclassering, en tot een taakstraf van 100 uren")
    assert (got.status, got.detention_kind, got.conditional_months, got.probation_months) == ("parsed", "hechtenis", 2, 12)
    assert got.community_service_hours == 100


def test_a_condition_still_may_not_swallow_a_sanction():
    got = parse_sanction("een gevangenisstraf van 6 maanden, waarvan 2 maanden voorwaardelijk met een proeftijd van 2 "
                         "jaren, met als bijzondere voorwaarde dat hij een geldboete van 300 euro betaalt")
    assert got.status == "unparsed" or got.fine_euros == 300  # marked or read, never hidden in the condition


def test_the_items_of_a_demand_list_after_dat_de_rechtbank_verdachte():
    # "De officier van justitie heeft gevorderd dat de rechtbank verdachte: - veroordeelt tot ...; - ... oplegt"
    got = parse_sanction("veroordeelt tot een gevangenisstraf van 30 maanden, met aftrek van voorarrest; een "
                         "locatieverbod voor de gemeente Zaanstad en een contactverbod met [slachtoffer 3] oplegt, elk "
                         "voor de duur van drie jaren, met dadelijke uitvoerbaarheid")
    assert (got.status, got.unconditional_months, got.measures) == ("parsed", 30, ("contactverbod", "gebiedsverbod"))


@pytest.mark.parametrize("text", [
    "een gevangenisstraf van 8 maanden, beide voor de duur van twee jaren",  # a measure's duration without a measure
    "een taakstraf van 40 uren, met dadelijke uitvoerbaarheid",
])
def test_a_measures_attributes_need_a_measure(text):
    assert parse_sanction(text).status == "unparsed"


def test_a_reason_beside_the_sanction_is_no_sanction():
    got = parse_sanction("een geldboete van € 750, gelet op de draagkracht van verdachte")
    assert got.status == "parsed" and got.fine_euros == 750
    assert parse_sanction("gelet op de ernst van het feit").status == "unparsed"  # a reason alone: nothing to read
    # a reason may not hide a sanction
    assert parse_sanction("een geldboete van € 750, gelet op de eerder opgelegde werkstraf").status == "unparsed"
