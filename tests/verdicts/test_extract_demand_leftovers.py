"""The leftovers of the previous round, checked in this round's words: tbs by 'aan hem ... op te leggen met
dwangverpleging', an acquittal of one count with the court as subject before the sentence for the other, a demand
joined with 'en dat de voorwaardelijke straf ... ten uitvoer wordt gelegd' (no comma), and a demand that is only about
an earlier sentence: its note says what was read and why, never 'de uitspraak vermeldt de eis niet'."""

from __future__ import annotations

import re

from mhcases.phrases import SANCTION_TEXT_PART
from mhcases.verdicts.extract import read_demand
from test_extract_forms import make_doc

SENTENCE = "veroordeelt verdachte tot een gevangenisstraf van 1 maand;"


def demand(text: str):
    return read_demand(make_doc(SENTENCE, vordering=text))


def test_tbs_as_object_before_the_infinitive():
    found = demand("De officier van justitie heeft gevorderd verdachte te veroordelen tot een gevangenisstraf van 5 "
                   "jaren en aan haar de maatregel van terbeschikkingstelling op te leggen met dwangverpleging.")
    assert found.value == "gevangenisstraf van 5 jaren en tbs"


def test_acquittal_of_one_count_then_the_sentence_for_the_other():
    found = demand("De officier van justitie heeft gevorderd dat de rechtbank verdachte vrijspreekt van het onder 2 ten "
                   "laste gelegde en hem voor feit 1 veroordeelt tot een gevangenisstraf van 9 maanden.")
    assert found.value == "gevangenisstraf van 9 maanden"


def test_execution_of_an_earlier_sentence_joined_without_comma():
    found = demand("De officier van justitie heeft gevorderd verdachte te veroordelen tot een werkstraf van 120 uren en "
                   "dat de voorwaardelijke straf uit de vorige zaak ten uitvoer wordt gelegd.")
    assert found.value == "werkstraf van 120 uren"


def test_only_an_earlier_sentence_demanded_says_so_in_the_note():
    found = demand("De officier van justitie heeft gevorderd dat de eerder voorwaardelijk opgelegde straf uit de vorige "
                   "zaak ten uitvoer wordt gelegd.")
    assert found.value == "onbekend"
    assert found.status == "controleren"
    assert "vermeldt de eis niet" not in found.note
    assert "tenuitvoerlegging" in found.note


def test_no_prosecutor_sentence_keeps_the_plain_note():
    # counter-case: nothing the prosecutor said about a sanction or a demand: the plain note stays
    found = demand("De verdediging heeft verzocht de tenuitvoerlegging van de eerdere straf af te wijzen.")
    assert found.value == "onbekend"
    assert "vermeldt de eis niet" in found.note


def test_sanction_text_part_has_word_boundaries():
    assert re.search(SANCTION_TEXT_PART, "het slachtoffer had veel pijn", re.IGNORECASE) is None
    assert re.search(SANCTION_TEXT_PART, "de pij-maatregel", re.IGNORECASE) is not None
