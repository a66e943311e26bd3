"""Hostile and careless input, through the real workflow: each case starts from a good build, breaks one thing, runs
`snakemake report`, and asserts the exit code, the message and what is left in results/ afterwards.

Every case runs in-process (the config check that the Snakefile runs, then the clean_cases script: exit code,
message, nothing written); a representative subset (WORKFLOW) also runs through `snakemake report` after a good
build, which takes a few seconds a case. Two kinds of failure:
- the config or an input path is wrong: the build stops before any rule runs and results/ is untouched;
- the sheet is wrong: clean_cases stops with a located message; the previous letter, its provenance and the clean
  data are gone (no letter that looks current), and no temporary file is left behind.
"""

from __future__ import annotations

import csv
import hashlib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import openpyxl
import pytest
import yaml

from conftest import copy_project, run_snakemake

SHEET = Path("data/raw/codeerblad_synthetisch.csv")
CONFIG = Path("config/config.yaml")
LETTER = ("results/report/kamerbrief.html", "results/report/kamerbrief.pdf")


@dataclass
class Project:
    root: Path
    snapshot: Path

    def restore(self) -> None:
        """Back to the state right after the good build (results/, Snakemake's metadata, sheet, config)."""
        for part in ("results", ".snakemake", "data", "config"):
            shutil.rmtree(self.root / part, ignore_errors=True)
            shutil.copytree(self.snapshot / part, self.root / part, symlinks=True, copy_function=shutil.copy2)

    def rows(self) -> list[dict]:
        with open(self.root / SHEET, newline="", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))

    def write_rows(self, rows: list[dict], path: Path = SHEET, **options) -> None:
        with open(self.root / path, "w", newline="", encoding=options.pop("encoding", "utf-8")) as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]), **options)
            writer.writeheader()
            writer.writerows(rows)

    def config(self, change: Callable[[dict], None]) -> None:
        data = yaml.safe_load((self.root / CONFIG).read_text(encoding="utf-8"))
        change(data)
        (self.root / CONFIG).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    def digest(self) -> dict[str, str]:
        results = self.root / "results"
        return {str(p.relative_to(results)): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(results.rglob("*")) if p.is_file() and "logs" not in p.parts}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Project:
    root = copy_project(tmp_path_factory.mktemp("bad_input"))
    process = run_snakemake(root, "report", "--cores", "2")
    assert process.returncode == 0, process.stderr[-3000:]
    snapshot = tmp_path_factory.mktemp("snapshot")
    for part in ("results", ".snakemake", "data", "config"):
        shutil.copytree(root / part, snapshot / part, symlinks=True, copy_function=shutil.copy2)
    return Project(root, snapshot)


def cells(*changes: tuple[int, str, str]) -> Callable[[Project], None]:
    """Set cells (row = 0-based data row; the sheet row a user sees is row + 2)."""
    def apply(project: Project) -> None:
        rows = project.rows()
        for row, column, value in changes:
            rows[row][column] = value
        project.write_rows(rows)
    return apply


def cell(row: int, column: str, value: str) -> Callable[[Project], None]:
    return cells((row, column, value))


def raw_bytes(data: bytes) -> Callable[[Project], None]:
    return lambda project: (project.root / SHEET).write_bytes(data)


def config_change(change: Callable[[dict], None]) -> Callable[[Project], None]:
    return lambda project: project.config(change)


def sheet_path(value: str, make: Callable[[Path], None] | None = None) -> Callable[[Project], None]:
    def apply(project: Project) -> None:
        if make:
            make(project.root / value)
        project.config(lambda c: c["input"].update(coding_sheet=value))
    return apply


def xlsx(edit: Callable[[openpyxl.worksheet.worksheet.Worksheet], None], sheet_name: str | None = None
         ) -> Callable[[Project], None]:
    def apply(project: Project) -> None:
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "Codeerblad"
        rows = project.rows()
        sheet.append(list(rows[0]))
        for row in rows:
            sheet.append(list(row.values()))
        edit(sheet)
        book.save(project.root / "data/raw/blad.xlsx")
        project.config(lambda c: c["input"].update(coding_sheet="data/raw/blad.xlsx", sheet_name=sheet_name))
    return apply


def header(edit: Callable[[list[str]], list[str]]) -> Callable[[Project], None]:
    def apply(project: Project) -> None:
        lines = (project.root / SHEET).read_text(encoding="utf-8").split("\n")
        lines[0] = ",".join(edit(lines[0].split(",")))
        (project.root / SHEET).write_text("\n".join(lines), encoding="utf-8")
    return apply


def append_line(text: str) -> Callable[[Project], None]:
    def apply(project: Project) -> None:
        with open(project.root / SHEET, "a", encoding="utf-8") as handle:
            handle.write(text)
    return apply


def latin1(project: Project) -> None:
    rows = project.rows()
    rows[4]["motivation"] = "Het slachtoffer was één keer mishandeld."
    project.write_rows(rows, encoding="latin-1")


def unreadable(project: Project) -> None:
    os.chmod(project.root / SHEET, 0)


@dataclass(frozen=True)
class Case:
    name: str
    apply: Callable[[Project], None]
    fragments: tuple[str, ...]
    before_rules: bool = False  # True: stopped at config validation, results/ untouched
    extra: tuple[str, ...] = field(default_factory=tuple)


def _vrijspraak_row(project_rows: list[dict]) -> int:
    return next(i for i, r in enumerate(project_rows) if r["verdict_trafficking"] == "vrijspraak")


CASES = [
    # -- config and input paths: nothing runs --------------------------------------------------------------------
    Case("sheet_missing", sheet_path("data/raw/weg.csv"), ("input.coding_sheet", "bestaat niet"), True),
    Case("sheet_is_folder", sheet_path("data/raw/map.csv", lambda p: p.mkdir()), ("is een map",), True),
    Case("sheet_wrong_extension", sheet_path("data/raw/blad.txt", lambda p: p.write_text("x")),
         ("input.coding_sheet", "vorm"), True),
    Case("published_missing", config_change(lambda c: c.update(published_dir="data/weg")),
         ("published_dir", "bestaat niet"), True),
    Case("baseline_missing", config_change(lambda c: c["study"].update(baseline_coding_sheet="data/oud.csv")),
         ("study.baseline_coding_sheet", "bestaat niet"), True),
    Case("seed_negative", config_change(lambda c: c["analysis"].update(seed=-1)),
         ("analysis.seed", "minstens 0"), True),
    Case("period_reversed", config_change(lambda c: c["study"].update(period={"start": "2019-06-30",
                                                                               "end": "2018-01-01"})),
         ("study.period", "begin ligt na het einde"), True),
    Case("unknown_config_key", config_change(lambda c: c["input"].update(sheeet="x")),
         ("onbekende sleutel",), True),
    Case("study_kind_unknown", config_change(lambda c: c["study"].update(kind="herhaling")),
         ("study.kind", "replicatie"), True),
    Case("term_minimum_one", config_change(lambda c: c["analysis"]["minimum"].update(term_n=1)),
         ("analysis.minimum.term_n", "= 1", "moet minstens 2 zijn"), True),
    # -- cells -----------------------------------------------------------------------------------------------------
    Case("negative_months", cell(5, "period_charged_months", "-3"), ("rij 7", "period_charged_months", "'-3'")),
    Case("sixty_years", cell(3, "sentence", "gevangenisstraf van 60 jaren"),
         ("rij 5", "kolom 'sentence'", "30 jaar", "art. 10")),
    Case("taakstraf_too_long", cell(3, "demand", "taakstraf van 500 uren"), ("rij 5", "kolom 'demand'", "240 uren")),
    Case("jeugddetentie_too_long", cell(3, "sentence", "jeugddetentie voor de duur van 5 jaren"),
         ("rij 5", "jeugddetentie", "24 maanden")),
    Case("thousands_dot", cell(5, "period_charged_months", "1.000"), ("rij 7", "dubbelzinnig")),
    Case("thousands_12500", cell(6, "period_proven_months", "12.500"), ("rij 8", "dubbelzinnig")),
    Case("integer_with_separator", cell(6, "victims_charged", "1,000"), ("rij 8", "geheel getal")),
    Case("fullwidth_digits", cell(6, "victims_charged", "１２"), ("rij 8", "victims_charged")),
    Case("unknown_category", cell(4, "victim_minor", "misschien"), ("rij 6", "victim_minor", "'misschien'")),
    Case("empty_required", cell(4, "court", ""), ("rij 6", "kolom 'court'", "verplichte waarde ontbreekt")),
    Case("unknown_court", cell(4, "court", "Rechtbank Atlantis"), ("rij 6", "kolom 'court'", "toegestaan")),
    Case("id_with_space", cell(4, "defendant_id", "Z 005"), ("rij 6", "defendant_id", "ongeldige code")),
    Case("duplicate_defendant", cell(4, "defendant_id", "Z001-1"), ("rij 6", "meer dan eens")),
    Case("impossible_date", cell(4, "decision_date", "2018-02-30"), ("rij 6", "decision_date", "geen geldige datum")),
    Case("date_2021", cell(4, "decision_date", "2021-03-01"), ("rij 6", "onderzoeksperiode", "R11")),
    Case("date_1899", cell(4, "decision_date", "1899-12-30"), ("rij 6", "onderzoeksperiode")),
    Case("bad_ecli", cell(4, "ecli", "ECLI:NL:onzin"), ("rij 6", "kolom 'ecli'", "R13")),
    Case("forms_unknown_and_known", cell(4, "exploitation_forms", "onbekend;arbeidsuitbuiting"),
         ("rij 6", "exploitation_forms", "R8")),
    # -- the codebook's rules ---------------------------------------------------------------------------------------
    Case("under16_not_minor", cells((4, "victim_under16", "ja"), (4, "victim_minor", "nee")),
         ("rij 6", "victim_under16", "R1")),
    Case("minor_unknown_under16_no", cells((4, "victim_minor", "onbekend"), (4, "victim_under16", "nee")),
         ("rij 6", "victim_under16", "R2")),
    Case("more_victims_proven", cells((4, "victims_charged", "1"), (4, "victims_proven", "3")),
         ("rij 6", "victims_proven", "'3 > 1'", "R3")),
    Case("longer_period_proven", cells((4, "period_charged_months", "6"), (4, "period_proven_months", "9")),
         ("rij 6", "period_proven_months", "R4")),
    Case("acquitted_but_proven_victims", lambda p: cell(_vrijspraak_row(p.rows()), "victims_proven", "2")(p),
         ("victims_proven", "R5")),
    Case("other_verdict_not_applicable", cells((4, "charges", "mensenhandel (art. 273f Sr) en witwassen "
                                                              "(art. 420bis Sr)"),
                                               (4, "verdict_other", "niet van toepassing")),
         ("rij 6", "verdict_other", "R6")),
    Case("no_sentence_but_proven", cells((4, "verdict_trafficking", "bewezen"), (4, "sentence", "vrijspraak")),
         ("rij 6", "kolom 'sentence'", "R7")),
    Case("courts_differ_in_case", lambda p: _split_court(p), ("kolom 'court'", "R9")),
    # -- files ------------------------------------------------------------------------------------------------------
    Case("latin1", latin1, ("rij 6", "kolom 'motivation'", "UTF-8", "zaak ")),
    Case("empty_file", raw_bytes(b""), ("leeg",)),
    Case("header_only", lambda p: (p.root / SHEET).write_text((p.root / SHEET).read_text().split("\n")[0] + "\n"),
         ("geen enkele verdachte",)),
    Case("binary_garbage", raw_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4), ("Codeerblad",)),
    Case("missing_column", header(lambda h: [("rechtbank" if c == "court" else c) for c in h]),
         ("kolom 'court'", "ontbreekt")),
    Case("duplicate_column", header(lambda h: [("ecli" if c == "motivation" else c) for c in h]),
         ("meer dan eens",)),
    Case("ragged_row", append_line("Z999,Z999-1" + ",x" * 30 + "\n"), ("meer cellen",)),
    Case("nul_byte", raw_bytes(b"case_id,defendant_id\nZ1\x00,Z1-1\n"), ("Codeerblad",)),
    Case("xlsx_not_a_zip", sheet_path("data/raw/blad.xlsx", lambda p: p.write_text("geen werkmap")), ("XLSX",)),
    Case("xlsx_formula_without_value", xlsx(lambda s: s.__setitem__("H3", "=1+1")),
         ("rij 3", "victims_charged", "formule zonder opgeslagen waarde")),
    Case("xlsx_error_value", xlsx(lambda s: s.__setitem__("I4", "#DIV/0!")), ("rij 4", "Excel-foutwaarde")),
    Case("xlsx_unknown_sheet", xlsx(lambda s: None, sheet_name="Blad9"), ("Blad9", "werkblad bestaat niet")),
]


def _split_court(project: Project) -> None:
    rows = project.rows()
    by_case: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        by_case.setdefault(row["case_id"], []).append(i)
    first = next(ix for ix in by_case.values() if len(ix) > 1)
    other = "Rechtbank Limburg" if rows[first[1]]["court"] != "Rechtbank Limburg" else "Rechtbank Rotterdam"
    rows[first[1]]["court"] = other
    project.write_rows(rows)


# One case of each kind through the real workflow (the rest differ only in the cell they break).
WORKFLOW = ("sheet_missing", "sheet_is_folder", "sheet_wrong_extension", "seed_negative", "period_reversed",
            "negative_months", "sixty_years", "thousands_dot", "date_2021", "under16_not_minor",
            "more_victims_proven", "courts_differ_in_case", "latin1", "empty_file", "missing_column",
            "xlsx_formula_without_value")


def test_there_are_at_least_forty_hostile_inputs():
    names = [c.name for c in CASES]
    assert len(CASES) >= 40 and len(set(names)) == len(CASES) and set(WORKFLOW) <= set(names)


@pytest.fixture
def small_project(tmp_path, monkeypatch) -> Project:
    """The inputs of a project (data/, config/), no build: for the in-process runs."""
    from conftest import REPO

    for part in ("data", "config"):
        shutil.copytree(REPO / part, tmp_path / part)
    monkeypatch.chdir(tmp_path)
    return Project(tmp_path, tmp_path)


def _clean_cases_script():
    import importlib.util

    from conftest import REPO

    spec = importlib.util.spec_from_file_location("clean_cases", REPO / "scripts" / "clean_cases.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_hostile_input_in_process(small_project: Project, case: Case, capsys):
    """What the Snakefile does before any rule (validate the config, check the input paths), then the rule."""
    from conftest import REPO
    from mhcases.config import ConfigError, check_input_paths, validated_config

    case.apply(small_project)
    out = small_project.root / "results"
    try:
        config = validated_config(yaml.safe_load(CONFIG.read_text(encoding="utf-8")), REPO / "config/schema.yaml")
        check_input_paths(config)
    except ConfigError as error:
        code, message = 1, str(error)
        assert case.before_rules, f"refused by the config check, expected at the sheet: {error}"
    else:
        assert not case.before_rules, "the config check let it pass"
        with pytest.raises(SystemExit) as info:
            _clean_cases_script().main(config["input"]["coding_sheet"], config["input"]["sheet_name"],
                                       config["study"]["period"], str(out / "cases.parquet"),
                                       str(out / "cleaning_log.csv"), str(out / "clean_cases.log"))
        code, message = info.value.code, capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in message
    for fragment in case.fragments:
        assert fragment in message, f"{fragment!r} not in:\n{message}"
    assert not (out / "cases.parquet").exists() and not (out / "cleaning_log.csv").exists()
    assert not [p for p in small_project.root.rglob(".*") if p.is_file()], "temporary files left behind"


@pytest.mark.e2e
@pytest.mark.parametrize("case", [c for c in CASES if c.name in WORKFLOW], ids=lambda c: c.name)
def test_hostile_input_through_the_workflow(project: Project, case: Case):
    project.restore()
    before = project.digest()
    case.apply(project)
    process = run_snakemake(project.root, "report", "--cores", "1")
    output = process.stderr + process.stdout
    assert process.returncode == 1, output[-3000:]
    assert "FOUT" in output and "Traceback" not in output, output[-3000:]
    for fragment in case.fragments:
        assert fragment in output, f"{fragment!r} not in:\n{output[-3000:]}"
    results = project.root / "results"
    if case.before_rules:
        assert "Nothing to be done" not in output
        assert project.digest() == before  # nothing ran, nothing changed
    else:
        for name in (*LETTER, "results/report/herkomst.yaml", "results/clean/cases.parquet"):
            assert not (project.root / name).exists(), f"{name} left behind"
        assert "vorige brief" in output
        assert not [p for p in results.rglob(".*") if p.is_file()], "temporary files left behind"


@pytest.mark.e2e
def test_an_unreadable_sheet_is_refused_before_any_rule(project: Project):
    if os.geteuid() == 0:
        pytest.skip("root reads files without read permission; the check cannot be shown as root")
    project.restore()
    unreadable(project)
    process = run_snakemake(project.root, "report", "--cores", "1")
    assert process.returncode == 1 and "niet leesbaar" in process.stderr


@pytest.mark.e2e
def test_an_unchanged_build_keeps_its_letter(project: Project):
    """The restore gives a build that is current: nothing to do, nothing removed."""
    project.restore()
    before = project.digest()
    process = run_snakemake(project.root, "report", "--cores", "1")
    assert process.returncode == 0 and "Nothing to be done" in process.stdout + process.stderr
    assert project.digest() == before
