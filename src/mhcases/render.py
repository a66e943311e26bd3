"""Render the Quarto project in report/ to the letter's HTML and PDF.

With a `quarto` binary on PATH this runs `quarto render`. Without it, a small fallback does what Quarto's
Jupyter engine does, with the same engines:

1. parse the .qmd: YAML front matter, markdown, ```{python} cells with `#| key: value` options (YAML),
   inline expressions `` `{python} expr` ``;
2. build a notebook, inject the parameters after the cell tagged `parameters`, execute it with nbclient and
   ipykernel (kernel "python3", cwd = the report folder), one cell at a time, inline expressions as hidden
   cells in document order;
3. assemble markdown: honour `eval`, `echo`, `include`, `output` (false, asis) and `warning`; number
   `tbl-`/`fig-` labelled cells ("Tabel 1: caption" above a table, "Figuur 1: caption" below a figure)
   and resolve `@tbl-…`/`@fig-…` references; save images from cell outputs;
4. pandoc (pypandoc-binary) to self-contained HTML and, with the kamerbrief extension's template partials and
   Lua filter, to Typst; typst (the Python package) to PDF with the Source Sans Pro fonts.

Quarto features outside this list (shortcodes, callouts, tabsets, …) are not supported by the fallback;
a shortcode stops it with an error rather than print it. Nor is raw HTML, raw Typst or raw TeX in the markdown
(`--from=markdown-raw_html-raw_attribute-raw_tex`): whatever a cell prints stays text.

Output safety (mhcases.safety): the letter metadata is written as literal text (`markdown_literal`), so no config
value can become markup; the extension's Lua filter refuses injected markup (images outside the document, script
links, event handlers, `typst:` attributes); the HTML gets a Content-Security-Policy that forbids every load from
outside the page and is refused when it still refers to one (`external_urls`); logs and messages name paths
relative to the workflow root.
"""

from __future__ import annotations

import base64
import datetime as dt
import importlib.metadata
import importlib.resources
import json
import logging
import os
import re
import shutil
import subprocess
import sysconfig
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from mhcases.fonts import font_dir, font_face_css
from mhcases.provenance import build_moment, day_epoch
from mhcases.runner import write_atomic
from mhcases.safety import external_urls, literal_metadata, markdown_literal, relative_paths, with_csp

log = logging.getLogger(__name__)

EXTENSION = "kamerbrief"  # report/_extensions/<EXTENSION>/: the letter format
TYPST_FORMAT = f"{EXTENSION}-typst"
FALLBACK_TEMPLATE = "pandoc-main.typ"  # the fallback's main pandoc template, beside the extension's partials
# The fallback's markdown reader: raw HTML, raw Typst/HTML blocks (`{=typst}`) and raw TeX are read as text.
READER = "markdown-raw_html-raw_attribute-raw_tex"
KERNEL = "python3"
CELL_TIMEOUT = 1800  # seconds per cell
EXECUTE_DEFAULTS = {"eval": True, "echo": True, "include": True, "output": True, "warning": True}
CROSSREF_DEFAULTS = {"tbl-title": "Tabel", "fig-title": "Figuur"}
DUTCH_MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
# Run before the document's cells: figure format, reproducible SVG (fixed ids, no date).
SETUP_CELL = """\
%config InlineBackend.figure_formats = [{fig_format!r}]
%config InlineBackend.rc = {{"svg.hashsalt": "kamerbrief", "figure.dpi": 96}}
%config InlineBackend.print_figure_kwargs = {{"bbox_inches": "tight", "metadata": {metadata!r}}}"""


class RenderError(RuntimeError):
    """A render failure, explained in one paragraph (which cell, which exception)."""


_WORKDIR = re.compile(re.escape(tempfile.gettempdir()) + r"/kamerbrief-[^/\s'\"]+")


def shown(text: Any) -> str:
    """`text` for a log or message: the renderer's temporary folder as "<werkmap>", Python's library folders (a
    warning's source file) as "<site-packages>" and "<stdlib>", paths under the workflow root (the working
    directory) relative to it."""
    folders = sysconfig.get_paths()
    names = {"purelib": "<site-packages>", "platlib": "<site-packages>", "stdlib": "<stdlib>"}
    others = {(path, name) for key, name in names.items() for path in (os.path.abspath(folders[key]),
                                                                         os.path.realpath(folders[key]))}
    longest_first = sorted(others, key=lambda other: -len(other[0]))
    return relative_paths(_WORKDIR.sub("<werkmap>", str(text)), others=longest_first)


class _RelativePaths(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = shown(record.getMessage()), ()
        return True


log.addFilter(_RelativePaths())


# ----------------------------------------------------------------------------------------------------------
# Letter metadata and dates
# ----------------------------------------------------------------------------------------------------------


def dutch_date(day: dt.date) -> str:
    """Write a date out in Dutch: `dt.date(2020, 7, 1)` -> "1 juli 2020"."""
    return f"{day.day} {DUTCH_MONTHS[day.month - 1]} {day.year}"


def build_date(environ: Mapping[str, str] = os.environ) -> dt.date:
    """The build date: SOURCE_DATE_EPOCH (UTC) when set, else today."""
    return build_moment(dict(environ)).date()


def letter_metadata(letter: Mapping[str, Any], *, synthetic: bool, today: dt.date) -> dict[str, Any]:
    """The `kamerbrief` metadata that the letter format reads, from the config's `letter` section.

    `date` (YYYY-MM-DD, or None for `today`) is written out in Dutch; `date_iso` keeps the ISO form;
    `synthetic` switches the marking on.
    """
    day = dt.date.fromisoformat(letter["date"]) if letter.get("date") else today
    return {**letter, "date": dutch_date(day), "date_iso": day.isoformat(), "synthetic": bool(synthetic)}


def typst_timestamp(letter: Mapping[str, Any], environ: Mapping[str, str] = os.environ) -> int:
    """PDF creation time: SOURCE_DATE_EPOCH when set, else midnight UTC of the letter date (reproducible)."""
    if environ.get("SOURCE_DATE_EPOCH"):
        return int(environ["SOURCE_DATE_EPOCH"])
    return day_epoch(letter["date_iso"])


# ----------------------------------------------------------------------------------------------------------
# Parameters of a render without the workflow
# ----------------------------------------------------------------------------------------------------------

# Where the workflow writes every result the letter reads, by the names of REPORT_RESULTS (rules/report.smk) and
# DESIGN_RESULTS (rules/design.smk), relative to the project root. tests/test_ecosystem.py keeps it equal to what
# the workflow passes. `periods` and the design study exist only in some builds; the letter reads them when present.
DEFAULT_RESULTS = {
    "cases": "results/clean/cases.parquet",
    "cleaning_log": "results/clean/cleaning_log.csv",
    "tabel_1": "results/tables/tabel_1.csv",
    "tabel_2": "results/tables/tabel_2.csv",
    "tabel_4": "results/tables/tabel_4.csv",
    "tabel_3": "results/tables/tabel_3.csv",
    "tabel_5": "results/tables/tabel_5.csv",
    "comparison": "results/checks/vergelijking_brief.csv",
    "demand_sentence": "results/tables/strafeis_vs_opgelegd.csv",
    "demand_sentence_test": "results/tables/strafeis_vs_opgelegd_toets.csv",
    "demand_sentence_pairs": "results/tables/strafeis_vs_opgelegd_per_verdachte.csv",
    "decomposition": "results/models/decompositie.csv",
    "counterfactual": "results/models/contrafeitelijk.csv",
    "model_coefficients": "results/models/coefficienten.csv",
    "model_effects": "results/models/effecten.csv",
    "model_two_part": "results/models/tweedelig_effect.csv",
    "model_power": "results/models/onderscheidend_vermogen.csv",
    "model_sensitivity": "results/models/gevoeligheid.csv",
    "figure_shift_svg": "results/figures/verschuiving_links.svg",
    "figure_shift_png": "results/figures/verschuiving_links.png",
    "figure_scatter_svg": "results/figures/eis_vs_opgelegd.svg",
    "figure_scatter_png": "results/figures/eis_vs_opgelegd.png",
    "figure_ecdf_svg": "results/figures/ecdf_eis_opgelegd.svg",
    "figure_ecdf_png": "results/figures/ecdf_eis_opgelegd.png",
    "provenance": "results/report/herkomst.yaml",
    "periods": "results/models/vergelijking_perioden.csv",
    "ontwerp": "results/ontwerp/ontwerp.csv",
    "ontwerp_figuur": "results/ontwerp/ontwerp.svg",
}
# config/schema.yaml's defaults, for a render before any build (the letter then stops: its results are missing).
SHIPPED_DEFAULTS = {"published_dir": "data/published", "month_classes": [0, 6, 12, 24, 36, 48, 72], "synthetic": True}


def default_parameters(project_root: str | Path) -> dict[str, Any]:
    """The report's parameters for `quarto render report/kamerbrief.qmd` after a build, without the workflow:
    `results` at the workflow's paths (the letter names any that is missing), and
    `published_dir`, `month_classes` and `synthetic` as the build recorded them in its provenance
    (results/report/herkomst.yaml). Without a record, config/schema.yaml's defaults (`synthetic` true)."""
    root = Path(project_root)
    record = root / DEFAULT_RESULTS["provenance"]
    config: Mapping[str, Any] = {}
    if record.is_file():
        config = (yaml.safe_load(record.read_text(encoding="utf-8")) or {}).get("config") or {}
    return {
        "published_dir": config.get("published_dir", SHIPPED_DEFAULTS["published_dir"]),
        "month_classes": list((config.get("tables") or {}).get("month_classes", SHIPPED_DEFAULTS["month_classes"])),
        "synthetic": bool((config.get("input") or {}).get("synthetic", SHIPPED_DEFAULTS["synthetic"])),
        "results": dict(DEFAULT_RESULTS),
    }


# ----------------------------------------------------------------------------------------------------------
# Parsing the .qmd
# ----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Markdown:
    """Markdown text between cells (inline expressions split off)."""

    text: str


@dataclass(frozen=True)
class Inline:
    """An inline expression `` `{python} expr` ``; `line` is its line in the .qmd."""

    expr: str
    line: int


@dataclass(frozen=True)
class Cell:
    """A ```{python} cell: `source` as written (option lines included), `code` without the option lines."""

    source: str
    code: str
    options: dict[str, Any]
    number: int  # 1-based among the document's cells
    line: int  # .qmd line of the source's first line

    @property
    def name(self) -> str:
        """How messages name the cell: its label and number, else its number."""
        label = self.options.get("label")
        return f"'{label}' (cel {self.number})" if label else f"cel {self.number}"


Item = Markdown | Inline | Cell


@dataclass(frozen=True)
class Document:
    """A parsed .qmd: front matter and the items in document order."""

    front_matter: dict[str, Any]
    items: tuple[Item, ...]


_FENCE = re.compile(r"^\s*(`{3,}|~{3,})\s*(.*?)\s*$")
_INLINE = re.compile(r"(?<!`)`\{python\}\s+([^`\n]+?)\s*`(?!`)")
_OPTION = re.compile(r"^#\|\s?(.*)$")


def parse_cell_options(source: str, where: str = "cel") -> tuple[dict[str, Any], str]:
    """Split a cell's leading `#| key: value` lines (YAML) from its code: `(options, code)`."""
    lines = source.splitlines()
    count = 0
    while count < len(lines) and _OPTION.match(lines[count]):
        count += 1
    text = "\n".join(line[2:].removeprefix(" ") for line in lines[:count])
    try:
        options = yaml.safe_load(text) if text.strip() else {}
    except yaml.YAMLError as error:
        raise RenderError(f"De opties (#|-regels) van {where} zijn geen geldige YAML: {' '.join(str(error).split())}")
    if not isinstance(options, dict):
        raise RenderError(f"De opties (#|-regels) van {where} moeten 'sleutel: waarde'-regels zijn, niet {text!r}.")
    return options, "\n".join(lines[count:]).strip("\n")


def _split_inline(text: str, first_line: int) -> list[Item]:
    items: list[Item] = []
    position = 0
    for match in _INLINE.finditer(text):
        items.append(Markdown(text[position : match.start()]))
        items.append(Inline(match.group(1).strip(), first_line + text.count("\n", 0, match.start())))
        position = match.end()
    items.append(Markdown(text[position:]))
    return items


def _closing_fence(lines: list[str], start: int, marker: str) -> int:
    closing = re.compile(rf"^\s*{re.escape(marker[0])}{{{len(marker)},}}\s*$")
    return next((j for j in range(start + 1, len(lines)) if closing.match(lines[j])), len(lines))


def parse_qmd(text: str) -> Document:
    """Parse a .qmd: front matter, markdown with inline expressions, python cells, verbatim fenced blocks."""
    lines = text.splitlines()
    front: dict[str, Any] = {}
    start = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        if end is None:
            raise RenderError("De YAML-kop van het document (tussen '---'-regels) is niet afgesloten.")
        front = yaml.safe_load("\n".join(lines[1:end])) or {}
        start = end + 1
    items: list[Item] = []
    buffer: list[str] = []  # markdown lines since the last cell or verbatim block
    buffer_line = start + 1  # .qmd line of buffer[0]

    def flush(next_line: int) -> None:
        nonlocal buffer, buffer_line
        items.extend(_split_inline("".join(f"{line}\n" for line in buffer), buffer_line))
        buffer, buffer_line = [], next_line

    cells = 0
    i = start
    while i < len(lines):
        fence = _FENCE.match(lines[i])
        if not fence:
            buffer.append(lines[i])
            i += 1
            continue
        marker, info = fence.groups()
        close = _closing_fence(lines, i, marker)
        flush(close + 2)
        if re.match(r"^\{python\b.*\}$", info):
            cells += 1
            source = "\n".join(lines[i + 1 : close])
            options, code = parse_cell_options(source, f"cel {cells} (regel {i + 2})")
            items.append(Cell(source, code, options, cells, i + 2))
        else:  # any other fenced block is verbatim markdown: no inline expressions inside
            items.append(Markdown("".join(f"{line}\n" for line in lines[i : close + 1])))
        i = close + 1
    flush(len(lines) + 1)
    return Document(front, tuple(item for item in items if not (isinstance(item, Markdown) and not item.text)))


# ----------------------------------------------------------------------------------------------------------
# Executing
# ----------------------------------------------------------------------------------------------------------


def _failure(item: Any, error: Any, qmd_name: str) -> RenderError:
    ename, evalue = getattr(error, "ename", type(error).__name__), getattr(error, "evalue", str(error))
    if isinstance(item, Inline):
        where = f"De inline-uitdrukking `{item.expr}` (regel {item.line} van {qmd_name})"
    elif isinstance(item, Cell):
        traceback = re.sub(r"\x1b\[[0-9;]*m", "", getattr(error, "traceback", ""))
        lines = re.findall(r"Cell In\[\d+\], line (\d+)", traceback)
        line = item.line + int(lines[-1]) - 1 if lines else item.line
        where = f"Cel {item.name} (regel {line} van {qmd_name})"
    else:
        where = f"De door de renderer ingevoegde cel ({item})"
    return RenderError(f"{where} gaf een fout: {ename}: {' '.join(str(evalue).split())}")


def execute(
    doc: Document,
    params: Mapping[str, Any],
    cwd: Path,
    *,
    defaults: Mapping[str, Any] = EXECUTE_DEFAULTS,
    fig_format: str = "svg",
    qmd_name: str = "het document",
) -> dict[int, list[dict[str, Any]]]:
    """Run the document's cells and inline expressions in one kernel, in document order.

    Returns the outputs of every executed item, keyed by its index in `doc.items`. Parameters are injected
    after the cell tagged `parameters` (else first). A failing cell raises RenderError naming it.
    """
    import nbformat.v4 as nbf
    from nbclient import NotebookClient
    from traitlets.config import Config
    from nbclient.exceptions import CellExecutionError

    metadata = {"Date": None} if fig_format == "svg" else {}
    setup = SETUP_CELL.format(fig_format=fig_format, metadata=metadata)
    injected = "# Parameters (ingevoegd)\n" + "\n".join(f"{key} = {value!r}" for key, value in params.items())
    tagged = [
        i for i, item in enumerate(doc.items) if isinstance(item, Cell) and "parameters" in item.options.get("tags", [])
    ]
    plan: list[tuple[Any, str, int | None]] = [("instellingen", setup, None)]  # (item, source, index in doc.items)
    if not tagged:
        plan.append(("parameters", injected, None))
    for index, item in enumerate(doc.items):
        if isinstance(item, Cell) and {**defaults, **item.options}["eval"]:
            plan.append((item, item.source, index))
        elif isinstance(item, Inline):
            plan.append((item, f"print(({item.expr}), end='')", index))
        if tagged and index == tagged[0]:
            plan.append(("parameters", injected, None))

    notebook = nbf.new_notebook(cells=[nbf.new_code_cell(source) for _, source, _ in plan])
    notebook.metadata["kernelspec"] = {"name": KERNEL, "display_name": "Python 3", "language": "python"}
    resources = {"metadata": {"path": str(cwd)}}
    outputs: dict[int, list[dict[str, Any]]] = {}
    # The kernel talks over Unix sockets in a private temporary folder (IPC transport), not over TCP on localhost:
    # nothing else on the machine can connect, and ipykernel has no "running over TCP without encryption" to say.
    with tempfile.TemporaryFile() as kernel_log, tempfile.TemporaryDirectory(prefix="kb-kernel-") as sockets:
        ipc = Config({"KernelManager": {"transport": "ipc", "ip": str(Path(sockets) / "kernel")}})
        client = NotebookClient(notebook, kernel_name=KERNEL, timeout=CELL_TIMEOUT, resources=resources, config=ipc)
        try:
            with client.setup_kernel(stderr=kernel_log):
                for position, (item, _, index) in enumerate(plan):
                    cell = notebook.cells[position]
                    try:
                        client.execute_cell(cell, position)
                    except CellExecutionError as error:
                        raise _failure(item, error, qmd_name) from None
                    if index is not None:
                        outputs[index] = [dict(output) for output in cell.outputs]
        except RenderError:
            raise
        except Exception as error:  # kernel start or death, timeout
            message = " ".join(str(error).split())
            raise RenderError(f"De Python-kernel '{KERNEL}' faalde bij {qmd_name}: {type(error).__name__}: {message}")
        finally:
            kernel_log.seek(0)
            if text := kernel_log.read().decode("utf-8", "replace").strip():
                log.info("kernel: %s", text)
    return outputs


# ----------------------------------------------------------------------------------------------------------
# Assembling markdown
# ----------------------------------------------------------------------------------------------------------


@dataclass
class Crossref:
    """Numbers of labelled tables and figures, and how references to them are written."""

    numbers: dict[str, int] = field(default_factory=dict)  # label -> number within its kind
    titles: dict[str, str] = field(default_factory=dict)  # kind ("tbl", "fig") -> caption title ("Tabel")
    prefixes: dict[str, str] = field(default_factory=dict)  # kind -> prefix in references ("tabel")

    @classmethod
    def of(cls, doc: Document, settings: Mapping[str, Any]) -> Crossref:
        """Number the document's `tbl-`/`fig-` labelled cells per kind, in document order.

        `settings` are Quarto's `crossref` options: `tbl-title`, `fig-title`, `tbl-prefix`, `fig-prefix`.
        """
        merged = {**CROSSREF_DEFAULTS, **settings}
        titles = {kind: str(merged[f"{kind}-title"]) for kind in ("tbl", "fig")}
        prefixes = {kind: str(merged.get(f"{kind}-prefix", titles[kind])) for kind in ("tbl", "fig")}
        numbers: dict[str, int] = {}
        counts = {"tbl": 0, "fig": 0}
        for item in doc.items:
            label = item.options.get("label") if isinstance(item, Cell) else None
            if isinstance(label, str) and label[:4] in ("tbl-", "fig-"):
                if label in numbers:
                    raise RenderError(f"Het label '{label}' komt meer dan eens voor (cel {item.number}).")
                counts[label[:3]] += 1
                numbers[label] = counts[label[:3]]
        return cls(numbers, titles, prefixes)

    def caption(self, label: str, text: str | None) -> str:
        """The caption of the float labelled `label`: "Tabel 1: text"."""
        head = f"{self.titles[label[:3]]} {self.numbers[label]}"
        return f"{head}: {text}" if text else head

    def resolve(self, markdown: str) -> str:
        """Replace `@tbl-x` by "tabel 1" (`@Tbl-x` capitalised, `-@tbl-x` number only, `[@tbl-x]` alike)."""

        def replace(match: re.Match[str]) -> str:
            suppress, kind, name = match.groups()
            label = f"{kind.lower()}-{name}"
            if label not in self.numbers:
                known = ", ".join(self.numbers) or "geen"
                raise RenderError(f"De verwijzing @{kind}-{name} wijst naar een onbekend label (bekend: {known}).")
            if suppress:
                return str(self.numbers[label])
            prefix = self.prefixes[kind.lower()]
            if kind[0].isupper():
                prefix = prefix[:1].upper() + prefix[1:]
            return f"{prefix}\u00a0{self.numbers[label]}"

        markdown = re.sub(r"\[(-?@(?:[Tt]bl|[Ff]ig)-[\w-]*\w)\]", r"\1", markdown)
        return re.sub(r"(?<![\w@.])(-?)@([Tt]bl|[Ff]ig)-([\w-]*\w)", replace, markdown)


def _attribute(text: str) -> str:
    return " ".join(str(text).split()).replace("\\", "\\\\").replace('"', '\\"')


def _fenced(text: str, info: str = "") -> str:
    ticks = "`" * max(3, max((len(m) for m in re.findall(r"`+", text)), default=0) + 1)
    return f"{ticks}{info}\n{text.rstrip()}\n{ticks}"


def _coalesced(outputs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Join consecutive stream outputs of the same stream (several print() calls make one text)."""
    result: list[dict[str, Any]] = []
    for output in outputs:
        previous = result[-1] if result else None
        same = previous and output["output_type"] == previous["output_type"] == "stream"
        if same and output["name"] == previous["name"]:  # type: ignore[index]
            result[-1] = {**previous, "text": previous["text"] + output["text"]}  # type: ignore[dict-item,index]
        else:
            result.append(output)
    return result


def _image(data: Mapping[str, Any], options: Mapping[str, Any], crossref: Crossref, path: Path, first: bool) -> str:
    """Save an image output to `path` (suffix added); its markdown is a numbered figure if first and labelled."""
    if "image/svg+xml" in data:
        path = path.with_suffix(".svg")
        path.write_text(data["image/svg+xml"], encoding="utf-8")
    else:
        path = path.with_suffix(".png")
        path.write_bytes(base64.b64decode(data["image/png"]))
    alt = _attribute(options.get("fig-alt") or options.get("fig-cap") or "")
    source = f"{path.parent.name}/{path.name}"
    label = str(options.get("label") or "")
    if label.startswith("fig-") and first:
        return f'![{crossref.caption(label, options.get("fig-cap"))}]({source}){{#{label} alt="{alt}"}}'
    return f'![]({source}){{alt="{alt}"}}'


def cell_markdown(
    cell: Cell, outputs: list[dict[str, Any]], options: Mapping[str, Any], crossref: Crossref, figures: Path
) -> str:
    """Markdown for one executed cell: echoed code, outputs, caption; images are written to `figures`."""
    parts: list[str] = []
    if options["echo"]:
        parts.append(_fenced(cell.code, "python"))
    label = str(options.get("label") or "")
    asis = options["output"] == "asis"
    images = 0
    for output in _coalesced(outputs) if options["output"] is not False else []:
        if output["output_type"] == "stream":
            if output["name"] == "stderr":
                log.info("%s schreef naar stderr: %s", cell.name, output["text"].strip())
                if not options["warning"]:
                    continue
            markdown = asis and output["name"] == "stdout"
            parts.append(crossref.resolve(output["text"]) if markdown else _fenced(output["text"]))
        elif output["output_type"] in ("display_data", "execute_result"):
            data = output["data"]
            if "text/markdown" in data:
                parts.append(crossref.resolve(data["text/markdown"]))
            elif "image/svg+xml" in data or "image/png" in data:
                images += 1
                path = figures / f"{label or f'cel-{cell.number}'}-{images}"
                parts.append(_image(data, options, crossref, path, first=images == 1))
            elif "text/plain" in data:
                parts.append(crossref.resolve(data["text/plain"]) if asis else _fenced(data["text/plain"]))
    body = "\n\n".join(part.strip("\n") for part in parts if part.strip())
    if label in crossref.numbers and label.startswith("tbl-"):
        caption = crossref.caption(label, options.get("tbl-cap"))
        body = f"::: {{#{label} .kb-table}}\n\n::: {{.kb-caption}}\n{caption}\n:::\n\n{body}\n\n:::"
    return body


def assemble_markdown(
    doc: Document,
    outputs: Mapping[int, list[dict[str, Any]]],
    *,
    defaults: Mapping[str, Any],
    crossref: Crossref,
    figures: Path,
    metadata: Mapping[str, Any],
) -> str:
    """The executed document as plain pandoc markdown, with `metadata` as its YAML front matter."""
    pieces: list[str] = []
    for index, item in enumerate(doc.items):
        if isinstance(item, Markdown):
            if shortcode := re.search(r"\{\{<.*?>\}\}", item.text):
                raise RenderError(
                    f"De ingebouwde renderer kent geen Quarto-shortcodes ({shortcode.group(0)}); "
                    "gebruik een cel of een div-klasse van het kamerbrief-formaat."
                )
            pieces.append(crossref.resolve(item.text))
        elif isinstance(item, Inline):
            pieces.append("".join(o["text"] for o in outputs[index] if o["output_type"] == "stream"))
        else:
            options = {**defaults, **item.options}
            if not options["include"]:
                continue
            if options["eval"]:
                text = cell_markdown(item, outputs.get(index, []), options, crossref, figures)
            else:
                text = _fenced(item.code, "python") if options["echo"] else ""
            if text:
                pieces.append(f"\n\n{text}\n\n")
    front = yaml.safe_dump(dict(metadata), allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n" + "".join(pieces)


# ----------------------------------------------------------------------------------------------------------
# Engines: pandoc, typst
# ----------------------------------------------------------------------------------------------------------


def pandoc(args: list[str], cwd: Path) -> None:
    """Run pypandoc-binary's pandoc in `cwd`; RenderError with its message on failure."""
    import pypandoc

    result = subprocess.run([pypandoc.get_pandoc_path(), *args], cwd=cwd, capture_output=True, text=True)
    if result.stderr.strip():
        log.info("pandoc: %s", result.stderr.strip())
    if result.returncode != 0:
        filtered = re.match(r"Error running filter (\S+):\s*(.*)", result.stderr.strip(), re.DOTALL)
        if filtered:  # the Lua filter's own message (kamerbrief.lua: Dutch, one paragraph)
            message = " ".join(filtered.group(2).split())
            raise RenderError(f"Het filter {Path(filtered.group(1)).name} weigerde de brief: {message}")
        raise RenderError(f"pandoc faalde (code {result.returncode}): {' '.join(result.stderr.split())}")


def compile_pdf(typ: Path, *, root: Path, timestamp: int, fonts: list[Path] | None = None) -> bytes:
    """Compile a Typst file to PDF with only `fonts` (default: Source Sans Pro) and Typst's embedded fonts.

    A warning about an unknown font family, like any Typst error, raises RenderError.
    """
    import typst

    font_paths = [str(path) for path in fonts or [font_dir()]]
    try:
        pdf, warnings = typst.compile_with_warnings(
            str(typ), root=str(root), font_paths=font_paths, ignore_system_fonts=True, timestamp=timestamp
        )
    except typst.TypstError as error:
        raise RenderError(f"typst faalde: {' '.join(error.diagnostic.split()) or error.message}") from None
    for warning in warnings:
        message = " ".join([warning.message, *warning.hints])
        if re.search(r"unknown font family|font.*not (found|available)", message, re.IGNORECASE):
            raise RenderError(f"typst mist een lettertype: {message} (font-paths: {', '.join(font_paths)}).")
        log.warning("typst: %s", message)
    assert isinstance(pdf, bytes)
    return pdf


def typst_version() -> str:
    """Version of the Typst compiler inside the typst package."""
    import typst

    value = typst.query(b"#metadata(str(sys.version)) <v>", "<v>", field="value", one=True)
    return str(json.loads(value) if isinstance(value, str) else value)


def fallback_name() -> str:
    """How the colophon names the fallback renderer, with the engines' versions."""
    import pypandoc

    engines = (
        f"nbclient {importlib.metadata.version('nbclient')}",
        f"pandoc {pypandoc.get_pandoc_version()}",
        f"typst {typst_version()}",
    )
    return f"ingebouwde renderer ({' + '.join(engines)})"


# ----------------------------------------------------------------------------------------------------------
# Rendering
# ----------------------------------------------------------------------------------------------------------


def _as_list(value: Any) -> list[Any]:
    return [] if value is None else value if isinstance(value, list) else [value]


def _filter_paths(entries: Any, base: Path) -> list[Path]:
    """Paths of Quarto `filters:` entries (a path, or a mapping with `path` and `at`)."""
    return [base / (entry["path"] if isinstance(entry, dict) else entry) for entry in _as_list(entries)]


def _write_metadata(workdir: Path, letter: Mapping[str, Any]) -> Path:
    """The letter metadata file that pandoc (or Quarto) reads: every string as literal text, never markup."""
    path = workdir / "kamerbrief.yaml"
    metadata = {"kamerbrief": literal_metadata(dict(letter))}
    path.write_text(yaml.safe_dump(metadata, allow_unicode=True), encoding="utf-8")
    return path


def _check_self_contained(html: str) -> None:
    if urls := external_urls(html):
        more = f" en {len(urls) - 3} meer" if len(urls) > 3 else ""
        shown_urls = ", ".join(repr(url[:80]) for url in urls[:3]) + more
        raise RenderError(
            f"De HTML laadt iets van buiten het document ({shown_urls}); alles moet ingebed zijn en de brief bevat "
            "geen scripts. Zo'n verwijzing komt uit tekst in de invoer (configuratie, codeerblad) of uit de opmaak; "
            "de brief is niet geschreven."
        )


def with_fonts(html: str) -> str:
    """`html` with Source Sans Pro embedded (mhcases.fonts.font_face_css) as the first style of its <head>."""
    style = f'<style id="kb-fonts">\n{font_face_css()}\n</style>\n'
    head = re.search(r"<head\b[^>]*>\n?", html, re.IGNORECASE) or re.search(r"<html\b[^>]*>", html, re.IGNORECASE)
    at = head.end() if head else 0
    return f"{html[:at]}{style}{html[at:]}"


def finished_html(html: str) -> str:
    """The rendered page with its fonts embedded, checked (`external_urls` must be empty) and with its
    Content-Security-Policy."""
    page = with_fonts(html)
    _check_self_contained(page)
    return with_csp(page)


def render_fallback(
    qmd: Path,
    workdir: Path,
    *,
    params: Mapping[str, Any],
    letter: Mapping[str, Any],
    environ: Mapping[str, str] = os.environ,
) -> tuple[str, bytes]:
    """Render `qmd` without Quarto; returns (HTML text, PDF bytes). Intermediate files go to `workdir`."""
    report_dir = qmd.parent
    project = yaml.safe_load((report_dir / "_quarto.yml").read_text(encoding="utf-8")) or {}
    extension_dir = report_dir / "_extensions" / EXTENSION
    extension = yaml.safe_load((extension_dir / "_extension.yml").read_text(encoding="utf-8"))
    typst_format = extension["contributes"]["formats"]["typst"]
    html_format = (project.get("format") or {}).get("html") or {}
    doc = parse_qmd(qmd.read_text(encoding="utf-8"))
    front = doc.front_matter

    defaults = {**EXECUTE_DEFAULTS, **(project.get("execute") or {}), **(front.get("execute") or {})}
    fig_format = front.get("fig-format", project.get("fig-format", typst_format.get("fig-format", "svg")))
    crossref = Crossref.of(doc, {**(project.get("crossref") or {}), **(front.get("crossref") or {})})
    outputs = execute(doc, params, report_dir, defaults=defaults, fig_format=fig_format, qmd_name=qmd.name)

    figures = workdir / "figures"
    figures.mkdir(exist_ok=True)
    skip = {"project", "format", "execute", "crossref", "jupyter", "fig-format", "papersize"}
    metadata = {key: value for key, value in {**project, **front}.items() if key not in skip}
    metadata.setdefault("pagetitle", markdown_literal(letter.get("subject") or qmd.stem))
    markdown = assemble_markdown(
        doc, outputs, defaults=defaults, crossref=crossref, figures=figures, metadata=metadata
    )
    source = workdir / f"{qmd.stem}.md"
    source.write_text(markdown, encoding="utf-8")
    common = [source.name, f"--from={READER}", f"--metadata-file={_write_metadata(workdir, letter)}"]

    html_args = [*common, "--to=html5", "--standalone", "--embed-resources", "--output=out.html"]
    html_args.append(f"--resource-path={workdir}{os.pathsep}{report_dir}")
    html_args += [f"--css={report_dir / css}" for css in _as_list(html_format.get("css"))]
    html_args += [f"--lua-filter={path}" for path in _filter_paths(html_format.get("filters"), report_dir)]
    pandoc(html_args, workdir)
    html = finished_html((workdir / "out.html").read_text(encoding="utf-8"))

    typst_args = [*common, "--to=typst", "--standalone", f"--template={extension_dir / FALLBACK_TEMPLATE}"]
    typst_args.append("--output=out.typ")
    typst_args += [f"--lua-filter={path}" for path in _filter_paths(typst_format.get("filters"), extension_dir)]
    pandoc(typst_args, workdir)
    pdf = compile_pdf(workdir / "out.typ", root=workdir, timestamp=typst_timestamp(letter, environ))
    return html, pdf


def render_quarto(
    quarto: str, qmd: Path, workdir: Path, *, params: Mapping[str, Any], letter: Mapping[str, Any]
) -> tuple[str, bytes]:
    """Render `qmd` with `quarto render` to HTML and the kamerbrief Typst format; returns (HTML, PDF bytes)."""
    out = workdir / "out"
    # Quarto takes --output-dir relative to the project (report/); a relative path keeps report/ clean.
    command = [quarto, "render", str(qmd), "--to", f"html,{TYPST_FORMAT}"]
    command += ["--output-dir", os.path.relpath(out, qmd.parent)]
    command += ["--metadata-file", str(_write_metadata(workdir, letter)), "--metadata", f"font-paths:{font_dir()}"]
    for key, value in params.items():
        command += ["-P", f"{key}:{value if isinstance(value, str) else json.dumps(value)}"]
    result = subprocess.run(command, capture_output=True, text=True)
    log.info("quarto: %s", result.stderr.strip())
    if result.returncode != 0:
        tail = " ".join(result.stderr.split()[-80:])
        raise RenderError(f"quarto render faalde (code {result.returncode}): {tail}")
    if re.search(r"unknown font family", result.stderr, re.IGNORECASE):
        raise RenderError("typst (via Quarto) mist een lettertype; zie het log.")
    html = finished_html((out / f"{qmd.stem}.html").read_text(encoding="utf-8"))
    return html, (out / f"{qmd.stem}.pdf").read_bytes()


def _write_atomically(path: Path, data: bytes) -> None:
    write_atomic(path, lambda tmp: tmp.write_bytes(data))


def render_report(
    qmd: Path,
    html: Path,
    pdf: Path,
    *,
    params: Mapping[str, Any],
    letter: Mapping[str, Any],
    environ: Mapping[str, str] = os.environ,
) -> str:
    """Render the letter `qmd` to `html` and `pdf`; returns which renderer ran.

    `params` are the report's Quarto parameters; `letter` is the `kamerbrief` metadata (`letter_metadata`).
    Both get `renderer`, the renderer's name. Uses Quarto when it is on PATH, else the fallback. The outputs
    are written only when both rendered, each by an atomic rename.
    """
    qmd = Path(qmd).resolve()
    quarto = shutil.which("quarto")
    if quarto:
        version = subprocess.run([quarto, "--version"], capture_output=True, text=True).stdout.strip()
        renderer = f"Quarto {version}"
    else:
        renderer = fallback_name()
    letter = {**letter, "renderer": renderer}
    params = {**params, "renderer": renderer}
    log.info("render %s met %s", qmd, renderer)
    with tempfile.TemporaryDirectory(prefix="kamerbrief-") as tmp:
        try:
            if quarto:
                html_text, pdf_bytes = render_quarto(quarto, qmd, Path(tmp), params=params, letter=letter)
            else:
                html_text, pdf_bytes = render_fallback(qmd, Path(tmp), params=params, letter=letter, environ=environ)
        except RenderError as error:
            raise RenderError(shown(error)) from None
    _write_atomically(Path(html), html_text.encode("utf-8"))
    _write_atomically(Path(pdf), pdf_bytes)
    return renderer
