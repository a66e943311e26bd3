"""The demand's section under two more titles (blind probes 9 and 10): a numbered "De standpunten van partijen: de
eis", and an unnumbered "Het standpunt van de officier van justitie" right after the charge (before any proof);
under the proof the same title is the prosecutor's view of the evidence and opens no demand section."""

from __future__ import annotations

from mhcases.verdicts.sections import sections_of, title_role


def roles(text: str) -> list[tuple[str, str]]:
    return [(s.role, s.title) for s in sections_of(text)]


def test_numbered_standpoints_of_the_parties_the_demand():
    assert title_role("De standpunten van partijen: de eis", numbered=True) == "vordering"
    # counter-cases: the parties' standpoints on something else stay no demand
    assert title_role("De standpunten van partijen: het bewijs", numbered=True) != "vordering"
    assert title_role("De standpunten van partijen", numbered=True) != "vordering"


def test_prosecutor_standpoint_after_the_charge_is_the_demand():
    text = ("Vonnis\nDe tenlastelegging\nAan verdachte is ten laste gelegd dat hij mensenhandel pleegde.\n"
            "Het standpunt van de officier van justitie\nDe officier van justitie heeft een gevangenisstraf van 2 jaren "
            "gevorderd.\nDe beoordeling van het bewijs\nDe rechtbank acht bewezen dat ...\n")
    found = roles(text)
    assert ("vordering", "Het standpunt van de officier van justitie") in found
    demand = next(s for s in sections_of(text) if s.role == "vordering")
    assert "gevangenisstraf van 2 jaren" in demand.text
    charge = next(s for s in sections_of(text) if s.role == "tenlastelegging")
    assert "gevorderd" not in charge.text


def test_prosecutor_standpoint_under_the_proof_is_no_demand_section():
    text = ("Vonnis\nDe tenlastelegging\nAan verdachte is ten laste gelegd dat hij mensenhandel pleegde.\n"
            "De beoordeling van het bewijs\nHet standpunt van de officier van justitie\nDe officier van justitie acht "
            "het ten laste gelegde bewezen.\nHet oordeel van de rechtbank\nDe rechtbank acht bewezen dat ...\n")
    assert all(role != "vordering" for role, _title in roles(text))
