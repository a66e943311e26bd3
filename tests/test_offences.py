import pytest

from mhcases.offences import combination_label, parse_charges


@pytest.mark.parametrize("text, label", [
    ("mensenhandel (art. 273f Sr)", "enkel mensenhandel (art. 273f Sr)"),
    ("mensenhandel (art. 273f Sr) en witwassen (art. 420bis Sr)", "i.c.m. witwassen (art. 420bis e.v. Sr)"),
    ("mensenhandel (273f Sr), witwassen (art. 420quater Sr) en deelneming aan een criminele organisatie (art. 140 Sr)",
     "i.c.m. deelneming criminele organisatie (art. 140 Sr) en witwassen (art. 420bis e.v. Sr)"),
    ("mensenhandel (art. 273f lid 1 Sr), ontucht (art. 247 Sr) en kinderporno (artikel 240b Sr)",
     "i.c.m. kinderporno (art. 240b Sr) en zeden (art. 239 e.v. Sr)"),
    ("mensenhandel (art. 273f Sr) en valsheid in geschrifte (art. 225 Sr)", "i.c.m. valsheid in geschrifte (art. 225 Sr)"),
    ("mensenhandel (art. 273f Sr) en vrijheidsberoving (art. 282 Sr)",
     "i.c.m. wederrechtelijke vrijheidsberoving (art. 282 Sr)"),
    ("mensenhandel (art. 273f Sr) en betaalde seks met een minderjarige (art. 248b Sr)",
     "i.c.m. seks met minderjarige tegen betaling (art. 248b Sr)"),
])
def test_table_1_category_from_articles(text, label):
    assert combination_label(parse_charges(text).groups) == label


def test_unknown_article_gets_its_own_group_and_is_reported():
    charges = parse_charges("mensenhandel (art. 273f Sr) en vernieling (art. 350 Sr)")
    assert charges.unknown_articles == ("350 Sr",)
    assert combination_label(charges.groups) == "i.c.m. overig feit (art. 350 Sr)"


def test_text_without_articles_has_none():
    assert parse_charges("mensenhandel").articles == ()
