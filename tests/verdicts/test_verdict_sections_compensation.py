"""One compensation guard for "veroordeelt verdachte tot ..." (phrases.COMPENSATION_AFTER_TOT), in the sections
reader and the extractor (review R2 duplication): a punishment heading after the decision that orders compensation
("tot het betalen van een bedrag ... aan [benadeelde]", "tot betaling van een bedrag", "tot schadevergoeding") stays
apart; a fine ("tot (het) betalen van een geldboete") is a sentence."""

from __future__ import annotations

import pytest

from mhcases.verdicts.extract import read_decision
from mhcases.verdicts.sections import sections_of
from test_extract_forms import make_doc
from test_verdict_sections_decision import ORAL


@pytest.mark.parametrize("punishment", [
    "De politierechter veroordeelt verdachte tot het betalen van een bedrag van € 500 aan [benadeelde].",
    "Veroordeelt verdachte tot betaling van een bedrag van € 400 aan de benadeelde partij.",
    "Veroordeelt verdachte tot schadevergoeding aan [benadeelde].",
])
def test_a_compensation_order_after_the_decision_stays_apart(punishment):
    sections = sections_of(ORAL.format(punishment=punishment))
    (decision,) = [s for s in sections if s.role == "beslissing"]
    assert punishment not in decision.text
    assert [s.role for s in sections if s.title == "Straf"] == ["strafmotivering"]


@pytest.mark.parametrize("punishment", [
    "De politierechter veroordeelt verdachte tot het betalen van een geldboete van € 500.",
    "Veroordeelt verdachte tot betaling van een geldboete van € 300.",
])
def test_a_fine_after_the_decision_belongs_to_it(punishment):
    (decision,) = [s for s in sections_of(ORAL.format(punishment=punishment)) if s.role == "beslissing"]
    assert decision.text.endswith(punishment)


def test_a_compensation_order_in_the_dictum_is_no_sentence():
    got = read_decision(make_doc("veroordeelt verdachte tot een gevangenisstraf van 12 maanden;\n"
                                 "veroordeelt verdachte tot schadevergoeding aan [benadeelde] van € 800.")).sentence
    assert (got.status, got.value) == ("automatisch", "gevangenisstraf van 1 jaar")
