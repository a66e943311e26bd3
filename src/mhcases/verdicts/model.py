"""The data passed between the verdict reader, the extractor and the coder workbook (plain, immutable records)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# Section roles the reader recognises (by <section role="…"> or by title); anything else is "overig".
SECTION_ROLES = ("tenlastelegging", "vordering", "bewijs", "strafmotivering", "beslissing", "overig")

# Status of one pre-filled (or empty) cell of the coder workbook.
STATUSES = ("automatisch", "controleren", "niet gevonden")


@dataclass(frozen=True)
class Section:
    """One section of a decision, with its position in `Document.text`."""

    role: str  # one of SECTION_ROLES
    title: str  # the heading as written in the document ("" when none)
    text: str  # the section's plain text, paragraphs separated by "\n"
    start: int  # character offset of `text` in Document.text


@dataclass(frozen=True)
class Document:
    """One court decision, from open-data XML, website text or paragraph text with a metadata header."""

    path: str  # the file it was read from (relative to the documents folder where possible)
    format: str  # "xml", "website", "paragraphs"
    ecli: str | None
    court: str | None  # e.g. "Rechtbank Midden-Nederland"
    decision_date: dt.date | None
    procedure: str | None  # e.g. "Eerste aanleg - meervoudig"; None when unknown
    subjects: tuple[str, ...]  # e.g. ("Strafrecht",)
    references: tuple[str, ...]  # statute references from the metadata, as written
    case_numbers: tuple[str, ...]  # parketnummer(s) / zaaknummer(s)
    text: str  # the decision's full plain text, paragraphs separated by "\n"
    sections: tuple[Section, ...] = field(default_factory=tuple)
    summary: str = ""  # the open data's inhoudsindicatie (not part of `text`); "" when none

    def section(self, role: str) -> tuple[Section, ...]:
        """All sections with this role, in document order."""
        return tuple(s for s in self.sections if s.role == role)


@dataclass(frozen=True)
class Evidence:
    """Where one value of the coding sheet came from."""

    column: str  # codebook column name (mhcases.codebook.COLUMN_NAMES)
    value: str | None  # the cell as a coder would type it (codebook forms); None = not found
    status: str  # one of STATUSES
    source: str = ""  # the quoted source sentence(s) the value came from; "" when not found
    position: str = ""  # e.g. "beslissing, teken 1234–1302" (offsets in Document.text)
    note: str = ""  # Dutch: why a value needs checking ("controleren"), or what was looked for


@dataclass(frozen=True)
class Coding:
    """The pre-coded row of one defendant in one document, with evidence per column."""

    document: str  # Document.path
    case_id: str
    defendant_id: str
    evidence: tuple[Evidence, ...]  # one per codebook column, in codebook order

    def value(self, column: str) -> str | None:
        return next((e.value for e in self.evidence if e.column == column), None)
