"""Extraction on dictum and demand layouts of other courts than the fixtures (small hand-built documents).

The wording follows the standard forms of the courts' templates (Den Haag, Amsterdam, Oost-Brabant,
Zeeland-West-Brabant, juvenile cases); each test names what must be read and what must be left out.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mhcases.phrases import parse_sanction
from mhcases.verdicts.extract import extract_document, read_decision, read_demand
from mhcases.verdicts.model import Document, Section

DAY = 12 / 365.25


def make_doc(beslissing: str, vordering: str = "", tenlastelegging: str = "") -> Document:
    parts = [("tenlastelegging", "Tenlastelegging", tenlastelegging), ("vordering", "De eis van de officier van justitie",
             vordering), ("beslissing", "Beslissing", beslissing)]
    text, sections = "", []
    for role, title, body in parts:
        if not body:
            continue
        text += title + "\n"
        sections.append(Section(role, title, body, len(text)))
        text += body + "\n"
    return Document("test.txt", "website", None, "Rechtbank Den Haag", dt.date(2019, 3, 1), None, ("Strafrecht",), (),
                    ("09/123456-18",), text, tuple(sections))


def sanction(beslissing: str):
    return read_decision(make_doc(beslissing)).sentence


def test_den_haag_probation_inside_the_condition():
    got = sanction(
        "De rechtbank:\n"
        "verklaart wettig en overtuigend bewezen dat de verdachte het tenlastegelegde heeft begaan;\n"
        "verklaart niet bewezen hetgeen aan de verdachte meer of anders is tenlastegelegd dan hierboven is bewezen "
        "verklaard en spreekt de verdachte daarvan vrij;\n"
        "veroordeelt de verdachte tot een gevangenisstraf voor de duur van 30 (dertig) maanden;\n"
        "bepaalt dat de tijd die door de veroordeelde voor de tenuitvoerlegging van deze uitspraak in verzekering en "
        "in voorlopige hechtenis is doorgebracht, bij de uitvoering van deze straf in mindering zal worden gebracht;\n"
        "beveelt dat een gedeelte van deze gevangenisstraf, groot 10 (tien) maanden, niet zal worden tenuitvoergelegd, "
        "tenzij de rechter later anders mocht gelasten op grond van het feit dat de veroordeelde zich voor het einde "
        "van de proeftijd, die hierbij wordt bepaald op 2 (twee) jaren, aan een strafbaar feit heeft schuldig gemaakt;\n"
        "veroordeelt de verdachte tot een taakstraf voor de duur van 240 (tweehonderdveertig) uren, met bevel, voor het "
        "geval dat de veroordeelde de taakstraf niet naar behoren verricht, dat vervangende hechtenis zal worden "
        "toegepast voor de duur van 120 (honderdtwintig) dagen;\n"
        "heft op het bevel tot voorlopige hechtenis.")
    s = got.sanction
    assert (s.unconditional_months, s.conditional_months, s.probation_months) == (20.0, 10.0, 24.0)
    assert s.community_service_hours == 240 and got.status == "automatisch"


def test_oost_brabant_bullets_with_the_condition_as_tail():
    got = sanction(
        "Straf:\n"
        "- Gevangenisstraf voor de duur van 18 maanden, met aftrek van voorarrest.\n"
        "- Bepaalt dat een gedeelte van de gevangenisstraf groot 6 maanden, niet ten uitvoer zal worden gelegd, onder "
        "de algemene voorwaarde dat veroordeelde zich voor het einde van een proeftijd van 2 jaren niet schuldig maakt "
        "aan een strafbaar feit.")
    s = got.sanction
    assert (s.unconditional_months, s.conditional_months, s.probation_months) == (12.0, 6.0, 24.0)


def test_suspended_part_in_a_bullet_of_its_own():
    got = sanction("veroordeelt verdachte tot:\n- een gevangenisstraf voor de duur van 9 maanden\n"
                   "- waarvan 3 maanden voorwaardelijk met een proeftijd van 2 jaar;")
    s = got.sanction
    assert (s.unconditional_months, s.conditional_months, s.probation_months) == (6.0, 3.0, 24.0)


def test_fine_as_payment_is_read_and_compensation_is_not():
    got = sanction(
        "veroordeelt verdachte tot betaling van een geldboete van € 500,00, bij gebreke van betaling en verhaal te "
        "vervangen door 10 dagen hechtenis;\n"
        "veroordeelt verdachte tot betaling aan de benadeelde partij [benadeelde] van € 1.250,00;")
    assert got.sanction.fine_euros == 500 and got.status == "automatisch"


def test_juvenile_taakstraf_and_pij():
    got = sanction(
        "veroordeelt verdachte tot een jeugddetentie voor de duur van 90 dagen;\n"
        "veroordeelt verdachte tot een taakstraf, bestaande uit een werkstraf, voor de duur van 60 uren;\n"
        "beveelt dat voor het geval verdachte de taakstraf niet naar behoren verricht, vervangende jeugddetentie zal "
        "worden toegepast van 30 dagen;\n"
        "legt op de maatregel van plaatsing in een inrichting voor jeugdigen;")
    s = got.sanction
    assert s.detention_kind == "jeugddetentie" and s.unconditional_months == pytest.approx(90 * DAY)
    assert s.community_service_hours == 60 and s.measures == ("pij",)


def test_a_missed_sanction_clause_is_flagged():
    got = sanction("veroordeelt verdachte tot een gevangenisstraf van 6 maanden;\n"
                   "verdachte krijgt daarnaast een gebiedsverbod voor [plaats];")
    assert got.status == "controleren" and "niet gelezen" in got.note


def test_demand_forms():
    def demand(text):
        return read_demand(make_doc("veroordeelt verdachte tot een gevangenisstraf van 1 maand;", vordering=text))

    got = demand("De officier van justitie heeft een gevangenisstraf van 3 jaar geëist.")
    assert got.sanction.unconditional_months == 36 and got.status == "automatisch"
    got = demand("De officier van justitie heeft gevorderd dat verdachte ter zake van het onder 1 en 2 ten laste "
                 "gelegde wordt veroordeeld tot een gevangenisstraf voor de duur van 24 maanden, waarvan 8 maanden "
                 "voorwaardelijk met een proeftijd van 2 jaren. Daarnaast heeft de officier van justitie een "
                 "contactverbod met [slachtoffer] gevorderd.")
    assert got.sanction.conditional_months == 8 and got.sanction.measures == ("contactverbod",)
    got = demand("De officier van justitie heeft gevorderd verdachte vrij te spreken.")
    assert got.value == "vrijspraak"
    # a demand per count: two demands, to check
    got = demand("De officier van justitie heeft ten aanzien van feit 1 gevorderd dat verdachte wordt veroordeeld tot "
                 "een gevangenisstraf van 12 maanden. Ten aanzien van feit 2 heeft de officier van justitie gevorderd "
                 "dat verdachte wordt veroordeeld tot een taakstraf van 100 uren.")
    assert got.status == "controleren" and "meer dan één" in got.note
    # the defence's plea in the same section is not the demand
    got = demand("De officier van justitie heeft gevorderd dat verdachte zal worden veroordeeld tot een "
                 "gevangenisstraf van 10 maanden. De raadsman heeft bepleit een taakstraf van 240 uren op te leggen.")
    assert got.sanction.unconditional_months == 10 and got.status == "automatisch"


def test_record_for_a_trafficking_charge():
    doc = make_doc(
        "veroordeelt verdachte tot een gevangenisstraf van 24 maanden;",
        vordering="De officier van justitie heeft gevorderd dat verdachte zal worden veroordeeld tot een "
                  "gevangenisstraf van 30 maanden.",
        tenlastelegging="hij in of omstreeks de periode van 1 januari 2017 tot en met 30 juni 2017 te Den Haag "
                        "[slachtoffer] , die de leeftijd van achttien jaren nog niet had bereikt, heeft geworven "
                        "met het oogmerk van uitbuiting in de prostitutie (art. 273f lid 1 sub 2 Sr);")
    coding = extract_document(doc)[0]
    assert coding.value("charges") == "mensenhandel (art. 273f Sr)"
    assert coding.value("verdict_trafficking") == "bewezen" and coding.value("verdict_other") == "niet van toepassing"
    assert coding.value("victim_minor") == "ja"
    assert coding.value("exploitation_forms") == "seksuele uitbuiting"
    assert coding.value("period_charged_months") == "6"
    assert coding.value("demand") == "gevangenisstraf van 30 maanden"


def test_acquittal_boilerplate_variants_are_not_acquittals():
    for wording in ("verklaart niet bewezen wat verdachte overigens is ten laste gelegd en spreekt hem daarvan vrij;",
                    "spreekt verdachte vrij van hetgeen meer of anders is tenlastegelegd;",
                    "verklaart niet bewezen wat aan verdachte voor het overige is ten laste gelegd en spreekt verdachte "
                    "daarvan vrij;"):
        got = read_decision(make_doc("verklaart bewezen dat verdachte het ten laste gelegde heeft begaan;\n" + wording
                                     + "\nveroordeelt verdachte tot een gevangenisstraf van 6 maanden;"))
        assert got.acquittal == "geen", wording
    got = read_decision(make_doc("verklaart niet bewezen dat verdachte het onder 2 ten laste gelegde heeft begaan en "
                                 "spreekt verdachte daarvan vrij;\nverklaart bewezen dat verdachte het onder 1 ten laste "
                                 "gelegde heeft begaan;\nveroordeelt verdachte tot een taakstraf van 80 uren;"))
    assert got.acquittal == "partieel" and got.sentence.sanction.community_service_hours == 80
    got = read_decision(make_doc("spreekt verdachte vrij van het hem ten laste gelegde."))
    assert got.acquittal == "volledig" and got.sentence.value == "vrijspraak"


def test_decision_without_a_recognised_section_is_read_but_flagged():
    text = ("Rechtbank X\nOverwegingen\nDe rechtbank acht een gevangenisstraf van 10 maanden passend.\n"
            "8. BESLISSING\nDe rechtbank:\nveroordeelt verdachte tot een gevangenisstraf van 6 maanden;\n")
    doc = Document("x.txt", "website", None, "Rechtbank Den Haag", dt.date(2019, 3, 1), None, (), (), (), text, ())
    got = read_decision(doc).sentence
    assert got.sanction.unconditional_months == 6 and got.status == "controleren"


LINES = [
    "De rechtbank:", "Strafoplegging", "Vordering tenuitvoerlegging", "Beslag", "-", "veroordeelt verdachte tot:",
    "veroordeelt verdachte tot een gevangenisstraf van 12 maanden;", "een werkstraf van 40 uren;",
    "bepaalt dat van deze gevangenisstraf een gedeelte, groot 4 maanden, niet ten uitvoer zal worden gelegd;",
    "stelt daarbij een proeftijd van 2 jaren vast;", "spreekt verdachte vrij van het onder 2 ten laste gelegde;",
    "verklaart bewezen dat verdachte het onder 1 ten laste gelegde heeft begaan;",
    "gelast de tenuitvoerlegging van de voorwaardelijke gevangenisstraf van 2 maanden;",
    "legt aan verdachte op de maatregel strekkende tot beperking van de vrijheid;",
    "beveelt dat verdachte zich onthoudt van contact met [slachtoffer];", "heft op het bevel tot voorlopige hechtenis.",
    "stelt als bijzondere voorwaarde dat verdachte zich meldt;", "ontslaat verdachte van alle rechtsvervolging;",
    "De officier van justitie heeft gevorderd:", "een gevangenisstraf van 20 maanden", "Daarnaast vordert zij een",
    "geldboete van € 1.000", "(", "verdachte", "tot", "; ", ". ", "waarvan 3 voorwaardelijk",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(LINES), max_size=14), st.lists(st.sampled_from(LINES), max_size=6))
def test_any_decision_text_gives_a_valid_record(beslissing, vordering):
    coding = extract_document(make_doc("\n".join(beslissing), vordering="\n".join(vordering)))[0]
    for e in coding.evidence:
        assert e.status in ("automatisch", "controleren", "niet gevonden")
        assert (e.value is None) == (e.status == "niet gevonden")
        if e.column in ("demand", "sentence") and e.status == "automatisch":
            assert parse_sanction(e.value).status != "unparsed"


def test_summary_that_names_another_term_is_a_reason_to_check():
    from dataclasses import replace

    doc = make_doc("veroordeelt verdachte tot een gevangenisstraf van 18 maanden;")
    agrees = replace(doc, summary="Veroordeling tot een gevangenisstraf van 18 maanden wegens mensenhandel.")
    assert read_decision(agrees).sentence.status == "automatisch"
    # the summary names a suspended part the beslissing clauses did not give: check
    missed = replace(doc, summary="Veroordeling tot een gevangenisstraf van 18 maanden, waarvan 6 voorwaardelijk.")
    assert read_decision(missed).sentence.status == "controleren"
    differs = replace(doc, summary="Veroordeling tot een gevangenisstraf van 24 maanden.")
    got = read_decision(differs).sentence
    assert got.status == "controleren" and "inhoudsindicatie" in got.note
    demand_only = replace(doc, summary="De officier van justitie eiste een gevangenisstraf van 30 maanden.")
    assert read_decision(demand_only).sentence.status == "automatisch"


def test_acquittal_of_one_count_and_discharge_of_the_other_is_coded_vrijspraak_to_check():
    # codebook 6.18: "vrijspraak" when acquitted of all charges "of alleen ontslag volgt"; the acquittal is partial
    got = read_decision(make_doc("spreekt verdachte vrij van het onder 1 ten laste gelegde;\n"
                                 "verklaart bewezen dat verdachte het onder 2 ten laste gelegde heeft begaan;\n"
                                 "verklaart het bewezene niet strafbaar en ontslaat verdachte van alle rechtsvervolging;"))
    assert (got.sentence.value, got.sentence.status, got.acquittal) == ("vrijspraak", "controleren", "partieel")
    assert "ontslag" in got.sentence.note
