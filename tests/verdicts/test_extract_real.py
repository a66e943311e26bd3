"""Extraction on real verdicts, against labels made by reading them (tests/verdicts/labels/labels.yaml).

Demand, every clause of the sentence, acquittal full/partial, the exclusions (vervangende hechtenis, voorarrest
in mindering, execution of an earlier sentence, pre-trial detention, compensation, confiscation, special
conditions), the evidence (quoted source and exact offsets), and the scores of benchmarks/bench_extract.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from mhcases.codebook import BY_NAME, COLUMN_NAMES
from mhcases.phrases import parse_sanction
from mhcases.verdicts.documents import read_document
from mhcases.verdicts.evaluate import items, score
from mhcases.verdicts.extract import extract_document, read_decision, read_demand
from mhcases.verdicts.model import STATUSES

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
LABELS = yaml.safe_load((HERE / "labels" / "labels.yaml").read_text(encoding="utf-8"))
BY_FILE = {label["file"]: label for label in LABELS}
SENTENCING = [label for label in LABELS if label["sentencing"]]
TRAFFICKING = "UNKNOWN-ECLI_RBMNE_2015-09-15_16-705621-14.txt"


@lru_cache(maxsize=None)
def doc(name: str):
    return read_document(FIXTURES / name)


@lru_cache(maxsize=None)
def decision(name: str):
    return read_decision(doc(name))


@lru_cache(maxsize=None)
def demand(name: str):
    return read_demand(doc(name))


def norm(text: str) -> str:
    return " ".join(text.split()).lower()


def test_labels_cover_enough_first_instance_verdicts():
    assert len(SENTENCING) >= 15
    assert all((FIXTURES / label["file"]).is_file() for label in LABELS)


# --- demand and sentence, value by value ------------------------------------------------------------------------


@pytest.mark.parametrize("label", SENTENCING, ids=lambda label: label["file"][:50])
@pytest.mark.parametrize("column", ["demand", "sentence"])
def test_value_against_label(label, column):
    found = demand(label["file"]) if column == "demand" else decision(label["file"]).sentence
    if label.get(f"{column}_check"):
        assert found.status == "controleren", (found.value, found.note)
        assert found.note
        return
    expected = parse_sanction(label[column])
    assert sorted(items(found.sanction)) == sorted(items(expected)), (found.value, label[column])
    assert found.status in ("automatisch", "controleren")
    # the cell reads back to the same numbers with the build's own parser
    assert sorted(items(parse_sanction(found.value))) == sorted(items(expected))


@pytest.mark.parametrize("label", [x for x in LABELS if not x["sentencing"]], ids=lambda label: label["file"][:50])
def test_no_sentence_in_decisions_that_impose_none(label):
    sentence = decision(label["file"]).sentence
    assert sentence.value in (None, "onbekend") and sentence.status != "automatisch"
    assert items(sentence.sanction) == []
    assert items(demand(label["file"]).sanction) == []


@pytest.mark.parametrize("label", SENTENCING, ids=lambda label: label["file"][:50])
def test_acquittal_full_partial_none(label):
    assert decision(label["file"]).acquittal == label["acquittal"]


# --- evidence: quoted source and exact position -----------------------------------------------------------------


@pytest.mark.parametrize("label", [x for x in SENTENCING if x.get("sentence_quote")], ids=lambda x: x["file"][:50])
def test_sentence_evidence_quotes_the_decision(label):
    found = decision(label["file"]).sentence
    assert norm(label["sentence_quote"]).rstrip(".;") in norm(" ".join(c.text for c in found.clauses))
    text = doc(label["file"]).text
    beslissing = doc(label["file"]).section("beslissing")[-1]
    for clause in found.clauses:
        assert norm(text[clause.start:clause.end]) == norm(clause.text)  # offsets are exact
        assert beslissing.start <= clause.start < clause.end <= beslissing.start + len(beslissing.text)


@pytest.mark.parametrize("label", [x for x in SENTENCING if x.get("demand_quote") and not x.get("demand_check")],
                         ids=lambda x: x["file"][:50])
def test_demand_evidence_quotes_the_demand(label):
    found = demand(label["file"])
    source = norm(" ".join(c.text for c in found.clauses))
    first_part = norm(label["demand_quote"].split("[...]")[0]).strip(" -\"").rstrip(".;")
    assert first_part[-60:] in source
    text = doc(label["file"]).text
    for clause in found.clauses:
        assert norm(text[clause.start:clause.end]) == norm(clause.text)


# --- the exclusions, one by one ---------------------------------------------------------------------------------


def sentence_items(name):
    return items(decision(name).sentence.sanction)


def test_vervangende_hechtenis_and_voorarrest_are_not_sentences():
    # RBMNE 2013-05-06: 120 hours with 60 days vervangende hechtenis and voorarrest deducted at 2 hours a day
    got = decision("UNKNOWN-ECLI_RBMNE_2013-05-06_16-601021-11.txt").sentence.sanction
    assert got.community_service_hours == 120 and got.unconditional_months is None and got.conditional_months == 2
    # RBUTR 2011-04-05: "vervangende jeugddetentie zal worden toegepast van 50 dagen"
    got = decision("UNKNOWN-ECLI_RBUTR_2011-04-05_16-712098-10.txt").sentence.sanction
    assert got.community_service_hours == 100 and got.conditional_months == pytest.approx(50 * 12 / 365.25)


def test_execution_of_an_earlier_sentence_is_not_the_sentence():
    # RBMNE 2014-04-22: "gelast ... ten uitvoer ..., te weten: een werkstraf van 20 uren" after the sentence
    assert decision("UNKNOWN-ECLI_RBMNE_2014-04-22_16-653878-13.txt").sentence.sanction.community_service_hours == 120
    # RBMNE 2018-06-01 (652168): the demand to execute two months is not the sentencing demand
    got = demand("UNKNOWN-ECLI_RBMNE_2018-06-01_16-652168-18.txt")
    assert got.sanction.unconditional_months == 12 and got.status == "automatisch"
    # RBNHO 2020: only a decision on execution
    assert sentence_items("ECLI_NL_RBNHO_2020_4727.txt") == []
    # RBMNE 2023-02-13: "gelast de tenuitvoerlegging van ... voorwaardelijke taakstraf voor de duur van 20 uren"
    used = decision("UNKNOWN-ECLI_RBMNE_2023-02-13_16-300687-22.txt").sentence.clauses
    assert used and not any("taakstraf" in c.text for c in used)


def test_bans_among_the_special_conditions_are_measures():
    # a contact ban among the special conditions of the suspended part counts as the maatregel "contactverbod"
    # (codebook 8.2; the letter, note 1 to Table 4: "contact- of gebiedsverbod ex artikel 14c, tweede lid, onder 5 en
    # 6, Sr"). RBROT 2021: "de veroordeelde zal gedurende de proeftijd op geen enkele wijze contact (laten) opnemen,
    # zoeken of hebben met [naam neef slachtoffer]"; RBMNE 2015: "6. op geen enkele wijze contact mag hebben met
    # [slachtoffer]"; the demands name "een contactverbod" among the special conditions.
    for name in ("ECLI_NL_RBROT_2021_1789.txt", TRAFFICKING):
        got = decision(name).sentence
        assert got.sanction.measures == ("contactverbod",) and got.status == "automatisch"
        assert any("contact" in c.text for c in got.clauses)  # the condition is quoted as evidence
        assert demand(name).sanction.measures == ("contactverbod",)
    # the other special conditions (meldplicht, treatment, day programme) are no measure
    assert "meldplicht" not in decision(TRAFFICKING).sentence.value


def test_compensation_and_confiscation_are_left_out():
    got = decision("UNKNOWN-ECLI_RBMNE_2018-01-19_16-652743-15.txt").sentence
    assert got.status == "automatisch" and got.sanction.fine_euros is None
    assert got.value == "gevangenisstraf van 3 maanden"
    # RBROT 2008: "heeft gerequireerd: - bewezenverklaring ...; - veroordeling van de verdachte tot een
    # gevangenisstraf voor de duur van 4 jaar met aftrek van voorarrest"; the later demand to confiscate the seized
    # goods ("gevorderd de in beslag genomen goederen verbeurd te verklaren") is not read as a sentence
    got = demand("ECLI_NL_RBROT_2008_BE7078.xml")
    assert got.value == "gevangenisstraf van 4 jaren" and got.status == "automatisch"
    assert not any("verbeurd" in c.text for c in got.clauses)


def test_suspended_part_in_its_own_clause():
    got = decision(TRAFFICKING).sentence
    assert got.sanction.unconditional_months == 12 and got.sanction.conditional_months == 6
    assert got.sanction.probation_months == 24 and got.status == "automatisch"
    assert len(got.clauses) >= 3  # the term, the suspended part, the probation


def test_unrepresentable_parts_are_flagged_not_simplified():
    # a suspended fine next to a prison term: never "gevangenisstraf van 2 weken" alone without a flag
    got = decision("UNKNOWN-ECLI_RBMNE_2017-04-04_16-652431-16.txt").sentence
    assert got.status == "controleren" and "voorwaardelijke geldboete" in got.note
    # two alternative demands
    got = demand("UNKNOWN-ECLI_RBGEL_2025-09-08_05-296581-24.txt")
    assert got.status == "controleren"


# --- the whole record -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("label", LABELS, ids=lambda label: label["file"][:50])
def test_extract_document_gives_one_record_with_evidence_for_every_column(label):
    codings = extract_document(doc(label["file"]))
    assert len(codings) == 1
    coding = codings[0]
    assert [e.column for e in coding.evidence] == list(COLUMN_NAMES[2:])
    for e in coding.evidence:
        assert e.status in STATUSES
        assert (e.value is None) == (e.status == "niet gevonden"), e
        column = BY_NAME[e.column]
        if e.value is not None and column.kind == "category":
            assert e.value in column.allowed or e.column == "court", e
        if e.value is not None and column.kind == "multicategory":
            assert set(e.value.split(";")) <= set(column.allowed), e
        if e.status == "controleren":
            assert e.note, e
    assert coding.value("decision_date") == label["date"].isoformat() if isinstance(label["date"], dt.date) else True


def test_trafficking_case_record():
    coding = extract_document(doc(TRAFFICKING))[0]
    assert "273f Sr" in coding.value("charges")
    assert coding.value("court") == "Rechtbank Midden-Nederland"
    assert coding.value("decision_date") == "2015-09-15"
    assert coding.value("verdict_trafficking") == "bewezen"
    assert coding.value("victim_minor") == "ja"
    assert coding.value("victim_under16") == "ja"  # "een minderjarige, van vijftien jaar oud"
    assert coding.value("victims_charged") == "1" and coding.value("period_charged_months") == "2"
    assert parse_sanction(coding.value("sentence")).unconditional_months == 12


def test_workbook_round_trip_with_extracted_records(tmp_path):
    """Records with every required value found make a workbook that the build reads as a coding sheet, with the
    numbers of the phrases the extractor wrote."""
    from mhcases.sheet.load import load_sheet
    from mhcases.verdicts.workbook import write_workbook

    codings = [c for label in SENTENCING for c in extract_document(doc(label["file"]))
               if all(e.value is not None for e in c.evidence if BY_NAME[e.column].required)
               and not label.get("sentence_check") and not label.get("demand_check")]
    assert len(codings) >= 5
    codings = [replace(c, case_id=f"Z{i:03d}", defendant_id=f"Z{i:03d}-1") for i, c in enumerate(codings, 1)]
    path = tmp_path / "codeerblad_voorgecodeerd.xlsx"
    written = write_workbook(codings, path)  # courts mapped to the codebook; a split or foreign court stays empty
    keep = {c.defendant_id for c in written if c.value("court")}
    assert len(keep) >= 5
    written = write_workbook([c for c in codings if c.defendant_id in keep], path)
    clean, _log = load_sheet(path, None, (dt.date(2000, 1, 1), dt.date(2030, 12, 31)))
    assert len(clean) == len(written)
    for column in ("sentence", "demand"):
        expected = [parse_sanction(c.value(column)).unconditional_months for c in written]
        got = clean[f"{column}_unconditional_months"].tolist()
        assert [None if g != g else g for g in got] == pytest.approx(expected)  # NaN -> None


# --- the scores (benchmarks/bench_extract.py prints them) -------------------------------------------------------


def test_scores_meet_the_issue_targets_on_the_labelled_set():
    extracted = {label["file"]: {"demand": demand(label["file"]), "sentence": decision(label["file"]).sentence,
                                 "acquittal": decision(label["file"]).acquittal} for label in LABELS}
    scores = score(LABELS, extracted)
    assert scores.type_only.f1 >= 0.95
    assert scores.type_numbers.f1 >= 0.95
    assert scores.acquittal_accuracy >= 0.95
    assert scores.wrong_without_flag == []
    assert scores.flag_missing == []


def test_score_lists_every_miss_flagged_or_not():
    """`Scores.misses` (bench_extract.py --misses) names each value and acquittal that is not right, with its status."""
    from types import SimpleNamespace

    from mhcases.phrases import parse_sanction

    def found(text, status):
        return SimpleNamespace(value=text, status=status, sanction=parse_sanction(text))

    labels = [{"file": "a.txt", "sentencing": True, "demand": "gevangenisstraf van 20 maanden",
               "sentence": "gevangenisstraf van 12 maanden", "acquittal": "geen"}]
    extracted = {"a.txt": {"demand": found("gevangenisstraf van 2 jaren", "controleren"),
                           "sentence": found("gevangenisstraf van 12 maanden", "automatisch"),
                           "acquittal": "partieel"}}
    scores = score(labels, extracted)
    assert scores.wrong_without_flag == []
    assert len(scores.misses) == 2
    assert scores.misses[0].startswith("a.txt demand [controleren]: 'gevangenisstraf van 2 jaren'")
    assert scores.misses[1] == "a.txt vrijspraak: partieel (label: geen)"
