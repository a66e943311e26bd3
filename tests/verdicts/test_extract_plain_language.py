"""A verdict in plain language, addressed to the defendant ("wij" / "u"), with questions as headings and no sections
the reader recognises: the dictum after "Wat is onze beslissing?", "Wij veroordelen u tot ...", the suspended part
"Van die straf hoeft u ... niet uit te zitten", "Daarvoor geldt een proeftijd van ...", the special conditions after
"De voorwaarden zijn:", and "Voor de rest spreken wij u vrij" (boilerplate, no acquittal). Always "controleren": the
dictum was found without a section. Wordings written for these tests."""

from __future__ import annotations

import datetime as dt

from mhcases.phrases import parse_sanction
from mhcases.verdicts.extract import read_decision
from mhcases.verdicts.model import Document

TEXT = """Waar gaat deze zaak over?
U heeft iemand laten werken zonder loon.
Wat is onze beslissing?
Wij vinden bewezen dat u het feit heeft gepleegd. Voor de rest spreken wij u vrij.
Wij veroordelen u tot een gevangenisstraf van 9 maanden. Van die straf hoeft u 3 maanden niet uit te zitten, als u zich aan de voorwaarden houdt. Daarvoor geldt een proeftijd van 2 jaar.
De voorwaarden zijn:
- u pleegt geen nieuw strafbaar feit;
- u zoekt geen contact met [slachtoffer 1].
U moet aan [slachtoffer 1] een schadevergoeding van € 900 betalen.
"""


def decision_of(text: str):
    doc = Document("b1.txt", "website", None, "Rechtbank Oost-Brabant", dt.date(2023, 4, 1), None, ("Strafrecht",), (),
                   ("01/123456-22",), text, ())
    return read_decision(doc)


def test_a_plain_language_decision_is_read_and_marked():
    got = decision_of(TEXT)
    s = got.sentence.sanction
    assert (s.detention_kind, s.unconditional_months, s.conditional_months, s.probation_months) == (
        "gevangenisstraf", 6.0, 3.0, 24.0)
    assert s.measures == ("contactverbod",)  # the ban among the special conditions (codebook 8.2)
    assert got.sentence.status == "controleren"
    assert got.acquittal == "geen"


def test_a_plain_language_acquittal_of_a_count_is_partial():
    got = decision_of(TEXT.replace("Voor de rest spreken wij u vrij.", "Van feit 2 spreken wij u vrij."))
    assert got.acquittal == "partieel"


def test_the_plain_suspended_part_is_checked_against_the_term():
    assert parse_sanction("wij veroordelen u tot een gevangenisstraf van 2 maanden; van die straf hoeft u 3 maanden "
                          "niet uit te zitten").status == "unparsed"
    assert parse_sanction("van die straf hoeft u 3 maanden niet uit te zitten").status == "unparsed"  # no term before
