"""Sections of a decision, found by markup role or by heading text.

A decision arrives as a list of paragraphs (`Para`). Headings are found in four shapes that occur in the open data
and on the website:

1. explicit markup: an open-data `<section role="…">` with its `<title>` (the reader passes these as `Para` with
   `heading=True`, their number, depth and role attribute);
2. a number on its own line, then a short title ("4" / "Waardering van het bewijs", "4.3.1." / "…");
3. a number and a short title on one line ("5.1 De vordering van de officier van justitie", "8. Beslissing");
4. an unnumbered short line that is one of the known headings ("Tenlastelegging", "BESLISSING",
   "De eis van de officier van justitie", "Motivering van de straffen en maatregelen").

Numbered headings must not go back in the numbering (so the counts "1.", "2." of a charge list inside section 4 are
not read as headings); an unnumbered heading in a numbered document is a subsection of the numbered heading above
it. Headings below a "beslissing" heading (the dictum's own "Bewezenverklaring", "Strafoplegging" …) stay inside
the beslissing and get role "overig"; the beslissing ends at the next heading of its level, at an annex with the
charges, or at the judges' signature ("Dit vonnis is gewezen door …").

Roles: tenlastelegging, vordering (the prosecutor's sentencing demand; not a claim of an injured party, not an
application for execution of an earlier suspended sentence, not a confiscation claim), bewijs (evidence, finding of
proof, acquittal), strafmotivering (reasons for the punishment), beslissing (the dictum); other headings are
"overig" and only end the sections above them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from collections.abc import Sequence
from typing import NamedTuple

from mhcases.phrases import COMPENSATION_AFTER_TOT, COURT_WORDS
from mhcases.verdicts.model import Section

__all__ = ["Para", "Explicit", "title_role", "find_sections", "sections_of", "join_paragraphs"]


class Para(NamedTuple):
    """One paragraph of a decision as the reader found it (a tuple: cheap to make by the hundred thousand)."""

    text: str
    heading: bool = False  # explicit heading from markup (an open-data <title>)
    depth: int = 0  # nesting depth of an explicit heading (1 = top level)
    role: str | None = None  # role from markup (<section role="beslissing">), explicit headings only


_NUMBER = r"\d{1,2}(?:\.\d{1,2}){0,3}"
_NUMBER_ONLY = re.compile(rf"^({_NUMBER})\.?$")
_NUMBERED = re.compile(rf"^({_NUMBER})\.?\s+(\S.*)$")
_MAX_TITLE = 90
_MAX_SKIP = 4
_DIGIT, _DIGIT_OR_COLON = re.compile(r"\d"), re.compile(r"[\d:]")
_MAX_LINE = _MAX_TITLE + 16  # longest line that can hold a number and a title
_SIGNATURE = re.compile(
    r"^(dit (vonnis|arrest|vonnis en|proces-verbaal)|deze (beslissing|uitspraak)|aldus (gewezen|gedaan|vastgesteld))"
    r"\b.{0,40}\b(gewezen|gegeven|gedaan|vastgesteld) door\b", re.IGNORECASE)


@lru_cache(maxsize=8192)
def _fold(text: str) -> str:
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = " ".join(text.casefold().split()).strip(" :.-–")
    return re.sub(r"(?<=[a-z)])\d{1,3}$", "", text).strip()  # a footnote number glued to the title: "Bewijsmiddelen1"


# Unnumbered headings: the whole (folded) line must be one of these.
_JUDGE = COURT_WORDS  # the first-instance judge who opens a dictum
_ART = r"(?:de |het )?"
_STRICT: tuple[tuple[str, re.Pattern[str]], ...] = tuple((role, re.compile(rf"^(?:{pattern})$")) for role, pattern in (
    ("tenlastelegging",
     rf"{_ART}(?:tekst (?:van )?(?:de )?|inhoud van de )?(?:tenlastelegging|telastelegging|ten ?laste ?legging)"
     r"(?: en (?:de )?bewezenverklaring)?|de beschuldiging(?: \(tenlastelegging\))?"
     r"|vordering(?:en)? (?:tot )?wijziging(?:en)? (?:van de )?te?n ?laste ?legging"),
    ("vordering",
     rf"{_ART}(?:eis|vordering|strafeis)(?: van)?(?: de| het)? (?:officier van justitie|openbaar ministerie"
     r"|advocaat-generaal|om)(?: ten aanzien van de straf)?|(?:de )?(?:straf)?eis"),
    ("bewijs",
     rf"{_ART}(?:waardering|beoordeling) van het bewijs|{_ART}bewijs|{_ART}bewijsmiddelen(?: en (?:bewijs)?overwegingen)?"
     r"|(?:de |nadere |aanvullende )?bewijs(?:overweging|overwegingen|voering|waardering|motivering)"
     r"|(?:de )?bewezenverklaring(?:en)?|(?:de )?overwegingen ten aanzien van het bewijs|geen bewijs"
     r"|(?:gedeeltelijke |partiele )?vrijspra(?:ak|ken)"),
    ("strafmotivering",
     r"(?:de )?strafmotivering|(?:de )?motivering (?:van )?(?:de )?(?:straf|straffen|sanctie|sancties|strafoplegging)"
     r"(?: en (?:van )?(?:de )?(?:maatregel|maatregelen|overige beslissingen))?"
     r"|(?:de )?oplegging (?:van )?(?:de )?(?:straf|straffen|maatregel|maatregelen|sanctie)"
     r"(?: en(?:/of)? (?:de )?(?:maatregel|maatregelen|straf))?"
     r"|(?:de )?strafoplegging|de op te leggen (?:straf|straffen|sanctie|sancties)(?: en (?:de )?maatregel(?:en)?)?"
     r"|(?:de )?(?:straf|straffen|strafmaat|sanctie|straftoemeting)"
     r"|(?:de )?overwegingen ten aanzien van (?:de )?(?:straf|strafoplegging)(?: en(?:/of)? (?:de )?maatregel)?"
     r"|(?:de )?straf en (?:de )?maatregel(?:en)?"),
    ("beslissing", r"(?:de )?beslissing|de beslissing op het hoger beroep|uitspraak en beslissing"
                   rf"|(?:de )?uitspraak van de {_JUDGE} luidt,? recht ?doende|(?:de )?{_JUDGE},? recht ?doende"),
    ("overig",
     r"bijlage(?:n| i| ii| \d)?|(?:de )?(?:toepasselijke |toegepaste )?wettelijke voorschriften"
     r"|(?:de )?toepasselijke (?:wets)?artikelen|toepassing van (?:de )?wetsartikelen|(?:de )?strafbaarheid(?: van (?:het|de) .{0,30})?"
     r"|(?:het )?onderzoek (?:ter|op de|van de) (?:terechtzitting|zitting|zaak)|(?:de )?voorvragen"
     r"|(?:de )?vordering(?:en)? (?:van de )?benadeelde partij(?:en)?|(?:de )?benadeelde partij(?:en)?"
     r"|(?:de )?vordering(?:en)? tot (?:schadevergoeding|tenuitvoerlegging)|(?:de )?vordering tenuitvoerlegging"
     r"|(?:het )?beslag|(?:de )?inbeslaggenomen (?:voorwerpen|goederen)|(?:de )?kwalificatie.{0,40}"),
))


@lru_cache(maxsize=8192)
def title_role(title: str, numbered: bool) -> str | None:
    """The role of a heading title; None when the line is not a heading at all (unnumbered lines only).

    A numbered heading is a heading whatever its words (role "overig" when none fits); an unnumbered line is a
    heading only when it is one of the known headings."""
    folded = _fold(title)
    if not numbered:
        return next((role for role, pattern in _STRICT if pattern.match(folded)), None)
    if re.search(r"te?n? ?laste ?legging|beschuldiging", folded) and not re.search(r"wijziging|nietig", folded):
        return "tenlastelegging"
    if (re.search(r"\b(eis|strafeis|vordering|gevorderd|requisitoir)\b", folded)
            and re.search(r"officier|openbaar ministerie|\bom\b|advocaat-generaal", folded)
            and not re.search(r"tenuitvoerlegging|benadeelde|ontneming|schadevergoeding|hechtenis|beslag", folded)):
        return "vordering"
    if folded in ("eis", "strafeis", "de eis") or re.search(r"^(?:de |het )?standpunt(?:en)? van (?:de )?partijen: "
                                                            r"(?:de )?(?:straf)?eis$", folded):
        return "vordering"  # "3 De standpunten van partijen: de eis"
    if re.search(r"strafbaar|kwalificatie", folded):
        return "overig"
    if re.search(r"bewijs|bewezen|vrijspra", folded):
        return "bewijs"
    if (re.search(r"\bstraf|sanctie|maatregel|op te leggen", folded)
            and not re.search(r"schadevergoeding|benadeelde|tenuitvoerlegging|strafblad|strafvordering", folded)):
        return "strafmotivering"
    if re.match(r"(de )?beslissing(en)?( op het hoger beroep)?$", folded):
        return "beslissing"
    return "overig"


_DICTUM = re.compile(rf"^(de )?(uitspraak van de )?{_JUDGE}( luidt)?,? recht ?doende\s*:?$", re.IGNORECASE)


# "Uitspraak" is also the title over a whole decision (its first line on the website and in the open data's
# paragraph text) and may name other things ("Uitspraak ter zitting"); as a heading of its own it is the decision
# (Oost-Brabant/'s-Hertogenbosch style, "DE UITSPRAAK") only below the first line and when the next line opens a
# dictum: the deciding court addressed on a line of its own ("De rechtbank:", "HET HOF, RECHT DOENDE:") or a
# dictum verb ("verklaart het ten laste gelegde bewezen", "veroordeelt verdachte tot").
_UITSPRAAK = re.compile(r"^(?:de )?uitspraak$")


def _lays_on(who: str) -> str:
    """ "legt (aan) (de) <who> ... op" on one line: "legt" as it imposes, never "legt ... uit"."""
    return rf"legt[^\S\n]+(?:aan[^\S\n]+)?(?:de[^\S\n]+)?{who}\b[^\n]{{0,200}}?\bop\b"


# ("legt" only as it imposes: "legt (aan) verdachte ... op", "Legt op de volgende straf:")
_DICTUM_VERB = (r"(?:(?:veroordeelt|verklaart|spreekt|bepaalt|gelast|beveelt|ontslaat)\b"
                r"|legt[^\S\n]+op\b|" + _lays_on(r"(?:verdachte|\[verdachte\]|veroordeelde)") + ")")
_OPENS_DICTUM = re.compile(
    r"[^\S\n]*(?:(?:de |het )?(?:rechtbank|(?:economische )?politierechter|kinderrechter|hof)"
    r"(?:(?:[^\S\n]*,?[^\S\n]*recht[^\S\n]?doende(?:[^\S\n]+(?:op het hoger beroep|in naam der koningin))?)?"
    rf"[^\S\n]*[:,][^\S\n]*$|[^\S\n]+{_DICTUM_VERB})"
    rf"|{_DICTUM_VERB})", re.IGNORECASE)


def _names_decision(title: str, text: str, line: int, after: int) -> bool:
    """A heading "(De) uitspraak" below the first line whose next line opens the dictum (see `_UITSPRAAK`)."""
    if line == 0 or after >= len(text) or not _UITSPRAAK.match(_fold(title)):
        return False
    return _OPENS_DICTUM.match(text, after, _line_end(text, after)) is not None


_PROSECUTOR_STANDPOINT = re.compile(r"^(?:het )?standpunt van (?:de )?(?:officier van justitie|het openbaar ministerie)$")


def _title_like(text: str) -> bool:
    text = text.strip()
    if _DICTUM.match(text):  # "DE UITSPRAAK VAN DE RECHTBANK LUIDT, RECHTDOENDE:" opens the dictum of older verdicts
        return True
    return (0 < len(text) <= _MAX_TITLE and text[0].isupper() and not text.endswith((",", ";", ":"))
            and len(text.split()) <= 12)


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(p) for p in number.split("."))


class Explicit(NamedTuple):
    """A heading from markup, by the offset of its line in the document text (see `sections_of`)."""

    offset: int  # where its line starts in the text
    depth: int = 1  # nesting depth (1 = top level)
    role: str | None = None  # role from markup (<section role="beslissing">)


@dataclass
class _Heading:
    line: int  # offset of the title line in the text
    body: int  # offset where the section's body starts (len(text) when nothing follows)
    title: str
    role: str
    depth: int
    numbered: bool


# A line that could be a heading without markup: (after blanks) a digit (a numbered heading), an upper-case or
# non-ASCII letter (`_title_like`), or the start of the old dictum ("de uitspraak van de rechtbank luidt,
# rechtdoende:", in any case); at most _MAX_LINE characters long (checked per line found). A superset: each line
# found is then checked as before; the other lines (most of them) are never looked at in Python. The patterns start
# with the line break (a literal: the regular expression engine skips to it), the first line is matched apart.
_LINE_START = r"[^\S\n]*(?:[A-Z0-9dur]|[^\x00-\x7f])"
_CANDIDATE, _FIRST_CANDIDATE = re.compile("\n" + _LINE_START), re.compile(_LINE_START)
_SIGNATURE_LINE = re.compile(r"\n[^\S\n]*" + _SIGNATURE.pattern[1:], re.IGNORECASE)
_FIRST_SIGNATURE = re.compile(r"[^\S\n]*" + _SIGNATURE.pattern[1:], re.IGNORECASE)


def _line_starts(text: str, first: re.Pattern[str], rest: re.Pattern[str]) -> list[int]:
    starts = [0] if first.match(text) else []
    starts.extend(m.start() + 1 for m in rest.finditer(text))
    return starts


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _headings(text: str, explicit: Sequence[Explicit]) -> list[_Heading]:
    found: list[_Heading] = []
    last_number: tuple[int, ...] = ()
    numbered_depth = 0  # depth of the innermost numbered (or explicit) heading seen so far
    any_numbered = False
    in_decision_depth: int | None = None  # depth of the beslissing heading we are inside, if any
    decision_numbered = False  # a numbered heading came before or at the beslissing heading
    marked = {e.offset: e for e in explicit}
    starts = _line_starts(text, _FIRST_CANDIDATE, _CANDIDATE)
    if marked:
        starts = sorted(set(starts) | marked.keys())
    size = len(text)
    position = 0  # lines before this offset are the body or title of a heading already found
    for line in starts:
        if line < position:
            continue
        end = _line_end(text, line)
        mark = marked.get(line)
        if mark is None and end - line > _MAX_LINE:  # a paragraph of text: no heading in any shape
            continue
        after = end + 1  # the next line, if any (end < size)
        text_of_line = text[line:end].strip()
        heading: _Heading | None = None
        if mark is not None:
            role = mark.role or title_role(text_of_line, numbered=True) or "overig"
            if role == "overig" and mark.role is None and _names_decision(text_of_line, text, line, after):
                role = "beslissing"
            heading = _Heading(line, min(after, size), text_of_line, role, max(mark.depth, 1), True)
        else:
            number = title = None
            if text_of_line[:1].isdigit():
                only = _NUMBER_ONLY.match(text_of_line)
                following = None
                if only and end < size and after not in marked:  # "4" on its own line, then the title
                    next_end = _line_end(text, after)
                    following = text[after:next_end]
                if following is not None and _title_like(following):
                    number, title, body = only.group(1), following.strip(), min(next_end + 1, size)
                else:
                    both = _NUMBERED.match(text_of_line)
                    if both and _title_like(both.group(2)):
                        number, title, body = both.group(1), both.group(2).strip(), min(after, size)
            role = title_role(title, numbered=True) if title is not None else None
            if number is not None and title is not None and role == "overig" and _DIGIT_OR_COLON.search(title):
                number = None  # "4. Bij: op 8 september E 585,--" is an item of a list, not a heading
            # Numbering never goes back, and a top-level number skips at most a few (a count in a list is no
            # heading); a known heading ("5. De strafbaarheid") is taken whatever came before (resynchronises).
            if role == "overig" and title is not None and _names_decision(title, text, line, body):
                role = "beslissing"  # "9. De uitspraak" / "De rechtbank:"
            if number is not None and title is not None and (
                    (_number_key(number) >= last_number
                     and _number_key(number)[0] <= (last_number[0] if last_number else 0) + _MAX_SKIP)
                    or title_role(title, numbered=False) is not None):
                last_number = _number_key(number)
                heading = _Heading(line, body, title, role or "overig", len(last_number), True)
            elif _title_like(text_of_line) and not _DIGIT.search(_fold(text_of_line)):
                role = title_role(text_of_line, numbered=False)
                if role is None and _names_decision(text_of_line, text, line, after):
                    role = "beslissing"  # "DE UITSPRAAK" / "De rechtbank:"
                if (role is None and found and found[-1].role == "tenlastelegging"
                        and _PROSECUTOR_STANDPOINT.match(_fold(text_of_line))):
                    # right after the charge, before any proof: the prosecutor's standpoint is the demand (under the
                    # proof the same title is the prosecutor's view of the evidence and no heading here)
                    role = "vordering"
                if role is not None:
                    heading = _Heading(line, min(after, size), text_of_line, role,
                                       numbered_depth + 1 if any_numbered else 1, False)
        if heading is None:
            continue
        if heading.numbered:
            any_numbered = True
            numbered_depth = heading.depth
        # The dictum's own subheadings stay inside the beslissing (an annex with the charges ends it).
        if in_decision_depth is not None:
            # (in a document whose headings are not numbered, "1. Bewezenverklaring" under it is the dictum's own)
            if heading.depth <= in_decision_depth and ((heading.numbered and decision_numbered)
                                                       or heading.role == "tenlastelegging"):
                in_decision_depth = None
            else:
                heading.depth, heading.role = max(heading.depth, in_decision_depth + 1), "overig"
        if heading.role == "beslissing":
            in_decision_depth, decision_numbered = heading.depth, any_numbered
        # An unnumbered demand heading right under an unnumbered punishment heading is its subsection.
        if (not heading.numbered and heading.role == "vordering" and found and not found[-1].numbered
                and found[-1].role == "strafmotivering" and found[-1].depth == heading.depth):
            heading.depth += 1
        found.append(heading)
        position = heading.body
    _join_punishment_after_decision(text, found)
    return found


# A record of an oral judgment (aantekening mondeling vonnis) may give the decision on the facts under "Beslissing"
# and the punishment under a heading of its own after it ("Straf": "De politierechter veroordeelt verdachte tot
# ..."). After the beslissing, a punishment heading whose first line imposes a sentence in the dictum's words is the
# rest of the dictum, not the reasons for a punishment (those come before the decision and say "zal ... opleggen").
_IMPOSES_LINE = re.compile(
    rf"[^\S\n]*(?:(?:de |het )?{_JUDGE}[^\S\n]+)?(?:veroordeelt[^\S\n]+(?:de[^\S\n]+)?(?:verdachte|\[verdachte\])\b"
    rf"[^\n]{{0,80}}?\btot\b(?![^\S\n]+{COMPENSATION_AFTER_TOT})"
    r"|" + _lays_on("verdachte") + ")", re.IGNORECASE)


def _join_punishment_after_decision(text: str, found: list[_Heading]) -> None:
    """Headings from the last beslissing up to a later sibling punishment heading that imposes a sentence (see
    `_IMPOSES_LINE`) move inside the beslissing (one level deeper, role "overig"), so it runs to that punishment.
    Not past the judges' signature, an annex with the charges or a heading above the beslissing's level."""
    last = next((k for k in range(len(found) - 1, -1, -1) if found[k].role == "beslissing"), None)
    if last is None:
        return
    top = found[last].depth
    signature: int | None = -1  # not yet looked up
    for j in range(last + 1, len(found)):
        heading = found[j]
        if heading.depth < top or heading.role == "tenlastelegging":
            return
        if heading.depth > top or heading.role != "strafmotivering" or heading.body >= len(text):
            continue
        if not _IMPOSES_LINE.match(text, heading.body, _line_end(text, heading.body)):
            continue
        if signature == -1:
            signature = next((s for s in _line_starts(text, _FIRST_SIGNATURE, _SIGNATURE_LINE)
                              if s > found[last].line), None)
        if signature is not None and heading.line > signature:
            return
        end = j + 1
        while end < len(found) and found[end].depth > top:  # the punishment heading's own sub-headings
            end += 1
        for inner in found[last + 1:end]:
            inner.depth, inner.role = inner.depth + 1, "overig"
        return


def join_paragraphs(paras: list[Para]) -> tuple[str, list[int]]:
    """The document text (paragraphs joined by "\\n") and the offset of every paragraph in it."""
    offsets, position = [], 0
    for para in paras:
        offsets.append(position)
        position += len(para.text) + 1
    return "\n".join(p.text for p in paras), offsets


def sections_of(text: str, explicit: Sequence[Explicit] = ()) -> tuple[Section, ...]:
    """The sections of a document text (one paragraph per line; see the module docstring), in document order;
    sections may nest. `explicit` are the lines that markup calls headings."""
    headings = _headings(text, explicit)
    if not headings:
        return ()
    signatures = _line_starts(text, _FIRST_SIGNATURE, _SIGNATURE_LINE)
    size = len(text)
    sections = []
    for k, heading in enumerate(headings):
        end = next((h.line for h in headings[k + 1:] if h.depth <= heading.depth), None)
        signature = next((s for s in signatures if s > heading.line), None)
        if signature is not None and (end is None or signature < end):
            end = signature
        start = heading.body
        stop = end - 1 if end is not None else size
        stop = max(start, stop)
        sections.append(Section(heading.role, heading.title, text[start:stop], start))
    return tuple(sections)


def find_sections(paras: list[Para]) -> tuple[str, tuple[Section, ...]]:
    """The document text and its sections (see the module docstring), in document order; sections may nest.

    Each paragraph is one line of the text: a paragraph must not hold a line break."""
    text, offsets = join_paragraphs(paras)
    explicit = [Explicit(offsets[i], p.depth, p.role) for i, p in enumerate(paras) if p.heading]
    return text, sections_of(text, explicit)
