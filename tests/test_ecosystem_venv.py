"""The workflow runs under a Snakemake that is not the project's own: a second virtual environment with only the
runtime packages of requirements.lock (no `pip install -e .`), as a global `snakemake --use-conda` user has.

The environment is created once and kept in `.venv-test/` (git-ignored), keyed by the SHA-256 of
requirements.lock: a changed lock rebuilds it. Creating it downloads the pinned wheels (about 3 minutes on a
loaded two-core machine without a pip cache, well under a minute with one); reusing it costs nothing.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BUILD_EPOCH, REPO, git_snapshot
from test_determinism import digests

VENV = REPO / ".venv-test"
LOCK = REPO / "requirements.lock"
OFFLINE = ("NewConnectionError", "Temporary failure in name resolution", "Network is unreachable",
           "Failed to establish a new connection")


def _run(command: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, **kwargs)


@pytest.fixture(scope="session")
def runtime_venv() -> Path:
    """A virtual environment with exactly the packages of requirements.lock and not the project itself."""
    stamp = VENV / ".lock-sha256"
    wanted = hashlib.sha256(LOCK.read_bytes()).hexdigest()
    with open(REPO / ".venv-test.lock", "w") as guard:  # one creator when several test sessions run at once
        fcntl.flock(guard, fcntl.LOCK_EX)
        if not (stamp.is_file() and stamp.read_text() == wanted):
            shutil.rmtree(VENV, ignore_errors=True)
            created = _run([sys.executable, "-m", "venv", str(VENV)])
            assert created.returncode == 0, created.stderr
            # --no-deps: the lock must be complete by itself (pip check below proves it).
            pip = [str(VENV / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
            installed = _run([*pip, "--no-deps", "-r", str(LOCK)], timeout=1800)
            if installed.returncode != 0 and any(text in installed.stderr for text in OFFLINE):
                shutil.rmtree(VENV, ignore_errors=True)
                pytest.skip("geen verbinding met de package-index: de tweede omgeving kan niet worden gemaakt")
            assert installed.returncode == 0, installed.stderr[-3000:]
            stamp.write_text(wanted)
    return VENV


def _environment(venv: Path) -> dict[str, str]:
    """The environment of a user who runs that Snakemake: its bin/ on PATH, the project's .venv nowhere."""
    project_bin = str(Path(sys.executable).parent)
    path = [p for p in os.environ.get("PATH", "").split(os.pathsep) if p and p != project_bin]
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    return {**env, "PATH": os.pathsep.join([str(venv / "bin"), *path]), "SOURCE_DATE_EPOCH": BUILD_EPOCH}


def test_runtime_environment_is_complete_and_has_no_project(runtime_venv):
    python = str(runtime_venv / "bin" / "python")
    check = _run([python, "-m", "pip", "check"])
    assert check.returncode == 0, check.stdout + check.stderr
    imported = _run([python, "-c", "import mhcases"], cwd="/", env=_environment(runtime_venv))
    assert imported.returncode != 0 and "No module named 'mhcases'" in imported.stderr


@pytest.mark.e2e
def test_a_separate_snakemake_builds_the_letter_byte_identical(runtime_venv, built_project, tmp_path):
    # The same sources as the reference build (copied from it, not from the live tree, which may have changed since).
    root = tmp_path / "project"
    shutil.copytree(built_project.root, root, ignore=shutil.ignore_patterns("results", ".snakemake", ".git"))
    git_snapshot(root)
    snakemake = str(runtime_venv / "bin" / "snakemake")
    env = _environment(runtime_venv)
    dry = _run([snakemake, "-n", "report"], cwd=root, env=env)
    assert dry.returncode == 0, dry.stderr[-3000:]
    assert "render_report" in dry.stdout
    built = _run([snakemake, "report", "--cores", "2"], cwd=root, env=env, timeout=1800)
    assert built.returncode == 0, built.stderr[-3000:]
    ours, reference = digests(root), digests(built_project.root)
    assert {"clean/cases.parquet", "report/kamerbrief.html", "report/kamerbrief.pdf"} <= set(ours)
    assert sorted(name for name in ours if ours[name] != reference.get(name)) == []
