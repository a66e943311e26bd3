"""Where and how the demand is told, beyond the plain "De officier van justitie heeft gevorderd dat ...": the subject
carried through the clauses of one sentence, the object before the infinitive ("... de maatregel ... op te leggen"),
a bare line under the demand's heading, a demand of discharge after a finding of proof, and a record of the hearing
without any headings (the demand in the account, the dictum after "De rechtbank:"). Wordings written for these
tests."""

from __future__ import annotations

import datetime as dt

from mhcases.verdicts.extract import read_decision, read_demand
from mhcases.verdicts.model import Document, Section
from test_extract_forms import make_doc

DICTUM = "veroordeelt verdachte tot een taakstraf van 20 uren;"


def demand(text: str):
    return read_demand(make_doc(DICTUM, vordering=text))


def test_the_prosecutor_stays_the_subject_through_the_clauses_of_a_sentence():
    got = demand("De officier van justitie acht feit 1 bewezen, met uitzondering van het deel over [slachtoffer 2]; "
                 "daarvan vordert zij vrijspraak. Zij heeft gevorderd verdachte te veroordelen tot een gevangenisstraf "
                 "van 15 maanden.")
    assert got.sanction.unconditional_months == 15.0 and got.status == "automatisch"
    # a new sentence with another subject ends it
    assert demand("De officier van justitie heeft zich op het standpunt gesteld dat het feit bewezen is. De raadsman "
                  "bepleit vrijspraak. Hij heeft gevorderd verdachte te veroordelen tot een taakstraf van 10 uren."
                  ).value == "onbekend"


def test_the_object_before_the_infinitive():
    got = demand("De officier van justitie heeft gevorderd aan verdachte een gevangenisstraf van 4 maanden op te leggen.")
    assert got.sanction.unconditional_months == 4.0
    got = demand("De officier van justitie heeft gevorderd aan verdachte de maatregel tot plaatsing in een inrichting "
                 "voor stelselmatige daders op te leggen voor de duur van twee jaren.")
    assert got.sanction.measures == ("isd",) and got.status == "automatisch"


def test_a_bare_line_under_the_demand_heading_is_the_demand():
    got = demand("Een gevangenisstraf van 3 maanden, met aftrek van voorarrest, en een geldboete van € 250.\n"
                 "De vordering tot tenuitvoerlegging van een eerdere werkstraf toe te wijzen.")
    assert (got.sanction.unconditional_months, got.sanction.fine_euros) == (3.0, 250.0)
    # a line that is not wholly a sanction is not taken
    assert demand("Zie het requisitoir, waarin een gevangenisstraf van 3 maanden wordt genoemd.").value == "onbekend"


def test_a_demand_of_discharge_after_a_finding_of_proof():
    got = demand("De officier van justitie heeft gevorderd dat de rechtbank het ten laste gelegde bewezen verklaart en "
                 "verdachte, gelet op het rapport van de psychiater, ontslaat van alle rechtsvervolging.")
    assert got.sanction.status == "discharge"


RECORD = """PROCES-VERBAAL VAN DE TERECHTZITTING
De officier van justitie draagt de zaak voor.
De officier van justitie vordert dat de rechtbank verdachte veroordeelt tot een taakstraf van 100 uren.
De raadsvrouw voert het woord tot verdediging.
Na beraadslaging deelt de voorzitter als uitspraak mede:
De rechtbank:
- verklaart bewezen dat verdachte het ten laste gelegde heeft begaan;
- veroordeelt verdachte tot een taakstraf van 80 uren;
Waarvan proces-verbaal.
"""


def test_a_record_of_the_hearing_without_headings():
    doc = Document("pv.txt", "website", None, "Rechtbank Limburg", dt.date(2016, 6, 1), None, ("Strafrecht",), (),
                   ("03/123456-15",), RECORD, ())
    decision = read_decision(doc)
    assert decision.sentence.sanction.community_service_hours == 80
    assert decision.sentence.status == "controleren" and "De rechtbank:" in decision.sentence.note
    assert decision.acquittal == "geen"
    got = read_demand(doc, decision)
    assert got.sanction.community_service_hours == 100


def test_a_document_with_headings_does_not_read_its_dictum_from_a_bare_opening_line():
    # with sections, a "De rechtbank:" line is no dictum of its own (here: in the reasons)
    text = "Strafmotivering\nDe rechtbank:\nveroordeelt verdachte tot een taakstraf van 30 uren;\n"
    doc = Document("x.txt", "website", None, "Rechtbank Limburg", dt.date(2016, 6, 1), None, ("Strafrecht",), (),
                   ("03/123456-15",), text, (Section("strafmotivering", "Strafmotivering", text[16:], 16),))
    assert read_decision(doc).sentence.value == "onbekend"


def test_what_was_not_demanded_is_no_unread_demand():
    got = demand("De officier van justitie heeft gevorderd dat verdachte wordt veroordeeld tot een taakstraf van 50 uren. "
                 "Een geldboete heeft zij niet gevorderd, omdat verdachte schulden heeft.")
    assert got.status == "automatisch" and got.sanction.community_service_hours == 50


def test_a_demand_in_words_the_reader_does_not_know_is_quoted_not_called_absent():
    got = demand("De officier van justitie vindt een flinke werkstraf op zijn plaats, zo'n honderd uur.")
    assert got.value == "onbekend" and got.status == "controleren"
    assert "vermeldt de eis niet" not in got.note and "flinke werkstraf" in got.note
    assert got.clauses  # the sentence is the evidence
