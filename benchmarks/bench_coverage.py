"""Interval coverage over repeated small cohorts: do the 95% intervals at n = 150 cover the generator's truth?

Usage: .venv/bin/python benchmarks/bench_coverage.py [--cohorts 500] [--size 150]

Draws `--cohorts` synthetic cohorts of `--size` defendants from the same generator (uncalibrated, so each is a
fresh draw), cleans each with the build's code, fits models 1 and 3, and counts how often the case-clustered 95%
interval contains the true effect (`synth.truth`). Prints a Markdown table for benchmarks/README.md with the
Monte Carlo standard error of each coverage rate.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from mhcases import models, synth  # noqa: E402
from mhcases.clean import clean_sheet  # noqa: E402
from mhcases.schemas import validate_raw  # noqa: E402
from mhcases.sheet import frame_to_raw  # noqa: E402

TARGETS = [
    ("1_eis", "minor", ("minor_victim", "demand_log_averaged_over_under16")),
    ("1_eis", "disabled", ("disabled_victim", "demand_log")),
    ("3_opgelegd", "minor", ("minor_victim", "imposed_given_demand_log_mean")),
    ("3_opgelegd", "disabled", ("disabled_victim", "imposed_given_demand_log_mean")),
    ("3_opgelegd", "partial", ("partial_acquittal", "imposed_given_demand_log_mean")),
    ("5_mediaan", "minor", ("minor_victim", "imposed_given_demand_log")),
]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cohorts", type=int, default=500)
    parser.add_argument("--size", type=int, default=150)
    args = parser.parse_args(argv)
    params = synth.load_params(ROOT / "data/raw/synthetic_params.yaml")
    truth = synth.truth(params)
    hits = {t[:2]: 0 for t in TARGETS}
    fitted = {t[:2]: 0 for t in TARGETS}
    widths = {t[:2]: 0.0 for t in TARGETS}
    start = time.perf_counter()
    for seed in range(args.cohorts):
        sheet = synth.generate_cohort(params, args.size, seed=10_000 + seed)
        clean, _ = clean_sheet(validate_raw(frame_to_raw(sheet), f"cohort {seed}"))
        coefficients, _ = models.fit_all(clean, 0.95)
        table = coefficients.set_index(["model", "term"])
        for model, term, path in TARGETS:
            if (model, term) not in table.index:
                continue
            row = table.loc[(model, term)]
            value = truth[path[0]][path[1]]
            fitted[(model, term)] += 1
            hits[(model, term)] += int(row["ci_low"] <= value <= row["ci_high"])
            widths[(model, term)] += row["ci_high"] - row["ci_low"]
    elapsed = time.perf_counter() - start
    print(f"{args.cohorts} cohorts of {args.size} defendants ({elapsed:.0f} s). Nominal coverage 95%.\n")
    print("| model | term | truth (log points) | coverage | MC s.e. | mean CI width | cohorts fitted |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for model, term, path in TARGETS:
        n = fitted[(model, term)]
        rate = hits[(model, term)] / n if n else float("nan")
        se = math.sqrt(rate * (1 - rate) / n) if n else float("nan")
        print(f"| {model} | {term} | {truth[path[0]][path[1]]:.3f} | {rate:.3f} | {se:.3f} | "
              f"{widths[(model, term)] / n:.3f} | {n} |")


if __name__ == "__main__":
    main()
