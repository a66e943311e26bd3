"""The workflow on SLURM through Snakemake's executor plugin (issue 15).

The profile tests run everywhere. The cluster tests need a reachable SLURM with an idle node (CI starts a
single-node one with tools/slurm_up.sh; on a laptop they are skipped with the reason). They build the default
report and the design study through `--executor slurm` with the project's profiles under a hard timeout and compare
every byte of `results/` with a local build, and check that a failing job fails the run (non-zero exit, rule
named) rather than hanging it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO, copy_project, git_snapshot, run_snakemake

# The real cluster's profile, then the test cluster's overrides (README, "Op een cluster").
SLURM_PROFILES = ("--profile", "profiles/slurm", "--profile", "profiles/slurm-lokaal")
# Hard limits: the report takes about 75 s through an idle test cluster, a failing first job about 15 s.
BUILD_TIMEOUT = 900
FAILURE_TIMEOUT = 300
TIMED_OUT = (124, 137)  # exit codes of `timeout` (SIGTERM sent, SIGKILL sent)
READY_STATES = {"idle", "mixed"}


def slurm_unavailable() -> str | None:
    """Why no SLURM job can run here, or None when a node is ready."""
    if shutil.which("sinfo") is None:
        return "geen SLURM: sinfo niet gevonden (start een testcluster met tools/slurm_up.sh, als root)"
    try:
        process = subprocess.run(["sinfo", "-h", "-N", "-o", "%T"], capture_output=True, text=True, timeout=30)
    except subprocess.TimeoutExpired:
        return "geen SLURM: sinfo antwoordde niet binnen 30 s"
    if process.returncode != 0:
        return f"geen SLURM: sinfo faalde ({process.stderr.strip()[:200]})"
    states = {s.strip().rstrip("*~#") for s in process.stdout.split()}
    if not states & READY_STATES:
        return f"geen SLURM-knooppunt beschikbaar (toestanden: {', '.join(sorted(states)) or 'geen'})"
    return None


@pytest.fixture(scope="module")
def slurm() -> None:
    """Skips without SLURM; fails instead where it must be there (.ci/run sets MHCASES_REQUIRE_SLURM)."""
    reason = slurm_unavailable()
    if reason and os.environ.get("MHCASES_REQUIRE_SLURM"):
        pytest.fail(f"MHCASES_REQUIRE_SLURM is gezet, maar {reason}")
    if reason:
        pytest.skip(reason)


def cancel_jobs_under(root: Path) -> list[str]:
    """Cancel the SLURM jobs whose working directory is `root` (left behind by a killed run); their ids."""
    listing = subprocess.run(["squeue", "-h", "-o", "%i %Z"], capture_output=True, text=True, timeout=30).stdout
    ids = [line.split()[0] for line in listing.splitlines()
           if len(line.split()) == 2 and Path(line.split()[1]).resolve() == root.resolve()]
    if ids:
        subprocess.run(["scancel", *ids], timeout=30, check=False)
    return ids


def run_on_slurm(root: Path, *args: str, timeout: int) -> subprocess.CompletedProcess[str]:
    try:
        return run_snakemake(root, *args, *SLURM_PROFILES, timeout=timeout)
    finally:
        cancel_jobs_under(root)


def results_bytes(root: Path) -> dict[str, bytes]:
    """Every file under results/, by relative path. Logs name the project folder (the renderer logs the .qmd's
    absolute path), which differs between two copies however they are built: that folder is replaced by a
    placeholder, nothing else."""
    results = root / "results"
    found = {}
    for path in sorted(p for p in results.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if path.relative_to(results).parts[0] == "logs":
            data = data.replace(str(root).encode(), b"<project>")
        found[str(path.relative_to(results))] = data
    return found


def test_cluster_profiles_parse_and_give_every_job_its_resources(tmp_path: Path) -> None:
    """Both profiles are valid Snakemake options (a dry run refuses unknown keys), the test cluster's partition
    reaches every job, and every job carries the runtime and memory its rule declares."""
    root = copy_project(tmp_path)
    process = run_snakemake(root, "report", "--dry-run", *SLURM_PROFILES, timeout=120)
    assert process.returncode == 0, process.stderr[-3000:]
    jobs = re.findall(r"^rule (\w+):\n(.*?)(?=^\S|\Z)", process.stdout + process.stderr, flags=re.M | re.S)
    stage_rules = {name for smk in (REPO / "rules").glob("*.smk")
                   for name in re.findall(r"^rule (\w+):", smk.read_text(), flags=re.M)}
    jobs = [(rule, block) for rule, block in jobs if rule in stage_rules]  # not the target rules `all`, `report`
    assert jobs, "de droge run noemde geen jobs"
    for rule, block in jobs:
        resources = re.search(r"resources: (.*)", block)
        assert resources, f"{rule}: geen resources"
        assert "slurm_partition=debug" in resources.group(1), rule
        assert re.search(r"\bruntime=\d+", resources.group(1)), f"{rule}: geen runtime"


@pytest.mark.parametrize("smk", sorted((REPO / "rules").glob("*.smk")), ids=lambda p: p.name)
def test_every_rule_declares_threads_memory_and_runtime(smk: Path) -> None:
    """A scheduler can only place a job whose needs are known: threads, mem_mb and runtime, per rule."""
    blocks = re.split(r"^rule (\w+):\n", smk.read_text(), flags=re.M)[1:]
    hint = "declareer threads: en resources: mem_mb=, runtime= (gemeten; README, 'Op een cluster')"
    for rule, body in zip(blocks[::2], blocks[1::2]):
        assert re.search(r"^    threads: *\d+", body, flags=re.M), f"{smk.name}: {rule} zonder threads; {hint}"
        resources = re.search(r"^    resources:.*\n((?:        .*\n)+)", body, flags=re.M)
        assert resources, f"{smk.name}: {rule} zonder resources; {hint}"
        for key in ("mem_mb", "runtime"):
            assert re.search(rf"^        {key}=", resources.group(1), flags=re.M), \
                f"{smk.name}: {rule} zonder {key}; {hint}"


@pytest.mark.e2e
@pytest.mark.parametrize("target", ["report", "ontwerp"])  # the letter; the design study (15 independent jobs)
def test_target_through_slurm_is_byte_identical_to_the_local_build(slurm: None, tmp_path: Path, target: str,
                                                                   request: pytest.FixtureRequest) -> None:
    cluster = tmp_path / "slurm"
    if target == "report":  # the session's local build (conftest.built_project), and the cluster gets its sources
        local = request.getfixturevalue("built_project").root
        ignore = shutil.ignore_patterns("results", ".snakemake", ".git", "__pycache__")
        shutil.copytree(local, cluster, ignore=ignore)
        git_snapshot(cluster)  # the same files and date: the same commit in the provenance
    else:
        local = tmp_path / "lokaal"
        local.mkdir(), cluster.mkdir()
        copy_project(local)
        built = run_snakemake(local, target, "--cores", "2", timeout=BUILD_TIMEOUT)
        assert built.returncode == 0, built.stderr[-3000:]
        copy_project(cluster)

    process = run_on_slurm(cluster, target, timeout=BUILD_TIMEOUT)
    assert process.returncode not in TIMED_OUT, \
        f"de SLURM-build liep na {BUILD_TIMEOUT} s nog:\n{process.stderr[-3000:]}"
    assert process.returncode == 0, process.stderr[-3000:]
    assert re.search(r"submitted with SLURM jobid \d+", process.stderr), "geen job ging via SLURM"

    expected, actual = results_bytes(local), results_bytes(cluster)
    assert sorted(actual) == sorted(expected)
    differing = [name for name in expected if actual[name] != expected[name]]
    assert differing == []


@pytest.mark.e2e
def test_failing_job_on_slurm_fails_the_run_and_names_the_rule(slurm: None, tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    sheet = root / "data/raw/codeerblad_synthetisch.csv"
    lines = sheet.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace(",2018-", ",geen datum-", 1)  # the first defendant's decision date
    sheet.write_text("".join(lines), encoding="utf-8")

    process = run_on_slurm(root, "report", timeout=FAILURE_TIMEOUT)
    assert process.returncode not in TIMED_OUT, f"de run hing (na {FAILURE_TIMEOUT} s beëindigd)"
    assert process.returncode != 0
    assert "Error in rule clean_cases" in process.stderr
    assert "decision_date" in process.stderr  # the job's own located error reaches the user
    assert not (root / "results/report/kamerbrief.html").exists()
