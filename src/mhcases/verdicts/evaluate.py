"""Scoring the extractor against labels made by reading verdicts (tests/verdicts/labels/labels.yaml).

A punishment is one item: a detention (its kind; numbers: unconditional, suspended and probation months), a
taakstraf (hours), a fine (euros), each measure, an acquittal or a discharge. Precision, recall and F1 are
computed over items, on the type alone and on type and numbers, for the demand and the sentence together.
A label written as null (a value the codebook's forms cannot hold) expects no item and status "controleren".

"Wrong without a flag" counts values with status "automatisch" that differ from the label: the issue's target is
zero of them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from mhcases.phrases import Sanction, parse_sanction

__all__ = ["items", "Scores", "score"]


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 6)


def items(sanction: Sanction | None) -> list[tuple]:
    """The punishment items of a parsed sanction (type first, then its numbers)."""
    if sanction is None or sanction.status in ("unknown", "unparsed"):
        return []
    if sanction.status == "acquittal":
        return [("vrijspraak",)]
    if sanction.status == "discharge":
        return [("ontslag",)]
    out: list[tuple] = []
    if sanction.detention_kind is not None:
        out.append((sanction.detention_kind, _r(sanction.unconditional_months), sanction.unconditional_equals_pretrial,
                    _r(sanction.conditional_months), _r(sanction.probation_months)))
    if sanction.community_service_hours is not None:
        out.append(("taakstraf", _r(sanction.community_service_hours)))
    if sanction.fine_euros is not None:
        out.append(("geldboete", _r(sanction.fine_euros)))
    out.extend((f"maatregel {m}",) for m in sanction.measures)
    return out


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, expected: list[tuple], got: list[tuple]) -> None:
        e, g = Counter(expected), Counter(got)
        common = sum((e & g).values())
        self.tp += common
        self.fp += sum(g.values()) - common
        self.fn += sum(e.values()) - common

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    type_only: Counts = field(default_factory=Counts)
    type_numbers: Counts = field(default_factory=Counts)
    acquittal_right: int = 0
    acquittal_total: int = 0
    wrong_without_flag: list[str] = field(default_factory=list)
    flag_missing: list[str] = field(default_factory=list)  # label says "controleren", extractor said "automatisch"
    checked_values: int = 0  # values with status "controleren"
    values: int = 0
    misses: list[str] = field(default_factory=list)  # every value or acquittal not right, flagged or not

    @property
    def acquittal_accuracy(self) -> float:
        return self.acquittal_right / self.acquittal_total if self.acquittal_total else 1.0

    def lines(self) -> list[str]:
        t, n = self.type_only, self.type_numbers
        return [
            f"soort straf:          precisie {t.precision:.3f}  recall {t.recall:.3f}  F1 {t.f1:.3f}  "
            f"(tp {t.tp}, fp {t.fp}, fn {t.fn})",
            f"soort en getallen:    precisie {n.precision:.3f}  recall {n.recall:.3f}  F1 {n.f1:.3f}  "
            f"(tp {n.tp}, fp {n.fp}, fn {n.fn})",
            f"vrijspraak geheel/deels/geen goed: {self.acquittal_right} van {self.acquittal_total} "
            f"({self.acquittal_accuracy:.3f})",
            f"fout zonder 'controleren': {len(self.wrong_without_flag)}; 'controleren' verwacht maar 'automatisch': "
            f"{len(self.flag_missing)}; waarden met 'controleren': {self.checked_values} van {self.values}",
        ]


def _type(item: tuple) -> tuple:
    return item[:1]


def score(labels: Iterable[Mapping], extracted: Mapping[str, Mapping[str, object]]) -> Scores:
    """`extracted[file]` holds, for "demand" and "sentence", a `Found`-like object (value, status, sanction) and
    "acquittal" ("geen" / "partieel" / "volledig")."""
    scores = Scores()
    for label in labels:
        got = extracted[label["file"]]
        for column in ("demand", "sentence"):
            found = got[column]
            scores.values += 1
            scores.checked_values += found.status == "controleren"
            expected_text = label.get(column) if label.get("sentencing") else "onbekend"
            expected = items(parse_sanction(expected_text)) if expected_text else []
            actual = items(found.sanction) if found.status != "niet gevonden" else []
            if label.get(f"{column}_check") or not label.get("sentencing"):
                # not representable / not a sentencing decision: only a flagged value or no punishment is right
                if found.status == "automatisch" and actual:
                    scores.flag_missing.append(f"{label['file']} {column}: {found.value}")
            elif found.status == "automatisch" and sorted(actual) != sorted(expected):
                scores.wrong_without_flag.append(f"{label['file']} {column}: {found.value} (label: {expected_text})")
            scores.type_only.add([_type(i) for i in expected], [_type(i) for i in actual])
            scores.type_numbers.add(expected, actual)
            if sorted(expected) != sorted(actual):
                scores.misses.append(f"{label['file']} {column} [{found.status}]: {found.value!r} "
                                     f"(label: {expected_text!r})")
        if label.get("sentencing"):
            scores.acquittal_total += 1
            scores.acquittal_right += got["acquittal"] == label.get("acquittal")
            if got["acquittal"] != label.get("acquittal"):
                scores.misses.append(f"{label['file']} vrijspraak: {got['acquittal']} (label: {label.get('acquittal')})")
    return scores
