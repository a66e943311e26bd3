"""Provenance of a build: input hashes, code version, software versions, build date, the command to redo it."""

from __future__ import annotations

import hashlib
import platform
import subprocess
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any

KEY_PACKAGES = ("snakemake", "pandas", "numpy", "scipy", "statsmodels", "pandera", "matplotlib", "seaborn",
                "pyarrow", "nbclient", "ipykernel", "pypandoc_binary", "typst")
REPRODUCE = "git clone <repository> && cd <repository> && git checkout {commit} && make report"


def sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def git_state(folder: str | Path) -> dict[str, Any]:
    """Commit and whether tracked files differ from it; {"commit": None} outside a git work tree."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=True).stdout.strip()

    try:
        commit = git("rev-parse", "HEAD")
        dirty = bool(git("status", "--porcelain", "--untracked-files=no"))
    except (subprocess.CalledProcessError, FileNotFoundError):
        return {"commit": None, "dirty": None}
    return {"commit": commit, "dirty": dirty}


def day_epoch(iso_date: str) -> int:
    """Midnight UTC of a date (YYYY-MM-DD) as a Unix time: the reproducible build time of a dated letter."""
    day = datetime.fromisoformat(iso_date[:10]).replace(tzinfo=timezone.utc)
    return int(day.timestamp())


def default_source_date_epoch(letter_date: str | None, folder: str | Path) -> int | None:
    """The build time when SOURCE_DATE_EPOCH is not set: midnight UTC of `letter.date` when given, else the time
    of the last commit of the workflow's git tree; None outside a git tree (then the wall clock is used)."""
    if letter_date:
        return day_epoch(letter_date)
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=folder, capture_output=True, text=True,
                             check=True).stdout.strip()
    except (subprocess.CalledProcessError, FileNotFoundError):
        return None
    return int(out) if out.isdigit() else None


def build_moment(environ: dict[str, str]) -> datetime:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else now; always UTC."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    return datetime.now(tz=timezone.utc).replace(microsecond=0)


def versions() -> dict[str, str]:
    found = {"python": platform.python_version()}
    for name in KEY_PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "niet geïnstalleerd"
    return found


def provenance(inputs: dict[str, str], git: dict[str, Any], moment: datetime, config: dict[str, Any]) -> dict:
    """Everything a reviewer needs to check that a report came from these inputs and this code."""
    return {
        "inputs": [{"naam": name, "pad": path, "sha256": sha256(path), "bytes": Path(path).stat().st_size}
                   for name, path in sorted(inputs.items())],
        "git_commit": git["commit"],
        "git_dirty": git["dirty"],
        "versions": versions(),
        "build_date": moment.strftime("%Y-%m-%d"),
        "build_moment_utc": moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "source_date_epoch": int(moment.timestamp()),
        "command": "make report   (of: snakemake report)",
        "reproduce": REPRODUCE.format(commit=git["commit"] or "<commit>"),
        "config": config,
    }
