"""A sentence in the demand's section that names the prosecutor and "bijzondere voorwaarden" but no punishment
("De rechtbank neemt de bijzondere voorwaarden over die de officier van justitie heeft gevorderd.") used to parse
to an empty "parsed" result, and comparing the demands then ended the run with a traceback (format_sanction has
nothing to write). It is unparsed now, and the demand is read from the sentence that holds it. Wording written for
this test."""

from __future__ import annotations

from test_extract_forms import make_doc

from mhcases.verdicts.extract import read_demand

SENTENCE = "veroordeelt verdachte tot een gevangenisstraf van 20 maanden;"


def test_a_conditions_sentence_beside_the_demand_neither_crashes_nor_becomes_the_demand():
    demand = read_demand(make_doc(SENTENCE, vordering=(
        "De officier van justitie heeft gevorderd dat verdachte wordt veroordeeld tot een gevangenisstraf van 30 "
        "maanden, waarvan 10 maanden voorwaardelijk met een proeftijd van 3 jaren, met als bijzondere voorwaarde "
        "een meldplicht bij de reclassering.\n"
        "De rechtbank stelt de bijzondere voorwaarden die de officier van justitie heeft gevorderd.")))
    assert demand.status in {"automatisch", "controleren"}
    assert demand.sanction.status == "parsed"
    assert (demand.sanction.unconditional_months, demand.sanction.conditional_months) == (20.0, 10.0)


def test_only_a_conditions_sentence_gives_no_number():
    demand = read_demand(make_doc(SENTENCE, vordering=(
        "De rechtbank stelt de bijzondere voorwaarden die de officier van justitie heeft gevorderd.")))
    assert (demand.value, demand.status, demand.sanction.status) == ("onbekend", "controleren", "unknown")
