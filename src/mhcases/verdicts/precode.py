"""Pre-coding a folder of decisions: read each document once, select, extract, and collect the rows.

Streaming: one document is in memory at a time; only the selection rows and the pre-coded records (small) are kept.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import pandas as pd

from mhcases.codebook import COLUMN_NAMES
from mhcases.verdicts.documents import iter_documents
from mhcases.verdicts.model import Coding, Document, Evidence
from mhcases.verdicts.select import select_documents, selection_frame

__all__ = ["precode_folder", "metadata_coding", "default_extractor", "unique_ids"]

Extractor = Callable[[Document], Sequence[Coding]]
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_.\-/]+")


def metadata_coding(doc: Document, note: str = "waarden uit de tekst niet gezocht (geen extractor)") -> list[Coding]:
    """A record with only what the metadata say (ecli, court, decision date); everything else "niet gevonden" with
    `note`. Used when the value extractor (`mhcases.verdicts.extract`) is not installed, or failed on `doc`."""
    case = _ID_UNSAFE.sub("-", (doc.case_numbers[0].split()[0] if doc.case_numbers else Path(doc.path).stem))
    found = {"ecli": doc.ecli, "court": doc.court,
             "decision_date": doc.decision_date.isoformat() if doc.decision_date else None}
    evidence = tuple(
        Evidence(name, found.get(name), "automatisch" if found.get(name) else "niet gevonden",
                 source="metagegevens van het document" if found.get(name) else "",
                 note="" if found.get(name) else note)
        for name in COLUMN_NAMES[2:])
    return [Coding(doc.path, case, f"{case}-1", evidence)]


def default_extractor() -> tuple[Extractor, bool]:
    """`mhcases.verdicts.extract.extract_document` and True, or `metadata_coding` and False when it is missing."""
    try:
        from mhcases.verdicts.extract import extract_document
    except ImportError:
        return metadata_coding, False
    return extract_document, True


class _UniqueIds:
    """Makes case and defendant ids unique as records stream past: a later duplicate gets "-2", "-3", …"""

    def __init__(self) -> None:
        self.defendants: set[str] = set()
        self.cases: set[str] = set()
        self.case_of: dict[tuple[str, str], str] = {}  # (document, case_id) -> unique case id

    def __call__(self, coding: Coding) -> Coding:
        key = (coding.document, coding.case_id)
        if key not in self.case_of:
            case, n = coding.case_id, 1
            while case in self.cases:
                n += 1
                case = f"{coding.case_id}-{n}"
            self.cases.add(case)
            self.case_of[key] = case
        defendant, n = coding.defendant_id, 1
        while defendant in self.defendants:
            n += 1
            defendant = f"{coding.defendant_id}-{n}"
        self.defendants.add(defendant)
        return replace(coding, case_id=self.case_of[key], defendant_id=defendant)


def unique_ids(codings: Sequence[Coding]) -> list[Coding]:
    """Records with unique case and defendant ids: a later duplicate gets "-2", "-3", … (ids stay readable)."""
    fix = _UniqueIds()
    return [fix(c) for c in codings]


def precode_folder(folder: str | Path, articles: Sequence[str], period: tuple[dt.date, dt.date],
                   extractor: Extractor | None = None, logger: logging.Logger | None = None,
                   sink: Callable[[Coding], object] | None = None) -> tuple[pd.DataFrame, list[Coding]]:
    """The selection (one row per file) and the pre-coded records of the included documents, ids made unique.

    With `sink` (e.g. `WorkbookWriter.add`) each record goes there as soon as it is made and is not kept: memory
    then stays flat however many documents there are; the returned list is empty."""
    if extractor is None:
        extractor, complete = default_extractor()
        if not complete and logger:
            logger.warning("WAARSCHUWING: mhcases.verdicts.extract ontbreekt; alleen metagegevens voorgecodeerd")
    fix = _UniqueIds()
    choices, codings = [], []
    for choice, doc in select_documents(iter_documents(folder), articles, period):
        choices.append(choice)
        if doc is not None:
            try:
                records = extractor(doc)
            except Exception as error:  # one document the reader fails on must not end a run over thousands: said
                if logger:               # in the log and in every cell of its row, for the coder to fill in by hand
                    logger.warning(f"WAARSCHUWING: {doc.path}: de waarden konden niet uit de tekst worden gelezen "
                                   f"({type(error).__name__}: {error}); alleen metagegevens voorgecodeerd")
                records = metadata_coding(doc, note=f"de lezer liep vast op dit document ({type(error).__name__}); "
                                                    "waarde zelf uit de uitspraak invullen")
            for coding in records:
                coding = fix(coding)
                if sink is None:
                    codings.append(coding)
                else:
                    sink(coding)
    return selection_frame(choices), codings
