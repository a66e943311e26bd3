"""An interim decision (tussenvonnis) that reopens the investigation after the demand: the demand it reports belongs
to a judgment not yet given, so no number is pre-filled (the cell shows the sentence, controleren)."""

from __future__ import annotations

from mhcases.verdicts.extract import read_decision, read_demand
from test_extract_forms import make_doc

DEMAND = ("De officier van justitie heeft gevorderd dat verdachte wordt veroordeeld tot een gevangenisstraf van 14 "
          "maanden, waarvan 2 maanden voorwaardelijk met een proeftijd van 2 jaren.")


def test_the_demand_in_a_decision_that_reopens_the_investigation_gives_no_number():
    doc = make_doc("De rechtbank:\n- heropent het onderzoek;\n- verwijst de zaak naar de rechter-commissaris voor een "
                   "onderzoek naar de persoon van verdachte;\n- schorst het onderzoek voor onbepaalde tijd.",
                   vordering=DEMAND)
    got = read_demand(doc)
    assert got.status == "controleren"
    assert got.sanction is not None and got.sanction.status == "unparsed"
    assert "14 maanden" in got.value and "tussenvonnis" in got.note
    assert read_demand(doc, read_decision(doc)).sanction.status == "unparsed"  # same with the decision passed in


def test_a_final_judgment_keeps_its_demand():
    doc = make_doc("De rechtbank:\nveroordeelt verdachte tot een gevangenisstraf van 10 maanden;", vordering=DEMAND)
    got = read_demand(doc)
    assert got.status == "automatisch" and got.sanction.unconditional_months == 12.0


def test_a_judgment_that_decides_on_the_charges_is_no_interim_decision():
    # an acquittal decides the case, whatever else the decision says about the investigation of a co-defendant
    doc = make_doc("De rechtbank:\nspreekt verdachte vrij van het ten laste gelegde;\nschorst het onderzoek in de zaak "
                   "van de medeverdachte niet;", vordering=DEMAND)
    assert read_demand(doc).sanction.status == "parsed"
