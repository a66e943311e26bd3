"""Charges (tenlastelegging): article citations in free text -> offence groups -> the Table 1 category.

A charge cell lists offences with their articles the way the annex summarises them, e.g.
"mensenhandel (art. 273f Sr) en witwassen (art. 420bis Sr)". We read the articles, not the words:
the words vary between coders, the articles do not.

Reading citations (`read_citations`, `find_articles`) works on a charge cell and on the free text of a verdict alike.
The text is cut into tokens by one regular expression (no nested quantifiers, so linear in the text), and a small
state machine walks the tokens once. Only the stretches around an "art." word or a law name are cut into tokens
(`_citation_tokens`; a whole verdict has few): the walk never crosses an ordinary word, so the rest cannot change
what is read (tested against reading every token). A citation is

    [art. | artikel | artt. | artikelen] ARTICLE (SEPARATOR ARTICLE | QUALIFIER | FILLER)* LAW

for example "art. 273f lid 1 sub 4 Sr", "artikel 273f, eerste lid, aanhef en onder 1°, van het Wetboek van
Strafrecht", "artt. 273f, 140 en 420bis Sr", "art 2 ahf/ond C Opiumwet", "artikel 26, eerste lid, van de Wet
wapens en munitie". Without the word "art." the article must be followed by its law without "van het/de"
("273f Sr", "(273f lid 1 Sr)"), so that "onder 1 van de Wet wapens en munitie" or "2 jaren" are not read.
Brackets do not matter: "(art. 140 Sr" without its closing bracket is read.

Qualifiers (lid, sub, onder, aanhef, ahf/ond, e.v., ordinals such as "eerste lid" or "1°") are skipped. After a
qualifier a small number continues the qualifier ("sub 1 en 4": one article); a number above 20 or with a letter
suffix starts a new article ("lid 1 en 140 Sr": two articles). So "art. 273f lid 1 en 2 Sr" is one article.

Every citation gets a kind: an offence (Book 2 and 3 of the Sr, the Opiumwet, WWM, WVW 1994, WED), the general part
of the Sr (art. 1-91: attempt 45, preparation 46, participation 47, complicity 48, concurrence 57, measures 36f,
38v, ...; these qualify an offence and never become a co-offence), a penalty clause of another law (art. 10 and 11
Opiumwet, art. 55 WWM: they punish art. 2/3 Opiumwet and the WWM prohibitions, they are not an offence of their
own) or a law without offences (BW, Sv, Awb: "artikel 6:162 BW" is read, and not counted). A fragment that looks
like a citation ("art." or "artikel" with a number) but has no known law, or an article number that cannot exist
in its law ("artikel 1:78 Sr"), is returned as unreadable: never guessed, never silently dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

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

_ZEDEN_MIN, _ZEDEN_MAX = 239, 254


# --- reading article citations ------------------------------------------------------------------------------------

OFFENCE = "offence"  # an article that defines an offence: a charge of its own
GENERAL_PART = "general part"  # Book 1 Sr: attempt, participation, concurrence, measures; qualifies an offence
PENALTY_CLAUSE = "penalty clause"  # the article that punishes another article of the same law
NON_CRIMINAL = "non-criminal law"  # a law without offences (civil law, criminal procedure)
KINDS = (OFFENCE, GENERAL_PART, PENALTY_CLAUSE, NON_CRIMINAL)

# Law name as written (regular expression, case-insensitive unless marked (?-i:)) -> canonical abbreviation.
# Longer names first: "Wet wapens en munitie" must win over "wet", "Wegenverkeerswet 1994" over "1994".
_LAW_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"wetboek\s+van\s+strafrecht", "Sr"),
    (r"w\.\s?v\.\s?sr\.?|(?-i:WvSr|Wvsr|WVSR)|sr\.?", "Sr"),
    (r"wetboek\s+van\s+strafvordering|(?-i:WvSv|Sv|SV)\.?", "Sv"),
    (r"opiumwet", "Opiumwet"),
    (r"wet\s+wapens\s+en\s+munitie|(?-i:WWM|Wwm|W\.W\.M\.)", "WWM"),
    (r"wegenverkeers?wet(?:\s+1994)?|(?-i:WVW|WvW|Wvw)(?:\s+1994)?", "WVW 1994"),
    (r"wet\s+op\s+de\s+economische\s+delicten|(?-i:WED)", "WED"),
    (r"burgerlijk\s+wetboek|(?-i:BW)", "BW"),
    (r"algemene\s+wet\s+bestuursrecht|(?-i:Awb)", "Awb"),
    (r"wet\s+op\s+de\s+rechterlijke\s+organisatie|(?-i:Wet\s+RO|RO)", "RO"),
    (r"(?-i:EVRM)", "EVRM"),
)
_NON_CRIMINAL_LAWS = frozenset({"Sv", "BW", "Awb", "RO", "EVRM"})
_PENALTY_CLAUSES = frozenset({"10 Opiumwet", "11 Opiumwet", "55 WWM"})
_SR_GENERAL_PART_MAX = 91  # Book 1 Sr ends at art. 91; Book 2 (misdrijven) starts at 92, Book 3 ends at 487
_SR_MAX = 487
_OTHER_LAW_MAX = 999
# Suffixes of inserted articles: letters (14a, 38v, 77aa) or Latin ordinals (420bis, 161sexies).
_LATIN_SUFFIXES = frozenset({"bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies"})
_SUFFIX = re.compile(r"(?:[a-z]{1,2}|" + "|".join(sorted(_LATIN_SUFFIXES)) + r")?")

_WORD_END = r"(?![^\W\d_])"  # not followed by a letter
_LAW_REGEXES = tuple((re.compile(p, re.IGNORECASE), key) for p, key in _LAW_PATTERNS)
_TOKEN = re.compile(
    r"\s*+(?:" + "|".join((  # leading white space is eaten (possessively) by the next token
        r"(?P<law>(?<![^\W\d_])(?:" + "|".join(p for p, _ in _LAW_PATTERNS) + r")" + _WORD_END + r")",
        r"(?P<art>(?<![^\W\d_])(?:artikelen|artikel|(?:artt|art)" + _WORD_END + r"\.?)" + _WORD_END + r")",
        r"(?P<num>(?<![^\W_])[0-9]+(?::[0-9]+)?[a-z]{0,10}(?P<degree>[°º])?)",
        r"(?P<ev>(?<![^\W\d_])e\.\s?v\.?" + _WORD_END + r")",
        r"(?P<tm>(?<![^\W\d_])t\s?[/.]\s?m\.?" + _WORD_END + r")",
        r"(?P<word>[^\W\d_]{1,40}\.?)",
        r"(?P<other>\S)",
    )) + ")",
    re.IGNORECASE,
)


_QUALIFIER_WORDS = frozenset({"lid", "leden", "sub", "onder", "ond", "ahf", "aanhef", "letter", "onderdeel"})
_LID_WORDS = frozenset({"lid", "leden", "volzin"})
_ORDINAL_WORDS = frozenset({"eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste",
                            "negende", "tiende", "elfde", "twaalfde", "laatste"})
_CONNECTOR_WORDS = frozenset({"en", "of", "jo", "juncto", "tot", "met", "alsmede"})
_FILLER_WORDS = frozenset({"van", "het", "de", "der"})  # "van het Wetboek van Strafrecht"; only after "art."
_CONNECTOR_MARKS = frozenset({",", "/", "-", "–", "&", "°", "º"})
# A number after one of these words is a qualifier or a category, never an article ("onder 1 van de WWM").
_NOT_BEFORE_BARE = _QUALIFIER_WORDS | _ORDINAL_WORDS | {"categorie", "feit", "lijst"}
_ORDINAL_NUMBER = re.compile(r"[0-9]{1,2}(?:e|ste|de)")  # "1e lid", "2de lid", "1ste lid"
_MAX_QUALIFIER_NUMBER = 20  # "sub 1 en 4": a number up to this after a qualifier continues it
_MAX_RUN = 120  # tokens in one citation; longer runs are cut (keeps the walk linear and fragments short)
_MAX_FRAGMENT = 160  # characters of an unreadable fragment kept for the log


@dataclass(frozen=True)
class Citation:
    """One article read from a text, with where it was written."""

    article: str  # canonical: "273f Sr", "2 Opiumwet", "26 WWM", "6:162 BW"
    law: str  # canonical law abbreviation, one of the keys of _LAW_PATTERNS
    kind: str  # one of KINDS
    text: str  # the whole citation as written (whitespace collapsed), e.g. "art. 273f lid 1 sub 4 Sr"
    start: int  # character offsets of the whole citation in the text
    end: int


@dataclass(frozen=True)
class Fragment:
    """Text that looks like an article citation but could not be read."""

    text: str  # whitespace collapsed, cut at _MAX_FRAGMENT characters
    start: int
    end: int
    reason: str  # Dutch, for the log


@dataclass(frozen=True)
class Reading:
    """All citations in a text, in order of appearance, and what could not be read."""

    citations: tuple[Citation, ...]
    unreadable: tuple[Fragment, ...]

    def articles(self, kind: str = OFFENCE) -> tuple[str, ...]:
        """Canonical articles of one kind, unique, in order of appearance."""
        return tuple(dict.fromkeys(c.article for c in self.citations if c.kind == kind))


class _Token(NamedTuple):  # a tuple: the tokens of a whole verdict are many
    kind: str  # law, art, num, ev, tm, word, other
    value: str  # law: canonical law; num: the number as written, lower case; word: lower case without final dot
    start: int
    end: int
    degree: bool = False  # num written with ° ("1°"): always a qualifier, never an article


def _law_of(written: str) -> str:
    return next(key for regex, key in _LAW_REGEXES if regex.fullmatch(written))


def _token(match: re.Match[str]) -> _Token:
    kind = match.lastgroup or "other"
    if kind == "degree":
        kind = "num"
    start, end = match.span(kind)
    written = match.group(kind)
    if kind == "word":
        return _Token("word", written.lower().rstrip("."), start, end)
    if kind == "num":
        return _Token("num", written.rstrip("°º").lower(), start, end, match.group("degree") is not None)
    if kind == "law":
        return _Token("law", _law_of(written), start, end)
    return _Token(kind, written, start, end)


def _tokens(text: str) -> list[_Token]:
    """Every token of the text (the reference for `_citation_tokens`, which reads only what can matter)."""
    # up to the last non-space character: trailing white space would otherwise be rescanned at every position
    return [_token(match) for match in _TOKEN.finditer(text, 0, len(text.rstrip()))]


# Reading only the tokens that can matter. A "barrier" is a word that stops every walk (`_walk` breaks at it) and
# never qualifies the number after it: at a barrier the reading starts afresh, whatever came before. A citation or
# an unreadable fragment needs an "art." word or a law name, so only the stretches between barriers that hold one
# of them are read; the rest of the text (most of a verdict) is never cut into tokens.
_NOT_BARRIER = (_QUALIFIER_WORDS | _LID_WORDS | _ORDINAL_WORDS | _CONNECTOR_WORDS | _FILLER_WORDS | _NOT_BEFORE_BARE
                | _LATIN_SUFFIXES)
# An "art." word or a law name, wherever the tokenizer could read one (a superset: each is then read as a token).
# The lookahead on the first letters lets the regular expression engine skip the other positions fast.
_ANCHOR = re.compile(
    r"(?=[abeorswABEORSW\u017f])(?<![^\W\d_])(?:(?:" + "|".join(p for p, _ in _LAW_PATTERNS) + r")" + _WORD_END
    + r"|(?:artikelen|artikel|(?:artt|art)" + _WORD_END + r"\.?)" + _WORD_END + r")", re.IGNORECASE)
# Words inside a law name (or "e. v.", "t / m") after its first word: a word after white space restarts the
# tokens there unless it can continue such a name (every word of the patterns, generously).
_CONTINUES_NAME = re.compile(r"(?:" + "|".join(sorted(
    {w for p, _ in _LAW_PATTERNS for w in re.findall(r"[a-z]+", p.lower())} | {"e", "v", "t", "m"},
    key=lambda w: (-len(w), w))) + r")" + _WORD_END, re.IGNORECASE)
_WORD_AFTER_SPACE = re.compile(r"(?<=\s)[^\W\d_]")
_LOOK_BACK = 300  # characters searched back from an anchor for a barrier to start at (then further, if none)


def _is_barrier(token: _Token) -> bool:
    return token.kind == "word" and len(token.value) > 1 and token.value not in _NOT_BARRIER


def _restart(text: str, low: int, anchor: int) -> int:
    """Where to start reading tokens for an anchor: the last barrier in text[low:anchor] that surely starts a token
    (a word after white space that cannot continue a law name), else `low` (itself the start of a token)."""
    begin = max(low, anchor - _LOOK_BACK)
    while True:
        for m in reversed(list(_WORD_AFTER_SPACE.finditer(text, begin, anchor))):
            p = m.start()
            if _CONTINUES_NAME.match(text, p):
                continue
            match = _TOKEN.match(text, p)
            if match is not None and match.lastgroup == "word" and _is_barrier(_token(match)):
                return p
        if begin == low:
            return low
        begin = max(low, begin - 4 * _LOOK_BACK)


def _citation_tokens(text: str) -> list[_Token]:
    """The tokens of every stretch of `text` that can hold a citation or a fragment, each from a barrier to the
    next barrier after its anchor; `read_citations` reads the same citations from them as from all tokens."""
    endpos = len(text.rstrip())
    tokens: list[_Token] = []
    position = 0
    while True:
        anchor = _ANCHOR.search(text, position, endpos)
        if anchor is None:
            return tokens
        for match in _TOKEN.finditer(text, _restart(text, position, anchor.start()), endpos):
            token = _token(match)
            tokens.append(token)
            position = token.end
            if token.start > anchor.start() and _is_barrier(token):
                break
        else:
            return tokens


def _kind_of(number: str, law: str) -> str | None:
    """The kind of article `number` of `law`, or None when no such article can exist."""
    book, _, rest = number.rpartition(":")
    digits = re.match(r"[0-9]+", rest)
    if digits is None:
        return None
    value, suffix = int(digits.group()), rest[digits.end():]
    if value == 0 or _SUFFIX.fullmatch(suffix) is None:
        return None
    if law == "BW":  # book:article ("6:162"), or an article of the old BW
        return NON_CRIMINAL if value <= 9999 else None
    if book:
        return None
    if law == "Sr":
        if value > _SR_MAX:
            return None
        return GENERAL_PART if value <= _SR_GENERAL_PART_MAX else OFFENCE
    if value > _OTHER_LAW_MAX:
        return None
    if law in _NON_CRIMINAL_LAWS:
        return NON_CRIMINAL
    return PENALTY_CLAUSE if f"{number} {law}" in _PENALTY_CLAUSES else OFFENCE


def _collapse(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_FRAGMENT else text[: _MAX_FRAGMENT - 1] + "…"


def _walk(tokens: list[_Token], i: int, anchored: bool) -> tuple[int, list[_Token], _Token | None]:
    """Walk one citation from tokens[i] (the "art." word, or the first number when not anchored).

    Returns (index of the first token after the walk, the article-number tokens, the law token or None)."""
    articles: list[_Token] = []
    # qualifier state: None = after an article number; "keyword" = after lid/sub/onder (a value follows);
    # "digit" / "letter" / "ordinal" = after a qualifier value
    state: str | None = None
    j = i + 1 if anchored else i
    end = min(len(tokens), i + _MAX_RUN)
    while j < end:
        token = tokens[j]
        following = tokens[j + 1] if j + 1 < len(tokens) else None
        if token.kind == "law":
            return j + 1, articles, token
        if token.kind == "num":
            ordinal = (_ORDINAL_NUMBER.fullmatch(token.value) is not None and following is not None
                       and following.kind == "word" and following.value in _LID_WORDS)
            if token.degree or ordinal:
                state = "ordinal" if ordinal else "digit"  # "1°", "1e lid"
            elif state == "keyword":
                state = "digit"
            elif state == "digit" and token.value.isdigit() and int(token.value) <= _MAX_QUALIFIER_NUMBER:
                pass
            else:
                articles.append(token)
                state = None
        elif token.kind == "word":
            word = token.value
            if word in _LID_WORDS and state == "ordinal":
                state = None  # "eerste lid": the qualifier is complete
            elif word in _QUALIFIER_WORDS:
                state = "keyword"
            elif word in _ORDINAL_WORDS:
                state = "ordinal"
            elif word in _CONNECTOR_WORDS or (anchored and word in _FILLER_WORDS):
                pass
            elif len(word) == 1 and state in ("keyword", "letter"):
                state = "letter"  # "onder a", "onder B/C"
            elif (len(word) == 1 and state is None and articles and tokens[j - 1] is articles[-1]
                  and articles[-1].value.isdigit() and tokens[j - 1].end < token.start):
                # "art.36 f Sr": a letter suffix written apart
                last = articles[-1]
                articles[-1] = _Token("num", last.value + word, last.start, token.end)
            else:
                break
        elif token.kind == "art":
            if not anchored:
                break  # "273f en art. 140": the "art." starts a citation of its own (and is logged if unreadable)
            state = None  # "artikel 273f en artikel 140 Sr"
        elif token.kind in ("ev", "tm"):
            pass
        elif token.kind == "other" and token.value in _CONNECTOR_MARKS:
            if (token.value == "/" and following is not None and following.kind == "word" and articles
                    and tokens[j - 1] is articles[-1] and following.value in _LATIN_SUFFIXES):
                # "420bis/ter": a second article with the same number and another suffix
                base = re.match(r"[0-9:]+", articles[-1].value)
                assert base is not None
                articles.append(_Token("num", base.group() + following.value, following.start, following.end))
                j += 1
        elif (token.kind == "other" and token.value == "." and following is not None and following.kind == "num"
              and tokens[j - 1].end == token.start and token.end == following.start):
            state = "keyword"  # "344.1.5° Sv": article.lid.sub
        else:
            break
        j += 1
    return j, articles, None


def read_citations(text: str | None) -> Reading:
    """Every article citation in `text` (a charge cell or a whole verdict), with what could not be read.

    Linear in the length of the text. See the module docstring for the forms that are read."""
    if not text:
        return Reading((), ())
    return _read(text, _citation_tokens(text))


def _read(text: str, tokens: list[_Token]) -> Reading:
    citations: list[Citation] = []
    unreadable: list[Fragment] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        previous = tokens[i - 1] if i else None
        if token.kind == "art":
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            if following is None or following.kind not in ("num", "law"):
                i += 1  # "het artikel", "deze artikelen": a word, not a citation
                continue
            anchored = True
        elif (token.kind == "num" and not token.degree
              and not (previous is not None and previous.kind == "word" and previous.value in _NOT_BEFORE_BARE)):
            anchored = False
        else:
            i += 1
            continue
        j, articles, law = _walk(tokens, i, anchored)
        start = token.start
        if law is None:
            if anchored:  # keep the word that stopped the walk: often the unknown law ("van de Grondwet")
                last = tokens[j] if j < len(tokens) and tokens[j].kind == "word" else tokens[j - 1]
                unreadable.append(Fragment(_collapse(text[start:last.end]), start, last.end,
                                           "geen bekende wet bij het artikel"))
            i = max(j, i + 1)
            continue
        end = law.end
        written = _collapse(text[start:end])
        bad = []
        for number in articles:
            kind = _kind_of(number.value, law.value)
            if kind is None:
                bad.append(number.value)
            else:
                citations.append(Citation(f"{number.value} {law.value}", law.value, kind, written, start, end))
        if not articles:
            unreadable.append(Fragment(written, start, end, "geen artikelnummer bij de wet"))
        elif bad:
            unreadable.append(Fragment(written, start, end,
                                       f"artikel {', '.join(bad)} bestaat niet in {law.value}"))
        i = j
    return Reading(tuple(citations), tuple(unreadable))


def find_articles(text: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The offence articles cited in `text` (canonical, unique, in order) and the fragments that could not be read.

    For a verdict reader: pass the tenlastelegging section (or any text); general-part articles (47 Sr), penalty
    clauses and articles of laws without offences are left out of the first tuple, see `read_citations` for them."""
    reading = read_citations(text)
    return reading.articles(OFFENCE), tuple(f.text for f in reading.unreadable)


# --- charges -------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Charges:
    """The parsed charges of one defendant."""

    articles: tuple[str, ...]  # offence articles, e.g. ("273f Sr", "420bis Sr"), in order of appearance, unique
    groups: tuple[str, ...]  # offence groups other than trafficking, canonical order, unique
    unknown_articles: tuple[str, ...]  # offence articles we have no group for
    non_offences: tuple[str, ...] = ()  # read but not an offence: general part Sr (47 Sr), penalty clauses, BW/Sv
    unreadable: tuple[str, ...] = ()  # fragments that look like a citation but could not be read


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
    reading = read_citations(text)
    articles = reading.articles(OFFENCE)
    non_offences = tuple(dict.fromkeys(c.article for c in reading.citations if c.kind != OFFENCE))
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
    return Charges(articles, sort_groups(groups), tuple(unknown), non_offences,
                   tuple(f.text for f in reading.unreadable))


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
