"""Scores of the phrase parser and the verdict extractor on the blind probe (tests/verdicts/probe/spans.yaml).

    .venv/bin/python benchmarks/bench_probe.py [spans.yaml]

The probe's spans were written without reading the parser or the extractor (tests/verdicts/probe/README.md), so
the figures say how the code generalises to wording it was not developed on. Two readers are scored:

- `parse_sanction(span)`: the whole sentence/demand span fed to the phrase parser, as a coder pasting the clauses
  into the sheet would. A value is marked when its status is "unparsed".
- the extractor (`read_demand`, `read_decision`) on a minimal document built from the span: a metadata header, a
  tenlastelegging line, the section heading ("De vordering van de officier van justitie" or "Beslissing") and the
  span, one paragraph per line. A value is marked when its status is not "automatisch". Acquittal spans are scored
  here only (geen / partieel / volledig against `Decision.acquittal`).

Items and F1 as in `mhcases.verdicts.evaluate`: a detention (kind; unconditional, suspended and probation months),
a taakstraf's hours, a fine, each measure, an acquittal or a discharge; the label's items are those of its codebook
form as `parse_sanction` reads it. A null label expects no item. "Wrong without controleren" counts unmarked values
whose items differ from the label's (for a null label: unmarked values with any item). Every miss is listed.
"""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from mhcases.phrases import Sanction, parse_sanction
from mhcases.verdicts.documents import read_document
from mhcases.verdicts.evaluate import Counts, items
from mhcases.verdicts.extract import read_decision, read_demand

ROOT = Path(__file__).resolve().parents[1]
SPANS = ROOT / "tests/verdicts/probe/spans.yaml"

HEADER = """# identifier: ECLI:NL:RBROT:2019:{number}
# case_type: Uitspraak
# case_number: 10/{number}-18
# jurisdiction: Strafrecht
# creator: Rechtbank Rotterdam
# judgment_date: 2019-03-01 00:00:00
# procedures: Eerste aanleg - meervoudig
# ----
RECHTBANK ROTTERDAM
Parketnummer: 10/{number}-18
Vonnis van de meervoudige strafkamer van 1 maart 2019 in de strafzaak tegen [verdachte].
1 Tenlastelegging
Aan verdachte is ten laste gelegd wat in de dagvaarding is vermeld.
"""
HEADINGS = {"demand": "2 De vordering van de officier van justitie", "sentence": "2 Beslissing\nDe rechtbank:",
            "acquittal": "2 Beslissing\nDe rechtbank:"}


@dataclass
class Tally:
    type_only: Counts = field(default_factory=Counts)
    type_numbers: Counts = field(default_factory=Counts)
    spans: int = 0
    right: int = 0
    marked: int = 0
    wrong_unmarked: int = 0


@dataclass
class Miss:
    reader: str
    span_id: str
    text: str
    expected: object
    got: str
    unmarked_wrong: bool


def _document_text(number: int, span: dict) -> str:
    lines = [line.strip() for line in span["text"].splitlines() if line.strip()]
    return HEADER.format(number=number) + HEADINGS[span["kind"]] + "\n" + "\n".join(lines) + "\n"


def _show(sanction: Sanction | None, status: str, value: str | None = None) -> str:
    found = items(sanction)
    shown = "; ".join(" ".join("-" if x is None else str(x) for x in item) for item in found) or "geen items"
    return f"{status}: {shown}" + (f"  [{value}]" if value is not None else "")


def _score(tally: Tally, expected: list[tuple], got: list[tuple], marked: bool) -> tuple[bool, bool]:
    """Add one value; return (right, wrong without a mark)."""
    tally.spans += 1
    tally.marked += marked
    tally.type_only.add([i[:1] for i in expected], [i[:1] for i in got])
    tally.type_numbers.add(expected, got)
    right = sorted(got) == sorted(expected)
    wrong = not marked and not right
    tally.right += right
    tally.wrong_unmarked += wrong
    return right, wrong


def run(spans: list[dict]) -> tuple[dict[str, Tally], list[Miss], tuple[int, int]]:
    tallies = {f"{reader} {kind}": Tally() for reader in ("parse_sanction", "extractor")
               for kind in ("sentence", "demand")}
    misses: list[Miss] = []
    acquittal_right = acquittal_total = 0
    with tempfile.TemporaryDirectory() as tmp:
        for number, span in enumerate(spans, start=900001):
            kind, label = span["kind"], span["expected"]
            start = " ".join(span["text"].split())[:70]
            path = Path(tmp) / f"ECLI_NL_RBROT_2019_{number}.txt"
            path.write_text(_document_text(number, span), encoding="utf-8")
            doc = read_document(path, root=tmp)
            if kind == "acquittal":
                got = read_decision(doc).acquittal
                acquittal_total += 1
                acquittal_right += got == label
                if got != label:
                    misses.append(Miss("extractor", span["id"], start, label, got, False))
                continue
            expected = items(parse_sanction(label)) if label else []
            parsed = parse_sanction(span["text"])
            marked = parsed.status == "unparsed"
            right, wrong = _score(tallies[f"parse_sanction {kind}"], expected, items(parsed), marked)
            if not right:
                misses.append(Miss("parse_sanction", span["id"], start, label, _show(parsed, parsed.status), wrong))
            found = read_demand(doc) if kind == "demand" else read_decision(doc).sentence
            got_items = items(found.sanction) if found.status != "niet gevonden" else []
            marked = found.status != "automatisch"
            right, wrong = _score(tallies[f"extractor {kind}"], expected, got_items, marked)
            if not right:
                misses.append(Miss("extractor", span["id"], start, label,
                                   _show(found.sanction, found.status, found.value), wrong))
    return tallies, misses, (acquittal_right, acquittal_total)


def _combined(tallies: dict[str, Tally], reader: str) -> Tally:
    total = Tally()
    for kind in ("sentence", "demand"):
        part = tallies[f"{reader} {kind}"]
        for name in ("type_only", "type_numbers"):
            a, b = getattr(total, name), getattr(part, name)
            a.tp, a.fp, a.fn = a.tp + b.tp, a.fp + b.fp, a.fn + b.fn
        for name in ("spans", "right", "marked", "wrong_unmarked"):
            setattr(total, name, getattr(total, name) + getattr(part, name))
    return total


def main(spans_path: Path) -> int:
    began = time.perf_counter()
    spans = yaml.safe_load(spans_path.read_text(encoding="utf-8"))
    tallies, misses, (acq_right, acq_total) = run(spans)
    rows = []
    for reader in ("parse_sanction", "extractor"):
        for kind in ("sentence", "demand"):
            rows.append((f"{reader} {kind}", tallies[f"{reader} {kind}"]))
        rows.append((f"{reader} samen", _combined(tallies, reader)))
    print(f"blinde proef: {len(spans)} fragmenten uit {spans_path.name}")
    print(f"{'lezer':<26} {'n':>4} {'soort F1':>9} {'soort+getal F1':>15} {'geheel goed':>12} "
          f"{'gemarkeerd':>11} {'fout zonder controleren':>24}")
    for name, t in rows:
        print(f"{name:<26} {t.spans:>4} {t.type_only.f1:>9.3f} {t.type_numbers.f1:>15.3f} {t.right:>12} "
              f"{t.marked:>11} {t.wrong_unmarked:>24}")
        print(f"{'':<26} {'':>4} (tp {t.type_numbers.tp}, fp {t.type_numbers.fp}, fn {t.type_numbers.fn})")
    print(f"vrijspraak geen/partieel/volledig (extractor): {acq_right} van {acq_total} goed")
    print()
    print("missers (* = fout zonder controleren):")
    for m in misses:
        print(f"{'*' if m.unmarked_wrong else ' '} {m.reader:<14} {m.span_id:<4} {m.text!r}")
        print(f"{'':<21}verwacht: {m.expected}")
        print(f"{'':<21}gekregen: {m.got}")
    print(f"\n{time.perf_counter() - began:.1f} s")
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    sys.exit(main(Path(args[0]) if args else SPANS))
