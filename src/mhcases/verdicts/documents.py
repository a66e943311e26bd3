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


def _tidy(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


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


def _body_paragraphs(body: etree._Element) -> list[Para]:
    out = str(_TO_LINES(etree.ElementTree(body)))
    if "\u00a0" in out or "\u202f" in out or "\u2007" in out:
        out = "\n".join(" ".join(line.split()) for line in _SPACES.sub(" ", out).split("\n"))
    paras = []
    for line in out.split("\n"):
        if not line:
            continue
        if line[0] != "\u241e":
            paras.append(Para(line))
        else:
            depth, role, number, title = line[1:].split("\u241f", 3)
            title = _tidy(title)
            if title:
                paras.append(Para(title, heading=True, number=number.rstrip("."), depth=max(int(depth or 0), 1),
                                  role=_SECTION_ROLES.get(role.lower())))
    return paras


def _read_xml_streamed(source: Path, display: str) -> Document:
    """The general reader: stream the file, each top-level part (metadata, summary, body) built, read and freed in
    turn; every paragraph written out by one XSLT pass (`_TO_LINES`). Used where `_read_xml` cannot take its fast
    path, and for the exact message of a parse error."""
    meta: dict[str, list[str]] = {}
    paras: list[Para] = []
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
                summary.extend(p.text for p in _body_paragraphs(element))
            elif not body_seen:
                body_seen = True
                paras = _body_paragraphs(element)
            element.clear(keep_tail=True)
            parent = element.getparent()
            while parent is not None and element.getprevious() is not None:
                del parent[0]
    except etree.XMLSyntaxError as error:
        raise UnreadableDocument(display, f"geen geldige XML ({error.msg}, regel {error.lineno})") from None
    except OSError as error:
        raise UnreadableDocument(display, f"niet te lezen ({error.strerror or error})") from None
    if not body_seen or not paras:
        raise UnreadableDocument(display, "geen uitspraaktekst in het XML-document")
    text, found = find_sections(paras)
    return _xml_document(display, meta, text, found, "\n".join(summary))


# The fast path. The bytes get a mark after the start tag and before the end tag of every paragraph-like element
# (para, bridgehead, entry; title with its own mark), are parsed once, and each part's text is written out in C
# (`etree.tostring(method="text")`); the marks then give the paragraphs, and regular expressions over the whole text
# do what `_TO_LINES` does per paragraph (normalize-space; text outside the paragraphs dropped). The tree is only
# visited in Python for the few titles (depth, role, text without <nr>). Where the marks cannot be trusted - nested
# paragraph elements, CDATA, a DTD, an encoding other than UTF-8, the mark characters already in the file, parts
# nested in one another, a parse error - the document is read by `_read_xml_streamed`, which gives the same result.
_OPEN, _TITLE, _CLOSE = "\ue000", "\ue001", "\ue002"  # private-use characters: never in a decision
_MARKS = str.maketrans("", "", _OPEN + _TITLE + _CLOSE)
_PREFIX = rb"(?:[A-Za-z_][\w.\-]*:)?"
_MARK_OPEN = re.compile(rb"(<" + _PREFIX + rb"(?:para|bridgehead|entry)(?:\s[^>]*)?(?<!/)>)")
_MARK_TITLE = re.compile(rb"(<" + _PREFIX + rb"title(?:\s[^>]*)?(?<!/)>)")
_MARK_CLOSE = re.compile(rb"(</" + _PREFIX + rb"(?:para|bridgehead|entry|title)\s*>)")
_TAG = re.compile(rb"</?" + _PREFIX + rb"(?:para|bridgehead|entry|title)(?=[\s/>])[^>]*>")
_PLAIN_TAGS = {form for name in (b"para", b"bridgehead", b"entry", b"title")
               for form in (b"<" + name + b">", b"</" + name + b">", b"<" + name + b"/>", b"<" + name + b" />")}
_UNSAFE = re.compile(rb"<!\[CDATA\[|<!DOCTYPE|\xee\x80[\x80-\x82]|&#(?:x0*[eE]00[0-2]|0*5734[4-6]);")
_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']""")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
_WELL_MARKED = re.compile("[^\ue000-\ue002]*(?:[\ue000\ue001][^\ue000-\ue002]*\ue002[^\ue000-\ue002]*)*")
_BETWEEN = re.compile("(?<=\ue002)[^\ue000-\ue002]+")  # text after a paragraph, up to the next one
_PART_TAGS = ("{*}Description", "{*}inhoudsindicatie", "{*}uitspraak", "{*}conclusie")


class _Fallback(Exception):
    """The fast path cannot read this document exactly; `_read_xml_streamed` will."""


def _name(element: etree._Element) -> str:
    return element.tag.rpartition("}")[2]


def _title(title: etree._Element, body: etree._Element) -> tuple[str, int, str]:
    """A title's text without its <nr>, its depth (enclosing sections, plus one for a title that is not a section's
    own) and its section's role attribute, as `_TO_LINES` writes them."""
    parts = [title.text or ""]
    for child in title:
        if _name(child) != "nr":
            parts.extend(child.itertext())
        parts.append(child.tail or "")
    parent = title.getparent()
    own = _name(parent) == "section"
    depth = 0 if own else 1
    node = parent
    while node is not None:
        if _name(node) == "section":
            depth += 1
        if node is body:
            break
        node = node.getparent()
    return _tidy("".join(parts).translate(_MARKS)), depth, (parent.get("role") or "") if own else ""


# Every blank that str.split() knows, other than " " and the line break (for the no-break-space rule below).
_BLANKS = tuple(c for c in map(chr, range(0x3001)) if c.isspace() and c not in " \n")
_MULTI_SPACE = re.compile("  +")


def _collapse(text: str) -> str:
    return _MULTI_SPACE.sub(" ", text) if "  " in text else text


def _odd_blanks(lines: str) -> str:
    """As `_body_paragraphs` does when a no-break space occurs: every kind of blank collapsed, lines stripped."""
    for blank in _BLANKS:
        if blank in lines:
            lines = lines.replace(blank, " ")
    lines = _collapse(lines)
    for edge, bare in ((" \n", "\n"), ("\n ", "\n"), (_OPEN + " ", _OPEN), (" " + _CLOSE, _CLOSE)):
        lines = lines.replace(edge, bare)
    return lines


def _join_marked(text: str) -> str:
    """Paragraphs `<open>text<close>` that follow one another directly (blanks between) as lines; a title's line
    keeps its mark in front. A paragraph's edges lose their blank (normalize-space() strips it)."""
    text = text.replace(" " + _CLOSE, _CLOSE).replace(_OPEN + " ", _OPEN)
    if _TITLE in text:
        text = text.replace(_CLOSE + " " + _TITLE, "\n" + _TITLE).replace(_CLOSE + _TITLE, "\n" + _TITLE)
    return text.replace(_CLOSE + " " + _OPEN, "\n").replace(_CLOSE + _OPEN, "\n")


def _simple(lines: str) -> bool:
    """Did `_join_marked` account for every mark (no text between paragraphs, no paragraph inside another)?"""
    if lines[-1:] != _CLOSE or lines.count(_CLOSE) != 1 or lines.count(_OPEN) != (lines[:1] == _OPEN):
        return False
    return _TITLE not in lines or lines.count(_TITLE) == lines.count("\n" + _TITLE) + (lines[:1] == _TITLE)


def _marked_lines(element: etree._Element) -> tuple[str, list[tuple[str, int, str]]]:
    """The paragraphs of a part, one per line as normalize-space() leaves them (no empty ones), a title's line
    marked in front, and its titles (`_title`) in order."""
    raw = etree.tostring(element, method="text", encoding=str, with_tail=False)
    for blank in "\n\t\r":
        if blank in raw:
            raw = raw.replace(blank, " ")
    text = _collapse(raw).strip(" ")
    if _CLOSE not in text:
        return "", []
    lines = _join_marked(text)
    if not _simple(lines):
        if not _WELL_MARKED.fullmatch(text):
            raise _Fallback  # nested paragraph elements, or a mark in the text
        # text between paragraphs is dropped, as `_TO_LINES` selects only the paragraphs
        first = min(i for i in (text.find(_OPEN), text.find(_TITLE)) if i >= 0)
        lines = _join_marked(_BETWEEN.sub("", text[first:]))
    if "\u00a0" in lines or "\u202f" in lines or "\u2007" in lines:
        lines = _odd_blanks(lines)
    lines = lines[1:-1] if lines[:1] == _OPEN else lines[:-1]
    if "\n\n" in lines:  # empty paragraphs
        while "\n\n" in lines:
            lines = lines.replace("\n\n", "\n")
    if lines[:1] == "\n" or lines[-1:] == "\n":
        lines = lines.strip("\n")
    titles = []
    if _TITLE in lines:
        titles = [_title(t, element) for t in element.iter("{*}title") if (t.text or "")[:1] == _TITLE]
        if len(titles) != lines.count(_TITLE):
            raise _Fallback
    return lines, titles


def _paragraph_text(element: etree._Element) -> tuple[str, list[Explicit]]:
    """The part's text (one paragraph per line, as `_body_paragraphs` gives them) and its titles as headings."""
    lines, titles = _marked_lines(element)
    if not titles:
        return lines, []
    pieces = lines.split(_TITLE)
    chunks = [pieces[0]]
    position = len(pieces[0])
    explicit = []
    for (title, depth, role), piece in zip(titles, pieces[1:]):
        _, newline, rest = piece.partition("\n")
        if title:
            explicit.append(Explicit(position, max(depth, 1), _SECTION_ROLES.get(role.lower())))
            chunks.append(title + newline)
            position += len(title) + len(newline)
        chunks.append(rest)
        position += len(rest)
    return "".join(chunks).rstrip("\n"), explicit


def _marked_bytes(data: bytes) -> bytes:
    """The file with a mark after each paragraph-like start tag and before each end tag (see above): the distinct
    tags are found in one pass; plain tags (the usual case) are then marked by replacing each form at once."""
    forms = set(_TAG.findall(data))
    if not forms <= _PLAIN_TAGS:  # attributes or a namespace prefix: mark every tag by its pattern
        return _MARK_CLOSE.sub(_CLOSE.encode() + rb"\1", _MARK_TITLE.sub(
            rb"\1" + _TITLE.encode(), _MARK_OPEN.sub(rb"\1" + _OPEN.encode(), data)))
    for form in forms:
        if form.startswith(b"</"):
            data = data.replace(form, _CLOSE.encode() + form)
        elif not form.endswith(b"/>"):
            data = data.replace(form, form + (_TITLE if form == b"<title>" else _OPEN).encode())
    return data


def _fast_xml(data: bytes, display: str) -> Document:
    if (b"<!" in data or b"\xee\x80" in data or b"&#" in data) and _UNSAFE.search(data) or data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise _Fallback
    declared = _ENCODING.match(data[:400].lstrip(b"\xef\xbb\xbf"))
    if declared and declared.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        raise _Fallback
    marked = _marked_bytes(data)
    try:
        root = etree.fromstring(marked, _PARSER)
    except etree.XMLSyntaxError:
        raise _Fallback from None
    parts = list(root.iter(*_PART_TAGS))
    if any(next(part.iterancestors(*_PART_TAGS), None) is not None for part in parts):
        raise _Fallback
    meta: dict[str, list[str]] = {}
    summary: list[str] = []
    body = None
    for part in parts:
        name = _name(part)
        if name == "Description":
            if "identifier" not in meta:
                fields: dict[str, list[str]] = {}
                for child in part:
                    key = _name(child) if isinstance(child.tag, str) else ""
                    value = (child.text or "").translate(_MARKS)
                    if key and value.strip():
                        fields.setdefault(key, []).append(_tidy(value))
                if any(v.upper().startswith("ECLI:") for v in fields.get("identifier", [])):
                    meta = fields
        elif name == "inhoudsindicatie":
            text = _paragraph_text(part)[0]
            if text:
                summary.append(text)
        elif body is None:
            body = part
    if body is None:
        raise UnreadableDocument(display, "geen uitspraaktekst in het XML-document")
    text, explicit = _paragraph_text(body)
    if not text:
        raise UnreadableDocument(display, "geen uitspraaktekst in het XML-document")
    return _xml_document(display, meta, text, sections_of(text, explicit), "\n".join(summary))


def _xml_document(display: str, meta: dict[str, list[str]], text: str, sections, summary: str) -> Document:
    ecli = next((v for v in meta.get("identifier", []) if v.upper().startswith("ECLI:")), None)
    return Document(
        path=display, format="xml", ecli=ecli, court=court_name((meta.get("creator") or [None])[0]),
        decision_date=_iso_date((meta.get("date") or [None])[0]),
        procedure=(meta.get("procedure") or [None])[0],
        subjects=tuple(s.strip() for v in meta.get("subject", []) for s in v.split(";") if s.strip()),
        references=tuple(meta.get("references", [])), case_numbers=tuple(meta.get("zaaknummer", [])),
        text=text, sections=sections, summary=summary)


def _read_xml(source: Path, display: str, data: bytes) -> Document:
    """Read an open-data XML document: the fast path, or the streamed reader where it cannot be taken."""
    try:
        return _fast_xml(data, display)
    except _Fallback:
        return _read_xml_streamed(source, display)


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
            if os.fstat(handle.fileno()).st_size > _MAX_BYTES:
                raise UnreadableDocument(display, "bestand te groot voor een uitspraak")
            data = handle.read()
    except OSError as error:
        raise UnreadableDocument(display, f"niet te openen ({error.strerror or error})") from None
    start = data[:4096]
    if b"\x00" in start:
        raise UnreadableDocument(display, "binair bestand, geen tekst")
    if start.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return _read_xml(source, display, data)
    text = _decode(display, data)
    if text.lstrip().startswith("<"):
        return _read_xml(source, display, data)
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
