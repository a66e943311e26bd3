"""A demand written as a list after a colon ("De eis ... strekt tot:"): an item that asks first for the finding of proof
and then for the sentence, and where the list ends (its own section; a sentence about a co-defendant)."""

from __future__ import annotations

from mhcases.verdicts.extract import read_demand
from mhcases.verdicts.model import Document
from test_extract_precoding import make_doc


def document(*parts: tuple[str, str, str]) -> Document:
    return make_doc(list(parts))


DICTUM = ("beslissing", "Beslissing", "veroordeelt verdachte tot een gevangenisstraf van 2 maanden;")


def test_proof_then_the_sentence_in_one_item():
    got = read_demand(document(
        ("vordering", "Eis", "De eis van de officier van justitie strekt tot:\n"
                             "bewezenverklaring van feit 1 en 2 en veroordeling van verdachte tot een taakstraf van 140 "
                             "uren, subsidiair 70 dagen hechtenis."), DICTUM))
    assert got.sanction.community_service_hours == 140 and got.status == "automatisch"


def test_a_list_ends_with_its_section():
    got = read_demand(document(
        ("vordering", "Eis", "De officier van justitie heeft gevorderd:"),
        ("strafmotivering", "Strafmotivering", "Een gevangenisstraf van 14 maanden is passend.\n"
                                               "Alles afwegende legt de rechtbank een lagere straf op."), DICTUM))
    assert got.sanction is None or got.sanction.detention_kind is None  # the court's reasons are not the demand


def test_a_co_defendant_ends_the_list():
    got = read_demand(document(
        ("vordering", "Eis", "De officier van justitie heeft gevorderd:\n"
                             "- een taakstraf van 200 uren;\n"
                             "- tegen medeverdachte [naam] een gevangenisstraf van 6 maanden."), DICTUM))
    assert got.sanction.community_service_hours == 200 and got.sanction.detention_kind is None
