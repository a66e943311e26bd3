"""An acquittal in the dictum that says it is of a part (an element, a victim, "voor zover") is never a full
acquittal, even with nothing else read (review R2, must-fix 2 on the dictum's side): partial, the sentence left to
check; an acquittal of all counts stays full."""

from __future__ import annotations

import pytest

from mhcases.verdicts.extract import read_decision
from test_extract_forms import make_doc


@pytest.mark.parametrize("dictum", [
    "spreekt verdachte vrij van het bestanddeel dwang.",
    "verklaart niet bewezen dat verdachte het ten laste gelegde ten aanzien van [slachtoffer 2] heeft begaan en "
    "spreekt verdachte daarvan vrij.",
    "spreekt verdachte vrij van het ten laste gelegde voor zover het de uitbuiting van [slachtoffer 1] betreft.",
])
def test_an_acquittal_of_a_part_is_partial(dictum):
    decision = read_decision(make_doc(dictum))
    assert decision.acquittal == "partieel"
    assert decision.sentence.status == "controleren" and decision.sentence.value != "vrijspraak"


@pytest.mark.parametrize("dictum", [
    "spreekt verdachte vrij van het hem ten laste gelegde.",
    "spreekt verdachte vrij van het onder 1 en 2 ten laste gelegde.",
    "verklaart niet bewezen dat verdachte het ten laste gelegde heeft begaan en spreekt verdachte daarvan vrij.",
])
def test_an_acquittal_of_every_count_stays_full(dictum):
    decision = read_decision(make_doc(dictum))
    assert decision.acquittal == "volledig"
    assert (decision.sentence.status, decision.sentence.value) == ("automatisch", "vrijspraak")
