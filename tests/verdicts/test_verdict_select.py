"""Selection on real decisions: the negatives (appeal, HR/PHR, tax law, non-sentencing) and the positives."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mhcases.verdicts.documents import Unreadable, iter_documents, read_document
from mhcases.verdicts.select import (REASONS, charged_articles, normalise_articles, select_document,
                                     select_documents, selection_frame)

FIXTURES = Path(__file__).parent / "fixtures"
ALWAYS = (dt.date(2000, 1, 1), dt.date(2030, 12, 31))
STUDY = (dt.date(2018, 1, 1), dt.date(2019, 6, 30))


def choose(name, articles=("273f",), period=ALWAYS):
    return select_document(read_document(FIXTURES / name, FIXTURES), list(articles), period)


@pytest.mark.parametrize("name, reason", [
    ("ECLI_NL_GHAMS_2003_AO1616.txt", REASONS["appeal"]),  # Gerechtshof, "Hoger beroep"
    ("ECLI_NL_GHARN_2011_BQ0376.xml", REASONS["appeal"]),
    ("ECLI_NL_HR_2014_3148.txt", REASONS["appeal"]),  # Hoge Raad, "Cassatie"
    ("ECLI_NL_PHR_2007_BA1761.txt", REASONS["appeal"]),  # conclusion of the Procurator General, procedure none
    ("ECLI_NL_RBZWB_2016_1440.xml", REASONS["not_criminal"]),  # tax law
    ("ECLI_NL_OGEAC_2020_292.txt", REASONS["not_dutch"]),  # first instance, Curaçao
    ("ECLI_NL_RBNHO_2020_4727.txt", REASONS["no_sentencing"]),  # execution of an earlier suspended sentence
    ("ECLI_NL_RBBRE_2012_BW1075.txt", REASONS["no_sentencing"]),  # extension of tbs
    ("ECLI_NL_RBROT_2020_11947.txt", REASONS["no_sentencing"]),  # interim decision on defence requests
])
def test_negatives_are_excluded_with_their_reason(name, reason):
    choice = choose(name, articles=())
    assert (choice.included, choice.reason) == (False, reason)


@pytest.mark.parametrize("name", ["ECLI_NL_RBROT_2021_1789.txt", "ECLI_NL_RBHAA_2007_BA1808.xml",
                                  "UNKNOWN-ECLI_RBUTR_2010-03-16_16-602732-08.txt", "ECLI_NL_RBMNE_2021_1857.txt"])
def test_first_instance_criminal_judgments_are_kept_without_an_article_filter(name):
    assert choose(name, articles=()).included


def test_the_trafficking_case_is_kept_and_the_others_lack_the_article():
    kept = choose("UNKNOWN-ECLI_RBMNE_2015-09-15_16-705621-14.txt")
    assert kept.included and kept.reason == "" and kept.ecli == ""
    other = choose("ECLI_NL_RBROT_2021_1789.txt")  # weapons and threats: art. 285 Sr, 26 WWM
    assert (other.included, other.reason) == (False, REASONS["article"])
    assert "285 Sr" in charged_articles(read_document(FIXTURES / "ECLI_NL_RBROT_2021_1789.txt"))


def test_metadata_references_count_as_cited():
    doc = read_document(FIXTURES / "ECLI_NL_RBLEE_2011_BP2417.xml")
    assert "287 Sr" in charged_articles(doc)
    assert select_document(doc, ["287"], ALWAYS).included


def test_outside_the_period():
    choice = choose("UNKNOWN-ECLI_RBMNE_2015-09-15_16-705621-14.txt", period=STUDY)
    assert (choice.included, choice.reason) == (False, REASONS["period"])


def test_normalise_articles():
    assert normalise_articles(["273f", "420BIS", "2 Opiumwet", " 273f Sr "]) == \
        ("273f Sr", "420bis Sr", "2 Opiumwet", "273f Sr")


def test_every_document_gets_a_row_and_unreadable_files_are_rows_too(tmp_path):
    for name in ("ECLI_NL_HR_2014_3148.txt", "UNKNOWN-ECLI_RBMNE_2015-09-15_16-705621-14.txt"):
        (tmp_path / name).write_bytes((FIXTURES / name).read_bytes())
    (tmp_path / "kapot.xml").write_bytes(b"<open-rechtspraak><uitspraak>")
    results = list(select_documents(iter_documents(tmp_path), ["273f"], ALWAYS))
    frame = selection_frame(choice for choice, _ in results)
    assert list(frame.columns) == ["document", "ecli", "opgenomen", "reden"]
    assert frame["document"].tolist() == ["ECLI_NL_HR_2014_3148.txt", "UNKNOWN-ECLI_RBMNE_2015-09-15_16-705621-14.txt",
                                          "kapot.xml"]
    assert frame["opgenomen"].tolist() == ["nee", "ja", "nee"]
    assert frame["reden"].iloc[2].startswith("onleesbaar: geen geldige XML")
    assert [doc is not None for _, doc in results] == [False, True, False]


HEADER = ("# identifier: ECLI:NL:RBAMS:2019:{n}\n# creator: Rechtbank Amsterdam\n# judgment_date: 2019-03-01 00:00:00\n"
          "# procedures: Eerste aanleg - meervoudig\n# jurisdiction: Strafrecht\n# ---- uitspraak text ----\n")


@pytest.mark.parametrize("body, included, reason", [
    ("RECHTBANK AMSTERDAM\nBeslissing op de vordering ex artikel 36e van het Wetboek van Strafrecht\n1\nDe vordering\n"
     "De officier van justitie vordert ontneming van wederrechtelijk verkregen voordeel (mensenhandel, art. 273f Sr).\n"
     "2\nBeslissing\nLegt de veroordeelde de verplichting op tot betaling aan de Staat van € 10.000.",
     False, REASONS["no_sentencing"]),
    ("RECHTBANK AMSTERDAM\nin de strafzaak tegen\n[verdachte]\n1\nTenlastelegging\nAan verdachte is mensenhandel "
     "ten laste gelegd (artikel 273f van het Wetboek van Strafrecht).\n2\nBeslissing\nSpreekt verdachte vrij van "
     "het ten laste gelegde.", True, ""),  # a full acquittal is a judgment on the charges
    ("RECHTBANK AMSTERDAM\nin de strafzaak tegen\n[verdachte]\n1\nTenlastelegging\nAan verdachte is diefstal "
     "ten laste gelegd.\n2\nBeslissing\nVeroordeelt verdachte tot een taakstraf van 40 uren.",
     False, REASONS["article"]),
])
def test_confiscation_acquittal_and_other_offences(tmp_path, body, included, reason):
    path = tmp_path / "ECLI_NL_RBAMS_2019_1.txt"
    path.write_text(HEADER.format(n=1) + body, encoding="utf-8")
    choice = select_document(read_document(path, tmp_path), ["273f"], STUDY)
    assert (choice.included, choice.reason) == (included, reason)


@pytest.mark.parametrize("articles", [("273f",), ("248b",), ("197a",), ("273f", "420bis"), ("141",), ("9999",)])
def test_article_test_answers_as_the_full_citation_reading(articles):
    """The digits test only spares work: on every fixture the answer is the one of reading all citations."""
    wanted = normalise_articles(articles)
    from mhcases.verdicts.select import _charges_one_of, _names_offence

    for doc in iter_documents(FIXTURES):
        if isinstance(doc, Unreadable):
            continue
        cited = set(charged_articles(doc))
        assert _charges_one_of(doc, wanted) == any(a in cited or _names_offence(doc, a) for a in wanted), doc.path


def test_citations_are_not_read_when_the_article_number_is_absent(monkeypatch):
    from mhcases.verdicts import select

    doc = read_document(FIXTURES / "UNKNOWN-ECLI_RBMNE_2015-09-15_16-705621-14.txt", FIXTURES)
    assert "9999" not in doc.text and "273f" in doc.text
    calls = []
    monkeypatch.setattr(select, "_cited", lambda text: calls.append(1) or ())
    assert not select._charges_one_of(doc, ("9999 Sr",)) and calls == []
    select._charges_one_of(doc, ("273f Sr",))
    assert calls == [1] or select._names_offence(doc, "273f Sr")


@pytest.mark.parametrize("opening, included, reason", [
    ("De rechtbank:", True, ""),  # the dictum under "DE UITSPRAAK" is a judgment on the charges
    ("Zij wordt hierna in het openbaar uitgesproken.", False, REASONS["no_sentencing"]),  # not a dictum: none found
])
def test_a_decision_headed_uitspraak_counts_as_the_judgment(tmp_path, opening, included, reason):
    # no heading over the charges: only the decision section can show that the charges were judged
    body = ("RECHTBANK AMSTERDAM\nin de strafzaak tegen\n[verdachte]\nHet onderzoek ter terechtzitting.\n"
            "Verdachte wordt verweten dat hij een vrouw tot prostitutie heeft gedwongen.\nDE UITSPRAAK\n"
            f"{opening}\nverklaart bewezen dat verdachte zich schuldig heeft gemaakt aan mensenhandel;\n"
            "veroordeelt verdachte tot een gevangenisstraf voor de duur van 18 maanden.")
    path = tmp_path / "ECLI_NL_RBAMS_2019_5.txt"
    path.write_text(HEADER.format(n=5) + body, encoding="utf-8")
    choice = select_document(read_document(path, tmp_path), ["273f"], STUDY)
    assert (choice.included, choice.reason) == (included, reason)
