"""No stale letter: after a failed build, outputs that no longer match their inputs are removed.

Snakemake deletes the outputs of the job that failed, but not those of jobs further down that never ran, so
the previous letter would stay in place, unmarked, after its input changed. `retire_stale` is called from the
workflow's `onerror` handler (rules/report.smk).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def is_stale(outputs: Iterable[str | Path], inputs: Iterable[str | Path]) -> bool:
    """True when an input is missing or newer than the oldest existing output."""
    present = [Path(p) for p in outputs if Path(p).exists()]
    if not present:
        return False
    oldest = min(p.stat().st_mtime_ns for p in present)
    return any(not Path(p).exists() or Path(p).stat().st_mtime_ns > oldest for p in inputs)


def retire_stale(outputs: Iterable[str | Path], inputs: Iterable[str | Path]) -> list[str]:
    """Remove `outputs` when they are stale (see is_stale); returns the removed paths."""
    outputs = [Path(p) for p in outputs]
    if not is_stale(outputs, inputs):
        return []
    removed = []
    for path in outputs:
        if path.exists():
            path.unlink()
            removed.append(str(path))
    return removed
