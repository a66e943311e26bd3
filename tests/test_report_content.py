"""End-to-end: the letter's numbers follow the coding sheet, synthetic data is marked, the printed provenance
checks out, and the HTML is a self-contained, accessible Dutch page.

Two builds: `built_project` (the default, synthetic sheet; shared with test_build_e2e.py) and `perturbed`, a copy
in which two fully proven defendants are acquitted and the sheet is declared real (`input.synthetic: false`).
"""

from __future__ import annotations

import hashlib
import re
import shutil
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
import yaml
from pypdf import PdfReader

from conftest import REPO, BuiltProject, copy_project, run_snakemake
from mhcases.render import external_urls

pytestmark = pytest.mark.e2e

MARKER = "(synthetische gegevens)"
# Unconditional detention only: such a defendant is in Table 4's row "onvoorwaardelijk".
UNCONDITIONAL_ONLY = re.compile(r"^gevangenisstraf voor de duur van \d+ maanden$")
ACQUITTED = 2  # defendants the perturbation acquits


class _Page(HTMLParser):
    """Tables (caption, header cells, rows of cell texts), figure captions and images of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[dict] = []
        self.figcaptions: list[str] = []
        self.images: list[dict[str, str | None]] = []
        self._field: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append({"caption": "", "th": 0, "rows": []})
        elif tag == "tr" and self.tables:
            self.tables[-1]["rows"].append([])
        elif tag == "img":
            self.images.append(dict(attrs))
        elif tag in ("caption", "figcaption", "td", "th"):
            self._field, self._text = tag, ""
            if tag == "th":
                self.tables[-1]["th"] += 1

    def handle_endtag(self, tag: str) -> None:
        if tag != self._field:
            return
        text = " ".join(self._text.split())
        if tag == "caption":
            self.tables[-1]["caption"] = text
        elif tag == "figcaption":
            self.figcaptions.append(text)
        else:
            self.tables[-1]["rows"][-1].append(text)
        self._field = None

    def handle_data(self, data: str) -> None:
        if self._field:
            self._text += data


def parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


def text_of(html: str) -> str:
    """The visible text of the page, whitespace collapsed."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S | re.I)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())


def table(page: _Page, number: int) -> list[list[str]]:
    return next(t["rows"] for t in page.tables if t["caption"].startswith(f"Tabel {number}:"))


def row(rows: list[list[str]], label: str) -> list[str]:
    return next(r for r in rows if r and re.sub(r"[\d*,]+$", "", r[0]) == label)


def acquittal_sentence(text: str) -> tuple[int, int]:
    found = re.search(r"In (\d+) van de (\d+) gevallen \(\d+%\) is de verdachte van mensenhandel vrijgesproken", text)
    assert found, "zin over vrijspraken niet gevonden"
    return int(found.group(1)), int(found.group(2))


# ----------------------------------------------------------------------------------------------------------
# The perturbed build
# ----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Perturbed:
    root: Path
    html: str
    acquitted: tuple[str, ...]  # defendant ids turned into acquittals


@pytest.fixture(scope="module")
def perturbed(tmp_path_factory: pytest.TempPathFactory) -> Perturbed:
    root = copy_project(tmp_path_factory.mktemp("perturbed"))
    if not (root / "src").exists():  # the rules declare src/mhcases/*.py as inputs
        shutil.copytree(REPO / "src", root / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    config_path = root / "config" / "config.yaml"
    config = config_path.read_text(encoding="utf-8")
    sheet = root / yaml.safe_load(config)["input"]["coding_sheet"]
    raw = pd.read_csv(sheet, dtype=str, keep_default_na=False)
    chosen = raw[
        raw["verdict_trafficking"].eq("bewezen")
        & raw["verdict_other"].eq("niet van toepassing")
        & raw["sentence"].str.match(UNCONDITIONAL_ONLY)
    ].head(ACQUITTED)
    assert len(chosen) == ACQUITTED
    raw.loc[chosen.index, ["verdict_trafficking", "sentence", "period_proven_months", "victims_proven"]] = [
        "vrijspraak", "vrijspraak", "0", "0"
    ]
    raw.to_csv(sheet, index=False)
    declared_real = re.sub(r"(?m)^(\s*synthetic:\s*)true\b", r"\1false", config)
    assert declared_real != config
    config_path.write_text(declared_real, encoding="utf-8")
    process = run_snakemake(root, "report", "--cores", "2")
    if process.returncode != 0:
        pytest.fail(f"snakemake report (verstoord codeerblad) faalde:\n{process.stderr[-4000:]}")
    html = (root / "results" / "report" / "kamerbrief.html").read_text(encoding="utf-8")
    return Perturbed(root, html, tuple(chosen["defendant_id"]))


def test_acquittals_follow_the_coding_sheet(built_project: BuiltProject, perturbed: Perturbed) -> None:
    base_html = built_project.html.read_text(encoding="utf-8")
    base, changed = parse(base_html), parse(perturbed.html)
    base_text, changed_text = text_of(base_html), text_of(perturbed.html)

    base_acquitted, defendants = acquittal_sentence(base_text)
    assert acquittal_sentence(changed_text) == (base_acquitted + ACQUITTED, defendants)

    import csv

    with open(built_project.root / "data/published/tabel_4.csv", encoding="utf-8") as handle:
        published = next(r["frequentie"] for r in csv.DictReader(handle) if r["categorie"] == "vrijspraak")
    assert row(table(base, 4), "vrijspraak")[1:] == [published, str(base_acquitted), "✓"]
    assert row(table(changed, 4), "vrijspraak")[1:] == [published, str(base_acquitted + ACQUITTED), f"+{ACQUITTED}"]
    before = int(row(table(base, 4), "onvoorwaardelijk")[2])
    assert row(table(changed, 4), "onvoorwaardelijk")[2:] == [str(before - ACQUITTED), f"\u2212{ACQUITTED}"]
    assert "Alle 8 frequenties komen overeen met die in de brief." in base_text
    assert "2 van de 8 frequenties wijken af van de brief" in changed_text
    # Table 5: the acquitted are no longer in a duration class but in "overig".
    assert int(row(table(changed, 5), "overig")[1]) == int(row(table(base, 5), "overig")[1]) + ACQUITTED


def test_unaffected_numbers_stay(built_project: BuiltProject, perturbed: Perturbed) -> None:
    base_text, changed_text = text_of(built_project.html.read_text(encoding="utf-8")), text_of(perturbed.html)
    for text in (base_text, changed_text):
        assert "Het codeerblad van deze brief telt 145 zaken en 150 verdachten." in text
        assert "In 59 van de 145 zaken is alleen mensenhandel ten laste gelegd." in text
        assert "Alle 12 frequenties komen overeen met die in de brief." in text  # Table 1
    assert table(parse(perturbed.html), 1) == table(parse(built_project.html.read_text(encoding="utf-8")), 1)


# ----------------------------------------------------------------------------------------------------------
# Synthetic data is marked (and real data is not)
# ----------------------------------------------------------------------------------------------------------


def captions(page: _Page) -> list[str]:
    return [t["caption"] for t in page.tables] + page.figcaptions


def test_synthetic_letter_says_so_on_page_one_and_in_every_caption(built_project: BuiltProject) -> None:
    html = built_project.html.read_text(encoding="utf-8")
    page = parse(html)
    text = text_of(html)
    opening = text[text.index("1. Aanleiding") : text.index("2. Tenlastelegging")]
    assert "Deze brief berust op synthetische gegevens." in opening
    assert 'class="kb-marking"' in html
    found = captions(page)
    assert len(page.tables) >= 8 and len(page.figcaptions) == 3
    assert all(c.endswith(MARKER) for c in found), [c for c in found if not c.endswith(MARKER)]
    first_page = PdfReader(built_project.pdf).pages[0].extract_text()
    assert "synthetische gegevens" in " ".join(first_page.split())


def test_real_data_letter_carries_no_synthetic_marking(perturbed: Perturbed) -> None:
    page = parse(perturbed.html)
    text = text_of(perturbed.html)
    assert not any(MARKER in c for c in captions(page))
    assert 'class="kb-marking"' not in perturbed.html and "SYNTHETISCHE GEGEVENS" not in text
    opening = text[text.index("1. Aanleiding") : text.index("2. Tenlastelegging")]
    assert "synthetische gegevens" not in opening.lower()
    assert "Deze brief berust op het codeerblad" in opening


# ----------------------------------------------------------------------------------------------------------
# Provenance
# ----------------------------------------------------------------------------------------------------------

INPUT = re.compile(r"<code>([^<]+)</code>\s*\(([\d.]+)\s+bytes\)<br\s*/?>\s*SHA-256\s*<code>([0-9a-f]{64})</code>")


def test_printed_sha256_match_the_input_files(built_project: BuiltProject) -> None:
    html = built_project.html.read_text(encoding="utf-8")
    printed = INPUT.findall(html)
    record = yaml.safe_load((built_project.root / "results/report/herkomst.yaml").read_text(encoding="utf-8"))
    assert sorted(path for path, _, _ in printed) == sorted(i["pad"] for i in record["inputs"])
    assert any(path.endswith(".csv") and "raw" in path for path, _, _ in printed)  # the coding sheet
    for path, size, digest in printed:
        data = (built_project.root / path).read_bytes()
        assert digest == hashlib.sha256(data).hexdigest(), path
        assert int(size.replace(".", "")) == len(data), path
    text = text_of(html)
    assert f"Builddatum: {record['build_date']}" in text
    assert record["reproduce"] in text


# ----------------------------------------------------------------------------------------------------------
# A self-contained, accessible Dutch page
# ----------------------------------------------------------------------------------------------------------


def test_html_is_self_contained_accessible_and_dutch(built_project: BuiltProject) -> None:
    html = built_project.html.read_text(encoding="utf-8")
    page = parse(html)
    assert re.search(r'<html[^>]*\blang="nl"', html)
    assert external_urls(html) == []
    tags = re.findall(r"<(?:script|link|img)\b[^>]*>", html, re.I)
    assert not [t for t in tags if re.search(r"""\b(?:src|href)\s*=\s*["']?https?://""", t, re.I)]
    assert page.tables and all(t["th"] > 0 for t in page.tables), [t["caption"] for t in page.tables if not t["th"]]
    assert len(page.images) == 3
    assert all((img.get("alt") or "").strip() for img in page.images)
