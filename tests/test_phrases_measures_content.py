"""Measures named by what they order rather than by their name or article, and words beside a sanction that do not
change it: an art. 38v measure stated only by its content ("de maatregel dat hij ... geen contact ..."), "zonder
aftrek van voorarrest", and the demand's infinitive about seized goods ("... verbeurd te verklaren")."""

from __future__ import annotations

import pytest

from mhcases.phrases import parse_sanction


@pytest.mark.parametrize(("text", "measures"), [
    ("legt aan verdachte de maatregel op dat hij gedurende drie jaren geen contact zal zoeken met [slachtoffer 2]",
     ("contactverbod",)),
    ("legt verdachte de maatregel op dat zij zich gedurende twee jaren niet zal bevinden in de gemeente [plaats]",
     ("gebiedsverbod",)),
    ("een werkstraf van 30 uren; legt aan verdachte de maatregel op dat hij op geen enkele wijze contact heeft met de "
     "aangeefster (contactverbod)", ("contactverbod",)),
])
def test_a_measure_stated_by_its_ban(text, measures):
    got = parse_sanction(text)
    assert got.status == "parsed" and got.measures == measures


@pytest.mark.parametrize("text", [
    "legt verdachte de maatregel op dat hij zich laat behandelen door een psychiater",  # no ban: not read as one
    "legt verdachte de maatregel op dat hij contact onderhoudt met de reclassering",  # contact ordered, not forbidden
])
def test_a_measure_whose_content_is_no_ban_is_marked(text):
    assert parse_sanction(text).status == "unparsed"


@pytest.mark.parametrize(("text", "check"), [
    ("de maatregel tot plaatsing in een inrichting voor stelselmatige daders voor de duur van 2 jaren, zonder aftrek "
     "van voorarrest", lambda s: s.measures == ("isd",)),
    ("een gevangenisstraf van 4 maanden zonder aftrek van het voorarrest", lambda s: s.unconditional_months == 4),
    ("een gevangenisstraf van 3 jaren, met aftrek van het voorarrest, en het in beslag genomen geld verbeurd te "
     "verklaren", lambda s: s.unconditional_months == 36 and s.measures == ()),
    ("een taakstraf van 50 uren en de inbeslaggenomen telefoon aan verdachte terug te geven",
     lambda s: s.community_service_hours == 50),
])
def test_words_that_do_not_change_the_sanction(text, check):
    got = parse_sanction(text)
    assert got.status == "parsed" and check(got)
