"""A dictum divided by numbered sub-headings per count ("1. Bewezenverklaring", "3. Straf ter zake van feit 2") in a
verdict whose own headings are not numbered: the sub-headings stay inside the beslissing, and a sub-heading run into
its first clause does not hide the sanction. Wordings written for these tests."""

from __future__ import annotations

import datetime as dt

from mhcases.verdicts.extract import read_decision
from mhcases.verdicts.model import Document
from mhcases.verdicts.sections import sections_of

TEXT = """TENLASTELEGGING
Aan verdachte is ten laste gelegd dat hij mensenhandel heeft gepleegd en zonder rijbewijs heeft gereden.
STRAFMOTIVERING
De rechtbank acht een gevangenisstraf passend.
BESLISSING
De rechtbank:
1. Bewezenverklaring
verklaart bewezen dat verdachte de feiten 1 en 2 heeft begaan;
2. Straf ter zake van feit 1
veroordeelt verdachte tot een gevangenisstraf voor de duur van 10 (tien) maanden;
bepaalt dat een gedeelte van die gevangenisstraf, groot 4 (vier) maanden, niet ten uitvoer zal worden gelegd, tenzij de rechter later anders gelast omdat de veroordeelde zich voor het einde van een proeftijd van 2 (twee) jaren aan een strafbaar feit schuldig maakt;
3. Straf ter zake van feit 2
veroordeelt verdachte tot een geldboete van € 200, bij gebreke van betaling en verhaal te vervangen door 4 dagen hechtenis;
4. Voorlopige hechtenis
heft op het bevel tot voorlopige hechtenis.
"""


def document(text: str) -> Document:
    return Document("x.txt", "website", None, "Rechtbank Gelderland", dt.date(2012, 3, 1), None, ("Strafrecht",), (),
                    ("05/123456-11",), text, sections_of(text))


def test_numbered_subheadings_stay_inside_an_unnumbered_beslissing():
    doc = document(TEXT)
    (decision,) = doc.section("beslissing")
    assert "geldboete van € 200" in decision.text and "heft op" in decision.text


def test_the_sanctions_under_subheadings_per_count_are_read_together():
    got = read_decision(document(TEXT)).sentence
    s = got.sanction
    assert (s.unconditional_months, s.conditional_months, s.probation_months, s.fine_euros) == (6.0, 4.0, 24.0, 200.0)
    assert got.status == "automatisch"


def test_a_numbered_heading_after_a_numbered_beslissing_still_ends_it():
    text = ("1 Tenlastelegging\nVerdachte wordt mensenhandel verweten.\n2 Beslissing\nDe rechtbank:\nveroordeelt "
            "verdachte tot een taakstraf van 40 uren;\n3 Bijlage\nDe tekst van de dagvaarding.\n")
    (decision,) = document(text).section("beslissing")
    assert "taakstraf" in decision.text and "dagvaarding" not in decision.text
