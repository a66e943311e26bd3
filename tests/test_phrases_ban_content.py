"""A named ban with what it forbids after it, and an area named as one word ending in "gebied" (blind probe 9): the
content is read only when it forbids exactly what the ban is named; otherwise the phrase stays unread."""

from __future__ import annotations

import pytest

from mhcases.phrases import format_sanction, parse_sanction


@pytest.mark.parametrize("text, expected", [
    ("legt aan verdachte een gebiedsverbod op voor de duur van 2 jaren, inhoudende dat hij zich niet zal ophouden in "
     "de binnenstad van Utrecht, zoals op de kaart in de bijlage aangegeven", "gebiedsverbod"),
    ("een contactverbod voor de duur van 5 jaren, inhoudende dat hij op geen enkele wijze contact zal hebben met "
     "[slachtoffer 1]", "contactverbod"),
    ("een gebiedsverbod voor het Havengebied voor de duur van 2 jaren", "gebiedsverbod"),
])
def test_ban_content_and_area_name(text, expected):
    sanction = parse_sanction(text)
    assert sanction.status == "parsed", sanction.reason
    assert format_sanction(sanction) == expected


@pytest.mark.parametrize("text", [
    "een gebiedsverbod voor de duur van 2 jaren, inhoudende dat hij geen contact zal hebben met [slachtoffer]",
    "een contactverbod voor de duur van 2 jaren, inhoudende dat hij zich zal melden bij de reclassering",
    "tbs, inhoudende dat hij zich niet zal ophouden in Den Haag",
    "een gebiedsverbod voor het gebied",  # no name
    "een gebiedsverbod voor het Havengebied en de Markt",  # a second place not read
])
def test_near_misses_stay_unread(text):
    assert parse_sanction(text).status == "unparsed"
