"""The one font of every output (PDF letter, HTML letter and figures): Source Sans Pro from the font-source-sans-pro
package. The PDF gets it through Typst's font paths, the figures through matplotlib's font manager, the HTML page as
embedded web fonts (`font_face_css`): a browser shows the same face without loading anything from elsewhere."""

from __future__ import annotations

import base64
import importlib.resources
import io
import logging
from functools import cache
from pathlib import Path

FONT = "Source Sans Pro"
# The faces the HTML letter uses (report/kamerbrief.css): file name part, CSS font-weight, CSS font-style.
WEB_FACES = (
    ("Regular", 400, "normal"),
    ("It", 400, "italic"),
    ("Semibold", 600, "normal"),
    ("SemiboldIt", 600, "italic"),
    ("Bold", 700, "normal"),
    ("BoldIt", 700, "italic"),
)
# Characters kept in the embedded fonts (fixed, so the page does not depend on its text): Latin with its accents,
# Greek, punctuation and quotes, super- and subscripts, currency, letterlike symbols, number forms, arrows,
# mathematical operators (−, ≤, ≥, ×), shapes and dingbats. Anything else falls back to the browser's sans-serif.
WEB_RANGES = ((0x20, 0x7E), (0xA0, 0x24F), (0x300, 0x3FF), (0x2000, 0x20CF), (0x2100, 0x22FF), (0x25A0, 0x25FF),
              (0x2700, 0x27BF))


def font_dir() -> Path:
    """Folder of the Source Sans Pro font files (package font-source-sans-pro)."""
    return Path(str(importlib.resources.files("font_source_sans_pro") / "files"))


def web_font(path: Path) -> bytes:
    """The font at `path` as a WOFF file with only the characters of WEB_RANGES; byte-identical run to run (the
    font's own timestamps are kept)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    logging.getLogger("fontTools").setLevel(logging.WARNING)  # not a line per pruned table in the render log
    font = TTFont(str(path), recalcTimestamp=False)
    options = subset.Options()
    options.layout_features = ["*"]  # kerning, ligatures, figures: the page looks like the PDF
    options.name_IDs = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[code for low, high in WEB_RANGES for code in range(low, high + 1)])
    subsetter.subset(font)
    font.flavor = "woff"
    buffer = io.BytesIO()
    font.save(buffer, reorderTables=True)
    return buffer.getvalue()


@cache
def font_face_css() -> str:
    """CSS @font-face rules that embed Source Sans Pro (WEB_FACES) as data: URLs, for a self-contained page."""
    rules = []
    for name, weight, style in WEB_FACES:
        data = base64.b64encode(web_font(font_dir() / f"SourceSansPro-{name}.ttf")).decode("ascii")
        rules.append(
            f'@font-face {{ font-family: "{FONT}"; font-weight: {weight}; font-style: {style}; '
            f'font-display: block; src: url("data:font/woff;base64,{data}") format("woff"); }}'
        )
    return "\n".join(rules)
