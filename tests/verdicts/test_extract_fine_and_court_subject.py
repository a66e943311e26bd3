"""The extractor on tbs ordered with "beveelt, dat hij ter beschikking wordt gesteld", a fine imposed with "tot het
betalen van een geldboete" (a fine, not compensation), dictum clauses with the court as subject ("De politierechter
veroordeelt ..."), a demand with a juvenile or single judge as the subject of the demanded order ("dat de
kinderrechter verdachte ... veroordeelt tot"), and a demand of acquittal reported in the evidence section with its
object before the verb. Wordings written for these tests."""

from __future__ import annotations

from test_extract_precoding import make_doc

from mhcases.verdicts.extract import read_decision, read_demand


def test_a_fine_ordered_as_paying_it_is_the_sentence():
    doc = make_doc([("beslissing", "Beslissing",
                     "verklaart verdachte strafbaar;\nveroordeelt verdachte tot het betalen van een geldboete van € 650, "
                     "bij niet betaling te vervangen door 13 dagen hechtenis.")])
    got = read_decision(doc).sentence
    assert got.status == "automatisch" and got.sanction.fine_euros == 650.0


def test_paying_compensation_is_still_no_sentence():
    doc = make_doc([("beslissing", "Beslissing",
                     "veroordeelt verdachte tot een taakstraf van 40 uren;\nveroordeelt verdachte tot het betalen van "
                     "€ 900 aan [benadeelde], en legt de schadevergoedingsmaatregel op.")])
    got = read_decision(doc).sentence
    assert got.sanction.community_service_hours == 40.0 and got.sanction.fine_euros is None


def test_a_demand_with_the_juvenile_judge_as_subject_is_read():
    doc = make_doc([("vordering", "Vordering van de officier van justitie",
                     "De officier van justitie heeft gevorderd dat de kinderrechter verdachte veroordeelt tot een "
                     "werkstraf van 30 uren, subsidiair 15 dagen jeugddetentie."),
                    ("beslissing", "Beslissing", "veroordeelt verdachte tot een werkstraf van 20 uren;")])
    got = read_demand(doc)
    assert got.status == "automatisch" and got.sanction.community_service_hours == 30.0


def test_a_demand_of_acquittal_in_the_evidence_section_with_its_object_first():
    doc = make_doc([("bewijs", "Het standpunt van de officier van justitie",
                     "De officier van justitie heeft gevorderd dat verdachte van het ten laste gelegde wordt "
                     "vrijgesproken, omdat de verklaringen niet worden ondersteund."),
                    ("beslissing", "Beslissing", "verklaart niet bewezen wat verdachte is ten laste gelegd en spreekt "
                                                 "verdachte daarvan vrij.")])
    got = read_demand(doc)
    assert got.value == "vrijspraak" and got.sanction.status == "acquittal"


def test_a_demand_of_partial_acquittal_with_its_object_first_is_no_full_acquittal():
    doc = make_doc([("bewijs", "Het standpunt van de officier van justitie",
                     "De officier van justitie heeft gevorderd dat verdachte van het onder 2 ten laste gelegde wordt "
                     "vrijgesproken."),
                    ("beslissing", "Beslissing", "veroordeelt verdachte tot een gevangenisstraf van 2 maanden;")])
    got = read_demand(doc)
    assert got.value != "vrijspraak" and got.status == "controleren"


def test_dictum_clauses_with_the_single_judge_as_subject():
    # every clause of the dictum opens with the court: the sentence is read, the pre-trial detention order is no
    # sentence and leaves nothing unread
    doc = make_doc([("beslissing", "Beslissing",
                     "De politierechter verklaart bewezen dat verdachte het ten laste gelegde heeft begaan.\n"
                     "De politierechter veroordeelt verdachte tot een gevangenisstraf voor de duur van 5 (vijf) weken.\n"
                     "De politierechter heft het bevel tot voorlopige hechtenis op.")])
    got = read_decision(doc).sentence
    assert got.status == "automatisch" and got.sanction.unconditional_months is not None
    assert got.sanction.detention_kind == "gevangenisstraf" and got.value == "gevangenisstraf van 35 dagen"


def test_tbs_ordered_with_beveelt_and_a_pronoun_is_read_in_the_dictum():
    doc = make_doc([("beslissing", "Beslissing",
                     "veroordeelt verdachte tot een gevangenisstraf van 20 maanden;\n"
                     "beveelt, dat hij ter beschikking wordt gesteld met bevel tot verpleging van overheidswege.")])
    got = read_decision(doc).sentence
    assert got.status == "automatisch" and got.sanction.measures == ("tbs",)
