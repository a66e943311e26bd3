"""A section of a decision as a list of clauses, each with its position in the document.

Decisions break their text into paragraphs in more than one way: the website text often breaks a clause over
several lines ("veroordeelt de verdachte tot een" / "gevangenisstraf voor de duur van 8 (acht) maanden" / ";"),
the open data put one clause per paragraph, and list items start with "-", "•", "*" or "o". A clause here is the
text between two boundaries: ";", the end of a sentence (". " before a capital), a list item, or a paragraph that
does not continue the one before (a paragraph continues it when it starts with a lower-case letter, a digit, "(",
"[", "€" or punctuation, and the one before did not end a sentence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Clause", "split_clauses", "quote"]


@dataclass(frozen=True)
class Clause:
    text: str  # the clause, whitespace collapsed
    start: int  # offsets in Document.text of the first and after the last character
    end: int
    heading: bool = False  # a short paragraph without a verb or final punctuation ("Strafoplegging")


_BULLET = re.compile(r"^\s*(?:[-–•*\u2022\uf0b7]|o(?=\s))\s*")
_CONTINUES = re.compile(r"^[a-zà-ÿ0-9(\[€,;:).'\"‘’/%&+]")
_SENTENCE_MARKS = ".;:!?"  # a paragraph ending in one of these (white space aside) ends a sentence
_ABBREVIATIONS = {"mr", "mrs", "art", "artt", "nr", "nrs", "jl", "dd", "d.d", "o.a", "bijv", "i.c", "e.v", "blz",
                  "p", "pag", "jo", "ca", "resp", "vs", "nl", "ecli", "sr", "sv", "st", "stb", "stcrt", "e.d"}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\[\-•*\u2022])")
_HEADING_WORDS = re.compile(r"[a-zA-Z]")


_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]?")


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the period at `dot` the end of an abbreviation or an initial ("mr.", "H.H.", "art.")?"""
    j = dot
    while j > 0 and not text[j - 1].isspace() and text[j - 1] not in "([":
        j -= 1
    token = text[j:dot].lower()
    word = token.rstrip(".")
    if word in _ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha():
        return True
    return _INITIALS.fullmatch(token + ".") is not None  # initials "h.h." / "d.d."


# ";" or a sentence end; written to start with a character set, which the regular expression engine scans for
# fast (twice as fast as the alternation ";|[.!?](?=…)" with the same matches)
_CUT = re.compile(r"[.;!?](?:(?<=;)|(?=\s+[A-Z\[\-•*\u2022]))")


def _split_sentences(text: str, start: int) -> list[tuple[str, int, int]]:
    """Split at ";" and at sentence ends; offsets relative to the document."""
    pieces: list[tuple[str, int, int]] = []
    begin = 0
    for m in _CUT.finditer(text):
        if m.group() == "." and _is_abbreviation(text, m.start()):
            continue
        cut = m.end()
        pieces.append((text[begin:cut], start + begin, start + cut))
        begin = cut
    if begin < len(text):
        pieces.append((text[begin:], start + begin, start + len(text)))
    return pieces


def _is_heading(line: str) -> bool:
    stripped = line.strip()
    # at most 8 words, not ending a sentence (the last character: `stripped` has no white space at its end)
    return (stripped[:1].isupper() and stripped[-1] not in _SENTENCE_MARKS and len(stripped.split(None, 8)) <= 8
            and bool(_HEADING_WORDS.search(stripped)) and not stripped.lower().startswith(
                ("veroordeelt", "verklaart", "bepaalt", "beveelt", "gelast", "legt", "spreekt", "stelt", "heft",
                 "wijst", "ontslaat", "de rechtbank")))


def split_clauses(text: str, start: int = 0) -> list[Clause]:
    """The clauses of a section text (paragraphs separated by "\\n") that starts at `start` in the document.

    Offsets are exact: a clause's `start`/`end` delimit its first and last character in the document."""
    # 1. paragraphs -> segments (a paragraph that continues the one before joins its segment)
    segments: list[tuple[int, int, bool]] = []  # start, end (relative to text), heading
    offset = 0
    previous = False  # a paragraph before this one that it may continue
    previous_ends = False  # ... and whether it ended a sentence
    previous_heading = False
    for raw in text.split("\n"):
        line_start = offset
        offset += len(raw) + 1
        bullet = _BULLET.match(raw)
        body_start = line_start + (bullet.end() if bullet else 0)
        body = text[body_start:line_start + len(raw)] if bullet else raw
        if not body or body.isspace():
            if bullet:
                previous, previous_heading = False, False  # a bullet alone: the next paragraph starts anew
            continue
        first = body.lstrip()
        lead = body_start + (len(body) - len(first))
        end = line_start + len(raw.rstrip())
        last = text[end - 1]  # the body's last character that is not white space
        continues = (previous and not bullet and not previous_heading and segments
                     and (first[:1] in ";,.)" or (_CONTINUES.match(first) and not previous_ends)))
        if continues:
            segments[-1] = (segments[-1][0], end, False)
            previous, previous_ends = True, last in _SENTENCE_MARKS
            continue
        heading = _is_heading(body)
        segments.append((lead, end, heading))
        previous, previous_ends, previous_heading = True, last in _SENTENCE_MARKS, heading
    # 2. segments -> clauses, split at ';' and sentence ends
    clauses: list[Clause] = []
    for a, b, heading in segments:
        segment = text[a:b]
        if heading:
            clauses.append(Clause(" ".join(segment.split()), start + a, start + b, heading=True))
            continue
        for piece, p_start, _p_end in _split_sentences(segment.replace("\n", " "), a):
            cleaned = " ".join(piece.split())
            if cleaned.strip(" ;.,:"):
                lead = len(piece) - len(piece.lstrip())
                clauses.append(Clause(cleaned, start + p_start + lead, start + p_start + len(piece.rstrip())))
    return clauses


def quote(clauses: list[Clause], limit: int = 1200) -> str:
    """The clauses as one quotation ("…" between clauses that are not adjacent)."""
    parts: list[str] = []
    last_end = None
    for c in clauses:
        if last_end is not None and c.start - last_end > 2:
            parts.append("…")
        parts.append(c.text)
        last_end = c.end
    text = " ".join(parts)
    return text if len(text) <= limit else text[: limit - 1] + "…"
