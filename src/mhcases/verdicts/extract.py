"""Pre-coding one decision: the codebook's columns with the evidence for every value.

`extract_document(doc)` gives one `Coding` per defendant (a first-instance criminal judgment concerns one
defendant) with one `Evidence` per codebook column, in `mhcases.codebook.COLUMNS` order after the two ids.

What is read, and from where:
- ecli, court, decision_date: the document's metadata;
- demand: the account of the prosecutor's demand (the "vordering" sections; else any sentence "De officier van
  justitie heeft gevorderd / vordert / eist …"), cut to the sanctions and read by the phrase parser;
  demands about something else (proof, execution of an earlier sentence, the injured party, seized goods,
  confiscation, pre-trial detention) are left out; more than one different demand is "controleren";
- sentence: the clauses of the beslissing that impose a sanction or change one (the suspended part and the
  probation in clauses of their own), read together by the phrase parser; clauses after a heading or verb on
  another matter (execution of an earlier sentence, the injured party, seized goods, pre-trial detention) are
  left out, and so are the special conditions;
- verdict_trafficking / verdict_other: the acquittal, proof and discharge clauses of the beslissing;
- charges: the articles cited in the tenlastelegging (`mhcases.offences.find_articles`);
- victim_minor / victim_under16 / victim_disabled / exploitation_forms: wording that says so (always to check);
- period_charged_months / period_proven_months: "in (of omstreeks) de periode van <datum> tot en met <datum>" in
  the charge and the finding of proof of a trafficking-only charge.

Nothing is guessed: a value that is not found stays empty ("niet gevonden"). Required yes/no columns that the
text does not settle get the codebook's own value `onbekend` ("de uitspraak zegt het niet"), status
"controleren", so the sheet is valid as it stands and the coder sees what to check.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from mhcases.codebook import COLUMN_NAMES
from mhcases.offences import GROUP_LABELS, OTHER_OFFENCES, TRAFFICKING, find_articles, group_of
from mhcases.phrases import (
    BAN_WORDS,
    COMPENSATION_AFTER_TOT,
    COURT_WORDS,
    DICTUM_VERBS_TEXT,
    RUN_IN_HEADINGS_TEXT,
    SANCTION_TEXT_NOT_BAN,
    SANCTION_TEXT_NOUN,
    SANCTION_TEXT_PART,
    SANCTION_TEXT_TERM,
    SANCTION_TEXT_WORD,
    Sanction,
    acquittal_names_part,
    add_condition_bans,
    ban_codes,
    format_sanction,
    parse_sanction,
)
from mhcases.verdicts.clauses import Clause, quote, split_clauses
from mhcases.verdicts.model import Coding, Document, Evidence

__all__ = ["extract_document", "Decision", "read_decision", "read_demand", "Found"]

AUTO, CHECK, MISSING = "automatisch", "controleren", "niet gevonden"
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_.\-/]+")


@dataclass(frozen=True)
class Found:
    """A value read from the text, with its sanction (for demand and sentence) and its source clauses."""

    value: str | None
    status: str
    clauses: tuple[Clause, ...] = ()
    note: str = ""
    sanction: Sanction | None = None


def _position(section: str, clauses: tuple[Clause, ...] | list[Clause]) -> str:
    if not clauses:
        return ""
    return f"{section}, teken {clauses[0].start}–{clauses[-1].end}"


def _evidence(column: str, found: Found, section: str) -> Evidence:
    return Evidence(column, found.value, found.status, source=quote(list(found.clauses)) if found.clauses else "",
                    position=_position(section, found.clauses), note=found.note)


# --------------------------------------------------------------------------------------------------------------
# The beslissing: which clauses impose the sentence
# --------------------------------------------------------------------------------------------------------------

_F = re.IGNORECASE
_COUNT_LIST = r"\d+(?:\s*(?:,|en)\s*\d+)*"  # the numbers of counts: "2", "1, 3 en 4"
_IMPOSES = re.compile(
    rf"^(?:de\s+{COURT_WORDS}\s+)?(?:en\s+)?(?:veroordee(?:lt|ld)\s+(?:de\s+)?(?:verdachte|veroordeelde|\[verdachte\])(?:(?!\btot\b).)*\btot\b"
    rf"(?!\s+{COMPENSATION_AFTER_TOT})"
    r"|legt\s+(?:aan\s+)?(?:de\s+)?(?:verdachte|veroordeelde)\b.*\bop\b"
    r"|legt\s+op\b"
    r"|gelast\s+(?:de\s+)?plaatsing|(?:gelast|beveelt),?\s+dat\s+(?:de\s+)?(?:verdachte|hij|zij)\b.*\bter\s+beschikking"
    r"|gelast\s+(?:de\s+)?(?:terbeschikkingstelling|tbs)\b"
    r"|(?:beveelt|gelast)\s+dat\s+(?:hij|zij|de\s+verdachte|verdachte|de\s+ter\s+beschikking\s+gestelde)\s+van\s+overheidswege"
    r"|(?:verklaart\s+(?:de\s+)?verdachte\s+)?schuldig(?:verklaring)?\b.*zonder\s+oplegging"
    r"|bepaalt\s+dat\s+(?:aan\s+(?:de\s+)?verdachte\s+)?geen\s+straf|legt\s+(?:aan\s+(?:de\s+)?verdachte\s+)?geen\s+straf"
    # a decision in plain language, addressed to the defendant
    r"|(?:(?:wij|de\s+rechtbank)\s+)?veroorde(?:len|elt|lt)\s+u\s+tot\b)",
    _F,
)
_NOUN_ITEM = re.compile(
    rf"^(?:een\s+|de\s+)?(?:(?:geheel\s+)?(?:on)?voorwaardelijke\s+)?{SANCTION_TEXT_NOUN}\b"
    r"|^(?:\d+|[a-z]+)(?:\s+\(\w+\))?\s+(?:dagen|weken|maanden|jaren|jaar|uren|uur)\s+"
    rf"(?:(?:geheel\s+)?(?:on)?voorwaardelijke\s+)?{SANCTION_TEXT_TERM}\b",
    _F,
)
_MODIFIES = re.compile(r"^(?:en\s+)?(?:(?:bepaalt|beveelt|gelast|stelt|verbindt|met\s+bepaling|met\s+bevel)\b.*"
                       r"(?:niet\s+(?:\w+\s+){0,3}ten\s*uitvoer|proeftijd)|waarvan\b.*\bvoorwaardelijk"
                       r"|met\s+(?:een\s+)?proeftijd\b"
                       # in plain language: "Van die straf hoeft u 6 maanden niet uit te zitten", "Daarvoor geldt een
                       # proeftijd van 3 jaar"
                       r"|van\s+(?:die|deze|de)\s+\w*straf\s+hoeft\s+u\b.*\bniet\s+(?:uit\s+te\s+zitten|te\s+ondergaan)"
                       r"|(?:daarvoor\s+|daarbij\s+|hiervoor\s+)?geldt\s+(?:een\s+)?proeftijd\b)", _F)
_OTHER_MATTER = re.compile(
    r"^(?:en\s+)?(?:gelast\s+(?:de\s+)?tenuitvoerlegging|gelast\s+dat\s+de\s+(?:bij|door|voorwaardelijke)"
    r"|wijst\b|heft\b|schorst\b|verklaart\s+verbeurd|onttrekt|gelast\s+de\s+(?:teruggave|bewaring)"
    r"|veroordeelt\s+(?:de\s+)?(?:verdachte|veroordeelde)\s+(?:(?:voorts|ook|tevens|daarnaast)\s+)?(?:hoofdelijk\s+)?"
    r"(?:tot\s+betaling(?!\s+van\s+een\s+geldboete)|in\s+de\s+kosten)"
    r"|legt\s+(?:aan\s+)?(?:de\s+)?(?:verdachte|veroordeelde)\s+(?:de\s+)?(?:hoofdelijke\s+)?verplichting"
    r"|verklaart\s+(?:de\s+)?benadeelde|bepaalt\s+dat\s+bij\s+voldoening|stelt\s+(?:het\s+)?bedrag"
    r"|legt\b[^;]*?\b(?:verplichting|schadevergoedingsmaatregel)\b|(?:beslissing\s+op\s+de\s+)?vordering\b"
    r"|verlengt\b)",
    _F,
)
_CONDITIONS = re.compile(r"^(?:en\s+)?(?:stelt\s+als\s+(?:algemene\s+|bijzondere\s+)?voorwaarde"
                         r"|als\s+(?:algemene\s+|bijzondere\s+)?voorwaarden?\s+(?:gelden|geldt)"
                         r"|verstaat\s+dat\s+van\s+rechtswege|(?:de|die)\s+(?:bijzondere\s+)?voorwaarden\s+zijn\b)", _F)
_CONDITION_HEADING = re.compile(r"^(?:meldplicht|" + "|".join(BAN_WORDS) + r"|behandeling|opname|dagbesteding"
                                r"|toezicht|middelengebruik|alcohol|drugs|begeleid wonen|elektronische monitoring"
                                r"|enkelband|reclasseringstoezicht|ambulante)\b", _F)
# "... zich niet aan de volgende voorwaarden heeft gehouden:", "... de navolgende bijzondere voorwaarden niet heeft
# nageleefd:": the clause introduces the list of conditions (a few words, then the colon that opens the list)
_LISTS_CONDITIONS = re.compile(r"\b(?:na)?volgende\s+(?:algemene\s+|bijzondere\s+)?voorwaarden?"
                               r"(?:\s*:?\s*[;.]?|(?:\s+[^\s;:.]+){1,5}\s*:\s*)$",  # "... voorwaarden niet heeft nageleefd:"
                               _F)
_TBS_CONDITIONS = re.compile(r"terbeschikkinggestelde|ter\s+beschikking\s+gestelde", _F)
_TBS_WORD = re.compile(r"ter\s+beschikking|terbeschikkingstelling|\btbs\b", _F)
_SENTENCE_HEADING = re.compile(r"^(?:oplegging\s+(?:van\s+)?(?:straf|maatregel)|straf(?:oplegging|fen)?\b|"
                               r"maatregel(?:en)?\b|straffen\s+en\s+maatregelen|jeugd)", _F)
_DEDUCTION = re.compile(r"in\s+mindering", _F)
_DICTUM_HEADING = re.compile(r"^[ \t]*(?:\d{1,2}\.?[ \t]*)?(?:de[ \t]+)?beslissing[ \t]*:?[ \t]*$", re.M | re.I)
# a sub-heading of the dictum run into its first clause (the heading line joined to the clause after it)
_RUN_IN = re.compile(
    # (also the court as the clause's subject: "De politierechter heft het bevel tot voorlopige hechtenis op")
    rf"^(?:{RUN_IN_HEADINGS_TEXT}|de\s+{COURT_WORDS}"
    r"|strafbaarheid(?:\s+van\s+(?:het\s+feit|de\s+feiten|verdachte))?|kwalificatie"
    r"|benadeelde\s+partij(?:en)?|voorlopige\s+hechtenis)"
    r"(?:\s+(?:ter\s+zake\s+van|voor|wegens)\s+(?:de\s+|het\s+)?(?:onder\s+)?(?:feit(?:en)?\s+)?\d+(?:(?:,\s*|\s+en\s+)\d+)*)?"
    rf"\s*(?::|\s-)?\s+(?=(?:en\s+)?{DICTUM_VERBS_TEXT}\w*\b)", _F)
_DICTUM_OPENING = re.compile(rf"^[ \t]*(?:(?:de[ \t]+)?{COURT_WORDS}[ \t]*:"
                             # the question heading of a decision in plain language
                             r"|wat[ \t]+(?:is[ \t]+(?:onze|de)[ \t]+beslissing|beslissen[ \t]+wij|beslist[ \t]+de[ \t]+"
                             rf"{COURT_WORDS})[ \t]*\?)[ \t]*$", re.M | re.I)
_38V = re.compile(r"beperking\s+van\s+de\s+vrijheid|vrijheidsbeperkende|38v", _F)
_38V_DETAIL = re.compile(r"^(?:en\s+)?(?:beveelt|bepaalt|gelast)\b(?!.*\bvervang).*(?:contact|ophoud|\bhoudt\b|bevind|begeef|"
                         r"begeven|betre|gebied|locatie)", _F)
# an acquittal that says it is of a part only, whatever else the dictum holds: an element, a victim, "voor zover"
# ("spreekt verdachte vrij van het bestanddeel dwang", "... ten aanzien van [slachtoffer 2]")
_ACQUITS_A_PART = re.compile(r"\bbestanddeel|\bten\s+aanzien\s+van\s+(?:\[|(?:het\s+)?slachtoffer|aangeefster|aangever)"
                             r"|\bvoor\s+zover\b|\bvoor\s+wat\s+betreft\b", _F)
_ACQUIT = re.compile(r"\bspreekt\b.*\bvrij\b|\bvrijspraak\b|\bspreken\s+wij\s+u\b.*\bvrij\b|\bwij\s+spreken\s+u\b.*\bvrij\b", _F)
_MORE_OR_OTHER = re.compile(r"meer\s+of\s+anders|\boverigens\b|voor\s+het\s+overige|\bhet\s+meerdere\b|voor\s+de\s+rest\b", _F)
_PROVEN = re.compile(r"\bverklaart\b(?:(?!\bniet\b).)*\bbewezen\b|\bverklaart\s+bewezen\b", _F)
_DISCHARGE = re.compile(r"\bontslaat\b.*\brechtsvervolging\b", _F)
_MENSENHANDEL = re.compile(r"mensenhandel|273f", _F)
# a clause that names a sanction but was not read: the sentence needs checking (the words: mhcases.phrases)
_SANCTION_WORD = re.compile(rf"\b{SANCTION_TEXT_WORD}\b", _F)
# a condition that names its ban ("... contact zal hebben met [slachtoffer] (contactverbod)") is still a condition;
# one that names another sanction is not
_SANCTION_NOT_BAN = re.compile(rf"\b{SANCTION_TEXT_NOT_BAN}\b", _F)
_HARMLESS = re.compile(r"in\s+mindering|vervang|tenuitvoerlegging\s+kan|\bbewezen|strafbaar|voorwaarde|reclassering"
                       r"|toepassing\s+van|dadelijk\s+uitvoerbaar|proeftijd|tussentijds|toets"
                       # art. 38e Sr: the tbs is imposed for an offence against the body (its length is not capped)
                       r"|onaantastbaarheid\s+van\s+(?:het\s+)?lichaam"
                       r"|beoordeel", _F)


@dataclass(frozen=True)
class Decision:
    """What the beslissing says about this defendant."""

    sentence: Found
    acquittal: str  # "geen", "partieel", "volledig"; "" when there is no beslissing
    acquittal_clauses: tuple[Clause, ...]
    proven_clauses: tuple[Clause, ...]
    discharge_clauses: tuple[Clause, ...]
    section_found: bool
    excluded: tuple[Clause, ...]  # clauses left out as another matter (for the note)


def _beslissing(doc: Document):
    sections = doc.section("beslissing")
    return sections[-1] if sections else None


def _sanction_value(sanction: Sanction, span: str) -> tuple[str | None, str, str]:
    """The cell value, status and note for a parsed span."""
    if sanction.status == "unparsed":
        return span, CHECK, f"niet volledig te lezen: {sanction.reason}; de tekst staat in de cel, vul de strafzin in"
    if sanction.status == "unknown":
        return None, MISSING, ""
    try:
        return format_sanction(sanction), AUTO, ""
    except ValueError as exc:
        return span, CHECK, f"niet in de vormen van het codeboek te schrijven ({exc})"


_SUMMARY_SPAN = re.compile(r"(?:(?:on)?voorwaardelijke\s+)?(?:gevangenisstraf|jeugddetentie)[^.;]*", _F)


def _summary_disagrees(summary: str, sanction: Sanction) -> str | None:
    """A detention in the inhoudsindicatie whose total differs from the one read from the beslissing."""
    if sanction.status != "parsed" or sanction.total_detention_months is None:
        return None
    for m in _SUMMARY_SPAN.finditer(summary):
        if re.search(r"\b(?:geëist|gevorderd|eis|eiste|vorderde)\b", summary[max(0, m.start() - 80):m.end() + 40], _F):
            continue  # the demand, not the sentence
        other = parse_sanction(m.group(0))
        if other.status != "parsed" or other.detention_kind != sanction.detention_kind:
            continue
        total_differs = (other.total_detention_months is not None
                         and abs(other.total_detention_months - sanction.total_detention_months) > 1e-6)
        suspended_differs = (other.conditional_months is not None
                             and abs(other.conditional_months - (sanction.conditional_months or 0.0)) > 1e-6)
        if total_differs or suspended_differs:
            return m.group(0)[:120]
    return None


def read_decision(doc: Document) -> Decision:
    """The sentence and the acquittals of the beslissing (see the module docstring)."""
    section = _beslissing(doc)
    fallback = False
    if section is None:
        heading = None
        for m in _DICTUM_HEADING.finditer(doc.text):
            heading = m
        if heading is None and not doc.sections:
            # no headings at all (a proces-verbaal with the oral judgment): the dictum after the last "De rechtbank:"
            for m in _DICTUM_OPENING.finditer(doc.text):
                heading = m
        if heading is None:
            empty = Found("onbekend", CHECK, note="geen beslissing (dictum) gevonden in de uitspraak; 'onbekend' tot "
                                                  "de codeur de straf invult", sanction=parse_sanction(None))
            return Decision(empty, "", (), (), (), False, ())
        fallback = True
        clauses = split_clauses(doc.text[heading.end():], heading.end())
    else:
        clauses = split_clauses(section.text, section.start)
    mode = None  # "sentence", "conditions", "other"
    used: list[Clause] = []
    unread: list[Clause] = []
    excluded: list[Clause] = []
    acquittals: list[Clause] = []
    proven: list[Clause] = []
    discharges: list[Clause] = []
    bans: list[tuple[Clause, tuple[str, ...]]] = []  # contact/area bans among the special conditions (codebook 8.2)
    conditions_of = ""  # "suspended" (art. 14c Sr) or "tbs" (the conditions of a tbs, not bans of their own)
    for c in clauses:
        run_in = _RUN_IN.match(c.text)  # a sub-heading run into its first clause: "Straf ter zake van feit 3 veroordeelt"
        text = c.text[run_in.end():] if run_in else c.text
        # the bans a condition states (codebook 8.2), read once per clause and only where they can count
        codes = ban_codes(text) if mode == "conditions" and (c.heading or conditions_of == "suspended") else None
        if c.heading:
            if mode == "conditions" and (codes or _CONDITION_HEADING.match(text)):
                if conditions_of == "suspended" and codes:
                    bans.append((c, codes))
                continue  # "contactverbod" over a condition: still the conditions
            mode = "sentence" if _SENTENCE_HEADING.match(text) else "other"
            continue
        if _OTHER_MATTER.match(text):
            mode = "other"
            excluded.append(c)
            continue
        if _IMPOSES.match(text):
            mode = "measure" if _38V.search(text) else "sentence"
            used.append(c)
            continue
        if mode == "measure" and _38V_DETAIL.match(text):
            used.append(c)
            continue
        if _CONDITIONS.match(text):
            if mode == "sentence":
                mode = "conditions"
                tbs = _TBS_CONDITIONS.search(text) or (used and _TBS_WORD.search(used[-1].text))
                conditions_of = "tbs" if tbs else "suspended"
            if mode == "conditions" and conditions_of == "suspended":
                codes = ban_codes(text) if codes is None else codes  # the clause that opened the conditions
                if codes:
                    bans.append((c, codes))
            continue
        if mode == "conditions" and conditions_of == "suspended" and codes and not _SANCTION_NOT_BAN.search(text):
            bans.append((c, codes))
            continue
        if _DISCHARGE.search(text):
            discharges.append(c)
            continue
        if _ACQUIT.search(text):
            if not _MORE_OR_OTHER.search(text):
                acquittals.append(c)
            if _PROVEN.search(text.split("spreekt")[0]) and "niet bewezen" not in text.lower():
                proven.append(c)
            continue
        if _PROVEN.search(text):
            proven.append(c)
            continue
        if mode in (None, "sentence", "conditions", "measure") and _NOUN_ITEM.match(text):
            mode = "sentence"
            used.append(c)
            continue
        if mode == "sentence" and _DEDUCTION.search(text):
            continue
        if mode in ("sentence", "conditions", "measure") and _MODIFIES.search(text):
            mode = "sentence"
            used.append(c)
            if _LISTS_CONDITIONS.search(text):
                mode, conditions_of = "conditions", "suspended"
            continue
        if mode in (None, "sentence", "measure") and (
                (_SANCTION_WORD.search(text) and not _HARMLESS.search(text))
                or (used and ban_codes(text))):  # a ban in words outside a list of conditions the reader knows
            unread.append(c)
    # a bare "veroordeelt verdachte tot:" introduces the list that follows
    spans = [c for c in used if not re.fullmatch(r"(?:en\s+)?veroordeelt\s+(?:de\s+)?verdachte\b[^;:]{0,40}?\btot\s*:?\s*[;.]?",
                                                   c.text, _F)]
    if acquittals and not proven and not spans and not any(_ACQUITS_A_PART.search(c.text) for c in acquittals):
        acquittal = "volledig"
    elif acquittals:
        acquittal = "partieel"
    else:
        acquittal = "geen"
    if spans:
        span = "; ".join(c.text.rstrip(" ;.") for c in spans)
        sanction = parse_sanction(span)
        value, status, note = _sanction_value(sanction, span)
        if sanction.status in ("acquittal", "discharge"):
            value, status = format_sanction(sanction), AUTO
        if bans and sanction.status == "parsed":
            # the parser's rule for bans among the special conditions (codebook 8.2), for conditions in clauses of
            # their own
            with_bans = add_condition_bans(sanction, [code for _c, found in bans for code in found])
            if with_bans.status == "parsed":
                sanction = with_bans
                value = format_sanction(sanction) if status == AUTO else value
                spans = spans + [b for b, _codes in bans]
            else:
                status = CHECK
                note = "; ".join(filter(None, [note, with_bans.reason]))
        if sanction.conditional_months is not None and sanction.probation_months is None and status == AUTO:
            status, note = CHECK, "voorwaardelijk deel zonder proeftijd in de gelezen zinnen: proeftijd nagaan"
        if unread:
            status = CHECK
            note = "; ".join(filter(None, [note, "niet gelezen zin(nen) met een straf of maatregel: "
                                           + " | ".join(c.text[:120] for c in unread[:3])]))
        sentence = Found(value, status, tuple(spans), note, sanction)
    elif acquittals and acquittal == "volledig":
        sentence = Found("vrijspraak", AUTO, tuple(acquittals), "vrijgesproken van alle ten laste gelegde feiten",
                         parse_sanction("vrijspraak"))
    elif discharges and not proven:
        sentence = Found("vrijspraak", CHECK, tuple(discharges + acquittals),
                         "ontslag van alle rechtsvervolging zonder straf: het codeboek codeert dan 'vrijspraak'",
                         parse_sanction("vrijspraak"))
    elif discharges and not unread:
        # proven, but discharged (and perhaps acquitted of the rest), no punishment: the codebook codes the sentence
        # "vrijspraak" ("als de verdachte van álle feiten is vrijgesproken (of alleen ontslag volgt)", §6.18)
        sentence = Found("vrijspraak", CHECK, tuple(discharges + acquittals),
                         "bewezen, maar ontslag van alle rechtsvervolging en geen straf gevonden: het codeboek codeert dan "
                         "'vrijspraak'; nagaan of het ontslag alle bewezen feiten betreft", parse_sanction("vrijspraak"))
    else:
        note = "geen strafoplegging gevonden in de beslissing; 'onbekend' tot de codeur de straf invult"
        if excluded:
            note += " (wel: " + "; ".join(c.text[:80] for c in excluded[:2]) + ")"
        sentence = Found("onbekend", CHECK, (), note, parse_sanction(None))
    if sentence.status == AUTO and sentence.sanction is not None and doc.summary:
        other = _summary_disagrees(doc.summary, sentence.sanction)
        if other:
            sentence = Found(sentence.value, CHECK, sentence.clauses,
                             "; ".join(filter(None, [sentence.note, f"de inhoudsindicatie noemt een andere straf: '{other}'"])),
                             sentence.sanction)
    if fallback and sentence.status == AUTO:
        sentence = Found(sentence.value, CHECK, sentence.clauses,
                         "; ".join(filter(None, [sentence.note, "geen beslissing-sectie herkend: gelezen na de laatste "
                                                 f"regel '{heading.group(0).strip()}' in de tekst"])), sentence.sanction)
    return Decision(sentence, acquittal, tuple(acquittals), tuple(proven), tuple(discharges), True, tuple(excluded))


# --------------------------------------------------------------------------------------------------------------
# The demand
# --------------------------------------------------------------------------------------------------------------

_DEMAND_VERB = re.compile(
    r"(?:officier(?:en)?\s+van\s+justitie|advocaat-generaal|openbaar\s+ministerie|\bovj\b|\bom\b)[^;]{0,240}?"
    r"\b(?:(?:heeft|hebben|had|hadden)\b[^;]{0,240}?\b(?:gevorderd|geëist|gerekwireerd|gerequireerd)|vorder(?:t|en)|eisen|eist|requireert"
    r"|rekwireert|strek(?:t|ken)\s+tot"
    r"|(?<=justitie\s)(?:gevorderd|geëist)"
    r"|vind(?:t|en)\s+dat|stel(?:t|len)\s+voor)\b",
    _F,
)
_DEMAND_MORE = re.compile(r"^(?:daarnaast|voorts|verder|tevens|ook|bovendien)\b[^.;]*\b(?:vordert|eist|gevorderd|geëist"
                          r"|vindt)\b", _F)
# the words of a revised demand: "de eis bijgesteld", "haar vordering verlaagd"
_REVISION = r"\b(?:eis|vordering|strafeis)\s+(?:\w+\s+){0,2}?(?:bijgesteld|gewijzigd|aangepast|verlaagd|verhoogd)"
_DEMAND_START = re.compile(
    r"(?:te\s+veroordelen\s+tot|(?:zal|zou|moet)\s+(?:worden\s+veroordeeld|veroordelen)\s+tot|wordt\s+veroordeeld\s+tot"
    r"|veroordeling\s+van\s+(?:de\s+)?verdachte\s+tot|op\s+te\s+leggen:?|wordt\s+opgelegd:?|oplegging\s+van"
    r"|gevorderd:|geëist:|vordert:|eist:|vordert\s+(?:(?:thans|nu|alsnog|uiteindelijk)\s+)?(?:dat\s+)?(?=een\b|de\b)"
    r"|eist\s+(?:tegen\s+(?:de\s+)?verdachte\s+)?(?=een\b|de\b)"
    # the court as the demanded order's subject, the count before the verb: "(dat de rechtbank verdachte vrijspreekt
    # van het onder 1 ten laste gelegde en) hem voor feit 2 veroordeelt tot"
    r"|\b(?:hem|haar|verdachte|\[verdachte\])\s+(?:(?:voor|wegens|ter\s+zake\s+van)\s+(?:het\s+|de\s+)?(?:onder\s+)?"
    r"(?:feit(?:en)?\s+)?" + _COUNT_LIST + r"(?:\s+(?:ten\s+laste\s+gelegde|bewezen\s?verklaarde))?\s+)?"
    r"veroordeelt\s+tot"
    r"|(?:gevorderd|geëist)\s+(?=een\b)"
    # a revised demand in the same sentence: "(heeft) de eis bijgesteld tot een gevangenisstraf van ..."
    rf"|{_REVISION}\s+(?:tot|naar|in)(?=\s+(?:een|de)\b))\s*",
    _F,
)
_MORE_TAIL = re.compile(
    r"^.*?\b(?:vordert|eist|gevorderd|geëist|vindt)\b(?:\s+(?:de\s+officier\s+van\s+justitie|zij|hij|het\s+openbaar\s+ministerie))?"
    r"(?:\s+(?:aan\s+(?:de\s+)?verdachte\s+)?op\s+te\s+leggen)?\s*(?:de\s+oplegging\s+van\s+)?", _F)
_DEMAND_ACQUITTAL = re.compile(r"\bvrijspraak\b|\bvrij\s+te\s+spreken\b", _F)
_DEMAND_OTHER = re.compile(
    r"tenuitvoerlegging|ten\s+uitvoer|benadeelde|verbeurd|ontneming|wederrechtelijk\s+verkregen|schadevergoeding"
    r"|voorlopige\s+hechtenis|bewezen\s+te\s+verklaren|bewezenverklaring|niet-ontvankelijk|teruggave|bewaring",
    _F,
)
# this demand's own suspended part, no other order: "(waarvan 4 maanden) niet ten uitvoer wordt gelegd", "(die) ten
# uitvoer wordt gelegd als verdachte zich niet aan de voorwaarden houdt"
_OWN_SUSPENSION = re.compile(r"\bniet\s+ten\s+uitvoer\b|\bten\s+uitvoer\s+(?:wordt|zal\s+worden)\s+gelegd\s+"
                             r"(?:als|indien|wanneer|zodra)\b", _F)
_NOT_THE_DEMAND_SPEAKER = (r"verdediging|raadsman|raadsvrouw|advocaat|\brechtbank\b|bepleit|verzoekt|\bin\s+mindering"
                           # what was not demanded: "Een maatregel heeft zij niet gevorderd, omdat ..."
                           r"|\bniet\s+(?:gevorderd|geëist|geeist)\b")
_NOT_THE_DEMAND = re.compile(_NOT_THE_DEMAND_SPEAKER + r"|voorwaarde|reclassering|vervang", _F)
# in the prosecutor's own sentence with a demand's verb, conditions and their substitute are part of the demand
_NOT_THE_PROSECUTORS_DEMAND = re.compile(_NOT_THE_DEMAND_SPEAKER, _F)
_PROSECUTOR_WORD = re.compile(r"officier(?:en)?\s+van\s+justitie|advocaat-generaal|openbaar\s+ministerie", _F)
_HAS_SANCTION = re.compile(SANCTION_TEXT_PART, _F)
_ITEM_SKIP = re.compile(r"^(?:bewezenverklaring|vrijspraak\s+van|verbeurdverklaring|onttrekking|teruggave|"
                        r"toewijzing|afwijzing|niet-ontvankelijk|de\s+vordering|opheffing|schorsing)", _F)


# a demanded finding of proof and then the sentence, in one item of the demand's list
_PROOF_THEN_SENTENCE = re.compile(r"^bewezenverklaring\b[^;]*?\ben\s+(?:tot\s+)?veroordeling\s+van\s+(?:de\s+)?verdachte\s+tot\s+",
                                  _F)
_DEMAND_INNER = re.compile(r"\b(?:heeft|hebben)\s+(?:(?:de\s+)?(?:officier(?:en)?\s+van\s+justitie|advocaat-generaal|zij|hij)\s+)?"
                           r"(?:(?:ter\s+(?:terechtzitting|zitting)|tegen\s+(?:de\s+)?verdachte)\s+)?"
                           # the counts the demand is for: "voor beide feiten", "voor feit 1 en 2", "voor het onder 1"
                           r"(?:voor\s+(?:het\s+)?(?:beide\s+|alle\s+|de\s+)?(?:feiten|feit|onder)"
                           r"(?:\s+" + _COUNT_LIST + r")?(?:\s+ten\s+laste\s+gelegde)?\s+)?"
                           r"(?P<s>(?:een|de)\s[^;]*?)\s+(?:gevorderd|geëist|geeist|gerekwireerd)\b", _F)
# the sanction goes on after the verb: "heeft een gevangenisstraf van 2 jaar geëist, waarvan 6 maanden voorwaardelijk"
# (the rest goes to the parser, which marks what it cannot read; never a part of the sanction silently dropped)
_DEMAND_INNER_MORE = re.compile(r"\s*,\s*(?=[^;]*\b(?:waarvan|(?:on)?voorwaardelijke?|proeftijd|aftrek)\b)[^;]*", _F)
_DEMAND_END = re.compile(r"\s+(?:moet\s+krijgen|moet\s+worden\s+opgelegd|opgelegd\s+moet\s+worden|krijgt)\s*[.;]?\s*$", _F)
_DEMAND_NOUN_START = re.compile(r"\b(?:dat\s+(?:de\s+)?(?:verdachte|\[verdachte\]|hij|zij)\s+)(?=(?:een|de)\s)", _F)


_OBJECT_FIRST = re.compile(r"op\s+te\s+leggen", _F)
_TO_DEFENDANT = re.compile(r"^(?:aan|tegen)\s+(?:de\s+)?(?:verdachte|\[verdachte\]|hem|haar)\s+", _F)


def _demand_tail(clause: Clause) -> str | None:
    text = clause.text
    m = _DEMAND_START.search(text)
    if m is None:
        inner = _DEMAND_INNER.search(text)  # "heeft een gevangenisstraf van 3 jaar geëist"
        if inner is not None and _HAS_SANCTION.search(inner.group("s")):
            more = _DEMAND_INNER_MORE.match(text, inner.end())
            return (inner.group("s") + (more.group(0) if more is not None else "")).strip(" :;.")
        end = _DEMAND_END.search(text)
        start = _DEMAND_NOUN_START.search(text)
        if end is None or start is None:  # "... vindt dat verdachte een taakstraf van 100 uur moet krijgen"
            return None
        return text[start.end():end.start()].strip(" :;.")
    after = _DEMAND_END.sub("", text[m.end():]).strip(" :;.")
    verb = _DEMAND_VERB.search(text, 0, m.start())
    if verb is not None and _OBJECT_FIRST.match(m.group(0)):
        # the object before the infinitive: "heeft gevorderd (aan verdachte) de maatregel ... op te leggen voor de duur
        # van twee jaren"
        before = _TO_DEFENDANT.sub("", text[verb.end():m.start()].strip(" :,"))
        if _HAS_SANCTION.search(before) and not _DEMAND_OTHER.search(before):
            return (before + (" " + after if after else "")).strip(" :;.")
    return after


_CO_DEFENDANT = re.compile(r"\bmedeverdachten?\b|\bmededaders?\b|\bmedeverdachte\s+\[", _F)
# the prosecutor as the subject of a sentence ("De officier van justitie heeft ...", "Na het pleidooi heeft de officier
# van justitie ..."), or a heading that names the prosecutor's position: a following "Zij heeft gevorderd ..." is hers
_PROSECUTOR_SUBJECT = re.compile(
    r"^(?:[^,;]{0,60}?\b(?:heeft|hebben|is|vordert|eist|stelt)\s+)?(?:het\s+standpunt\s+van\s+)?(?:de\s+|het\s+)?"
    r"(?:officier(?:en)?\s+van\s+justitie|advocaat-generaal|openbaar\s+ministerie)\b", _F)
# "Zij ...", or the pronoun after a fronted phrase ("Na het pleidooi heeft zij ...")
_PRONOUN = re.compile(r"^(?:zij|hij)\b|^[^,;]{0,80}?\b(?:heeft|had|is|was|vordert|eist)\s+(?:zij|hij)\b"
                      # the pronoun after a fronted subordinate clause, commas and all ("Nadat ..., heeft zij ...")
                      r"|^(?:nadat|nu|toen|omdat|aangezien|zodra|gelet\s+op)\b[^;.]{0,200}?,\s*"
                      r"(?:heeft|had|is|was|vordert|eist)\s+(?:zij|hij)\b", _F)
_PRONOUN_DEMAND = re.compile(
    # the counts fronted before the verb: "Voor feit 2 heeft zij gevorderd ...", "Voor de feiten 2 en 3 vordert hij ..."
    r"^(?:voor\s+(?:het\s+|de\s+)?(?:feit(?:en)?|onder)\s+" + _COUNT_LIST + r"(?:\s+ten\s+laste\s+gelegde)?"
    r"\s+(?:heeft\s+(?:zij|hij)\s+(?:gevorderd|geëist)|vordert\s+(?:zij|hij)|eist\s+(?:zij|hij))\b)"
    r"|^(?:zij|hij)\s+(?:(?:heeft|hebben)\s+(?:(?:toen|vervolgens|daarop|nadien|daarna|ten\s+slotte|tot\s+slot|dan\s+ook"
    r"|daarom|uiteindelijk)\s+)?(?:gevorderd|geëist|gerequireerd|gerekwireerd)|vordert|eist)\b", _F)


# "daarvan" after a count named before it in the sentence ("dat feit 1 niet bewezen kan worden en heeft gevorderd
# verdachte daarvan vrij te spreken"): the acquittal of that count, a part
_BACK_TO_A_COUNT = re.compile(r"\b(?:onder|feit(?:en)?)\s+\d[^;]*\bdaarvan\b", _F)
_NEXT_OBJECT = re.compile(r",|\s+en\s+dat\s", _F)
_Candidate = tuple[str, tuple[Clause, ...], Sanction]  # a demand's sanction text, its source clauses and its parse
_CASE_ENDS = ("acquittal", "discharge")


def _demand_candidates(clauses: list[Clause]) -> list[_Candidate]:
    """(sanction text, source clauses, parse) per demand found in `clauses`."""
    found: list[tuple[str, tuple[Clause, ...]]] = []
    known: dict[str, Sanction] = {}  # the texts parsed on the way, so that none is parsed twice
    prosecutor = False  # the prosecutor is the subject of the sentences just read
    i = 0
    while i < len(clauses):
        c = clauses[i]
        verb = _DEMAND_VERB.search(c.text)
        if verb is None and prosecutor:
            verb = _PRONOUN_DEMAND.match(c.text)  # "Zij heeft (toen) gevorderd dat ..."
        # the subject carries on in a pronoun, and through the clauses of one sentence ("...; daarvan vordert zij ...")
        continues = i > 0 and clauses[i - 1].text.rstrip().endswith((";", ","))
        prosecutor = bool(_PROSECUTOR_SUBJECT.match(c.text)) or (prosecutor and (bool(_PRONOUN.match(c.text))
                                                                              or continues))
        more = _DEMAND_MORE.match(c.text)
        if _CO_DEFENDANT.search(c.text):
            prosecutor = False  # and a pronoun after it points at the co-defendant's prosecutor, not ours
            verb = more = None  # the demand against a co-defendant is not this defendant's
        if verb is None and more is None:
            i += 1
            continue
        after = c.text[(verb.end() if verb else 0):]
        parts: list[str] = []
        sources = [c]
        if more is not None and found:  # "Daarnaast vordert de officier van justitie een werkstraf ..."
            inner = _DEMAND_INNER.search(c.text)
            rest = (inner.group("s") if inner is not None and _HAS_SANCTION.search(inner.group("s"))
                    else _MORE_TAIL.sub("", c.text[more.start():], count=1)).strip(" :;.")
            rest = _DEMAND_END.sub("", rest)
            rest = re.sub(r"^(?:dat\s+(?:de\s+)?(?:verdachte|\[verdachte\]|hij|zij)\s+)", "", rest, flags=_F)
            if found and _HAS_SANCTION.search(rest) and not _DEMAND_OTHER.search(rest):
                span, previous = found[-1]
                found[-1] = (span + "; " + rest, previous + (c,))
            i += 1
            continue
        tail = _demand_tail(c)
        whole: Sanction | None = None  # the clause read as a whole, the demand's verb and all
        # the tail's first part, up to a comma or a next object "en dat ..." (another order: "... op te leggen en dat
        # de voorwaardelijke straf ten uitvoer wordt gelegd", which the parser leaves out)
        if tail and not _DEMAND_OTHER.search(_NEXT_OBJECT.split(tail, maxsplit=1)[0]):
            parts.append(tail)
        else:
            if verb is not None:
                whole = known[c.text] = parse_sanction(c.text)
                rest = after.strip(" :;.")
                # (the rest alone only when the clause names no part before it: "dat feit 1 niet bewezen kan worden en
                # heeft gevorderd verdachte daarvan vrij te spreken" is the acquittal of a part)
                if whole.status in _CASE_ENDS or (_parsed(known, rest).status in _CASE_ENDS
                                                  and not acquittal_names_part(c.text)):
                    # "heeft vrijspraak gevorderd", "verdachte te ontslaan van alle rechtsvervolging", "Zij heeft
                    # gevorderd dat de rechtbank verdachte ontslaat van alle rechtsvervolging"
                    found.append((c.text if whole.status != "unparsed" else rest, (c,)))
                    i += 1
                    continue
            if (_DEMAND_ACQUITTAL.search(after) and not _HAS_SANCTION.search(after) and not acquittal_names_part(after)
                    and not _BACK_TO_A_COUNT.search(c.text)):
                found.append(("vrijspraak", (c,)))
                i += 1
                continue
        # a list after "heeft gevorderd:" / "op te leggen:" / "veroordeelt tot:"
        if c.text.rstrip().endswith(":") or (tail == "" and verb is not None):
            j = i + 1
            while j < len(clauses) and not clauses[j].heading and not _DEMAND_VERB.search(clauses[j].text):
                item = clauses[j].text.strip(" ;.")
                proof = _PROOF_THEN_SENTENCE.match(item)
                if proof is not None:  # "bewezenverklaring van het ten laste gelegde en veroordeling van de verdachte tot"
                    item = item[proof.end():].strip(" ;.")
                if _CO_DEFENDANT.search(item):
                    break  # the list has ended: the text is about a co-defendant
                if _ITEM_SKIP.match(item) or not _HAS_SANCTION.search(item):
                    if re.match(r"^\d+(?:\.\d+)*\.?$", item) or re.match(r"^(?:het\s+)?standpunt", item, _F):
                        break
                    j += 1
                    continue
                parts.append(item)
                sources.append(clauses[j])
                j += 1
            i = j
        else:
            i += 1
        parts = [p for p in parts if _HAS_SANCTION.search(p) and not _DEMAND_OTHER.match(p)]
        if len(sources) == 1 and verb is not None and (not parts or _parsed(known, "; ".join(parts)).status == "unparsed"):
            if whole is None:  # the parser reads the sentence itself, the demand's verb and all
                whole = _parsed(known, c.text)
            if whole.status in ("parsed", *_CASE_ENDS):
                parts = [c.text]
        if parts:
            found.append(("; ".join(parts), tuple(sources)))
    return [(span, sources, _parsed(known, span)) for span, sources in found]


def _parsed(known: dict[str, Sanction], text: str) -> Sanction:
    """`parse_sanction(text)`, parsed once per `known`."""
    if text not in known:
        known[text] = parse_sanction(text)
    return known[text]


# a demand for another finding than the one the court made: which one to code is the coder's choice (no number)
_ALT_DEMAND = re.compile(
    r"(?:^|[;,]\s*)(?:voor\s+het\s+geval|indien|mocht|in\s+het\s+geval|subsidiair|meer\s+subsidiair)\b[^;]*"
    r"\b(?:gevorderd|geëist|geeist|vordert|eist|requireert|gerequireerd)\b", _F)
# a demand revised at the hearing: the last demand stated counts (always to check)
_REVISED_DEMAND = re.compile(_REVISION + r"|\baanvankelijk\b[^;]*\b(?:gevorderd|geëist)\b", _F)


# The court reports the demand only by saying it follows it: "De rechtbank zal de gevangenisstraf opleggen
# overeenkomstig de eis van de officier van justitie", "legt een straf op conform de vordering van de officier"
_PUNISH = r"(?:straf|gevangenisstraf|jeugddetentie|taakstraf|werkstraf|maatregel|opleggen|oplegging|veroordel\w*)"
_EIS_OVJ = (r"(?:overeenkomstig|conform|gelijk\s+aan)\s+(?:de\s+)?(?:eis|vordering|strafeis)\s+(?:van\s+de\s+)?"
            r"(?:officier\s+van\s+justitie|ovj|openbaar\s+ministerie)")
_FOLLOWS_DEMAND = re.compile(rf"\b{_PUNISH}\b[^.;]{{0,160}}{_EIS_OVJ}|{_EIS_OVJ}[^.;]{{0,160}}\b{_PUNISH}\b"
                             r"|\b(?:volgt|zal\s+volgen|volgen)\b[^.;]{0,40}\b(?:eis|vordering)\s+van\s+de\s+officier", _F)
_NOT_FOLLOWS = re.compile(r"vrijspraak|vrij\s+te\s+spreken|benadeelde|verdediging|raadsman|raadsvrouw|\bniet\b|\bgeen\b"
                          r"|hoger\s+dan|lager\s+dan|afwijk|meer\s+dan|minder\s+dan", _F)


def _follows_demand(doc: Document, decision: Decision | None = None) -> Found | None:
    """The demand as the sentence itself, when the reasons say the court follows it (always to check)."""
    clauses = _clauses_of(doc, ("strafmotivering",))
    hits = [c for c in clauses if _FOLLOWS_DEMAND.search(c.text) and not _NOT_FOLLOWS.search(c.text)]
    if not hits:
        return None
    sentence = (decision or read_decision(doc)).sentence
    if sentence.sanction is None or sentence.sanction.status != "parsed" or not sentence.value:
        return None
    return Found(sentence.value, CHECK, (hits[0],) + tuple(sentence.clauses),
                 "[strafmotivering] de rechtbank legt de straf op overeenkomstig de eis: de eis is gelijk gesteld aan de "
                 "opgelegde straf; nagaan", sentence.sanction)


# an interim decision (tussenvonnis): the investigation reopened, suspended or sent back to the examining judge
_INTERIM = re.compile(r"\b(?:heropent|schorst)\s+(?:het\s+)?onderzoek\b|\bverwijst\s+de\s+zaak\s+(?:terug\s+)?naar\s+de\s+"
                      r"rechter-commissaris\b|\bhervat\s+het\s+onderzoek\b", _F)


def _interim_decision(doc: Document, decision: Decision | None) -> Clause | None:
    """The clause of an interim decision that decides nothing on the charges nor on the sentence (a tussenvonnis that
    reopens the investigation): the demand it reports belongs to a judgment not yet given."""
    section = _beslissing(doc)
    if section is None or not _INTERIM.search(section.text):
        return None
    hit = next((c for c in split_clauses(section.text, section.start) if _INTERIM.search(c.text)), None)
    if hit is None:
        return None
    decision = decision or read_decision(doc)
    decided = (decision.acquittal_clauses or decision.proven_clauses or decision.discharge_clauses
               or (decision.sentence.sanction is not None and decision.sentence.sanction.status != "unknown"))
    return None if decided else hit


def _candidates_in(texts: list[tuple[str, int]], bare_lines: bool = False) -> tuple[list[Clause], list[_Candidate]]:
    """The clauses of each (text, offset) and the demands found in them, text by text (a list after "heeft
    gevorderd:" ends with its section). `bare_lines`: in a text without a demand's verb, a bare line under the
    demand's heading ("Gevangenisstraf voor de duur van 120 dagen, ...") is the demand (the heading says whose it is),
    only a line that is a sanction phrase as a whole."""
    clauses: list[Clause] = []
    candidates: list[_Candidate] = []
    for text, start in texts:
        own = split_clauses(text, start)
        clauses.extend(own)
        found = _demand_candidates(own)
        if not found and bare_lines:
            lines = ((c, parse_sanction(c.text)) for c in own if not c.heading and _HAS_SANCTION.search(c.text))
            found = [(c.text, (c,), sanction) for c, sanction in lines if sanction.status == "parsed"]
        candidates.extend(found)
    return clauses, candidates


def read_demand(doc: Document, decision: Decision | None = None) -> Found:
    """The prosecutor's demand as the verdict reports it (see the module docstring); `decision`, when the caller
    has read it already, is used where the court says it follows the demand."""
    clauses, candidates = _candidates_in([(s.text, s.start) for s in doc.section("vordering")], bare_lines=True)
    where = "vordering"
    if not candidates:  # the demand outside a section of its own (strafmotivering, or any other text)
        dictum = _beslissing(doc)
        texts = [(s.text, s.start) for s in doc.sections if s.role not in ("beslissing", "tenlastelegging")
                 and s is not dictum]
        if not doc.sections:  # no headings at all: the text before the dictum
            opening = None
            for opening in _DICTUM_OPENING.finditer(doc.text):
                pass
            texts.append((doc.text[:opening.start()] if opening is not None else doc.text, 0))
        clauses, candidates = _candidates_in(texts)
        where = "uitspraak"
    if not candidates:
        follows = _follows_demand(doc, decision)
        if follows is not None:
            return follows
        mentions = [c for c in clauses if _PROSECUTOR_WORD.search(c.text) and _SANCTION_WORD.search(c.text)
                    and not _CO_DEFENDANT.search(c.text) and not _DEMAND_OTHER.search(c.text)]
        if mentions:  # the demand told in words the reader does not know: say so, and quote them
            return Found("onbekend", CHECK, tuple(mentions[:2]),
                         "geen strafeis gelezen, maar de uitspraak noemt de officier van justitie bij een straf: "
                         + " | ".join(c.text[:120] for c in mentions[:2]) + "; de eis nagaan en invullen",
                         parse_sanction(None))
        # (also a demand's sentence naming no sanction word: "... gevorderd dat de voorwaardelijke straf uit de vorige
        # zaak ten uitvoer wordt gelegd")
        others = [c for c in clauses if _PROSECUTOR_WORD.search(c.text)
                  and (_SANCTION_WORD.search(c.text) or _DEMAND_VERB.search(c.text))
                  and not _CO_DEFENDANT.search(c.text) and _DEMAND_OTHER.search(c.text)]
        if others:  # what the prosecutor said about a sanction was taken for another order: say so, and quote it
            return Found("onbekend", CHECK, tuple(others[:2]),
                         "geen strafeis gelezen: de zin(nen) van de officier van justitie met een straf gaan (ook) over "
                         "iets anders dan de strafeis (tenuitvoerlegging, benadeelde partij, beslag, voorlopige "
                         "hechtenis e.d.) en zijn daarom niet als eis gelezen: "
                         + " | ".join(c.text[:120] for c in others[:2]) + "; de eis nagaan en invullen",
                         parse_sanction(None))
        return Found("onbekend", CHECK, (), "geen strafeis van de officier van justitie gevonden; 'onbekend' "
                                            "(codeboek §6.15): de uitspraak vermeldt de eis niet", parse_sanction(None))
    used = {id(c) for _span, sources, _s in candidates for c in sources}
    unread = [c for c in clauses if id(c) not in used and _SANCTION_WORD.search(c.text)
              and not _DEMAND_OTHER.search(_OWN_SUSPENSION.sub(" ", c.text))
              and not (_NOT_THE_PROSECUTORS_DEMAND if _PROSECUTOR_SUBJECT.match(c.text) and _DEMAND_VERB.search(c.text)
                       else _NOT_THE_DEMAND).search(c.text)
              and not _CO_DEFENDANT.search(c.text)] if where == "vordering" else []
    usable = [r for r in candidates if r[2].status != "unparsed"] or candidates
    revised = [c for c in clauses if _REVISED_DEMAND.search(c.text)] if where == "vordering" else []
    if revised:  # the demand stated in or after the revision replaces the earlier one
        later = [r for r in candidates if r[1][0].start >= revised[-1].start]
        usable = [later[-1]] if later else usable
    revision_read = bool(revised) and bool(later)
    distinct = {format_sanction(r[2]) if r[2].status != "unparsed" else r[0] for r in usable}
    span, sources, sanction = usable[0]
    value, status, note = _sanction_value(sanction, span)
    if len(distinct) > 1:
        status = CHECK
        note = ("meer dan één strafeis gevonden: " + " | ".join(sorted(distinct)) + (f"; {note}" if note else ""))
    if revised:
        status = CHECK
        said = ("eis bijgesteld ter zitting: de laatste eis gelezen; nagaan: " if revision_read else
                "eis bijgesteld ter zitting, maar de bijgestelde eis is niet gelezen: de eerdere eis ingevuld; nagaan: ")
        note = "; ".join(filter(None, [note, said + " | ".join(c.text[:120] for c in revised[:2])]))
    alternatives = [c for c in clauses if _ALT_DEMAND.search(c.text)] if where == "vordering" else []
    if alternatives:
        # two demands for different findings: the codebook's one phrase cannot hold them, so no number is pre-filled
        sources = tuple(sorted(dict.fromkeys([*(c for r in candidates for c in r[1]), *alternatives]),
                               key=lambda c: c.start))
        value = " | ".join(c.text for c in sources)  # the demands as the verdict states them
        sanction = Sanction(status="unparsed", reason="twee eisen naar gelang de bewezenverklaring")
        status = CHECK
        note = "; ".join(filter(None, [note, "twee eisen naar gelang de bewezenverklaring: welke geldt, kiest de "
                                       "codeur (de cel toont de zinnen)"]))
    dropped = [r for r in candidates if r[2].status == "unparsed" and r not in usable]
    if dropped and not revised:
        # a demand the parser could not read beside one it could: the read one may be only a part of the demand
        status = CHECK
        note = "; ".join(filter(None, [note, "niet gelezen eis naast de gelezen eis: "
                                       + " | ".join(r[0][:120] for r in dropped[:2])
                                       + "; nagaan of die bij de eis hoort"]))
    if unread:
        status = CHECK
        note = "; ".join(filter(None, [note, "niet gelezen zin(nen) over een straf in de vordering: "
                                       + " | ".join(c.text[:120] for c in unread[:3])]))
    interim = _interim_decision(doc, decision)
    if interim is not None:
        # no judgment yet: the demand may still change before the final judgment, so no number is pre-filled
        value = " | ".join(c.text for c in sources) or value
        sanction = Sanction(status="unparsed", reason="tussenvonnis: geen einduitspraak")
        status = CHECK
        note = "; ".join(filter(None, [note, f"tussenvonnis, de beslissing legt geen straf op en beslist niet over de "
                                       f"feiten ('{interim.text[:80]}'): de eis hoort bij de latere einduitspraak; "
                                       "de cel toont de zin"]))
    found = Found(value, status, sources, note, sanction)
    return Found(found.value, found.status, found.clauses, (f"[{where}] " if where != "vordering" else "") + found.note,
                 found.sanction)


# --------------------------------------------------------------------------------------------------------------
# Charges, victims, periods
# --------------------------------------------------------------------------------------------------------------

def _charge_words(article: str) -> str:
    if article == TRAFFICKING:
        return "mensenhandel"
    group = group_of(article)
    label = GROUP_LABELS.get(group or "", OTHER_OFFENCES.get(article, ""))
    if group and group not in GROUP_LABELS:
        label = group
    word = re.sub(r"\s*\(.*\)\s*$", "", label).strip()
    return word or "strafbaar feit"


def charges_cell(articles: tuple[str, ...]) -> str:
    """ "mensenhandel (art. 273f Sr) en witwassen (art. 420bis Sr)": trafficking first, each article once."""
    ordered = sorted(articles, key=lambda a: a != TRAFFICKING)
    parts = [f"{_charge_words(a)} (art. {a})" for a in ordered]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]


_ANNEX = re.compile(r"^[ \t]*(?:bijlage\b[^\n]*\n[ \t]*)?(?:bijlage\b[^\n]*?)?(?:tekst\s+(?:van\s+)?)?(?:de\s+)?"
                    r"tenlastelegging\b[^\n]{0,30}$", re.M | re.I)


def _charge_text(doc: Document) -> tuple[str, list[Clause]]:
    """The charges: the tenlastelegging section(s) and an annex with the charges after the beslissing."""
    sections = doc.section("tenlastelegging")
    text = "\n".join(s.text for s in sections)
    clauses: list[Clause] = []
    for s in sections:
        clauses.extend(split_clauses(s.text, s.start))
    decision = _beslissing(doc)
    after = decision.start + len(decision.text) if decision is not None else len(doc.text) // 2
    annex = _ANNEX.search(doc.text, after)
    if annex is not None:
        annex_text = doc.text[annex.end():]
        text += "\n" + annex_text
        clauses.extend(split_clauses(annex_text, annex.end()))
    return text, clauses


# the applied statutory provisions, as courts word them: "De beslissing berust op de artikelen ...", "Gelet is op de
# artikelen ...", "De rechtbank heeft gelet op de artikelen ...", "De op te leggen straf is gegrond op de artikelen ..."
_APPLIED = re.compile(r"(?=[bghizt])"  # the first letters: the regular expression engine skips other positions fast
                      r"\b(?:berust(?:en)?\s+op|gelet\s+is\s+op|(?:heeft|hebben|is|zijn)\s+(?:\w+\s+){0,2}?gelet\s+op"
                      r"|(?:is|zijn)\s+gegrond\s+op|gegrond\s+op|toegepast\s+(?:zijn|worden)\s+)\s*(?:de\s+)?"
                      r"(?:artikelen|artikel|wettelijke)", _F)


def read_charges(doc: Document, charge_text: tuple[str, list[Clause]] | None = None) -> tuple[Found, tuple[str, ...]]:
    text, clauses = charge_text or _charge_text(doc)
    articles, _unreadable = find_articles(text)
    source = [c for c in clauses if re.search(r"\bart(?:ikel|\.)", c.text, _F)][:3]
    if articles:
        return Found(charges_cell(articles), AUTO, tuple(source or clauses[:1]),
                     "artikelen uit de tenlastelegging"), articles
    applied = []
    for m in _APPLIED.finditer(doc.text):
        start = max(doc.text.rfind(".", 0, m.start()), doc.text.rfind("\n", 0, m.start())) + 1
        end_match = re.compile(r"\.(?!\S)|\n").search(doc.text, m.end())
        end = end_match.start() if end_match else len(doc.text)
        applied.append(Clause(" ".join(doc.text[start:end].split()), start, end))
    applied_articles, _ = find_articles(" ".join(c.text for c in applied))
    if applied_articles:
        return Found(charges_cell(applied_articles), CHECK, tuple(applied[:2]),
                     "geen artikelen in de tenlastelegging; uit de toegepaste wettelijke voorschriften (de artikelen "
                     "van het bewezenverklaarde, niet per se alle tenlastegelegde feiten): aanvullen"), applied_articles
    references = tuple(r for r in doc.references if re.search(r"\d", r))
    ref_articles, _ = find_articles("; ".join(f"art. {r}" if "art" not in r.lower() else r for r in references))
    if ref_articles:
        return Found(charges_cell(ref_articles), CHECK, (),
                     "geen artikelen in de tenlastelegging; uit de wetsverwijzingen van de metagegevens "
                     "(toegepaste artikelen, niet per se alle tenlastegelegde feiten)"), ref_articles
    return Found(None, MISSING, (), "geen artikelen gevonden in de tenlastelegging; vul de feiten met hun artikelen "
                                     "in"), ()


_MONTHS = {m: i for i, m in enumerate(("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                                       "september", "oktober", "november", "december"), start=1)}
_DATE = r"(\d{1,2})\s+(" + "|".join(_MONTHS) + r")\s+(\d{4})"
_PERIOD = re.compile(r"periode\s+van\s+" + _DATE + r"\s+(?:tot\s+en\s+met|tot|t/m)\s+" + _DATE, _F)


def _period_months(text: str) -> tuple[float | None, re.Match[str] | None, int]:
    spans = list(_PERIOD.finditer(text))
    if not spans:
        return None, None, 0
    starts, ends = [], []
    for m in spans:
        try:
            starts.append(dt.date(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1))))
            ends.append(dt.date(int(m.group(6)), _MONTHS[m.group(5).lower()], int(m.group(4))))
        except ValueError:
            return None, m, len(spans)
    days = (max(ends) - min(starts)).days + 1
    months = days * 12 / 365.25
    return (round(months) if months >= 1 else round(months, 1)), spans[0], len(spans)


_VICTIM = re.compile(r"\[\s*((?:naam\s+)?(?:slachtoffer|aangeefster|aangever)(?:\s*\d+|\s+[a-z]\b)?)\s*\]", _F)


# a count of a charge or of the finding of proof begins a line: "1.", "2", "feit 3", "ten aanzien van feit 2:"
_COUNT_START = re.compile(
    r"^[ \t]*(?:(?:ten\s+aanzien\s+van\s+)?feit\s+)?(\d{1,2})[ \t]*(?:[.:)](?!\d)[ \t]*|$|[ \t]+(?=[a-z])"
    r"(?!\s*(?:" + "|".join(_MONTHS) + r")\b))", re.M | re.I)
_TRAFFICKING_WORDS = re.compile(r"273f|\bmensenhandel\b|\buitbuiting\b|\buit\s+te\s+buiten\b", _F)


def _trafficking_counts(text: str) -> str:
    """The counts of `text` (a charge or finding of proof with numbered counts) that are about trafficking; "" when
    the text has fewer than two counts, or no count is recognisably about trafficking."""
    starts = [m.start() for m in _COUNT_START.finditer(text)]
    if len(starts) < 2:
        return ""
    blocks = [text[a:b] for a, b in zip(starts, starts[1:] + [len(text)])]
    return "\n".join(b for b in blocks if _TRAFFICKING_WORDS.search(b))


def _victims(text: str) -> list[str]:
    """The distinct anonymised victims ("[slachtoffer 1]", "[slachtoffer]") named in a text."""
    names: list[str] = []
    for m in _VICTIM.finditer(text):
        name = " ".join(m.group(1).lower().split())
        if name not in names:
            names.append(name)
    return names


def _clauses_of(doc: Document, roles: tuple[str, ...]) -> list[Clause]:
    out: list[Clause] = []
    for s in doc.sections:
        if s.role in roles:
            out.extend(split_clauses(s.text, s.start))
    return out


class _Index:
    """Clauses joined once, to search many patterns over them."""

    def __init__(self, clauses: list[Clause]):
        self.clauses = clauses
        self.joined = "\n".join(c.text for c in clauses)
        self.ends: list[int] = []
        total = 0
        for c in clauses:
            total += len(c.text) + 1
            self.ends.append(total)


def _find(index: _Index, pattern: re.Pattern[str], limit: int = 2) -> list[Clause]:
    """The first `limit` clauses that match."""
    found: list[Clause] = []
    for m in pattern.finditer(index.joined):
        i = bisect.bisect_right(index.ends, m.start())
        if i < len(index.clauses) and (not found or found[-1] is not index.clauses[i]):
            found.append(index.clauses[i])
            if len(found) >= limit:
                break
    return found


_MINOR = re.compile(r"minderjarig|jonger\s+dan\s+(?:18|achttien)|leeftijd\s+van\s+achttien\s+jaren?\s+nog\s+niet"
                    r"|273f,?\s+(?:eerste\s+)?lid\s+1?,?\s*(?:aanhef\s+en\s+)?(?:onder|sub)\s+[25]\b", _F)
_UNDER16 = re.compile(r"jonger\s+dan\s+(?:16|zestien)|leeftijd\s+van\s+zestien\s+jaren?\s+nog\s+niet"
                      r"|\b(?:elf|twaalf|dertien|veertien|vijftien|11|12|13|14|15)(?:-|\s+)(?:jarig|ja{1,2}r(?:en)?\s+oud)", _F)
_DISABLED = re.compile(r"verstandelijke?\s+beperk|verstandelijk\s+gehandicapt|zwakbegaafd|\blvb\b", _F)
_FORMS = (
    ("seksuele uitbuiting", re.compile(r"prostitutie|seksuele\s+uitbuiting|sekswerk|escort", _F)),
    ("arbeidsuitbuiting", re.compile(r"arbeidsuitbuiting", _F)),
    ("criminele uitbuiting", re.compile(r"criminele\s+uitbuiting|drugs\s+(?:te\s+)?(?:verkopen|vervoeren)", _F)),
    ("gedwongen dienstverlening", re.compile(r"\bbedel|gedwongen\s+(?:schijn)?huwelijk|\borgaan(?:verwijdering|handel)?\b",
                                             _F)),
)


# Violence as a means of coercion, in the words of the finding of proof or the reasons (the standard charge of art.
# 273f Sr always names "geweld", so the charge alone says nothing): hitting, locking up, threats with a weapon or death
_VIOLENCE = re.compile(
    r"\b(?:sloeg|sloegen|slaan|(?<!acht\s)geslagen|schopte|schopten|geschopt|getrapt|mishandel\w*|opgesloten|opsluiten|sloot\s+\w+\s+op"
    r"|vastgebonden|gewurgd|verkracht\w*|fysiek\s+geweld|geweld\s+(?:heeft\s+)?(?:gebruikt|toegepast|aangewend)"
    r"|(?:met|onder)\s+(?:bedreiging|dreiging)\s+(?:met|van)\s+(?:een\s+)?(?:mes|pistool|vuurwapen|wapen|geweld|de\s+dood)"
    r"|(?:bedreigd|gedreigd)\s+(?:met|te)\s+(?:\w+\s+){0,3}?(?:mes|pistool|vuurwapen|wapen|vermoorden|doden|dood|slaan|geweld))\b",
    _F)
# Organised: art. 140 Sr, "door twee of meer verenigde personen" (art. 273f, fourth paragraph), a criminal organisation,
# a division of tasks; "tezamen en in vereniging" alone may be one joint act (codebook 6.14: then "nee")
_ORGANISED = re.compile(r"door\s+twee\s+of\s+meer\s+verenigde\s+personen|criminele\s+organisatie|georganiseerd\s+verband"
                        r"|taakverdeling|(?:crimineel|criminele)\s+netwerk", _F)
_JOINTLY = re.compile(r"tezamen\s+en\s+in\s+vereniging|samen\s+met\s+(?:een\s+)?(?:ander|anderen|medeverdachten?)", _F)


def _violence(facts: _Index) -> Found:
    hits = _find(facts, _VIOLENCE)
    if hits:
        return Found("ja", CHECK, tuple(hits[:2]), "de bewijsoverwegingen of de strafmotivering noemen geweld of "
                                                   "bedreiging; nagaan of het een dwangmiddel van de mensenhandel was")
    return Found("onbekend", CHECK, (), "geen geweld of bedreiging gevonden in de bewijsoverwegingen en de "
                                        "strafmotivering (de standaardtenlastelegging noemt geweld altijd); nagaan")


def _organised(articles: tuple[str, ...], charges_and_facts: _Index) -> Found:
    if "140 Sr" in articles:
        return Found("ja", AUTO, (), "deelneming aan een criminele organisatie (art. 140 Sr) ten laste gelegd")
    hits = _find(charges_and_facts, _ORGANISED)
    if hits:
        return Found("ja", CHECK, tuple(hits[:2]), "de tenlastelegging of de uitspraak noemt een georganiseerd verband; "
                                                   "nagaan of het de mensenhandel betreft")
    jointly = _find(charges_and_facts, _JOINTLY, 1)
    if jointly:
        return Found("onbekend", CHECK, tuple(jointly), "'tezamen en in vereniging' zonder meer: nagaan of er een "
                                                        "structuur van taakverdeling was (codeboek §6.14)")
    return Found("onbekend", CHECK, (), "georganiseerd verband niet gevonden; nagaan")


def _yes_or_unknown(column: str, clauses: _Index, pattern: re.Pattern[str], what: str) -> Found:
    hits = _find(clauses, pattern)
    if hits:
        return Found("ja", CHECK, tuple(hits[:2]), f"de tekst noemt {what}; nagaan of dit een slachtoffer van de "
                                                  "ten laste gelegde mensenhandel betreft")
    return Found("onbekend", CHECK, (), f"niets gevonden over {what}; 'onbekend' betekent: de uitspraak zegt het niet")


# --------------------------------------------------------------------------------------------------------------
# One document
# --------------------------------------------------------------------------------------------------------------

_VERDICT_VALUES = {"geen": "bewezen", "partieel": "partiele vrijspraak", "volledig": "vrijspraak"}


def _verdicts(decision: Decision, articles: tuple[str, ...]) -> tuple[Found, Found]:
    if not decision.section_found:
        missing = Found(None, MISSING, (), "geen beslissing gevonden")
        return missing, missing
    overall = _VERDICT_VALUES.get(decision.acquittal)
    if decision.discharge_clauses and not decision.proven_clauses and decision.acquittal != "partieel":
        overall = "ontslag"
    quoted = tuple((decision.acquittal_clauses + decision.discharge_clauses) or decision.proven_clauses[:1])
    trafficking = TRAFFICKING in articles
    others = [a for a in articles if a != TRAFFICKING]
    if overall is None:
        missing = Found(None, MISSING, (), "geen beslissing over de feiten gevonden")
        return missing, missing
    if not articles:
        note = "tenlastegelegde artikelen onbekend: beslissing over alle feiten samen; nagaan"
        return Found(overall, CHECK, quoted, note), Found(overall, CHECK, quoted, note)
    if decision.discharge_clauses and overall != "ontslag":
        note = "ontslag van rechtsvervolging voor een deel van de feiten: nagaan welke"
        return Found(overall, CHECK, quoted, note), Found(overall, CHECK, quoted, note)
    if trafficking and not others:
        return (Found(overall, AUTO, quoted, "alleen art. 273f Sr ten laste gelegd"),
                Found("niet van toepassing", AUTO, (), "alleen art. 273f Sr ten laste gelegd"))
    if not trafficking:
        note = "art. 273f Sr niet gevonden in de tenlastelegging; beslissing over alle feiten samen"
        return Found(overall, CHECK, quoted, note), Found(overall, AUTO if overall == "bewezen" else CHECK, quoted, note)
    if overall in ("bewezen", "vrijspraak", "ontslag"):
        return Found(overall, AUTO, quoted), Found(overall, AUTO, quoted)
    # a partial acquittal with trafficking and other offences charged: which charge was acquitted?
    qualification = " ".join(c.text for c in decision.proven_clauses)
    acquitted = " ".join(c.text for c in decision.acquittal_clauses)
    trafficking_value = "bewezen" if _MENSENHANDEL.search(qualification) and not _MENSENHANDEL.search(acquitted) \
        else "partiele vrijspraak"
    note = "vrijspraak van een deel van de feiten: nagaan of die mensenhandel of de andere feiten betreft"
    return Found(trafficking_value, CHECK, quoted, note), Found("partiele vrijspraak", CHECK, quoted, note)


def extract_document(doc: Document) -> list[Coding]:
    """One pre-coded record per defendant (see the module docstring)."""
    case = _ID_UNSAFE.sub("-", doc.case_numbers[0].split()[0] if doc.case_numbers else Path(doc.path).stem)
    decision = read_decision(doc)
    demand = read_demand(doc, decision)
    charge_text = _charge_text(doc)
    charges, articles = read_charges(doc, charge_text)
    verdict_trafficking, verdict_other = _verdicts(decision, articles)
    if TRAFFICKING in articles or not articles:
        fact_clauses = _clauses_of(doc, ("bewijs", "strafmotivering"))
        facts = _Index(fact_clauses + charge_text[1])
        minor = _yes_or_unknown("victim_minor", facts, _MINOR, "een minderjarig slachtoffer")
        if minor.value == "ja":
            under16 = _yes_or_unknown("victim_under16", facts, _UNDER16, "een slachtoffer jonger dan 16 jaar")
        else:
            under16 = Found("onbekend", CHECK, (), "volgt victim_minor (codeboek §6.11)")
        disabled = _yes_or_unknown("victim_disabled", facts, _DISABLED, "een verstandelijke beperking")
        form_hits = [(name, _find(facts, pattern, 1)) for name, pattern in _FORMS]
        forms = [name for name, hits in form_hits if hits]
        form_sources = tuple(hits[0] for _name, hits in form_hits if hits)
        exploitation = (Found(";".join(forms), CHECK, form_sources, "uit de woorden van de uitspraak; nagaan")
                        if forms else Found("onbekend", CHECK, (), "geen uitbuitingsvorm herkend"))
        violence = _violence(_Index(fact_clauses))
        organised = _organised(articles, facts)
    else:
        none = "geen mensenhandel (art. 273f Sr) ten laste gelegd; 'onbekend': niet van toepassing op deze uitspraak"
        minor = under16 = disabled = exploitation = violence = Found("onbekend", CHECK, (), none)
        organised = _organised(articles, _Index([]))
    only_trafficking = articles == (TRAFFICKING,)
    proven_text = "\n".join(s.text for s in doc.section("bewijs") if "bewezen" in s.title.lower())
    # the text of the trafficking charge(s): all of it when 273f is the only article, else the counts that are about
    # trafficking (a count citing art. 273f or written in its words); other counts' victims and periods do not count
    if only_trafficking:
        charged, proven, where = charge_text[0], proven_text, ""
    elif TRAFFICKING in articles:
        charged, proven = _trafficking_counts(charge_text[0]), _trafficking_counts(proven_text)
        where = " (alleen de feiten over mensenhandel)"
    else:
        charged = proven = where = ""
    period_charged = period_proven = Found(None, MISSING, (), "" if charged else "geen tenlastelegging van mensenhandel "
                                           "per feit herkend")
    months, m, n = _period_months(charged)
    if months is not None:
        period_charged = Found(f"{months:g}", CHECK, (), f"uit {n} periode(n) in de tenlastelegging{where}: "
                                                        f"'{m.group(0)}'" if m else "")
    months, m, n = _period_months(proven)
    if months is not None:
        period_proven = Found(f"{months:g}", CHECK, (), f"uit {n} periode(n) in de bewezenverklaring{where}: "
                                                       f"'{m.group(0)}'" if m else "")
    victims_charged = victims_proven = Found(None, MISSING, (), "" if charged else "aantal slachtoffers niet geteld "
                                             "(geen tenlastelegging van mensenhandel per feit herkend)")
    names = _victims(charged)
    if names:
        victims_charged = Found(str(len(names)), CHECK, (), f"verschillende geanonimiseerde slachtoffers in de "
                                f"tenlastelegging{where}: " + ", ".join(names))
    proven_names = _victims(proven)
    if proven_names:
        victims_proven = Found(str(len(proven_names)), CHECK, (), f"verschillende geanonimiseerde slachtoffers in "
                               f"de bewezenverklaring{where}: " + ", ".join(proven_names))
    found: dict[str, tuple[Found, str]] = {
        "ecli": (Found(doc.ecli, AUTO if doc.ecli else MISSING, (), "metagegevens" if doc.ecli else
                       "geen ECLI in de metagegevens"), "metagegevens"),
        "court": (Found(doc.court, AUTO if doc.court else MISSING, (), "metagegevens"), "metagegevens"),
        "decision_date": (Found(doc.decision_date.isoformat() if doc.decision_date else None,
                                AUTO if doc.decision_date else MISSING, (), "metagegevens"), "metagegevens"),
        "charges": (charges, "tenlastelegging"),
        "exploitation_forms": (exploitation, "uitspraak"),
        "victims_charged": (victims_charged, "tenlastelegging"),
        "period_charged_months": (period_charged, "tenlastelegging"),
        "victim_minor": (minor, "uitspraak"),
        "victim_under16": (under16, "uitspraak"),
        "victim_disabled": (disabled, "uitspraak"),
        "violence": (violence, "uitspraak"),
        "organised": (organised, "tenlastelegging"),
        "demand": (demand, "vordering"),
        "verdict_trafficking": (verdict_trafficking, "beslissing"),
        "verdict_other": (verdict_other, "beslissing"),
        "sentence": (decision.sentence, "beslissing"),
        "period_proven_months": (period_proven, "bewezenverklaring"),
        "victims_proven": (victims_proven, "bewezenverklaring"),
        "motivation": (Found(None, MISSING, (), "samenvatting door de codeur"), ""),
    }
    evidence = tuple(_evidence(name, *found[name]) for name in COLUMN_NAMES[2:])
    return [Coding(doc.path, case, f"{case}-1", evidence)]
