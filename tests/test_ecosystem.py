"""The workflow as a Snakemake user meets it: run from any Snakemake, with or without conda."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from conftest import SNAKEMAKE, copy_project


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path)


def test_use_conda_without_conda_stops_with_one_dutch_line(project, tmp_path):
    """No conda on PATH: a clear message before any job, not Snakemake's "Error running conda info"."""
    if shutil.which("conda"):
        pytest.skip("conda is geïnstalleerd: de melding voor een machine zonder conda is hier niet te zien")
    process = subprocess.run([str(SNAKEMAKE), "--use-conda", "-n", "report"], cwd=project, capture_output=True,
                             text=True, env={**os.environ, "PATH": f"{SNAKEMAKE.parent}{os.pathsep}/usr/bin:/bin"})
    assert process.returncode == 1
    assert "FOUT: --use-conda vraagt om conda, maar dat staat niet op PATH" in process.stderr
    assert "Error running conda info" not in process.stderr and "Traceback" not in process.stderr
    assert not (project / "results").exists()
