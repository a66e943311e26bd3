"""Where the decision (the dictum) is found: headings the reader must tell apart from look-alikes.

"(De) uitspraak" heads the dictum in some courts' house style, but is also the title over a whole decision (the first
line of the website text) and a word that can head other things. It is the decision only below the first line and
when the line after it opens a dictum (the court on a line of its own, or a dictum verb).
"""

from __future__ import annotations

import pytest

from mhcases.verdicts.documents import read_document
from mhcases.verdicts.extract import read_decision
from mhcases.verdicts.sections import sections_of


def decision_titles(text: str) -> list[str]:
    return [s.title for s in sections_of(text) if s.role == "beslissing"]


def paragraph_document(tmp_path, body: str, name: str = "ECLI_NL_RBXXX_2019_7.txt"):
    header = ("# identifier: ECLI:NL:RBXXX:2019:7\n# creator: Rechtbank Noord-Holland\n"
              "# judgment_date: 2019-03-01\n# procedures: Eerste aanleg - meervoudig\n# jurisdiction: Strafrecht\n"
              "# references: Wetboek van Strafrecht 273f\n# ----\n")
    path = tmp_path / name
    path.write_text(header + body, encoding="utf-8")
    return read_document(path)


# An unnumbered house style: every heading a short line ending in a full stop, the dictum under a capitalised
# "HET VONNIS"-like heading of its own, with its own sub-headings (words and numbers are invented).
UNNUMBERED = """RECHTBANK NOORD-HOLLAND
Parketnummer: 15/123456-18
De tenlastelegging.
Aan verdachte is ten laste gelegd dat zij twee mannen heeft uitgebuit (feiten 1 en 2).
Beoordeling van het bewijs.
Van feit 2 wordt verdachte vrijgesproken; feit 1 is bewezen.
Oplegging van straf.
De eis van de officier van justitie.
De officier van justitie heeft gevorderd verdachte te veroordelen tot een gevangenisstraf voor de duur van 30 maanden.
De toepasselijke wetsartikelen.
De beslissing is gegrond op de artikelen 57 en 273f van het Wetboek van Strafrecht.
{heading}
{opening}
Vrijspraak
Verklaart niet bewezen dat verdachte het onder 2 ten laste gelegde heeft begaan en spreekt verdachte daarvan vrij.
Bewezenverklaring
Verklaart het onder 1 ten laste gelegde bewezen, zoals hiervoor omschreven.
Straf
Veroordeelt verdachte tot een gevangenisstraf voor de duur van 26 (zesentwintig) maanden, met aftrek van voorarrest.
Dit vonnis is gewezen door mr. A. Jansen, voorzitter, en uitgesproken op 1 maart 2019.
"""


@pytest.mark.parametrize("heading", ["DE UITSPRAAK", "De uitspraak", "Uitspraak", "De uitspraak."])
@pytest.mark.parametrize("opening", ["De rechtbank:", "DE RECHTBANK, RECHTDOENDE:", "de rechtbank,"])
def test_an_uitspraak_heading_over_the_dictum_is_the_decision(heading, opening):
    text = UNNUMBERED.format(heading=heading, opening=opening)
    (decision,) = [s for s in sections_of(text) if s.role == "beslissing"]
    assert decision.title == heading
    # the dictum's own sub-headings stay inside it, up to the signature
    assert decision.text.startswith(opening) and decision.text.endswith("met aftrek van voorarrest.")
    # the vordering found under the punishment heading is not swallowed
    assert [s.role for s in sections_of(text)].count("vordering") == 1


def test_the_decision_under_an_uitspraak_heading_gives_sentence_and_partial_acquittal(tmp_path):
    doc = paragraph_document(tmp_path, UNNUMBERED.format(heading="DE UITSPRAAK", opening="De rechtbank:"))
    decision = read_decision(doc)
    assert decision.section_found
    assert decision.sentence.value == "gevangenisstraf van 26 maanden"
    assert decision.sentence.status == "automatisch"
    assert decision.acquittal == "partieel"


def test_a_dictum_verb_right_under_the_heading_opens_the_dictum_too():
    text = UNNUMBERED.format(heading="DE UITSPRAAK", opening="verklaart verdachte strafbaar;")
    assert decision_titles(text) == ["DE UITSPRAAK"]


@pytest.mark.parametrize("after", [
    "RECHTBANK NOORD-HOLLAND",  # the title over the whole decision
    "De rechtbank doet heden uitspraak na het onderzoek ter terechtzitting van 14 februari 2019.",
    "Het vonnis wordt vandaag mondeling uitgesproken.",
    "De rechtbank Noord-Holland, zittingsplaats Haarlem:",  # a court named in full, not addressed
])
def test_uitspraak_as_a_title_or_before_other_text_is_no_decision(after):
    # on the first line: the title over the whole decision, whatever follows
    assert decision_titles(f"Uitspraak\n{after}\nDe tenlastelegging.\nMensenhandel.") == []
    # further down, it heads the dictum only when the next line opens one
    assert decision_titles(f"De tenlastelegging.\nMensenhandel.\nUitspraak\n{after}\nMeer tekst.") == []


def test_the_first_line_is_the_documents_title_even_before_a_dictum_opening():
    assert decision_titles("Uitspraak\nDe rechtbank:\nverklaart het ten laste gelegde bewezen.") == []


def test_a_numbered_uitspraak_heading_over_the_dictum_is_the_decision():
    text = ("1. Onderzoek van de zaak\nDe zaak is behandeld op 2 mei 2019.\n"
            "2. De tenlastelegging\nVerdachte wordt uitbuiting verweten.\n"
            "3. De uitspraak\nDe rechtbank:\nveroordeelt verdachte tot een taakstraf van 120 uren.\n")
    (decision,) = [s for s in sections_of(text) if s.role == "beslissing"]
    assert decision.title == "De uitspraak" and "taakstraf van 120 uren" in decision.text
    text = text.replace("De rechtbank:\n", "Na beraad wordt als volgt beslist.\n")
    assert decision_titles(text) == []


MARKED = """<?xml version="1.0" encoding="utf-8"?>
<open-rechtspraak><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
 xmlns:dcterms="http://purl.org/dc/terms/"><rdf:Description><dcterms:identifier>ECLI:NL:RBXXX:2019:8</dcterms:identifier>
<dcterms:creator>Rechtbank Noord-Holland</dcterms:creator><dcterms:date>2019-03-01</dcterms:date>
<dcterms:subject>Strafrecht</dcterms:subject></rdf:Description></rdf:RDF>
<uitspraak xmlns="http://www.rechtspraak.nl/schema/rechtspraak-1.0">
<section><title><nr>1</nr>De tenlastelegging</title><para>Verdachte wordt uitbuiting verweten.</para></section>
<section><title><nr>2</nr>De uitspraak</title><para>{first}</para>
<para>veroordeelt verdachte tot een gevangenisstraf voor de duur van 9 maanden.</para></section>
</uitspraak></open-rechtspraak>"""


@pytest.mark.parametrize(("first", "found"), [("De rechtbank:", True), ("Zij is op 1 maart 2019 gedaan.", False)])
def test_a_marked_title_without_a_role_reads_the_same_rule(tmp_path, first, found):
    path = tmp_path / "marked.xml"
    path.write_text(MARKED.format(first=first), encoding="utf-8")
    doc = read_document(path)
    assert [s.title for s in doc.section("beslissing")] == (["De uitspraak"] if found else [])


def test_the_court_and_a_dictum_verb_on_the_line_under_the_heading_open_the_dictum():
    text = UNNUMBERED.format(heading="DE UITSPRAAK", opening="De rechtbank verklaart verdachte strafbaar.")
    assert decision_titles(text) == ["DE UITSPRAAK"]
    text = UNNUMBERED.format(heading="DE UITSPRAAK", opening="De rechtbank heeft de zaak ter zitting behandeld.")
    assert decision_titles(text) == []


@pytest.mark.parametrize("opening", ["De rechtbank, recht doende:", "DE POLITIERECHTER, RECHTDOENDE:",
                                     "De kinderrechter, rechtdoende:",
                                     "DE UITSPRAAK VAN DE POLITIERECHTER LUIDT, RECHT DOENDE:"])
def test_the_formula_recht_doende_opens_the_dictum_of_any_first_instance_judge(opening):
    text = (f"Tenlastelegging\nAan verdachte is uitbuiting ten laste gelegd.\nStrafmotivering\nEen werkstraf past.\n"
            f"{opening}\nveroordeelt verdachte tot een werkstraf van 60 uren.")
    (decision,) = [s for s in sections_of(text) if s.role == "beslissing"]
    assert decision.title == opening and decision.text == "veroordeelt verdachte tot een werkstraf van 60 uren."


# The record of an oral judgment by a single judge: the decision on the facts first, the evidence, then the
# punishment under a heading of its own (numbered here, so each heading is a sibling of the beslissing).
ORAL = """1. Tenlastelegging
Verdachte wordt verweten dat hij drie vreemdelingen de grens over heeft geholpen.
2. Eis officier van justitie
De officier van justitie vordert een gevangenisstraf van 5 maanden.
3. Beslissing
De politierechter verklaart bewezen dat verdachte het ten laste gelegde heeft begaan.
4. Bewijsmiddelen
De politierechter baseert zich op de verklaring van verdachte.
5. Straf
{punishment}
6. Toepasselijke wettelijke voorschriften
De artikelen 197a en 63 van het Wetboek van Strafrecht.
"""


@pytest.mark.parametrize("punishment", [
    "De politierechter veroordeelt verdachte tot een gevangenisstraf voor de duur van 2 (twee) maanden.",
    "Veroordeelt verdachte tot een werkstraf van 50 uren.",
    "De kinderrechter legt verdachte een taakstraf op van 30 uren.",
])
def test_a_punishment_heading_after_the_decision_that_imposes_a_sentence_belongs_to_it(punishment):
    sections = sections_of(ORAL.format(punishment=punishment))
    (decision,) = [s for s in sections if s.role == "beslissing"]
    assert decision.text.endswith(punishment)  # up to the next heading of the decision's level
    assert "Toepasselijke" not in decision.text
    assert [s.role for s in sections if s.title == "Straf"] == ["overig"]


@pytest.mark.parametrize("punishment", [
    "Bij de strafmaat weegt de politierechter mee dat verdachte eerder is veroordeeld.",  # reasons, not a dictum
    "De politierechter zal verdachte veroordelen tot een gevangenisstraf van 2 maanden.",
    "Veroordeelt verdachte tot betaling aan de benadeelde partij van € 400.",  # compensation, not a punishment
])
def test_a_punishment_heading_after_the_decision_without_a_dictum_stays_apart(punishment):
    sections = sections_of(ORAL.format(punishment=punishment))
    (decision,) = [s for s in sections if s.role == "beslissing"]
    assert decision.text == "De politierechter verklaart bewezen dat verdachte het ten laste gelegde heeft begaan."
    assert [s.role for s in sections if s.title == "Straf"] == ["strafmotivering"]


def test_a_punishment_heading_after_the_signature_stays_apart():
    text = ORAL.format(punishment="Veroordeelt verdachte tot een werkstraf van 50 uren.").replace(
        "4. Bewijsmiddelen", "Dit vonnis is gewezen door mr. B. de Boer, politierechter.\n4. Bewijsmiddelen")
    (decision,) = [s for s in sections_of(text) if s.role == "beslissing"]
    assert "werkstraf" not in decision.text


def test_the_sentence_under_its_own_heading_after_the_decision_is_read(tmp_path):
    doc = paragraph_document(tmp_path, ORAL.format(punishment="Veroordeelt verdachte tot een werkstraf van 50 uren."))
    decision = read_decision(doc)
    assert (decision.sentence.value, decision.sentence.status) == ("werkstraf van 50 uren", "automatisch")
    assert decision.acquittal == "geen"


MARKED_ORAL = """<?xml version="1.0" encoding="utf-8"?>
<open-rechtspraak><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
 xmlns:dcterms="http://purl.org/dc/terms/"><rdf:Description><dcterms:identifier>ECLI:NL:RBXXX:2019:9</dcterms:identifier>
<dcterms:creator>Rechtbank Overijssel</dcterms:creator><dcterms:date>2019-03-01</dcterms:date>
<dcterms:subject>Strafrecht</dcterms:subject></rdf:Description></rdf:RDF>
<uitspraak xmlns="http://www.rechtspraak.nl/schema/rechtspraak-1.0">
<section role="beslissing"><title>Beslissing</title><para>Verklaart bewezen dat verdachte het feit heeft begaan.</para>
</section>
<section><title>Straf</title><para>Veroordeelt verdachte tot een gevangenisstraf voor de duur van 6 weken.</para></section>
</uitspraak></open-rechtspraak>"""


def test_a_marked_punishment_section_after_the_marked_decision_belongs_to_it(tmp_path):
    path = tmp_path / "oral.xml"
    path.write_text(MARKED_ORAL, encoding="utf-8")
    (decision,) = read_document(path).section("beslissing")
    assert decision.text.endswith("gevangenisstraf voor de duur van 6 weken.")
