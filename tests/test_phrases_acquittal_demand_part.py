"""A demanded acquittal counts as the whole charge only when it says so (review R2, must-fix 1 and 2): a demanded
finding of proof before it, or any object other than "het (hem) ten laste gelegde" / "daarvan", makes it the
acquittal of a part, which is no value to code (never "vrijspraak" without a mark)."""

from __future__ import annotations

import pytest

from mhcases.phrases import parse_sanction


@pytest.mark.parametrize("text", [
    # a finding "niet bewezen" of one count, then its acquittal
    "dat het onder 2 ten laste gelegde niet bewezen wordt verklaard en dat verdachte daarvan wordt vrijgesproken",
    # a finding of proof of one count, then the acquittal of the rest
    "dat het onder 1 ten laste gelegde bewezen wordt verklaard, en dat verdachte van het overige wordt vrijgesproken",
    "dat het ten laste gelegde bewezen wordt verklaard en dat verdachte wordt vrijgesproken van het onder 3 ten laste "
    "gelegde",
    # an object before the verb that names a part
    "dat verdachte van het tweede feit wordt vrijgesproken",
    "dat verdachte van de ten laste gelegde mensenhandel wordt vrijgesproken",
    "dat verdachte van de mensenhandel wordt vrijgesproken",
    "dat verdachte van het bestanddeel dwang wordt vrijgesproken",
    "dat verdachte van het ten laste gelegde ten aanzien van [slachtoffer 2] wordt vrijgesproken",
    # the same objects after the verb
    "dat verdachte wordt vrijgesproken van het tweede feit",
    "dat verdachte wordt vrijgesproken van de mensenhandel",
    "dat verdachte zal worden vrijgesproken van het ten laste gelegde ten aanzien van [slachtoffer 2]",
])
def test_a_demanded_acquittal_of_a_part_is_not_an_acquittal(text):
    got = parse_sanction(text)
    assert got.status == "unparsed", got
    assert "vrijspraak van een deel" in (got.reason or ""), got.reason


@pytest.mark.parametrize("text, status", [
    ("dat verdachte van het hem ten laste gelegde wordt vrijgesproken", "acquittal"),
    ("dat verdachte van het ten laste gelegde wordt vrijgesproken", "acquittal"),
    ("dat verdachte zal worden vrijgesproken van het hem ten laste gelegde", "acquittal"),
    ("dat verdachte wordt vrijgesproken", "acquittal"),
    ("dat verdachte wordt vrijgesproken wegens gebrek aan bewijs", "acquittal"),
    ("dat de feiten niet bewezen worden verklaard en dat verdachte wordt vrijgesproken", "acquittal"),
    ("dat het ten laste gelegde niet bewezen wordt verklaard en dat verdachte daarvan wordt vrijgesproken", "acquittal"),
    ("dat de rechtbank verdachte vrijspreekt van alle ten laste gelegde feiten", "acquittal"),
    ("dat het ten laste gelegde bewezen wordt verklaard en dat verdachte wordt ontslagen van alle rechtsvervolging",
     "discharge"),
])
def test_a_demanded_acquittal_of_the_whole_charge_stays_read(text, status):
    assert parse_sanction(text).status == status


@pytest.mark.parametrize("text, months", [
    # the finding of proof before a demanded sentence is still left out
    ("dat de feiten 1 en 2 bewezen worden verklaard en dat aan verdachte een gevangenisstraf van 30 maanden wordt "
     "opgelegd", 30),
    ("dat het onder 1 ten laste gelegde bewezen wordt verklaard en dat aan verdachte een gevangenisstraf van 12 maanden "
     "wordt opgelegd", 12),
    ("dat de feiten bewezen worden verklaard, en dat een gevangenisstraf van 9 maanden wordt opgelegd", 9),
])
def test_a_finding_of_proof_before_a_sentence_is_left_out(text, months):
    got = parse_sanction(text)
    assert got.status == "parsed" and got.unconditional_months == months, got
