"""The demand keeps this case's suspended term beside an order that looks like executing an earlier one (review R2,
must-fix 4): never the taakstraf alone as "automatisch"."""

from __future__ import annotations

from mhcases.verdicts.extract import read_demand
from test_extract_forms import make_doc

SENTENCE = "veroordeelt verdachte tot een gevangenisstraf van 1 maand;"


def test_a_suspended_term_with_its_condition_is_not_dropped_from_the_demand():
    got = read_demand(make_doc(SENTENCE, vordering=(
        "De officier van justitie heeft gevorderd dat verdachte wordt veroordeeld tot een taakstraf van 100 uren en dat "
        "voorwaardelijke gevangenisstraf van 2 maanden wordt opgelegd, die ten uitvoer wordt gelegd als verdachte zich "
        "niet aan de voorwaarden houdt.")))
    assert got.status == "controleren" and got.value != "taakstraf van 100 uren", (got.status, got.value)


def test_an_earlier_sentence_beside_the_demand_is_left_out():
    got = read_demand(make_doc(SENTENCE, vordering=(
        "De officier van justitie heeft gevorderd dat een gevangenisstraf van 6 maanden wordt opgelegd en dat de eerder "
        "voorwaardelijk opgelegde gevangenisstraf van 2 maanden alsnog ten uitvoer wordt gelegd.")))
    assert (got.status, got.value) == ("automatisch", "gevangenisstraf van 6 maanden")
