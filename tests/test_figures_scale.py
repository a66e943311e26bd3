"""Figures on a large sheet: the scatter's markers become one embedded image in the SVG (issue 13, scale)."""

import pytest

from mhcases import figures
from mhcases.sheet.load import load_sheet

SHEET = "data/raw/codeerblad_synthetisch.csv"


@pytest.fixture(scope="module")
def clean():
    figures.setup_style()
    return load_sheet(SHEET)[0]


@pytest.mark.parametrize("raster_points, rasterised", [(figures.RASTER_POINTS, False), (1, True)])
def test_scatter_markers_are_an_image_only_on_large_sheets(tmp_path, monkeypatch, clean, raster_points, rasterised):
    monkeypatch.setattr(figures, "RASTER_POINTS", raster_points)
    svg, png = tmp_path / "s.svg", tmp_path / "s.png"
    figures.save(figures.scatter_figure(clean, True), svg, png)
    text = svg.read_text(encoding="utf-8")
    assert ("<image" in text) is rasterised
    assert ('<g id="PathCollection' in text) is not rasterised  # the markers as SVG elements
    assert text.count('<g id="text_') >= 10 and png.stat().st_size > 0  # titles and ticks stay vectors either way
