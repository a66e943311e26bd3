"""Two builds in two fresh copies produce byte-identical files under results/ (CSV, Parquet, SVG, PNG, HTML, PDF):
one with SOURCE_DATE_EPOCH set (as `make` does), one bare, as `snakemake report` in a clone runs (its build date
is then the last commit's time, which both copies share)."""

import hashlib
import shutil

import pytest

from conftest import git_snapshot, run_snakemake


def digests(root):
    """SHA-256 of every output; the rule logs (results/logs/) are diagnostics that may name this machine's paths."""
    results = root / "results"
    return {str(p.relative_to(results)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(results.rglob("*")) if p.is_file() and p.relative_to(results).parts[0] != "logs"}


@pytest.mark.e2e
def test_two_builds_are_byte_identical(built_project, tmp_path):
    # The first build's sources, not the working tree again (it may have changed since: a shared tree).
    again = tmp_path / "second"
    shutil.copytree(built_project.root, again, ignore=shutil.ignore_patterns("results", ".snakemake", ".git"))
    git_snapshot(again)
    process = run_snakemake(again, "report", "--cores", "2", epoch=False)
    assert process.returncode == 0, process.stderr[-3000:]
    first, second = digests(built_project.root), digests(again)
    assert set(first) == set(second)
    kinds = {name.rsplit(".", 1)[-1] for name in first}
    assert {"csv", "parquet", "svg", "png", "html", "pdf"} <= kinds
    differing = sorted(name for name in first if first[name] != second[name])
    assert differing == []


@pytest.mark.e2e
def test_no_output_or_log_names_the_build_folder(built_project):
    """Outputs and logs are the same wherever the project is built: no absolute path of the build in them."""
    folder = str(built_project.root).encode()
    named = [str(p.relative_to(built_project.root)) for p in sorted((built_project.root / "results").rglob("*"))
             if p.is_file() and folder in p.read_bytes()]
    assert named == []
