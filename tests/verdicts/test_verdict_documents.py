"""The document reader on real decisions (tests/verdicts/fixtures, see its README) and on broken files."""

from __future__ import annotations

import datetime as dt
import tracemalloc
from pathlib import Path

import pytest

from mhcases.verdicts.documents import Unreadable, UnreadableDocument, iter_documents, read_document
from mhcases.verdicts.sections import Para, find_sections, title_role

FIXTURES = Path(__file__).parent / "fixtures"


def roles(doc):
    return [(s.role, s.title) for s in doc.sections if s.role != "overig"]


def test_modern_xml_metadata_and_marked_sections():
    doc = read_document(FIXTURES / "ECLI_NL_RBZWB_2016_1440.xml", FIXTURES)
    assert doc.path == "ECLI_NL_RBZWB_2016_1440.xml" and doc.format == "xml"
    assert doc.ecli == "ECLI:NL:RBZWB:2016:1440"
    assert doc.court == "Rechtbank Zeeland-West-Brabant"
    assert doc.decision_date == dt.date(2016, 3, 4)
    assert doc.procedure == "Eerste aanleg - enkelvoudig"
    assert doc.subjects == ("Bestuursrecht", "Belastingrecht")
    (decision,) = doc.section("beslissing")
    assert decision.title == "Beslissing"  # <title><nr>1</nr>Beslissing</title>: the number is not in the title
    assert decision.text.startswith("De rechtbank:\nverklaart het beroep tegen niet tijdig beslissen")
    assert doc.text[decision.start:decision.start + len(decision.text)] == decision.text
    assert "Vergrijpboeten omzetbelasting" in doc.summary and "Vergrijpboeten" not in doc.text


MODERN = b"""<?xml version="1.0" encoding="utf-8"?>
<open-rechtspraak><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
 xmlns:dcterms="http://purl.org/dc/terms/"><rdf:Description><dcterms:identifier>ECLI:NL:RBAMS:2019:1</dcterms:identifier>
<dcterms:creator>Rechtbank Amsterdam</dcterms:creator><dcterms:date>2019-01-02</dcterms:date>
<dcterms:subject>Strafrecht</dcterms:subject></rdf:Description></rdf:RDF>
<uitspraak xmlns="http://www.rechtspraak.nl/schema/rechtspraak-1.0">
<section role="overwegingen"><title><nr>1</nr>Overwegingen</title>
 <paragroup><title><nr>1.1</nr>De tenlastelegging</title><para>Verdachte wordt mensenhandel verweten.</para></paragroup>
 <paragroup><title>De eis van de officier van justitie</title><para>Gevorderd is 2 jaar.</para></paragroup>
</section>
<section role="beslissing"><title><nr>2</nr>Beslissing</title>
 <paragroup><title>Bewezenverklaring</title><para>Verklaart bewezen.</para></paragroup>
 <paragroup><title>Straf</title><para>Veroordeelt verdachte tot een gevangenisstraf van 24 maanden.</para></paragroup>
</section></uitspraak></open-rechtspraak>"""


def test_titles_of_paragroups_nest_inside_their_section(tmp_path):
    path = tmp_path / "modern.xml"
    path.write_bytes(MODERN)
    doc = read_document(path)
    assert roles(doc) == [("tenlastelegging", "De tenlastelegging"),
                          ("vordering", "De eis van de officier van justitie"), ("beslissing", "Beslissing")]
    (decision,) = doc.section("beslissing")
    assert decision.text.endswith("Veroordeelt verdachte tot een gevangenisstraf van 24 maanden.")
    assert doc.section("vordering")[0].text == "Gevorderd is 2 jaar."


def test_old_xml_without_section_markup_falls_back_on_titles():
    doc = read_document(FIXTURES / "ECLI_NL_RBHAA_2007_BA1808.xml")
    assert doc.court == "Rechtbank Haarlem" and doc.case_numbers == ("15/630790-06",)
    assert roles(doc) == [("tenlastelegging", "Tenlastelegging"), ("bewijs", "Bewezenverklaring"),
                          ("strafmotivering", "Motivering van sanctie en van overige beslissingen"),
                          ("vordering", "De vordering van de officier van justitie"), ("beslissing", "Beslissing")]
    (decision,) = doc.section("beslissing")
    assert "Veroordeelt verdachte tot een gevangenisstraf voor de duur van ACHTTIEN (18) MAANDEN." in decision.text
    assert "Dit vonnis is gewezen door" not in decision.text  # the signature ends the dictum
    # the counts "1." … "4." of the charge list are not headings: the charges stay one section
    (charges,) = doc.section("tenlastelegging")
    assert "met het oogmerk" in charges.text and "SUBSIDIAIR:" in charges.text


def test_old_dictum_opening_is_the_beslissing():
    doc = read_document(FIXTURES / "ECLI_NL_RBLEE_2011_BP2417.xml")
    (decision,) = doc.section("beslissing")
    assert decision.title == "DE UITSPRAAK VAN DE RECHTBANK LUIDT, RECHTDOENDE:"
    assert "Een gevangenisstraf voor de duur van achttien maanden." in decision.text
    assert doc.references == ("Wetboek van Strafrecht 287", "Wetboek van Strafrecht 45")


def test_paragraph_text_with_metadata_header():
    doc = read_document(FIXTURES / "ECLI_NL_RBROT_2021_1789.txt", FIXTURES)
    assert (doc.format, doc.ecli, doc.court) == ("paragraphs", "ECLI:NL:RBROT:2021:1789", "Rechtbank Rotterdam")
    assert doc.decision_date == dt.date(2021, 2, 17) and doc.procedure == "Eerste aanleg - meervoudig"
    assert doc.subjects == ("Strafrecht",) and doc.references == () and doc.case_numbers == ("10/264996-20",)
    assert not doc.text.startswith("#")
    (demand,) = doc.section("vordering")
    assert demand.title == "Eis officier van justitie"
    assert "gevangenisstraf voor de duur van 8 maanden" in demand.text
    (decision,) = doc.section("beslissing")
    assert decision.text.startswith("De rechtbank:\nverklaart bewezen")


def test_website_text_takes_metadata_from_the_name_and_the_text():
    doc = read_document(FIXTURES / "UNKNOWN-ECLI_RBMNE_2015-09-15_16-705621-14.txt")
    assert doc.format == "website" and doc.ecli is None
    assert doc.court == "Rechtbank Midden-Nederland" and doc.decision_date == dt.date(2015, 9, 15)
    assert doc.case_numbers == ("16/705621-14",) and doc.subjects == () and doc.procedure is None
    assert [r for r, _ in roles(doc)] == ["tenlastelegging", "bewijs", "bewijs", "bewijs", "bewijs",
                                          "strafmotivering", "vordering", "beslissing"]
    (demand,) = doc.section("vordering")
    assert demand.title == "De eis van de officier van justitie" and "gevorderd" in demand.text
    # the dictum's own subheadings stay inside the beslissing
    (decision,) = doc.section("beslissing")
    assert "Bewezenverklaring" in decision.text and "Strafoplegging" in decision.text


def test_website_text_named_by_ecli_and_an_old_court():
    doc = read_document(FIXTURES / "ECLI_NL_RBMNE_2021_1857.txt")
    assert doc.format == "website" and doc.ecli == "ECLI:NL:RBMNE:2021:1857"
    assert doc.decision_date == dt.date(2021, 5, 7)  # "Vonnis van de meervoudige kamer van 7 mei 2021"
    old = read_document(FIXTURES / "UNKNOWN-ECLI_RBUTR_2010-03-16_16-602732-08.txt")
    assert old.court == "Rechtbank Utrecht"  # as written; the workbook maps it to its successor
    assert old.case_numbers == ("16/602732-08", "16/513707-09", "16/513760-09")


@pytest.mark.parametrize("title, numbered, role", [
    ("De eis van de officier van justitie", False, "vordering"),
    ("EIS OFFICIER VAN JUSTITIE", False, "vordering"),
    ("De vordering tot tenuitvoerlegging", True, "overig"),  # an earlier suspended sentence, not the demand
    ("Vordering benadeelde partij", True, "overig"),
    ("De vordering van de benadeelde partij", False, "overig"),
    ("Motivering van de straffen en maatregelen", False, "strafmotivering"),
    ("De op te leggen straf", False, "strafmotivering"),
    ("Strafbaarheid van het bewezen verklaarde", True, "overig"),  # not "bewijs" because of "bewezen"
    ("Bewijsmiddelen1", False, "bewijs"),  # footnote number glued to the heading
    ("De beschuldiging (tenlastelegging)", False, "tenlastelegging"),
    ("BESLISSING", False, "beslissing"),
    ("De beslissing berust op de artikelen", False, None),  # a sentence, not a heading
    ("Het standpunt van de verdediging", False, None),
])
def test_title_roles(title, numbered, role):
    assert title_role(title, numbered) == role


def test_numbering_never_goes_back_and_unnumbered_headings_nest():
    paras = [Para(t) for t in ("2", "Tenlastelegging", "Aan verdachte is ten laste gelegd dat", "1.", "Feit",
                               "5", "Motivering van de straf", "De vordering van de officier van justitie",
                               "De officier van justitie heeft gevorderd een taakstraf.", "De op te leggen straf",
                               "Een taakstraf is passend.", "6", "Beslissing", "Strafoplegging",
                               "Veroordeelt verdachte tot een taakstraf van 40 uren.",
                               "Dit vonnis is gewezen door mr. A, voorzitter.")]
    text, sections = find_sections(paras)
    by_title = {s.title: s for s in sections}
    assert "Feit" not in by_title  # "1." after section 2 is a count, not a heading
    assert by_title["Motivering van de straf"].text.endswith("Een taakstraf is passend.")
    assert by_title["De vordering van de officier van justitie"].text == \
        "De officier van justitie heeft gevorderd een taakstraf."
    assert by_title["Strafoplegging"].role == "overig"
    assert by_title["Beslissing"].text == "Strafoplegging\nVeroordeelt verdachte tot een taakstraf van 40 uren."
    for section in sections:
        assert text[section.start:section.start + len(section.text)] == section.text


@pytest.mark.parametrize("content, reason", [
    (b"", "leeg bestand"),
    (b"   \n\n", "leeg bestand"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binair"),
    (b"Vonnis van de rechtbank \xff\xfe kapot", "geen UTF-8"),
    (b"<open-rechtspraak><uitspraak><para>onaf", "geen geldige XML"),
    (b"<open-rechtspraak><rdf:RDF xmlns:rdf='x'/></open-rechtspraak>", "geen uitspraaktekst"),
    (b"# identifier: ECLI:NL:RBAMS:2020:1\n# ---- uitspraak text ----\n", "geen uitspraaktekst"),
])
def test_unreadable_files_give_a_dutch_reason(tmp_path, content, reason):
    path = tmp_path / "stuk.xml"
    path.write_bytes(content)
    with pytest.raises(UnreadableDocument) as error:
        read_document(path, tmp_path)
    assert reason in error.value.reason and error.value.path == "stuk.xml"


def test_iter_documents_is_recursive_sorted_and_reports_unreadable(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "ECLI_NL_RBROT_2021_1789.txt").write_bytes((FIXTURES / "ECLI_NL_RBROT_2021_1789.txt").read_bytes())
    (tmp_path / "a.xml").write_bytes(b"\x00\x01")
    (tmp_path / "notities.md").write_text("geen uitspraak")
    (tmp_path / ".verborgen.txt").write_text("x")
    found = list(iter_documents(tmp_path))
    assert [type(d).__name__ for d in found] == ["Unreadable", "Document"]
    assert found[0] == Unreadable("a.xml", "binair bestand, geen tekst")
    assert found[1].path == "b/ECLI_NL_RBROT_2021_1789.txt"


def test_every_fixture_reads(tmp_path):
    docs = list(iter_documents(FIXTURES))
    assert docs and all(not isinstance(d, Unreadable) for d in docs), [d for d in docs if isinstance(d, Unreadable)]
    assert all(d.section("beslissing") for d in docs if d.path != "ECLI_NL_PHR_2007_BA1761.txt"), \
        [d.path for d in docs if not d.section("beslissing")]


def test_memory_does_not_grow_with_the_number_of_documents(tmp_path):
    source = (FIXTURES / "ECLI_NL_RBHAA_2007_BA1808.xml").read_bytes()
    for i in range(150):
        (tmp_path / f"d{i:04d}.xml").write_bytes(source)

    def peak(n):
        tracemalloc.start()
        for k, _ in enumerate(iter_documents(tmp_path)):
            if k + 1 == n:
                break
        result = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return result

    peak(15)  # warm-up: module-level caches of heading titles fill once
    one = peak(1)  # reading one document (its text, paragraphs, sections) costs this much
    assert one > 50_000
    # ten times the documents: the peak grows per extra document by less than 2% of what one document costs
    # (names, allocator noise); a reader that kept its documents would grow by 100%
    assert (peak(150) - peak(15)) / 135 < 0.02 * one



@pytest.mark.parametrize("char", ["\x01", "\x08", "\x1b", "\x7f", "\ufffe"])
def test_control_characters_in_a_text_file_become_spaces_and_the_workbook_takes_the_text(tmp_path, char):
    """A stray control character (not allowed in the workbook's XML) must not end the run with a traceback."""
    from mhcases.verdicts.precode import precode_folder
    from mhcases.verdicts.workbook import WorkbookWriter

    source = (FIXTURES / "ECLI_NL_RBROT_2021_1789.txt").read_text(encoding="utf-8")
    marked = source.replace("veroordeelt de verdachte tot", f"veroordeelt{char}de verdachte tot", 1)
    assert marked != source
    folder = tmp_path / "stukken"
    folder.mkdir()
    (folder / "ECLI_NL_RBROT_2021_1789.txt").write_text(marked, encoding="utf-8")
    doc = read_document(folder / "ECLI_NL_RBROT_2021_1789.txt", folder)
    assert char not in doc.text and "veroordeelt de verdachte tot" in doc.text
    with WorkbookWriter(tmp_path / "blad.xlsx") as writer:
        frame, _ = precode_folder(folder, ["285"], (dt.date(2000, 1, 1), dt.date(2030, 1, 1)), sink=writer.add)
    assert frame["opgenomen"].tolist() == ["ja"] and writer.rows == 1


def test_a_document_the_extractor_fails_on_gets_a_metadata_row_and_a_warning_not_a_traceback(tmp_path, caplog):
    """One decision that makes the value reader fail must not end a pre-coding run over many: its row holds the
    metadata, every other cell says why it is empty, and the log names the file."""
    import logging
    import shutil

    from mhcases.verdicts.precode import precode_folder

    folder = tmp_path / "stukken"
    folder.mkdir()
    shutil.copy(FIXTURES / "ECLI_NL_RBROT_2021_1789.txt", folder)

    def failing(doc):
        raise ValueError("kapot")

    logger = logging.getLogger("test-precode")
    with caplog.at_level(logging.WARNING, logger="test-precode"):
        frame, codings = precode_folder(folder, ["285"], (dt.date(2000, 1, 1), dt.date(2030, 1, 1)),
                                        extractor=failing, logger=logger)
    assert frame["opgenomen"].tolist() == ["ja"] and len(codings) == 1
    assert "ECLI_NL_RBROT_2021_1789.txt" in caplog.text and "ValueError: kapot" in caplog.text
    empty = [e for e in codings[0].evidence if e.status == "niet gevonden"]
    assert empty and all("de lezer liep vast" in e.note for e in empty)
    assert codings[0].value("court")
