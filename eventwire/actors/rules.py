"""Stage ``actors.rules.v1``: every actor in the article, with country, sector, role and every mention.

The steps, in order (each a function below):

1. ``_find_names``: knowledge-base names (countries, demonyms, seats of government, organisations, people)
   and spaCy's PERSON / ORG / GPE entities, cleaned: a knowledge-base name inside a wrong entity is split off
   ("CENTCOM David Petraeus" is CENTCOM plus the person David Petraeus), leading titles are peeled off a
   person's name, and a seat of government is an actor only where it acts ("Washington said"), not where it
   is a place ("a speech in Washington").
2. ``_people``: full names, then surnames and ORG/GPE entities that repeat a person's name join that person
   (spaCy's small model often labels a surname seen earlier as ORG).
3. ``_titles``: a person's role, country and affiliation from the words before the name ("State Department
   spokesman Sean McCormack", "the new commander of CENTCOM David Petraeus") and after it ("President Hamid
   Karzai of Afghanistan", "Gordon Johndroe, a White House spokesman"); an appositive title is a mention.
4. ``_nominals``: noun phrases that name a body of actors ("Israeli soldiers", "Afghan government", "police
   in Nairobi", "Hungarian and Romanian officials" which is two actors); the country comes from a demonym,
   country name or place next to the noun, else the article's focus country. A government noun is a mention
   of its country.
5. ``_build``: mentions grouped into Actors with canonical name, kind, country, sector, role, CAMEO-style
   code and affiliation.
6. ``pronouns.resolve``: he / she / it / they and "the group"-like phrases, to the nearest fitting actor.
7. ``_headlines``: headline and heading mentions only join actors found in the body ("Karzai Offer" is
   Karzai), never make new ones.

Extensions for later stages (``story.ext[...]``):
    ``actors.pronouns``   {(start, end): [actor ids]} for every pronoun mention (several ids for "they")
    ``actors.conjuncts``  {(start, end): [actor ids]} for compound phrases ("Hungarian and Romanian officials")
    ``actors.locations``  [{"start", "end", "text", "country", "actor", "dateline"}] for places named in the
                          text that are not acting (a city, a dateline, or a country after "in" / "to"),
                          with their country and the country actor when there is one
The extensions are registered on the Story in ``model.py``; ``story.actors_at(start, end)`` gives every
actor of a compound or plural mention.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from ..model import Actor, Span, Story
from ..registry import stage
from ..tree import climb
from . import pronouns
from .kb import Entry, KnowledgeBase, knowledge_base, slug
from .match import Matchers, capitalised, longest


NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
LOCATIVE = {"in", "at", "near", "from", "to", "into", "inside", "outside", "across", "around", "within",
            "through", "toward", "towards", "throughout", "via", "on", "off", "beyond"}
ROLE_ADJ = {"new", "former", "visiting", "ousted", "deposed", "embattled", "longtime", "long-time", "senior", "top", "acting", "interim", "exiled", "deputy", "chief", "then",
            "outgoing", "incoming", "retired", "late", "veteran", "powerful", "self-styled", "current", "de",
            "facto", "newly", "elected", "appointed", "head"}
PARTICLES = {"bin", "ibn", "al", "el", "van", "von", "de", "da", "di", "del", "le", "la", "abu", "ould"}
NO_COUNTRY = {"coalition", "international", "foreign", "western", "allied", "multinational", "western-led",
              "nato-led", "u.n.-led", "un-led", "regional", "global", "world"}
SPEECH_OR_ACT = {"nsubj", "nsubjpass", "poss", "agent", "dobj", "conj", "appos", "ROOT", "npadvmod"}


@dataclass
class Mention:
    """A stretch of tokens that names an actor, before mentions are grouped into Actors."""

    start: int
    end: int
    key: str  # grouping key: a knowledge-base key, name:<full name>, nominal:<ISO>:<sector>, ...
    kind: str
    how: str = "name"  # name, alias, demonym, seat, nominal, title, pronoun
    entry: Entry | None = None
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    affiliation: str | None = None  # grouping key of the body it belongs to
    body: bool = True


@dataclass
class Work:
    """What one article's steps share."""

    story: Story
    doc: object
    kb: KnowledgeBase
    para_kind: list[str]  # per token: body, headline, heading, boilerplate
    names: dict[tuple[int, int], tuple[Entry, str]] = field(default_factory=dict)  # kb name matches
    name_at: dict[int, tuple[int, int]] = field(default_factory=dict)  # token -> kb match range
    roles: dict[int, tuple[int, int]] = field(default_factory=dict)  # token -> role match range
    agents: dict[int, tuple[int, int]] = field(default_factory=dict)  # token -> agent match range
    mentions: list[Mention] = field(default_factory=list)
    taken: set[int] = field(default_factory=set)  # tokens inside a mention
    people: dict[str, str] = field(default_factory=dict)  # alias (lower) -> person key
    person_names: dict[str, str] = field(default_factory=dict)  # person key -> canonical name
    focus: str | None = None
    locations: list[dict] = field(default_factory=list)
    person_roles: dict[str, str] = field(default_factory=dict)  # person key -> role found in the text
    used_roles: set[int] = field(default_factory=set)  # tokens of titles already given to a named person

    def add(self, m: Mention) -> Mention:
        self.mentions.append(m)
        self.taken.update(range(m.start, m.end))
        return m

    def free(self, s: int, e: int) -> bool:
        return not any(i in self.taken for i in range(s, e))


# --- helpers ----------------------------------------------------------------------------------------------

def _paragraph_kinds(story: Story, doc) -> list[str]:
    paras = sorted(story.paragraphs, key=lambda p: p.span.start)
    starts = [p.span.start for p in paras]
    out = []
    from spacy.attrs import IDX

    for idx in doc.to_array([IDX]).tolist():
        i = bisect_right(starts, idx) - 1
        out.append(paras[i].kind if i >= 0 and idx < paras[i].span.end else "body")
    return out


def _trim(doc, s: int, e: int) -> tuple[int, int]:
    """Drop leading determiners and trailing possessives, punctuation and spaces from a token range."""
    while s < e and (doc[s].lower_ in ("the", "a", "an") or doc[s].is_space or doc[s].is_punct):
        s += 1
    while e > s and (doc[e - 1].tag_ == "POS" or doc[e - 1].is_space or doc[e - 1].text in ("'s", "’s")
                     or (doc[e - 1].is_punct and doc[e - 1].text not in (".",))):
        e -= 1
    if e > s and doc[e - 1].text == "." and not doc[e - 1].idx == doc[e - 2].idx + len(doc[e - 2].text):
        e -= 1
    return s, e


def _locative(tok) -> bool:
    """Whether a name token is the object of a place preposition ("in Washington")."""
    head = climb(tok, lambda t: t.dep_ in ("compound", "conj", "appos", "amod", "flat"))
    return head.dep_ == "pobj" and head.head.lower_ in LOCATIVE


def _acts(tok) -> bool:
    """Whether a place name stands for its government: subject, possessor, agent or object, not a place."""
    head = climb(tok, lambda t: t.dep_ in ("compound", "flat", "conj"))
    if head.dep_ == "pobj":
        return head.head.lower_ in ("with", "by", "between", "against", "from") and head.head.lower_ != "from"
    return head.dep_ in SPEECH_OR_ACT


# --- step 1: names ----------------------------------------------------------------------------------------

def _kb_matches(w: Work, matchers: Matchers) -> None:
    doc, kb = w.doc, w.kb
    for s, e in longest(matchers.names(doc)):
        span = doc[s:e]
        if w.para_kind[s] == "boilerplate" or not capitalised(span, kb):
            continue
        refs = kb.lookup(span.text)
        if not refs:
            continue
        # prefer a name over a demonym over a seat for the same surface
        order = {"name": 0, "demonym": 1, "seat": 2}
        entry, how = min(refs, key=lambda r: order.get(r[1], 3))
        w.names[(s, e)] = (entry, how)
        for i in range(s, e):
            w.name_at[i] = (s, e)
    for s, e in longest(matchers.roles(doc)):
        for i in range(s, e):
            w.roles[i] = (s, e)
    for s, e in longest(matchers.agents(doc)):
        if doc[e - 1].pos_ in ("NOUN", "PROPN"):
            for i in range(s, e):
                w.agents[i] = (s, e)


def _role_of(w: Work, s: int, e: int):
    text = " ".join(t.lower_ for t in w.doc[s:e])
    role = w.kb.roles.get(text)
    if role is None:
        role = w.kb.roles.get(w.doc[s:e].text.lower())
    return role


def _datelines(w: Work) -> set[int]:
    """Tokens of a dateline at the start of a paragraph ("NEW DELHI -", "KABUL, Nov 17 (Reuters) -")."""
    doc = w.doc
    out: set[int] = set()
    for sent in doc.sents:
        i = sent.start
        if i > 0 and not doc[i - 1].is_space and "\n" not in doc[i - 1].text_with_ws:
            continue
        j = i
        while j < sent.end and j - i < 6 and (doc[j].is_upper or doc[j].text in (",", ".")) and doc[j].text != "-":
            j += 1
        if j > i and j < sent.end and doc[j].text in ("-", "--", "–", "—", "(") and any(
                doc[k].is_alpha and len(doc[k].text) > 1 for k in range(i, j)):
            out.update(range(i, j))
    return out


def _find_names(w: Work) -> None:
    doc = w.doc
    dateline = _datelines(w)
    # knowledge-base names
    for (s, e), (entry, how) in sorted(w.names.items()):
        body = w.para_kind[s] == "body"
        tok = doc[e - 1]
        if s in dateline:
            w.locations.append({"start": s, "end": e, "country": entry.country, "actor": None, "dateline": True})
            continue
        if how == "demonym":
            continue  # demonyms name actors only with a noun ("Afghan government"): see _nominals
        if how == "seat" and entry.kind == "country":
            ent_label = tok.ent_type_
            if ent_label == "PERSON" or not _acts(tok) or _locative(tok):
                w.locations.append({"start": s, "end": e, "country": entry.country, "actor": None})
                continue
        if entry.kind == "country" and s >= 2 and doc[s - 1].text == "-" and doc[s - 2].lower_ in ("anti", "pro"):
            how = "stance"  # "an anti-Syria journalist": Syria is named, but the story is not about it
        if entry.kind == "country" and body and _locative(tok):
            w.locations.append({"start": s, "end": e, "country": entry.country, "actor": entry.key})
        w.add(Mention(s, e, entry.key, entry.kind, how, entry, body=body))
    # spaCy entities
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS or w.para_kind[ent.start] == "boilerplate":
            continue
        s, e = _trim(doc, ent.start, ent.end)
        while s < e and s in dateline:
            s += 1
        s, e = _trim(doc, s, e)
        if s >= e or not any(t.pos_ == "PROPN" or t.is_upper for t in doc[s:e]):
            continue  # "Tens of thousands" is no name
        if ent.label_ == "ORG" and _sub_body(w, s, e):
            continue
        if ent.label_ == "PERSON":
            inner = [m for m in w.mentions if s <= m.start and m.end <= e]
            if inner and all(m.kind == "person" and m.how == "alias" and m.end - m.start < e - s for m in inner):
                # "Ahmed Wali Karzai" is not Hamid Karzai: the full name beats a known surname inside it
                _drop(w, lambda m: any(m is x for x in inner))
                for m in inner:
                    for i in range(m.start, m.end):
                        w.name_at.pop(i, None)
        body = w.para_kind[s] == "body"
        if ent.label_ == "ORG" and _country_word_org(w, s, e):
            continue  # "Nigerian Union of Teachers" is kept whole; "Afghan government" is left to _nominals
        # parts of the entity outside knowledge-base names and outside leading titles
        free = [i for i in range(s, e) if i not in w.taken and i not in w.name_at]
        if not free:
            continue
        fs, fe = free[0], free[-1] + 1
        if len(free) != fe - fs:  # a name in the middle: keep the last stretch
            fs = max(i for i in free if i - 1 not in free)
        # peel titles off the front ("President Obama", "Defence Minister Pierre Joxe")
        while fs < fe and (fs in w.roles or doc[fs].lower_ in ("the", "a")):
            r = w.roles.get(fs)
            if r and _role_of(w, *r) and _role_of(w, *r).type == "honorific" and _role_of(w, *r).sector:
                break  # "Mullah Omar": a religious honorific stays in the name
            fs = r[1] if r else fs + 1
        fs, fe = _trim(doc, fs, fe)
        if fs >= fe or not any(t.is_alpha for t in doc[fs:fe]):
            continue
        label = ent.label_
        before = w.roles.get(fs - 1)
        if label == "ORG" and before and doc[before[0]].is_title and fe - fs <= 4 \
                and all(t.is_title and t.pos_ in ("PROPN", "NOUN", "ADJ") for t in doc[fs:fe]) \
                and (_role_of(w, *before) is not None and _role_of(w, *before).type != "honorific"):
            label = "PERSON"  # "Vice-President Moody Awori" tagged ORG: a title before it makes it a person
        if (fs, fe) != (s, e) and label != "PERSON" and fe - fs >= 2 and all(t.is_title for t in doc[fs:fe]) \
                and (fs, fe) != (ent.start, ent.end) and fs > s:
            label = "PERSON"  # "CENTCOM David Petraeus": what follows the organisation is a person's name
        if label in ("NORP", "GPE", "LOC", "FAC"):
            # not a known country, seat or body: a place or an ethnic/religious word, not an actor by itself
            if label in ("GPE", "LOC") and body:
                w.locations.append({"start": fs, "end": fe, "country": None, "actor": None})
            continue
        kind = "person" if label == "PERSON" else "organization"
        text = doc[fs:fe].text
        key = f"name:{text.lower()}" if kind == "person" else f"org:{slug(text)}"
        m = w.add(Mention(fs, fe, key, kind, "name", None, name=text, body=body))
        if kind == "organization" and fs >= 2 and doc[fs - 1].tag_ == "POS" and fs - 2 in w.name_at:
            cs, ce = w.name_at[fs - 2]
            entry, how = w.names[(cs, ce)]
            if entry.kind == "country" and how == "name":
                # "Ivory Coast's Supreme Court": the country's court is the actor
                _drop(w, lambda o: o.start == cs and o.end == ce)
                m.start, m.country = cs, entry.country
                w.taken.update(range(cs, fe))
    # a title followed by capitalised words spaCy did not call a name: "President Dos Sontas"
    for i, (s, e) in sorted(set(w.roles.items())):
        if i != s or e >= len(doc) or w.para_kind[s] != "body" or not doc[s].is_title:
            continue
        if s > 0 and doc[s - 1].is_title and doc[s - 1].pos_ in ("PROPN", "ADJ") and s - 1 not in w.roles \
                and s - 1 not in w.name_at and not doc[s - 1].is_sent_start:
            continue  # "the Central General Staff" is a name, not General Staff
        j = e
        while j < len(doc) and j - e < 3 and doc[j].is_title and j not in w.taken and j not in w.name_at \
                and (doc[j].pos_ == "PROPN" or (doc[j].pos_ in ("NOUN", "ADJ") and not doc[j].is_stop
                                                and j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN")):
            j += 1
        if j > e:
            text = doc[e:j].text
            w.add(Mention(e, j, f"name:{text.lower()}", "person", "name", None, name=text))


def _sub_body(w: Work, s: int, e: int) -> bool:
    """ORG entity "<X> of (the) <known body>" ("Council of the European Union"): a mention of that body."""
    doc = w.doc
    last = w.name_at.get(e - 1)
    if last is None or last[1] != e or last[0] <= s:
        return False
    entry, _ = w.names[last]
    if entry.kind not in ("organization", "group"):
        return False
    k = last[0] - 1
    if k > s and doc[k].lower_ == "the":
        k -= 1
    if k <= s or doc[k].lower_ != "of":
        return False
    _drop(w, lambda m: s <= m.start and m.end <= e)
    w.add(Mention(s, e, entry.key, entry.kind, "name", entry, body=w.para_kind[s] == "body"))
    return True


def _country_word_org(w: Work, s: int, e: int) -> bool:
    """An ORG entity with a country word inside ("Latvian Constitutional Court", "Rwandan Patriotic Front").
    Made into one organisation mention unless it is only a country word and actor nouns ("Afghan
    government"), which ``_nominals`` codes as the country. Returns True when the entity is dealt with."""
    doc = w.doc
    inner = [w.name_at[i] for i in range(s, e) if i in w.name_at]
    if not inner:
        return False
    entries = [w.names[r][0] for r in inner]
    if any(en.kind != "country" for en in entries):
        return False
    rest = [i for i in range(s, e) if i not in w.name_at and not doc[i].is_punct]
    if not rest or all(i in w.agents for i in rest):
        return True
    if any(i in w.taken and i not in w.name_at for i in range(s, e)):
        return False
    # drop the country mention inside: the organisation is the actor
    _drop(w, lambda m: s <= m.start and m.end <= e)
    text = doc[s:e].text
    m = w.add(Mention(s, e, f"org:{slug(text)}", "organization", "name", None, name=text,
                      body=w.para_kind[s] == "body"))
    m.country = entries[0].country
    return True


# --- step 2: people ---------------------------------------------------------------------------------------

def _aliases(name: str) -> list[str]:
    words = name.split()
    out = [name]
    if len(words) >= 2:
        out.append(words[-1])
        for k in range(1, len(words) - 1):
            if words[k].lower() in PARTICLES:
                out.append(" ".join(words[k:]))
                break
        if "-" in words[-1] and words[-1].split("-")[0].lower() in PARTICLES:
            out.append(words[-1].split("-", 1)[1])
    return out


def _people(w: Work) -> None:
    doc, kb = w.doc, w.kb
    persons = [m for m in w.mentions if m.kind == "person"]
    # knowledge-base people by full name or alias
    for m in persons:
        if m.entry is None:
            refs = [(r, how) for r, how in kb.lookup(m.name or "") if r.kind == "person"]
            if refs:
                m.entry, m.key = refs[0][0], refs[0][0].key
                if refs[0][1] == "alias":
                    m.how = "alias"  # a known surname: may still be another person of that name
    # full names first, longest first, so that "Karzai" joins "Hamid Karzai"
    owners: dict[str, list[tuple[int, str]]] = {}  # alias -> [(first mention, person key)]
    singles = []
    for m in sorted(persons, key=lambda m: -(m.end - m.start)):
        name = m.entry.name if m.entry and m.how != "alias" else (m.name or doc[m.start:m.end].text)
        if len(name.split()) == 1 and (m.entry is None or m.how == "alias"):
            singles.append(m)
            continue
        for a in _aliases(name) + ([m.entry.name] if m.entry else []):
            w.people.setdefault(a.lower(), m.key)
            owners.setdefault(a.lower(), []).append((m.start, m.key))
        w.person_names.setdefault(m.key, name)
    for m in singles:
        # a surname alone: the person of that surname named last before it ("Bill Clinton ... Hillary
        # Clinton ... Clinton" is Hillary), else the first, else a person of its own
        text = (m.name or doc[m.start:m.end].text).lower()
        cands = owners.get(text)
        if cands:
            before = [c for c in cands if c[0] < m.start]
            m.key = max(before)[1] if before else min(cands)[1]
            m.entry = w.kb.entries.get(m.key)
            m.how = "alias"
        else:
            w.people.setdefault(text, m.key)
            w.person_names.setdefault(m.key, m.entry.name if m.entry else (m.name or doc[m.start:m.end].text))
    # ORG entities and bare proper nouns that repeat a person's name join the person
    for m in w.mentions:
        if m.kind == "organization" and m.entry is None:
            text = (m.name or "").lower()
            if text in w.people:
                m.kind, m.key, m.how = "person", w.people[text], "alias"
    from spacy.attrs import LOWER

    strings = doc.vocab.strings
    wanted = {strings.add(a): a for a in w.people if " " not in a}
    if wanted:
        lowers = doc.to_array([LOWER])
        for i, h in enumerate(lowers.tolist()):
            if h not in wanted or i in w.taken or w.para_kind[i] == "boilerplate":
                continue
            t = doc[i]
            if t.pos_ == "PROPN" and t.is_title:
                cands = owners.get(wanted[h]) or [(0, w.people[wanted[h]])]
                before = [c for c in cands if c[0] < i]
                key = max(before)[1] if before else min(cands)[1]
                w.add(Mention(i, i + 1, key, "person", "alias", body=w.para_kind[i] == "body"))


# --- step 3: titles ---------------------------------------------------------------------------------------

@dataclass
class RoleInfo:
    role: str | None = None
    sector: str | None = None
    country: str | None = None
    org: Entry | None = None
    start: int = 0
    end: int = 0


def _analyse(w: Work, s: int, e: int) -> RoleInfo | None:
    """Role, country and body named by the words s..e ("the new commander of CENTCOM")."""
    doc = w.doc
    info = RoleInfo(start=s, end=e)
    role_span, agent_sector, first = None, None, None
    i = s
    while i < e:
        if i in w.name_at:
            ns, ne = w.name_at[i]
            entry, how = w.names[(ns, ne)]
            if entry.kind == "country":
                info.country = info.country or entry.country
            elif entry.kind in ("organization", "group"):
                info.org = info.org or entry
                first = ns if first is None else first
            i = ne
            continue
        if i in w.roles:
            rs, re_ = w.roles[i]
            role = _role_of(w, rs, re_)
            if role and role.type != "honorific":
                role_span = (rs, re_, role)
                first = rs if first is None else first
            i = re_
            continue
        if i in w.agents:
            a_s, a_e = w.agents[i]
            agent_sector = w.kb.agents.get(doc[a_s:a_e].text.lower(), (None,))[0]
            first = a_s if first is None else first
            i = a_e
            continue
        i += 1
    if role_span is None:
        return None
    rs, re_, role = role_span
    k = rs - 1
    while k >= s and (doc[k].lower_ in ("the", "a", "an") or doc[k].pos_ == "ADJ" or k in w.name_at):
        k -= 1
    if k >= s and doc[k].lower_ in ("of", "to", "for", "with"):
        return None  # "a brother of the president": the title is someone else's
    if first is None or first == rs:
        # "Transport Minister", "Interior Ministry spokesman": capitalised words glued before the role
        k = rs
        while k > s and doc[k - 1].pos_ in ("PROPN", "NOUN") and doc[k - 1].is_title and k - 1 not in w.name_at:
            k -= 1
        first = k
    end = re_
    # "commander of CENTCOM": keep a following "of <body>" in the role
    if end < e and doc[end].lower_ in ("of", "for") and end + 1 < e:
        end = e
    info.role = doc[first if first is not None else rs:end].text
    info.start = first if first is not None else rs
    if role.type == "generic":
        info.sector = (info.org.sector if info.org else None) or agent_sector or role.sector
    else:
        info.sector = role.sector
        if info.org and info.org.sector in ("REB", "PRM", "UAF", "IGO") and role.sector in ("GOV", "MIL"):
            info.sector = info.org.sector
    if info.country is None and info.org is not None:
        info.country = info.org.country
    info.generic = role.type == "generic"  # type: ignore[attr-defined]
    info.agent = agent_sector  # type: ignore[attr-defined]
    return info


def _left_phrase(w: Work, s: int) -> tuple[int, int]:
    """The title words right before a name: roles, names, demonyms, adjectives, "of", "'s"."""
    doc = w.doc
    lo = doc[s].sent.start
    i = s
    while i > lo and s - i < 9:
        t = doc[i - 1]
        ok = (i - 1 in w.roles or i - 1 in w.name_at or i - 1 in w.agents or t.lower_ in ROLE_ADJ
              or t.lower_ in ("of", "for", "-") or t.tag_ == "POS" or t.pos_ in ("ADJ", "PROPN")
              or (t.lower_ == "the" and i - 2 >= lo and doc[i - 2].lower_ in ("of", "for")))
        if not ok or (i - 1 in w.taken and i - 1 not in w.name_at and _person_token(w, i - 1)):
            break
        i -= 1
    while i < s and (doc[i].lower_ in ("of", "for", "-") or doc[i].tag_ == "POS"):
        i += 1
    return i, s


def _person_token(w: Work, i: int) -> bool:
    return any(m.kind == "person" and m.start <= i < m.end for m in w.mentions if m.start <= i)


def _right_apposition(w: Work, e: int) -> tuple[int, int] | None:
    """", a White House spokesman," after a name: the words between the commas (at most 8)."""
    doc = w.doc
    if e >= len(doc) or doc[e].text != ",":
        return None
    j = e + 1
    send = doc[e].sent.end
    while j < send and j - e <= 9 and doc[j].text not in (",", ";", ".", "(", ")", '"', "“", "”") \
            and not (doc[j].pos_ in ("VERB", "AUX") and doc[j].tag_ not in ("VBN",)):
        j += 1
    if j - e > 9 or (j < send and doc[j].text not in (",", ".", ";", '"', "“", "”")):
        return None
    s = e + 1
    while s < j and doc[s].lower_ in ("the", "a", "an"):
        s += 1
    return (s, j) if s < j else None


def _titles(w: Work) -> None:
    doc = w.doc
    done: set[str] = set()
    used_roles: set[int] = set()
    for m in sorted([m for m in w.mentions if m.kind == "person" and m.body], key=lambda m: m.start):
        infos = []
        ls, le = _left_phrase(w, m.start)
        if ls < le:
            info = _analyse(w, ls, le)
            if info:
                infos.append(info)
                used_roles.update(range(ls, le))
        e = m.end
        while e < len(doc) and doc[e].tag_ == "POS":
            e += 1
        # "President Hamid Karzai of Afghanistan"
        if e + 1 < len(doc) and doc[e].lower_ == "of" and e + 1 in w.name_at:
            ns, ne = w.name_at[e + 1]
            entry, _ = w.names[(ns, ne)]
            if infos:
                infos[0].country = infos[0].country or entry.country
                if entry.kind != "country" and infos[0].org is None:
                    infos[0].org = entry
            else:
                infos.append(RoleInfo(None, None, entry.country, entry if entry.kind != "country" else None))
        app = _right_apposition(w, e)
        if app:
            info = _analyse(w, *app)
            if info:
                infos.append(info)
                used_roles.update(range(*app))
                # the appositive title is a mention of the person ("Mullah Brother, the deputy leader")
                s0 = info.start
                if w.free(s0, app[1]):
                    w.add(Mention(s0, app[1], m.key, "person", "title", body=m.body))
                elif s0 < app[1]:
                    # a body's name sits inside the title ("the exiled Taliban leader"): the role noun only
                    rs, re_ = w.roles.get(app[1] - 1, (app[1] - 1, app[1]))
                    if w.free(rs, re_):
                        w.add(Mention(rs, re_, m.key, "person", "title", body=m.body))
        for info in infos:
            for other in w.mentions:
                if other.kind != "person" and info.start <= other.start < info.end:
                    other.how = "intitle"  # "White House" in "a White House spokesman"
            # an unknown ORG entity inside a title is part of the title ("Transport" in "Transport Minister")
            _drop(w, lambda o: o.entry is None and o.kind == "organization" and info.start <= o.start
                  and o.end <= info.end)
        if m.key in done:
            continue
        for info in infos:
            if info.role and m.role is None:
                m.role = info.role
                w.person_roles.setdefault(m.key, info.role)
            if info.sector and m.sector is None:
                m.sector = info.sector
            if info.country and m.country is None:
                m.country = info.country
            if info.org and m.affiliation is None:
                m.affiliation = info.org.key
            if m.affiliation is None and getattr(info, "generic", False) and info.org is None \
                    and not getattr(info, "agent", None):  # "Foreign ministry spokesman": a government
                org = _last_body(w, m.start)
                if org is not None:
                    m.affiliation = org.key
                    m.country = m.country or org.country
                    if info.sector in (None, "GOV") or info.role and "leader" in info.role.lower():
                        m.sector = org.sector or m.sector
        if m.role or m.country or m.affiliation:
            done.add(m.key)
    w.used_roles = used_roles


def _last_body(w: Work, before: int) -> Entry | None:
    """The organisation or group mentioned last before a token, within three sentences."""
    doc = w.doc
    limit_sent = doc[before].sent.start
    sents = 0
    best = None
    for m in w.mentions:
        if m.start >= before or not m.body or m.entry is None:
            continue
        if m.entry.kind not in ("organization", "group") or m.entry.sector in ("JRN",):
            continue
        if best is None or m.start > best[0]:
            best = (m.start, m.entry)
    if best is None:
        return None
    # within three sentences
    k = best[0]
    while limit_sent > k and sents < 4:
        limit_sent = doc[limit_sent - 1].sent.start
        sents += 1
    return best[1] if sents <= 3 else None


# --- step 4: noun phrases naming bodies of actors --------------------------------------------------------

COLLECTIVE = {"group", "groups", "organization", "organizations", "organisation", "organisations", "movement",
              "movements", "faction", "factions", "coalition", "alliance", "network", "cell", "cells"}
GENERIC_HEADS = {"leader", "leaders", "member", "members", "official", "officials", "officer", "officers",
                 "spokesman", "spokesmen", "chief", "chiefs", "commander", "commanders", "head", "heads"}


def _modifiers(w: Work, head) -> tuple[list[tuple[int, int, Entry]], int]:
    """Country / organisation names that modify a noun, with the leftmost token of the phrase.

    Looks at the noun's own modifiers and, for a noun that is itself a modifier ("Israeli army bulldozers"),
    at the modifiers of its head to its left; then at "of / in / from <name>" after it."""
    doc = w.doc
    found: list[tuple[int, int, Entry]] = []
    left = head.i
    stack = [c for c in head.children if c.dep_ in ("amod", "compound", "nmod", "poss", "npadvmod")]
    if head.dep_ == "compound":
        stack += [c for c in head.head.children
                  if c.i < head.i and c.dep_ in ("amod", "compound", "nmod", "poss") and c.i != head.i]
    while stack:
        c = stack.pop()
        if c.i in w.name_at:
            ns, ne = w.name_at[c.i]
            entry, how = w.names[(ns, ne)]
            if how == "seat" and c.dep_ != "poss":
                continue  # "NEW DELHI - Indian troops": a dateline, not the troops' country
            if ns >= 2 and doc[ns - 1].text == "-" and doc[ns - 2].lower_ in ("anti", "pro"):
                continue  # "an anti-Syria journalist" is not Syrian
            if all(f[:2] != (ns, ne) for f in found):
                found.append((ns, ne, entry))
            left = min(left, ns)
        elif c.i < head.i and c.i >= left - 3:
            left = min(left, c.i)
        stack.extend(cc for cc in c.children if cc.dep_ in ("conj", "compound", "amod"))
    # "police in Nairobi", "government of Sindh province"
    for p in head.children:
        if p.dep_ == "prep" and p.lower_ in ("of", "in", "from", "for"):
            for o in p.children:
                if o.dep_ == "pobj":
                    ent = w.name_at.get(o.i)
                    if ent:
                        entry, _ = w.names[ent]
                        found.append((ent[0], ent[1], entry))
    found.sort(key=lambda f: f[0])
    return found, left


def _city_country(name: str) -> str | None:
    from .places import city_country

    return city_country(name)


def _nominals(w: Work) -> None:
    doc = w.doc
    conjuncts = w.story.ext["actors.conjuncts"]
    used = w.used_roles
    for i, (s, e) in sorted(w.agents.items()):
        if i != s or w.para_kind[s] != "body" or not w.free(s, e) or s in used:
            continue
        head = doc[e - 1]
        # a title right before a person's name is that person's title ("U.S. negotiator Paul Nitze")
        if e < len(doc) and any(m.start == e and m.kind == "person" for m in w.mentions):
            continue
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children):
            continue  # "its troops": the pronoun's actor, not a new one
        # an actor noun modifying another actor noun: the head speaks ("government officials")
        if head.dep_ == "compound" and head.head.i in w.agents:
            continue
        sector, kind = w.kb.agents.get(doc[s:e].text.lower(), (None, None))
        if sector is None:
            continue
        if head.dep_ == "compound" and head.head.lower_ in COLLECTIVE and head.head.i > head.i \
                and w.free(e, head.head.i + 1):
            # "opposition groups in Zimbabwe": the collective noun heads the phrase
            head = head.head
            e = head.i + 1
        if head.lower_ in GENERIC_HEADS:  # "Afghan rebel leaders", "opposition members"
            for c in head.children:
                if c.i < head.i and c.dep_ in ("compound", "amod") and c.lower_ in w.kb.agents \
                        and c.i not in w.name_at:
                    sector = w.kb.agents[c.lower_][0]
        mods, left = _modifiers(w, head)
        left = min(left, s)
        if sector == "MIL" and any(t.ent_type_ == "NORP" and t.i not in w.name_at for t in doc[left:s]):
            sector = "REB"  # "Moslem forces", "Kurdish fighters": armed men named by faith or people
        countries = [(a, b, en) for a, b, en in mods if en.kind == "country"]
        if not countries and any(t.lower_ in NO_COUNTRY for t in doc[left:s]):
            continue  # "coalition forces", "foreign troops": no one country
        orgs = [(a, b, en) for a, b, en in mods if en.kind in ("organization", "group")]
        if orgs:
            a, b, en = orgs[0]
            st = left if w.free(left, e) else b
            if w.free(st, e):
                w.add(Mention(st, e, en.key, en.kind, "nominal", en))
            continue
        if not countries:
            # a place after the noun: "police in Nairobi"
            place_country, end = None, e
            for p in head.children:
                if p.dep_ == "prep" and p.lower_ in ("in", "of", "from"):
                    for o in p.children:
                        if o.dep_ == "pobj" and o.ent_type_ in ("GPE", "LOC"):
                            place_country = _city_country(o.text)
                            end = max(end, o.i + 1)
            plural = head.tag_ in ("NNS", "NNPS") or head.lower_ in ("police", "military", "people")
            definite = any(c.lower_ in ("the", "this", "that", "these", "those") for c in head.children) \
                or head.dep_ in ("nsubj", "nsubjpass")  # "a terror group claims ..." acts
            if place_country is None and not (plural or definite):
                continue
            country = place_country or w.focus
            if place_country is None:
                end = e
            st = left if w.free(left, end) else s
            if not w.free(st, end):
                continue
            if place_country is None and definite and left == s:
                earlier = _same_sector_before(w, s, sector)
                if earlier is not None:  # "Hamas militants ... the militants": the body named before
                    w.add(Mention(st, end, earlier.key, earlier.kind, "nominal", earlier.entry,
                                  name=earlier.name, country=earlier.country, sector=earlier.sector))
                    continue
            w.add(_nominal(w, st, end, country, sector, kind))
            continue
        if len(countries) == 1:
            a, b, en = countries[0]
            st = min(left, a)
            if not w.free(st, e) and a < s:
                # "Russia troops", "Israel's high court": the country's name is part of this actor's mention
                _drop(w, lambda m: st <= m.start and m.end <= e and m.key == en.key)
            if w.free(st, e):
                w.add(_nominal(w, st, e, en.country, sector, kind, en))
            elif w.free(b, e):
                w.add(_nominal(w, b, e, en.country, sector, kind, en))
            continue
        parts = []
        for a, b, en in countries:
            if w.free(a, b):
                part = w.add(_nominal(w, a, b, en.country, sector, kind, en))
                part.name = f"{doc[a:b].text} {doc[s:e].text}"  # "Pakistani troops" for "Indian and Pakistani troops"
                parts.append(part)
        if len(parts) > 1:
            lo = min(m.start for m in parts)
            conjuncts[(doc[lo].idx, doc[e - 1].idx + len(doc[e - 1]))] = parts  # ids once actors exist


def _same_sector_before(w: Work, before: int, sector: str) -> Mention | None:
    """The last body (not a person) of this sector mentioned before a token, within five sentences."""
    doc = w.doc
    sent_start = doc[before].sent.start
    best = None
    for m in w.mentions:
        if m.start >= before or not m.body or m.kind == "person":
            continue
        m_sector = m.entry.sector if m.entry else m.sector
        if m_sector != sector or (m.entry and m.entry.kind == "country" and sector != "GOV"):
            continue
        if best is None or m.start > best.start:
            best = m
    if best is None:
        return None
    sents, k = 0, sent_start
    while k > best.start and sents <= 5:
        k = doc[k - 1].sent.start
        sents += 1
    return best if sents <= 5 else None


def _drop(w: Work, which) -> None:
    """Remove the mentions ``which`` selects (a name absorbed into a longer mention)."""
    kept = [m for m in w.mentions if not which(m)]
    if len(kept) != len(w.mentions):
        w.mentions = kept
        w.taken = {i for m in w.mentions for i in range(m.start, m.end)}


def _nominal(w: Work, s: int, e: int, country: str | None, sector: str, kind: str, entry: Entry | None = None):
    """A mention of a body of actors: its country's government, or a (country, sector) group."""
    if country and sector == "GOV":
        key = f"country:{country}"
        if key in w.kb.entries:
            return Mention(s, e, key, "country", "nominal", w.kb.entries[key])
    key = f"nominal:{country or '-'}:{sector}"
    return Mention(s, e, key, kind if kind in ("organization", "group") else "group", "nominal",
                   country=country, sector=sector, name=w.doc[s:e].text)


def _demonyms(w: Work) -> None:
    """Demonyms left over: "Palestinians" is a civilian group of Palestine, "ethnic Albanians" a civilian
    group of the focus country, and an adjective ("an Indian proposal", "Hungarian") the country itself."""
    doc = w.doc
    used = w.used_roles
    for (s, e), (entry, how) in sorted(w.names.items()):
        if how != "demonym" or w.para_kind[s] != "body" or not w.free(s, e) or s in used:
            continue
        tok = doc[e - 1]
        ethnic = s > 0 and doc[s - 1].lower_ in ("ethnic", "fellow")
        plural = tok.tag_ in ("NNS", "NNPS") or (tok.pos_ in ("NOUN", "PROPN") and tok.lower_.endswith("s")
                                                 and tok.dep_ not in ("amod", "compound"))
        if plural or ethnic:
            country = (w.focus or entry.country) if ethnic else entry.country
            st = s - 1 if ethnic else s
            for c in tok.children:
                # "Bosnian Serbs" live in Bosnia, "Albanians of southern Serbia" in Serbia
                where = None
                if c.dep_ in ("amod", "compound") and c.i < s and c.i in w.name_at:
                    where = w.names[w.name_at[c.i]][0]
                    st = min(st, w.name_at[c.i][0])
                elif c.dep_ == "prep" and c.lower_ in ("of", "in", "from"):
                    objs = [o for o in c.children if o.dep_ == "pobj" and o.i in w.name_at]
                    where = w.names[w.name_at[objs[0].i]][0] if objs else None
                if where is not None and where.kind == "country":
                    country = where.country
            _drop(w, lambda m: st <= m.start and m.end <= e)
            w.add(Mention(st, e, f"nominal:{country or '-'}:CVL", "group", "nominal", country=country,
                          sector="CVL", name=doc[st:e].text))
        else:
            w.add(Mention(s, e, entry.key, "country", "demonym", entry))


def _agent_sector(w: Work, s: int, e: int) -> str | None:
    for i in range(s, e):
        if i in w.agents:
            a, b = w.agents[i]
            return w.kb.agents.get(w.doc[a:b].text.lower(), (None,))[0]
    return None


def _person_after_comma(w: Work, end: int) -> Mention | None:
    doc = w.doc
    if end + 1 < len(doc) and doc[end].text == ",":
        j = end + 1
        while j < len(doc) and j - end <= 2 and (j in w.roles and _role_of(w, *w.roles[j])
                                                 and _role_of(w, *w.roles[j]).type == "honorific"):
            j = w.roles[j][1]
        for m in w.mentions:
            if m.kind == "person" and m.start == j and m.how in ("name", "alias"):
                return m
    return None


def _unnamed_roles(w: Work) -> None:
    """Titles without a name: "the French minister", "president of Armenia", "Quatar's emir" become a person
    of that country; "the president" with no country joins the last person with that role."""
    doc = w.doc
    used = w.used_roles
    roles_by_key = w.person_roles
    for i, (s, e) in sorted(w.roles.items()):
        if i != s or w.para_kind[s] != "body" or s in used or not w.free(s, e) or (e - 1) in w.agents:
            continue  # an actor noun ("officials", "envoy") is a body of actors: _nominals
        role = _role_of(w, s, e)
        head = doc[e - 1]
        if role is None or role.type == "honorific" or head.pos_ not in ("NOUN", "PROPN"):
            continue
        if e < len(doc) and any(m.start == e and m.kind == "person" for m in w.mentions):
            continue
        mods, left = _modifiers(w, head)
        countries = [en for _, _, en in mods if en.kind == "country"]
        orgs = [en for _, _, en in mods if en.kind in ("organization", "group")]
        end = e
        for p in head.children:
            if p.dep_ == "prep" and p.lower_ in ("of", "for"):
                for o in p.children:
                    if o.dep_ == "pobj" and o.i in w.name_at:
                        end = max(end, w.name_at[o.i][1])  # "president of Armenia", "spokesman for the RSF"
        st = min([left] + [a for a, _, _ in mods if a < s])
        while st < s and doc[st].lower_ in ("the", "a", "an"):
            st += 1
        if not (countries or orgs):
            named = _person_after_comma(w, end) or _person_after_comma(w, max(t.i for t in head.subtree) + 1)
            if named is not None:  # "A ministry spokeswoman, Sara Qureshi,"
                named.role = named.role or doc[st:e].text
                named.sector = named.sector or (role.sector if role.type == "title" else
                                                _agent_sector(w, st, e) or role.sector)
                w.person_roles.setdefault(named.key, named.role)
                if w.free(st, end):
                    w.add(Mention(st, end, named.key, "person", "title"))
                continue
        if countries or orgs:
            country = countries[0].country if countries else orgs[0].country
            org = orgs[0] if orgs else None
            sector = role.sector
            if role.type == "generic" and org is not None:
                sector = org.sector or sector
            named = _person_after_comma(w, end)
            if named is not None:
                # "Quatar's emir, Sheikh Hamad bin Khalifa al-Thani": the title belongs to the name after it
                named.role = named.role or doc[s:e].text
                named.country = named.country or country
                named.sector = named.sector or sector
                named.affiliation = named.affiliation or (org.key if org else None)
                w.person_roles.setdefault(named.key, doc[s:e].text)
                span_s, span_e = (st, end) if w.free(st, end) else (s, e)
                w.add(Mention(span_s, span_e, named.key, "person", "title"))
                continue
            key = f"role:{role.text}:{country or (org.key if org else '-')}"
            # mentions inside the title (the country word) stay; the title as a whole names the person
            span_s, span_e = (st, end) if w.free(st, end) else (s, e)
            m = w.add(Mention(span_s, span_e, key, "person", "title", name=doc[st:end].text, country=country,
                              sector=sector, role=doc[s:e].text, affiliation=org.key if org else None))
            roles_by_key.setdefault(key, role.text)
        elif any(c.lower_ == "the" for c in head.children):
            for m in sorted(w.mentions, key=lambda m: -m.start):
                if m.start < s and m.kind == "person" and m.body and \
                        role.text in (roles_by_key.get(m.key) or "").lower():
                    w.add(Mention(s, e, m.key, "person", "title"))
                    break


# --- step 5: actors ---------------------------------------------------------------------------------------

def _focus(w: Work) -> str | None:
    counts: Counter = Counter()
    first: dict[str, int] = {}
    for m in w.mentions:
        c = m.entry.country if m.entry else m.country
        if not c or m.how == "stance":
            continue
        weight = 1 if m.body else 2
        counts[c] += weight if (m.entry and m.entry.kind == "country") else weight * 0.5
        first.setdefault(c, m.start)
    for (s, e), (entry, how) in w.names.items():
        if how == "demonym" and entry.country:
            counts[entry.country] += 1 if w.para_kind[s] == "body" else 2
            first.setdefault(entry.country, s)
    for loc in w.locations:
        if loc["country"]:
            counts[loc["country"]] += 2 if loc.get("dateline") else 0.5  # "NEW DELHI -" places the story
    if not counts:
        return None
    return max(counts, key=lambda c: (counts[c], -first.get(c, 0)))


def _char_span(w: Work, s: int, e: int) -> Span:
    doc = w.doc
    return w.story.span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text))


def _build(w: Work) -> dict[str, Actor]:
    doc, kb = w.doc, w.kb
    by_key: dict[str, Actor] = {}
    body_keys = {m.key for m in w.mentions if m.body}
    order = sorted(w.mentions, key=lambda m: (m.start, -m.end))
    for m in order:
        if m.key not in body_keys:
            continue
        a = by_key.get(m.key)
        if a is None:
            a = Actor(id=f"a{len(by_key) + 1}", name="", kind=m.kind)
            by_key[m.key] = a
            entry = m.entry or kb.entries.get(m.key)
            if entry is not None:
                a.name, a.kind, a.country, a.sector, a.code, a.kb_id = (
                    entry.name, entry.kind, entry.country, entry.sector, entry.code, entry.key)
                a.role = entry.role
            elif m.key.startswith("name:"):
                a.name = w.person_names.get(m.key, m.name or doc[m.start:m.end].text)
                a.kind = "person"
            elif m.key.startswith("nominal:"):
                a.name, a.kind, a.country, a.sector = m.name or "", m.kind, m.country, m.sector
            elif m.key.startswith("role:"):
                a.name, a.kind, a.country, a.sector = m.name or "", "person", m.country, m.sector
            else:
                a.name, a.kind = m.name or doc[m.start:m.end].text, m.kind
                _org_guess(w, a, m)
            if m.key in w.person_names and a.kind == "person":
                a.name = w.person_names[m.key] if not entry else entry.name
        # text beats the knowledge base for roles
        if m.role and (a.role is None or a.role == (kb.entries.get(m.key).role if m.key in kb.entries else None)):
            a.role = m.role
            a.sector = m.sector or a.sector
        elif m.sector and a.sector is None:
            a.sector = m.sector
        if m.country and (a.country is None or (a.kind == "person" and m.how != "alias" and m.role)):
            a.country = m.country
        if m.affiliation and a.affiliation is None:
            a.affiliation = m.affiliation  # a key for now
        span = _char_span(w, m.start, m.end)
        if span not in a.mentions:
            a.mentions.append(span)
    return by_key


def _org_guess(w: Work, a: Actor, m: Mention) -> None:
    """Country and sector of an organisation not in the knowledge base, from the words in its name."""
    doc = w.doc
    for i in range(m.start, m.end):
        if i in w.name_at:
            entry, how = w.names[w.name_at[i]]
            if entry.country and a.country is None:
                a.country = entry.country
        if i in w.agents:
            s, e = w.agents[i]
            a.sector = w.kb.agents.get(doc[s:e].text.lower(), (a.sector,))[0]
    if a.sector and a.country is None:
        a.country = w.focus


def _finish(w: Work, by_key: dict[str, Actor]) -> list[Actor]:
    kb = w.kb
    first_body = {}
    for m in w.mentions:
        if m.body and m.key in by_key:
            first_body[m.key] = min(first_body.get(m.key, m.start), m.start)
    keys = {id(a): k for k, a in by_key.items()}
    actors = sorted(by_key.values(), key=lambda a: first_body.get(keys[id(a)], 10**9))
    for n, a in enumerate(actors, 1):
        a.id = f"a{n}"
    text_roles = set(w.person_roles.values()) | {m.role for m in w.mentions if m.role}
    by_id = {a.id: a for a in actors}
    for a in actors:
        a.mentions.sort(key=lambda s: (s.start, s.end))
        if a.affiliation:
            body = by_key.get(a.affiliation)
            entry = kb.entries.get(a.affiliation)
            a.affiliation = body.id if body else None
            src = body or entry
            if src is not None:
                a.country = a.country or src.country
                if a.sector is None:
                    a.sector = src.sector
                if a.kind == "person" and a.sector == src.sector and getattr(src, "code", None):
                    a.code = src.code
        elif a.kind in ("organization", "group") and a.country and a.kind != "country":
            country = by_key.get(f"country:{a.country}")
            if country is not None and country is not a:
                a.affiliation = country.id
        stateless_body = a.affiliation is not None and (by_id.get(a.affiliation) is None
                                                        or by_id[a.affiliation].country is None)
        if a.kind == "person" and a.country is None and a.role and a.sector not in ("IGO", "NGO") \
                and a.role in text_roles and not stateless_body:
            a.country = w.focus  # a titled person the text does not place: the article's country
        if a.code is None and a.country:
            a.code = f"{a.country}{a.sector or ''}"
        elif a.code is None and a.sector in ("IGO", "NGO"):
            a.code = a.sector
    return actors


# --- step 7: headlines ------------------------------------------------------------------------------------

def _headlines(w: Work, by_key: dict[str, Actor]) -> None:
    """Non-body mentions join body actors; entity fragments shrink to the name they contain."""
    doc = w.doc
    for m in w.mentions:
        if m.body:
            continue
        a = by_key.get(m.key)
        if a is not None:
            span = _char_span(w, m.start, m.end)
            if span not in a.mentions:
                a.mentions.append(span)
            continue
        # "Karzai Offer": the longest stretch that is a known alias
        best = None
        for s in range(m.start, m.end):
            for e in range(m.end, s, -1):
                key = w.people.get(doc[s:e].text.lower())
                if key and key in by_key and (best is None or e - s > best[1] - best[0]):
                    best = (s, e, key)
        if best:
            span = _char_span(w, best[0], best[1])
            a = by_key[best[2]]
            if span not in a.mentions:
                a.mentions.append(span)


# --- the stage --------------------------------------------------------------------------------------------

def code_actors(story: Story, kb: KnowledgeBase, matchers: Matchers) -> Story:
    doc = story.doc
    for name, empty in (("actors.pronouns", dict), ("actors.conjuncts", dict), ("actors.locations", list)):
        story.ext[name] = empty()  # running the stage again starts afresh
    w = Work(story, doc, kb, _paragraph_kinds(story, doc))
    _kb_matches(w, matchers)
    _find_names(w)
    _people(w)
    w.focus = story.focus_country or _focus(w)
    if story.focus_country is None:
        story.focus_country = w.focus
    _titles(w)
    _nominals(w)
    _unnamed_roles(w)
    _demonyms(w)
    by_key = _build(w)
    _headlines(w, by_key)
    actors = _finish(w, by_key)
    story.actors = actors
    # conjunct and location records, by actor id
    conj = story.ext["actors.conjuncts"]
    for span, ms in list(conj.items()):
        ids = [by_key[m.key].id for m in ms if m.key in by_key]
        conj[span] = list(dict.fromkeys(ids))
    story.ext["actors.locations"] = [
        {**story.span(doc[x["start"]].idx, doc[x["end"] - 1].idx + len(doc[x["end"] - 1].text)).to_dict(),
         "country": x["country"] or _city_country(doc[x["start"]:x["end"]].text),
         "actor": by_key[x["actor"]].id if x["actor"] in by_key else None, "dateline": bool(x.get("dateline"))}
        for x in w.locations
    ]
    pronouns.resolve(story, w, by_key)
    return story


@stage("actors.rules.v1", requires=["doc", "paragraphs"],
       assigns=["actors", "focus_country", "actors.pronouns", "actors.conjuncts", "actors.locations"])
def make_actor_rules(nlp, config):
    """People, organisations, countries and groups with country, sector, role and every mention."""
    kb = knowledge_base(tuple(config.get("actor_files") or ()))
    matchers = Matchers.get(kb, nlp)

    def actors(story: Story) -> Story:
        return code_actors(story, kb, matchers)

    return actors
