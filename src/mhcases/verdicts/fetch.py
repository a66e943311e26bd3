"""Fetching decisions from the open-data service of the Dutch judiciary (data.rechtspraak.nl).

`fetch_documents` searches `{base_url}/zoeken` by period (`date=` twice: the study period) and subject (area of
law), pages through the Atom results (`from=`, `max=`), keeps the entries whose title or summary mentions a keyword
(the service has no full-text search), and fetches each document once from `{base_url}/content?id=ECLI` into the
cache folder (`ECLI_NL_RBMNE_2021_1.xml`, written atomically). A second run skips every document already in the
cache, so an interrupted run resumes where it stopped. Requests are spaced to at most `requests_per_second`, carry
an identifying User-Agent, and a busy answer (429, 503) is retried after a pause. Without network the run stops with
a Dutch message (`FetchError`), never a traceback.

Uses `requests` (a `requests.Session`, injectable for tests).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd
import requests
from lxml import etree

__all__ = ["FetchSettings", "FetchError", "Entry", "search_entries", "fetch_documents", "cache_name"]

ATOM = "{http://www.w3.org/2005/Atom}"
PAGE_SIZE = 1000  # the service's maximum
_ECLI = re.compile(r"^ECLI:[A-Z]{2}:[A-Z0-9]{1,7}:\d{4}:[A-Z0-9.]{1,25}$")
_RETRY_STATUS = (429, 502, 503, 504)


class FetchError(RuntimeError):
    """The download cannot go on (no network, the service refuses); the message is Dutch."""


@dataclass(frozen=True)
class FetchSettings:
    cache: Path
    period: tuple[dt.date, dt.date]
    base_url: str = "https://data.rechtspraak.nl/uitspraken"
    subject: str = "http://psi.rechtspraak.nl/rechtsgebied#strafrecht"
    keywords: tuple[str, ...] = ()
    requests_per_second: float = 2.0
    user_agent: str = "mhcases/0.1"
    max_documents: int | None = None
    page_size: int = PAGE_SIZE
    timeout: float = 60.0
    retries: int = 3


@dataclass(frozen=True)
class Entry:
    ecli: str
    title: str
    summary: str


def cache_name(ecli: str) -> str:
    """The cache file of a decision: "ECLI:NL:RBMNE:2021:1" -> "ECLI_NL_RBMNE_2021_1.xml"."""
    return ecli.replace(":", "_").replace(".", "-") + ".xml"


class _Client:
    """One session, requests spaced by the rate limit, busy answers retried, errors in Dutch."""

    def __init__(self, settings: FetchSettings, session: requests.Session | None,
                 sleep: Callable[[float], None], clock: Callable[[], float]) -> None:
        self.settings, self.sleep, self.clock = settings, sleep, clock
        self.session = session or requests.Session()
        self.session.headers.update({"User-Agent": settings.user_agent, "Accept": "application/xml"})
        self.interval = 1.0 / settings.requests_per_second
        self.last: float | None = None
        self.host = urlparse(settings.base_url).netloc or settings.base_url

    def get(self, url: str, params: dict | list | None = None) -> requests.Response:
        for attempt in range(1, self.settings.retries + 1):
            if self.last is not None:
                wait = self.interval - (self.clock() - self.last)
                if wait > 0:
                    self.sleep(wait)
            self.last = self.clock()
            try:
                response = self.session.get(url, params=params, timeout=self.settings.timeout)
            except (requests.ConnectionError, requests.Timeout) as error:
                raise FetchError(
                    f"geen verbinding met {self.host} ({type(error).__name__}); controleer de netwerkverbinding, "
                    f"of zet verdicts.documents op een map met uitspraken die u al heeft. Wat al is opgehaald "
                    f"staat in {self.settings.cache} en wordt bij een volgende poging overgeslagen.") from None
            except requests.RequestException as error:
                raise FetchError(f"verzoek aan {self.host} mislukt: {error}") from None
            if response.status_code in _RETRY_STATUS and attempt < self.settings.retries:
                self.sleep(min(60.0, 5.0 * attempt))
                continue
            return response
        raise AssertionError("unreachable")  # pragma: no cover


def _parse_page(content: bytes, url: str) -> list[Entry]:
    try:
        root = etree.fromstring(content, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as error:
        raise FetchError(f"het antwoord van {url} is geen Atom-feed ({error.msg})") from None
    if root.tag != f"{ATOM}feed":
        raise FetchError(f"het antwoord van {url} is geen Atom-feed (element {etree.QName(root).localname})")
    entries = []
    for entry in root.iterfind(f"{ATOM}entry"):
        ecli = (entry.findtext(f"{ATOM}id") or "").strip()
        entries.append(Entry(ecli, (entry.findtext(f"{ATOM}title") or "").strip(),
                             (entry.findtext(f"{ATOM}summary") or "").strip()))
    return entries


def search_entries(client: _Client) -> Iterator[Entry]:
    """Every search result of the period and subject, page by page."""
    settings = client.settings
    offset = 0
    url = settings.base_url.rstrip("/") + "/zoeken"
    while True:
        params = [("type", "Uitspraak"), ("subject", settings.subject),
                  ("date", settings.period[0].isoformat()), ("date", settings.period[1].isoformat()),
                  ("return", "DOC"), ("sort", "ASC"), ("max", str(settings.page_size)), ("from", str(offset))]
        response = client.get(url, params)
        if response.status_code != 200:
            raise FetchError(f"zoeken bij {client.host} gaf HTTP {response.status_code} (vanaf resultaat {offset})")
        page = _parse_page(response.content, url)
        yield from page
        if len(page) < settings.page_size:
            return
        offset += len(page)


def _wanted(entry: Entry, keywords: tuple[str, ...]) -> bool:
    if not keywords:
        return True
    text = f"{entry.title} {entry.summary}".casefold()
    return any(k.casefold() in text for k in keywords)


def _write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def fetch_documents(settings: FetchSettings, session: requests.Session | None = None,
                    logger: logging.Logger | None = None, sleep: Callable[[float], None] = time.sleep,
                    clock: Callable[[], float] = time.monotonic) -> pd.DataFrame:
    """Search, filter and fetch (module docstring); returns one row per search result that was kept:
    `ecli, bestand, status, titel` with status "opgehaald", "al aanwezig" or "fout: …"."""
    cache = Path(settings.cache)
    cache.mkdir(parents=True, exist_ok=True)
    client = _Client(settings, session, sleep, clock)
    rows = []
    searched = 0
    content_url = settings.base_url.rstrip("/") + "/content"
    for entry in search_entries(client):
        searched += 1
        if not _wanted(entry, settings.keywords):
            continue
        if settings.max_documents is not None and len(rows) >= settings.max_documents:
            break
        if not _ECLI.match(entry.ecli):
            rows.append((entry.ecli, "", "fout: geen geldige ECLI in het zoekresultaat", entry.title))
            continue
        target = cache / cache_name(entry.ecli)
        if target.exists() and target.stat().st_size > 0:
            rows.append((entry.ecli, target.name, "al aanwezig", entry.title))
            continue
        response = client.get(content_url, {"id": entry.ecli})
        if response.status_code != 200:
            rows.append((entry.ecli, "", f"fout: HTTP {response.status_code}", entry.title))
            if logger:
                logger.warning("%s: HTTP %d", entry.ecli, response.status_code)
            continue
        if not response.content.lstrip().startswith(b"<"):
            rows.append((entry.ecli, "", "fout: antwoord is geen XML", entry.title))
            continue
        _write_atomic(target, response.content)
        rows.append((entry.ecli, target.name, "opgehaald", entry.title))
        if logger and len(rows) % 50 == 0:
            logger.info("%d documenten verwerkt", len(rows))
    if logger:
        counts = pd.Series([r[2] for r in rows], dtype=str).value_counts().to_dict()
        logger.info("%d zoekresultaten, %d behouden: %s", searched, len(rows), counts)
    return pd.DataFrame(rows, columns=["ecli", "bestand", "status", "titel"], dtype=str)
