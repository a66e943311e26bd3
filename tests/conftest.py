"""Shared fixtures: `built_project` builds the whole DAG once per test session in a temporary copy."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# What a build needs; results/, .snakemake/ and caches are left behind.
PROJECT_PARTS = ("Snakefile", "rules", "scripts", "src", "config", "data", "envs", "report", "profiles")
SNAKEMAKE = Path(sys.executable).parent / "snakemake"
BUILD_EPOCH = "1593561600"  # 2020-07-01 00:00 UTC: fixed build date, byte-identical outputs


def copy_project(target: Path) -> Path:
    """Copy the parts of the repository a build needs into `target`; returns `target`."""
    ignore = shutil.ignore_patterns("__pycache__", ".quarto", "*_files", ".ipynb_checkpoints")
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=ignore)
        elif source.exists():
            shutil.copy2(source, target / part)
    return target


def run_snakemake(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run this environment's snakemake in `root` with a fixed SOURCE_DATE_EPOCH."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH}
    env["PATH"] = f"{SNAKEMAKE.parent}{os.pathsep}{env.get('PATH', '')}"
    return subprocess.run([str(SNAKEMAKE), *args], cwd=root, env=env, capture_output=True, text=True)


@dataclass(frozen=True)
class BuiltProject:
    """A temporary copy of the project after `snakemake report`."""

    root: Path
    process: subprocess.CompletedProcess[str]

    @property
    def html(self) -> Path:
        return self.root / "results" / "report" / "kamerbrief.html"

    @property
    def pdf(self) -> Path:
        return self.root / "results" / "report" / "kamerbrief.pdf"


@pytest.fixture(scope="session")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> BuiltProject:
    """The project built once (`snakemake report --cores 2`) in a temporary directory."""
    root = copy_project(tmp_path_factory.mktemp("project"))
    process = run_snakemake(root, "report", "--cores", "2")
    if process.returncode != 0:
        pytest.fail(f"snakemake report faalde (code {process.returncode}):\n{process.stderr[-4000:]}")
    return BuiltProject(root, process)
