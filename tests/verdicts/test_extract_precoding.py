"""Pre-coded fields besides demand and sentence, on small hand-built documents in the courts' standard wording:
charges from the applied provisions (as courts word that sentence), violence and organised with their evidence,
victims and periods of the trafficking counts when other offences are charged too. Nothing is guessed: what the
text does not settle stays "onbekend" or empty, always with status "controleren" and a note.
"""

from __future__ import annotations

import datetime as dt

import pytest

from mhcases.verdicts.extract import extract_document, read_charges
from mhcases.verdicts.model import Document, Section


def make_doc(sections: list[tuple[str, str, str]]) -> Document:
    text, parts = "", []
    for role, title, body in sections:
        text += title + "\n"
        parts.append(Section(role, title, body, len(text)))
        text += body + "\n"
    return Document("t.txt", "website", None, "Rechtbank Den Haag", dt.date(2019, 3, 1), None, ("Strafrecht",), (),
                    ("09/123456-18",), text, tuple(parts))


def field(doc: Document, column: str):
    (coding,) = extract_document(doc)
    return next(e for e in coding.evidence if e.column == column)


@pytest.mark.parametrize("sentence", [
    "Gelet is op de artikelen 14a, 14b, 14c, 57 en 310 van het Wetboek van Strafrecht.",
    "De rechtbank heeft gelet op de artikelen 14a, 14b, 57 en 310 van het Wetboek van Strafrecht.",
    "De op te leggen straf is gegrond op de artikelen 57 en 310 van het Wetboek van Strafrecht.",
    "De beslissing berust op de artikelen 57 en 310 van het Wetboek van Strafrecht.",
])
def test_charges_from_the_applied_provisions_in_their_several_wordings(sentence):
    doc = make_doc([("overig", "Toepasselijke wettelijke voorschriften", sentence),
                    ("beslissing", "Beslissing", "veroordeelt verdachte tot een gevangenisstraf van 3 maanden;")])
    found, articles = read_charges(doc)
    assert "310 Sr" in articles and found.status == "controleren" and "toegepaste" in found.note


CHARGE_2 = ("1.\nhij in of omstreeks de periode van 1 januari 2017 tot en met 30 juni 2018 te Den Haag [slachtoffer 1] "
            "en [slachtoffer 2] door dwang, geweld of een andere feitelijkheid heeft geworven met het oogmerk van "
            "uitbuiting van die ander (art. 273f Sr);\n"
            "2.\nhij in de periode van 1 januari 2015 tot en met 31 december 2019 geldbedragen heeft witgewassen, "
            "afkomstig van [slachtoffer 3] (art. 420bis Sr);\n")
PROOF_2 = ("1.\nhij in de periode van 1 maart 2017 tot en met 31 mei 2018 te Den Haag [slachtoffer 1] heeft geworven "
           "met het oogmerk van uitbuiting van die ander;\n"
           "2.\nhij in de periode van 1 januari 2016 tot en met 31 december 2019 geldbedragen heeft witgewassen;\n")


def trafficking_doc(facts: str = "", charge: str = CHARGE_2) -> Document:
    return make_doc([("tenlastelegging", "Tenlastelegging", charge),
                     ("bewijs", "Bewezenverklaring", PROOF_2 + facts),
                     ("beslissing", "Beslissing", "veroordeelt verdachte tot een gevangenisstraf van 30 maanden;")])


def test_victims_and_periods_of_the_trafficking_count_only():
    doc = trafficking_doc()
    assert field(doc, "victims_charged").value == "2"  # not [slachtoffer 3] of the money-laundering count
    assert field(doc, "victims_proven").value == "1"
    assert field(doc, "period_charged_months").value == "18"  # not the five years of count 2
    assert field(doc, "period_proven_months").value == "15"
    for column in ("victims_charged", "victims_proven", "period_charged_months", "period_proven_months"):
        got = field(doc, column)
        assert got.status == "controleren" and "mensenhandel" in got.note


def test_without_numbered_counts_nothing_is_counted():
    charge = ("hij in de periode van 1 januari 2017 tot en met 30 juni 2018 [slachtoffer 1] heeft geworven met het "
              "oogmerk van uitbuiting (art. 273f Sr) en geldbedragen van [slachtoffer 3] heeft witgewassen (art. "
              "420bis Sr)")
    doc = trafficking_doc(charge=charge)
    assert field(doc, "victims_charged").value is None and field(doc, "period_charged_months").value is None
    assert field(doc, "victims_charged").status == "niet gevonden"


def test_violence_from_the_facts_with_its_evidence():
    got = field(trafficking_doc("Verdachte sloeg [slachtoffer 1] als zij niet genoeg verdiende.\n"), "violence")
    assert got.value == "ja" and got.status == "controleren" and "sloeg" in got.source
    # the standard charge names "geweld" in every trafficking case: that alone is no finding
    got = field(trafficking_doc(), "violence")
    assert got.value == "onbekend" and got.status == "controleren" and not got.source
    # "acht geslagen op" (took into account) is not violence
    assert field(trafficking_doc("De rechtbank heeft acht geslagen op het strafblad.\n"), "violence").value == "onbekend"


@pytest.mark.parametrize("facts, value", [
    ("Verdachte handelde samen met anderen in een criminele organisatie met een duidelijke taakverdeling.\n", "ja"),
    ("Het feit is gepleegd door twee of meer verenigde personen.\n", "ja"),
    ("Verdachte heeft het feit tezamen en in vereniging met een ander gepleegd.\n", "onbekend"),
])
def test_organised_is_flagged_with_its_evidence(facts, value):
    got = field(trafficking_doc(facts), "organised")
    assert got.value == value and got.status == "controleren" and got.source


def test_organised_by_art_140_is_automatic():
    charge = CHARGE_2 + "3.\nhij heeft deelgenomen aan een organisatie (art. 140 Sr);\n"
    got = field(trafficking_doc(charge=charge), "organised")
    assert got.value == "ja" and got.status == "automatisch"
