"""Contact and area bans among the special conditions of a suspended sentence: one rule (`add_condition_bans`, used by
the parser for a phrase and by the verdict extractor for conditions in clauses of their own)."""

from __future__ import annotations

import pytest

from mhcases.phrases import add_condition_bans, ban_codes, parse_sanction

SUSPENDED = "gevangenisstraf van 18 maanden, waarvan 6 maanden voorwaardelijk, met een proeftijd van 2 jaren"


@pytest.mark.parametrize(("condition", "codes"), [
    ("dat hij op geen enkele wijze contact heeft met de aangeefster", ("contactverbod",)),
    ("dat zij zich niet bevindt in de wijk rond het station", ("gebiedsverbod",)),
    ("een locatieverbod en een contactverbod", ("contactverbod", "gebiedsverbod")),
    ("dat hij zich meldt bij de reclassering", ()),
])
def test_ban_codes(condition, codes):
    assert ban_codes(condition) == codes


def test_bans_of_a_suspended_part_are_measures_as_in_a_phrase():
    added = add_condition_bans(parse_sanction(SUSPENDED), ["gebiedsverbod", "contactverbod", "contactverbod"])
    in_phrase = parse_sanction(SUSPENDED + " en met als bijzondere voorwaarden een contactverbod en een gebiedsverbod")
    assert added.measures == ("contactverbod", "gebiedsverbod") == in_phrase.measures
    assert added == in_phrase


def test_bans_without_a_suspended_part_are_unparsed_with_the_parsers_reason():
    added = add_condition_bans(parse_sanction("gevangenisstraf van 18 maanden"), ["contactverbod"])
    in_phrase = parse_sanction("gevangenisstraf van 18 maanden met als bijzondere voorwaarde een contactverbod")
    assert added.status == in_phrase.status == "unparsed"
    assert added.reason == in_phrase.reason and "zonder voorwaardelijk deel" in added.reason


@pytest.mark.parametrize("text", ["vrijspraak", "onbekend", "taakstraf van 40 uren, waarvan iets"])
def test_not_parsed_or_no_bans_left_as_is(text):
    sanction = parse_sanction(text)
    assert add_condition_bans(sanction, ["contactverbod"]) is sanction
    assert add_condition_bans(parse_sanction(SUSPENDED), []) == parse_sanction(SUSPENDED)
