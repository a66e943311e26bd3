"""Demands that are not one plain sentence: two demands for different findings (no number: the coder chooses), a
demand revised at the hearing (the last one counts, to check), and a demand told in a sentence whose subject is a
pronoun for the prosecutor ("Zij heeft gevorderd ...")."""

from __future__ import annotations

from mhcases.verdicts.extract import read_demand
from test_extract_forms import make_doc


def demand(text: str):
    return read_demand(make_doc("veroordeelt verdachte tot een taakstraf van 20 uren;", vordering=text))


def test_two_demands_for_different_findings_give_no_number():
    got = demand("De officier van justitie heeft gevorderd dat verdachte voor beide feiten wordt veroordeeld tot een "
                 "gevangenisstraf van 9 maanden. Indien de rechtbank alleen feit 1 bewezen acht, heeft de officier van "
                 "justitie subsidiair gevorderd dat verdachte wordt veroordeeld tot een taakstraf van 180 uren.")
    assert got.status == "controleren"
    assert got.sanction is not None and got.sanction.status == "unparsed"  # no number pre-filled
    assert "9 maanden" in got.value and "180 uren" in got.value  # both shown to the coder
    assert "bewezenverklaring" in got.note


def test_the_demand_after_a_revision_replaces_the_first():
    got = demand("De officier van justitie heeft bij requisitoir gevorderd dat verdachte wordt veroordeeld tot een "
                 "taakstraf van 150 uren. Na het laatste woord van verdachte heeft de officier van justitie haar eis "
                 "gewijzigd. Zij heeft daarop gevorderd dat verdachte wordt veroordeeld tot een taakstraf van 90 uren "
                 "en een geldboete van € 400.")
    assert got.status == "controleren" and "bijgesteld" in got.note
    assert got.sanction.community_service_hours == 90 and got.sanction.fine_euros == 400


def test_a_pronoun_is_the_prosecutor_only_after_the_prosecutor():
    assert demand("De raadsman heeft het woord gevoerd. Hij heeft gevorderd dat verdachte wordt veroordeeld tot een "
                  "taakstraf van 10 uren.").value == "onbekend"
    got = demand("De officier van justitie acht het feit bewezen. Zij wijst op de ernst ervan. Zij heeft gevorderd dat "
                 "verdachte wordt veroordeeld tot een taakstraf van 60 uren.")
    assert got.sanction.community_service_hours == 60 and got.status == "automatisch"


def test_a_discharge_demand_with_the_court_as_subject():
    got = demand("De officier van justitie acht het beroep op psychische overmacht gegrond. Zij heeft dan ook "
                 "gevorderd dat de rechtbank de verdachte ontslaat van alle rechtsvervolging.")
    assert got.value == "ontslag van alle rechtsvervolging"


def test_a_demand_revised_within_one_sentence_with_its_reason():
    got = demand("De officier van justitie had op de eerste zitting een taakstraf van 200 uren gevorderd, maar heeft op "
                 "de tweede zitting haar eis verlaagd tot een taakstraf van 120 uren, mede gelet op het tijdsverloop.")
    assert got.sanction.community_service_hours == 120 and got.status == "controleren"


def test_a_pronoun_after_a_co_defendant_is_not_our_prosecutor():
    got = demand("De officier van justitie heeft de strafeis tegen medeverdachte [A] toegelicht. Hij heeft gevorderd "
                 "dat hij wordt veroordeeld tot een gevangenisstraf van 30 maanden.")
    assert got.value == "onbekend"


def test_the_revision_told_with_a_fronted_phrase_and_a_pronoun_keeps_the_prosecutor_as_subject():
    # "Na ... heeft zij haar eis ..." carries the prosecutor on to the next "Zij vordert nu ..."
    got = demand("De officier van justitie heeft schriftelijk gevorderd dat verdachte wordt veroordeeld tot een "
                 "gevangenisstraf van 10 maanden. Na de verklaring van de getuige heeft zij haar eis verlaagd. Zij "
                 "vordert nu een taakstraf van 120 uren.")
    assert got.status == "controleren" and "bijgesteld" in got.note
    assert got.sanction.community_service_hours == 120 and got.sanction.unconditional_months is None


def test_a_revised_demand_with_thans_in_the_same_clause_as_the_prosecutor():
    got = demand("De officier van justitie heeft eerst een gevangenisstraf van 4 jaren gevorderd. Ter zitting, na de "
                 "pleidooien, heeft de officier van justitie haar eis aangepast en vordert thans een gevangenisstraf van "
                 "3 jaren.")
    assert got.status == "controleren" and got.sanction.unconditional_months == 36


def test_a_fronted_pronoun_without_a_prosecutor_before_it_is_not_the_prosecutor():
    assert demand("De raadsman heeft het woord gevoerd. Na de schorsing heeft hij gevorderd dat verdachte wordt "
                  "veroordeeld tot een taakstraf van 20 uren.").value == "onbekend"


def test_the_revised_demand_after_a_fronted_subordinate_clause_is_the_prosecutors():
    # the pronoun is the main clause's subject after "Nu/Nadat ..., heeft zij ...": the next "Zij vordert" is hers
    got = demand("De officier van justitie heeft eerst gevorderd dat verdachte wordt veroordeeld tot een taakstraf van "
                 "200 uren. Nu de verdediging een nieuw rapport had overgelegd, heeft zij haar eis aangepast. Zij vordert "
                 "thans een taakstraf van 140 uren.")
    assert got.sanction.community_service_hours == 140
    assert got.status == "controleren" and "de laatste eis gelezen" in got.note


def test_a_revision_whose_new_demand_is_not_read_says_so():
    got = demand("De officier van justitie heeft gevorderd dat verdachte wordt veroordeeld tot een taakstraf van 200 "
                 "uren. Ter zitting is de eis bijgesteld, om redenen die de rechtbank hierna bespreekt.")
    assert got.status == "controleren"
    assert "bijgestelde eis is niet gelezen" in got.note and "de laatste eis gelezen" not in got.note
