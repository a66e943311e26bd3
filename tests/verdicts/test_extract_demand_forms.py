"""The demand read from the verdict's account of the hearing, in wordings other than the fixtures' (hand-built
documents in the standard phrasing): the verb, the demand's object, demands of acquittal and discharge, and demands
that must be checked (an alternative demand, a revised one)."""

from __future__ import annotations

import pytest

from mhcases.verdicts.extract import read_decision, read_demand
from test_extract_forms import make_doc

SENTENCE = "veroordeelt verdachte tot een gevangenisstraf van 1 maand;"


def demand(text: str):
    return read_demand(make_doc(SENTENCE, vordering=text))


@pytest.mark.parametrize("text, value", [
    ("De officier van justitie heeft ter terechtzitting gerequireerd tot veroordeling van verdachte tot een "
     "gevangenisstraf voor de duur van 20 maanden, met aftrek van het voorarrest.", "gevangenisstraf van 20 maanden"),
    ("De vordering van de officier van justitie strekt tot veroordeling van verdachte tot een gevangenisstraf voor de "
     "duur van 2 (twee) jaren, met aftrek van voorarrest.", "gevangenisstraf van 2 jaren"),
    ("De officier van justitie heeft gevorderd dat aan verdachte de maatregel tot plaatsing in een inrichting voor "
     "stelselmatige daders wordt opgelegd voor de duur van 2 jaren.", "isd-maatregel"),
    ("De officier van justitie vordert dat aan verdachte een jeugddetentie voor de duur van 9 maanden wordt opgelegd, "
     "met aftrek van voorarrest, alsmede de maatregel van plaatsing in een inrichting voor jeugdigen (PIJ).",
     "jeugddetentie van 9 maanden en pij-maatregel"),
    ("De officier van justitie heeft gevorderd dat verdachte zal worden vrijgesproken van het hem ten laste gelegde.",
     "vrijspraak"),
    ("De officier van justitie heeft vrijspraak gevorderd.", "vrijspraak"),
    ("De officier van justitie heeft gevorderd verdachte te ontslaan van alle rechtsvervolging, omdat het bewezene niet "
     "strafbaar is.", "ontslag van alle rechtsvervolging"),
    ("De officier van justitie heeft gevorderd dat verdachte wordt veroordeeld tot een gevangenisstraf van 30 maanden, "
     "waarvan 10 maanden voorwaardelijk met een proeftijd van 2 jaren, met als bijzondere voorwaarden een meldplicht bij "
     "de reclassering en een contactverbod met aangeefster.",
     "gevangenisstraf van 30 maanden, waarvan 10 maanden voorwaardelijk met een proeftijd van 2 jaren en contactverbod"),
])
def test_demand_wording(text, value):
    got = demand(text)
    assert (got.value, got.status) == (value, "automatisch"), got.note


@pytest.mark.parametrize("text", [
    # a demand for another finding than the court's
    "De officier van justitie heeft gevorderd dat verdachte wordt veroordeeld tot een gevangenisstraf van 24 maanden. "
    "Voor het geval de rechtbank uitsluitend het onder 2 ten laste gelegde bewezen acht, heeft zij een gevangenisstraf "
    "van 12 maanden gevorderd.",
    # a demand revised at the hearing
    "De officier van justitie heeft in het requisitoir aanvankelijk een gevangenisstraf van 24 maanden gevorderd, maar "
    "heeft ter terechtzitting de eis bijgesteld tot een gevangenisstraf van 18 maanden.",
])
def test_alternative_or_revised_demands_are_checked(text):
    assert demand(text).status == "controleren"


def test_a_contact_ban_among_the_conditions_of_a_dictum_is_read_with_its_evidence():
    got = read_decision(make_doc(
        "veroordeelt verdachte tot een gevangenisstraf voor de duur van 20 maanden;\n"
        "bepaalt dat van deze gevangenisstraf een gedeelte, groot 6 maanden, niet ten uitvoer zal worden gelegd, tenzij "
        "de rechter later anders gelast omdat veroordeelde zich niet heeft gehouden aan de navolgende voorwaarden:\n"
        "- veroordeelde zal zich voor het einde van de proeftijd niet schuldig maken aan een strafbaar feit;\n"
        "- veroordeelde zal op geen enkele wijze contact opnemen met [slachtoffer 1];\n"
        "stelt daarbij een proeftijd vast van 2 jaren;")).sentence
    assert got.sanction.measures == ("contactverbod",) and got.status == "automatisch"
    assert any("contact opnemen" in c.text for c in got.clauses)


def test_a_demand_reported_only_as_followed_is_the_sentence_to_check():
    from mhcases.verdicts.model import Section
    doc = make_doc("veroordeelt verdachte tot een gevangenisstraf van 18 maanden;")
    text = "Straf\nDe rechtbank zal aan verdachte een gevangenisstraf opleggen overeenkomstig de eis van de officier van justitie.\n"
    doc = type(doc)(doc.path, doc.format, doc.ecli, doc.court, doc.decision_date, doc.procedure, doc.subjects,
                    doc.references, doc.case_numbers, doc.text + text,
                    doc.sections + (Section("strafmotivering", "Straf", text.split("\n", 1)[1], len(doc.text) + 6),))
    got = read_demand(doc)
    assert (got.value, got.status) == ("gevangenisstraf van 18 maanden", "controleren") and "overeenkomstig" in got.note
    assert any("overeenkomstig de eis" in c.text for c in got.clauses)
    # a court that goes above or below the demand does not report it this way
    lower = type(doc)(*[getattr(doc, f) for f in ("path", "format", "ecli", "court", "decision_date", "procedure",
                                                   "subjects", "references", "case_numbers", "text")],
                      sections=doc.sections[:-1] + (Section("strafmotivering", "Straf", "De rechtbank legt een lagere "
                                                            "straf op dan de eis van de officier van justitie.", 0),))
    assert read_demand(lower).value == "onbekend"


def test_the_demand_against_a_co_defendant_is_not_read():
    got = demand("Tegen medeverdachte [medeverdachte 1] heeft de officier van justitie een gevangenisstraf van 4 jaren "
                 "gevorderd.\nDe officier van justitie heeft gevorderd dat verdachte wordt veroordeeld tot een "
                 "gevangenisstraf van 2 jaren.")
    assert (got.value, got.status) == ("gevangenisstraf van 2 jaren", "automatisch")


def test_a_demand_for_the_counts_with_its_suspended_part_after_the_verb():
    # "heeft voor <counts> een ... geëist, waarvan ...": the counts before the object, the rest after the verb
    got = demand("De officier van justitie heeft voor de feiten 1 en 3 een gevangenisstraf van 15 maanden geëist, "
                 "waarvan 5 maanden voorwaardelijk met een proeftijd van 3 jaar.")
    s = got.sanction
    assert (s.unconditional_months, s.conditional_months, s.probation_months) == (10.0, 5.0, 36.0)
    assert got.status == "automatisch"


def test_what_follows_the_verb_of_a_demand_is_never_dropped_silently():
    # a suspended part after the verb that the parser cannot read marks the demand, never a bare 15 months
    got = demand("De officier van justitie heeft een gevangenisstraf van 15 maanden geëist, waarvan een deel "
                 "voorwaardelijk naar het oordeel van de rechtbank.")
    assert got.status == "controleren"
    assert got.sanction.status == "unparsed" and "waarvan een deel" in got.value


def test_a_demanded_measure_with_the_defendant_before_it_and_its_modality_after_the_infinitive():
    got = demand("De officier van justitie heeft gevorderd verdachte te veroordelen tot een gevangenisstraf van 4 jaren "
                 "en aan haar de maatregel van terbeschikkingstelling op te leggen met dwangverpleging.")
    assert got.status == "automatisch"
    assert got.sanction.unconditional_months == 48.0 and got.sanction.measures == ("tbs",)


def test_a_demand_acquitting_one_count_and_sentencing_for_another_with_the_court_as_subject():
    got = demand("De officier van justitie heeft gevorderd dat de rechtbank verdachte vrijspreekt van het onder 2 ten "
                 "laste gelegde en haar voor feit 1 veroordeelt tot een taakstraf van 90 uren.")
    assert got.sanction.community_service_hours == 90


def test_a_demand_infinitive_followed_by_an_order_to_execute_an_earlier_sentence():
    # "... op te leggen en dat de voorwaardelijke straf ... ten uitvoer wordt gelegd" (no comma): the demand is read,
    # the earlier sentence left out
    got = demand("De officier van justitie heeft gevorderd een taakstraf van 70 uren op te leggen en dat de "
                 "voorwaardelijke straf uit de vorige zaak ten uitvoer wordt gelegd.")
    assert got.status == "automatisch" and got.sanction.community_service_hours == 70


def test_a_prosecutor_sentence_taken_for_another_order_is_named_in_the_note():
    got = demand("De officier van justitie heeft gevorderd dat de voorwaardelijke gevangenisstraf van 3 maanden uit "
                 "het eerdere vonnis ten uitvoer wordt gelegd.")
    assert got.value == "onbekend" and got.status == "controleren"
    assert "vermeldt de eis niet" not in got.note and "niet als eis gelezen" in got.note
    assert "voorwaardelijke gevangenisstraf van 3 maanden" in got.note and got.clauses  # quoted for the coder
