"""Verdicts at scale: reading + selection + pre-coding of >= 10,000 documents, against a bare lxml parse.

Usage: .venv/bin/python benchmarks/bench_verdicts.py [--documents 10000] [--repeats 3]

The real decisions of tests/verdicts/fixtures are replicated with new identifiers (ECLI, file name, parketnummer)
into a temporary folder as open-data XML, the format the service delivers (website and paragraph texts are wrapped
into `<open-rechtspraak>` with their metadata, one `<para>` per line). Each measurement runs in a fresh Python
process over the same files:

- bare parse: `lxml.etree.parse` of every file (the tree is dropped; no text extracted);
- read: `mhcases.verdicts.documents.iter_documents` (streamed parse, paragraphs, metadata, sections);
- select: read + selection with the default config's article test (`articles: ["273f"]`; a wide period, so that
  every first-instance criminal decision reaches the article test);
- precode: `mhcases.verdicts.precode.precode_folder` (read + selection + extraction) and the workbook written;
  selection keeps every first-instance criminal decision (`articles: []`, a wide period), so most are extracted.

Then, in one more process over the smaller folder, the CPU time of the pre-coding split by step (reading,
selection, extraction, workbook), timed around each call.

Documents per CPU second (user + system time of the process: the machine is shared, so wall time is not the
process's own) and peak resident memory (ru_maxrss) per process; medians over --repeats. Process start and imports
are included in every stage. Memory is measured
again on a fifth of the documents: a flat reader has the same peak for both sizes. Prints Markdown for
benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "verdicts" / "fixtures"
sys.path.insert(0, str(ROOT / "src"))

RDF = ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dcterms="http://purl.org/dc/terms/" '
       'xmlns:psi="http://psi.rechtspraak.nl/"><rdf:Description>'
       '<dcterms:identifier>{ecli}</dcterms:identifier><dcterms:creator>{court}</dcterms:creator>'
       '<dcterms:date>{date}</dcterms:date><psi:zaaknummer>{number}</psi:zaaknummer>'
       '<psi:procedure>{procedure}</psi:procedure><dcterms:subject>{subject}</dcterms:subject>'
       '</rdf:Description></rdf:RDF>')
NS = 'xmlns="http://www.rechtspraak.nl/schema/rechtspraak-1.0"'

STAGES = {
    "bare": """
from pathlib import Path
from lxml import etree
files = sorted(Path({folder!r}).glob("*.xml"))
for f in files:
    etree.parse(str(f))
print(len(files))
""",
    "read": """
from mhcases.verdicts.documents import iter_documents
n = sum(1 for _ in iter_documents({folder!r}))
print(n)
""",
    "select": """
import datetime as dt
from mhcases.verdicts.documents import iter_documents
from mhcases.verdicts.select import select_documents
n = sum(choice.included for choice, _ in select_documents(iter_documents({folder!r}), ["273f"],
                                                        (dt.date(2000, 1, 1), dt.date(2030, 12, 31))))
print(n)
""",
    "precode": """
import datetime as dt
from mhcases.verdicts.precode import precode_folder, default_extractor
from mhcases.verdicts.workbook import WorkbookWriter
with WorkbookWriter({folder!r} + "/../codeerblad.xlsx") as writer:
    frame, _ = precode_folder({folder!r}, [], (dt.date(2000, 1, 1), dt.date(2030, 12, 31)), sink=writer.add)
import sys
print(len(frame), file=sys.stdout)
print("extractor:", default_extractor()[1], "included:", int((frame.opgenomen == "ja").sum()),
      "defendants:", writer.rows, file=sys.stderr)
""",
}


SHARES = """
import datetime as dt, time
from mhcases.verdicts.documents import iter_documents
from mhcases.verdicts.precode import default_extractor, unique_ids
from mhcases.verdicts.select import select_document
from mhcases.verdicts.workbook import WorkbookWriter
extract = default_extractor()[0]
clock = time.process_time
spent = dict(reading=0.0, selection=0.0, extraction=0.0, workbook=0.0)
documents = iter_documents({folder!r})
writer = WorkbookWriter({folder!r} + "/../codeerblad.xlsx")
while True:
    t0 = clock()
    doc = next(documents, None)
    t1 = clock()
    spent["reading"] += t1 - t0
    if doc is None:
        break
    choice = select_document(doc, [], (dt.date(2000, 1, 1), dt.date(2030, 12, 31)))
    t2 = clock()
    spent["selection"] += t2 - t1
    if choice.included:
        codings = unique_ids(extract(doc))
        t3 = clock()
        spent["extraction"] += t3 - t2
        for coding in codings:
            writer.add(coding)
        spent["workbook"] += clock() - t3
t0 = clock()
writer.close()
spent["workbook"] += clock() - t0
total = sum(spent.values())
print(", ".join(f"{{k}} {{100 * v / total:.0f}}% ({{v:.1f}} s)" for k, v in spent.items()))
"""


def as_xml(doc, ecli: str, number: str) -> str:
    """One document as open-data XML with new identifiers."""
    meta = RDF.format(ecli=ecli, court=html.escape(doc.court or ""), date=doc.decision_date or "",
                      number=number, procedure=html.escape(doc.procedure or "Eerste aanleg - meervoudig"),
                      subject=html.escape("; ".join(doc.subjects) or "Strafrecht"))
    paras = "".join(f"<para>{html.escape(line)}</para>" for line in doc.text.split("\n"))
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<open-rechtspraak>{meta}'
            f'<inhoudsindicatie {NS}><para>{html.escape(doc.summary)}</para></inhoudsindicatie>'
            f'<uitspraak {NS}>{paras}</uitspraak></open-rechtspraak>\n')


def replicate(target: Path, n: int) -> int:
    from mhcases.verdicts.documents import read_document

    docs = [read_document(p, FIXTURES) for p in sorted(FIXTURES.iterdir()) if p.suffix in (".xml", ".txt")]
    target.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        doc = docs[i % len(docs)]
        code = re.sub(r"[^A-Z]", "", (doc.ecli or "ECLI:NL:RBMNE:").split(":")[2]) or "RBMNE"
        year = doc.decision_date.year if doc.decision_date else 2018
        ecli = f"ECLI:NL:{code}:{year}:B{i:06d}"
        number = f"16/{700000 + i:06d}-{year % 100:02d}"
        (target / f"ECLI_NL_{code}_{year}_B{i:06d}.xml").write_text(as_xml(doc, ecli, number), encoding="utf-8")
    return len(docs)


def run(stage: str, folder: Path) -> tuple[float, float, str]:
    """CPU seconds (user + system; the machine is shared, wall time is not this process's own) and peak MiB."""
    code = (SHARES if stage == "shares" else STAGES[stage]).format(folder=str(folder))
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    out, err = process.stdout.read(), process.stderr.read()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{stage} failed: {err[-2000:]}")
    cpu = usage.ru_utime + usage.ru_stime
    print(f"  {stage}: {cpu:.1f} s CPU, {seconds:.1f} s wall", file=sys.stderr)
    return cpu, usage.ru_maxrss / 1024, (out.strip() + " " + err.strip()).strip()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        big, small = Path(tmp) / "groot" / "docs", Path(tmp) / "klein" / "docs"
        sources = replicate(big, args.documents)
        replicate(small, args.documents // 5)
        rows = {}
        for stage in STAGES:
            times, peaks, notes = [], [], ""
            for _ in range(args.repeats):
                seconds, peak, notes = run(stage, big)
                times.append(seconds)
                peaks.append(peak)
            small_peak = statistics.median(run(stage, small)[1] for _ in range(args.repeats))
            rows[stage] = (statistics.median(times), statistics.median(peaks), small_peak, notes)
            print(f"{stage}: {rows[stage]}", file=sys.stderr)
        shares = run("shares", small)[2]
        load = os.getloadavg()
    bare = rows["bare"][0]
    print(f"{args.documents} documents (replicated from {sources} real decisions), medians of {args.repeats} runs\n")
    print(f"| stage | CPU seconds | documents/s | relative to bare parse | peak MiB ({args.documents}) | "
          f"peak MiB ({args.documents // 5}) |")
    print("|---|---:|---:|---:|---:|---:|")
    labels = {"bare": "bare lxml parse", "read": "read (documents + sections)",
              "select": "read + selection (articles: [273f])",
              "precode": "read + selection + pre-coding + workbook"}
    for stage, (seconds, peak, small_peak, notes) in rows.items():
        print(f"| {labels[stage]} | {seconds:.1f} | {args.documents / seconds:,.0f} | {bare / seconds:.2f} | "
              f"{peak:.0f} | {small_peak:.0f} |")
    print(f"\n{rows['precode'][3]}")
    print(f"selected with articles [273f]: {rows['select'][3]}")
    print(f"pre-coding by step ({args.documents // 5} documents, one process): {shares}")
    print(f"load average at the end (1, 5, 15 min): {load[0]:.1f}, {load[1]:.1f}, {load[2]:.1f}")


if __name__ == "__main__":
    main()
