"""A part of the demand the parser cannot read is never dropped beside a part it can (review R2, "already wrong in
the base"): the read part stays, marked "controleren" with the unread text in the note; a demand read whole stays
"automatisch"."""

from __future__ import annotations

import pytest

from mhcases.verdicts.extract import read_demand
from test_extract_forms import make_doc

SENTENCE = "veroordeelt verdachte tot een gevangenisstraf van 1 maand;"


def demand(text: str):
    return read_demand(make_doc(SENTENCE, vordering=text))


@pytest.mark.parametrize("text", [
    # a suspended term with its condition in a relative clause, then a second sanction in the next sentence
    "De officier van justitie heeft gevorderd dat een voorwaardelijke jeugddetentie van 3 maanden wordt opgelegd, die "
    "ten uitvoer wordt gelegd als verdachte zich niet aan de voorwaarden houdt. Daarnaast heeft zij een werkstraf van "
    "40 uren gevorderd.",
    # a second demand sentence the parser leaves unread
    "De officier van justitie heeft gevorderd dat een gevangenisstraf van 12 maanden wordt opgelegd. De officier van "
    "justitie heeft voorts gevorderd dat een taakstraf van 200 uren wordt opgelegd, subsidiair tot een gevangenisstraf "
    "van 3 maanden.",
])
def test_an_unread_part_of_the_demand_marks_it(text):
    got = demand(text)
    assert got.status == "controleren", (got.status, got.value)
    assert "niet gelezen" in got.note


@pytest.mark.parametrize("text, value", [
    ("De officier van justitie heeft gevorderd dat een gevangenisstraf van 12 maanden wordt opgelegd, waarvan 4 "
     "maanden voorwaardelijk met een proeftijd van 2 jaren, met als bijzondere voorwaarde een meldplicht bij de "
     "reclassering.", "gevangenisstraf van 1 jaar, waarvan 4 maanden voorwaardelijk met een proeftijd van 2 jaren"),
    ("De officier van justitie heeft een gevangenisstraf van 12 maanden geëist. Daarnaast heeft zij een werkstraf van "
     "40 uren gevorderd.", "gevangenisstraf van 1 jaar en werkstraf van 40 uren"),
])
def test_a_demand_read_whole_stays_automatic(text, value):
    got = demand(text)
    assert (got.status, got.value) == ("automatisch", value)
