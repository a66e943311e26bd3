"""Charges (tenlastelegging): articles in free text -> offence groups -> the Table 1 category.

A charge cell lists offences with their articles the way the annex summarises them, e.g.
"mensenhandel (art. 273f Sr) en witwassen (art. 420bis Sr)". We read the articles, not the words:
the words vary between coders, the articles do not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TRAFFICKING = "273f Sr"

# Offence groups in the order of the letter's Table 1 (then the others alphabetically by label).
# The label is what Table 1 prints after "i.c.m.".
_GROUPS: tuple[tuple[str, str], ...] = (
    ("criminele organisatie", "deelneming criminele organisatie (art. 140 Sr)"),
    ("kinderporno", "kinderporno (art. 240b Sr)"),
    ("mensensmokkel", "mensensmokkel (art. 197a Sr)"),
    ("zeden", "zeden (art. 239 e.v. Sr)"),
    ("witwassen", "witwassen (art. 420bis e.v. Sr)"),
    ("valsheid", "valsheid in geschrifte (art. 225 Sr)"),
    ("vrijheidsberoving", "wederrechtelijke vrijheidsberoving (art. 282 Sr)"),
)
GROUP_LABELS: dict[str, str] = dict(_GROUPS)
GROUP_ORDER: tuple[str, ...] = tuple(key for key, _ in _GROUPS)

# Other offences seen in trafficking cases; their group label is their own name.
OTHER_OFFENCES: dict[str, str] = {
    "197b Sr": "uitbuiting illegalen (art. 197b Sr)",
    "248b Sr": "seks met minderjarige tegen betaling (art. 248b Sr)",
    "282a Sr": "gijzeling (art. 282a Sr)",
    "285 Sr": "bedreiging (art. 285 Sr)",
    "287 Sr": "doodslag (art. 287 Sr)",
    "300 Sr": "mishandeling (art. 300 Sr)",
    "302 Sr": "zware mishandeling (art. 302 Sr)",
    "310 Sr": "diefstal (art. 310 Sr)",
    "312 Sr": "diefstal met geweld (art. 312 Sr)",
    "317 Sr": "afpersing (art. 317 Sr)",
    "416 Sr": "heling (art. 416 Sr)",
    "2 Opiumwet": "Opiumwet (art. 2 Opiumwet)",
    "3 Opiumwet": "Opiumwet (art. 3 Opiumwet)",
    "26 WWM": "wapenbezit (art. 26 WWM)",
}

_ARTICLE = re.compile(
    r"\(\s*(?:art(?:ikel)?\.?\s*)?(?P<num>\d+[a-z]*)(?:\s*(?:lid\s*\d+|e\.v\.|,?\s*\w+\s+lid)\s*)*\s+(?P<law>Sr|Opiumwet|WWM)\s*\)",
    re.IGNORECASE,
)

_ZEDEN_MIN, _ZEDEN_MAX = 239, 254


@dataclass(frozen=True)
class Charges:
    """The parsed charges of one defendant."""

    articles: tuple[str, ...]  # e.g. ("273f Sr", "420bis Sr"), in order of appearance, unique
    groups: tuple[str, ...]  # offence groups other than trafficking, canonical order, unique
    unknown_articles: tuple[str, ...]  # articles we have no group for


def _split(article: str) -> tuple[int, str, str]:
    number, law = article.split(" ", 1)
    digits = re.match(r"\d+", number)
    assert digits is not None
    return int(digits.group()), number[digits.end():], law


def group_of(article: str) -> str | None:
    """The offence group key of an article like "420bis Sr", or None when unknown."""
    num, suffix, law = _split(article)
    if law == "Sr":
        if num == 140:
            return "criminele organisatie"
        if num == 240 and suffix == "b":
            return "kinderporno"
        if num == 197 and suffix == "a":
            return "mensensmokkel"
        if num == 420 and suffix in ("bis", "ter", "quater"):
            return "witwassen"
        if num == 225:
            return "valsheid"
        if num == 282 and suffix == "":
            return "vrijheidsberoving"
        if _ZEDEN_MIN <= num <= _ZEDEN_MAX and article not in OTHER_OFFENCES:
            return "zeden"
    if article in OTHER_OFFENCES:
        return OTHER_OFFENCES[article]
    return None


def parse_charges(text: str) -> Charges:
    """Read the articles in a charge text and group them (see module docstring)."""
    articles: list[str] = []
    for match in _ARTICLE.finditer(text or ""):
        law = {"sr": "Sr", "opiumwet": "Opiumwet", "wwm": "WWM"}[match.group("law").lower()]
        article = f"{match.group('num').lower()} {law}"
        if article not in articles:
            articles.append(article)
    groups: list[str] = []
    unknown: list[str] = []
    for article in articles:
        if article == TRAFFICKING:
            continue
        group = group_of(article)
        if group is None:
            unknown.append(article)
            group = f"overig feit (art. {article})"
        if group not in groups:
            groups.append(group)
    return Charges(tuple(articles), sort_groups(groups), tuple(unknown))


def _group_sort_key(group: str) -> tuple[int, str]:
    return (GROUP_ORDER.index(group), "") if group in GROUP_ORDER else (len(GROUP_ORDER), group)


def sort_groups(groups) -> tuple[str, ...]:
    """Unique offence groups in the letter's order (named groups first, then the others by label)."""
    return tuple(sorted(set(groups), key=_group_sort_key))


def group_label(group: str) -> str:
    return GROUP_LABELS.get(group, group)


def combination_label(groups: tuple[str, ...]) -> str:
    """The Table 1 category of a set of co-charged offence groups."""
    if not groups:
        return "enkel mensenhandel (art. 273f Sr)"
    return "i.c.m. " + " en ".join(group_label(g) for g in groups)
