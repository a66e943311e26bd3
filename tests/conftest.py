"""Shared fixtures: `built_project` builds the whole DAG once per test session in a temporary copy.

`make test` runs the suite on two pytest-xdist workers, one test module at a time per worker (`--dist loadfile`), so
a module's own module- or session-scoped fixtures (a build, the SLURM check) are made once, on one worker. The
session-wide `built_project` is built once per run too: by whichever worker asks first, in a folder both workers
see; the other waits for it and reads it.
"""

from __future__ import annotations

import fcntl
import json
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


def git_snapshot(root: Path) -> str:
    """Make `root` a git work tree with one commit dated BUILD_EPOCH (same files -> same commit); returns it."""
    env = {**os.environ, "GIT_AUTHOR_DATE": f"@{BUILD_EPOCH} +0000", "GIT_COMMITTER_DATE": f"@{BUILD_EPOCH} +0000",
           "GIT_AUTHOR_NAME": "test", "GIT_AUTHOR_EMAIL": "test@example.org", "GIT_COMMITTER_NAME": "test",
           "GIT_COMMITTER_EMAIL": "test@example.org"}
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "--no-gpg-sign", "-m", "test"]):
        subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True).stdout.strip()


def run_snakemake(root: Path, *args: str, timeout: int | None = None, epoch: bool = True
                  ) -> subprocess.CompletedProcess[str]:
    """Run this environment's snakemake in `root` with a fixed SOURCE_DATE_EPOCH (`epoch=False`: none, as a bare
    `snakemake report` would); with `timeout` (seconds) under `timeout -k 10`, so a hung run is ended (SIGTERM,
    SIGKILL 10 s later) with exit code 124 or 137."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH}
    if not epoch:
        env.pop("SOURCE_DATE_EPOCH")
    env["PATH"] = f"{SNAKEMAKE.parent}{os.pathsep}{env.get('PATH', '')}"
    prefix = ["timeout", "-k", "10", str(timeout)] if timeout else []
    return subprocess.run([*prefix, str(SNAKEMAKE), *args], cwd=root, env=env, capture_output=True, text=True)


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


def _build_project(root: Path) -> dict:
    """Copy the project into `root`, snapshot it in git and run `snakemake report --cores 2` there."""
    copy_project(root)
    git_snapshot(root)
    process = run_snakemake(root, "report", "--cores", "2")
    return {"args": process.args, "returncode": process.returncode, "stdout": process.stdout,
            "stderr": process.stderr}


@pytest.fixture(scope="session")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> BuiltProject:
    """The project built once (`snakemake report --cores 2`) in a temporary directory; under pytest-xdist once
    for all workers, in the run's own temporary folder (the parent of every worker's basetemp)."""
    if os.environ.get("PYTEST_XDIST_WORKER") is None:
        root = tmp_path_factory.mktemp("project")
        record = _build_project(root)
    else:
        shared = tmp_path_factory.getbasetemp().parent
        root, done = shared / "built_project", shared / "built_project.json"
        with open(shared / "built_project.lock", "w") as guard:
            fcntl.flock(guard, fcntl.LOCK_EX)  # one worker builds, the others wait and then read its result
            if not done.exists():
                root.mkdir()
                done.write_text(json.dumps(_build_project(root)), encoding="utf-8")
            record = json.loads(done.read_text(encoding="utf-8"))
    process = subprocess.CompletedProcess(record["args"], record["returncode"], record["stdout"], record["stderr"])
    if process.returncode != 0:
        pytest.fail(f"snakemake report faalde (code {process.returncode}):\n{process.stderr[-4000:]}")
    return BuiltProject(root, process)


# The modules that take longest (measured: README, "Tests"), longest first. Under xdist they are handed out first,
# so the two workers end together instead of one starting the SLURM builds when the other is nearly done.
SLOW_MODULES = ("tests/test_slurm.py", "tests/test_followup.py", "tests/test_ecosystem_venv.py",
                "tests/test_bad_input.py", "tests/verdicts/test_verdict_rules.py", "tests/test_report_content.py")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On an xdist worker (`make test`: `-n 2 --dist loadfile --no-loadscope-reorder`), put the slow modules first;
    the order within a module, and the order everywhere without xdist, stays as collected."""
    if os.environ.get("PYTEST_XDIST_WORKER") is None:
        return
    rank = {module: number for number, module in enumerate(SLOW_MODULES)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::", 1)[0], len(rank)))
