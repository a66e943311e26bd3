"""Special conditions of a suspended sentence in clauses of their own: a contact or area ban among them counts as the
maatregel (codebook 8.2) by the parser's rule (`mhcases.phrases.add_condition_bans`), only with a suspended part and
never among the conditions of a tbs."""

from __future__ import annotations

import datetime as dt

from mhcases.verdicts.extract import read_decision
from mhcases.verdicts.model import Document, Section


def sentence_of(beslissing: str):
    title = "Beslissing"
    text = title + "\n" + beslissing + "\n"
    section = Section("beslissing", title, beslissing, len(title) + 1)
    doc = Document("test.txt", "website", None, "Rechtbank Gelderland", dt.date(2019, 5, 2), None, ("Strafrecht",), (),
                   ("05/765432-18",), text, (section,))
    return read_decision(doc).sentence


CONDITIONS = ("stelt als bijzondere voorwaarden dat de veroordeelde:\n"
              "- zich meldt bij de reclassering;\n"
              "- op geen enkele wijze contact zoekt met [slachtoffer 2];\n"
              "- zich niet ophoudt in de straat [adres].")


def test_bans_in_condition_clauses_of_a_suspended_part_count_as_measures():
    got = sentence_of("veroordeelt verdachte tot een gevangenisstraf van 20 maanden;\n"
                      "bepaalt dat van deze gevangenisstraf een gedeelte, groot 8 maanden, niet ten uitvoer zal worden "
                      "gelegd, onder de algemene voorwaarde dat de veroordeelde zich voor het einde van de proeftijd van "
                      "3 jaren niet schuldig maakt aan een strafbaar feit;\n" + CONDITIONS)
    assert got.sanction.measures == ("contactverbod", "gebiedsverbod")
    assert (got.sanction.unconditional_months, got.sanction.conditional_months) == (12.0, 8.0)
    assert got.status == "automatisch" and "contactverbod" in got.value
    assert any("contact zoekt" in c.text for c in got.clauses)  # the condition is quoted as evidence


def test_bans_in_condition_clauses_without_a_suspended_part_are_marked():
    got = sentence_of("veroordeelt verdachte tot een gevangenisstraf van 20 maanden;\n" + CONDITIONS)
    assert got.status == "controleren"
    assert "zonder voorwaardelijk deel" in got.note
    assert got.sanction.measures == ()  # not counted: the sentence as read, to check


def test_conditions_of_a_tbs_are_not_bans_of_their_own():
    got = sentence_of("gelast dat de verdachte ter beschikking wordt gesteld en stelt daarbij de volgende voorwaarden:\n"
                      "- de terbeschikkinggestelde zal op geen enkele wijze contact opnemen met [slachtoffer 1].")
    assert "contactverbod" not in (got.sanction.measures if got.sanction else ())


def test_a_condition_that_names_its_ban_in_brackets_is_still_a_condition():
    # the condition ends with the name of the ban it states; that name is not another sanction
    got = sentence_of("veroordeelt verdachte tot een gevangenisstraf van 10 maanden;\n"
                      "bepaalt dat 4 maanden van deze gevangenisstraf niet ten uitvoer zullen worden gelegd, tenzij de "
                      "rechter later anders gelast;\n"
                      "stelt daarbij een proeftijd vast van 2 jaren;\n"
                      "stelt als bijzondere voorwaarden dat de veroordeelde:\n"
                      "- zich gedurende de proeftijd niet zal begeven in de gemeente [plaats] (locatieverbod);\n"
                      "- geen enkel contact zal zoeken met de aangever (contactverbod).")
    assert got.sanction.measures == ("contactverbod", "gebiedsverbod")
    assert got.status == "automatisch"


def test_a_condition_clause_that_names_another_sanction_is_not_read_as_a_ban():
    got = sentence_of("veroordeelt verdachte tot een gevangenisstraf van 10 maanden, waarvan 4 maanden voorwaardelijk, "
                      "met een proeftijd van 2 jaren;\n"
                      "stelt als bijzondere voorwaarde dat de veroordeelde zich meldt bij de reclassering;\n"
                      "- een taakstraf van 60 uren en geen contact met de aangever.")
    assert "contactverbod" not in got.sanction.measures


def test_the_statement_that_a_tbs_is_for_an_offence_against_the_body_is_no_sentence_of_its_own():
    got = sentence_of("veroordeelt verdachte tot een gevangenisstraf van 4 jaren;\n"
                      "gelast dat verdachte ter beschikking wordt gesteld en beveelt dat hij van overheidswege zal worden "
                      "verpleegd;\n"
                      "stelt vast dat de maatregel van terbeschikkingstelling is opgelegd ter zake van een misdrijf dat "
                      "gericht is tegen de onaantastbaarheid van het lichaam van een persoon.")
    assert got.sanction.measures == ("tbs",) and got.sanction.unconditional_months == 48
    assert got.status == "automatisch"


def test_a_list_introduced_by_conditions_the_offender_has_not_kept_is_read_as_the_conditions():
    # the clause ends "... niet aan de volgende voorwaarden heeft gehouden:", the conditions follow as numbered items
    got = sentence_of("veroordeelt verdachte tot een gevangenisstraf voor de duur van 15 maanden;\n"
                      "bepaalt dat een gedeelte van deze gevangenisstraf, groot 5 maanden, niet zal worden "
                      "tenuitvoergelegd, tenzij de rechter later anders gelast omdat de veroordeelde zich voor het einde "
                      "van de proeftijd van 3 jaren niet aan de volgende voorwaarden heeft gehouden:\n"
                      "1. de veroordeelde pleegt geen strafbaar feit;\n"
                      "2. de veroordeelde zal zich gedurende de proeftijd niet bevinden in de wijk [wijk] te [plaats];\n"
                      "beveelt dat de tijd in voorarrest doorgebracht in mindering wordt gebracht.")
    assert got.sanction.measures == ("gebiedsverbod",)
    assert (got.sanction.unconditional_months, got.sanction.conditional_months) == (10.0, 5.0)
    assert got.status == "automatisch" and "gebiedsverbod" in got.value


def test_a_ban_in_words_after_the_sentence_outside_a_known_list_of_conditions_is_marked():
    # the reader does not know this introduction of the conditions: the ban it cannot place is not dropped silently
    got = sentence_of("veroordeelt verdachte tot een gevangenisstraf van 9 maanden;\n"
                      "bepaalt dat 3 maanden daarvan niet ten uitvoer worden gelegd met een proeftijd van 2 jaren, "
                      "met inachtneming van het volgende:\n"
                      "- de veroordeelde zal geen contact hebben met [benadeelde];\n"
                      "beveelt dat het voorarrest in mindering wordt gebracht.")
    assert got.status == "controleren"
    assert "geen contact" in got.note


def test_a_list_introduced_by_conditions_not_complied_with_is_read_as_the_conditions():
    # other words between "voorwaarden" and the colon that opens the list
    got = sentence_of("veroordeelt verdachte tot een gevangenisstraf van 8 maanden;\n"
                      "bepaalt dat 2 maanden van deze gevangenisstraf niet ten uitvoer zullen worden gelegd, tenzij de "
                      "rechter later anders gelast omdat de veroordeelde voor het einde van de proeftijd van 2 jaren de "
                      "navolgende bijzondere voorwaarden niet heeft nageleefd:\n"
                      "- de veroordeelde neemt op geen enkele wijze contact op met [getuige];\n"
                      "beveelt dat het voorarrest in mindering wordt gebracht.")
    assert got.sanction.measures == ("contactverbod",)
    assert got.status == "automatisch"
