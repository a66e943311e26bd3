"""Reading rechtspraak documents: open-data XML, website text, paragraph text with a metadata header.

Three formats (see tests/verdicts/fixtures/README.md for real examples of each):

1. Open-data XML (`<open-rechtspraak>`): metadata in `rdf:RDF` (ECLI `dcterms:identifier`, court `dcterms:creator`,
   decision date `dcterms:date`, case number `psi:zaaknummer`, procedure `psi:procedure`, subject
   `dcterms:subject`, statute references `dcterms:references`), the summary `<inhoudsindicatie>`, the decision
   `<uitspraak>` (or `<conclusie>`). Modern documents mark sections (`<section role="beslissing">` with a `<title>`);
   older ones (2007–2011) have plain paragraphs whose headings are found by their text (`mhcases.verdicts.sections`).
   Read with `lxml.etree.iterparse`, each element freed as soon as it is read, so memory stays flat.
2. Website text (`UNKNOWN-ECLI_<court>_<date>_<parketnummer>.txt`, or `ECLI_NL_<court>_<year>_<number>.txt` without
   header): the decision as shown on the website, one paragraph per line. Court code, date, parketnummer or ECLI come
   from the file name; court name, parketnummers and (when the name has none) the date from the text.
3. Paragraph text with a metadata header (`ECLI_….txt`): `# key: value` lines from the open-data metadata, then a
   `# ----` line, then one paragraph per line.

A file that cannot be read (not UTF-8, binary, empty, broken XML, no decision text) raises `UnreadableDocument`
with a Dutch reason; `iter_documents` turns it into an `Unreadable` record, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from mhcases.verdicts.courts import COURT_CODES, court_name
from mhcases.verdicts.model import Document
from mhcases.verdicts.sections import Explicit, Para, find_sections, sections_of

__all__ = ["UnreadableDocument", "Unreadable", "read_document", "iter_documents", "SUFFIXES"]

SUFFIXES = (".xml", ".txt")
_MAX_BYTES = 50_000_000  # a decision is at most a few MB; anything larger is not one

MONTHS = {m: i for i, m in enumerate(("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                                      "september", "oktober", "november", "december"), start=1)}


class UnreadableDocument(ValueError):
    """A file that is not a readable decision; `reason` is Dutch."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = path, reason


@dataclass(frozen=True)
class Unreadable:
    """What `iter_documents` yields for a file it could not read."""

    path: str
    reason: str


def _relative(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    return path.as_posix()


# Control characters and the noncharacters U+FFFE/U+FFFF have no place in a verdict and cannot go into the
# workbook's XML: each becomes a space (like a no-break space), so a stray one in a text file is not fatal.
_TO_SPACE = {code: " " for code in [*range(0x00, 0x09), *range(0x0e, 0x20), 0x7f, 0xa0, 0xfffe, 0xffff]}


def _tidy(text: str) -> str:
    return " ".join(text.translate(_TO_SPACE).split())


def _iso_date(text: str | None) -> dt.date | None:
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", text or "")
    if not match:
        return None
    try:
        return dt.date(*map(int, match.groups()))
    except ValueError:
        return None


def _dutch_date(text: str) -> dt.date | None:
    match = re.search(r"\b(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})\b", text, flags=re.IGNORECASE)
    if not match:
        return None
    try:
        return dt.date(int(match.group(3)), MONTHS[match.group(2).lower()], int(match.group(1)))
    except ValueError:
        return None


def _decode(path: str, data: bytes) -> str:
    if not data.strip():
        raise UnreadableDocument(path, "leeg bestand")
    if b"\x00" in data[:4096]:
        raise UnreadableDocument(path, "binair bestand, geen tekst")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableDocument(path, f"geen UTF-8-tekst (byte {error.start})") from None


# ---------------------------------------------------------------- open-data XML

_PARTS = ("Description", "inhoudsindicatie", "uitspraak", "conclusie")
_SECTION_ROLES = {"beslissing": "beslissing", "tenlastelegging": "tenlastelegging", "bewijs": "bewijs",
                  "bewezenverklaring": "bewijs", "strafmotivering": "strafmotivering", "vordering": "vordering"}
# The paragraphs of a body, in document order: innermost paragraphs, titles, bridgeheads, table cells without
# paragraphs; nothing inside a title (its <nr> and text are read with the title).


def _local(element: etree._Element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


_BLOCK_SELECT = ("(.//*[(local-name()='para' and not(.//*[local-name()='para'])) or local-name()='title'"
                 " or local-name()='bridgehead' or (local-name()='entry' and not(.//*[local-name()='para']))]"
                 "[not(ancestor::*[local-name()='title'])])")
# One XSLT pass (in C) writes every paragraph on its own line, whitespace collapsed. A title line starts with
# "\u241e" (the symbol for a record separator) and carries, separated by "\u241f": its depth (enclosing sections,
# plus one for the title of a paragroup inside a section), its section's role, its number, its text.
_TO_LINES = etree.XSLT(etree.XML(f"""\
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="utf-8"/>
  <xsl:template match="/">
    <xsl:for-each select="{_BLOCK_SELECT}">
      <xsl:choose>
        <xsl:when test="local-name()='title'">
          <xsl:text>&#x241E;</xsl:text>
          <xsl:value-of select="count(ancestor::*[local-name()='section'])
                                + count(parent::*[local-name()!='section'])"/><xsl:text>&#x241F;</xsl:text>
          <xsl:value-of select="../self::*[local-name()='section']/@role"/><xsl:text>&#x241F;</xsl:text>
          <xsl:value-of select="normalize-space(*[local-name()='nr'])"/><xsl:text>&#x241F;</xsl:text>
          <xsl:for-each select="node()[not(local-name()='nr')]"><xsl:value-of select="translate(., '&#10;&#13;', '  ')"/></xsl:for-each>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
      </xsl:choose>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>"""))
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]{2,}|[\u00a0\u2007\u202f]")


def _body_text(body: etree._Element) -> tuple[str, list[Explicit]]:
    """The paragraphs of a part, one per line (empty ones dropped), and its titles as explicit headings."""
    out = str(_TO_LINES(etree.ElementTree(body)))
    if "\u00a0" in out or "\u202f" in out or "\u2007" in out:
        out = "\n".join(" ".join(line.split()) for line in _SPACES.sub(" ", out).split("\n"))
    if "\u241e" not in out:  # no titles (older documents): the lines as they are
        return "\n".join(filter(None, out.split("\n"))), []
    lines: list[str] = []
    explicit: list[Explicit] = []
    position = 0
    for line in out.split("\n"):
        if not line:
            continue
        if line[0] == "\u241e":
            depth, role, _number, line = line[1:].split("\u241f", 3)
            line = _tidy(line)
            if not line:
                continue
            explicit.append(Explicit(position, max(int(depth or 0), 1), _SECTION_ROLES.get(role.lower())))
        lines.append(line)
        position += len(line) + 1
    return "\n".join(lines), explicit


def _read_xml(path: str, source: Path, display: str) -> Document:
    """Stream the file: each top-level part (metadata, summary, body) is built, read and freed in turn."""
    meta: dict[str, list[str]] = {}
    text, explicit = "", []
    summary: list[str] = []
    body_seen = False
    try:
        for _, element in etree.iterparse(str(source), events=("end",), tag=[f"{{*}}{p}" for p in _PARTS],
                                          resolve_entities=False, no_network=True, remove_comments=True):
            name = _local(element)
            if name == "Description":
                if "identifier" not in meta:
                    fields: dict[str, list[str]] = {}
                    for child in element:
                        key = _local(child)
                        if key and child.text and child.text.strip():
                            fields.setdefault(key, []).append(_tidy(child.text))
                    if any(v.upper().startswith("ECLI:") for v in fields.get("identifier", [])):
                        meta = fields
            elif name == "inhoudsindicatie":
                part = _body_text(element)[0]
                if part:
                    summary.append(part)
            elif not body_seen:
                body_seen = True
                text, explicit = _body_text(element)
            element.clear(keep_tail=True)
            parent = element.getparent()
            while parent is not None and element.getprevious() is not None:
                del parent[0]
    except etree.XMLSyntaxError as error:
        raise UnreadableDocument(display, f"geen geldige XML ({error.msg}, regel {error.lineno})") from None
    except OSError as error:
        raise UnreadableDocument(display, f"niet te lezen ({error.strerror or error})") from None
    if not body_seen or not text:
        raise UnreadableDocument(display, "geen uitspraaktekst in het XML-document")
    found = sections_of(text, explicit)
    ecli = next((v for v in meta.get("identifier", []) if v.upper().startswith("ECLI:")), None)
    return Document(
        path=display, format="xml", ecli=ecli, court=court_name((meta.get("creator") or [None])[0]),
        decision_date=_iso_date((meta.get("date") or [None])[0]),
        procedure=(meta.get("procedure") or [None])[0],
        subjects=tuple(s.strip() for v in meta.get("subject", []) for s in v.split(";") if s.strip()),
        references=tuple(meta.get("references", [])), case_numbers=tuple(meta.get("zaaknummer", [])),
        text=text, sections=found, summary="\n".join(summary))


# ---------------------------------------------------------------- text formats

_HEADER = re.compile(r"^# ([a-z_]+): ?(.*)$")
_NONE = ("", "none", "null", "nan")
_WEBSITE_NAME = re.compile(r"^UNKNOWN-ECLI_(?P<court>[A-Z]+)_(?P<date>\d{4}-\d{2}-\d{2})_(?P<number>[0-9A-Za-z.\-]+)$")
_ECLI_NAME = re.compile(r"^ECLI_(?P<country>[A-Z]{2})_(?P<court>[A-Z]+)_(?P<year>\d{4})_(?P<number>[0-9A-Z]+)$")
_PARKET = re.compile(r"^\s*(?:parketnummers?|parketnr\.?)\s*:?\s*(.+)$", re.IGNORECASE)
_PARKET_NUMBER = re.compile(r"\b\d{2}[/\-.]\d{5,7}[\-/.]\d{2}\b")
_DATE_LINE = re.compile(r"(uitspraakdatum|datum uitspraak|datum van uitspraak|vonnis van de|uitspraak van|d\.d\.)",
                        re.IGNORECASE)


def _none(value: str) -> str | None:
    value = value.strip()
    return None if value.lower() in _NONE else value


def _read_paragraph_text(text: str, display: str) -> Document:
    lines = text.splitlines()
    meta: dict[str, str] = {}
    body_start = len(lines)
    for i, line in enumerate(lines):
        if line.startswith("# ----"):
            body_start = i + 1
            break
        match = _HEADER.match(line)
        if match:
            meta[match.group(1)] = match.group(2)
        elif line.strip():
            body_start = i
            break
    paras = [Para(_tidy(line)) for line in lines[body_start:] if line.strip()]
    if not paras:
        raise UnreadableDocument(display, "geen uitspraaktekst na de kop met metagegevens")
    body, found = find_sections(paras)
    split = lambda key, sep: tuple(p.strip() for p in (_none(meta.get(key, "")) or "").split(sep) if p.strip())  # noqa: E731
    return Document(
        path=display, format="paragraphs", ecli=_none(meta.get("identifier", "")),
        court=court_name(_none(meta.get("creator", ""))), decision_date=_iso_date(meta.get("judgment_date")),
        procedure=_none(meta.get("procedures", "")), subjects=split("jurisdiction", ";"),
        references=split("references", "|"), case_numbers=split("case_number", "|"),
        text=body, sections=found, summary=_none(meta.get("inhoudsindicatie", "")) or "")


def _read_website_text(text: str, display: str, stem: str) -> Document:
    paras = [Para(_tidy(line)) for line in text.splitlines() if line.strip()]
    if not paras:
        raise UnreadableDocument(display, "geen tekst")
    ecli = code = None
    date: dt.date | None = None
    numbers: list[str] = []
    if match := _WEBSITE_NAME.match(stem):
        code, date = match.group("court"), _iso_date(match.group("date"))
        number = match.group("number")
        numbers.append(re.sub(r"^(\d{2})-", r"\1/", number))  # 16-705621-14 -> 16/705621-14
    elif match := _ECLI_NAME.match(stem):
        code = match.group("court")
        ecli = f"ECLI:{match.group('country')}:{code}:{match.group('year')}:{match.group('number')}"
    head = [p.text for p in paras[:40]]
    written = next((line for line in head[:12] if re.match(r"^(rechtbank|gerechtshof|hoge raad|gerecht)\b", line,
                                                           flags=re.IGNORECASE)), None)
    court = court_name(COURT_CODES.get(code or "") or written)
    for line in head:
        if match := _PARKET.match(line):
            for number in _PARKET_NUMBER.findall(match.group(1)):
                if number not in numbers:
                    numbers.append(number)
    if date is None:
        date = next((d for line in head if _DATE_LINE.search(line) for d in [_dutch_date(line)] if d), None)
    body, found = find_sections(paras)
    return Document(path=display, format="website", ecli=ecli, court=court, decision_date=date, procedure=None,
                    subjects=(), references=(), case_numbers=tuple(numbers), text=body, sections=found)


# ---------------------------------------------------------------- entry points

def read_document(path: str | Path, root: str | Path | None = None) -> Document:
    """Read one decision; `Document.path` is relative to `root` when given. Raises `UnreadableDocument`."""
    source = Path(path)
    display = _relative(source, Path(root) if root is not None else None)
    try:
        with source.open("rb") as handle:
            start = handle.read(4096)
    except OSError as error:
        raise UnreadableDocument(display, f"niet te openen ({error.strerror or error})") from None
    if source.stat().st_size > _MAX_BYTES:
        raise UnreadableDocument(display, "bestand te groot voor een uitspraak")
    if b"\x00" in start:
        raise UnreadableDocument(display, "binair bestand, geen tekst")
    if start.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        if not start.strip():
            raise UnreadableDocument(display, "leeg bestand")
        return _read_xml(str(source), source, display)
    text = _decode(display, source.read_bytes())
    if text.lstrip().startswith("<"):
        return _read_xml(str(source), source, display)
    if text.startswith("# "):
        return _read_paragraph_text(text, display)
    return _read_website_text(text, display, source.stem)


def iter_documents(folder: str | Path) -> Iterator[Document | Unreadable]:
    """Every .xml and .txt file below `folder` (recursively, sorted by path, hidden files skipped), read one at a
    time: a `Document`, or an `Unreadable` with the Dutch reason."""
    root = Path(folder)
    names = []  # relative paths as strings: a list of 100,000 names stays small
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = [d for d in subdirectories if not d.startswith(".")]
        base = os.path.relpath(directory, root)
        for name in files:
            if not name.startswith(".") and name.lower().endswith(SUFFIXES):
                names.append(name if base == "." else f"{base}/{name}".replace(os.sep, "/"))
    names.sort()
    for name in names:
        path = root / name
        if not path.is_file():
            continue
        try:
            yield read_document(path, root)
        except UnreadableDocument as error:
            yield Unreadable(error.path, error.reason)
