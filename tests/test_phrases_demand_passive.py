"""The phrase parser on a demand that names its measures in the passive or between other words: the sanction as the
subject ("en dat een gebiedsverbod wordt opgelegd"), tbs demanded in the passive ("dat zij ter beschikking wordt
gesteld", "dat de terbeschikkingstelling van verdachte wordt gelast"), the demanded finding of proof in the passive
before the order, a list item with the court left out ("- aan verdachte ... oplegt"), the infinitive between an art.
38v measure and its content, "taakstraf in de vorm van een werkstraf", "en daarnaast", a ban's substitute detention
("met 1 week vervangende hechtenis voor iedere overtreding"), confiscation "verbeurd worden verklaard". Wordings written
for these tests."""

from __future__ import annotations

import pytest

from mhcases.phrases import parse_sanction
from test_phrases_demand_orders import numbers  # one helper for the parse as a tuple


@pytest.mark.parametrize("text, expected", [
    # the sanction as the subject of the passive, with or without "aan verdachte" after it
    ("een gevangenisstraf van 30 maanden, met aftrek van voorarrest, en dat een gebiedsverbod als vrijheidsbeperkende "
     "maatregel wordt opgelegd voor de duur van drie jaren", ("gevangenisstraf", 30.0, None, None, None, None,
                                                               ("gebiedsverbod",))),
    ("een jeugddetentie van 6 maanden en dat de maatregel van plaatsing in een inrichting voor jeugdigen aan verdachte "
     "zal worden opgelegd", ("jeugddetentie", 6.0, None, None, None, None, ("pij",))),
    ("een geldboete van € 800 en dat een taakstraf van 60 uren wordt opgelegd",
     (None, None, None, None, 60.0, 800.0, ())),
    # tbs in the passive
    ("een gevangenisstraf van 2 jaren en dat zij ter beschikking wordt gesteld met bevel tot verpleging van "
     "overheidswege", ("gevangenisstraf", 24.0, None, None, None, None, ("tbs",))),
    ("een gevangenisstraf van 20 maanden, met aftrek van voorarrest, en dat de terbeschikkingstelling van de verdachte "
     "zal worden gelast, met bevel tot verpleging van overheidswege",
     ("gevangenisstraf", 20.0, None, None, None, None, ("tbs",))),
    ("gelast de terbeschikkingstelling van verdachte, met bevel tot verpleging van overheidswege",
     (None, None, None, None, None, None, ("tbs",))),
    # the demanded finding of proof in the passive, then the order
    ("dat het onder 2 ten laste gelegde bewezen wordt verklaard en dat aan verdachte de maatregel van plaatsing in een "
     "inrichting voor stelselmatige daders wordt opgelegd voor de duur van 2 jaren",
     (None, None, None, None, None, None, ("isd",))),
    # a list item with the court left out
    ("verdachte veroordeelt tot een gevangenisstraf van 4 jaren; aan verdachte een vrijheidsbeperkende maatregel "
     "oplegt, inhoudende een contactverbod met [benadeelde 2] voor de duur van 3 jaren",
     ("gevangenisstraf", 48.0, None, None, None, None, ("contactverbod",))),
    # the infinitive between the art. 38v measure and its content; "en daarnaast"; the ban's substitute detention
    ("een gevangenisstraf van 15 maanden en daarnaast een maatregel als bedoeld in artikel 38v Sr op te leggen, te "
     "weten een contactverbod met [benadeelde], voor de duur van twee jaren, met vervangende hechtenis van telkens "
     "drie dagen per overtreding", ("gevangenisstraf", 15.0, None, None, None, None, ("contactverbod",))),
    ("een gevangenisstraf van 15 maanden en daarnaast een taakstraf van 100 uren",
     ("gevangenisstraf", 15.0, None, None, 100.0, None, ())),
    ("een gebiedsverbod voor de duur van 2 jaren, met 1 week vervangende hechtenis voor iedere overtreding",
     (None, None, None, None, None, None, ("gebiedsverbod",))),
    # a werkstraf named as the form of the taakstraf
    ("een taakstraf in de vorm van een werkstraf van 50 uren, subsidiair 25 dagen hechtenis",
     (None, None, None, None, 50.0, None, ())),
    # confiscation is no sanction, also in this word order
    ("een gevangenisstraf van 10 maanden en dat de in beslag genomen telefoons verbeurd worden verklaard",
     ("gevangenisstraf", 10.0, None, None, None, None, ())),
])
def test_passive_and_inserted_wording_of_demands(text, expected):
    assert numbers(text) == expected


@pytest.mark.parametrize("text", [
    # a relative clause about a measure is no order to impose one
    "een gevangenisstraf van 10 maanden en dat de maatregel die wordt opgelegd dadelijk uitvoerbaar is",
    # "met hechtenis" without "vervangende" is not read as a ban's substitute
    "een contactverbod voor de duur van 2 jaren, met 1 week hechtenis",
    # the finding of proof is only dropped before a further order ("en dat ..."), not before a bare sanction
    "dat de feiten bewezen worden verklaard en een gevangenisstraf van 3 maanden",
])
def test_wording_the_new_forms_do_not_cover_stays_unparsed(text):
    assert parse_sanction(text).status == "unparsed"


def test_the_dictum_form_of_tbs_still_reads():
    s = parse_sanction("gelast dat verdachte ter beschikking wordt gesteld en beveelt dat hij van overheidswege wordt "
                       "verpleegd")
    assert s.status == "parsed" and s.measures == ("tbs",)


@pytest.mark.parametrize("text, measure", [
    ("een gevangenisstraf van 3 jaren en dat de tbs-maatregel met dwangverpleging wordt opgelegd", "tbs"),
    ("een gevangenisstraf van 3 jaren en dat aan verdachte tbs met dwangverpleging zal worden opgelegd", "tbs"),
    ("een jeugddetentie van 3 maanden en dat de pij-maatregel wordt opgelegd", "pij"),
    ("een gevangenisstraf van 3 maanden en dat verdachte de isd-maatregel wordt opgelegd", "isd"),
])
def test_a_measure_named_by_its_short_name_in_the_passive(text, measure):
    s = parse_sanction(text)
    assert s.status == "parsed" and s.measures == (measure,)


def test_executing_an_earlier_sentence_is_no_passive_order():
    # "ten uitvoer wordt gelegd" of an earlier suspended sentence is not "wordt opgelegd"
    s = parse_sanction("een gevangenisstraf van 3 maanden en dat de voorwaardelijke gevangenisstraf van 2 maanden, "
                       "opgelegd bij vonnis van 4 mei 2016, ten uitvoer wordt gelegd")
    # the earlier sentence is left out, not read as part of this one
    assert s.status == "parsed" and (s.unconditional_months, s.conditional_months) == (3.0, None)


def test_a_demanded_execution_of_an_earlier_sentence_in_the_passive_is_left_out():
    s = parse_sanction("een werkstraf van 80 uren, subsidiair 40 dagen hechtenis, en dat de voorwaardelijk opgelegde "
                       "gevangenisstraf van 3 weken alsnog ten uitvoer wordt gelegd")
    assert s.status == "parsed" and s.community_service_hours == 80.0 and s.detention_kind is None


def test_this_sentences_own_suspension_is_not_taken_for_an_earlier_one():
    # "niet ten uitvoer" is the suspension of the sentence itself: not left out as the execution of another
    s = parse_sanction("een gevangenisstraf van 3 maanden, en dat de voorwaardelijke gevangenisstraf van 2 maanden niet "
                       "ten uitvoer wordt gelegd")
    assert s.status == "unparsed"


def test_a_bans_substitute_for_each_violation_after_its_length():
    s = parse_sanction("een gevangenisstraf van 20 maanden en oplegging van een gebiedsverbod voor de gemeente [plaats] "
                       "voor de duur van 3 jaren, met vervangende hechtenis van 1 week voor iedere overtreding")
    assert s.status == "parsed" and s.measures == ("gebiedsverbod",)


@pytest.mark.parametrize("text, measures", [
    # the special conditions end where a measure is ordered after them; the same ban twice counts once
    ("een gevangenisstraf van 24 maanden, waarvan 8 maanden voorwaardelijk met een proeftijd van 2 jaren, met als "
     "bijzondere voorwaarden een meldplicht en een contactverbod met [benadeelde], en dat daarnaast een contactverbod "
     "als maatregel wordt opgelegd voor de duur van 4 jaren", ("contactverbod",)),
    ("een gevangenisstraf van 24 maanden, waarvan 8 maanden voorwaardelijk met een proeftijd van 2 jaren, met als "
     "bijzondere voorwaarde een meldplicht, en dat tevens een gebiedsverbod wordt opgelegd voor de duur van 4 jaren",
     ("gebiedsverbod",)),
])
def test_a_measure_ordered_after_the_special_conditions(text, measures):
    s = parse_sanction(text)
    assert s.status == "parsed" and s.measures == measures
    assert (s.unconditional_months, s.conditional_months, s.probation_months) == (16.0, 8.0, 24.0)
