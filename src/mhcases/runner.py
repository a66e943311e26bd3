"""What every Snakemake script shares: atomic writes and a clean stop on bad input (no traceback wall)."""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from mhcases.config import ConfigError
from mhcases.sheet import InputError


class CheckFailed(RuntimeError):
    """A check of the results against the letter failed (a reader-facing Dutch message)."""


USER_ERRORS = (InputError, ConfigError, CheckFailed)


def write_atomic(path: str | Path, write: Callable[[Path], None]) -> None:
    """Call `write(tmp)` on a temporary file beside `path`, then move it into place: never a half-written file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=path.suffix)
    os.close(fd)
    try:
        write(Path(tmp))
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; outputs are ordinary readable files
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def write_csv(frame: pd.DataFrame, path: str | Path) -> None:
    """Deterministic CSV: UTF-8, '\\n' line ends, no index, floats with up to 10 significant digits.

    Safe to open in a spreadsheet: a text cell that would run as a formula (starts with =, +, -, @, tab or
    carriage return) gets a leading "'" (mhcases.safety.neutralise_frame); numbers, and text that is exactly a
    number ("-12", "-0,5"), are written as they are.
    """
    from mhcases.safety import neutralise_frame

    safe = neutralise_frame(frame)
    write_atomic(path, lambda tmp: safe.to_csv(tmp, index=False, lineterminator="\n", float_format="%.10g"))


def write_parquet(frame: pd.DataFrame, path: str | Path) -> None:
    write_atomic(path, lambda tmp: frame.to_parquet(tmp, index=False, engine="pyarrow", compression="zstd"))


@contextmanager
def script_context(log_path: str | Path | None, also: tuple[type[Exception], ...] = ()) -> Iterator[logging.Logger]:
    """Log to the rule's log file; a user error (USER_ERRORS, plus `also`) ends the script with its message and
    exit status 1, without a traceback."""
    logger = logging.getLogger("mhcases")
    logger.setLevel(logging.INFO)
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    if log_path:
        Path(log_path).parent.mkdir(parents=True, exist_ok=True)
        handlers.append(logging.FileHandler(log_path, mode="w", encoding="utf-8"))
    for handler in handlers:
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)
    try:
        yield logger
    except (*USER_ERRORS, *also) as error:
        logger.error("FOUT: %s", error)
        raise SystemExit(1) from None
    finally:
        for handler in handlers:
            logger.removeHandler(handler)
            handler.close()
