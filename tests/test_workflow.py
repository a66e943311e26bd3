"""Snakemake hygiene: lint-clean, Snakemake's own report, rules declare the library code they run."""

import ast
import re
from pathlib import Path

import pandas as pd
import pytest

from conftest import REPO, run_snakemake

RULE_FILES = sorted((REPO / "rules").glob("*.smk"))


def script_imports(path: Path, seen=None) -> set[str]:
    """mhcases modules a script uses, transitively."""
    seen = set() if seen is None else seen
    for node in ast.walk(ast.parse(path.read_text())):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("mhcases"):
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names if a.name.startswith("mhcases")]
        for name in names:
            parts = name.split(".")[1:]
            if not parts:
                continue
            # mhcases.a.b is src/mhcases/a/b.py or src/mhcases/a/b/__init__.py; rules declare the top level "a"
            base = REPO / "src" / "mhcases" / Path(*parts)
            source = next((f for f in (base.with_suffix(".py"), base / "__init__.py") if f.exists()), None)
            if source is not None and str(source) not in seen:
                seen.add(str(source))
                seen.add(parts[0])
                if len(parts) > 1:  # importing a submodule runs its package's __init__ first
                    script_imports(REPO / "src" / "mhcases" / parts[0] / "__init__.py", seen)
                script_imports(source, seen)
    return {m for m in seen if "/" not in m}


def declared_code(rule: str) -> set[str]:
    for path in RULE_FILES:
        match = re.search(rf"rule {rule}:\n(.*?)(?=\n\nrule |\n\n#|\Z)", path.read_text(), flags=re.S)
        if match:
            code = re.search(r'code=lib\(([^)]*)\)', match.group(1))
            base = re.search(r"BASE_MODULES = \(([^)]*)\)", (REPO / "rules" / "common.smk").read_text()).group(1)
            return set(re.findall(r'"(\w+)"', code.group(1) + base)) if code else set()
    raise AssertionError(f"rule {rule} not found")


@pytest.mark.parametrize("script", sorted((REPO / "scripts").glob("*.py")), ids=lambda p: p.stem)
def test_rule_declares_every_library_module_its_script_uses(script):
    missing = script_imports(script) - declared_code(script.stem)
    assert not missing, f"rule {script.stem}: add {sorted(missing)} to code=lib(...)"


def test_workflow_files_are_snakefmt_clean():
    """`snakefmt --check` (pinned test dependency; settings in pyproject.toml [tool.snakefmt]) changes nothing."""
    import subprocess
    import sys

    snakefmt = Path(sys.executable).parent / "snakefmt"
    assert snakefmt.exists(), "snakefmt ontbreekt: `make env` installeert het (requirements.lock)"
    process = subprocess.run([str(snakefmt), "--check", "rules", "Snakefile"], cwd=REPO, capture_output=True,
                             text=True)
    assert process.returncode == 0, f"run `snakefmt rules/ Snakefile`:\n{process.stderr[-2000:]}"


def test_one_rule_one_script():
    rules = {m for p in RULE_FILES for m in re.findall(r"^rule (\w+):", p.read_text(), flags=re.M)}
    scripts = {p.stem for p in (REPO / "scripts").glob("*.py")}
    assert scripts == rules


@pytest.mark.e2e
def test_lint_is_clean(built_project):
    process = run_snakemake(built_project.root, "--lint")
    assert "Congratulations, your workflow is in a good condition!" in process.stdout + process.stderr


# `snakemake --report`: one category per stage (rule file), in the order of the workflow (report/workflow.rst).
REPORT_CATEGORIES = {"data.smk": "1. Gegevens", "describe.smk": "2. Beschrijving", "models.smk": "3. Modellen",
                     "design.smk": "4. Ontwerpstudie", "report.smk": "5. Brief"}


def report_entries():
    """(rule file, output path, caption, category) of every output marked for Snakemake's report."""
    pattern = re.compile(r'report\(\s*"([^"]+)",\s*caption="([^"]+)",\s*category="([^"]+)"', re.S)
    return [(path.name, *match) for path in RULE_FILES for match in pattern.findall(path.read_text())]


def test_report_outputs_have_a_caption_and_their_stage_as_category():
    entries = report_entries()
    assert len(entries) == sum(p.read_text().count("report(") for p in RULE_FILES)  # every one has both
    for rule_file, output, caption, category in entries:
        assert (REPO / "rules" / caption).resolve().is_file(), (output, caption)
        assert category == REPORT_CATEGORIES[rule_file], (output, category)
    tables = {output for _, output, _, _ in entries if output.endswith(".csv")}
    assert {f"results/tables/tabel_{n}.csv" for n in range(1, 6)} <= tables
    assert "report/workflow.rst" in (REPO / "Snakefile").read_text()


@pytest.mark.e2e
def test_snakemake_report_shows_the_tables_figures_and_workflow_with_captions(built_project, tmp_path):
    import yaml

    out = tmp_path / "snakemake-report.html"  # not in results/: other tests compare that folder between builds
    process = run_snakemake(built_project.root, "--report", str(out))
    assert process.returncode == 0, process.stderr[-2000:]
    text = out.read_text(encoding="utf-8", errors="replace")
    built = [(output, category) for rule_file, output, _, category in report_entries() if rule_file != "design.smk"]
    for output, category in built:  # the design study is not part of the default build
        assert Path(output).name in text and category in text, output
    assert "Tabel 1 van de brief, opnieuw berekend" in text and "Cumulatieve verdeling" in text  # captions
    replicates = yaml.safe_load((built_project.root / "config" / "config.yaml").read_text())["analysis"][
        "bootstrap_replicates"]
    assert f"{replicates} trekkingen" in text  # captions and description filled in from the build's settings
    assert "Jurisprudentieonderzoek mensenhandel, reproduceerbaar" in text  # the workflow description


@pytest.mark.e2e
def test_bad_input_stops_the_build_and_leaves_no_stale_output(tmp_path):
    from conftest import copy_project

    root = copy_project(tmp_path)
    assert run_snakemake(root, "clean_cases", "--cores", "1").returncode == 0
    cases = root / "results" / "clean" / "cases.parquet"
    assert cases.exists()
    sheet = root / "data" / "raw" / "codeerblad_synthetisch.csv"
    frame = pd.read_csv(sheet, dtype=str, keep_default_na=False)
    frame.loc[4, "victim_minor"] = "misschien"  # sheet row 6 (row 1 is the header)
    frame.to_csv(sheet, index=False)
    process = run_snakemake(root, "clean_cases", "--cores", "1")
    assert process.returncode != 0
    assert "rij 6" in process.stderr and "kolom 'victim_minor'" in process.stderr and "'misschien'" in process.stderr
    assert not cases.exists()  # the previous, now stale, output is gone
    assert not list((root / "results" / "clean").glob(".*"))  # no temporary files left behind
