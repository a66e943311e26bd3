"""The letter's published tables, and the default coding sheet reproducing them cell for cell."""

import importlib.util

import pandas as pd
import pytest
import yaml

from conftest import REPO
from mhcases.clean import clean_sheet
from mhcases.published import PUBLISHED_TABLES, category_order, load_errata, load_metadata, load_table
from mhcases.schemas import validate_raw
from mhcases.sheet import read_sheet
from mhcases.tables import compare_with_published, table_1, table_2, table_4

PUBLISHED = REPO / "data" / "published"
CONFIG = yaml.safe_load((REPO / "config" / "config.yaml").read_text())


@pytest.mark.parametrize("name", PUBLISHED_TABLES)
def test_rows_sum_to_the_published_total(name):
    table = load_table(PUBLISHED, name)
    assert table["categorie"].iloc[-1] == "Totaal"
    total = table["frequentie"].iloc[-1]
    assert table["frequentie"].iloc[:-1].sum() == total == load_metadata(PUBLISHED)["tables"][name]["total"]


def test_every_correction_is_an_erratum():
    errata = load_errata(PUBLISHED)
    for name in PUBLISHED_TABLES:
        table = load_table(PUBLISHED, name)
        changed = table[table["categorie"] != table["categorie_bron"]]
        for row in changed.itertuples():
            assert ((errata["tabel"] == name) & errata["gedrukt"].apply(lambda g, r=row: g in r.categorie_bron)).any(), row


@pytest.fixture(scope="module")
def clean():
    sheet = REPO / CONFIG["input"]["coding_sheet"]
    frame, _ = clean_sheet(validate_raw(read_sheet(sheet), str(sheet)))
    return frame


@pytest.mark.parametrize("name, build", [("tabel_1", table_1), ("tabel_2", table_2), ("tabel_4", table_4)])
def test_default_sheet_reproduces_every_cell(clean, name, build):
    threshold = CONFIG["tables"]["small_cell_threshold"][name]
    computed = build(clean, threshold, category_order(PUBLISHED, name))
    comparison = compare_with_published(computed, load_table(PUBLISHED, name), name)
    assert comparison["gelijk"].all(), comparison[~comparison["gelijk"]]
    assert computed["categorie"].tolist() == load_table(PUBLISHED, name)["categorie"].tolist()


def _script(name):
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("synthetic, fails", [(True, True), (False, False)])
def test_a_mismatch_fails_only_for_synthetic_input(tmp_path, synthetic, fails, capsys):
    tables = {}
    for name in PUBLISHED_TABLES:
        table = load_table(PUBLISHED, name)[["categorie", "frequentie"]]
        if name == "tabel_4":
            table.loc[table["categorie"] == "vrijspraak", "frequentie"] = 33
        tables[name] = tmp_path / f"{name}.csv"
        table.to_csv(tables[name], index=False)
    out = tmp_path / "checks" / "vergelijking.csv"
    check = _script("check_published")
    if fails:
        with pytest.raises(SystemExit):
            check.main(tables, str(PUBLISHED), synthetic, str(out))
        assert "tabel_4 «vrijspraak»: brief 31, berekend 33" in capsys.readouterr().err
    else:
        check.main(tables, str(PUBLISHED), synthetic, str(out))
    comparison = pd.read_csv(out)
    assert (~comparison["gelijk"]).sum() == 1
