"""The one font of every output (PDF letter and figures): Source Sans Pro from the font-source-sans-pro package."""

from __future__ import annotations

import importlib.resources
from pathlib import Path

FONT = "Source Sans Pro"


def font_dir() -> Path:
    """Folder of the Source Sans Pro font files (package font-source-sans-pro)."""
    return Path(str(importlib.resources.files("font_source_sans_pro") / "files"))
