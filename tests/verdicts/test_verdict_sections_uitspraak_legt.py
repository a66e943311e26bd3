"""'(De) uitspraak' over a line with "legt" is the decision only when "legt" imposes ("legt verdachte ... op",
"Legt op de volgende straf:"), never when it explains ("De rechtbank legt in dit vonnis uit waarom ...") (review R2,
sections)."""

from __future__ import annotations

import pytest

from mhcases.verdicts.sections import sections_of

BEFORE = "Vonnis van de rechtbank\nDe tenlastelegging.\nMensenhandel.\n"
AFTER = "\nDe motivering.\nMeer tekst.\n"


def decision_titles(text: str) -> list[str]:
    return [s.title for s in sections_of(text) if s.role == "beslissing"]


@pytest.mark.parametrize("line", [
    "De rechtbank legt in dit vonnis uit waarom zij tot een veroordeling komt.",
    "De rechtbank legt hierna uit op grond waarvan zij tot haar oordeel komt.",
    "De politierechter legt de beslissing uit.",
    "Legt uit waarom verdachte wordt vrijgesproken.",
])
def test_legt_that_explains_opens_no_dictum(line):
    assert decision_titles(BEFORE + "De uitspraak\n" + line + AFTER) == []


@pytest.mark.parametrize("line", [
    "De rechtbank legt verdachte een gevangenisstraf op van 6 maanden.",
    "legt aan verdachte de volgende straf op:",
    "Legt op de volgende straf:",
    "De kinderrechter legt verdachte een werkstraf op van 40 uren.",
])
def test_legt_that_imposes_opens_the_dictum(line):
    assert decision_titles(BEFORE + "De uitspraak\n" + line + AFTER) == ["De uitspraak"]
