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


def test_one_rule_one_script():
    rules = {m for p in RULE_FILES for m in re.findall(r"^rule (\w+):", p.read_text(), flags=re.M)}
    scripts = {p.stem for p in (REPO / "scripts").glob("*.py")}
    assert scripts == rules


@pytest.mark.e2e
def test_lint_is_clean(built_project):
    process = run_snakemake(built_project.root, "--lint")
    assert "Congratulations, your workflow is in a good condition!" in process.stdout + process.stderr


@pytest.mark.e2e
def test_snakemake_report_shows_the_figures_with_captions(built_project):
    out = built_project.root / "results" / "snakemake-report.html"
    process = run_snakemake(built_project.root, "--report", str(out))
    assert process.returncode == 0, process.stderr[-2000:]
    text = out.read_text(encoding="utf-8", errors="replace")
    for name in ("verschuiving_links.svg", "eis_vs_opgelegd.svg", "ecdf_eis_opgelegd.svg"):
        assert name in text


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
