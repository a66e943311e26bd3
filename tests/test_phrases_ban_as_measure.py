"""A contact or area ban with what it is written after it (blind probes 9 and 10): "..., als (vrijheidsbeperkende)
maatregel (ter beveiliging van de maatschappij)", and a demand's own words for its immediate effect ("dadelijke
uitvoerbaarheid van de maatregel", "en dat deze maatregel dadelijk uitvoerbaar wordt verklaard"); the dictum's "Legt
aan verdachte een gebiedsverbod op ..." read like "legt verdachte op een gebiedsverbod". Near-misses stay unread."""

from __future__ import annotations

import pytest

from mhcases.phrases import format_sanction, parse_sanction


@pytest.mark.parametrize("text, expected", [
    ("een contactverbod voor de duur van 4 jaren als vrijheidsbeperkende maatregel", "contactverbod"),
    ("een gebiedsverbod voor de duur van 2 jaren, als maatregel ter beveiliging van de maatschappij", "gebiedsverbod"),
    ("een gevangenisstraf van 10 maanden; een contactverbod voor de duur van 2 jaren; dadelijke uitvoerbaarheid van de "
     "maatregel", "gevangenisstraf van 10 maanden en contactverbod"),
    ("een gevangenisstraf van 10 maanden, en dat aan verdachte een gebiedsverbod wordt opgelegd als maatregel ter "
     "beveiliging van de maatschappij voor de duur van 4 jaren, en dat deze maatregel dadelijk uitvoerbaar wordt "
     "verklaard", "gevangenisstraf van 10 maanden en gebiedsverbod"),
    ("legt aan verdachte een contactverbod op voor de duur van 2 jaren", "contactverbod"),
])
def test_ban_with_its_kind_after_it(text, expected):
    sanction = parse_sanction(text)
    assert sanction.status == "parsed", sanction.reason
    assert format_sanction(sanction) == expected


@pytest.mark.parametrize("text", [
    "een gevangenisstraf van 3 jaren als maatregel",  # no measure before it
    "een gevangenisstraf van 3 jaren; dadelijke uitvoerbaarheid van de maatregel",  # no measure to be immediate
    "een contactverbod voor de duur van 2 jaren; dadelijke uitvoerbaarheid van de gevangenisstraf",
    "een gebiedsverbod, en dat de gevangenisstraf dadelijk uitvoerbaar wordt verklaard",
    "een contactverbod als maatregel van de reclassering",  # something else after "als maatregel"
])
def test_near_misses_stay_unread(text):
    assert parse_sanction(text).status == "unparsed"
