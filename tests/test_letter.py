"""Unit tests of the letter's facts (src/mhcases/letter.py) on tiny literal result files."""

from __future__ import annotations

import io
import math
import re
from pathlib import Path

import pandas as pd
import pytest
import yaml

from mhcases import letter as L
from mhcases.codebook import COLUMNS, COURTS
from mhcases.present import corrected_title, read_errata, read_published
from mhcases.render import parse_qmd
from mhcases.tables import table_3, table_5

REPO = Path(__file__).resolve().parents[1]
PUBLISHED = REPO / "data" / "published"


def csv(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text.strip() + "\n"))


# ----------------------------------------------------------------------------------------------------------
# load_results
# ----------------------------------------------------------------------------------------------------------

TABLE = "categorie,frequentie,aandeel\na,2,0.6667\noverig,1,0.3333\nTotaal,3,1\n"
CASES = pd.DataFrame({"case_id": ["Z1", "Z1", "Z2"], "defendant_id": ["Z1-1", "Z1-2", "Z2-1"]})


def write_results(root: Path) -> dict[str, str]:
    """One tiny file for every name the letter reads; returns the `results` mapping (relative paths)."""
    results: dict[str, str] = {}
    for name in L.RESULT_NAMES:
        if name == "cases":
            path = Path("clean/cases.parquet")
        elif name == "provenance":
            path = Path("report/herkomst.yaml")
        elif name.startswith("figure_"):
            path = Path("figures") / f"{name}.{name.rsplit('_', 1)[1]}"
        else:
            path = Path("tables") / f"{name}.csv"
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        if name == "cases":
            CASES.to_parquet(root / path)
        elif name == "provenance":
            (root / path).write_text(yaml.safe_dump({"config": {"analysis": {"ci_level": 0.9}}}), encoding="utf-8")
        elif name.startswith("figure_"):
            (root / path).write_bytes(b"<svg/>")
        else:
            (root / path).write_text(TABLE, encoding="utf-8")
        results[name] = str(path)
    return results


def test_load_results_reads_every_result(tmp_path: Path) -> None:
    results = L.load_results(write_results(tmp_path), tmp_path)
    assert (results.n_cases, results.n_defendants) == (2, 3)
    assert results.ci_level == 0.9
    assert set(results.tables) == {f"tabel_{n}" for n in range(1, 6)}
    assert L.total(results.tables["tabel_3"]) == 3
    assert results.figures["shift_svg"].read_bytes() == b"<svg/>"


def test_load_results_names_every_missing_result(tmp_path: Path) -> None:
    mapping = write_results(tmp_path)
    (tmp_path / mapping["model_power"]).unlink()
    del mapping["decomposition"]
    with pytest.raises(FileNotFoundError) as error:
        L.load_results(mapping, tmp_path)
    assert "decomposition" in str(error.value) and "model_power" in str(error.value)


# ----------------------------------------------------------------------------------------------------------
# Tables 1–5
# ----------------------------------------------------------------------------------------------------------

COMPARISON = """
tabel,categorie,frequentie_gepubliceerd,frequentie_berekend,verschil,gelijk
tabel_4,vrijspraak,31,33,2,False
tabel_4,onvoorwaardelijk,40,38,-2,False
tabel_4,Totaal,150,150,0,True
tabel_2,Totaal,150,150,0,True
"""


def test_check_sentence_counts_and_names_differences() -> None:
    comparison = csv(COMPARISON)
    same = L.check_sentence(L.check_table(comparison, "tabel_2"))
    assert same == "Alle 1 frequenties komen overeen met die in de brief."
    sentence = L.check_sentence(L.check_table(comparison, "tabel_4"))
    assert sentence.startswith("2 van de 3 frequenties wijken af van de brief")
    assert "«vrijspraak»: brief 31, codeerblad 33" in sentence


def durations(**columns: list) -> pd.DataFrame:
    n = len(next(iter(columns.values())))
    base = {
        "demand_status": ["parsed"] * n, "demand_equals_pretrial": [False] * n,
        "sentence_status": ["parsed"] * n, "sentence_equals_pretrial": [False] * n, "proven": [True] * n,
    }
    return pd.DataFrame({**base, **columns})


def test_other_breakdown_explains_every_other_row_of_table_3_and_5() -> None:
    cases = durations(
        demand_unconditional_months=[30.0, None, None, 0.0, None, None, 12.0],
        demand_status=["parsed", "unknown", "acquittal", "parsed", "parsed", "unparsed", "parsed"],
        demand_equals_pretrial=[False, False, False, False, True, False, False],
        sentence_unconditional_months=[20.0, 10.0, None, None, 5.0, 8.0, 3.0],
        sentence_status=["parsed", "parsed", "acquittal", "parsed", "parsed", "parsed", "parsed"],
        proven=[True, True, False, True, True, False, True],
    )
    bounds = [0, 12, 24]
    for name, table in (("tabel_3", table_3(cases, bounds)), ("tabel_5", table_5(cases, bounds))):
        breakdown = L.other_breakdown(cases, name)
        assert sum(n for _, n in breakdown) == L.frequency(table, "overig"), name
    assert dict(L.other_breakdown(cases, "tabel_3")) == {
        "eis onbekend": 1, "vrijspraak gevorderd": 1, "strafzin niet te lezen": 1,
        L.OTHER_REASONS["pretrial"]: 1, L.OTHER_REASONS["suspended"]: 1,
    }
    assert dict(L.other_breakdown(cases, "tabel_5")) == {
        L.OTHER_REASONS["not_proven"]: 2, L.OTHER_REASONS["suspended"]: 1,
    }
    assert L.other_note(cases, "tabel_5").endswith(
        f"2 {L.OTHER_REASONS['not_proven']} en 1 {L.OTHER_REASONS['suspended']}."
    )


DEMAND = "categorie,frequentie\n0 tot 6,0\n6 tot 12,2\n12 tot 24,3\n24 of meer,6\noverig,4\nTotaal,15\n"


@pytest.mark.parametrize(
    ("imposed", "shift", "median"),
    [
        ("0 tot 6,1\n6 tot 12,6\n12 tot 24,2\n24 of meer,1", "links", "6 tot 12"),
        ("0 tot 6,0\n6 tot 12,0\n12 tot 24,1\n24 of meer,9", "rechts", "24 of meer"),
        ("0 tot 6,0\n6 tot 12,2\n12 tot 24,3\n24 of meer,6", "gelijk", "24 of meer"),
    ],
)
def test_class_shift_and_median_class(imposed: str, shift: str, median: str) -> None:
    demand = csv(DEMAND)
    table = csv(f"categorie,frequentie\n{imposed}\noverig,3\nTotaal,13")
    assert L.median_class(demand) == "24 of meer"
    assert L.median_class(table) == median
    assert L.class_shift(demand, table) == shift
    assert L.largest_class(demand) == ("24 of meer", 6)


def test_co_defendants_and_verdicts() -> None:
    cases = pd.DataFrame({
        "case_id": ["Z1", "Z1", "Z1", "Z2", "Z3", "Z3"],
        "verdict_trafficking": ["bewezen", "vrijspraak", "vrijspraak", "partiele vrijspraak", "bewezen", "bewezen"],
        "acquitted": [False, True, True, False, False, False],
        "imposed_months": [12.0, 0.0, 4.0, 10.0, 8.0, 6.0],
    })
    assert L.co_defendants(cases) == (2, 5)
    assert L.verdict_counts(cases) == {"bewezen": 3, "partiele vrijspraak": 1, "vrijspraak": 2, "ontslag": 0}
    assert L.acquitted_but_sentenced(cases) == 1


# ----------------------------------------------------------------------------------------------------------
# Demand versus imposed
# ----------------------------------------------------------------------------------------------------------

SUMMARY_ROWS = {
    "mediaan_eis": (27, 24, 30), "mediaan_opgelegd": (16, 14, 18.5), "mediaan_ratio": (0.636, 0.556, 0.667),
    "aandeel_lager": (0.778, 0.708, 0.842),
}


def summary() -> pd.DataFrame:
    rows = []
    for group, subgroup, n in (("alle verdachten", "alle", 10), ("beslissing mensenhandel", "bewezen", 6),
                               ("beslissing mensenhandel", "vrijspraak", 4)):
        for measure, (estimate, low, high) in SUMMARY_ROWS.items():
            rows.append((group, subgroup, measure, estimate, low, high, n, n, 99))
    return pd.DataFrame(rows, columns=["groep", "subgroep", "measure", "estimate", "ci_low", "ci_high", "n",
                                       "n_clusters", "replicates"])


def test_summary_estimate_and_verdict_table() -> None:
    data = summary()
    e = L.summary_estimate(data, "mediaan_opgelegd")
    assert (e.value, e.low, e.high, e.n) == (16, 14, 18.5, 10)
    assert L.ci(e, unit="maanden") == "16 maanden (95%-BI 14–18)"  # 18,5 rounds half to even
    assert L.verdict_groups(data) == ["bewezen", "vrijspraak"]  # no rows for partial acquittal: not shown
    table = L.verdict_table(data)
    assert list(table["Beslissing mensenhandel"]) == ["alle verdachten", "bewezen", "vrijspraak"]
    assert list(table["n"]) == [10, 6, 4]
    assert table.loc[0, "Opgelegd/eis (mediaan)"] == "0,64 (0,56–0,67)"
    assert table.loc[0, "Lager dan eis (%)"] == "78 (71–84)"
    with pytest.raises(KeyError):
        L.summary_estimate(data, "mediaan_eis", "beslissing mensenhandel", "ontslag")


def test_signed_rank_test() -> None:
    tests = csv("""
groep,toets,statistiek,p,n,n_niet_nul,mediaan_verschil
alle verdachten,Wilcoxon signed-rank (Pratt),493.5,4.6e-20,144,121,-9
""")
    result = L.signed_rank_test(tests)
    assert (result.n, result.n_nonzero, result.median_difference) == (144, 121, -9.0)


# ----------------------------------------------------------------------------------------------------------
# The decomposition and the letter's claim
# ----------------------------------------------------------------------------------------------------------


def decomposition(
    full: tuple[float, float, float], partial: tuple[float, float, float] = (0.05, 0.01, 0.09)
) -> pd.DataFrame:
    discount = tuple(1 - f - p for f, p in zip(full, partial))
    gap = 12.0
    rows = [("gemiddelde", "kloof", gap, 9.7, 14.6)]
    for name, share in (("volledige vrijspraak", full), ("partiële vrijspraak", partial),
                        ("korting bij bewezenverklaring", discount)):
        rows.append(("gemiddelde", name, share[0] * gap, share[1] * gap, share[2] * gap))
        rows.append(("gemiddelde", f"aandeel {name}", *share))
    both = tuple(f + p for f, p in zip(full, partial))  # a stand-in for the bootstrap interval of the sum
    rows.append(("gemiddelde", "vrijspraken samen", *(share * gap for share in both)))
    rows.append(("gemiddelde", "aandeel vrijspraken samen", *both))
    frame = pd.DataFrame(rows, columns=["maat", "measure", "estimate", "ci_low", "ci_high"])
    median = frame.assign(maat="mediaan")
    return pd.concat([frame, median], ignore_index=True).assign(n=144, n_clusters=139, replicates=1999)


@pytest.mark.parametrize(
    ("full", "verdict", "phrase"),
    [
        ((0.70, 0.55, 0.80), "grotendeels", "verklaren samen het grootste deel"),
        ((0.36, 0.25, 0.47), "in belangrijke mate", "houdt in deze gegevens stand"),
        ((0.29, 0.12, 0.38), "onzeker", "is met deze gegevens niet te zeggen"),
        ((0.10, 0.04, 0.14), "niet", "houdt in deze gegevens geen stand"),
    ],
)
def test_acquittal_claim_wording_follows_the_interval(full: tuple, verdict: str, phrase: str) -> None:
    claim = L.acquittal_claim(decomposition(full))
    assert claim.verdict == verdict
    assert phrase in claim.sentence
    low, high = round(full[1] * 100), round(full[2] * 100)
    assert f"Volledige vrijspraken verklaren {round(full[0] * 100)}% (95%-BI {low}–{high}%)" in claim.sentence
    both_low, both_high = round((full[1] + 0.01) * 100), round((full[2] + 0.09) * 100)
    assert f"; samen {round((full[0] + 0.05) * 100)}% (95%-BI {both_low}–{both_high}%)" in claim.sentence
    assert claim.short  # every verdict has a clause for the conclusion


def test_acquittal_claim_names_the_largest_contribution() -> None:
    small = L.acquittal_claim(decomposition((0.36, 0.25, 0.47)))  # discount 59%
    assert "De grootste bijdrage komt echter niet van vrijspraken" in small.sentence
    large = L.acquittal_claim(decomposition((0.60, 0.52, 0.70), partial=(0.10, 0.05, 0.15)))  # discount 30%
    assert "Vrijspraken samen (volledig en partieel, 70%) dragen meer bij" in large.sentence
    assert large.verdict == "grotendeels"


def test_acquittal_claim_thresholds_are_parameters() -> None:
    assert L.acquittal_claim(decomposition((0.36, 0.25, 0.47)), substantial=0.30).verdict == "onzeker"
    assert "ondergrens van het interval ligt op of boven 20%" in L.acquittal_claim(
        decomposition((0.36, 0.25, 0.47)), substantial=0.20
    ).sentence


def test_decomposition_table_and_counterfactual() -> None:
    table = L.decomposition_table(decomposition((0.36, 0.25, 0.47)))
    assert list(table["Onderdeel"]) == ["totaal verschil (eis − opgelegd)", *L.COMPONENTS]
    assert table.loc[1, "Gemiddelde: aandeel (%)"] == "36 (25–47)"
    assert table.loc[1, "Gemiddelde: maanden"] == "4,3 (3,0–5,6)"
    counterfactual = csv("""
case_id,defendant_id,eis,opgelegd,zonder_volledige_vrijspraken,zonder_vrijspraken
Z1,Z1-1,30,0,20,20
Z2,Z2-1,10,8,8,9
Z3,Z3-1,20,10,10,10
""")
    summary_cf = L.counterfactual_summary(counterfactual)
    assert summary_cf.loc["gemiddelde", "opgelegd"] == 6 and summary_cf.loc["mediaan", "zonder_vrijspraken"] == 10


# ----------------------------------------------------------------------------------------------------------
# Models
# ----------------------------------------------------------------------------------------------------------

EFFECTS = """
model,model_label,term,term_label,n,n_with,note,p,scale,estimate,ci_low,ci_high,typical_months,months,months_low,months_high,typical_of
1_eis,"1. Strafeis (log maanden, OLS)",minor,minderjarig slachtoffer,126,33,,0.001,% verandering,39.7,14.5,70.5,29.5,11.7,4.3,20.8,demand
1_eis,"1. Strafeis (log maanden, OLS)",disabled,verstandelijk beperkt slachtoffer,126,15,,0.04,% verandering,-30.0,-50.0,-5.0,29.5,-8.9,-14.8,-1.5,demand
2_vrijspraak,2. Vrijspraak mensenhandel (logit),minor,minderjarig slachtoffer,126,33,,0.46,odds ratio,1.64,0.44,6.17,,,,,
3_opgelegd,"3. Opgelegd (OLS)",minor,minderjarig slachtoffer,103,27,,0.81,% verandering,-1.7,-14.5,12.9,21,-0.4,-3.0,2.7,imposed
4a_tweedelig_kans,4a. Tweedelig (logit),disabled,verstandelijk beperkt slachtoffer,126,15,niet te schatten: geen variatie of volledige scheiding in de uitkomst,,,,,,,,,,
"""
TWO_PART = """
model,term,term_label,scale,estimate,ci_low,ci_high,n,n_clusters,replicates,note
4_tweedelig,minor,minderjarig slachtoffer,maanden,-0.75,-7.3,4.5,126,121,1886,
4_tweedelig,disabled,verstandelijk beperkt slachtoffer,maanden,,,,126,121,0,niet te schatten: geen variatie of volledige scheiding in deel 1
"""


@pytest.mark.parametrize(
    ("model", "term", "direction", "phrase"),
    [
        ("1_eis", "minor", "hoger", "gaat samen met een hogere eis"),
        ("1_eis", "disabled", "lager", "gaat samen met een lagere eis"),
        ("3_opgelegd", "minor", "niet van nul te onderscheiden",
         "gaat niet aantoonbaar samen met een hogere of lagere eis"),
        ("2_vrijspraak", "minor", "niet van 1 te onderscheiden", "gaat niet aantoonbaar samen"),
        ("4a_tweedelig_kans", "disabled", "niet te schatten", "heeft een niet te schatten effect op de eis"),
    ],
)
def test_effect_direction_and_association(model: str, term: str, direction: str, phrase: str) -> None:
    e = L.effect(csv(EFFECTS), model, term)
    assert L.direction(e) == direction
    assert L.association(e, "eis").startswith(phrase)


def test_second_association_avoids_repeating_the_same_verdict() -> None:
    effects = csv(EFFECTS)
    up, down, null = (
        L.effect(effects, m, t) for m, t in (("1_eis", "minor"), ("1_eis", "disabled"), ("3_opgelegd", "minor"))
    )
    assert L.second_association(up, up, "eis", "een ander slachtoffer") == "Dat geldt ook voor een ander slachtoffer"
    assert L.second_association(up, down, "eis", "een ander slachtoffer") == (
        "Een ander slachtoffer daarentegen gaat samen met een lagere eis"
    )
    assert L.second_association(up, null, "eis", "x").startswith("X daarentegen gaat niet aantoonbaar")


def test_effect_texts() -> None:
    effects = csv(EFFECTS)
    e = L.effect(effects, "1_eis", "minor")
    assert e.relative is not None and e.relative.value == pytest.approx(0.397)
    assert L.effect_text(e) == "+39,7% (95%-BI +14,5% tot +70,5%)"
    assert L.months_text(e, level=None) == "+11,7 maanden (+4,3 tot +20,8)"
    assert L.effect_text(L.effect(effects, "2_vrijspraak", "minor")) == "odds ratio 1,64 (95%-BI 0,44–6,17)"
    not_estimable = L.effect(effects, "4a_tweedelig_kans", "disabled")
    assert not not_estimable.estimable and L.effect_text(not_estimable) == "niet te schatten"
    assert L.typical_months(effects) == {"1_eis": 29.5, "3_opgelegd": 21.0}


def test_two_part_sentence_says_why_an_effect_is_missing() -> None:
    two_part = csv(TWO_PART)
    assert L.two_part_sentence(L.two_part_effect(two_part, "minor"), "x") == (
        "Voor x is het effect −0,8 maanden (95%-BI −7,3 tot +4,5)."
    )
    assert L.two_part_sentence(L.two_part_effect(two_part, "disabled"), "y") == (
        "Voor y is dit effect niet te schatten (geen variatie of volledige scheiding in deel 1)."
    )


def test_multiple_testing_counts_only_estimated_coefficients() -> None:
    result = L.multiple_testing(csv(EFFECTS), alpha=0.05)
    assert (result.tests, result.significant, result.significant_adjusted) == (4, 2, 1)
    assert result.threshold == pytest.approx(0.0125)


POWER = """
model,model_label,term,term_label,n,n_with,std_error,mde_log,mde,mde_scale,power
3_opgelegd,"3. Opgelegd (OLS)",minor,minderjarig slachtoffer,103,27,0.0708686558,0.1985445785,21.96263954,% verandering,0.8
2_vrijspraak,2. Vrijspraak mensenhandel (logit),minor,minderjarig slachtoffer,126,33,0.6747281419,1.890308388,6.621410333,odds ratio,0.8
"""


def test_power_facts() -> None:
    power = csv(POWER)
    assert L.power_alpha(power) == pytest.approx(0.05)
    value, scale, n, n_with = L.minimum_detectable(power, "3_opgelegd", "minor")
    assert (round(value, 4), n, n_with) == (0.2196, 103, 27)
    assert L.mde_text(value, scale) == "22%"
    assert L.mde_text(*L.minimum_detectable(power, "2_vrijspraak", "minor")[:2]) == "odds ratio 6,6"
    table = L.power_table(power)
    assert list(table["Model"]) == ["3", "2"]
    assert list(table["Minimaal aantoonbaar effect"]) == ["22%", "odds ratio 6,6"]


def test_effects_table_has_a_row_per_model_and_characteristic() -> None:
    effects = csv(EFFECTS)
    rows = [
        {**effects.iloc[0].to_dict(), "model": m, "term": t}
        for m in ("1_eis", "2_vrijspraak", "3_opgelegd", "5_mediaan", "4a_tweedelig_kans")
        for t in ("minor", "disabled")
    ]
    table = L.effects_table(pd.DataFrame(rows), csv(TWO_PART), level=0.9)
    assert len(table) == 2 * (1 + len(L.EFFECT_MODELS))
    assert list(table.columns) == ["Model", "Effect", "90%-BI", "Maanden", "90%-BI ", "n (met)"]
    assert table.loc[0, "Model"] == "**minderjarig slachtoffer**"
    disabled_two_part = table[(table["Model"].str.startswith("4")) & (table.index > 6)].iloc[0]
    assert disabled_two_part["Maanden"] == "niet te schatten"


COEFFICIENTS = """
model,spec,term,estimate,std_error,ci_low,ci_high,p,n,n_clusters,formula,term_label,exp_estimate,exp_ci_low,exp_ci_high,exp_scale
3_opgelegd,hoofdanalyse,minor,-0.017,0.07,-0.156,0.122,0.81,103,99,log_imposed ~ minor,minderjarig slachtoffer,0.983,0.855,1.129,factor (exp)
3_opgelegd,hoofdanalyse,log_demand,0.994,0.09,0.820,1.167,3.3e-29,103,99,log_imposed ~ minor,log strafeis (mnd),2.70,2.27,3.21,factor (exp)
3_opgelegd,zonder tbs/PIJ (geëist of opgelegd),minor,-0.011,0.08,-0.173,0.151,0.90,94,90,log_imposed ~ minor,minderjarig slachtoffer,0.989,0.841,1.163,factor (exp)
"""


def test_coefficient_and_sensitivity_tables() -> None:
    coefficients = csv(COEFFICIENTS)
    table = L.coefficient_table(coefficients, "3_opgelegd")
    assert list(table["b"]) == ["−0,017", "0,994"]
    assert list(table["95%-BI"]) == ["−0,156 tot 0,122", "0,820–1,167"]
    assert list(table["p"]) == ["0,81", "< 0,001"]
    assert L.model_sample(coefficients, "3_opgelegd") == (103, 99, "log_imposed ~ minor")
    with pytest.raises(KeyError):
        L.coefficient_table(coefficients, "9_onbekend")
    sensitivity = L.sensitivity_table(coefficients[coefficients["term"] == "minor"])
    assert list(sensitivity["Variant"]) == ["hoofdanalyse", "zonder tbs/PIJ (geëist of opgelegd)"]
    assert sensitivity.loc[0, "minderjarig"] == "−1,7 (−14,5 tot +12,9)"
    assert sensitivity.loc[0, "verstandelijk beperkt"] == "–"
    spread = L.sensitivity_range(coefficients[coefficients["term"] == "minor"], "minor")
    assert (round(spread.low, 3), round(spread.high, 3), spread.n) == (-0.017, -0.011, 2)


# ----------------------------------------------------------------------------------------------------------
# Annex
# ----------------------------------------------------------------------------------------------------------


def test_cleaning_summary_and_unreadable_cells() -> None:
    log = csv("""
source_row,case_id,defendant_id,column,raw_value,result,rule
2,Z1,Z1-1,demand,x,y,strafzin gelezen
3,Z2,Z2-1,demand,x,y,strafzin gelezen
3,Z2,Z2-1,sentence,18 mnd cel,niet te lezen,"NIET TE LEZEN: niet geraden, als ontbrekend behandeld"
""")
    table = L.cleaning_summary(log)
    assert list(table["Aantal"]) == [2, 1] and table.loc[0, "Kolom"] == "`demand`"
    assert L.unreadable_cells(log) == 1
    assert L.unreadable_sentence(1).startswith("1 cel was niet te lezen")
    assert L.unreadable_sentence(0) == "Alle strafzinnen en tenlasteleggingen waren te lezen."
    assert L.unreadable_cells(log.iloc[:0]) == 0


def test_codebook_table_lists_every_column() -> None:
    table = L.codebook_table(COLUMNS)
    assert list(table["Kolom"]) == [f"`{c.name}`" for c in COLUMNS]
    rows = table.set_index("Kolom")
    assert rows.loc["`victim_minor`", "Waarden"] == "ja / nee / onbekend"
    assert rows.loc["`court`", "Waarden"] == f"{len(COURTS)} waarden (zie codeboek)"
    assert rows.loc["`victims_charged`", "Waarden"] == "1–1.000"
    assert rows.loc["`ecli`", "Verpl."] == "nee"


PROVENANCE = {
    "inputs": [{"naam": "coding_sheet", "pad": "data/raw/blad_1.csv", "sha256": "ab" * 32, "bytes": 1234}],
    "git_commit": "0123abc",
    "git_dirty": False,
    "versions": {"python": "3.11.7", "pandas": "3.1.1"},
    "build_date": "2020-07-01",
    "build_moment_utc": "2020-07-01T00:00:00Z",
    "command": "make report",
    "reproduce": "git checkout 0123abc && make report",
}


def test_provenance_markdown() -> None:
    assert L.inputs_markdown(PROVENANCE) == (
        f"- `data/raw/blad_1.csv` (1.234 bytes)\\\n  SHA-256 `{'ab' * 32}`\n"  # no escaping inside code
    )
    text = L.provenance_markdown(PROVENANCE, "ingebouwde renderer")
    assert "git-commit `0123abc` (zonder wijzigingen)" in text
    assert "Python 3.11.7, pandas 3.1.1" in text and "2020-07-01" in text
    assert "`git checkout 0123abc && make report`" in text
    assert "niet vastgelegd" in L.git_text({"git_commit": None})


# ----------------------------------------------------------------------------------------------------------
# The .qmd: captions are the letter's titles (corrected per errata), labels are unique
# ----------------------------------------------------------------------------------------------------------


def test_qmd_captions_of_tables_1_to_5_are_the_corrected_published_titles() -> None:
    doc = parse_qmd((REPO / "report" / "kamerbrief.qmd").read_text(encoding="utf-8"))
    captions = [
        item.options["tbl-cap"] for item in doc.items
        if hasattr(item, "options") and str(item.options.get("label", "")).startswith("tbl-")
    ]
    published, errata = read_published(PUBLISHED), read_errata(PUBLISHED)
    for number, caption in enumerate(captions[:5], start=1):
        plain = re.sub(r"\^[^^]*\^", "", caption)  # note markers
        assert plain == corrected_title(published[f"tabel_{number}"], errata), number


def test_estimate_helpers() -> None:
    e = L.Estimate(-12.1, -14.6, -9.7, 144)
    assert L.ci(e.negated(), 1, unit="maanden") == "12,1 maanden (95%-BI 9,7–14,6)"
    assert e.below and not e.above
    assert math.isnan(L.Estimate(1.0).low)


def test_intervals_below_the_minimum_or_with_equal_bounds_are_removed():
    frame = pd.DataFrame({"estimate": [1.0, 0.0, 5.0], "ci_low": [0.5, 0.0, 4.0], "ci_high": [1.5, 0.0, 6.0],
                          "n": [30, 30, 3], "n_clusters": [28, 28, 3]})
    honest = L.honest_intervals(frame, subgroup_n=5, bootstrap_cases=10)
    assert honest["ci_low"].notna().tolist() == [True, False, False]
    assert honest["interval_note"].tolist() == ["", "geen spreiding", "te klein"]
    assert L.ci(L.Estimate(0.0, float("nan"), float("nan"))) == "0"


def test_a_median_on_the_lower_bound_of_its_range_loses_its_interval_with_a_note():
    frame = pd.DataFrame({"measure": ["mediaan_opgelegd", "mediaan_opgelegd", "mediaan_verschil", "mediaan_ratio"],
                          "estimate": [0.0, 4.0, 0.0, 0.0], "ci_low": [0.0, 1.0, -2.0, 0.0],
                          "ci_high": [1.0, 6.0, 1.0, 0.2], "n": [30] * 4, "n_clusters": [28] * 4,
                          "periode": ["nieuw", "nieuw", "nieuw", "verschil"]})
    honest = L.honest_intervals(frame, subgroup_n=5, bootstrap_cases=10)
    assert honest["ci_low"].notna().tolist() == [False, True, True, True]
    assert honest["interval_note"].tolist() == ["op de ondergrens", "", "", ""]
    assert any("ondergrens" in note for note in L.interval_notes(honest, {"subgroup_n": 5, "bootstrap_cases": 10}))


def test_newcombe_difference_of_shares():
    # Newcombe (1998), table II, example (a): 56/70 against 48/80
    d, low, high = L.share_difference(56, 70, 48, 80)
    assert d == pytest.approx(0.2) and low == pytest.approx(0.0524, abs=5e-4) and high == pytest.approx(0.3339, abs=5e-4)


def test_follow_up_table_has_no_2020_share_for_a_category_the_letter_lacks():
    from mhcases.present import read_published

    table = L.followup_rows(
        read_published(REPO / "data" / "published")["tabel_2"],
        pd.DataFrame({"categorie": ["onvoorwaardelijk", "nieuwe straf", "Totaal"], "frequentie": [3, 2, 5]}),
    )
    new = table[table["categorie"] == "nieuwe straf"].iloc[0]
    assert pd.isna(new["oud"]) and pd.isna(new["oud_aandeel"]) and pd.isna(new["verschil"])
    old = table[table["categorie"] == "onvoorwaardelijk"].iloc[0]
    assert old["nieuw"] == 3 and old["ci_low"] < old["verschil"] < old["ci_high"]


def test_follow_up_share_of_co_defendants_gets_the_design_effect_of_their_cases():
    import numpy as np

    from mhcases.present import read_published

    published = read_published(REPO / "data" / "published")["tabel_2"]
    computed = pd.DataFrame({"categorie": ["onvoorwaardelijk", "maatregel", "Totaal"], "frequentie": [30, 30, 60]})
    # every case has two defendants with the same demand: 30 cases, not 60 independent defendants
    units = pd.DataFrame({"case_id": np.repeat(np.arange(30), 2),
                          "categorie": ["onvoorwaardelijk"] * 30 + ["maatregel"] * 30})
    plain = L.followup_rows(published, computed).set_index("categorie").loc["onvoorwaardelijk"]
    clustered = L.followup_rows(published, computed, units=units).set_index("categorie").loc["onvoorwaardelijk"]
    assert clustered["verschil"] == plain["verschil"]
    assert clustered["ci_high"] - clustered["ci_low"] > plain["ci_high"] - plain["ci_low"]
    # units that do not give the table's counts are not used
    wrong = units.assign(categorie="maatregel")
    same = L.followup_rows(published, computed, units=wrong).set_index("categorie").loc["onvoorwaardelijk"]
    assert same["ci_low"] == plain["ci_low"]


@pytest.mark.parametrize("acquitted, sentenced, expected", [
    (1, 0, "De enige volledig vrijgesproken verdachte kreeg 0 maanden; hij of zij kreeg ook geen"),
    (3, 1, "wel kreeg 1 van de 3 vrijgesproken verdachten"),
    (3, 2, "wel kregen 2 van de 3 vrijgesproken verdachten"),
    (0, 0, "Geen enkele verdachte is volledig vrijgesproken"),
])
def test_verdict_paragraph_follows_the_count(acquitted, sentenced, expected):
    rows = [("beslissing mensenhandel", "vrijspraak", "mediaan_opgelegd", 0.0, float("nan"), float("nan"), acquitted)]
    if not acquitted:
        rows = []
    summary = pd.DataFrame(rows, columns=["groep", "subgroep", "measure", "estimate", "ci_low", "ci_high", "n"])
    assert expected in L.verdict_paragraph(summary, acquitted, sentenced)


def test_not_estimable_effects_give_a_paragraph_with_the_reason():
    effects = pd.DataFrame({"model": ["1_eis", "1_eis"], "term": ["minor", "disabled"], "n": [12, 12],
                            "n_with": [2, 1], "note": ["niet te schatten: 12 verdachten in het model (minimaal 20)"] * 2})
    minor, disabled = (L.effect(effects, "1_eis", t) for t in ("minor", "disabled"))
    assert not L.estimable(minor, disabled)
    assert L.not_estimable_paragraph("*De eis.*", minor, disabled) == (
        "*De eis.* Dit model is niet te schatten: 12 verdachten in het model (minimaal 20).")
    assert L.not_estimable_notes(effects, pd.DataFrame()) == [
        "Model 1, niet te schatten: 12 verdachten in het model (minimaal 20)."]


def test_months_note_has_no_dash_when_no_model_was_estimated():
    assert "(29,5 maanden; model 1)" in L.months_note({"1_eis": 29.5, "3_opgelegd": 20.0})
    assert "–" not in L.months_note({}) and "niet te schatten" in L.months_note({})


def test_decomposition_sample_follows_the_count():
    assert L.decomposition_sample(20, 20) == "n = 20"
    assert "de verdachte voor wie" in L.decomposition_sample(4, 5) and "telt hier" in L.decomposition_sample(4, 5)
    assert "de 24 verdachten voor wie" in L.decomposition_sample(126, 150)


@pytest.mark.parametrize("term_n", [5, 2, 12])
def test_the_single_defendant_sentence_follows_the_minimum_per_characteristic(term_n):
    sentence = L.single_defendant_sentence({"term_n": term_n})
    assert "maar één verdachte" in sentence and "laat deze brief weg" in sentence
    assert f"minstens {term_n} verdachten met en {term_n} zonder" in sentence


@pytest.mark.parametrize("term_n", [1, 0])
def test_the_single_defendant_sentence_refuses_a_minimum_below_two(term_n):
    with pytest.raises(ValueError, match=f"term_n = {term_n}: moet minstens 2 zijn"):
        L.single_defendant_sentence({"term_n": term_n})
