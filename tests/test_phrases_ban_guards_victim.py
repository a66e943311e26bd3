"""The carer guard of the contact ban keeps the ban when the carer or place is the victim's (review R2, must-fix 3):
"geen contact met de reclassering" bans nothing, "geen contact met de hulpverleners van [slachtoffer]" is a contact
ban, in a condition, a sentence, a demand and a list of conditions."""

from __future__ import annotations

import datetime as dt

import pytest

from mhcases.phrases import ban_codes, parse_sanction
from mhcases.verdicts.extract import read_decision, read_demand
from mhcases.verdicts.model import Document, Section


@pytest.mark.parametrize("condition, codes", [
    ("verdachte geen contact opneemt met de hulpverleners van [slachtoffer]", ("contactverbod",)),
    ("verdachte geen contact opneemt met de hulpverlener(s) van [slachtoffer]", ("contactverbod",)),
    ("verdachte op geen enkele wijze contact heeft met de begeleider van [slachtoffer]", ("contactverbod",)),
    ("verdachte geen contact zoekt met de instelling waar [slachtoffer] verblijft", ("contactverbod",)),
    ("verdachte geen contact heeft met de begeleiders die [slachtoffer] bijstaan", ("contactverbod",)),
    ("verdachte geen contact heeft met de behandelaar [naam] van de instelling", ("contactverbod",)),
    # the counter-cases: contact with one's own carer or the probation service is kept, not banned
    ("de veroordeelde drinkt geen alcohol en onderhoudt contact met de reclassering", ()),
    ("de veroordeelde zal op geen enkele wijze contact verbreken met zijn behandelaar", ()),
    ("de veroordeelde gebruikt geen drugs en houdt contact met zijn begeleiders", ()),
    ("de veroordeelde gebruikt geen drugs en blijft in contact met de instelling", ()),
])
def test_a_ban_on_the_victims_carer_is_a_ban(condition, codes):
    assert ban_codes(condition) == codes


SUSPENDED = "een gevangenisstraf van 12 maanden, waarvan 6 maanden voorwaardelijk met een proeftijd van 2 jaren, "


@pytest.mark.parametrize("condition", [
    "met als bijzondere voorwaarde dat verdachte geen contact opneemt met de hulpverlener(s) van [slachtoffer]",
    "met als bijzondere voorwaarde dat verdachte op geen enkele wijze contact heeft met de begeleider van [slachtoffer]",
    "met als bijzondere voorwaarde dat verdachte geen contact zoekt met de instelling waar [slachtoffer] verblijft",
])
def test_the_sentence_keeps_the_ban(condition):
    got = parse_sanction(SUSPENDED + condition)
    assert got.status == "parsed" and got.measures == ("contactverbod",) and got.conditional_months == 6


def make_doc(beslissing: str, vordering: str = "") -> Document:
    text, sections = "", []
    for role, title, body in (("vordering", "De eis van de officier van justitie", vordering),
                              ("beslissing", "Beslissing", beslissing)):
        if body:
            text += title + "\n"
            sections.append(Section(role, title, body, len(text)))
            text += body + "\n"
    return Document("test.txt", "website", None, "Rechtbank Den Haag", dt.date(2019, 3, 1), None, ("Strafrecht",), (),
                    ("09/123456-18",), text, tuple(sections))


def test_the_demand_keeps_the_ban():
    got = read_demand(make_doc(
        "veroordeelt verdachte tot een gevangenisstraf van 1 maand;",
        "De officier van justitie heeft gevorderd dat verdachte wordt veroordeeld tot een gevangenisstraf van 20 maanden, "
        "waarvan 5 maanden voorwaardelijk met een proeftijd van 2 jaren, met als bijzondere voorwaarde dat verdachte geen "
        "contact opneemt met de hulpverleners van [slachtoffer]."))
    assert got.sanction is not None and "contactverbod" in got.sanction.measures, (got.status, got.value)


def test_a_list_of_conditions_keeps_the_ban():
    got = read_decision(make_doc(
        "veroordeelt verdachte tot een gevangenisstraf van 12 maanden, waarvan 4 maanden voorwaardelijk met een "
        "proeftijd van 2 jaren;\n"
        "bepaalt dat de voorwaardelijk opgelegde gevangenisstraf niet ten uitvoer wordt gelegd, tenzij de rechter later "
        "anders gelast omdat verdachte zich niet aan de volgende voorwaarden heeft gehouden:\n"
        "- verdachte meldt zich bij de reclassering;\n"
        "- verdachte geen contact opneemt met de hulpverleners van [slachtoffer].")).sentence
    assert got.sanction is not None and "contactverbod" in got.sanction.measures, (got.status, got.value)
