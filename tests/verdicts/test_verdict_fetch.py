"""Fetching from the open-data service, offline: a local HTTP server (pytest-httpserver) serves the real Atom page
(trimmed to six entries, tests/verdicts/search/) and real documents from the fixtures."""

from __future__ import annotations

import datetime as dt
import re
import socket
from pathlib import Path

import pytest
from werkzeug import Response

from mhcases.verdicts.documents import read_document
from mhcases.verdicts.fetch import FetchError, FetchSettings, cache_name, fetch_documents

HERE = Path(__file__).parent
PAGE = (HERE / "search" / "zoeken_strafrecht_2021_page1.atom.xml").read_text(encoding="utf-8")
ENTRIES = re.findall(r"<entry>.*?</entry>", PAGE, flags=re.S)
HEAD, TAIL = PAGE[:PAGE.index("<entry>")], "</feed>"
DOCUMENT = (HERE / "fixtures" / "ECLI_NL_RBHAA_2007_BA1808.xml").read_bytes()
PERIOD = (dt.date(2021, 1, 1), dt.date(2021, 12, 31))


class FakeTime:
    def __init__(self):
        self.now, self.slept = 100.0, []

    def clock(self):
        return self.now

    def sleep(self, seconds):
        self.slept.append(seconds)
        self.now += seconds


def serve(httpserver, page_size, failing=()):
    requests_seen = []

    def search(request):
        requests_seen.append(request)
        start = int(request.args["from"])
        body = HEAD + "".join(ENTRIES[start:start + page_size]) + TAIL
        return Response(body, content_type="application/atom+xml")

    def content(request):
        requests_seen.append(request)
        if request.args["id"] in failing:
            return Response("bezet", status=503)
        return Response(DOCUMENT, content_type="application/xml")

    httpserver.expect_request("/uitspraken/zoeken").respond_with_handler(search)
    httpserver.expect_request("/uitspraken/content").respond_with_handler(content)
    return requests_seen


def settings(httpserver, tmp_path, **changes):
    values = dict(cache=tmp_path / "cache", period=PERIOD, base_url=httpserver.url_for("/uitspraken"),
                  keywords=("mensenhandel",), requests_per_second=2.0, user_agent="mhcases-test/1 (test@example.org)",
                  page_size=4, retries=2)
    return FetchSettings(**{**values, **changes})


def test_pages_through_the_search_and_fetches_the_matching_documents_once(httpserver, tmp_path):
    seen = serve(httpserver, page_size=4)
    fake = FakeTime()
    result = fetch_documents(settings(httpserver, tmp_path), sleep=fake.sleep, clock=fake.clock)
    assert result["ecli"].tolist() == ["ECLI:NL:RBMNE:2021:221", "ECLI:NL:RBMNE:2021:304"]  # summaries: mensenhandel
    assert result["status"].tolist() == ["opgehaald", "opgehaald"]
    searches = [r for r in seen if r.path.endswith("/zoeken")]
    assert [r.args["from"] for r in searches] == ["0", "4"]  # a short second page ends the search
    first = searches[0]
    assert first.args.getlist("date") == ["2021-01-01", "2021-12-31"]
    assert first.args["subject"] == "http://psi.rechtspraak.nl/rechtsgebied#strafrecht"
    assert first.args["max"] == "4" and first.args["type"] == "Uitspraak" and first.args["return"] == "DOC"
    assert all(r.headers["User-Agent"] == "mhcases-test/1 (test@example.org)" for r in seen)
    stored = tmp_path / "cache" / cache_name("ECLI:NL:RBMNE:2021:221")
    assert stored.name == "ECLI_NL_RBMNE_2021_221.xml" and stored.read_bytes() == DOCUMENT
    assert read_document(stored).section("beslissing")  # what is stored is a readable document
    assert not list((tmp_path / "cache").glob(".*"))  # no half-written files
    # polite: four requests, at most two a second
    assert len(seen) == 4 and fake.slept == pytest.approx([0.5, 0.5, 0.5])

    again = fetch_documents(settings(httpserver, tmp_path), sleep=fake.sleep, clock=fake.clock)
    assert again["status"].tolist() == ["al aanwezig", "al aanwezig"]
    assert len([r for r in seen if r.path.endswith("/content")]) == 2  # nothing fetched twice


def test_an_interrupted_run_resumes(httpserver, tmp_path):
    serve(httpserver, page_size=4, failing=("ECLI:NL:RBMNE:2021:304",))
    fake = FakeTime()
    first = fetch_documents(settings(httpserver, tmp_path), sleep=fake.sleep, clock=fake.clock)
    assert first["status"].tolist() == ["opgehaald", "fout: HTTP 503"]  # retried once (retries=2), then reported
    httpserver.clear()
    serve(httpserver, page_size=4)
    second = fetch_documents(settings(httpserver, tmp_path), sleep=fake.sleep, clock=fake.clock)
    assert second["status"].tolist() == ["al aanwezig", "opgehaald"]


def test_no_keywords_fetches_every_result_up_to_the_maximum(httpserver, tmp_path):
    serve(httpserver, page_size=4)
    fake = FakeTime()
    result = fetch_documents(settings(httpserver, tmp_path, keywords=(), max_documents=5),
                             sleep=fake.sleep, clock=fake.clock)
    assert len(result) == 5 and set(result["status"]) == {"opgehaald"}


def test_without_network_a_dutch_message(tmp_path):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = FetchSettings(cache=tmp_path / "cache", period=PERIOD, base_url=f"http://127.0.0.1:{port}/uitspraken",
                           timeout=2)
    with pytest.raises(FetchError) as error:
        fetch_documents(config)
    assert "geen verbinding met 127.0.0.1" in str(error.value) and "verdicts.documents" in str(error.value)


def test_a_page_that_is_not_atom_stops_with_a_message(httpserver, tmp_path):
    httpserver.expect_request("/uitspraken/zoeken").respond_with_data("<html>onderhoud</html>")
    with pytest.raises(FetchError, match="geen Atom-feed"):
        fetch_documents(settings(httpserver, tmp_path), sleep=lambda s: None)
