"""Names (step 1): knowledge-base names (countries, demonyms, seats of government, organisations, people)
and spaCy's PERSON / ORG / GPE entities, cleaned.

- a knowledge-base name inside a wrong entity is split off ("CENTCOM David Petraeus" is CENTCOM plus the
  person David Petraeus); leading titles are peeled off a person's name ("President Obama")
- a seat of government is an actor only where it acts ("Washington said"), not where it is a place ("a
  speech in Washington"); places and datelines go to ``w.locations``
- "<X> of the <known body>" is a mention of that body; an organisation with a country word in its name
  ("Latvian Constitutional Court") is one organisation
- a title followed by capitalised words spaCy did not call a name is a person ("President Dos Sontas")
- an entity's label is corrected from the words around it (``labels.entity_label``: "the city of SHIRAZ" tagged
  PERSON is a place); a lower-case entity in a text written with capitals is no name ("through the BUSH")"""

from __future__ import annotations

from ..tree import climb
from ..word_classes import first_class, ordinary

from .kb import slug
from .nominals import COLLECTIVE
from .datelines import credits, datelines
from .first_names import census
from .labels import MISREAD_LABELS, body_ending, entity_label, locative, unit_word, unplaced_person
from .match import (Matchers, capitalised, inside_longer_name, inside_person_name, inside_place_name,
                    inside_region_word, longest)
from .places import (acting_place, city_country, government_place, holding_state, main_namesake, namesake_division,
                     qualified_country, titled_division)
from .work import Mention, Work, alpha_name, drop, role_of, trim


NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}


SPEECH_OR_ACT = {"nsubj", "nsubjpass", "poss", "agent", "dobj", "conj", "appos", "ROOT", "npadvmod"}


def _acts(tok) -> bool:
    """Whether a place name stands for its government: subject, possessor, agent or object, not a place."""
    head = climb(tok, lambda t: t.dep_ in ("compound", "flat", "conj"))
    if head.dep_ == "pobj":
        return head.head.lower_ in ("with", "by", "between", "against", "from") and head.head.lower_ != "from"
    return head.dep_ in SPEECH_OR_ACT


def _place_acts(w: Work, fs: int, fe: int) -> bool:
    """A city or state the knowledge base does not know, as the doer of a deed ("Phoenix and its officers
    support ...", "Texas sued the administration"): its government, an actor of kind "place" (as the events
    stage names a place it codes as a target, so the two share it) of the gazetteer's country, sector GOV.
    Only a subject or "by" agent: an object or a possessor is most often the place itself."""
    text = w.doc[fs:fe].text
    head = climb(w.doc[fe - 1], lambda t: t.dep_ == "conj")  # not "Istanbul court", "Kansas woman"
    if not (head.dep_ == "nsubj" or (head.dep_ == "pobj" and head.head.dep_ == "agent")):
        return False
    country = city_country(text, w.focus) if acting_place(text) else None
    if country is None or (fs > 0 and w.doc[fs - 1].is_title and w.doc[fs - 1].pos_ == "PROPN"):
        return False  # a surname spaCy read as a town ("Kenzo Oshima")
    w.add(Mention(fs, fe, f"place:{text.lower()}", "place", "name", None, name=text, country=country,
                  sector="GOV"))
    return True


def kb_matches(w: Work, matchers: Matchers) -> None:
    doc, kb = w.doc, w.kb
    ents = [x for x in doc.ents if x.label_ in ("GPE", "LOC")]  # once: doc.ents builds every entity anew
    place_ents = (ents, [x.start for x in ents])
    for s, e in longest(matchers.names(doc)):
        span = doc[s:e]
        if w.para_kind[s] == "boilerplate" or not capitalised(span, kb):
            continue
        refs = kb.lookup(span.text)
        if not refs or inside_place_name(doc, s, e, refs, place_ents) or inside_person_name(doc, s, refs) or \
                inside_longer_name(doc, s, refs, kb) or inside_region_word(doc, s, e, refs):
            continue
        # a seat of government stands for its country only where the country's town is the main place of
        # that name: "Valley" (Anguilla's The Valley) in "Hudson Valley", "Victoria" (Seychelles) are others
        refs = [r for r in refs if r[1] != "seat" or main_namesake(span.text) in (None, r[0].country)]
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
        if _doer_word(doc[e - 1]):
            for i in range(s, e):
                w.agents[i] = (s, e)


def _doer_word(last) -> bool:
    """Whether an actor-noun match ends on a word that names doers: a noun, or a word the tagger read as an
    adjective before a collective noun ("the country's REBEL groups", read by ``nominals``) or of a deed that
    acts ("a REBEL attack killed"; not "condemned the terrorist attack", "a military exercise")."""
    if last.pos_ in ("NOUN", "PROPN"):
        return True
    head = last.head
    if last.dep_ != "amod" or head.i <= last.i:
        return False
    return (head.i == last.i + 1 and head.lower_ in COLLECTIVE) or (
        head.dep_ in ("nsubj", "nsubjpass", "ROOT") and first_class("noun", last.lower_) == "person"
        and first_class("noun", head.lemma_) in ("act", "event"))


def find_names(w: Work) -> None:
    """Name mentions, in three passes: knowledge-base names, spaCy's name entities outside them, and titled
    capitalised words spaCy did not call a name."""
    dateline = datelines(w)
    credit = credits(w.doc, dateline)
    for s, e in [span for span in w.names if span[0] in credit]:
        del w.names[(s, e)]
        for i in range(s, e):
            w.name_at.pop(i, None)
    _kb_names(w, dateline)
    _entity_names(w, dateline | credit)
    _titled_names(w)


def _kb_names(w: Work, dateline) -> None:
    """Knowledge-base names: actors, or places when they stand in a dateline or a locative phrase."""
    doc = w.doc
    for (s, e), (entry, how) in sorted(w.names.items()):
        body = w.para_kind[s] == "body"
        tok = doc[e - 1]
        if s in dateline:
            w.locations.append({"start": s, "end": e, "country": entry.country, "actor": None, "dateline": True})
            continue
        if how == "demonym":
            continue  # demonyms name actors only with a noun ("Afghan government"): see find_nominals
        # a state before its title: "GEORGIA Gov." (not the country), "WASHINGTON Gov." (not the US government)
        post = titled_division(doc[s:e].text, None if how == "seat" else entry.country, _post_after(w, e)) \
            if entry.kind == "country" else None
        held = post or (qualified_country(doc, e, doc[s:e].text) if how == "seat" else holding_state(doc, s) or
                        namesake_division(doc, s, e, entry.country)) if entry.kind == "country" else None
        if held is not None and (held != entry.country or post):  # "London, Ontario", "Columbus, Georgia": a place
            w.locations.append({"start": s, "end": e, "country": held, "actor": None})
            del w.names[(s, e)]
            for i in range(s, e):
                w.name_at.pop(i, None)
            continue
        if how == "seat" and entry.kind == "country":
            ent_label = tok.ent_type_
            if ent_label == "PERSON" or not _acts(tok) or locative(tok):
                w.locations.append({"start": s, "end": e, "country": entry.country, "actor": None})
                continue
        if entry.kind == "country" and s >= 2 and doc[s - 1].text == "-" and doc[s - 2].lower_ in ("anti", "pro"):
            how = "stance"  # "an anti-Syria journalist": Syria is named, but the story is not about it
        if entry.kind == "country" and body and locative(tok):
            w.locations.append({"start": s, "end": e, "country": entry.country, "actor": entry.key})
        w.add(Mention(s, e, entry.key, entry.kind, how, entry, body=body))


def _post_after(w: Work, e: int) -> str | None:
    """The title right after a name ending at token ``e``, past a possessive ("Georgia Gov.", "Georgia's
    governor"), as the knowledge base writes it, or None."""
    e += e < len(w.doc) and w.doc[e].tag_ == "POS"
    role = role_of(w, *w.roles[e]) if e in w.roles and w.roles[e][0] == e else None
    return role.text if role else None


def _entity_names(w: Work, dateline) -> None:
    """spaCy's PERSON/ORG/... entities outside knowledge-base names and leading titles: people and
    organisations; unknown places are noted as locations, not actors."""
    doc = w.doc
    cased = sum(s[0].is_title or s[0].is_upper for s in doc.sents) * 2 > sum(1 for _ in doc.sents)
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS and not (ent.label_ in MISREAD_LABELS and unplaced_person(w, *trim(
                doc, ent.start, ent.end))) or w.para_kind[ent.start] == "boilerplate":
            continue
        if cased and all(t.is_lower for t in ent):
            continue  # "trails through the BUSH" tagged PERSON, where names are written with capitals
        s, e = trim(doc, ent.start, ent.end)
        placed = city_country(doc[s:e].text) if s in dateline and all(i in dateline for i in range(s, e)) else None
        if placed and not any(loc["start"] == s for loc in w.locations):
            # "WINNIPEG —" (tagged ORG in capitals): a dateline the knowledge base does not know still
            # places the story
            w.locations.append({"start": s, "end": e, "country": placed, "actor": None, "dateline": True})
        while s < e and s in dateline:
            s += 1
        s, e = trim(doc, s, e)
        if s >= e or not any(t.pos_ == "PROPN" or t.is_upper for t in doc[s:e]):
            continue  # "Tens of thousands" is no name
        if ent.label_ == "ORG" and _sub_body(w, s, e):
            continue
        if ent.label_ in ("PERSON", "ORG") and _capitalised_word(doc, s, e):
            continue  # "RIOT police fired": a common word capitalised by its place
        if ent.label_ == "ORG" and unit_word(doc, s, e):
            continue  # "at 4pm local time (1300 GMT)", "donated USD1 million": a time zone or a sum, no body
        if ent.label_ == "PERSON":
            inner = [m for m in w.mentions if s <= m.start and m.end <= e]
            first_name = len(inner) == 1 and inner[0].kind == "country" and (inner[0].start, inner[0].end) == (s, s + 1) \
                and e - s >= 2 and doc[s].lower_ in census()  # "GEORGIA Stevens", "CHAD Ochocinco": a first name
            paired = any(doc[i].text in ("-", "–") for i in range(s, e))  # "the Obama-Netanyahu meeting"
            if inner and not paired and (first_name or all(m.kind == "person" and m.how == "alias"
                                                           and m.end - m.start < e - s for m in inner)):
                # "Ahmed Wali Karzai" is not Hamid Karzai: the full name beats a known surname inside it
                drop(w, lambda m: any(m is x for x in inner))
                for m in inner:
                    for i in range(m.start, m.end):
                        w.name_at.pop(i, None)
                    if first_name:
                        w.names.pop((m.start, m.end), None)
        body = w.para_kind[s] == "body"
        if (ent.label_ == "ORG" or ent.label_ == "GPE" and body_ending(w, s, e)) and _country_word_org(w, s, e):
            continue  # "Nigerian Union of Teachers" is kept whole; "Afghan government" is left to find_nominals
        # parts of the entity outside knowledge-base names and outside leading titles
        free = [i for i in range(s, e) if i not in w.taken and i not in w.name_at]
        if not free:
            continue
        fs, fe = free[0], free[-1] + 1
        if len(free) != fe - fs:  # a name in the middle: keep the last stretch
            fs = max(i for i in free if i - 1 not in free)
        # peel titles off the front ("President Obama", "Defence Minister Pierre Joxe")
        unpeeled = fs
        while fs < fe and (fs in w.roles or doc[fs].lower_ in ("the", "a") or _place_before_role(w, fs, fe)):
            if fs not in w.roles and doc[fs].lower_ not in ("the", "a"):
                fs = _place_before_role(w, fs, fe)  # "CALGARY MLA Sandra Jansen": the place is the title's
                continue
            r = w.roles.get(fs)
            if r and role_of(w, *r) and role_of(w, *r).type == "honorific" and role_of(w, *r).sector:
                break  # "Mullah Omar": a religious honorific stays in the name
            fs = r[1] if r else fs + 1
        office = None
        if fs < fe and doc[fs].tag_ == "POS" and unpeeled in w.roles and unpeeled not in w.name_at \
                and (doc[fe - 1].lower_ in OFFICES or doc[fe - 1].lower_ in w.kb.state_bodies):
            # "the Secretary of State's Office", "the Attorney General's Office"; not "(Jaime) King's Mercedes"
            fs = min(unpeeled + (doc[unpeeled].lower_ in ("the", "a")), w.roles.get(unpeeled, (fe,))[0])
            office = role_of(w, *w.roles[fs]) if fs in w.roles else None
        elif fs < fe and doc[fs].tag_ == "POS":
            fs += 1  # "King's MERCEDES-BENZ": the owner's "'s" is no part of the name
        fs, fe = trim(doc, fs, fe)
        if fs >= fe or not any(t.is_alpha or alpha_name(t.text) for t in doc[fs:fe]):
            continue  # "O'Malley", "D'Souza" alone are names
        label = entity_label(w, ent, (s, e), fs, fe)
        if label == "PERSON" and _people_word_after_demonym(w, s, fs, fe):
            label = "NORP"
        if label in ("NORP", "GPE", "LOC", "FAC"):
            # not a known country, seat or body: a place or an ethnic/religious word, not an actor by itself
            if label == "GPE" and body and _place_acts(w, fs, fe):
                continue
            if label in ("GPE", "LOC") and body:
                w.locations.append({"start": fs, "end": fe, "country": qualified_country(doc, fe, doc[fs:fe].text),
                                    "actor": None})
            continue
        lead = _body_noun_before(w, fs, fe)
        if lead is not None:
            label = "ORG"  # "the separatist group Red Dawn" tagged PERSON: the name of the group the noun says
        kind = "person" if label == "PERSON" else "organization"
        text = doc[fs:fe].text
        known = _known_without_initials(w, text) if kind == "person" else None
        if known is None and kind == "organization" and fe - fs == 1 and len(text) >= 4 and text.istitle() \
                and text.lower() in w.kb.upper and w.kb.lookup(text):
            known = w.kb.lookup(text)[0][0]  # "Isis", "Opec": a known abbreviation written as a word (British style)
        if known is not None:  # "Donald J. Trump" is the knowledge base's Donald Trump
            w.add(Mention(fs, fe, known.key, known.kind, "name", known, body=body))
            continue
        key = f"name:{text.lower()}" if kind == "person" else f"org:{slug(text)}"
        m = w.add(Mention(fs if lead is None else lead, fe, key, kind, "name", None, name=text, body=body,
                          sector=office.sector if office and kind == "organization" else None))
        if kind == "organization" and fs >= 2 and doc[fs - 1].tag_ == "POS" and fs - 2 in w.name_at:
            cs, ce = w.name_at[fs - 2]
            entry, how = w.names[(cs, ce)]
            if entry.kind == "country" and how == "name":
                # "Ivory Coast's Supreme Court": the country's court is the actor
                drop(w, lambda o: o.start == cs and o.end == ce)
                m.start, m.country = cs, entry.country
                w.taken.update(range(cs, fe))


OFFICES = frozenset({"office", "administration", "cabinet", "staff", "chambers", "council", "secretariat"})


# nouns for a body that a name right after them names ("the rebel GROUP Red Dawn", "the MOVEMENT Ennahda")
BODY_NOUNS = {"group", "organization", "organisation", "movement", "militia", "faction", "party", "network",
              "alliance", "coalition", "front", "outfit"}


def _body_noun_before(w: Work, fs: int, fe: int) -> int | None:
    """The first word of a phrase for a body right before a name and modifying it, which the name names ("the
    separatist GROUP Red Dawn"): where the phrase starts (after its article), or None."""
    doc = w.doc
    noun = doc[fs - 1] if fs else None
    name = doc[fe - 1]
    if noun is None or noun.lower_ not in BODY_NOUNS or not w.free(noun.left_edge.i, fs) or not (
            noun.dep_ in ("compound", "nmod") and fs <= noun.head.i < fe or name.dep_ == "appos" and
            name.head.i == noun.i or noun.dep_ == name.dep_ and noun.head.i == name.head.i):
        return None  # also "the group RED DAWN has agreed", parsed as two subjects of the verb
    start = noun.left_edge.i
    return start + 1 if doc[start].lower_ in ("the", "a", "an") else start


def _place_before_role(w: Work, fs: int, fe: int) -> int | None:
    """Where the title starts when the words from ``fs`` are a place that may stand for a government right before
    a title ("Calgary MLA", "New York Gov."), or None."""
    for j in range(fs + 1, min(fs + 4, fe)):
        if j in w.roles and w.roles[j][0] == j:
            return j if government_place(w.doc[fs:j].text) else None
    return None


def _capitalised_word(doc, s: int, e: int) -> bool:
    """Whether a one-word entity is an ordinary word that only its place capitalises: first in its sentence,
    modifying a common noun ("RIOT police", "BORDER guards"), and written nowhere else in the article with a
    capital inside a sentence (so "BUSH administration officials" stays when Bush is named elsewhere)."""
    tok = doc[s]
    if e - s != 1 or not tok.is_sent_start or tok.dep_ != "compound" or tok.head.pos_ != "NOUN" \
            or not ordinary(tok.lower_):
        return False
    return not any(t.text == tok.text and not t.is_sent_start for t in doc)


def _known_without_initials(w: Work, text: str):
    """The knowledge base's person whose name is ``text`` without its middle initials ("Donald J. Trump",
    "Barack H. Obama"), or None."""
    words = text.split()
    kept = [x for i, x in enumerate(words)
            if not (0 < i < len(words) - 1 and len(x.rstrip(".")) == 1 and x[0].isupper())]
    if len(kept) == len(words) or len(kept) < 2:
        return None
    return next((e for e, how in w.kb.lookup(" ".join(kept)) if e.kind == "person" and how == "name"), None)


def _titled_names(w: Work) -> None:
    """A title followed by capitalised words spaCy did not call a name: "President Dos Sontas"."""
    doc = w.doc
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


def _people_word_after_demonym(w: Work, s: int, fs: int, fe: int) -> bool:
    """Whether the free part of a PERSON entity is a people's or faith's word between a demonym and the
    common noun it modifies ("Sri Lankan Tamil rebels", "Indian Sikh pilgrims"): the entity starts with a
    knowledge-base demonym, and its last word modifies a common noun right after it. Such a word names no
    person; the noun phrase is the actor (``find_nominals``, ``named_participants``)."""
    doc = w.doc
    first = w.name_at.get(s)
    if first is None or first[1] > fs or w.names[first][1] != "demonym" or fe >= len(doc):
        return False
    last = doc[fe - 1]
    return last.dep_ in ("compound", "amod") and last.head.i == fe and doc[fe].pos_ == "NOUN"


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
    drop(w, lambda m: s <= m.start and m.end <= e)
    w.add(Mention(s, e, entry.key, entry.kind, "name", entry, body=w.para_kind[s] == "body"))
    return True


def _country_word_org(w: Work, s: int, e: int) -> bool:
    """An ORG entity with a country word inside ("Latvian Constitutional Court", "Rwandan Patriotic Front").
    Made into one organisation mention unless it is only a country word and actor nouns ("Afghan
    government"), which ``find_nominals`` codes as the country. Returns True when the entity is dealt with."""
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
    drop(w, lambda m: s <= m.start and m.end <= e)
    text = doc[s:e].text
    m = w.add(Mention(s, e, f"org:{slug(text)}", "organization", "name", None, name=text,
                      body=w.para_kind[s] == "body"))
    m.country = entries[0].country
    return True
