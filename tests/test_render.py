"""Unit tests of the fallback renderer (src/mhcases/render.py) on tiny literal .qmd fixtures."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from mhcases.render import (
    Cell,
    Crossref,
    Inline,
    Markdown,
    RenderError,
    build_date,
    compile_pdf,
    dutch_date,
    execute,
    external_urls,
    font_dir,
    letter_metadata,
    parse_cell_options,
    parse_qmd,
    render_fallback,
    typst_timestamp,
)

from mhcases.safety import CSP_META

REPORT = Path(__file__).resolve().parents[1] / "report"
EXTENSION = REPORT / "_extensions" / "kamerbrief"
FENCE = "```"

LETTER = {
    "organisation": "Testorganisatie",
    "addressee": ["Aan de Voorzitter"],
    "date": "2020-07-01",
    "reference": "T-1",
    "subject": "Test",
    "signatory_title": "De tester,",
    "signatory_name": "T. Tester",
}

DEMO = f"""---
subtitle: demo
---

{FENCE}{{python}}
#| tags: [parameters]
greeting = "standaard"
{FENCE}

{FENCE}{{python}}
import pandas as pd
from mhcases.present import markdown_table
x = 1
{FENCE}

Eerst `{{python}} x`.

{FENCE}{{python}}
#| include: false
x = 2
print("verborgen uitvoer")
{FENCE}

Dan `{{python}} x` en `{{python}} greeting`.

{FENCE}{{python}}
#| echo: true
print("zichtbare uitvoer")
{FENCE}

{FENCE}{{python}}
#| output: asis
print("**Vet uit een cel**, zie -@tbl-demo.")
{FENCE}

@Tbl-demo en @fig-demo; mail naar iemand@fig-demo.nl blijft staan.

{FENCE}{{python}}
#| label: tbl-demo
#| tbl-cap: "Demotabel^1^"
#| output: asis
frame = pd.DataFrame({{"categorie": ["a", "Totaal"], "n": [1234, 1234]}})
print(markdown_table(frame, notes={{1: "Een noot."}}))
{FENCE}

{FENCE}{{python}}
#| label: fig-demo
#| fig-cap: "Demofiguur"
#| fig-alt: "Een stijgende lijn"
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(3, 2))
ax.plot([0, 1], [0, 1])
plt.show()
{FENCE}

{FENCE}python
# een gewoon codeblok, geen cel: `{{python}} niet_uitvoeren`
{FENCE}
"""


# ---------------------------------------------------------------------------------------------------------
# Parsing
# ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "options", "code"),
    [
        ("x = 1", {}, "x = 1"),
        ("#| echo: false\n#| label: tbl-a\nx = 1", {"echo": False, "label": "tbl-a"}, "x = 1"),
        ("#|tags: [parameters]\na = 2\n#| not an option", {"tags": ["parameters"]}, "a = 2\n#| not an option"),
        ('#| tbl-cap: "Titel: met dubbelepunt^1^"\npass', {"tbl-cap": "Titel: met dubbelepunt^1^"}, "pass"),
        ("#| fig-alt: >-\n#|   lange\n#|   tekst\nprint()", {"fig-alt": "lange tekst"}, "print()"),
    ],
)
def test_parse_cell_options(source: str, options: dict, code: str) -> None:
    assert parse_cell_options(source) == (options, code)


@pytest.mark.parametrize("source", ["#| echo: [unclosed\nx = 1", "#| just text\nx = 1"])
def test_parse_cell_options_rejects_bad_yaml(source: str) -> None:
    with pytest.raises(RenderError, match="cel"):
        parse_cell_options(source, "cel 3")


def test_parse_qmd_splits_front_matter_cells_inline_and_verbatim_blocks() -> None:
    doc = parse_qmd(DEMO)
    assert doc.front_matter == {"subtitle": "demo"}
    cells = [item for item in doc.items if isinstance(item, Cell)]
    assert [c.number for c in cells] == list(range(1, 8))
    assert cells[0].options == {"tags": ["parameters"]} and cells[0].line == 6
    assert cells[5].name == "'tbl-demo' (cel 6)"
    assert [i.expr for i in doc.items if isinstance(i, Inline)] == ["x", "x", "greeting"]
    first_inline = next(i for i in doc.items if isinstance(i, Inline))
    assert DEMO.splitlines()[first_inline.line - 1] == "Eerst `{python} x`."
    assert "niet_uitvoeren" in "".join(i.text for i in doc.items if isinstance(i, Markdown))


# ---------------------------------------------------------------------------------------------------------
# Cross references
# ---------------------------------------------------------------------------------------------------------


def _crossref(settings: dict | None = None) -> Crossref:
    qmd = "\n".join(f"{FENCE}{{python}}\n#| label: {label}\n{FENCE}" for label in ("fig-a", "tbl-a", "tbl-b", "x-c"))
    return Crossref.of(parse_qmd(qmd), settings or {})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zie @tbl-b.", "Zie Tabel\u00a02."),
        ("@Tbl-a en @fig-a", "Tabel\u00a01 en Figuur\u00a01"),
        ("[@tbl-b]", "Tabel\u00a02"),
        ("tabel -@tbl-b", "tabel 2"),
        ("mail@tbl-a.nl en @x-c", "mail@tbl-a.nl en @x-c"),
    ],
)
def test_crossref_resolves_references(text: str, expected: str) -> None:
    assert _crossref().resolve(text) == expected


def test_crossref_prefix_and_capitalisation() -> None:
    crossref = _crossref({"tbl-prefix": "tabel"})
    assert crossref.resolve("In @tbl-a; @Tbl-b") == "In tabel\u00a01; Tabel\u00a02"
    assert crossref.caption("tbl-b", "Titel") == "Tabel 2: Titel"


def test_crossref_unknown_label_is_an_error() -> None:
    with pytest.raises(RenderError, match="tbl-zz"):
        _crossref().resolve("Zie @tbl-zz.")


# ---------------------------------------------------------------------------------------------------------
# A rendered demo document (one kernel start)
# ---------------------------------------------------------------------------------------------------------


def _project(tmp: Path, qmd_text: str) -> Path:
    shutil.copytree(REPORT / "_extensions", tmp / "_extensions")
    for name in ("_quarto.yml", "kamerbrief.css"):
        shutil.copy2(REPORT / name, tmp / name)
    qmd = tmp / "demo.qmd"
    qmd.write_text(qmd_text, encoding="utf-8")
    return qmd


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> dict:
    tmp = tmp_path_factory.mktemp("demo")
    (tmp / "report").mkdir()
    qmd = _project(tmp / "report", DEMO)
    work = tmp / "work"
    work.mkdir()
    letter = letter_metadata(LETTER, synthetic=True, today=dt.date(2020, 7, 1))
    html, pdf = render_fallback(qmd, work, params={"greeting": "geïnjecteerd"}, letter=letter, environ={})
    read = lambda name: (work / name).read_text(encoding="utf-8")  # noqa: E731
    return {"html": html, "pdf": pdf, "md": read("demo.md"), "typ": read("out.typ")}


def test_inline_expressions_in_document_order_and_parameters_injected(demo: dict) -> None:
    assert "Eerst 1." in demo["md"]
    assert "Dan 2 en geïnjecteerd." in demo["md"]


def test_echo_include_and_asis(demo: dict) -> None:
    md = demo["md"]
    assert "print(\"zichtbare uitvoer\")" in md and "zichtbare uitvoer\n```" in md  # echo: true + stdout block
    assert "import pandas" not in md  # echo: false (project default)
    assert "verborgen uitvoer" not in md  # include: false
    assert "<strong>Vet uit een cel</strong>, zie 1." in demo["html"]  # asis -> markdown, -@ -> number only


def test_table_and_figure_numbering_and_references(demo: dict) -> None:
    html = demo["html"]
    assert re.search(r"<caption>Tabel 1: Demotabel<sup>1</sup></caption>", html)
    assert "<figcaption>Figuur 1: Demofiguur</figcaption>" in html
    assert 'alt="Een stijgende lijn"' in html
    assert "tabel\u00a01 en figuur\u00a01" not in html and "Tabel\u00a01 en figuur\u00a01" in html
    assert "iemand@fig-demo.nl" in html
    assert '<th style="text-align: right;">n</th>' in html and '<td style="text-align: right;">1.234</td>' in html
    assert 'class="table-notes"' in html


def test_typst_gets_caption_notes_and_letter(demo: dict) -> None:
    typ = demo["typ"]
    assert "caption: [Tabel 1: Demotabel#super[1]]" in typ
    assert "<kb-table-notes>" in typ and "<kb-signature>" in typ
    assert 'marking: "synthetisch"' in typ and "date: [#none;1 juli 2020]" in typ
    assert demo["pdf"].startswith(b"%PDF")


def test_html_is_self_contained_and_dutch(demo: dict) -> None:
    assert external_urls(demo["html"]) == []
    assert 'lang="nl"' in demo["html"]
    assert "SYNTHETISCHE GEGEVENS" in demo["html"] and "Testorganisatie" in demo["html"]


# ---------------------------------------------------------------------------------------------------------
# Failures
# ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("qmd", "names"),
    [
        (
            f"{FENCE}{{python}}\n#| label: tbl-kapot\n\nx = 1\nraise KeyError('frequentie')\n{FENCE}\n",
            ["'tbl-kapot' (cel 1)", "regel 5", "KeyError", "frequentie"],
        ),
        ("Tekst `{python} 1 / 0` hier.\n", ["inline-uitdrukking `1 / 0`", "regel 1", "ZeroDivisionError"]),
    ],
)
def test_failing_cell_names_the_cell_in_one_paragraph(tmp_path: Path, qmd: str, names: list[str]) -> None:
    with pytest.raises(RenderError) as caught:
        execute(parse_qmd(qmd), {}, tmp_path, qmd_name="demo.qmd")
    message = str(caught.value)
    for name in names:
        assert name in message
    assert "\n" not in message and "Traceback" not in message and "\x1b" not in message


def test_missing_font_is_an_error(tmp_path: Path) -> None:
    typ = tmp_path / "font.typ"
    typ.write_text('#set text(font: "Geen Bestaand Lettertype")\nHallo', encoding="utf-8")
    with pytest.raises(RenderError, match="lettertype"):
        compile_pdf(typ, root=tmp_path, timestamp=0)


def test_known_font_compiles_reproducibly(tmp_path: Path) -> None:
    typ = tmp_path / "ok.typ"
    typ.write_text('#set text(font: "Source Sans Pro")\nHallo', encoding="utf-8")
    assert compile_pdf(typ, root=tmp_path, timestamp=0) == compile_pdf(typ, root=tmp_path, timestamp=0)


def test_unsupported_shortcode_is_an_error(tmp_path: Path) -> None:
    qmd = _project(tmp_path, "Tekst\n\n{{< pagebreak >}}\n")
    with pytest.raises(RenderError, match="shortcode"):
        letter = letter_metadata(LETTER, synthetic=False, today=dt.date.today())
        render_fallback(qmd, tmp_path, params={}, letter=letter)


# ---------------------------------------------------------------------------------------------------------
# The letter format
# ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "valid"),
    [("kamerbrief(marking: \"geheim\")[x]", '"synthetisch", "concept"'), ("kamerbrief(paper: \"a5\")[x]", '"a4"')],
)
def test_template_panics_with_valid_options(tmp_path: Path, call: str, valid: str) -> None:
    shutil.copy2(EXTENSION / "typst-template.typ", tmp_path)
    (tmp_path / "main.typ").write_text(f'#import "typst-template.typ": kamerbrief\n#{call}\n', encoding="utf-8")
    with pytest.raises(RenderError, match=re.escape(valid)):
        compile_pdf(tmp_path / "main.typ", root=tmp_path, timestamp=0)


def test_template_partial_has_no_single_dollar() -> None:
    # typst-template.typ has no template variables, so it may hold no dollar sign but a doubled one.
    text = (EXTENSION / "typst-template.typ").read_text(encoding="utf-8")
    assert not re.search(r"(?<!\$)\$(?!\$)", text)


def test_lua_and_typst_labels_agree() -> None:
    lua = dict(re.findall(r'^\s+(\w+) = "([^"]*)",', (EXTENSION / "kamerbrief.lua").read_text(encoding="utf-8"), re.M))
    typ_text = (EXTENSION / "typst-template.typ").read_text(encoding="utf-8")
    block = typ_text[typ_text.index("#let labels = (") : typ_text.index("\n)", typ_text.index("#let labels = ("))]
    typ = dict(re.findall(r'^\s+([\w-]+): "([^"]*)",', block, re.M))
    shared = set(lua) & set(typ)
    assert {"date", "subject", "reference", "annexes"} <= shared
    assert {key: lua[key] for key in shared} == {key: typ[key] for key in shared}
    synthetic = re.search(r'synthetisch: \(\s*text: "([^"]*)",\s*note: "([^"]*)"', typ_text)
    assert synthetic and synthetic.groups() == (lua["marking"], lua["marking_note"])
    assert typ["page"] == "Pagina" and typ["of"] == "van"


# ---------------------------------------------------------------------------------------------------------
# Dates and metadata
# ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "text"), [(dt.date(2020, 7, 1), "1 juli 2020"), (dt.date(2019, 12, 31), "31 december 2019")]
)
def test_dutch_date(day: dt.date, text: str) -> None:
    assert dutch_date(day) == text


def test_build_date_and_letter_metadata() -> None:
    assert build_date({"SOURCE_DATE_EPOCH": "1593561600"}) == dt.date(2020, 7, 1)
    meta = letter_metadata({**LETTER, "date": None}, synthetic=False, today=dt.date(2021, 3, 2))
    assert (meta["date"], meta["date_iso"], meta["synthetic"]) == ("2 maart 2021", "2021-03-02", False)
    assert letter_metadata(LETTER, synthetic=True, today=dt.date(2021, 3, 2))["date"] == "1 juli 2020"
    assert typst_timestamp(meta, {}) == 1614643200
    assert typst_timestamp(meta, {"SOURCE_DATE_EPOCH": "42"}) == 42


@pytest.mark.parametrize(
    ("html", "urls"),
    [
        ('<img src="data:image/png;base64,AAA" alt="">', []),
        ('<script src="https://cdn.example.org/x.js"></script>', ["https://cdn.example.org/x.js"]),
        ("<link rel=stylesheet href=//cdn.example.org/x.css>", ["//cdn.example.org/x.css"]),
        ('<a href="https://example.org">een link</a>', []),
    ],
)
def test_external_urls(html: str, urls: list[str]) -> None:
    assert external_urls(html) == urls


def test_font_dir_has_source_sans_pro() -> None:
    assert any(path.name.startswith("SourceSansPro-Regular") for path in font_dir().iterdir())


# ---------------------------------------------------------------------------------------------------------
# The Quarto path, with a stand-in `quarto` on PATH
# ---------------------------------------------------------------------------------------------------------

QUARTO_STUB = """#!{python}
import json, os, pathlib, sys
args = sys.argv[1:]
if args == ["--version"]:
    print("1.5.57")
    sys.exit(0)
qmd = pathlib.Path(args[1])
out = qmd.parent / args[args.index("--output-dir") + 1]
out.mkdir(parents=True)
meta = pathlib.Path(args[args.index("--metadata-file") + 1]).read_text(encoding="utf-8")
pathlib.Path(os.environ["QUARTO_STUB_RECORD"]).write_text(json.dumps({{"args": args, "meta": meta}}))
if {fail}:
    sys.stderr.write("ERROR: cel faalde")
    sys.exit(1)
(out / "kamerbrief.html").write_text("<html lang=nl>ok</html>")
(out / "kamerbrief.pdf").write_bytes(b"%PDF-stub")
"""


@pytest.mark.parametrize("fail", [False, True])
def test_quarto_is_used_when_on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fail: bool) -> None:
    import json
    import os
    import sys

    import yaml

    from mhcases.render import render_report

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    stub = bin_dir / "quarto"
    stub.write_text(QUARTO_STUB.format(python=sys.executable, fail=fail), encoding="utf-8")
    stub.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("QUARTO_STUB_RECORD", str(tmp_path / "call.json"))
    qmd = tmp_path / "report" / "kamerbrief.qmd"
    qmd.parent.mkdir()
    qmd.write_text("Tekst\n", encoding="utf-8")
    html, pdf = tmp_path / "results" / "kamerbrief.html", tmp_path / "results" / "kamerbrief.pdf"
    letter = letter_metadata(LETTER, synthetic=True, today=dt.date(2020, 7, 1))
    params = {"published_dir": "data/published", "synthetic": True, "month_classes": [0, 6]}
    if fail:
        with pytest.raises(RenderError, match="quarto render faalde.*cel faalde"):
            render_report(qmd, html, pdf, params=params, letter=letter)
        assert not html.parent.exists() or not any(html.parent.iterdir())  # nothing half-written
        return
    assert render_report(qmd, html, pdf, params=params, letter=letter) == "Quarto 1.5.57"
    page = html.read_text()  # the policy first, then the embedded fonts (mhcases.fonts), then Quarto's page
    assert page.startswith(f'<html lang=nl>\n{CSP_META}<style id="kb-fonts">') and page.endswith("</style>\nok</html>")
    assert pdf.read_bytes() == b"%PDF-stub"
    assert sorted(p.name for p in html.parent.iterdir()) == ["kamerbrief.html", "kamerbrief.pdf"]
    assert [p.name for p in qmd.parent.iterdir()] == ["kamerbrief.qmd"]  # nothing written into report/
    call = json.loads((tmp_path / "call.json").read_text())
    pairs = {call["args"][i + 1] for i, arg in enumerate(call["args"]) if arg == "-P"}
    assert {"published_dir:data/published", "synthetic:true", "month_classes:[0, 6]", "renderer:Quarto 1.5.57"} <= pairs
    assert call["args"][call["args"].index("--to") + 1] == "html,kamerbrief-typst"
    meta = yaml.safe_load(call["meta"])["kamerbrief"]
    assert (meta["date"], meta["renderer"], meta["synthetic"]) == ("1 juli 2020", r"Quarto 1\.5\.57", True)
