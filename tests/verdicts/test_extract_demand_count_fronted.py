"""A demand per count told in two sentences (blind probe 9): "daarvan" after a count said not to be proven is the
acquittal of that count, never the demand "vrijspraak"; the demand for the other count, its count fronted before the
pronoun and the verb ("Voor feit 3 heeft hij gevorderd ..."), is read."""

from __future__ import annotations

import pytest

from mhcases import phrases
from mhcases.verdicts.extract import read_demand
from test_extract_forms import make_doc

SENTENCE = "veroordeelt verdachte tot een gevangenisstraf van 1 maand;"


def demand(text: str):
    return read_demand(make_doc(SENTENCE, vordering=text))


def test_count_not_proven_then_daarvan_and_fronted_count_demand():
    found = demand("De officier van justitie acht het onder 2 ten laste gelegde niet bewijsbaar en heeft gevorderd "
                   "verdachte daarvan vrij te spreken. Voor feit 1 heeft hij gevorderd verdachte te veroordelen tot een "
                   "werkstraf van 60 uren, subsidiair 30 dagen hechtenis.")
    assert found.value == "werkstraf van 60 uren"
    assert found.sanction.status == "parsed"


@pytest.mark.parametrize("text", [
    "De officier van justitie heeft zich op het standpunt gesteld dat feit 3 niet kan worden bewezen en heeft "
    "gevorderd verdachte daarvan vrij te spreken.",
    "De officier van justitie meent dat het onder 1 ten laste gelegde niet bewezen is en heeft gevorderd verdachte "
    "daarvan vrij te spreken.",
])
def test_daarvan_after_a_named_count_is_never_vrijspraak(text):
    found = demand(text)
    assert found.value != "vrijspraak"
    assert found.status == "controleren"


def test_daarvan_without_a_count_stays_the_whole_acquittal():
    # counter-case: nothing named before "daarvan" but the charge as a whole
    found = demand("De officier van justitie acht het ten laste gelegde niet bewezen en heeft gevorderd verdachte "
                   "daarvan vrij te spreken.")
    assert found.value == "vrijspraak"


def test_parser_daarvan_after_a_count_is_a_part():
    text = ("de officier van justitie heeft gesteld dat feit 2 niet bewezen is en heeft gevorderd verdachte daarvan "
            "vrij te spreken")
    assert phrases.parse_sanction(text).status != "acquittal"
    whole = ("de officier van justitie heeft gesteld dat het ten laste gelegde niet bewezen is en heeft gevorderd "
             "verdachte daarvan vrij te spreken")
    assert phrases.parse_sanction(whole).status == "acquittal"


@pytest.mark.parametrize("text", [
    # counter-cases: a fronted count without the prosecutor before it, or another speaker's sentence
    "De raadsman heeft vrijspraak bepleit. Voor feit 2 heeft hij gevorderd verdachte te veroordelen tot een werkstraf "
    "van 60 uren.",
])
def test_fronted_count_needs_the_prosecutor_as_subject(text):
    found = demand(text)
    assert found.value != "werkstraf van 60 uren" or found.status == "controleren"
