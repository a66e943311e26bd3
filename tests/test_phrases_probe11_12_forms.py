"""More ways courts write a 38v ban, a taakstraf's substitute and the special conditions of a demand (blind probes 11
and 12): the conditions end before "(en tot) een vrijheidsbeperkende maatregel"; a measure named by its purpose alone
takes what it forbids from "inhoudende dat ..."; a place named before "als maatregel"; "dat die maatregel dadelijk
uitvoerbaar wordt verklaard"; the substitute of a taakstraf in the passive or with "waarvan" (never a hechtenis);
special conditions after an unconditional taakstraf belong to the suspended detention before it. Wordings written for
these tests, with near-misses that stay unread."""

from __future__ import annotations

import pytest

from mhcases.phrases import format_sanction, parse_sanction


@pytest.mark.parametrize("text, expected", [
    ("een gevangenisstraf van 20 maanden, waarvan 6 maanden voorwaardelijk met een proeftijd van 2 jaren, met als "
     "bijzondere voorwaarde een meldplicht, en tot een vrijheidsbeperkende maatregel, bestaande uit een contactverbod "
     "met [aangeefster], voor de duur van 3 jaren",
     "gevangenisstraf van 20 maanden, waarvan 6 maanden voorwaardelijk met een proeftijd van 2 jaren en contactverbod"),
    ("legt verdachte een vrijheidsbeperkende maatregel op voor de duur van 2 jaren, inhoudende dat hij zich niet zal "
     "ophouden in de gemeente [plaats]", "gebiedsverbod"),
    ("een gebiedsverbod voor de gemeente Zwolle als maatregel ter beveiliging van de maatschappij, voor de duur van "
     "2 jaren, en dat die maatregel dadelijk uitvoerbaar wordt verklaard", "gebiedsverbod"),
    ("veroordeelt verdachte tot een werkstraf van 40 uren, met bevel dat, voor het geval de werkstraf niet naar "
     "behoren wordt verricht, vervangende jeugddetentie zal worden toegepast van 20 dagen", "werkstraf van 40 uren"),
    ("veroordeelt verdachte tot een taakstraf van 120 uren, bij het niet naar behoren verrichten waarvan vervangende "
     "hechtenis zal worden toegepast voor de duur van 60 dagen", "taakstraf van 120 uren"),
    ("een jeugddetentie van 90 dagen, waarvan 30 dagen voorwaardelijk met een proeftijd van 2 jaren, en een taakstraf "
     "van 60 uren, met als bijzondere voorwaarden een meldplicht en een contactverbod met [slachtoffer]",
     "jeugddetentie van 90 dagen, waarvan 30 dagen voorwaardelijk met een proeftijd van 2 jaren, taakstraf van 60 uren "
     "en contactverbod"),
])
def test_read(text, expected):
    sanction = parse_sanction(text)
    assert sanction.status == "parsed", sanction.reason
    assert format_sanction(sanction) == expected
    assert "hechtenis" not in format_sanction(sanction)


@pytest.mark.parametrize("text", [
    # a measure by its purpose whose content is no ban
    "legt verdachte een vrijheidsbeperkende maatregel op voor de duur van 2 jaren, inhoudende dat hij zich meldt bij "
    "de reclassering",
    "legt verdachte een vrijheidsbeperkende maatregel op voor de duur van 2 jaren, inhoudende dat hij contact houdt "
    "met de reclassering",
    # conditions after a taakstraf with no suspended detention for them to belong to
    "een jeugddetentie van 90 dagen en een taakstraf van 60 uren, met als bijzondere voorwaarde een contactverbod met "
    "[slachtoffer]",
    "een taakstraf van 60 uren, met als bijzondere voorwaarde een meldplicht",
    # another order made at once
    "een gevangenisstraf van 4 maanden en dat die gevangenisstraf dadelijk uitvoerbaar wordt verklaard",
])
def test_near_misses_stay_unread(text):
    assert parse_sanction(text).status == "unparsed"
