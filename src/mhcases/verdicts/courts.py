"""Courts: ECLI court codes, the instance they decide in, and the successor of a court that no longer exists.

The codebook (`mhcases.codebook.COURTS`) lists the eleven district courts (rechtbanken) since the reorganisation of
1 January 2013. A decision of an older court keeps its name as written in `Document.court`; the coder workbook maps
it to its successor with status "controleren" (`codebook_court`). Courts that were split (Zwolle-Lelystad, and
Oost-Nederland in 2014) have no single successor: the workbook leaves the choice to the coder.
"""

from __future__ import annotations

from mhcases.codebook import COURTS

# ECLI court code -> the court's name as the open data writes it.
COURT_CODES: dict[str, str] = {
    # district courts since 2013
    "RBAMS": "Rechtbank Amsterdam", "RBDHA": "Rechtbank Den Haag", "RBGEL": "Rechtbank Gelderland",
    "RBLIM": "Rechtbank Limburg", "RBMNE": "Rechtbank Midden-Nederland", "RBNHO": "Rechtbank Noord-Holland",
    "RBNNE": "Rechtbank Noord-Nederland", "RBOBR": "Rechtbank Oost-Brabant", "RBOVE": "Rechtbank Overijssel",
    "RBROT": "Rechtbank Rotterdam", "RBZWB": "Rechtbank Zeeland-West-Brabant",
    "RBONE": "Rechtbank Oost-Nederland",  # 2013 only
    # district courts before 2013
    "RBALK": "Rechtbank Alkmaar", "RBALM": "Rechtbank Almelo", "RBARN": "Rechtbank Arnhem",
    "RBASS": "Rechtbank Assen", "RBBRE": "Rechtbank Breda", "RBDOR": "Rechtbank Dordrecht",
    "RBGRO": "Rechtbank Groningen", "RBHAA": "Rechtbank Haarlem", "RBSGR": "Rechtbank 's-Gravenhage",
    "RBSHE": "Rechtbank 's-Hertogenbosch", "RBLEE": "Rechtbank Leeuwarden", "RBMAA": "Rechtbank Maastricht",
    "RBMID": "Rechtbank Middelburg", "RBROE": "Rechtbank Roermond", "RBUTR": "Rechtbank Utrecht",
    "RBZUT": "Rechtbank Zutphen", "RBZLY": "Rechtbank Zwolle-Lelystad",
    # courts of appeal, Supreme Court and its Procurator General
    "GHAMS": "Gerechtshof Amsterdam", "GHARL": "Gerechtshof Arnhem-Leeuwarden", "GHDHA": "Gerechtshof Den Haag",
    "GHSHE": "Gerechtshof 's-Hertogenbosch", "GHARN": "Gerechtshof Arnhem", "GHLEE": "Gerechtshof Leeuwarden",
    "GHSGR": "Gerechtshof 's-Gravenhage", "HR": "Hoge Raad", "PHR": "Parket bij de Hoge Raad",
    # Caribbean part of the Kingdom
    "OGEAA": "Gerecht in eerste aanleg van Aruba", "OGEAC": "Gerecht in eerste aanleg van Curaçao",
    "OGEAM": "Gerecht in eerste aanleg van Sint Maarten", "OGEABES": "Gerecht in eerste aanleg van Bonaire, Sint Eustatius en Saba",
    "OGHACMB": "Gemeenschappelijk Hof van Justitie van Aruba, Curaçao, Sint Maarten en van Bonaire, Sint Eustatius en Saba",
}

# A district court that no longer exists -> its successor in the codebook (None: split, no single successor).
SUCCESSORS: dict[str, str | None] = {
    "Rechtbank Alkmaar": "Rechtbank Noord-Holland", "Rechtbank Haarlem": "Rechtbank Noord-Holland",
    "Rechtbank Almelo": "Rechtbank Overijssel", "Rechtbank Arnhem": "Rechtbank Gelderland",
    "Rechtbank Zutphen": "Rechtbank Gelderland", "Rechtbank Assen": "Rechtbank Noord-Nederland",
    "Rechtbank Groningen": "Rechtbank Noord-Nederland", "Rechtbank Leeuwarden": "Rechtbank Noord-Nederland",
    "Rechtbank Breda": "Rechtbank Zeeland-West-Brabant", "Rechtbank Middelburg": "Rechtbank Zeeland-West-Brabant",
    "Rechtbank Dordrecht": "Rechtbank Rotterdam", "Rechtbank 's-Gravenhage": "Rechtbank Den Haag",
    "Rechtbank 's-Hertogenbosch": "Rechtbank Oost-Brabant", "Rechtbank Maastricht": "Rechtbank Limburg",
    "Rechtbank Roermond": "Rechtbank Limburg", "Rechtbank Utrecht": "Rechtbank Midden-Nederland",
    "Rechtbank Zwolle-Lelystad": None, "Rechtbank Oost-Nederland": None,
}

_BY_FOLDED = {name.casefold(): name for name in (*COURT_CODES.values(), *COURTS)}


def court_name(text: str | None) -> str | None:
    """A court name in its usual spelling ("RECHTBANK MIDDEN-NEDERLAND" -> "Rechtbank Midden-Nederland");
    an unknown name comes back with only its whitespace tidied."""
    if not text:
        return None
    tidy = " ".join(text.split()).strip(" ,.")
    return _BY_FOLDED.get(tidy.casefold(), tidy)


def court_code(ecli: str | None) -> str | None:
    """The court code of an ECLI ("ECLI:NL:RBMNE:2016:3897" -> "RBMNE")."""
    parts = (ecli or "").split(":")
    return parts[2].upper() if len(parts) >= 4 else None


def instance(court: str | None, code: str | None = None) -> str | None:
    """ "rechtbank", "hoger beroep", "cassatie", "overig" (another first-instance court), or None when unknown."""
    name = (court or "").casefold()
    code = (code or "").upper()
    if name.startswith(("hoge raad", "parket bij de hoge raad")) or code in ("HR", "PHR"):
        return "cassatie"
    if name.startswith(("gerechtshof", "gemeenschappelijk hof")) or code.startswith(("GH", "OGH")):
        return "hoger beroep"
    if name.startswith("rechtbank") or code.startswith("RB"):
        return "rechtbank"
    if name or code:
        return "overig"
    return None


def codebook_court(court: str | None) -> tuple[str | None, str]:
    """The codebook's court for a court name: (value, note). The note is "" for a court in the codebook, a Dutch
    explanation for a predecessor mapped to its successor, and for a court the codebook has no value for."""
    name = court_name(court)
    if name in COURTS:
        return name, ""
    if name in SUCCESSORS:
        successor = SUCCESSORS[name]
        if successor is None:
            return None, f"{name} bestaat niet meer en is opgesplitst; kies de rechtbank die nu bevoegd is"
        return successor, f"{name} bestaat niet meer; opvolger {successor} ingevuld"
    return None, f"{name or 'onbekende instantie'} staat niet in de lijst van rechtbanken van het codeboek"
