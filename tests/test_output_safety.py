"""Output safety (mhcases.safety, the renderer, kamerbrief.lua, runner.write_csv): text from the inputs never
becomes HTML, Typst, an embedded file, a network load or a spreadsheet formula."""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
import json
import os
import re
import shutil
import sysconfig
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from mhcases.render import READER, RenderError, letter_metadata, render_fallback, shown
from mhcases.runner import write_csv
from mhcases.safety import (
    CONTENT_SECURITY_POLICY,
    external_urls,
    literal_metadata,
    markdown_code,
    markdown_literal,
    neutral_cell,
    neutralise_frame,
    relative_paths,
    with_csp,
)

REPORT = Path(__file__).resolve().parents[1] / "report"
FENCE = "```"
PASSWD = Path("/etc/passwd")

# Hostile text for every target: HTML, Typst, pandoc markdown, Quarto.
INJECTIONS = [
    "<script>alert(1)</script>",
    '<img src="/etc/passwd">',
    '<object data="http://x.example/y"></object><embed src="//x.example/z">',
    '<span style="background:url(http://x.example/a.png)">achtergrond</span>',
    '`#read("/etc/passwd")`{=typst}',
    "```{=html} <iframe src=http://x.example></iframe> ```",
    '#import "@preview/x:0.1.0": *',
    '#read("/etc/passwd")',
    '#image("/etc/passwd")',
    "$x^2$ kost $5 \\ en ] of [",
    "*vet* _schuin_ **vetter**",
    "@ref @tbl-x <label>",
    "{{< include /etc/passwd >}} {{x}}",
    "![passwd](/etc/passwd)",
    "[klik](javascript:alert(1))",
    '[x]{onclick="alert(1)"}',
    '[x]{typst:text:fill="read(\\"/etc/passwd\\")"}',
    "// geen commentaar /* ook niet */",
    "= Kop",
    "- lijst",
    "1. lijst",
    "&lt;script&gt; &amp; &#60;b&#62;",
    "<!-- verborgen --> \\#",
]


# ----------------------------------------------------------------------------------------------------------
# Markdown: literal text and code spans, read back by pandoc
# ----------------------------------------------------------------------------------------------------------


def _pandoc_ast(markdown: str) -> dict:
    import pypandoc

    return json.loads(pypandoc.convert_text(markdown, "json", format=READER))


def _inlines(ast: dict) -> list[dict]:
    blocks = ast["blocks"]
    assert len(blocks) == 1 and blocks[0]["t"] == "Para", blocks
    return blocks[0]["c"]


@pytest.mark.parametrize("text", INJECTIONS)
def test_markdown_literal_reads_back_as_exactly_the_text(text: str) -> None:
    inlines = _inlines(_pandoc_ast(markdown_literal(text)))
    assert {inline["t"] for inline in inlines} <= {"Str", "Space"}
    assert "".join(inline["c"] if inline["t"] == "Str" else " " for inline in inlines) == " ".join(text.split())


@pytest.mark.parametrize("text", [*INJECTIONS, "a`b", "``x``", "`begin", "eind`", "data/raw/blad `1`.csv"])
def test_markdown_code_is_one_code_span_with_the_text(text: str) -> None:
    inlines = _inlines(_pandoc_ast(f"x {markdown_code(text)} y"))
    codes = [inline for inline in inlines if inline["t"] == "Code"]
    assert len(codes) == 1 and codes[0]["c"][1] == " ".join(text.split())
    assert [inline["c"] for inline in inlines if inline["t"] == "Str"] == ["x", "y"]


def test_literal_metadata_escapes_every_string_and_keeps_other_values() -> None:
    meta = literal_metadata({"a": "<b>", "list": ["*x*", 3], "flag": True, "nested": {"n": None, "s": "$"}})
    assert meta == {"a": "\\<b\\>", "list": ["\\*x\\*", 3], "flag": True, "nested": {"n": None, "s": "\\$"}}


# ----------------------------------------------------------------------------------------------------------
# HTML: what a browser would load, and the Content-Security-Policy
# ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "found"),
    [
        ('<img src="data:image/svg+xml;base64,AAA" alt="">', []),
        ('<a href="https://example.org">link</a> <a href="#fn1">1</a> <a href="mailto:a@b.nl">m</a>', []),
        ('<td style="text-align: right;">1</td>', []),
        ("<style>td { color: #111 } .x { background: url(data:image/png;base64,AA) }</style>", []),
        ('<img src="/etc/passwd">', ["/etc/passwd"]),
        ('<img src="figures/a.svg">', ["figures/a.svg"]),  # not embedded: the letter would be incomplete
        ('<script src="https://cdn.example.org/x.js"></script>', ["https://cdn.example.org/x.js"]),
        ("<script>alert(1)</script>", ["<script>"]),
        ("<link rel=stylesheet href=//cdn.example.org/x.css>", ["//cdn.example.org/x.css"]),
        ('<object data="http://x.example/y"></object>', ["http://x.example/y"]),
        ('<embed src="//x.example/z">', ["//x.example/z"]),
        ('<iframe srcdoc="<b>x</b>"></iframe>', ["<iframe>"]),
        ('<img srcset="data:image/png;base64,AA 1x, https://x.example/b.png 2x">', ["https://x.example/b.png"]),
        ('<span style="background:url(http://x.example/a.png)">x</span>', ["http://x.example/a.png"]),
        ("<span style='background:url(&quot;//x.example/a.png&quot;)'>x</span>", ["//x.example/a.png"]),
        ("<style>@import 'https://x.example/a.css'; p { background: url(/a.png) }</style>",
         ["https://x.example/a.css", "/a.png"]),
        ('<video poster="http://x.example/p.jpg"></video>', ["http://x.example/p.jpg"]),
        ('<form action="http://x.example"><button formaction="http://y.example">x</button></form>',
         ["http://x.example", "http://y.example"]),
        ('<svg><image xlink:href="http://x.example/i.png"/></svg>', ["http://x.example/i.png"]),
        ('<meta http-equiv="refresh" content="0; url=http://x.example">', ["0; url=http://x.example"]),
        ('<base href="http://x.example/">', ["http://x.example/"]),
        ('<a href="javascript:alert(1)">x</a>', ["javascript:alert(1)"]),
        ('<p onclick="alert(1)">x</p>', ["onclick=…"]),
    ],
)
def test_external_urls_finds_every_load(page: str, found: list[str]) -> None:
    assert external_urls(page) == found


def test_with_csp_comes_first_in_head_and_forbids_every_remote_load() -> None:
    page = with_csp('<html lang="nl">\n<head>\n  <meta charset="utf-8" />\n<title>t</title></head><body></body></html>')
    head = page[page.index("<head>") : page.index("</head>")]
    assert head.index("Content-Security-Policy") < head.index("charset") < head.index("<title>")
    policy = dict(part.strip().split(" ", 1) for part in CONTENT_SECURITY_POLICY.split(";"))
    assert policy["default-src"] == "'none'" and policy["img-src"] == "data:" and policy["font-src"] == "data:"
    assert "script-src" not in policy and "http" not in CONTENT_SECURITY_POLICY and "*" not in CONTENT_SECURITY_POLICY
    assert external_urls(page) == []


# ----------------------------------------------------------------------------------------------------------
# The renderer end to end: hostile letter fields, file names and sheet text
# ----------------------------------------------------------------------------------------------------------

FIELDS = {  # every letter field the config has, each with other hostile text
    "organisation": INJECTIONS[0],
    "unit": INJECTIONS[1],
    "visiting_address": [INJECTIONS[2], INJECTIONS[3]],
    "postal_address": [INJECTIONS[4], INJECTIONS[5]],
    "contact": [INJECTIONS[6], INJECTIONS[7]],
    "addressee": [INJECTIONS[8], INJECTIONS[9], INJECTIONS[10], INJECTIONS[11], INJECTIONS[12], "+ plus", "/ t: x"],
    "place": "- plaats",  # markup at the start of a Typst content block: a list, a heading, an enumeration
    "reference": "= Kop",
    "subject": INJECTIONS[13],
    "signatory_title": INJECTIONS[14],
    "signatory_name": "1. " + INJECTIONS[15],
    "annexes": [INJECTIONS[16]],  # the letter shows the number of annexes only
    "date": "2020-07-01",
}
SHOWN = [text for key, value in FIELDS.items() if key not in ("annexes", "date")
         for text in (value if isinstance(value, list) else [value])]
SHEET_TEXT = INJECTIONS[16:]  # printed by the document through the letter's own helpers
FILE_NAME = 'data/raw/blad `1` <img src="/etc/passwd"> $#read("x").csv'

HOSTILE_QMD = f"""---
title: veilig
---

{FENCE}{{python}}
import pandas as pd
from mhcases.present import escape_markdown, markdown_table
from mhcases.safety import markdown_code, markdown_literal
sheet_text = {SHEET_TEXT!r}
{FENCE}

{FENCE}{{python}}
#| label: tbl-vijandig
#| tbl-cap: "Vijandige categorieën"
#| output: asis
frame = pd.DataFrame({{"categorie": [escape_markdown(t) for t in sheet_text], "n": range(len(sheet_text))}})
print(markdown_table(frame, notes={{1: escape_markdown(sheet_text[0])}}))
{FENCE}

{FENCE}{{python}}
#| output: asis
print("Codeerblad: " + markdown_code({FILE_NAME!r}) + ".")
for text in sheet_text:
    print()
    print("Tekst: " + markdown_literal(text))
{FENCE}

{FENCE}{{python}}
#| output: asis
print("Ruw: <script>alert(3)</script> <img src=\\"/etc/passwd\\"> `#read(\\"/etc/passwd\\")`{{=typst}}")
{FENCE}
"""


def _project(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True)
    shutil.copytree(REPORT / "_extensions", folder / "_extensions")
    for name in ("_quarto.yml", "kamerbrief.css"):
        shutil.copy2(REPORT / name, folder / name)
    qmd = folder / "veilig.qmd"
    qmd.write_text(text, encoding="utf-8")
    return qmd


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _squeezed(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict:
    tmp = tmp_path_factory.mktemp("hostile")
    qmd = _project(tmp / "report", HOSTILE_QMD)
    work = tmp / "work"
    work.mkdir()
    letter = letter_metadata(FIELDS, synthetic=True, today=dt.date(2020, 7, 1))
    html, pdf = render_fallback(qmd, work, params={}, letter=letter, environ={})
    return {"html": html, "pdf": pdf, "typ": (work / "out.typ").read_text(encoding="utf-8")}


def test_hostile_html_has_no_injected_element_or_attribute(hostile: dict) -> None:
    parser = _Elements()
    parser.feed(hostile["html"])
    tags = [tag for tag, _ in parser.tags]
    assert not {"script", "object", "embed", "iframe", "link", "base", "form", "img"} & set(tags)
    for tag, attrs in parser.tags:
        assert not [name for name in attrs if name.startswith("on") or name.startswith("typst")], tag
        assert "url(" not in (attrs.get("style") or ""), tag
        assert not str(attrs.get("href") or "").startswith("javascript:"), tag
    assert external_urls(hostile["html"]) == []
    assert hostile["html"].count("Content-Security-Policy") == 1


def test_hostile_text_appears_literally_in_the_html(hostile: dict) -> None:
    parser = _Elements()
    parser.feed(hostile["html"])
    text = " ".join(" ".join(parser.text).split())
    for literal in [*SHOWN, *SHEET_TEXT, " ".join(FILE_NAME.split()), "<script>alert(3)</script>"]:
        assert " ".join(literal.split()) in text, literal
    page = hostile["html"]
    title = html.unescape(page[page.index("<title>") + len("<title>") : page.index("</title>")])
    assert " ".join(title.split()) == FIELDS["subject"]  # the page title (the subject) is text as well


def test_no_file_is_embedded(hostile: dict) -> None:
    if PASSWD.exists():
        secret = PASSWD.read_bytes()
        assert base64.b64encode(secret).decode()[:40] not in hostile["html"]
        assert secret.decode("utf-8", "replace").splitlines()[0] not in hostile["html"]
    # The page embeds its fonts (mhcases.fonts: Source Sans Pro, one data: URL per face) and nothing else.
    fonts = re.findall(r'<style id="kb-fonts">.*?</style>', hostile["html"], flags=re.S)
    assert len(fonts) == 1 and fonts[0].count("base64,") == fonts[0].count("data:font/woff;base64,") > 0
    page = hostile["html"].replace(fonts[0], "")
    assert "base64," not in page  # nothing else embedded: the document has no figure
    assert len(page) < 40_000  # the page and its CSS, nothing more
    assert len(hostile["pdf"]) < 200_000


def test_typst_source_carries_the_text_escaped(hostile: dict) -> None:
    # Escaped hashes are text, and so are raw strings (code spans); what remains with a hash is code.
    code = re.sub(r'#raw\("(?:[^"\\]|\\.)*"\)|`[^`\n]*`', "", hostile["typ"].replace("\\#", ""))
    for call in ("#read(", "#image(", "#import", "image(\"/etc", "#text(fill"):
        assert call not in code, call
    assert "\\#read(\\\"/etc/passwd\\\")" in hostile["typ"]  # the text itself is there, escaped


def test_hostile_text_appears_literally_in_the_pdf(hostile: dict) -> None:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(hostile["pdf"]))
    text = _squeezed("".join(page.extract_text() or "" for page in reader.pages))
    for literal in [*SHOWN, *SHEET_TEXT, FILE_NAME, "<script>alert(3)</script>"]:
        assert _squeezed(literal) in text, literal
    if PASSWD.exists():
        first = PASSWD.read_text(encoding="utf-8", errors="replace").splitlines()[0]
        assert _squeezed(first) not in text


@pytest.mark.parametrize(
    ("markdown", "fragment"),
    [
        ("![passwd](/etc/passwd)", "afbeelding '/etc/passwd'"),
        ("![cfg](../config/config.yaml)", "afbeelding '../config/config.yaml'"),
        ("![meta](kamerbrief.yaml)", "afbeelding 'kamerbrief.yaml'"),
        ("![op afstand](http://x.example/a.png)", "afbeelding 'http://x.example/a.png'"),
        ("[klik](javascript:alert(1))", "link naar 'javascript:alert(1)'"),
        ("[bestand](file:///etc/passwd)", "link naar 'file:///etc/passwd'"),
        ('[x]{onclick="alert(1)"}', 'attribuut onclick="alert(1)" op Span'),
        ('[x]{style="background:url(http://x.example)"}', "attribuut style="),
        ('[x]{typst:text:fill="read(\\"/etc/passwd\\")"}', "attribuut typst:text:fill="),
        ('::: {src="/etc/passwd"}\ntekst\n:::', 'attribuut src="/etc/passwd" op Div'),
    ],
)
def test_lua_filter_refuses_injected_markup(tmp_path: Path, markdown: str, fragment: str) -> None:
    """What reaches the letter unescaped (a forgotten escape) stops the build with a Dutch message."""
    qmd = _project(tmp_path / "report", f"{FENCE}{{python}}\n#| output: asis\nprint({markdown!r})\n{FENCE}\n")
    letter = letter_metadata({"date": "2020-07-01"}, synthetic=False, today=dt.date(2020, 7, 1))
    with pytest.raises(RenderError) as caught:
        render_fallback(qmd, tmp_path, params={}, letter=letter, environ={})
    message = str(caught.value)
    assert message.startswith("Het filter kamerbrief.lua weigerde de brief: Onveilige opmaak in de brief")
    assert fragment in message and "Traceback" not in message


def test_lua_filter_refuses_markup_in_the_letter_metadata(tmp_path: Path) -> None:
    """Metadata that was not written as literal text (e.g. by another tool) is refused, not rendered."""
    from mhcases import render

    qmd = _project(tmp_path / "report", "Tekst.\n")
    letter = letter_metadata({"date": "2020-07-01"}, synthetic=False, today=dt.date(2020, 7, 1))
    letter["signatory_name"] = "![x](figures/a.svg)"
    original = render.literal_metadata
    try:
        render.literal_metadata = lambda value: value  # a writer that forgets to escape
        with pytest.raises(RenderError, match="Onveilige opmaak.*kamerbrief.signatory_name"):
            render_fallback(qmd, tmp_path, params={}, letter=letter, environ={})
    finally:
        render.literal_metadata = original


# ----------------------------------------------------------------------------------------------------------
# CSV: formula injection
# ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("=HYPERLINK(\"http://x.example\")", "'=HYPERLINK(\"http://x.example\")"),
        ("+31 20 123", "'+31 20 123"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTAB", "'\tTAB"),
        ("\rCR", "'\rCR"),
        ("-", "'-"),
        ("-12", "-12"),  # text that is exactly a number: a spreadsheet reads a number, not a formula
        ("-0,5", "-0,5"),
        ("+3.5e2", "+3.5e2"),
        ("-1.000,5", "-1.000,5"),
        ("gevangenisstraf - 12 maanden", "gevangenisstraf - 12 maanden"),
        ("a=b", "a=b"),
        ("'=al veilig", "'=al veilig"),
        ("", ""),
    ],
)
def test_neutral_cell(text: str, written: str) -> None:
    assert neutral_cell(text) == written


def test_neutralise_frame_touches_text_cells_only() -> None:
    frame = pd.DataFrame({
        "raw_value": ["=1+1", "-12", "@x", None, "gewoon"],
        "estimate": [-3.5, -1.0, 2.0, float("nan"), 0.0],
        "n": pd.array([-1, 2, 3, None, 5], dtype="Int64"),
        "mixed": [-3.5, "=A1", True, None, "-"],
        "label": pd.Categorical(["+x", "y", "+x", "y", "y"]),
        "text": pd.array(["-a", "b", None, "c", "d"], dtype="string"),
    })
    safe = neutralise_frame(frame)
    assert safe["raw_value"].tolist()[:3] == ["'=1+1", "-12", "'@x"] and pd.isna(safe["raw_value"].iloc[3])
    assert safe["raw_value"].dtype == frame["raw_value"].dtype
    pd.testing.assert_series_equal(safe["estimate"], frame["estimate"])
    pd.testing.assert_series_equal(safe["n"], frame["n"])
    assert safe["mixed"].tolist()[:3] == [-3.5, "'=A1", True] and safe["mixed"].iloc[4] == "'-"
    assert safe["label"].tolist() == ["'+x", "y", "'+x", "y", "y"]
    assert safe["text"].tolist()[:2] == ["'-a", "b"]
    assert frame["raw_value"].iloc[0] == "=1+1"  # the caller's frame is not changed


def test_neutralise_frame_returns_a_clean_frame_itself() -> None:
    frame = pd.DataFrame({"categorie": ["a", "Totaal"], "frequentie": [-1, 2], "x": [-0.5, 1.5]})
    assert neutralise_frame(frame) is frame


def test_write_csv_neutralises_formulas_and_keeps_numbers(tmp_path: Path) -> None:
    frame = pd.DataFrame({"column": ["demand", "sentence"], "raw_value": ["=cmd|' /C calc'!A0", "-12"],
                          "estimate": [-3.5, 0.25]})
    write_csv(frame, tmp_path / "log.csv")
    assert (tmp_path / "log.csv").read_text(encoding="utf-8") == (
        "column,raw_value,estimate\ndemand,'=cmd|' /C calc'!A0,-3.5\nsentence,-12,0.25\n"
    )
    clean = pd.DataFrame({"categorie": ["overig", "Totaal"], "frequentie": [3, 4], "aandeel": [-0.1, 1.0]})
    write_csv(clean, tmp_path / "a.csv")
    expected = clean.to_csv(index=False, lineterminator="\n", float_format="%.10g")
    assert (tmp_path / "a.csv").read_text(encoding="utf-8") == expected  # clean tables: byte for byte as before


# ----------------------------------------------------------------------------------------------------------
# Paths in logs and messages
# ----------------------------------------------------------------------------------------------------------


def test_relative_paths(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    text = f"render {root}/report/kamerbrief.qmd in {root} niet {root}2/x, werkmap {tmp_path}/w/a.typ"
    assert relative_paths(text, root, others=[(tmp_path / "w", "<werkmap>")]) == (
        f"render report/kamerbrief.qmd in . niet {root}2/x, werkmap <werkmap>/a.typ"
    )


def test_renderer_messages_name_no_absolute_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    monkeypatch.chdir(tmp_path)
    work = Path(tempfile.gettempdir()) / "kamerbrief-abc123"
    assert shown(f"fout in {tmp_path}/report/a.qmd en {work}/out.typ") == "fout in report/a.qmd en <werkmap>/out.typ"
    assert os.fspath(tmp_path) not in shown(str(tmp_path / "x"))
    warning = f"{sysconfig.get_paths()['purelib']}/pandas/core/frame.py:12: FutureWarning: x"
    assert shown(warning) == "<site-packages>/pandas/core/frame.py:12: FutureWarning: x"


# ----------------------------------------------------------------------------------------------------------
# In a browser (only where chromium is installed; the project does not install it)
# ----------------------------------------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _console(page: Path, tmp_path: Path) -> str:
    """Chromium's console log (stderr) and the DOM after loading `page` headless, offline."""
    import subprocess

    profile = tmp_path / "profile"
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", "--dump-dom", page.as_uri()]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    return result.stderr + result.stdout


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_browser_runs_no_script_and_the_policy_blocks_what_slips_through(hostile: dict, tmp_path: Path) -> None:
    letter = tmp_path / "brief.html"
    letter.write_text(hostile["html"], encoding="utf-8")
    log = _console(letter, tmp_path)
    console, dom = log.split("<html", 1)
    assert "Content Security Policy" not in console  # nothing tried to load or run
    assert "<script" not in dom and "<img" not in dom and "<object" not in dom
    # The policy itself: a page with the letter's policy and injected loads gets them blocked.
    control = tmp_path / "controle.html"
    control.write_text(with_csp('<html><head></head><body><img src="http://127.0.0.1:9/a.png">'
                                '<script>console.log("SCRIPT GELOPEN")</script></body></html>'), encoding="utf-8")
    log = _console(control, tmp_path)
    assert "violates the following Content Security Policy" in log and "SCRIPT GELOPEN" not in log.split("<html")[0]
