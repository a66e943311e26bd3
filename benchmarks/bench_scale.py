"""Scale: a 100,000-defendant synthetic sheet through every stage before the render; parser throughput.

Usage: .venv/bin/python benchmarks/bench_scale.py [--defendants 100000] [--replicates 1999] [--repeats 3]
       [--threads 1] [--stages models ...]

Each stage runs the rule's own script (`main(...)`) in a fresh Python process, as Snakemake would, so wall time
includes imports and peak memory (ru_maxrss of that process) is the stage's own. Prints a Markdown table of
medians over --repeats runs for benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

SCRIPT = """
import runpy, sys
module = runpy.run_path({script!r})
module["main"](*{args!r})
"""


def stages(work: Path, replicates: int) -> list[tuple[str, str, tuple]]:
    import yaml

    config = yaml.safe_load((ROOT / "config/config.yaml").read_text(encoding="utf-8"))
    period, minimum = config["study"]["period"], config["analysis"].get("minimum", {})
    c, t = work / "clean", work / "tables"
    classes = [0, 6, 12, 24, 36, 48, 72]
    return [
        ("clean_cases", "scripts/clean_cases.py", (str(work / "sheet.csv"), None, period, str(c / "cases.parquet"),
                                                    str(c / "cleaning_log.csv"))),
        ("published_tables", "scripts/published_tables.py",
         (str(c / "cases.parquet"), str(ROOT / "data/published"), {"tabel_1": 3, "tabel_2": 1, "tabel_4": 3},
          {n: str(t / f"{n}.csv") for n in ("tabel_1", "tabel_2", "tabel_4")})),
        ("duration_tables", "scripts/duration_tables.py",
         (str(c / "cases.parquet"), classes, str(t / "tabel_3.csv"), str(t / "tabel_5.csv"))),
        ("demand_sentence", "scripts/demand_sentence.py",
         (str(c / "cases.parquet"), replicates, 1, 0.95, str(t / "ds.csv"), str(t / "dst.csv"), str(t / "dsp.csv"))),
        ("decomposition", "scripts/decomposition.py",
         (str(c / "cases.parquet"), replicates, 1, 0.95, str(work / "dec.csv"), str(work / "cf.csv"))),
        ("models", "scripts/models.py",
         (str(c / "cases.parquet"), replicates, 1, 0.95, minimum,
          {k: str(work / f"{k}.csv") for k in ("coefficients", "effects", "two_part", "power", "sensitivity")})),
        ("figures", "scripts/figures.py",
         (str(c / "cases.parquet"), str(t / "tabel_3.csv"), str(t / "tabel_5.csv"), True,
          {f"{k}_{e}": str(work / f"{k}.{e}") for k in ("shift", "scatter", "ecdf") for e in ("svg", "png")})),
    ]


THREAD_VARIABLES = ("OMP_NUM_THREADS", "GOTO_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                    "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")  # what Snakemake sets to a job's threads


def run_stage(script: str, args: tuple, threads: int = 1) -> tuple[float, float, float]:
    """Wall seconds, peak resident memory (MiB) and CPU seconds (user + system) of the stage in its own process.
    On a shared machine the CPU seconds are the figure to compare: wall time stretches with the load. The BLAS
    threads are pinned to `threads`, as Snakemake pins them to the rule's `threads: 1`."""
    code = SCRIPT.format(script=str(ROOT / script), args=args)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), **{name: str(threads) for name in THREAD_VARIABLES})
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{script} failed: {process.stderr.read().decode()[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def parser_throughput(sheet: Path) -> tuple[int, float]:
    """Distinct demand and sentence phrases of the sheet parsed once each (no cache hits), phrases per second."""
    import pandas as pd

    from mhcases import phrases

    texts = pd.read_csv(sheet, usecols=["demand", "sentence"], dtype=str, keep_default_na=False)
    unique = list(dict.fromkeys([*texts["demand"], *texts["sentence"]]))
    cache_clear = phrases._parse_normalised.cache_clear  # measure parsing, not the cache
    cache_clear()
    start = time.perf_counter()
    for text in unique:
        phrases.parse_sanction(text)
    return len(unique), len(unique) / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--defendants", type=int, default=100_000)
    parser.add_argument("--replicates", type=int, default=1999)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1,
                        help="BLAS threads per stage (default 1: the rules' threads, as Snakemake runs them)")
    parser.add_argument("--stages", nargs="*", default=None, help="only these stages (default: all)")
    args = parser.parse_args(argv)
    from mhcases import synth

    timings: dict[str, list[tuple[float, float]]] = {}
    load_start = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        start = time.perf_counter()
        params = synth.load_params(ROOT / "data/raw/synthetic_params.yaml")
        synth.write_sheet(synth.generate_cohort(params, args.defendants, seed=1), work / "sheet.csv")
        generate = time.perf_counter() - start
        for _ in range(args.repeats):
            for name, script, stage_args in stages(work, args.replicates):
                if args.stages and name not in args.stages and name != "clean_cases":  # later stages read its output
                    continue
                timings.setdefault(name, []).append(run_stage(script, stage_args, args.threads))
        count, rate = parser_throughput(work / "sheet.csv")
    print(f"{args.defendants:,} defendants, {args.replicates} bootstrap replicates, median of {args.repeats} runs, "
          f"{args.threads} BLAS thread(s) per stage; generating the sheet took {generate:.1f} s.\n")
    print(f"Load average (1 min) at the start {load_start:.1f}, at the end {os.getloadavg()[0]:.1f}, "
          f"on {os.cpu_count()} cores.\n")
    print("| stage | wall (s) | CPU (s) | peak memory (MiB) |")
    print("|---|---:|---:|---:|")
    total = cpu_total = 0.0
    for name, values in timings.items():
        wall = statistics.median(v[0] for v in values)
        cpu = statistics.median(v[2] for v in values)
        total += wall
        cpu_total += cpu
        print(f"| {name} | {wall:.1f} | {cpu:.1f} | {statistics.median(v[1] for v in values):.0f} |")
    print(f"| **all stages (sum)** | **{total:.1f}** | **{cpu_total:.1f}** | |")
    print(f"\nParser: {count:,} distinct phrases, {rate:,.0f} phrases/s (no cache hits).")


if __name__ == "__main__":
    main()
