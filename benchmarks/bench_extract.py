"""Extraction scores on labelled real verdicts: precision, recall and F1 for punishment type and for type and numbers
(demand and sentence), acquittal full/partial/none, and values wrong without a "controleren" flag.

    .venv/bin/python benchmarks/bench_extract.py [labels.yaml] [fixtures folder]
    .venv/bin/python benchmarks/bench_extract.py --dicta [dicta.yaml]

Two sets, both labelled by reading the decisions:
- the development set: whole verdicts in tests/verdicts/fixtures, labels in tests/verdicts/labels/labels.yaml
  (demand and sentence);
- `--dicta`: decision sections of 2021 judgments from another source (tests/verdicts/labels/dicta_2021.yaml; the
  sentence only, no demand is in a dictum), first scored before any change was made for them. Their source joined
  each dictum into one line; the paragraph breaks and bullets are restored as a reader of the real document would
  have them (`--as-is` scores the joined line).
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from mhcases.verdicts.documents import read_document
from mhcases.verdicts.evaluate import dictum_document, score
from mhcases.verdicts.extract import read_decision, read_demand

ROOT = Path(__file__).resolve().parents[1]


def report(scores, labels) -> None:
    print(f"{len(labels)} uitspraken ({sum(bool(x.get('sentencing')) for x in labels)} met strafoplegging)")
    for line in scores.lines():
        print(line)
    for problem in scores.wrong_without_flag + scores.flag_missing:
        print("  ", problem)


def main(labels_path: Path, fixtures: Path) -> int:
    labels = yaml.safe_load(labels_path.read_text(encoding="utf-8"))
    extracted = {}
    for label in labels:
        doc = read_document(fixtures / label["file"])
        decision = read_decision(doc)
        extracted[label["file"]] = {"demand": read_demand(doc), "sentence": decision.sentence,
                                    "acquittal": decision.acquittal}
    report(score(labels, extracted), labels)
    return 0


def main_dicta(labels_path: Path, verbose: bool = False, flattened: bool = True) -> int:
    labels = yaml.safe_load(labels_path.read_text(encoding="utf-8"))
    extracted = {}
    for label in labels:
        decision = read_decision(dictum_document(label["text"], label["ecli"], flattened))
        extracted[label["ecli"]] = {"sentence": decision.sentence, "acquittal": decision.acquittal}
        if verbose:
            s = decision.sentence
            print(f"{label['ecli']}: {s.status} {s.value!r} | acq {decision.acquittal} (label {label.get('acquittal')})"
                  f" | label {label.get('sentence')!r}{' (check)' if label.get('sentence_check') else ''}"
                  f"{' | ' + s.note[:160] if s.note else ''}")
    report(score(labels, extracted, columns=("sentence",), key="ecli"), labels)
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    if args and args[0] == "--dicta":
        rest = [a for a in args[1:] if a not in ("-v", "--as-is")]
        sys.exit(main_dicta(Path(rest[0]) if rest else ROOT / "tests/verdicts/labels/dicta_2021.yaml", "-v" in args,
                            "--as-is" not in args))
    sys.exit(main(Path(args[0]) if args else ROOT / "tests/verdicts/labels/labels.yaml",
                  Path(args[1]) if len(args) > 1 else ROOT / "tests/verdicts/fixtures"))
