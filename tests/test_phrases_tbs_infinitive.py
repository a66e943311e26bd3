"""tbs demanded as an infinitive with the defendant as object (blind probe 9): "(en) hem ter beschikking te stellen
met bevel tot dwangverpleging" is tbs; near-misses stay unread."""

from __future__ import annotations

import pytest

from mhcases.phrases import format_sanction, parse_sanction


@pytest.mark.parametrize("text, expected", [
    ("een gevangenisstraf van 6 jaren, en haar ter beschikking te stellen met bevel tot dwangverpleging",
     "gevangenisstraf van 6 jaren en tbs"),
    ("verdachte ter beschikking te stellen, met bevel tot verpleging van overheidswege", "tbs"),
    ("aan verdachte ter beschikking te stellen onder voorwaarden", "tbs"),
    ("terbeschikkingstelling met bevel tot dwangverpleging", "tbs"),
])
def test_tbs_infinitive_is_read(text, expected):
    sanction = parse_sanction(text)
    assert sanction.status == "parsed"
    assert format_sanction(sanction) == expected


@pytest.mark.parametrize("text", [
    "verdachte niet ter beschikking te stellen",  # a demand NOT to impose it
    "de inbeslaggenomen auto aan verdachte ter beschikking te stellen van zijn broer",  # goods, not a measure
    "het geld aan hem ter beschikking te stellen",
    "een gevangenisstraf van 6 jaren en hem ter beschikking te stellen van de regering voor twee jaar",
])
def test_near_misses_are_not_tbs(text):
    sanction = parse_sanction(text)
    assert sanction.status == "unparsed"
