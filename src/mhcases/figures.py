"""Figures (seaborn/matplotlib), Dutch labels, deterministic SVG and PNG output."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import seaborn as sns  # noqa: E402
from matplotlib import font_manager, ticker  # noqa: E402

from mhcases.compare import pairs  # noqa: E402
from mhcases.fonts import FONT, font_dir  # noqa: E402
from mhcases.numbers import common_decimals, format_number  # noqa: E402
from mhcases.runner import write_atomic  # noqa: E402

SYNTHETIC_MARK = "SYNTHETISCHE GEGEVENS"
# From this many points the scatter's markers are one embedded image in the SVG (axes, labels and text stay
# vectors): 100,000 markers as SVG elements take 10 s to write and make a file of tens of megabytes.
RASTER_POINTS = 5000
VERDICT_LABELS = {"bewezen": "bewezen", "partiele vrijspraak": "partiële vrijspraak", "vrijspraak": "vrijspraak",
                  "ontslag": "ontslag"}
PALETTE = {"Strafeis": "#4a6f8a", "Opgelegd": "#c0504d", "bewezen": "#4a6f8a", "partiële vrijspraak": "#e0a030",
           "vrijspraak": "#c0504d", "ontslag": "#7f7f7f"}


def setup_style() -> None:
    """One look for every figure; fixed SVG ids and no dates so files are byte-identical across runs."""
    for path in sorted(font_dir().glob("*.ttf")):
        font_manager.fontManager.addfont(str(path))
    sns.set_theme(style="whitegrid", context="paper", font=FONT)
    plt.rcParams.update({"svg.hashsalt": "mhcases", "svg.fonttype": "path", "figure.dpi": 100,
                         "axes.titlesize": 11, "axes.labelsize": 10, "legend.fontsize": 9})


class DutchFormatter(ticker.Formatter):
    """Axis ticks as the letter's text writes numbers (mhcases.numbers.format_number): decimal comma, thousands
    with a point, a real minus sign; one number of decimals for all ticks of an axis."""

    def __call__(self, x: float, pos: int | None = None) -> str:
        return format_number(x, common_decimals(self.locs or [x]))

    def format_ticks(self, values: list[float]) -> list[str]:
        self.set_locs(values)
        decimals = common_decimals(values)
        return [format_number(value, decimals) for value in values]


def dutch_axes(fig: plt.Figure) -> None:
    """Every numeric axis of `fig` gets Dutch tick labels; category axes (bar labels) keep theirs."""
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            if isinstance(axis.get_major_formatter(), ticker.ScalarFormatter):
                axis.set_major_formatter(DutchFormatter())


def _mark(fig: plt.Figure, synthetic: bool) -> None:
    if synthetic:
        fig.text(0.99, 1.0, SYNTHETIC_MARK, ha="right", va="bottom", fontsize=8, color="#b00020", weight="bold")


def save(fig: plt.Figure, svg: str | Path, png: str | Path) -> None:
    dutch_axes(fig)
    # rasterised markers (RASTER_POINTS) at the PNG's resolution; other figures keep savefig's defaults
    raster = {"dpi": 150} if any(a.get_rasterized() for ax in fig.axes for a in ax.get_children()) else {}
    write_atomic(svg, lambda tmp: fig.savefig(tmp, format="svg", metadata={"Date": None}, bbox_inches="tight",
                                              **raster))
    write_atomic(png, lambda tmp: fig.savefig(tmp, format="png", dpi=150, metadata={"Software": None},
                                              bbox_inches="tight"))
    plt.close(fig)


def shift_figure(tabel_3: pd.DataFrame, tabel_5: pd.DataFrame, synthetic: bool) -> plt.Figure:
    """Tables 3 and 5 side by side: the distribution of demanded and imposed unconditional months."""
    known = lambda t: t[~t["categorie"].isin(["overig", "Totaal"])]  # noqa: E731
    n3, n5 = int(known(tabel_3)["frequentie"].sum()), int(known(tabel_5)["frequentie"].sum())
    o3 = int(tabel_3.loc[tabel_3["categorie"] == "overig", "frequentie"].sum())
    o5 = int(tabel_5.loc[tabel_5["categorie"] == "overig", "frequentie"].sum())
    data = pd.concat([
        known(tabel_3).assign(reeks=f"Strafeis (tabel 3, n = {format_number(n3)})"),
        known(tabel_5).assign(reeks=f"Opgelegd bij bewezenverklaring (tabel 5, n = {format_number(n5)})"),
    ])
    data["categorie"] = data["categorie"].str.replace(" maanden", "", regex=False)
    fig, ax = plt.subplots(figsize=(7.0, 3.6))
    sns.barplot(data=data, x="categorie", y="frequentie", hue="reeks", ax=ax,
                palette=[PALETTE["Strafeis"], PALETTE["Opgelegd"]])
    ax.set_xlabel("Onvoorwaardelijk deel (maanden)")
    ax.set_ylabel("Aantal verdachten")
    ax.set_title("Duur onvoorwaardelijk deel: strafeis en opgelegde straf")
    ax.legend(title=None, frameon=False, loc="upper right", fontsize=8)
    ax.set_ylim(0, ax.get_ylim()[1] * 1.25)  # room for the legend above the bars
    left_out = f"strafeis {format_number(o3)}, opgelegd {format_number(o5)}"
    fig.text(0.01, -0.04, f"Niet in de grafiek («overig»): {left_out} (o.a. vrijspraken).", fontsize=8, color="#555555")
    _mark(fig, synthetic)
    return fig


def scatter_figure(clean: pd.DataFrame, synthetic: bool) -> plt.Figure:
    """Demand vs imposed months per defendant, identity line, coloured by the verdict on mensenhandel."""
    data = pairs(clean).assign(beslissing=lambda d: d["verdict_trafficking"].map(VERDICT_LABELS))
    fig, ax = plt.subplots(figsize=(5.6, 5.0))
    top = max(float(data[["demand_months", "imposed_months"]].max().max()), 1.0) * 1.05 if len(data) else 1.0
    ax.plot([0, top], [0, top], color="#333333", linewidth=0.8, linestyle="--", label="opgelegd = eis")
    sns.scatterplot(data=data, x="demand_months", y="imposed_months", hue="beslissing", palette=PALETTE,
                    hue_order=[v for v in VERDICT_LABELS.values() if v in set(data["beslissing"])],
                    ax=ax, s=28, alpha=0.8, edgecolor="white", linewidth=0.4,
                    rasterized=len(data) >= RASTER_POINTS)
    ax.set_xlim(0, top)
    ax.set_ylim(0, top)
    ax.set_xlabel("Geëist onvoorwaardelijk (maanden)")
    ax.set_ylabel("Opgelegd onvoorwaardelijk (maanden)")
    ax.set_title(f"Strafeis en opgelegde straf per verdachte (n = {format_number(len(data))})")
    ax.legend(title="Mensenhandel", frameon=False, loc="upper left")
    _mark(fig, synthetic)
    return fig


def ecdf_figure(clean: pd.DataFrame, synthetic: bool) -> plt.Figure:
    """Empirical distribution functions of demanded and imposed unconditional months (same defendants)."""
    data = pairs(clean)
    long = pd.concat([
        pd.DataFrame({"maanden": data["demand_months"], "reeks": "Strafeis"}),
        pd.DataFrame({"maanden": data["imposed_months"], "reeks": "Opgelegd"}),
    ], ignore_index=True)
    fig, ax = plt.subplots(figsize=(6.0, 3.6))
    sns.ecdfplot(data=long, x="maanden", hue="reeks", palette=PALETTE, ax=ax)
    ax.set_xlabel("Onvoorwaardelijk deel (maanden)")
    ax.set_ylabel("Cumulatief aandeel verdachten")
    ax.set_title(f"Verdeling van eis en opgelegde straf (n = {format_number(len(data))} verdachten)")
    legend = ax.get_legend()
    if legend is not None:
        legend.set_title(None)
        legend.set_frame_on(False)
    _mark(fig, synthetic)
    return fig
