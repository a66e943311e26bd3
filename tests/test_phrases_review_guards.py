"""Guards found in review: a clause part that runs to the end of its sentence may not swallow a further sanction
(the phrase is then unparsed, never read as something simpler), and a place name after a ban stops at one."""

from __future__ import annotations

import pytest

from mhcases.phrases import parse_sanction


@pytest.mark.parametrize("text", [
    # the conditions of a suspended term, then a second sanction in the same sentence
    "Veroordeelt verdachte tot jeugddetentie voor de duur van 4 weken, welke jeugddetentie niet ten uitvoer wordt "
    "gelegd, tenzij de rechter later anders gelast, en tot een werkstraf van 60 uren;",
    # a reason between the term and its suspended part
    "gevangenisstraf van 24 maanden, gelet op artikel 63 Sr, waarvan 12 maanden voorwaardelijk met een proeftijd "
    "van 2 jaren",
    # a suspended part after a ban's place cannot belong to the ban
    "een gebiedsverbod voor de gemeente Zwolle waarvan 6 maanden voorwaardelijk",
    # a discharge for one count and a sentence for another
    "De officier van justitie heeft gevorderd dat de rechtbank verdachte ontslaat van alle rechtsvervolging voor "
    "feit 2 en hem voor feit 1 veroordeelt tot een gevangenisstraf van 6 maanden",
])
def test_a_further_sanction_or_part_is_never_dropped(text):
    assert parse_sanction(text).status == "unparsed"


def test_a_ban_for_a_named_place_ends_where_the_next_sanction_begins():
    got = parse_sanction("een gebiedsverbod voor de gemeente Zwolle alsmede een taakstraf van 100 uren")
    assert got.status == "parsed" and got.community_service_hours == 100
    assert "gebiedsverbod" in got.measures
