"""Countries: demonyms no noun phrase took ("Palestinians", "ethnic Albanians", "an Indian proposal")
and the article's focus country (the country its mentions, demonyms and datelines point to most)."""

from __future__ import annotations

from collections import Counter

from ..word_classes import first_class
from .places import city_country, region_adjective
from .work import Mention, Work, drop


def demonym_actors(w: Work) -> None:
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
            drop(w, lambda m: st <= m.start and m.end <= e)
            w.add(Mention(st, e, f"nominal:{country or '-'}:CVL", "group", "nominal", country=country,
                          sector="CVL", name=doc[st:e].text))
        elif e - s == 1 and _a_language(tok):
            continue  # "speaks in SPANISH", "spoke FRENCH and German": a language, not the country
        elif _person_noun_after(w, tok):
            # "the Portuguese COACH", "a Nigerian singer": a person of the country, not the country
            head = tok.head
            kind = "person" if head.tag_ == "NN" else "group"
            text = doc[s:head.i + 1].text
            w.add(Mention(s, head.i + 1, f"nominal:{entry.country}:-:{text.lower()}", kind, "nominal",
                          country=entry.country, name=text))
        else:
            w.add(Mention(s, e, entry.key, "country", "demonym", entry))


def union_government(w: Work) -> None:
    """"The Centre" in Indian news is the Union government ("Tamil Nadu accused the Centre of refusing to act"),
    when the article's country is India and the word is no longer name's ("the Centre for Policy Research")."""
    if w.focus != "IND":
        return
    doc = w.doc
    entry = w.kb.entries.get("country:IND")
    for t in doc:
        if t.text != "Centre" or t.i == 0 or doc[t.i - 1].lower_ != "the" or w.para_kind[t.i] != "body" \
                or entry is None:
            continue
        named = [m for m in w.mentions if m.start <= t.i < m.end]
        if named and not (len(named) == 1 and (named[0].start, named[0].end) == (t.i, t.i + 1)
                          and named[0].entry is None):
            continue  # part of a name the knowledge base knows, or of a longer one
        if any(c.dep_ in ("prep", "compound", "amod") for c in t.children) or t.dep_ == "compound" or (
                t.ent_type_ and any(x.start <= t.i < x.end and x.end - x.start > 1 and x.label_ != "ORG"
                                    for x in doc.ents)):
            continue  # "the Centre for Policy Research", "the Centre's Delhi office" is fine, "the Centre Court" not
        drop(w, lambda m: any(m is x for x in named))  # "The CENTRE asked" tagged as a body of its own
        w.add(Mention(t.i, t.i + 1, entry.key, "country", "nominal", entry))


def possessed_people(w: Work) -> None:
    """A country's name owning a noun for people that no other step made an actor is a group of that country,
    not the country: "BRAZIL'S TRUCK DRIVERS ended their strike" (not Brazil, which then could not be the
    other side of its own deal), "Kenya's doctors"; "Brazil's president", "Brazil's army" are other steps'.
    Owning the name of a person no list knows, it is that person's country ("JORDAN'S visiting Dmitri X")."""
    doc = w.doc
    for (s, e), (entry, how) in sorted(w.names.items()):
        if how != "name" or entry.kind != "country" or w.para_kind[s] != "body" or e >= len(doc) \
                or doc[e].tag_ != "POS":
            continue
        head = doc[e - 1].head
        person = next((m for m in w.mentions if m.kind == "person" and m.how == "name" and m.entry is None and
                       m.country is None and m.start > e and m.start <= head.i < m.end), None)
        if doc[e - 1].dep_ == "poss" and person is not None:
            person.country = entry.country  # "Jordan's (visiting) Dmitri Maltravers": a person no list knows
            continue
        if doc[e - 1].dep_ != "poss" or head.pos_ != "NOUN" or head.i in w.agents or head.i in w.roles or \
                first_class("noun", head.lemma_) != "person" or not w.free(e, head.i + 1):
            continue
        if any(c.dep_ in ("compound", "amod") and c.i > e and (c.i in w.agents or c.i in w.roles)
               for c in head.children):
            continue  # "Brazil's police chiefs": a body's people, another step's
        drop(w, lambda m: m.start == s and m.end == e)
        text = doc[s:head.i + 1].text
        kind = "person" if head.tag_ == "NN" else "group"
        w.add(Mention(s, head.i + 1, f"nominal:{entry.country}:-:{doc[e + 1:head.i + 1].text.lower()}", kind,
                      "nominal", country=entry.country, name=text))


def region_people(w: Work) -> None:
    """People named by the adjective of a continent or region ("Central American CLERGYMEN", "European
    tourists"): a group of no one country (``places.region_adjective``)."""
    doc = w.doc
    for tok in doc:
        if not tok.is_title or w.para_kind[tok.i] != "body" or not _person_noun_after(w, tok):
            continue
        if tok.i > 0 and doc[tok.i - 1].is_title and region_adjective(doc[tok.i - 1:tok.i + 1].text):
            s = tok.i - 1
        elif region_adjective(tok.text):
            s = tok.i
        else:
            continue
        if w.free(s, tok.i + 2):
            text = doc[s:tok.i + 2].text
            w.add(Mention(s, tok.i + 2, f"nominal:-:-:{text.lower()}", "group", "nominal", name=text))


LANGUAGE_VERBS = {"speak", "learn", "teach", "study", "understand", "know", "write", "read", "translate", "use"}


def _a_language(tok) -> bool:
    """Whether a demonym standing alone as a noun is a language: the object of a verb or preposition, with no
    article ("in Spanish", "spoke French and GERMAN"; "the French" are the people, "French troops" the state's)."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN"):
        return False  # "in AZERBAIJANI jails", parsed as the object of "in"
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    return ((tok.dep_ == "pobj" and tok.head.lower_ in ("in", "into"))
            or (tok.dep_ == "dobj" and tok.head.lemma_ in LANGUAGE_VERBS)) \
        and not any(c.dep_ == "det" for c in tok.children) and tok.tag_ not in ("NNS", "NNPS") \
        and not tok.text.endswith("s")  # "thousands of Congolese", "the French" are people


def _person_noun_after(w: Work, tok) -> bool:
    """Whether a demonym modifies a common noun for a person that no other step made an actor: one whose
    commonest WordNet sense is a person ("coach", "singer", "tourist"), not an actor noun ("soldiers")."""
    head = tok.head
    return tok.dep_ in ("amod", "compound") and head.i == tok.i + 1 and head.pos_ == "NOUN" \
        and head.i not in w.agents and head.i not in w.roles and w.free(head.i, head.i + 1) \
        and first_class("noun", head.lemma_) == "person"


# the other participants of a clause: its subject, objects and "by" agent, and a "with" or "against" phrase
PARTNER_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "agent"}
PARTNER_PREPS = ("with", "against")
CLAUSE_PLACES = ("in", "at")  # where the clause is: the other side's place when it names a state
# bodies of a state: an unplaced one facing another state in a clause is rarely of that state
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}


def partner_spans(w: Work, tok, places: bool = False) -> list[tuple[int, int]]:
    """Token ranges of the other participants of the clause an actor word takes part in: "The president met
    THE SAUDI KING", "The minister talked WITH THE SAUDI KING" (never its own phrase; a place the clause is in,
    "in Riyadh", is no participant, but is given too with ``places``)."""
    head = tok
    while head.dep_ in ("pobj", "prep", "agent", "compound", "amod", "poss") and head.head is not head:
        head = head.head
    verb = head.head if head.dep_ in PARTNER_DEPS or head.dep_ == "prep" else None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return []
    preps = PARTNER_PREPS + CLAUSE_PLACES if places else PARTNER_PREPS
    # "troops came UNDER fire FROM Russian forces": the doer of what the subject is under takes part too
    doers = [d for c in verb.children if c.dep_ == "prep" and c.lower_ == "under"
             for o in c.children if o.dep_ == "pobj" for d in o.children if d.dep_ == "prep" and d.lower_ in ("from", "by")]
    return [(c.left_edge.i, c.right_edge.i + 1) for c in [*verb.children, *doers]
            if (c.dep_ in PARTNER_DEPS or (c.dep_ == "prep" and (c.lower_ in preps or c in doers)))
            and c.i != head.i and not c.left_edge.i <= tok.i <= c.right_edge.i]


def own_focus(w: Work, tok) -> str | None:
    """The article's country for an actor word the text does not place ("the president", "the army"),
    reckoned without the clause partners that name a state: in "The president met the Saudi king" the only
    Saudi word is the other side's, which says nothing of where the president is from (no country then), nor
    does the place they meet in ("met the Saudi king IN RIYADH"). A partner that names no state still counts
    ("Police arrested Egyptian protesters": Egyptian police)."""
    skip = [(lo, hi) for lo, hi in partner_spans(w, tok)
            if any(lo <= m.start < hi and _state(m) for m in w.mentions) or _state_body_words(w, lo, hi)]
    if skip:
        skip += [sp for sp in partner_spans(w, tok, places=True) if sp not in skip]
    return focus_country(w, skip) if skip else w.focus


def doer_focus(w: Work, tok) -> str | None:
    """The article's country for the subject of a clause that names no state by itself, reckoned without the
    clause's other participants: "Muslim hackers defaced DANISH sites" are not Danish for the demonym on what
    they acted on (the article's other words still place them)."""
    if tok.dep_ != "nsubj":
        return w.focus
    skip = partner_spans(w, tok)
    return focus_country(w, skip) if skip else w.focus


def _state_body_words(w: Work, lo: int, hi: int) -> bool:
    """Whether a partner's words name a state's body before any step made it a mention: a country word and an
    actor noun of a state's sector ("UGANDAN TROOPS", not "Egyptian protesters")."""
    doc = w.doc
    return any(i in w.name_at and w.names[w.name_at[i]][0].kind == "country" for i in range(lo, hi)) and any(
        i in w.agents and w.kb.agents.get(doc[w.agents[i][0]:w.agents[i][1]].text.lower(), (None,))[0]
        in STATE_SECTORS for i in range(lo, hi))


def _state(m: Mention) -> bool:
    """Whether a mention names a state or a body of it: "Iran", "the Iranian government", "the Saudi king",
    "Ugandan troops" (so "The army attacked Ugandan troops" does not make the army Ugandan)."""
    kind = m.entry.kind if m.entry else m.kind
    sector = m.entry.sector if m.entry else m.sector
    return kind == "country" or sector in STATE_SECTORS


def focus_country(w: Work, skip: list[tuple[int, int]] = ()) -> str | None:
    """The country the article's actor mentions, demonyms and datelines point to most (the earliest on a
    tie), leaving out what lies in the token ranges ``skip``."""
    counts: Counter = Counter()
    first: dict[str, int] = {}

    def inside(i: int) -> bool:
        return any(lo <= i < hi for lo, hi in skip)

    for m in w.mentions:
        c = m.entry.country if m.entry else m.country
        if not c or m.how == "stance" or inside(m.start):
            continue
        weight = 1 if m.body else 2
        counts[c] += weight if (m.entry and m.entry.kind == "country") else weight * 0.5
        first.setdefault(c, m.start)
    for (s, e), (entry, how) in w.names.items():
        if how == "demonym" and entry.country and not inside(s):
            counts[entry.country] += 1 if w.para_kind[s] == "body" else 2
            first.setdefault(entry.country, s)
    for loc in w.locations:
        # a place only the gazetteer knows counts by its country too ("Manitoba")
        country = loc["country"] or city_country(w.doc[loc["start"]:loc["end"]].text)
        if country and not inside(loc["start"]):
            counts[country] += 2 if loc.get("dateline") else 0.5  # "NEW DELHI -" places the story
    if not counts:
        return None
    return max(counts, key=lambda c: (counts[c], -first.get(c, 0)))
