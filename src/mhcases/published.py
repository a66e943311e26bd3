"""The letter's published facts in data/published/: Tables 1, 2, 4, titles, notes, errata."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import yaml

PUBLISHED_TABLES = ("tabel_1", "tabel_2", "tabel_4")


def load_table(folder: str | Path, name: str) -> pd.DataFrame:
    """`categorie` (corrected per errata.csv), `categorie_bron` (as printed), `frequentie`."""
    return pd.read_csv(Path(folder) / f"{name}.csv", dtype={"categorie": str, "categorie_bron": str, "frequentie": int})


def load_metadata(folder: str | Path) -> dict[str, Any]:
    return yaml.safe_load((Path(folder) / "metadata.yaml").read_text(encoding="utf-8"))


def load_errata(folder: str | Path) -> pd.DataFrame:
    return pd.read_csv(Path(folder) / "errata.csv", dtype=str).fillna("")


def category_order(folder: str | Path, name: str) -> list[str]:
    """The letter's row order of a published table, without "overig" and "Totaal"."""
    table = load_table(folder, name)
    return [c for c in table["categorie"] if c not in ("overig", "Totaal")]
