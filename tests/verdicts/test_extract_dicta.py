"""Extraction on the dicta of 2021 judgments from another source than the fixtures (labels/dicta_2021.yaml).

Scored first before any change was made for them (benchmarks/README.md); every entry is checked here: the sentence's
punishment items against the label, "controleren" where the codebook's forms cannot hold the sentence, nothing read
from decisions that impose no sentence, and acquittal full/partial/none.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from mhcases.phrases import parse_sanction
from mhcases.verdicts.evaluate import dictum_document, items, score
from mhcases.verdicts.extract import read_decision

DICTA = yaml.safe_load((Path(__file__).parent / "labels" / "dicta_2021.yaml").read_text(encoding="utf-8"))
SENTENCING = [d for d in DICTA if d["sentencing"]]


@lru_cache(maxsize=None)
def decision(ecli: str):
    label = next(d for d in DICTA if d["ecli"] == ecli)
    return read_decision(dictum_document(label["text"], ecli, flattened=True))


def test_the_set_is_large_enough_and_its_labels_parse():
    assert len(SENTENCING) >= 25 and len({d["ecli"] for d in DICTA}) == len(DICTA)
    for d in SENTENCING:
        if not d.get("sentence_check"):
            assert parse_sanction(d["sentence"]).status in ("parsed", "acquittal"), d["ecli"]


@pytest.mark.parametrize("label", SENTENCING, ids=lambda d: d["ecli"])
def test_sentence_against_label(label):
    got = decision(label["ecli"]).sentence
    if label.get("sentence_check"):
        assert got.status == "controleren", (got.value, got.note)
    else:
        assert sorted(items(got.sanction)) == sorted(items(parse_sanction(label["sentence"]))), (got.value, got.note)


@pytest.mark.parametrize("label", [d for d in DICTA if not d["sentencing"]], ids=lambda d: d["ecli"])
def test_no_sentence_where_none_is_imposed(label):
    got = decision(label["ecli"]).sentence
    assert got.status != "automatisch" and not items(got.sanction)


@pytest.mark.parametrize("label", SENTENCING, ids=lambda d: d["ecli"])
def test_acquittal(label):
    assert decision(label["ecli"]).acquittal == label["acquittal"]


def test_unreadable_sanctions_next_to_a_read_one_are_flagged():
    # ECLI:NL:RBROT:2021:7766: "ontzegt de verdachte de bevoegdheid motorrijtuigen te besturen ..." next to a taakstraf
    got = decision("ECLI:NL:RBROT:2021:7766").sentence
    assert got.status == "controleren" and "ontzegt" in got.note


def test_scores_on_the_external_set():
    extracted = {d["ecli"]: {"sentence": decision(d["ecli"]).sentence, "acquittal": decision(d["ecli"]).acquittal}
                 for d in DICTA}
    scores = score(DICTA, extracted, columns=("sentence",), key="ecli")
    assert scores.type_numbers.f1 >= 0.95 and scores.acquittal_accuracy >= 0.95
    assert scores.wrong_without_flag == [] and scores.flag_missing == []
