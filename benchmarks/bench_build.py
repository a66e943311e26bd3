"""Time the build: setup from a fresh clone, cold `snakemake report`, no-op, and incremental rebuilds.

Usage (from the repository root, environment built):
    .venv/bin/python benchmarks/bench_build.py [--repeats 3] [--setup]

Runs everything in a temporary `git clone` of HEAD so the working tree is untouched. Prints a Markdown table of
medians (and the rules each incremental run executed) for benchmarks/README.md. --setup also times `make env`
in a fresh clone (creates a new virtual environment: slow, downloads from PyPI).
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def run(cmd: list[str], cwd: Path) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True,
                          env={"PATH": f"{BIN}:/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1593561600", "HOME": str(cwd)})
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stderr[-3000:]}")
    return elapsed, done.stdout + done.stderr


def rules_run(log: str) -> list[str]:
    return sorted(set(re.findall(r"^(?:local)?rule (\w+):", log, flags=re.MULTILINE))) or ["(geen)"]


def clone(target: Path) -> Path:
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(target)], check=True)
    return target


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--setup", action="store_true", help="also time `make env` in a fresh clone")
    args = parser.parse_args(argv)
    snakemake = [str(BIN / "snakemake"), "report"]
    rows: list[tuple[str, list[float], str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        if args.setup:
            work = clone(Path(tmp) / "setup")
            seconds, _ = run(["make", "env"], work)
            rows.append(("setup: `make env` in a fresh clone", [seconds], ""))
            shutil.rmtree(work)
        cold, noop, report_edit, code_edit = [], [], [], []
        report_rules = code_rules = ""
        for i in range(args.repeats):
            work = clone(Path(tmp) / f"run{i}")
            seconds, _ = run(snakemake, work)
            cold.append(seconds)
            noop.append(run(snakemake, work)[0])
            qmd = work / "report" / "kamerbrief.qmd"
            qmd.write_text(qmd.read_text(encoding="utf-8") + "\n<!-- bench edit -->\n", encoding="utf-8")
            seconds, log = run(snakemake, work)
            report_edit.append(seconds)
            report_rules = ", ".join(rules_run(log))
            clean = work / "src" / "mhcases" / "clean.py"
            clean.write_text(clean.read_text(encoding="utf-8") + "\n# bench edit\n", encoding="utf-8")
            seconds, log = run(snakemake, work)
            code_edit.append(seconds)
            code_rules = ", ".join(rules_run(log))
            shutil.rmtree(work)
        rows += [("cold `snakemake report`", cold, ""), ("no-op `snakemake report`", noop, ""),
                 ("edit report/kamerbrief.qmd", report_edit, report_rules),
                 ("edit src/mhcases/clean.py", code_edit, code_rules)]
    print("| measurement | median (s) | runs | rules that ran |")
    print("|---|---:|---:|---|")
    for name, values, rules in rows:
        print(f"| {name} | {statistics.median(values):.2f} | {len(values)} | {rules} |")


if __name__ == "__main__":
    main()
