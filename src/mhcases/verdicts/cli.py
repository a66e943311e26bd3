"""Command line: `python -m mhcases.verdicts fetch|precode [--config config/config.yaml]` (the same as the
Snakemake rules `fetch_verdicts` and `precode`, for users who do not run Snakemake)."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from pathlib import Path

import yaml

from mhcases.config import ConfigError, validated_config
from mhcases.runner import write_csv
from mhcases.verdicts.fetch import FetchError, FetchSettings, fetch_documents

__all__ = ["settings_from_config", "main"]

SCHEMA = Path(__file__).resolve().parents[3] / "config" / "schema.yaml"


def settings_from_config(fetch: dict, period: dict) -> FetchSettings:
    """FetchSettings from the validated `verdicts.fetch` and `study.period` blocks."""
    return FetchSettings(
        cache=Path(fetch["cache"]),
        period=(dt.date.fromisoformat(period["start"]), dt.date.fromisoformat(period["end"])),
        base_url=fetch["base_url"], subject=fetch["subject"], keywords=tuple(fetch["keywords"]),
        requests_per_second=float(fetch["requests_per_second"]), user_agent=fetch["user_agent"],
        max_documents=fetch["max_documents"])


def _config(path: str) -> dict:
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise ConfigError(f"{path}: niet te lezen ({error})") from None
    return validated_config(raw, SCHEMA if SCHEMA.exists() else Path("config/schema.yaml"), source=path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mhcases.verdicts",
                                     description="Uitspraken ophalen (fetch) of voorcoderen (precode).")
    parser.add_argument("command", choices=("fetch", "precode"))
    parser.add_argument("--config", default="config/config.yaml")
    parser.add_argument("--out", default="results/precode", help="map voor selectie.csv en het codeerblad")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logger = logging.getLogger("mhcases")
    try:
        config = _config(args.config)
        out = Path(args.out)
        if args.command == "fetch":
            result = fetch_documents(settings_from_config(config["verdicts"]["fetch"], config["study"]["period"]),
                                     logger=logger)
            out.mkdir(parents=True, exist_ok=True)
            write_csv(result, out / "opgehaald.csv")  # formula-safe, like every CSV of the build
        else:
            from mhcases.verdicts.precode import precode_folder
            from mhcases.verdicts.workbook import WorkbookWriter
            documents = config["verdicts"]["documents"]
            if documents is None:
                raise ConfigError("verdicts.documents is niet ingesteld: zet de map met uitspraken in de configuratie")
            if not Path(documents).is_dir():
                raise ConfigError(f"verdicts.documents: map {documents!r} bestaat niet")
            period = config["study"]["period"]
            out.mkdir(parents=True, exist_ok=True)
            with WorkbookWriter(out / "codeerblad_voorgecodeerd.xlsx") as writer:
                frame, _ = precode_folder(documents, config["verdicts"]["articles"],
                                          (dt.date.fromisoformat(period["start"]),
                                           dt.date.fromisoformat(period["end"])), logger=logger, sink=writer.add)
            write_csv(frame, out / "selectie.csv")
    except (ConfigError, FetchError) as error:
        print(f"FOUT: {error}", file=sys.stderr)
        return 1
    return 0
