"""Wall time of one heavy target on 1 core, on 2 cores and through SLURM (Snakemake's executor plugin).

Usage (from the repository root, environment built; for the SLURM column a reachable SLURM, e.g.
`tools/slurm_up.sh` as root):
    .venv/bin/python benchmarks/bench_cluster.py [--target report] [--defendants 100000] [--replicates 1999]
        [--modes cores1,cores2,slurm]

Every mode builds the target cold in its own temporary `git clone` of HEAD (working tree untouched), with the
synthetic sheet of --defendants defendants (0: the default sheet) and --replicates bootstrap replicates. The SLURM
mode uses the project's profiles: `--profile profiles/slurm --profile profiles/slurm-lokaal`. Prints a Markdown
table for benchmarks/README.md with the 1-minute load average before and after each run (the machines are shared:
a load above the core count stretches wall times).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "src"))

MODES = {
    "cores1": ["--cores", "1"],
    "cores2": ["--cores", "2"],
    "slurm": ["--profile", "profiles/slurm", "--profile", "profiles/slurm-lokaal"],
}
TIMEOUT = 7200


def prepare(work: Path, defendants: int, replicates: int) -> None:
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(work)], check=True)
    config = work / "config/config.yaml"
    text = re.sub(r"bootstrap_replicates: \d+", f"bootstrap_replicates: {replicates}", config.read_text(), count=1)
    if defendants:
        from mhcases import synth

        params = synth.load_params(work / "data/raw/synthetic_params.yaml")
        synth.write_sheet(synth.generate_cohort(params, defendants, seed=1), work / "data/raw/groot.csv")
        # Not the calibrated sheet: Tables 1, 2, 4 differ from the letter, so the synthetic check must not be fatal.
        text = text.replace("codeerblad_synthetisch.csv", "groot.csv").replace("synthetic: true ", "synthetic: false")
    config.write_text(text)


def run(work: Path, target: str, mode: str) -> tuple[float, float, float, int]:
    """Wall seconds, load before, load after, jobs run."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1593561600", "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    done = subprocess.run(["timeout", "-k", "10", str(TIMEOUT), str(BIN / "snakemake"), target, *MODES[mode]],
                          cwd=work, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{mode} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    jobs = len(re.findall(r"^(?:local)?rule \w+:", done.stderr, flags=re.M))
    return elapsed, load_before, os.getloadavg()[0], jobs


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--target", default="report")
    parser.add_argument("--defendants", type=int, default=100_000)
    parser.add_argument("--replicates", type=int, default=1999)
    parser.add_argument("--modes", default="cores1,cores2,slurm")
    args = parser.parse_args(argv)
    modes = args.modes.split(",")
    if unknown := set(modes) - set(MODES):
        parser.error(f"unknown modes: {', '.join(sorted(unknown))}")
    if "slurm" in modes and shutil.which("sbatch") is None:
        parser.error("no SLURM here (sbatch not found): start one with tools/slurm_up.sh or leave out 'slurm'")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for mode in modes:
            work = Path(tmp) / mode
            prepare(work, args.defendants, args.replicates)
            rows.append((mode, *run(work, args.target, mode)))
            shutil.rmtree(work)
    sheet = f"{args.defendants:,} defendants" if args.defendants else "the default sheet"
    print(f"`snakemake {args.target}`, {sheet}, {args.replicates} replicates, cold, one run each, "
          f"{os.cpu_count()} CPUs.\n")
    print("| mode | wall (s) | jobs | load before | load after |")
    print("|---|---:|---:|---:|---:|")
    for mode, wall, before, after, jobs in rows:
        print(f"| {mode} | {wall:.1f} | {jobs} | {before:.1f} | {after:.1f} |")


if __name__ == "__main__":
    main()
