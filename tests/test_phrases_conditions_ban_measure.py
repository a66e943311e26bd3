"""Two more demand forms (blind probes 9 and 10): special conditions end before a ban that says it is a measure
("..., met een meldplicht als bijzondere voorwaarde, en een contactverbod als vrijheidsbeperkende maatregel voor de
duur van 5 jaren"); a demanded acquittal "van beide (ten laste gelegde) feiten" is of the whole charge, anything named
with it is a part."""

from __future__ import annotations

import pytest

from mhcases.phrases import format_sanction, parse_sanction


def test_conditions_end_before_a_ban_named_a_measure():
    sanction = parse_sanction("een gevangenisstraf van 18 maanden, waarvan 6 maanden voorwaardelijk met een proeftijd van "
                              "2 jaren, met een meldplicht als bijzondere voorwaarde, en een gebiedsverbod als "
                              "vrijheidsbeperkende maatregel voor de duur van 3 jaren")
    assert sanction.status == "parsed", sanction.reason
    assert format_sanction(sanction) == ("gevangenisstraf van 18 maanden, waarvan 6 maanden voorwaardelijk met een "
                                         "proeftijd van 2 jaren en gebiedsverbod")


def test_a_ban_among_the_conditions_stays_a_condition_ban():
    # counter-case: a ban that is a special condition is still read as one (codebook 8.2), not cut off
    sanction = parse_sanction("een gevangenisstraf van 4 maanden voorwaardelijk met een proeftijd van 2 jaren, met als "
                              "bijzondere voorwaarden een meldplicht en een contactverbod met [slachtoffer]")
    assert sanction.status == "parsed", sanction.reason
    assert "contactverbod" in sanction.measures


@pytest.mark.parametrize("text", [
    "dat verdachte van beide feiten wordt vrijgesproken",
    "dat de verdachte van beide ten laste gelegde feiten zal worden vrijgesproken",
])
def test_acquittal_of_both_counts_is_whole(text):
    assert parse_sanction(text).status == "acquittal"


@pytest.mark.parametrize("text", [
    "dat verdachte van beide feiten van mensenhandel wordt vrijgesproken",
    "dat verdachte van beide slachtoffers wordt vrijgesproken",
    "dat verdachte van alle feiten behalve feit 3 wordt vrijgesproken",
    "dat verdachte wordt vrijgesproken van beide feiten ten aanzien van [slachtoffer 2]",
])
def test_acquittal_naming_more_is_a_part(text):
    assert parse_sanction(text).status != "acquittal"
