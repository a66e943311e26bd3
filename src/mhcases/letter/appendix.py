"""The appendix: cleaning log, codebook and provenance."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from mhcases.codebook import Column
from mhcases.present import (
    MISSING,
    escape_markdown,
    format_number,
)
from mhcases.letter.results import UNREADABLE_RULE
from mhcases.safety import markdown_code


def cleaning_summary(log: pd.DataFrame) -> pd.DataFrame:
    """Counts of the cleaning log per rule and column (most frequent first)."""
    if log.empty:
        return pd.DataFrame({"Regel": [], "Kolom": [], "Aantal": []})
    counts = log.groupby(["rule", "column"], sort=False).size().reset_index(name="Aantal")
    counts = counts.sort_values(["Aantal", "rule", "column"], ascending=[False, True, True], kind="stable")
    return pd.DataFrame({
        "Regel": [escape_markdown(r) for r in counts["rule"]],
        "Kolom": [f"`{c}`" for c in counts["column"]],
        "Aantal": counts["Aantal"].astype("int64").to_list(),
    })


def unreadable_cells(log: pd.DataFrame) -> int:
    """The number of cells the build could not read (logged as "NIET TE LEZEN", treated as missing)."""
    return int(log["rule"].astype(str).str.startswith(UNREADABLE_RULE).sum()) if len(log) else 0


def unreadable_sentence(count: int) -> str:
    """One sentence on the cells the build could not read."""
    if count == 0:
        return "Alle strafzinnen en tenlasteleggingen waren te lezen."
    cells = "cel was" if count == 1 else "cellen waren"
    return (
        f"{format_number(count)} {cells} niet te lezen; zulke cellen worden niet geraden maar als ontbrekend "
        "behandeld (ze staan met hun ruwe waarde in het log)."
    )


KIND_LABELS = {
    "id": "code",
    "text": "tekst",
    "date": "datum",
    "category": "categorie",
    "multicategory": "categorieën",
    "integer": "geheel getal",
    "number": "getal",
    "phrase": "strafzin",
}
MAX_LISTED = 6  # allowed values listed in the codebook table; longer lists are counted


def codebook_table(columns: Sequence[Column]) -> pd.DataFrame:
    """The codebook as a compact table: column, Dutch label, type, required, allowed values or range."""
    rows = []
    for column in columns:
        if column.allowed and len(column.allowed) > MAX_LISTED:
            values = f"{format_number(len(column.allowed))} waarden (zie codeboek)"
        elif column.allowed:
            values = " / ".join(column.allowed)
        elif column.minimum is not None or column.maximum is not None:
            values = f"{format_number(column.minimum)}–{format_number(column.maximum)}"
        else:
            values = ""
        rows.append({
            "Kolom": f"`{column.name}`",
            "Label": escape_markdown(column.label),
            "Type": KIND_LABELS.get(column.kind, column.kind),
            "Verpl.": "ja" if column.required else "nee",
            "Waarden": escape_markdown(values),
        })
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class InputFile:
    name: str
    path: str
    sha256: str
    size: int


def provenance_inputs(provenance: Mapping[str, Any]) -> list[InputFile]:
    return [
        InputFile(str(i["naam"]), str(i["pad"]), str(i["sha256"]), int(i["bytes"]))
        for i in provenance.get("inputs") or []
    ]


def inputs_markdown(provenance: Mapping[str, Any]) -> str:
    """Every input file with its size and SHA-256, as a markdown list (a hash fits a line; a table would not)."""
    return "\n".join(
        f"- {markdown_code(f.path)} ({format_number(f.size)} bytes)\\\n  SHA-256 `{f.sha256}`"
        for f in provenance_inputs(provenance)
    ) + "\n"


def versions_text(provenance: Mapping[str, Any]) -> str:
    """"Python 3.11.7, snakemake 9.27.1, …" from the provenance record."""
    versions = provenance.get("versions") or {}
    return ", ".join(f"{'Python' if k == 'python' else k} {v}" for k, v in versions.items())


def provenance_markdown(provenance: Mapping[str, Any], renderer: str) -> str:
    """Code version, software, renderer, build date and the commands to redo the build, as a markdown list."""
    return "\n".join([
        f"- **Code:** git-commit {git_text(provenance)}.",
        f"- **Software:** {escape_markdown(versions_text(provenance))}.",
        f"- **Opgemaakt met:** {escape_markdown(renderer)}.",
        f"- **Builddatum:** {provenance.get('build_date', MISSING)} ({provenance.get('build_moment_utc', MISSING)}). "
        "Wie SOURCE\\_DATE\\_EPOCH zet, legt dit moment vast, zodat een herhaalde build dezelfde uitvoer geeft.",
        f"- **Opnieuw maken:** `{provenance.get('command', '')}`; vanaf een verse kopie: "
        f"`{provenance.get('reproduce', '')}`.",
    ]) + "\n"


def git_text(provenance: Mapping[str, Any]) -> str:
    commit = provenance.get("git_commit")
    if not commit:
        return "niet vastgelegd (de build liep buiten een git-werkmap)"
    dirty = provenance.get("git_dirty")
    state = {True: "met niet-vastgelegde wijzigingen", False: "zonder wijzigingen"}.get(dirty, "status onbekend")
    return f"`{commit}` ({state})"
