"""Load users' PETRARCH / Phoenix (TABARI-format) actor and agent dictionaries into the knowledge base.

An actors file names an actor on a line, with underscores for spaces, then optional synonyms on ``+`` lines
and codes in brackets, on the same line or on indented lines, with optional date restrictions::

    HAMID_KARZAI_  # a comment
    +KARZAI_
    +PRESIDENT_KARZAI_
        [AFGELI 750101-000101]
        [AFGGOV >011222]
    TALIBAN_ [AFGINSTAL]

An agents file maps a common noun to a sector code with a leading ``~``: ``SOLDIER [~MIL]``, with
substitution sets (``!PERSON! = MAN, WOMAN``) and irregular plurals in braces (``{CHAMBERS_OF_COMMERCE}``).

The code kept for an actor is the open-ended one (``>date`` or undated), else the last listed; its first
three letters give the country (unless IGO, NGO, IMG, ...), the next three the sector when PLOVER knows it.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import DataFileError
from .kb import NONSTATE, SECTORS, Entry, KnowledgeBase, slug

_CODE = re.compile(r"\[([^\]]*)\]")


def _phrase(raw: str) -> str:
    """``HAMID_KARZAI_`` -> ``Hamid Karzai`` (capitalised for display; matching ignores case)."""
    words = [w for w in raw.strip().strip("+").split("_") if w]
    return " ".join(w if (len(w) <= 4 and w.isupper() and "." in w) else w.capitalize() for w in words)


def _pick_code(codes: list[str]) -> str | None:
    """The open-ended (``>date``) or undated code, else the last one."""
    best = None
    for c in codes:
        parts = c.split()
        if not parts or parts[0] in ("---", "~"):
            continue
        if len(parts) == 1 or parts[1].startswith(">"):
            best = parts[0]
    if best is None:
        for c in codes:
            parts = c.split()
            if parts and parts[0] != "---":
                best = parts[0]
    return best


def _entry_for(name: str, code: str | None) -> Entry:
    country = sector = None
    if code:
        head = code[:3]
        country = None if head in NONSTATE else head
        rest = code[3:]
        for i in range(0, len(rest), 3):
            if rest[i:i + 3] in SECTORS:
                sector = rest[i:i + 3]
                break
        if sector is None and head in ("IGO", "UNO", "EUR"):
            sector = "IGO"
        if sector is None and head == "NGO":
            sector = "NGO"
        if sector is None and head == "IMG":
            sector = "REB"  # a transnational militarised group
    words = name.split()
    kind = "person" if 2 <= len(words) <= 4 and sector in (None, "GOV", "ELI", "MIL", "LEG", "JUD") and country \
        and not any(w.lower() in ("ministry", "party", "army", "council", "front", "union", "forces") for w in words) \
        else "organization"
    return Entry(f"phoenix:{slug(name)}", name, kind, country, sector, code)


def read_actors(path: Path) -> list[tuple[Entry, list[str]]]:
    """Parse an actors dictionary into (entry, synonyms) pairs."""
    out: list[tuple[str, list[str], list[str]]] = []
    current = None
    for n, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        codes = _CODE.findall(line)
        text = _CODE.sub("", line).strip()
        if raw[:1] in (" ", "\t") and not text:  # an indented code line
            if current is None:
                raise DataFileError(path, n, "a code line before any actor name")
            current[2].extend(codes)
        elif text.startswith("+"):
            if current is None:
                raise DataFileError(path, n, "a synonym (+) line before any actor name")
            current[1].append(_phrase(text))
            current[2].extend(codes)
        elif text.startswith("!") or "=" in text:
            continue  # substitution sets and other directives do not name actors
        else:
            current = (_phrase(text), [], list(codes))
            out.append(current)
    return [(_entry_for(name, _pick_code(codes)), syn) for name, syn, codes in out if name]


def read_agents(path: Path) -> list[tuple[str, str]]:
    """Parse an agents dictionary into (noun, sector) pairs, expanding ``!SET!`` substitutions."""
    sets: dict[str, list[str]] = {}
    out = []
    for n, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if m:
            sets[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        codes = _CODE.findall(line)
        if not codes:
            continue
        code = codes[0].strip().lstrip("~")
        sector = code[:3]
        if sector not in SECTORS:
            continue
        noun = _CODE.sub("", re.sub(r"\{[^}]*\}", "", line)).strip()
        forms = [noun]
        for name, subs in sets.items():
            if name in noun:
                forms = [f.replace(name, s) for f in forms for s in subs]
        out.extend((_phrase(f).lower(), sector) for f in forms if f.strip("_"))
    return out


def load_into(kb: KnowledgeBase, path: Path) -> None:
    """Add a Phoenix dictionary to ``kb``: an agents file (``[~XXX]`` codes) or an actors file."""
    path = Path(path)
    head = path.read_text(encoding="utf-8", errors="replace")
    if re.search(r"\[~[A-Z]{3}", head):
        for noun, sector in read_agents(path):
            kb.add_agent(noun, sector, "group")
        return
    for entry, synonyms in read_actors(path):
        country = kb.entries.get(f"country:{entry.code}") if entry.code and len(entry.code) == 3 else None
        if country is not None:
            # "AFGHANISTAN_ [AFG]" with its cities and provinces as synonyms: the country itself, and the
            # places stand for it only where they act ("Kabul said"), like seats of government
            kb.add_surface(entry.name, country.key, "name")
            for syn in synonyms:
                kb.add_surface(syn, country.key, "seat")
            continue
        kb.add(entry, synonyms)
