"""Fonts and numbers as a reader sees them: the HTML letter shows Source Sans Pro embedded in the page (checked in a
headless Chromium: the face the browser really draws with), and the figures write numbers as the text does."""

from __future__ import annotations

import base64
import json
import os
import re
import select
import shutil
import subprocess
from pathlib import Path

import pytest

from mhcases.fonts import FONT, WEB_FACES, font_face_css, web_font, font_dir
from mhcases.render import finished_html
from mhcases.safety import external_urls

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--remote-debugging-pipe")


# ----------------------------------------------------------------------------------------------------------
# The embedded font, without a browser
# ----------------------------------------------------------------------------------------------------------


def test_web_font_is_a_deterministic_woff_subset():
    path = font_dir() / "SourceSansPro-Regular.ttf"
    first, second = web_font(path), web_font(path)
    assert first == second and first[:4] == b"wOFF"
    assert len(first) < path.stat().st_size / 2  # only the characters a Dutch letter uses


def test_every_face_the_css_uses_is_embedded():
    css = font_face_css()
    faces = re.findall(r"font-weight: (\d+); font-style: (\w+);", css)
    assert faces == [(str(weight), style) for _, weight, style in WEB_FACES]
    assert css.count(f'font-family: "{FONT}"') == len(WEB_FACES)
    stylesheet = (Path(__file__).resolve().parents[1] / "report" / "kamerbrief.css").read_text()
    weights = {int(w) for w in re.findall(r"font-weight:\s*(\d+)", stylesheet)} | {400}
    assert weights <= {weight for _, weight, _ in WEB_FACES}


def test_finished_page_embeds_the_font_and_loads_nothing():
    page = finished_html("<!DOCTYPE html>\n<html><head>\n<title>t</title></head><body><p>Tekst</p></body></html>")
    head = page.split("</head>")[0]
    assert head.index("Content-Security-Policy") < head.index('<style id="kb-fonts">') < head.index("<title>")
    assert "data:font/woff;base64," in head and external_urls(page) == []


# ----------------------------------------------------------------------------------------------------------
# In a browser: the DevTools protocol over a pipe (no network, no extra package)
# ----------------------------------------------------------------------------------------------------------


class Browser:
    """Headless Chromium driven through --remote-debugging-pipe (fd 3 commands, fd 4 replies, NUL-separated)."""

    def __init__(self, profile: Path):
        self._to_read, self._to_chromium = os.pipe()
        self._from_chromium, self._to_write = os.pipe()
        command = " ".join([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}"])
        self.process = subprocess.Popen(
            ["bash", "-c", f"exec {command} 3<&{self._to_read} 4>&{self._to_write}"],
            pass_fds=(self._to_read, self._to_write), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(self._to_read)
        os.close(self._to_write)
        self._buffer, self._id, self.events = b"", 0, []

    def _message(self, timeout: float = 60) -> dict:
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._from_chromium], [], [], timeout)
            chunk = os.read(self._from_chromium, 1 << 20) if ready else b""
            if not chunk:
                raise AssertionError("Chromium antwoordde niet (of stopte)")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method: str, session: str | None = None, **params) -> dict:
        self._id += 1
        message = {"id": self._id, "method": method, "params": params, **({"sessionId": session} if session else {})}
        os.write(self._to_chromium, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._message()
            if reply.get("id") == self._id:
                assert "error" not in reply, reply
                return reply["result"]
            self.events.append(reply)

    def wait_for(self, method: str) -> dict:
        while not any(event.get("method") == method for event in self.events):
            self.events.append(self._message())
        return next(event for event in self.events if event.get("method") == method)

    def close(self) -> None:
        try:
            self.send("Browser.close")
        except (AssertionError, OSError):
            pass
        self.process.kill()
        self.process.wait(timeout=30)
        os.close(self._to_chromium)
        os.close(self._from_chromium)


def fonts_used(page: Path, selectors: list[str], profile: Path, screenshot: Path) -> dict[str, list[dict]]:
    """For each CSS selector, the fonts Chromium draws its first element's text with (CSS.getPlatformFontsForNode:
    family, PostScript name, whether it is a web font); writes a screenshot of the page's first screen."""
    browser = Browser(profile)
    try:
        target = browser.send("Target.createTarget", url="about:blank")["targetId"]
        session = browser.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "DOM", "CSS"):
            browser.send(f"{domain}.enable", session)
        browser.send("Emulation.setDeviceMetricsOverride", session, width=1100, height=900, deviceScaleFactor=1,
                     mobile=False)
        browser.send("Page.navigate", session, url=page.as_uri())
        browser.wait_for("Page.loadEventFired")
        root = browser.send("DOM.getDocument", session)["root"]["nodeId"]
        used = {}
        for selector in selectors:
            node = browser.send("DOM.querySelector", session, nodeId=root, selector=selector)["nodeId"]
            assert node, f"geen element voor {selector}"
            used[selector] = browser.send("CSS.getPlatformFontsForNode", session, nodeId=node)["fonts"]
        shot = browser.send("Page.captureScreenshot", session, format="png")["data"]
        screenshot.write_bytes(base64.b64decode(shot))
        return used
    finally:
        browser.close()


@pytest.mark.e2e
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is niet geïnstalleerd (apt-get install chromium)")
def test_browser_draws_the_letter_in_source_sans_pro(built_project, tmp_path):
    screenshot = tmp_path / "kamerbrief-schermafdruk.png"  # to look at: pytest's temporary folder
    selectors = [".kb-main p", "h1", ".kb-colophon .kb-label", "table td", ".kb-marking"]
    used = fonts_used(built_project.html, selectors, tmp_path / "profiel", screenshot)
    for selector, fonts in used.items():
        assert fonts, f"{selector}: geen tekst"
        main = max(fonts, key=lambda font: font["glyphCount"])  # the face of (nearly) every character
        # the family as the font names itself ("Source Sans Pro", "Source Sans Pro Semibold"), a web font
        assert main["familyName"].startswith(FONT) and main["isCustomFont"], (selector, fonts)
    assert max(used["h1"], key=lambda f: f["glyphCount"])["postScriptName"] == "SourceSansPro-Bold"
    assert screenshot.stat().st_size > 10_000


# ----------------------------------------------------------------------------------------------------------
# Numbers in the figures: the text's format
# ----------------------------------------------------------------------------------------------------------

DUTCH_NUMBER = re.compile(r"^\u2212?\d{1,3}(\.\d{3})*(,\d+)?$")


def test_text_and_figures_share_one_formatter():
    from mhcases import figures, numbers, present

    assert present.format_number is numbers.format_number is figures.format_number


@pytest.mark.parametrize("values, decimals", [
    ([0, 5, 10], 0), ([0, 0.2, 0.4, 1.0], 1), ([0, 0.25, 0.5], 2), ([-1.5, 0, 1.5], 1), ([1e-7], 4), ([], 0),
    ([0, float("nan"), 2], 0),
])
def test_common_decimals(values, decimals):
    from mhcases.numbers import common_decimals

    assert common_decimals(values) == decimals


@pytest.mark.parametrize("top, expected", [(1.0, "0,2"), (12_000, "10.000"), (3.0, "0,5")])
def test_axis_ticks_are_written_as_the_text_writes_numbers(top, expected):
    import matplotlib.pyplot as plt

    from mhcases.figures import dutch_axes

    fig, ax = plt.subplots()
    ax.plot([-top / 10, top], [0, top])
    dutch_axes(fig)
    fig.canvas.draw()
    labels = [label.get_text() for label in ax.get_yticklabels() + ax.get_xticklabels() if label.get_text()]
    plt.close(fig)
    assert expected in labels
    assert all(DUTCH_NUMBER.match(label) for label in labels), labels


def test_formatter_uses_one_number_of_decimals_and_a_real_minus():
    from mhcases.figures import DutchFormatter

    assert DutchFormatter().format_ticks([-0.5, 0, 0.5, 1]) == ["\u22120,5", "0,0", "0,5", "1,0"]
    assert DutchFormatter().format_ticks([0, 2500, 5000]) == ["0", "2.500", "5.000"]


@pytest.mark.e2e
def test_every_figure_of_the_build_has_dutch_ticks(built_project):
    import matplotlib.pyplot as plt
    import pandas as pd

    from mhcases import figures

    results = built_project.root / "results"
    cases = pd.read_parquet(results / "clean" / "cases.parquet")
    tabel_3, tabel_5 = (pd.read_csv(results / "tables" / f"tabel_{n}.csv") for n in (3, 5))
    figures.setup_style()
    made = [figures.shift_figure(tabel_3, tabel_5, True), figures.scatter_figure(cases, True),
            figures.ecdf_figure(cases, True)]
    labels = []
    for fig in made:
        figures.dutch_axes(fig)
        fig.canvas.draw()
        for ax in fig.axes:
            labels += [t.get_text() for t in ax.get_yticklabels() + ax.get_xticklabels() if t.get_text()]
        plt.close(fig)
    numeric = [label for label in labels if re.fullmatch(r"[\u2212\-]?[\d.,]+", label)]
    assert any("," in label for label in numeric)  # the ECDF's shares: 0,2 … 1,0
    assert [label for label in numeric if not DUTCH_NUMBER.match(label)] == []
