"""The phrase parser on clauses as courts write them, beyond the forms of tests/test_phrases.py.

Where a clause is quoted from a real decision its ECLI is given (the dicta of tests/verdicts/labels/dicta_2021.yaml);
the other wordings are the courts' standard templates. Each test says what must be read and what must be marked.
"""

from __future__ import annotations

import pytest

from mhcases.phrases import parse_sanction

DAY = 12 / 365.25


def numbers(text: str) -> tuple:
    s = parse_sanction(text)
    assert s.status == "parsed", s.reason
    return (s.detention_kind, s.unconditional_months, s.conditional_months, s.probation_months,
            s.community_service_hours, s.fine_euros, s.measures)


@pytest.mark.parametrize("text, expected", [
    # ECLI:NL:RBROT:2021:9706 - who chooses the work is no part of the sentence
    ("veroordeelt de verdachte tot een taakstraf voor de duur van 200 (tweehonderd) uren, waarbij de Reclassering "
     "Nederland dient te bepalen uit welke werkzaamheden de taakstraf dient te bestaan",
     (None, None, None, None, 200.0, None, ())),
    # ECLI:NL:RBROT:2021:8751 - taakstraf, then a wholly suspended term with its probation in a clause of its own
    ("veroordeelt de verdachte tot een taakstraf voor de duur van 80 (tachtig) uren, waarbij Reclassering Nederland "
     "dient te bepalen uit welke werkzaamheden de taakstraf dient te bestaan; veroordeelt de verdachte tot een "
     "gevangenisstraf voor de duur van 1 (één) maand; bepaalt dat deze gevangenisstraf niet ten uitvoer zal worden "
     "gelegd, tenzij de rechter later anders mocht gelasten; verbindt hieraan een proeftijd, die wordt gesteld op 2 "
     "(twee) jaar", ("gevangenisstraf", None, 1.0, 24.0, 80.0, None, ())),
    # ECLI:NL:RBOVE:2021:4172 - the probation in the sentence that states the condition
    ("veroordeelt verdachte tot een gevangenisstraf voor de duur van 3 (drie) maanden; bepaalt dat deze "
     "gevangenisstraf in zijn geheel niet ten uitvoer zal worden gelegd, tenzij de rechter later anders mocht "
     "gelasten. De rechter kan de tenuitvoerlegging gelasten indien de verdachte voor het einde van de proeftijd van 3 "
     "(drie) jaren de navolgende voorwaarde niet is nagekomen", ("gevangenisstraf", None, 3.0, 36.0, None, None, ())),
    # ECLI:NL:RBOVE:2021:75 - a suspended part in days, the probation in the next sentence
    ("veroordeelt verdachte tot een gevangenisstraf voor de duur van 137 (honderdzevenendertig) dagen; bepaalt dat "
     "van deze gevangenisstraf een gedeelte van 120 (honderdtwintig) dagen niet ten uitvoer zal worden gelegd, tenzij "
     "de rechter later anders mocht gelasten. De rechter kan de tenuitvoerlegging gelasten indien verdachte voor het "
     "einde van de proeftijd van 3 (drie) jaren de navolgende voorwaarde niet is nagekomen",
     ("gevangenisstraf", 17 * DAY, 120 * DAY, 36.0, None, None, ())),
    # ECLI:NL:RBLIM:2021:5488 - a heading word run into the clause
    ("Straf veroordeelt de verdachte voor de feiten 2, 3, 5 en 6 in de zaak 03/702623-15 en feit 1 in de zaak "
     "03/702645-17 tot een gevangenisstraf van 36 maanden", ("gevangenisstraf", 36.0, None, None, None, None, ())),
    ("straf - veroordeelt verdachte tot een gevangenisstraf voor de duur van 12 (twaalf) maanden",
     ("gevangenisstraf", 12.0, None, None, None, None, ())),
    # the verb split around its object (ECLI:NL:RBROT:2021:1932 writes "legt de verdachte een taakstraf op, ...")
    ("legt de verdachte een taakstraf op, bestaande uit een werkstraf voor de duur van tachtig (80) uur",
     (None, None, None, None, 80.0, None, ())),
    ("veroordeelt verdachte tot een gevangenisstraf voor de duur van 12 maanden; legt aan verdachte een "
     "vrijheidsbeperkende maatregel op, te weten een contactverbod met [slachtoffer 1] voor de duur van 5 jaren, met "
     "bevel dat vervangende hechtenis zal worden toegepast voor de duur van 1 week voor iedere keer dat verdachte de "
     "maatregel niet naleeft", ("gevangenisstraf", 12.0, None, None, None, None, ("contactverbod",))),
    # probation clauses of other templates
    ("veroordeelt verdachte tot een gevangenisstraf voor de duur van 18 (achttien) maanden. Bepaalt dat een gedeelte "
     "van de gevangenisstraf groot 6 (zes) maanden niet zal worden tenuitvoergelegd. De proeftijd wordt vastgesteld op "
     "2 (twee) jaren", ("gevangenisstraf", 12.0, 6.0, 24.0, None, None, ())),
    ("veroordeelt verdachte tot een gevangenisstraf voor de duur van 18 (achttien) maanden. Beveelt dat van deze "
     "gevangenisstraf een gedeelte van 6 (zes) maanden niet ten uitvoer zal worden gelegd, tenzij de rechter later "
     "anders gelast. Stelt als proeftijd vast een periode van 2 (twee) jaren",
     ("gevangenisstraf", 12.0, 6.0, 24.0, None, None, ())),
    # a wholly suspended term whose suspension is said again in a clause of its own
    ("veroordeelt verdachte tot een voorwaardelijke gevangenisstraf van 2 maanden. Bepaalt dat deze straf niet ten "
     "uitvoer zal worden gelegd, tenzij de rechter later anders gelast. Stelt daarbij een proeftijd vast van 2 jaren",
     ("gevangenisstraf", None, 2.0, 24.0, None, None, ())),
    # substitute detention after the hours, in either order: not a sentence
    ("veroordeelt verdachte tot een taakstraf voor de duur van 240 (tweehonderdveertig) uren, te vervangen door "
     "hechtenis voor de duur van 120 (honderdtwintig) dagen indien de taakstraf niet naar behoren wordt verricht",
     (None, None, None, None, 240.0, None, ())),
    # a leerstraf is a taakstraf (art. 22c Sr)
    ("veroordeelt verdachte tot een leerstraf van 40 uren", (None, None, None, None, 40.0, None, ())),
    # tbs variants
    ("legt aan verdachte op de maatregel van terbeschikkingstelling, met verpleging van overheidswege",
     (None, None, None, None, None, None, ("tbs",))),
    ("gelast dat verdachte, voor de feiten 1 en 2, ter beschikking wordt gesteld en beveelt dat de ter beschikking "
     "gestelde van overheidswege zal worden verpleegd", (None, None, None, None, None, None, ("tbs",))),
    # clauses that are no sentence, next to one
    ("veroordeelt verdachte tot een gevangenisstraf voor de duur van 12 (twaalf) maanden. Beveelt de onmiddellijke "
     "invrijheidstelling van verdachte", ("gevangenisstraf", 12.0, None, None, None, None, ())),
    # ECLI:NL:RBROT:2021:9706 - payment to the injured party and the costs
    ("veroordeelt de verdachte tot een taakstraf voor de duur van 200 (tweehonderd) uren; veroordeelt de verdachte, om "
     "tegen behoorlijk bewijs van kwijting aan de benadeelde partij [naam benadeelde 3], te betalen een bedrag van "
     "€ 48.498,45; veroordeelt de verdachte in de proceskosten door de benadeelde partij gemaakt, tot op heden aan de "
     "zijde van de benadeelde partij begroot op nihil", (None, None, None, None, 200.0, None, ())),
])
def test_court_wording_is_read(text, expected):
    got = numbers(text)
    assert got[0] == expected[0] and got[4:] == expected[4:]
    for a, b in zip(got[1:4], expected[1:4]):
        assert (a is None and b is None) or (a is not None and b is not None and abs(a - b) < 1e-9), (got, expected)


@pytest.mark.parametrize("text, reason", [
    # ECLI:NL:RBAMS:2021:7026 - a suspended part of a taakstraf: marked, never dropped
    ("Veroordeelt verdachte tot een taakstraf van 40 (veertig) uren; Beveelt dat een gedeelte, groot 20 (twintig) uren,"
     " van deze taakstraf niet ten uitvoer zal worden gelegd, tenzij later anders wordt gelast; Stelt daarbij een "
     "proeftijd van 2 (twee) jaren vast", "voorwaardelijk deel van een taakstraf"),
    # ECLI:NL:RBROT:2021:4354
    ("veroordeelt de verdachte tot een taakstraf voor de duur van 150 (honderdvijftig) uren; bepaalt dat van deze "
     "taakstraf een gedeelte, groot 50 (vijftig) uren, niet ten uitvoer zal worden gelegd, tenzij de rechter later "
     "anders mocht gelasten; verbindt hieraan een proeftijd, die wordt gesteld op twee jaar",
     "voorwaardelijk deel van een taakstraf"),
    # ECLI:NL:RBROT:2021:1932 - a wholly suspended taakstraf
    ("veroordeelt de verdachte tot een jeugddetentie voor de duur van twee (2) dagen; legt de verdachte een taakstraf "
     "op, bestaande uit een werkstraf voor de duur van tachtig (80) uur; bepaalt dat deze taakstraf niet ten uitvoer "
     "zal worden gelegd, tenzij de rechter later anders mocht gelasten; verbindt hieraan een proeftijd, die wordt "
     "vastgesteld op twee jaren", "voorwaardelijke taakstraf"),
    # ECLI:NL:RBROT:2021:8814 - two kinds of detention
    ("veroordeelt de verdachte tot een gevangenisstraf voor de duur van 3 (drie) maanden; veroordeelt de verdachte "
     "voor het onder 4 bewezenverklaarde feit tot een hechtenis voor de duur van 2 (twee) weken",
     "verschillende soorten vrijheidsstraf"),
    # ECLI:NL:RBROT:2021:7766 - a driving ban is not in the codebook's forms
    ("ontzegt de verdachte de bevoegdheid motorrijtuigen te besturen voor de tijd van 6 (zes) maanden; veroordeelt de "
     "verdachte tot een taakstraf voor de duur van 90 (negentig) uren", "niet herkend"),
    # a suspension repeated with another length is a contradiction
    ("veroordeelt verdachte tot een voorwaardelijke gevangenisstraf van 2 maanden. Bepaalt dat de gevangenisstraf van "
     "3 maanden niet ten uitvoer zal worden gelegd", "voorwaardelijk"),
])
def test_what_the_forms_cannot_hold_is_marked(text, reason):
    s = parse_sanction(text)
    assert s.status == "unparsed" and reason in s.reason, s


@pytest.mark.parametrize("text, status", [
    # ECLI:NL:RBOVE:2021:1784
    ("verklaart het bewezen verklaarde niet strafbaar en ontslaat verdachte van alle rechtsvervolging daarvan",
     "discharge"),
    ("verklaart de verdachte voor het bewezen verklaarde niet strafbaar en ontslaat de verdachte ten aanzien daarvan "
     "van alle rechtsvervolging", "discharge"),
    ("spreekt verdachte vrij van het hem onder 1 en 2 tenlastegelegde", "acquittal"),
])
def test_decision_status(text, status):
    assert parse_sanction(text).status == status
