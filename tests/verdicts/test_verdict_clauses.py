"""Clauses of a section: boundaries, continued paragraphs, headings, exact offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mhcases.verdicts.clauses import split_clauses


def texts(text: str, start: int = 0) -> list[tuple[str, bool]]:
    return [(c.text, c.heading) for c in split_clauses(text, start)]


@pytest.mark.parametrize("text, expected", [
    # a paragraph that does not end a sentence is continued by one that starts in lower case, a digit or "("
    ("veroordeelt verdachte tot een\ngevangenisstraf voor de duur van 8 (acht) maanden\n;",
     [("veroordeelt verdachte tot een gevangenisstraf voor de duur van 8 (acht) maanden ;", False)]),
    ("bepaalt dat een gedeelte\n(6 maanden) niet ten uitvoer wordt gelegd.",
     [("bepaalt dat een gedeelte (6 maanden) niet ten uitvoer wordt gelegd.", False)]),
    # ... but not after a sentence end, whatever white space follows it
    ("Dit is een zin.  \nen dit een nieuwe", [("Dit is een zin.", False), ("en dit een nieuwe", False)]),
    ("eerste deel:\t\nvervolg", [("eerste deel:", False), ("vervolg", False)]),
    # ";" and a sentence end cut; an abbreviation, an initial or initials do not
    ("legt op een taakstraf; beveelt dat. Bepaalt dat", [("legt op een taakstraf;", False), ("beveelt dat.", False),
                                                          ("Bepaalt dat", False)]),
    ("op grond van art. 14a Sr. Mr. J. Jansen en H.H. de Vries zaten", [
        ("op grond van art. 14a Sr. Mr. J. Jansen en H.H. de Vries zaten", False)]),
    # headings: short, capitalised, no final punctuation, no verb of the dictum, at most 8 words
    ("Strafoplegging\nveroordeelt verdachte", [("Strafoplegging", True), ("veroordeelt verdachte", False)]),
    ("Een kop van precies acht korte woorden hier", [("Een kop van precies acht korte woorden hier", True)]),
    ("Een regel van negen korte woorden is geen kop", [("Een regel van negen korte woorden is geen kop", False)]),
    ("Veroordeelt verdachte tot", [("Veroordeelt verdachte tot", False)]),
    ("Strafoplegging:", [("Strafoplegging:", False)]),
    ("12 3", [("12 3", False)]),
    # list items start anew; a bullet alone makes the next paragraph start anew too
    ("heeft gevorderd:\n- een gevangenisstraf\n- een taakstraf", [
        ("heeft gevorderd:", False), ("een gevangenisstraf", False), ("een taakstraf", False)]),
    ("veroordeelt tot\n•\nvervolg", [("veroordeelt tot", False), ("vervolg", False)]),
])
def test_clauses(text, expected):
    assert texts(text) == expected


_LINES = st.lists(st.sampled_from([
    "veroordeelt verdachte tot een", "gevangenisstraf van 8 maanden;", "Strafoplegging", "- een taakstraf",
    "o een werkstraf", "•", "", "   ", "(zes) maanden.", "art. 14a Sr. De rechtbank", "Mr. J. Jansen", "; en",
    "Een kop van acht korte woorden hier dus", "\u00a0tekst\u00a0", "waarvan 6 maanden voorwaardelijk", "1. Feit",
    "H.H. de Vries. Bepaalt", "!?", "e.v. en zo", "€ 500,-", "\t", "A. B.", "tekst.\u2003",
]), max_size=25)


@settings(max_examples=300, deadline=None)
@given(_LINES, st.integers(0, 10_000))
def test_offsets_are_exact_and_clauses_in_order(lines, start):
    text = "\n".join(lines)
    clauses = split_clauses(text, start)
    previous_end = start
    for clause in clauses:
        assert previous_end <= clause.start < clause.end <= start + len(text)
        assert " ".join(text[clause.start - start:clause.end - start].split()) == clause.text
        assert clause.text.strip(" ;.,:")
        previous_end = clause.end
