"""A demanded acquittal of a part of the charges is never the demand "vrijspraak" (review R2, must-fix 1 and 2): a
finding of proof or "niet bewezen" of one count before it, or an object that names a count, an offence, an element
or a victim, leaves the demand to check; an acquittal of the whole charge stays read, and a demanded sentence in the
same account stays the demand."""

from __future__ import annotations

import datetime as dt

import pytest

from mhcases.verdicts.extract import read_demand
from mhcases.verdicts.model import Document, Section
from test_extract_forms import make_doc

SENTENCE = "veroordeelt verdachte tot een gevangenisstraf van 1 maand;"


def demand(text: str):
    return read_demand(make_doc(SENTENCE, vordering=text))


@pytest.mark.parametrize("text", [
    "De officier van justitie heeft gevorderd dat het onder 2 ten laste gelegde niet bewezen wordt verklaard en dat "
    "verdachte daarvan wordt vrijgesproken.",
    "De officier van justitie heeft gevorderd dat het onder 1 ten laste gelegde bewezen wordt verklaard, en dat "
    "verdachte van het overige wordt vrijgesproken.",
    "De officier van justitie heeft gevorderd dat verdachte van het tweede feit wordt vrijgesproken.",
    "De officier van justitie heeft gevorderd dat verdachte van de ten laste gelegde mensenhandel wordt vrijgesproken.",
    "De officier van justitie heeft gevorderd dat verdachte van de mensenhandel wordt vrijgesproken.",
    "De officier van justitie heeft gevorderd dat verdachte van het bestanddeel dwang wordt vrijgesproken.",
    "De officier van justitie heeft gevorderd dat verdachte van het ten laste gelegde ten aanzien van [slachtoffer 2] "
    "wordt vrijgesproken.",
    "De officier van justitie heeft gevorderd dat verdachte wordt vrijgesproken van het tweede feit.",
    "De officier van justitie heeft gevorderd dat verdachte wordt vrijgesproken van de mensenhandel.",
    "De officier van justitie heeft gevorderd verdachte vrij te spreken van de mensenhandel.",
    "De officier van justitie heeft ten aanzien van de mensenhandel vrijspraak gevorderd.",
    "De officier van justitie heeft vrijspraak gevorderd van de mensenhandel.",
    "De officier van justitie vordert vrijspraak van het bestanddeel dwang.",
])
def test_a_demanded_acquittal_of_a_part_is_left_to_check(text):
    got = demand(text)
    assert got.value != "vrijspraak" and got.status == "controleren", (got.status, got.value)


@pytest.mark.parametrize("text", [
    "De officier van justitie heeft gevorderd dat verdachte van het hem ten laste gelegde wordt vrijgesproken.",
    "De officier van justitie heeft gevorderd verdachte vrij te spreken.",
    "De officier van justitie heeft gevorderd verdachte vrij te spreken van het hem ten laste gelegde.",
    "De officier van justitie heeft vrijspraak gevorderd.",
    "De officier van justitie heeft ter terechtzitting van 3 mei 2019 vrijspraak gevorderd.",
    # a reason after it names no part
    "De officier van justitie heeft vrijspraak gevorderd, omdat het bewijs van dwang ontbreekt.",
    "De officier van justitie heeft gevorderd verdachte vrij te spreken, nu niet kan worden bewezen dat hij wist van de "
    "uitbuiting.",
])
def test_a_demanded_acquittal_of_the_whole_charge_is_read(text):
    got = demand(text)
    assert (got.status, got.value) == ("automatisch", "vrijspraak")


def test_a_partial_acquittal_beside_a_demanded_sentence_leaves_the_sentence():
    # the acquittal demand in the evidence section, the sentence demanded in the demand section
    sections = [
        ("bewijs", "Het standpunt van de officier van justitie", "De officier van justitie heeft gevorderd dat het "
         "onder 2 ten laste gelegde niet bewezen wordt verklaard en dat verdachte daarvan wordt vrijgesproken."),
        ("vordering", "De vordering van de officier van justitie", "De officier van justitie heeft gevorderd dat "
         "verdachte wordt veroordeeld tot een gevangenisstraf van 12 maanden."),
        ("beslissing", "Beslissing", "veroordeelt verdachte tot een gevangenisstraf van 10 maanden;"),
    ]
    text, parts = "", []
    for role, title, body in sections:
        text += title + "\n"
        parts.append(Section(role, title, body, len(text)))
        text += body + "\n"
    doc = Document("t.txt", "website", None, "Rechtbank Den Haag", dt.date(2019, 3, 1), None, ("Strafrecht",), (),
                   ("09/123456-18",), text, tuple(parts))
    got = read_demand(doc)
    assert (got.status, got.value) == ("automatisch", "gevangenisstraf van 1 jaar")
