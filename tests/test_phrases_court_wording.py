"""The phrase parser on the standard wording of Dutch criminal decisions and of the demand as verdicts report it.

The wordings are the courts' templates (written for these tests, no document quoted); each case says what must be
read, and the second group what must be marked "unparsed" rather than read as something simpler.
"""

from __future__ import annotations

import pytest

from mhcases.phrases import ban_codes, parse_sanction

DAY = 12 / 365.25


def got(text: str) -> tuple:
    s = parse_sanction(text)
    assert s.status == "parsed", s.reason
    return (s.detention_kind, s.unconditional_months, s.conditional_months, s.probation_months,
            s.community_service_hours, s.fine_euros, s.measures)


def same(a: tuple, b: tuple) -> bool:
    return a[0] == b[0] and a[4:] == b[4:] and all(
        (x is None and y is None) or (x is not None and y is not None and abs(x - y) < 1e-9) for x, y in zip(a[1:4], b[1:4]))


G = "gevangenisstraf"


@pytest.mark.parametrize("text, expected", [
    # contact and area bans among the special conditions are measures (codebook 8.2, art. 14c lid 2 onder 5 en 6 Sr)
    ("gevangenisstraf van 30 maanden, waarvan 10 maanden voorwaardelijk met een proeftijd van 2 jaren, met als "
     "bijzondere voorwaarden een meldplicht bij de reclassering en een contactverbod met [slachtoffer]",
     (G, 20.0, 10.0, 24.0, None, None, ("contactverbod",))),
    ("veroordeelt verdachte tot een gevangenisstraf van 12 maanden, waarvan 4 maanden voorwaardelijk met een proeftijd "
     "van 2 jaren, met als bijzondere voorwaarde dat veroordeelde zich gedurende de proeftijd niet zal ophouden in de "
     "wijk [wijk]", (G, 8.0, 4.0, 24.0, None, None, ("gebiedsverbod",))),
    ("veroordeelt verdachte tot een gevangenisstraf van 12 maanden; bepaalt dat een gedeelte, groot 4 maanden, niet "
     "ten uitvoer zal worden gelegd, tenzij de rechter later anders gelast omdat veroordeelde zich niet heeft gehouden "
     "aan de navolgende voorwaarden: - veroordeelde zal zich niet schuldig maken aan een strafbaar feit; - veroordeelde "
     "zal op geen enkele wijze contact opnemen met [slachtoffer]; stelt daarbij een proeftijd vast van 2 jaren",
     (G, 8.0, 4.0, 24.0, None, None, ("contactverbod",))),
    # a meldplicht or treatment is no measure; the conditions of a tbs are the tbs's own
    ("voorwaardelijke gevangenisstraf van 6 maanden met een proeftijd van 2 jaren en met als bijzondere voorwaarde een "
     "meldplicht bij de reclassering", (G, None, 6.0, 24.0, None, None, ())),
    ("gelast dat verdachte ter beschikking wordt gesteld; stelt daarbij de volgende voorwaarden betreffende het gedrag "
     "van de terbeschikkinggestelde: de terbeschikkinggestelde zal op geen enkele wijze contact opnemen met "
     "[slachtoffer]", (None, None, None, None, None, None, ("tbs",))),
    # the demand as the verdict reports it
    ("De officier van justitie heeft gevorderd dat verdachte voor het onder 1 en 2 ten laste gelegde wordt veroordeeld "
     "tot een gevangenisstraf voor de duur van 36 maanden, met aftrek van voorarrest.", (G, 36.0, None, None, None, None, ())),
    ("De officier van justitie eist tegen verdachte een gevangenisstraf van 4 jaren.", (G, 48.0, None, None, None, None, ())),
    ("De officier van justitie heeft ter terechtzitting gerequireerd tot veroordeling van verdachte tot een "
     "gevangenisstraf van 20 maanden.", (G, 20.0, None, None, None, None, ())),
    ("De vordering van de officier van justitie strekt tot veroordeling van verdachte tot een taakstraf van 120 uren.",
     (None, None, None, None, 120.0, None, ())),
    ("De officier van justitie heeft gevorderd dat verdachte wordt veroordeeld tot een gevangenisstraf van 3 jaren en "
     "dat aan verdachte de maatregel van terbeschikkingstelling met verpleging van overheidswege wordt opgelegd.",
     (G, 36.0, None, None, None, None, ("tbs",))),
    ("De officier van justitie heeft gevorderd dat verdachte wordt vrijgesproken van het onder 1 ten laste gelegde en "
     "dat verdachte voor het onder 2 ten laste gelegde wordt veroordeeld tot een gevangenisstraf van 6 maanden.",
     (G, 6.0, None, None, None, None, ())),
    ("De officier van justitie heeft gevorderd dat verdachte wordt veroordeeld tot een gevangenisstraf van 24 maanden, "
     "waarvan 18 maanden onvoorwaardelijk en 6 maanden voorwaardelijk met een proeftijd van 3 jaren.",
     (G, 18.0, 6.0, 36.0, None, None, ())),
    ("De officier van justitie heeft gevorderd dat verdachte wordt veroordeeld tot een gevangenisstraf van 3 jaren, met "
     "aftrek van voorarrest, en dat de in beslag genomen auto wordt verbeurd verklaard.", (G, 36.0, None, None, None, None, ())),
    ("De officier van justitie heeft, op de gronden vermeld in haar schriftelijk requisitoir, gevorderd dat verdachte "
     "wordt veroordeeld tot een gevangenisstraf van 3 jaren.", (G, 36.0, None, None, None, None, ())),
    ("Het openbaar ministerie heeft ter terechtzitting van 1 maart 2019 gevorderd dat de rechtbank verdachte "
     "veroordeelt tot een gevangenisstraf van 9 maanden.", (G, 9.0, None, None, None, None, ())),
    ("De officier van justitie heeft bij requisitoir gevorderd verdachte ter zake van het onder 1 en 2 ten laste "
     "gelegde te veroordelen tot een gevangenisstraf van 2 jaren en tot oplegging van de maatregel van "
     "terbeschikkingstelling met bevel tot verpleging van overheidswege.", (G, 24.0, None, None, None, None, ("tbs",))),
    ("De officier van justitie heeft gevorderd dat aan verdachte de maatregel van terbeschikkingstelling met bevel tot "
     "verpleging van overheidswege wordt opgelegd, naast een gevangenisstraf van 4 jaren.",
     (G, 48.0, None, None, None, None, ("tbs",))),
    ("De officier van justitie heeft gevorderd dat verdachte wordt veroordeeld tot een gevangenisstraf van 36 maanden "
     "met aftrek van voorarrest, en dat de vordering van de benadeelde partij wordt toegewezen.",
     (G, 36.0, None, None, None, None, ())),
    ("een gevangenisstraf van 30 maanden; oplegging van een contactverbod met aangeefster als vrijheidsbeperkende "
     "maatregel, voor de duur van 5 jaren", (G, 30.0, None, None, None, None, ("contactverbod",))),
    # art. 38v in words, with its substitute detention and immediate effect in clauses of their own
    ("veroordeelt verdachte tot een gevangenisstraf van 2 jaren. Legt aan verdachte de maatregel op, strekkende tot "
     "beperking van de vrijheid, inhoudende dat verdachte gedurende 5 jaren op geen enkele wijze contact zal zoeken met "
     "[slachtoffer]. Beveelt dat vervangende hechtenis zal worden toegepast voor het geval niet aan de maatregel wordt "
     "voldaan. De duur van de vervangende hechtenis bedraagt 1 week voor iedere keer dat niet aan de maatregel wordt "
     "voldaan. Beveelt dat deze maatregel dadelijk uitvoerbaar is.", (G, 24.0, None, None, None, None, ("contactverbod",))),
    ("legt op de maatregel ter beperking van de vrijheid als bedoeld in artikel 38v van het Wetboek van Strafrecht, "
     "inhoudende dat verdachte zich gedurende 3 jaren niet zal ophouden in de gemeente [plaats]",
     (None, None, None, None, None, None, ("gebiedsverbod",))),
    # run-in headings, proof and punishability clauses of a dictum
    ("De rechtbank: - verklaart bewezen dat verdachte het ten laste gelegde heeft begaan; - verklaart verdachte "
     "strafbaar; - veroordeelt verdachte tot een gevangenisstraf van 2 jaar en 6 maanden",
     (G, 30.0, None, None, None, None, ())),
    ("Straf - veroordeelt verdachte tot een gevangenisstraf van 9 maanden; Beslag verklaart verbeurd een telefoon",
     (G, 9.0, None, None, None, None, ())),
    # other clauses that state no sentence
    ("veroordeelt verdachte tot een gevangenisstraf van 9 maanden. Wijst af het verzoek tot schorsing van de "
     "voorlopige hechtenis.", (G, 9.0, None, None, None, None, ())),
    ("veroordeelt verdachte tot een gevangenisstraf van 9 maanden. Verklaart onttrokken aan het verkeer: een mes. "
     "Bepaalt dat gijzeling voor de duur van 20 dagen kan worden toegepast.", (G, 9.0, None, None, None, None, ())),
    ("veroordeelt verdachte tot een taakstraf van 90 uren. Beveelt dat vervangende hechtenis zal worden toegepast voor "
     "het geval dat de veroordeelde de taakstraf niet naar behoren verricht. De duur van deze vervangende hechtenis "
     "bedraagt 45 dagen.", (None, None, None, None, 90.0, None, ())),
    ("veroordeelt verdachte tot een werkstraf, bestaande uit het verrichten van onbetaalde arbeid ten algemenen nutte, "
     "voor de duur van 150 uren, subsidiair 75 dagen hechtenis", (None, None, None, None, 150.0, None, ())),
    ("veroordeelt verdachte tot een geldboete van € 2.500,00 (tweeduizend vijfhonderd euro), bij niet betaling en niet "
     "verhaal te vervangen door 35 dagen hechtenis", (None, None, None, None, None, 2500.0, ())),
    ("veroordeelt verdachte tot een jeugddetentie gelijk aan de duur van het door hem ondergane voorarrest",
     ("jeugddetentie", None, None, None, None, None, ())),
    ("Veroordeeld verdachte tot een gevangenisstraf van 14 maanden met aftrek van het voorarest",
     (G, 14.0, None, None, None, None, ())),
    ("gelast dat verdachte ter beschikking wordt gesteld met verpleging van overheidswege",
     (None, None, None, None, None, None, ("tbs",))),
    # the verb split around its object
    ("veroordeelt verdachte tot jeugddetentie voor de duur van 6 maanden. Legt verdachte de maatregel op van plaatsing "
     "in een inrichting voor jeugdigen.", ("jeugddetentie", 6.0, None, None, None, None, ("pij",))),
    ("legt aan verdachte een vrijheidsbeperkende maatregel op, te weten een contactverbod met [slachtoffer 1] en "
     "[slachtoffer 2] en een gebiedsverbod voor de gemeente [plaats], beide voor de duur van 5 jaren",
     (None, None, None, None, None, None, ("contactverbod", "gebiedsverbod"))),
    # probation clauses of other templates
    ("veroordeelt verdachte tot een gevangenisstraf van 18 maanden. Bepaalt dat een gedeelte van de gevangenisstraf "
     "groot 6 maanden niet zal worden tenuitvoergelegd. De proeftijd wordt vastgesteld op 2 jaren",
     (G, 12.0, 6.0, 24.0, None, None, ())),
    ("veroordeelt verdachte tot een gevangenisstraf van 18 maanden. Beveelt dat van deze gevangenisstraf een gedeelte "
     "van 6 maanden niet ten uitvoer zal worden gelegd. Stelt als proeftijd vast een periode van 2 jaren",
     (G, 12.0, 6.0, 24.0, None, None, ())),
    # a wholly suspended term whose suspension is said again in a clause of its own
    ("veroordeelt verdachte tot een voorwaardelijke gevangenisstraf van 2 maanden. Bepaalt dat deze straf niet ten "
     "uitvoer zal worden gelegd, tenzij de rechter later anders gelast. Stelt daarbij een proeftijd vast van 2 jaren",
     (G, None, 2.0, 24.0, None, None, ())),
    # substitute detention after the hours; a leerstraf is a taakstraf (art. 22c Sr)
    ("veroordeelt verdachte tot een taakstraf van 240 uren, te vervangen door hechtenis voor de duur van 120 dagen "
     "indien de taakstraf niet naar behoren wordt verricht", (None, None, None, None, 240.0, None, ())),
    ("veroordeelt verdachte tot een leerstraf van 40 uren", (None, None, None, None, 40.0, None, ())),
    # measures
    ("veroordeelt verdachte tot een gevangenisstraf van 12 maanden; legt aan verdachte een vrijheidsbeperkende "
     "maatregel op, te weten een contactverbod met [slachtoffer] voor de duur van 5 jaren, met bevel dat vervangende "
     "hechtenis zal worden toegepast voor de duur van 1 week voor iedere keer dat verdachte de maatregel niet naleeft",
     (G, 12.0, None, None, None, None, ("contactverbod",))),
    ("legt aan verdachte op de maatregel ter beveiliging van de maatschappij strekkende tot beperking van de vrijheid, "
     "inhoudende een contactverbod", (None, None, None, None, None, None, ("contactverbod",))),
    ("legt aan verdachte op de maatregel van terbeschikkingstelling, met verpleging van overheidswege",
     (None, None, None, None, None, None, ("tbs",))),
    ("gelast dat verdachte, voor de feiten 1 en 2, ter beschikking wordt gesteld en beveelt dat de ter beschikking "
     "gestelde van overheidswege zal worden verpleegd", (None, None, None, None, None, None, ("tbs",))),
    ("veroordeelt verdachte tot een gevangenisstraf van 12 maanden. Beveelt de onmiddellijke invrijheidstelling van "
     "verdachte.", (G, 12.0, None, None, None, None, ())),
    # a leading list number, a deduction with its article, a taakstraf without "van"
    ("1. veroordeelt verdachte tot een gevangenisstraf van 6 maanden", (G, 6.0, None, None, None, None, ())),
    ("veroordeelt verdachte tot een gevangenisstraf van 12 maanden, met aftrek van het voorarrest (artikel 27 Sr)",
     (G, 12.0, None, None, None, None, ())),
    ("taakstraf 120 uur", (None, None, None, None, 120.0, None, ())),
    # substitute detention of a taakstraf as an order, with a wholly suspended term before it
    ("veroordeelt verdachte tot een gevangenisstraf van 8 maanden. Bepaalt dat deze gevangenisstraf niet ten uitvoer "
     "zal worden gelegd, tenzij de rechter later anders gelast. Stelt daarbij een proeftijd van 3 jaren vast. "
     "Veroordeelt verdachte tot een taakstraf van 240 uren, met bevel dat vervangende hechtenis zal worden toegepast "
     "voor de duur van 120 dagen.", (G, None, 8.0, 36.0, 240.0, None, ())),
])
def test_court_and_demand_wording_is_read(text, expected):
    assert same(got(text), expected), got(text)


@pytest.mark.parametrize("text, status", [
    ("De officier van justitie heeft gevorderd dat verdachte zal worden vrijgesproken van het hem ten laste gelegde.",
     "acquittal"),
    ("De officier van justitie acht het ten laste gelegde niet bewezen en heeft gevorderd dat verdachte daarvan wordt "
     "vrijgesproken.", "acquittal"),
    ("De officier van justitie heeft gevorderd verdachte te ontslaan van alle rechtsvervolging.", "discharge"),
    ("De officier van justitie heeft vrijspraak gevorderd.", "acquittal"),
    ("verklaart het onder 2 bewezenverklaarde niet strafbaar en ontslaat verdachte van alle rechtsvervolging",
     "discharge"),
    ("De officier van justitie heeft ter terechtzitting ontslag van alle rechtsvervolging gevorderd.", "discharge"),
])
def test_demands_of_acquittal_and_discharge(text, status):
    assert parse_sanction(text).status == status


@pytest.mark.parametrize("text, reason", [
    # a ban as a condition where nothing is suspended
    ("gevangenisstraf van 12 maanden, met als bijzondere voorwaarde een contactverbod met [slachtoffer]",
     "zonder voorwaardelijk deel"),
    # the parts of "waarvan ... onvoorwaardelijk en ... voorwaardelijk" must add up to the term
    ("gevangenisstraf van 24 maanden, waarvan 16 maanden onvoorwaardelijk en 6 maanden voorwaardelijk",
     "tellen niet op"),
    # a ban among the conditions of a suspension of pre-trial detention is not the sentence's
    ("veroordeelt verdachte tot een gevangenisstraf van 12 maanden, waarvan 6 maanden voorwaardelijk met een proeftijd "
     "van 2 jaren; schorst de voorlopige hechtenis; verdachte zal geen contact opnemen met [slachtoffer]",
     "na een beslissing over voorlopige hechtenis"),
    # a partial acquittal demanded alone is no sentencing demand
    ("De officier van justitie heeft gevorderd dat verdachte wordt vrijgesproken van het onder 1 ten laste gelegde.",
     "geen strafoplegging"),
    # a werkstraf and a leerstraf side by side: one taakstraf of two parts, which the forms cannot hold as read
    ("veroordeelt verdachte tot een werkstraf van 40 uren en een leerstraf van 20 uren", "meer dan één taakstraf"),
    # a sanction inside the demand's introduction is never dropped: the sentence is marked instead
    ("De officier van justitie heeft een geldboete van € 500 geëist en heeft gevorderd dat verdachte wordt veroordeeld "
     "tot een taakstraf van 40 uren", "niet herkend"),
    # a demand per count cannot be written as one sentence
    ("De officier van justitie heeft gevorderd dat verdachte ter zake van feit 1 wordt veroordeeld tot een "
     "gevangenisstraf van 12 maanden en ter zake van feit 2 tot een gevangenisstraf van 6 maanden", ""),
])
def test_what_cannot_be_read_is_marked(text, reason):
    s = parse_sanction(text)
    assert s.status == "unparsed" and reason in s.reason, s


def test_ban_codes():
    assert ban_codes("zal op geen enkele wijze contact opnemen met [slachtoffer]") == ("contactverbod",)
    assert ban_codes("zich niet zal begeven in de gemeente [plaats]") == ("gebiedsverbod",)
    assert ban_codes("meldt zich bij de reclassering") == ()
    assert ban_codes("werkt mee aan plaatsing en verblijf in een instelling voor begeleid wonen") == ()


@pytest.mark.parametrize("closing", [
    "en stelt daarbij een proeftijd vast van drie jaren",
    "en stelt hierbij de proeftijd vast op 3 jaar",
])
def test_probation_set_at_the_end_of_the_suspension_condition(closing):
    # the probation closes the "tenzij ..." condition of the suspended part; it must not be lost
    text = ("veroordeelt verdachte tot een gevangenisstraf van 10 maanden; bepaalt dat van deze gevangenisstraf een "
            "gedeelte, groot 4 maanden, niet ten uitvoer zal worden gelegd, tenzij de rechter op een later tijdstip "
            "anders gelast omdat verdachte zich niet aan de voorwaarden heeft gehouden, " + closing)
    assert got(text)[1:4] == (6.0, 4.0, 36.0)
