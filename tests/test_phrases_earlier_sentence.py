"""A demanded execution of an earlier suspended sentence is left out only when the text says it is earlier (review
R2, must-fix 4): "voorwaardelijk opgelegde", "eerder (voorwaardelijk) opgelegde", "bij ... opgelegde", or a bare
"voorwaardelijke" with the earlier case named; and only one sanction: it never takes this case's own sentence with
it (the phrase is then unparsed, never read as something simpler)."""

from __future__ import annotations

import pytest

from mhcases.phrases import parse_sanction


@pytest.mark.parametrize("text", [
    # this case's own suspended term, with a condition: not an earlier sentence
    "een taakstraf van 100 uren en dat voorwaardelijke gevangenisstraf van 2 maanden wordt opgelegd, die ten uitvoer "
    "wordt gelegd als verdachte zich niet aan de voorwaarden houdt",
    "een taakstraf van 100 uren, en dat de voorwaardelijke gevangenisstraf van 2 maanden die nu wordt opgelegd pas ten "
    "uitvoer wordt gelegd als verdachte zich niet aan de voorwaarden houdt",
    # a second sanction inside the execution clause
    "een taakstraf van 100 uren, en dat de voorwaardelijke straf van 2 maanden en een nieuwe gevangenisstraf van 3 "
    "maanden ten uitvoer worden gelegd",
    "een gevangenisstraf van 12 maanden, en dat de voorwaardelijk opgelegde straf van 4 maanden en de taakstraf van 60 "
    "uren ten uitvoer worden gelegd",
    # a bare "voorwaardelijke" without an earlier case: which sentence is meant is the coder's call
    "een gevangenisstraf van 6 maanden en dat de voorwaardelijke gevangenisstraf van 2 maanden ten uitvoer wordt gelegd",
])
def test_this_cases_sentence_is_never_left_out_as_an_earlier_one(text):
    assert parse_sanction(text).status == "unparsed"


@pytest.mark.parametrize("text, months, hours", [
    ("een gevangenisstraf van 6 maanden en dat de voorwaardelijk opgelegde gevangenisstraf van 2 maanden ten uitvoer "
     "wordt gelegd", 6, None),
    ("een gevangenisstraf van 6 maanden en dat de eerder voorwaardelijk opgelegde gevangenisstraf van 2 maanden alsnog "
     "ten uitvoer wordt gelegd", 6, None),
    ("een gevangenisstraf van 6 maanden en dat de eerder opgelegde gevangenisstraf van 2 maanden ten uitvoer wordt "
     "gelegd", 6, None),
    ("een gevangenisstraf van 6 maanden en dat de bij vonnis van 3 mei 2016 opgelegde taakstraf van 40 uren ten uitvoer "
     "wordt gelegd", 6, None),
    ("een gevangenisstraf van 6 maanden en dat de bij vonnis van 3 mei 2016 voorwaardelijk opgelegde gevangenisstraf "
     "van 2 weken en 3 dagen ten uitvoer wordt gelegd", 6, None),
    ("een taakstraf van 70 uren en dat de voorwaardelijke straf uit de vorige zaak ten uitvoer wordt gelegd", None, 70),
    ("een gevangenisstraf van 3 maanden en dat de voorwaardelijke gevangenisstraf van 2 maanden, opgelegd bij vonnis "
     "van 4 mei 2016, ten uitvoer wordt gelegd", 3, None),
])
def test_an_earlier_sentence_is_left_out(text, months, hours):
    got = parse_sanction(text)
    assert got.status == "parsed" and got.conditional_months is None, got
    assert (got.unconditional_months, got.community_service_hours) == (months, hours), got
