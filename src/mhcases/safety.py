"""Output safety: text from inputs never becomes markup, a spreadsheet formula or a network request.

- Markdown (pandoc reads the letter's metadata and the cells' output as markdown): `markdown_literal` escapes a
  text so that pandoc reads it back as exactly that text, in every output format (no raw HTML, no raw Typst, no
  image that embeds a file); `markdown_code` makes a code span that no backtick in the text can close;
  `literal_metadata` applies `markdown_literal` to every string of a metadata tree.
- HTML: `CONTENT_SECURITY_POLICY` forbids every load from outside the document; `with_csp` puts it in the page;
  `external_urls` lists what a browser would still load from elsewhere (the build refuses such a page).
- CSV: `neutralise_frame` prefixes text cells that a spreadsheet would run as a formula (OWASP: `=`, `+`, `-`,
  `@`, tab, carriage return) with a single quote. Numbers are never changed; a text cell that is exactly a
  number ("-12", "-0,5", "+3.5e2") is a number to a spreadsheet, not a formula, and stays as it is.
- Logs: `relative_paths` writes paths under the workflow root relative to it.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterable, Mapping
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pandas as pd

# ----------------------------------------------------------------------------------------------------------
# Markdown
# ----------------------------------------------------------------------------------------------------------

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character: pandoc lets each be escaped


def markdown_literal(text: Any) -> str:
    """`text` as pandoc markdown that reads back as exactly `text` (whitespace runs become one space).

    Every ASCII punctuation character is backslash-escaped (pandoc's `all_symbols_escapable`), so nothing in
    it can start markup: no raw HTML (`<script>`), no raw Typst (`` `#read()`{=typst} ``), no image
    (`![](/etc/passwd)`), no span attributes, no list, no reference (`@tbl-x`), no math (`$`).
    """
    return _PUNCTUATION.sub(r"\\\1", " ".join(str(text).split()))


def markdown_code(text: Any) -> str:
    """`text` as an inline code span that no backtick inside it can close (whitespace runs become one space)."""
    content = " ".join(str(text).split())
    ticks = "`" * (max((len(run) for run in re.findall(r"`+", content)), default=0) + 1)
    pad = " " if content.startswith("`") or content.endswith("`") else ""
    return f"{ticks}{pad}{content}{pad}{ticks}"


def literal_metadata(value: Any) -> Any:
    """Every string in a metadata tree (mappings, lists) through `markdown_literal`; other values as they are."""
    if isinstance(value, str):
        return markdown_literal(value)
    if isinstance(value, Mapping):
        return {key: literal_metadata(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [literal_metadata(item) for item in value]
    return value


# ----------------------------------------------------------------------------------------------------------
# HTML
# ----------------------------------------------------------------------------------------------------------

# The letter loads nothing: images are embedded (data:), styles are inline (<style> and pandoc's style
# attributes on table cells), there is no script, no font file, no frame, no form.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'; "
    "base-uri 'none'; form-action 'none'"
)
CSP_META = f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}" />'

# Attributes whose value a browser loads (a URL or, for srcset, a list of them), per element or on any element.
_URL_ATTRIBUTES = {"src", "href", "data", "poster", "background", "action", "formaction", "manifest", "codebase",
                   "xlink:href", "longdesc", "ping", "archive", "cite", "icon", "lowsrc", "dynsrc"}
_SRCSET_ATTRIBUTES = {"srcset", "imagesrcset"}
_NAVIGATION = {"a", "area"}  # their href is followed on a click, not loaded: only javascript: counts
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.IGNORECASE | re.DOTALL)
_SAFE_LOAD = re.compile(r"^(data:|#|$)", re.IGNORECASE)


def _css_urls(css: str) -> list[str]:
    return [(match.group(2) or match.group(4) or "").strip() for match in _CSS_URL.finditer(html.unescape(css))]


def _srcset_urls(value: str) -> list[str]:
    """The URLs of a srcset: each candidate is a URL (no whitespace; a data: URL has commas) and descriptors."""
    urls, position = [], 0
    while match := re.compile(r"[\s,]*(\S+)").match(value, position):
        url, position = match.group(1), match.end()
        if url.endswith(","):  # a URL without descriptors
            urls.append(url.rstrip(","))
            continue
        urls.append(url)
        comma = value.find(",", position)
        position = len(value) if comma < 0 else comma + 1
    return urls


class _Loads(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            value = (value or "").strip()
            if tag in _NAVIGATION and name == "href":
                if re.match(r"^\s*(javascript|vbscript|data):", value, re.IGNORECASE):
                    self.found.append(value)
            elif name in _URL_ATTRIBUTES or (tag == "object" and name == "data"):
                if not _SAFE_LOAD.match(value):
                    self.found.append(value)
            elif name in _SRCSET_ATTRIBUTES:
                self.found += [url for url in _srcset_urls(value) if not _SAFE_LOAD.match(url)]
            elif name == "style":
                self.found += [url for url in _css_urls(value) if not _SAFE_LOAD.match(url)]
            elif name.startswith("on"):
                self.found.append(f"{name}=…")  # an event handler: script, which the letter never has
            elif tag == "meta" and name == "content" and re.search(r"url\s*=", value, re.IGNORECASE):
                self.found.append(value)  # <meta http-equiv="refresh" content="0; url=…">
        if tag in ("script", "iframe", "frame", "embed", "object", "applet", "base", "portal"):
            if not any(name in ("src", "data", "href") for name, _ in attrs):
                self.found.append(f"<{tag}>")  # no URL, but an element the letter never has
        self._style = tag == "style"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._style = False

    def handle_endtag(self, tag: str) -> None:
        self._style = False

    def handle_data(self, data: str) -> None:
        if self._style:
            self.found += [url for url in _css_urls(data) if not _SAFE_LOAD.match(url)]


def external_urls(page: str) -> list[str]:
    """What a browser would load from outside `page`, in document order: every URL in a loading attribute
    (src, href of link, object data, srcset, poster, …) or in CSS (`url(…)`, `@import`, in <style> or a style
    attribute) that is not embedded (`data:`) or a fragment; `javascript:` links; event handlers and the
    elements the letter never has (script, iframe, embed, object, base). A link (<a href>) is not a load."""
    parser = _Loads()
    parser.feed(page)
    parser.close()
    return parser.found


def with_csp(page: str) -> str:
    """`page` with the Content-Security-Policy as the first element of its <head> (before anything it governs)."""
    head = re.search(r"<head\b[^>]*>", page, re.IGNORECASE)
    if head is None:
        head = re.search(r"<html\b[^>]*>", page, re.IGNORECASE)  # the parser opens <head> for a leading <meta>
    at = head.end() if head else 0
    return f"{page[:at]}\n{CSP_META}{page[at:]}" if head else f"{CSP_META}\n{page}"


# ----------------------------------------------------------------------------------------------------------
# CSV
# ----------------------------------------------------------------------------------------------------------

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # OWASP "CSV injection": what a spreadsheet may run
_PLAIN_NUMBER = re.compile(r"^[+-]?(?:\d+(?:[.,]\d+)*|[.,]\d+)(?:[eE][+-]?\d+)?$")


def neutral_cell(text: str) -> str:
    """`text` prefixed with "'" when a spreadsheet would read it as a formula; a plain number stays as it is."""
    if text.startswith(FORMULA_START) and not _PLAIN_NUMBER.match(text):
        return f"'{text}"
    return text


def _text_column(series: pd.Series) -> bool:
    dtype = series.dtype
    return (
        pd.api.types.is_object_dtype(dtype)
        or pd.api.types.is_string_dtype(dtype)
        or isinstance(dtype, pd.CategoricalDtype)
    )


def _dangerous(value: Any) -> bool:
    return isinstance(value, str) and neutral_cell(value) != value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with every formula-like text cell (and column name) neutralised (`neutral_cell`).

    Only `str` values in text columns (object, string, category) change; numbers, booleans and missing values
    never do. Returns `frame` itself when nothing needs it, so that a clean table is written unchanged.
    """
    columns = [c for c in frame.columns if _text_column(frame[c]) and frame[c].astype(object).map(_dangerous).any()]
    renamed = any(_dangerous(c) for c in frame.columns)
    if not columns and not renamed:
        return frame
    result = frame.copy()
    for column in columns:
        series = result[column]
        values = [neutral_cell(v) if isinstance(v, str) else v for v in series.astype(object)]
        safe = pd.Series(values, index=series.index, dtype=object, name=column)
        if isinstance(series.dtype, pd.StringDtype):
            safe = safe.astype(series.dtype)
        result[column] = safe  # a category column becomes text (its categories changed)
    if renamed:
        result.columns = [neutral_cell(c) if isinstance(c, str) else c for c in result.columns]
    return result


# ----------------------------------------------------------------------------------------------------------
# Paths in logs and messages
# ----------------------------------------------------------------------------------------------------------


def relative_paths(text: str, root: str | Path | None = None, others: Iterable[tuple[str | Path, str]] = ()) -> str:
    """`text` with every absolute path under `root` (default: the working directory, the workflow root)
    written relative to it, and each `(path, name)` of `others` (a temporary folder) replaced by its name."""
    root_text = os.path.abspath(root if root is not None else os.getcwd())
    for path, name in others:
        text = text.replace(os.path.abspath(path), name)
    if root_text != os.sep:
        text = re.sub(re.escape(root_text) + r"(?:/+|(?![\w.-]))", lambda m: "" if m.group(0).endswith("/") else ".",
                      text)
    return text
