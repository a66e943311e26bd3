"""Selection: which documents are first-instance criminal judgments on a charge of one of the study's articles.

Every document gets one row (`selection_frame`: `document, ecli, opgenomen, reden`). The checks, in order, each
with its Dutch reason when it fails:

1. the file could be read                                     -> "onleesbaar: <why>"
2. a district court (rechtbank), not an appeal or cassation   -> "hoger beroep of cassatie"; another first-instance
   court (Caribbean courts, not in the codebook)               -> "geen Nederlandse rechtbank"
3. criminal law: the metadata subject is Strafrecht; website text without metadata must say so in its head
   ("Strafrecht", "strafzaak", "strafkamer", "politierechter")  -> "geen strafzaak"
4. a judgment on the charges: not a confiscation decision (ontneming, art. 36e Sr), not a decision on the execution
   of an earlier sentence, an extension of tbs, or an interim decision without verdict
                                                               -> "ontneming of andere beslissing zonder strafoplegging"
5. decision date within the study period                       -> "buiten de onderzoeksperiode"
   (no date in the document                                    -> "onleesbaar: geen uitspraakdatum")
6. one of the study's articles is charged (skipped when `articles` is empty): the article is cited anywhere in
   the text ("artikel 273f lid 1 onder 2 Sr", "de artikelen 14a, 57 en 273f van het Wetboek van Strafrecht") or in
   the metadata's statute references, or the offence is named in the charges or the decision ("mensenhandel" for
   273f)                                                       -> "artikel niet ten laste gelegd"

A full acquittal is a judgment on the charges and stays in: the study counts acquittals.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import pandas as pd

from mhcases.verdicts.courts import court_code, instance
from mhcases.verdicts.documents import Unreadable
from mhcases.verdicts.model import Document

try:  # the verdict-wide citation reader; older trees only have the charge-cell reader
    from mhcases.offences import find_articles as _find_articles
except ImportError:  # pragma: no cover - depends on the version of mhcases.offences
    _find_articles = None
from mhcases.offences import parse_charges

__all__ = ["REASONS", "Choice", "select_document", "select_documents", "selection_frame", "normalise_articles",
           "charged_articles"]

REASONS = {
    "unreadable": "onleesbaar",
    "appeal": "hoger beroep of cassatie",
    "not_dutch": "geen Nederlandse rechtbank",
    "not_criminal": "geen strafzaak",
    "no_sentencing": "ontneming of andere beslissing zonder strafoplegging",
    "period": "buiten de onderzoeksperiode",
    "article": "artikel niet ten laste gelegd",
}

# Offence names that stand for an article where a verdict names the offence without citing it.
ARTICLE_NAMES: dict[str, str] = {
    "273f Sr": r"mensenhandel",
    "197a Sr": r"mensensmokkel",
    "248b Sr": r"ontucht met een minderjarige (?:die de leeftijd van zestien jaren|van zestien of zeventien jaar)",
}

_CRIMINAL_HEAD = re.compile(r"strafrecht|strafzaak|strafkamer|politierechter|kinderrechter|economische kamer"
                            r"|in de zaak tegen|tegen de verdachte", re.IGNORECASE)
_CONFISCATION = re.compile(r"ontneming|wederrechtelijk verkregen voordeel|artikel 36e|36e (van het )?wetboek",
                           re.IGNORECASE)
_OTHER_DECISION = re.compile(
    r"voorwaardelijke veroordeling|6:6:2[0-9]|14g (?:van het )?(?:wetboek van )?sr|vordering (?:tot )?tenuitvoerlegging"
    r"|verlenging van de (?:terbeschikkingstelling|tbs|maatregel)|raadkamer|klaagschrift|beklag|wraking"
    r"|herziening|schadevergoeding ex|artikel 89 (?:van het )?wetboek van strafvordering", re.IGNORECASE)
_VERDICT = re.compile(
    r"bewezen|spreekt\b.{0,60}\bvrij|vrijspraak|veroordeelt|ontslaat\b.{0,60}\brechtsvervolging|schuldig"
    r"|niet-?ontvankelijk|legt\b.{0,40}\bop|oplegging", re.IGNORECASE | re.DOTALL)
_REFERENCE = re.compile(r"wetboek van strafrecht\s+(\d+[a-z]*)", re.IGNORECASE)


@dataclass(frozen=True)
class Choice:
    """The selection's verdict on one document."""

    document: str
    ecli: str
    included: bool
    reason: str  # "" when included


def normalise_articles(articles: Sequence[str]) -> tuple[str, ...]:
    """Config articles as the citation reader writes them: "273f" -> "273f Sr" (a bare number is an Sr article)."""
    result = []
    for article in articles:
        article = " ".join(str(article).split())
        result.append(article.lower() + " Sr" if re.fullmatch(r"\d+[a-zA-Z]*", article) else article)
    return tuple(result)


def _cited(text: str) -> tuple[str, ...]:
    if _find_articles is not None:
        return _find_articles(text)[0]
    return parse_charges(text).articles  # pragma: no cover - older mhcases.offences


def _referenced(doc: Document) -> list[str]:
    """The Sr articles of the metadata's statute references ("Wetboek van Strafrecht 273f" -> "273f Sr"), in order."""
    return [f"{number.lower()} Sr" for reference in doc.references for number in _REFERENCE.findall(reference)]


def charged_articles(doc: Document) -> tuple[str, ...]:
    """Offence articles cited in the text or the metadata of a decision, in order of first appearance."""
    found = list(_cited(doc.text))
    found.extend(article for article in dict.fromkeys(_referenced(doc)) if article not in found)
    return tuple(found)


_NUMBER = re.compile(r"[0-9]+(?::[0-9]+)?")


def _may_be_cited(text: str, article: str) -> bool:
    """False when `text` cannot cite `article` ("273f Sr"): the citation reader reads an article number only from
    its digits as written ("273" in "273f", "273f/g", "art. 273 f"), so without them in the text it finds no
    citation of it. A cheap test that spares reading every citation of a decision that never names the article."""
    number = _NUMBER.match(article)
    return number is None or number.group() in text


def _charges_one_of(doc: Document, wanted: Sequence[str]) -> bool:
    """Whether one of `wanted` is cited in the text or the metadata, or named (`ARTICLE_NAMES`): the same answer
    as `charged_articles`, with the citations of the text read only when one of the articles can be among them."""
    if any(_names_offence(doc, a) for a in wanted):
        return True
    referenced = set(_referenced(doc))
    if any(a in referenced for a in wanted):
        return True
    possible = [a for a in wanted if _may_be_cited(doc.text, a)]
    if not possible:
        return False
    cited = set(_cited(doc.text))
    return any(a in cited for a in possible)


def _head(doc: Document) -> str:
    first = min((s.start for s in doc.sections), default=len(doc.text))
    return doc.text[:min(first, 3000)]


def _is_criminal(doc: Document) -> bool:
    if doc.subjects:
        return any(s.casefold().startswith("strafrecht") or "strafrecht" in s.casefold() for s in doc.subjects)
    return bool(_CRIMINAL_HEAD.search(_head(doc)))


def _is_judgment_on_charges(doc: Document) -> bool:
    head = _head(doc)
    titles = " ".join(s.title for s in doc.sections)
    charges = bool(doc.section("tenlastelegging"))  # a judgment on charges has them; these decisions do not
    if (_CONFISCATION.search(head) or _CONFISCATION.search(titles) or _OTHER_DECISION.search(head)) and not charges:
        return False
    decision = " ".join(s.text for s in doc.section("beslissing"))
    return charges or bool(_VERDICT.search(decision))


def _names_offence(doc: Document, article: str) -> bool:
    pattern = ARTICLE_NAMES.get(article)
    if not pattern:
        return False
    where = " ".join(s.text for s in (*doc.section("tenlastelegging"), *doc.section("beslissing")))
    return bool(re.search(pattern, where, flags=re.IGNORECASE))


def select_document(doc: Document | Unreadable, articles: Sequence[str],
                    period: tuple[dt.date, dt.date]) -> Choice:
    """Whether one document belongs to the study, with the Dutch reason when it does not (module docstring)."""
    if isinstance(doc, Unreadable):
        return Choice(doc.path, "", False, f"{REASONS['unreadable']}: {doc.reason}")
    ecli = doc.ecli or ""
    procedure = (doc.procedure or "").casefold()
    level = instance(doc.court, court_code(doc.ecli))
    if "hoger beroep" in procedure or "cassatie" in procedure or level in ("hoger beroep", "cassatie"):
        return Choice(doc.path, ecli, False, REASONS["appeal"])
    if level != "rechtbank":
        return Choice(doc.path, ecli, False, REASONS["not_dutch"] if level else
                      f"{REASONS['unreadable']}: instantie onbekend")
    if not _is_criminal(doc):
        return Choice(doc.path, ecli, False, REASONS["not_criminal"])
    if not _is_judgment_on_charges(doc):
        return Choice(doc.path, ecli, False, REASONS["no_sentencing"])
    if doc.decision_date is None:
        return Choice(doc.path, ecli, False, f"{REASONS['unreadable']}: geen uitspraakdatum")
    if not period[0] <= doc.decision_date <= period[1]:
        return Choice(doc.path, ecli, False, REASONS["period"])
    wanted = normalise_articles(articles)
    if wanted and not _charges_one_of(doc, wanted):
        return Choice(doc.path, ecli, False, REASONS["article"])
    return Choice(doc.path, ecli, True, "")


def select_documents(documents: Iterable[Document | Unreadable], articles: Sequence[str],
                     period: tuple[dt.date, dt.date]) -> Iterator[tuple[Choice, Document | None]]:
    """The choice for every document, streamed, with the Document itself when it is included."""
    for doc in documents:
        choice = select_document(doc, articles, period)
        yield choice, (doc if choice.included and isinstance(doc, Document) else None)


def selection_frame(choices: Iterable[Choice]) -> pd.DataFrame:
    """`results/precode/selectie.csv`: document, ecli, opgenomen ("ja"/"nee"), reden."""
    rows = [(c.document, c.ecli, "ja" if c.included else "nee", c.reason) for c in choices]
    return pd.DataFrame(rows, columns=["document", "ecli", "opgenomen", "reden"], dtype=str)
