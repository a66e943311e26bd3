"""The pins agree everywhere: pyproject.toml, requirements.lock, envs/*.yaml; config is validated."""

import copy
import re
import tomllib
from pathlib import Path

import pytest
import yaml

from mhcases.config import ConfigError, validated_config

ROOT = Path(__file__).resolve().parents[1]


def pins(lines):
    found = {}
    for line in lines:
        match = re.match(r"^\s*([A-Za-z0-9_.\-]+)==([^\s;#]+)", line)
        if match:
            found[match.group(1).lower().replace("_", "-")] = match.group(2)
    return found


def pyproject_pins():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return pins(project["dependencies"])


def test_every_runtime_dependency_is_pinned_exactly():
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    assert dependencies and all("==" in d for d in dependencies)


def test_lock_file_agrees_with_pyproject():
    lock = pins((ROOT / "requirements.lock").read_text().splitlines())
    for name, version in pyproject_pins().items():
        assert lock.get(name) == version, name


def test_lock_file_holds_the_test_dependencies():
    test = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["test"]
    lock = pins((ROOT / "requirements.lock").read_text().splitlines())
    assert test and all("==" in d for d in test)
    assert {name: lock.get(name) for name in pins(test)} == pins(test)


@pytest.mark.parametrize("env_file", sorted((ROOT / "envs").glob("*.yaml")), ids=lambda p: p.name)
def test_conda_environment_agrees_with_pyproject(env_file):
    spec = yaml.safe_load(env_file.read_text())
    pip_section = next(d["pip"] for d in spec["dependencies"] if isinstance(d, dict))
    assert pins(pip_section) == pyproject_pins()


def config():
    return yaml.safe_load((ROOT / "config/config.yaml").read_text())


def test_shipped_config_is_valid():
    assert validated_config(config(), ROOT / "config/schema.yaml")["analysis"]["ci_level"] == 0.95


def test_missing_keys_get_their_defaults():
    cfg = config()
    del cfg["analysis"]["seed"]
    assert validated_config(cfg, ROOT / "config/schema.yaml")["analysis"]["seed"] == 20200701


@pytest.mark.parametrize("path, value, fragment", [
    (("analysis", "ci_level"), 1.5, "analysis.ci_level"),
    (("analysis", "bootstrap_replicates"), "veel", "analysis.bootstrap_replicates"),
    (("input", "coding_sheet"), "data/raw/sheet.txt", "input.coding_sheet"),
    (("input", "synthetic"), "ja", "input.synthetic"),
    (("tables", "small_cell_threshold", "tabel_1"), 0, "tables.small_cell_threshold.tabel_1"),
    (("tables", "month_classes"), [0, 12, 6], "tables.month_classes"),
    (("tables", "month_classes"), [3, 6], "tables.month_classes"),
    (("letter", "date"), "1 juli 2020", "letter.date"),
    (("letter", "colour"), "blauw", "colour"),
])
def test_bad_config_value_names_the_key(path, value, fragment):
    cfg = copy.deepcopy(config())
    target = cfg
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(ConfigError) as info:
        validated_config(cfg, ROOT / "config/schema.yaml")
    assert fragment in str(info.value)


# Direct dependencies no module imports by name, and why each is still needed.
USED_WITHOUT_IMPORT = {
    "pyarrow": "pandas reads and writes Parquet with it",
    "ipykernel": "the Jupyter kernel that executes the report's cells",
    "snakemake-executor-plugin-slurm": "profiles/slurm (Op een cluster)",
    "font-source-sans-pro": "read as files through importlib.resources (mhcases.fonts)",
}
IMPORT_NAMES = {"pyyaml": "yaml", "pypandoc-binary": "pypandoc"}


def test_every_direct_dependency_is_used():
    sources = [p.read_text(encoding="utf-8") for folder in ("src", "scripts", "rules", "report")
               for p in (ROOT / folder).rglob("*") if p.suffix in (".py", ".smk", ".qmd")]
    sources.append((ROOT / "Snakefile").read_text())
    unused = []
    for name in pyproject_pins():
        if name in USED_WITHOUT_IMPORT:
            continue
        module = IMPORT_NAMES.get(name, name.replace("-", "_"))
        pattern = re.compile(rf"^\s*(import|from)\s+{re.escape(module)}\b", re.M)
        if not any(pattern.search(text) for text in sources):
            unused.append(name)
    assert unused == [], f"pinned in pyproject.toml but imported nowhere: {unused}"


def test_conda_environment_does_not_install_the_project():
    """The workflow finds its own src/ (rules/common.smk); an installed copy would be another clone's code."""
    spec = yaml.safe_load((ROOT / "envs" / "mhcases.yaml").read_text())
    pip_section = next(d["pip"] for d in spec["dependencies"] if isinstance(d, dict))
    assert [line for line in pip_section if line.startswith("-e") or "==" not in line] == []
