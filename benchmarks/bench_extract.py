"""Extraction scores on the labelled real verdicts: precision, recall and F1 for punishment type and for type and
numbers (demand and sentence), acquittal full/partial/none, and values wrong without a "controleren" flag.

    .venv/bin/python benchmarks/bench_extract.py [labels.yaml] [fixtures folder] [--misses]

With --misses every value or acquittal that is not right is listed (flagged or not), not only the unflagged ones.

The labels were made by reading the decisions (tests/verdicts/labels/labels.yaml); the figures are for the
development set, not for unseen verdicts.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from mhcases.verdicts.documents import read_document
from mhcases.verdicts.evaluate import score
from mhcases.verdicts.extract import read_decision, read_demand

ROOT = Path(__file__).resolve().parents[1]


def main(labels_path: Path, fixtures: Path, misses: bool = False) -> int:
    labels = yaml.safe_load(labels_path.read_text(encoding="utf-8"))
    extracted = {}
    for label in labels:
        doc = read_document(fixtures / label["file"])
        decision = read_decision(doc)
        extracted[label["file"]] = {"demand": read_demand(doc), "sentence": decision.sentence,
                                    "acquittal": decision.acquittal}
    scores = score(labels, extracted)
    print(f"{len(labels)} uitspraken ({sum(bool(x.get('sentencing')) for x in labels)} met strafoplegging)")
    for line in scores.lines():
        print(line)
    for problem in scores.misses if misses else scores.wrong_without_flag + scores.flag_missing:
        print("  ", problem)
    return 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--misses"]
    sys.exit(main(Path(args[0]) if args else ROOT / "tests/verdicts/labels/labels.yaml",
                  Path(args[1]) if len(args) > 1 else ROOT / "tests/verdicts/fixtures", "--misses" in sys.argv[1:]))
