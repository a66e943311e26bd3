"""End-to-end: `snakemake report` in a temporary copy of the project gives the letter as HTML and PDF."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from pypdf import PdfReader

from conftest import BuiltProject, run_snakemake

pytestmark = pytest.mark.e2e

A4 = (595.28, 841.89)  # points


class _Tables(HTMLParser):
    """Every <table> as (caption, rows of cell texts)."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[tuple[str, list[list[str]]]] = []
        self._field: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append(("", []))
        elif tag == "tr" and self.tables:
            self.tables[-1][1].append([])
        elif tag in ("caption", "td", "th"):
            self._field, self._text = tag, ""

    def handle_endtag(self, tag: str) -> None:
        if tag == self._field == "caption":
            self.tables[-1] = (" ".join(self._text.split()), self.tables[-1][1])
            self._field = None
        elif tag == self._field and tag in ("td", "th"):
            self.tables[-1][1][-1].append(" ".join(self._text.split()))
            self._field = None

    def handle_data(self, data: str) -> None:
        if self._field:
            self._text += data


def html_tables(html: str) -> dict[str, list[list[str]]]:
    parser = _Tables()
    parser.feed(html)
    return {caption: rows for caption, rows in parser.tables}


def test_outputs_exist(built_project: BuiltProject) -> None:
    assert built_project.html.stat().st_size > 0
    assert built_project.pdf.read_bytes().startswith(b"%PDF")


def test_pdf_is_a4_with_source_sans_pro_embedded(built_project: BuiltProject) -> None:
    reader = PdfReader(built_project.pdf)
    assert len(reader.pages) >= 2
    embedded = set()
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(A4[0], abs=1)
        assert float(page.mediabox.height) == pytest.approx(A4[1], abs=1)
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            if any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                embedded.add(str(font["/BaseFont"]))
    assert any("SourceSansPro-Regular" in name for name in embedded), embedded
    assert any("SourceSansPro-Bold" in name or "SourceSansPro-Semibold" in name for name in embedded), embedded


def test_pdf_marks_synthetic_data_on_every_page(built_project: BuiltProject) -> None:
    for page in PdfReader(built_project.pdf).pages:
        assert "SYNTHETISCHE GEGEVENS" in page.extract_text()


@pytest.mark.parametrize(("number", "total"), [(1, "145"), (2, "150"), (4, "150")])
def test_html_shows_published_tables_with_totals(built_project: BuiltProject, number: int, total: str) -> None:
    tables = html_tables(built_project.html.read_text(encoding="utf-8"))
    caption = next(c for c in tables if c.startswith(f"Tabel {number}:"))
    rows = tables[caption]
    assert rows[-1][0].startswith("Totaal") and rows[-1][1:3] == [total, total]  # Brief, Codeerblad


def test_html_captions_are_the_letters_titles(built_project: BuiltProject) -> None:
    """The letter's titles, as corrected in data/published/errata.csv (Tabel 2: strafeis, not tenlastelegging)."""
    from mhcases.present import corrected_title, read_errata, read_published

    folder = built_project.root / "data/published"
    published, errata = read_published(folder), read_errata(folder)
    captions = list(html_tables(built_project.html.read_text(encoding="utf-8")))
    for number in (1, 2, 3, 4, 5):
        title = corrected_title(published[f"tabel_{number}"], errata)
        assert any(c.startswith(f"Tabel {number}: {title}") for c in captions), (title, captions)


def test_html_is_self_contained_dutch(built_project: BuiltProject) -> None:
    html = built_project.html.read_text(encoding="utf-8")
    assert re.search(r'<html[^>]*\blang="nl"', html)
    tags = re.findall(r"<(?:script|link|img)\b[^>]*>", html, re.IGNORECASE)
    assert not [t for t in tags if re.search(r"""\b(?:src|href)\s*=\s*["']?(?:https?:)?//""", t, re.IGNORECASE)]
    assert "SYNTHETISCHE GEGEVENS" in html


def test_second_run_has_nothing_to_do(built_project: BuiltProject) -> None:
    process = run_snakemake(built_project.root, "report", "--cores", "2", "-n")
    assert process.returncode == 0, process.stderr
    assert "Nothing to be done" in process.stdout + process.stderr
