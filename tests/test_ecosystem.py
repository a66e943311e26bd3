"""The workflow as a Snakemake user meets it: run from any Snakemake, with or without conda."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import pytest
import yaml

from conftest import BUILD_EPOCH, REPO, SNAKEMAKE, copy_project


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


# --------------------------------------------------------------------------------------------------------------
# Quarto on its own: the report's parameters default to what the workflow writes
# --------------------------------------------------------------------------------------------------------------

PROBE = """include: "Snakefile"

import json as _json

Path("probe.json").write_text(_json.dumps({
    "results": {name: str(path) for name, path in rules.render_report.rule.params.results.items()},
    "periods": str(rules.compare_periods.output.table),
}))
"""


def test_default_results_are_where_the_workflow_writes_them(project):
    """mhcases.render.DEFAULT_RESULTS (the report's default `results`) equals the mapping the workflow passes."""
    from mhcases.render import DEFAULT_RESULTS

    (project / "probe.smk").write_text(PROBE)
    process = subprocess.run([str(SNAKEMAKE), "-s", "probe.smk", "-n", "report", "--cores", "1"], cwd=project,
                             capture_output=True, text=True)
    assert process.returncode == 0, process.stderr[-2000:]
    probe = json.loads((project / "probe.json").read_text())
    assert DEFAULT_RESULTS == {**probe["results"], "periods": probe["periods"]}


def test_shipped_defaults_are_the_schema_defaults():
    from mhcases.render import SHIPPED_DEFAULTS

    schema = yaml.safe_load((REPO / "config" / "schema.yaml").read_text())["properties"]
    assert SHIPPED_DEFAULTS == {
        "published_dir": schema["published_dir"]["default"],
        "month_classes": schema["tables"]["properties"]["month_classes"]["default"],
        "synthetic": schema["input"]["properties"]["synthetic"]["default"],
    }


@pytest.mark.parametrize("synthetic", [True, False])
def test_default_parameters_follow_the_builds_provenance(tmp_path, synthetic):
    from mhcases.render import DEFAULT_RESULTS, default_parameters

    record = tmp_path / DEFAULT_RESULTS["provenance"]
    record.parent.mkdir(parents=True)
    config = {"input": {"synthetic": synthetic}, "published_dir": "elders/gepubliceerd",
              "tables": {"month_classes": [0, 12, 24]}}
    record.write_text(yaml.safe_dump({"config": config}))
    parameters = default_parameters(tmp_path)
    assert parameters["synthetic"] is synthetic
    assert parameters["published_dir"] == "elders/gepubliceerd" and parameters["month_classes"] == [0, 12, 24]
    assert parameters["results"] == DEFAULT_RESULTS


def test_default_parameters_before_any_build_mark_the_letter_synthetic(tmp_path):
    from mhcases.render import default_parameters

    assert default_parameters(tmp_path)["synthetic"] is True


def _tables(html: str) -> list[str]:
    return re.findall(r"<tbody>.*?</tbody>", html, flags=re.S)


@pytest.mark.e2e
def test_bare_render_after_a_build_finds_the_results(built_project, tmp_path):
    """The fallback run as `quarto render report/kamerbrief.qmd` runs after a build: no parameters, no letter
    metadata. The letter's body comes out of the build's results: the same tables as the build's letter."""
    from mhcases.render import render_report

    html, pdf = tmp_path / "kaal.html", tmp_path / "kaal.pdf"
    render_report(built_project.root / "report" / "kamerbrief.qmd", html, pdf, params={}, letter={},
                  environ={"SOURCE_DATE_EPOCH": BUILD_EPOCH})
    bare, built = html.read_text(encoding="utf-8"), built_project.html.read_text(encoding="utf-8")
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "Deze brief berust op synthetische gegevens" in bare  # `synthetic` as the build recorded it
    assert len(_tables(built)) >= 5 and _tables(bare) == _tables(built)


# --------------------------------------------------------------------------------------------------------------
# Hygiene: the kernel talks over IPC, so ipykernel has no TCP warning to print
# --------------------------------------------------------------------------------------------------------------


def test_kernel_runs_over_ipc_without_the_tcp_warning(tmp_path, caplog):
    import logging

    from mhcases.render import execute, parse_qmd

    doc = parse_qmd("```{python}\nfrom ipykernel.kernelapp import IPKernelApp\n"
                    "print(IPKernelApp.instance().transport)\n```\n")
    with caplog.at_level(logging.INFO, logger="mhcases.render"):
        outputs = execute(doc, {}, tmp_path)
    assert [o["text"].strip() for out in outputs.values() for o in out if o["output_type"] == "stream"] == ["ipc"]
    assert "TCP" not in caplog.text and "zmq" not in caplog.text
    assert list(tmp_path.iterdir()) == []  # no socket files left in the working folder
