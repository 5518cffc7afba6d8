"""Pronouns resolved by rules: he / she to the nearest person, it / its to the nearest organisation, group
or country, they / their to the nearest group or to a compound of actors ("Obama and Petraeus ... they").

The antecedent is the nearest fitting mention within the pronoun's sentence and the three before it, in the
body of the article. Two constraints keep obvious mistakes out: a pronoun object never takes the subject of
its own verb ("Karzai praised him"), and "it" counts only as the subject of a full verb, not in "it is clear"
or "made it clear". "I", "we", "you" are left to the quote and event stages (inside a quote they are the
speaker's side). Each resolved pronoun becomes a mention of its actor(s) and is listed in
``story.ext["actors.pronouns"]``; compounds of actors are listed in ``story.ext["actors.conjuncts"]``.
"""

from __future__ import annotations

from ..model import Span

HE = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
IT = {"it", "its", "itself"}
THEY = {"they", "them", "their", "theirs", "themselves"}
REFLEXIVE = {"himself", "herself", "itself", "themselves"}
IT_NOT_ACTOR = {"be", "seem", "appear", "remain", "look", "take", "matter", "happen", "make", "mean", "become",
                "sound", "feel", "help", "cost", "depend"}
WINDOW = 3  # sentences before the pronoun's own


def _conjuncts(story, w, by_key) -> list[tuple[int, int, list]]:
    """Compound phrases whose parts are actors ("Omar and the Taliban"), as (start, end, [actors])."""
    doc = w.doc
    head_of: dict[int, object] = {}
    for m in w.mentions:
        if m.body and m.key in by_key and m.how not in ("title", "intitle"):
            head_of[_np_head(w, doc[m.start:m.end].root).i] = (m, by_key[m.key])
    groups: dict[int, list] = {}
    for i, (m, a) in head_of.items():
        t = doc[i]
        root = t
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        if root.i != t.i and root.i in head_of:
            groups.setdefault(root.i, [head_of[root.i]]).append((m, a))
    out = []
    conj = story.ext["actors.conjuncts"]
    for parts in groups.values():
        parts.sort(key=lambda p: p[0].start)
        actors = list({a.id: a for _, a in parts}.values())
        if len(actors) < 2:
            continue
        s = doc[parts[0][0].start].idx
        last = doc[parts[-1][0].end - 1]
        e = last.idx + len(last.text)
        conj.setdefault((s, e), [a.id for a in actors])
        out.append((s, e, actors))
    for (s, e), ids in conj.items():
        actors = [a for a in by_key.values() if a.id in ids]
        if len(actors) > 1 and not any(o[0] == s and o[1] == e for o in out):
            out.append((s, e, actors))
    return out


def _np_head(w, t):
    """The head of the noun phrase a name stands in: "commander" for Petraeus in "the new commander of
    CENTCOM David Petraeus", the name itself otherwise."""
    for _ in range(4):
        if t.dep_ in ("compound", "flat", "appos") and t.head.i != t.i and t.head.pos_ in ("NOUN", "PROPN"):
            t = t.head
        elif t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.i in w.roles:
            t = t.head.head
        else:
            break
    return t


def _fits(word: str, actors: list) -> bool:
    if word in HE:
        return len(actors) == 1 and actors[0].kind == "person"
    if word in IT:
        return len(actors) == 1 and actors[0].kind in ("organization", "group", "country")
    if len(actors) > 1:
        return True
    return actors[0].kind in ("organization", "group")


def resolve(story, w, by_key) -> None:
    doc = w.doc
    table = story.ext["actors.pronouns"]
    sent_index = {}
    for n, sent in enumerate(doc.sents):
        sent_index[sent.start] = n
    token_at = {t.idx: t.i for t in doc}
    cands: list[tuple[int, int, list]] = []
    plural_nominal: set[tuple[int, int]] = set()  # "Belarusian officials": a country's people, plural
    for m in w.mentions:
        if m.body and m.key in by_key and m.how != "intitle":
            last = doc[m.end - 1]
            cands.append((doc[m.start].idx, last.idx + len(last.text), [by_key[m.key]]))
            if m.how == "nominal" and last.tag_ in ("NNS", "NNPS"):
                plural_nominal.add((doc[m.start].idx, last.idx + len(last.text)))
    cands += _conjuncts(story, w, by_key)
    for t in doc:
        word = t.lower_
        if word not in HE and word not in IT and word not in THEY:
            continue
        if t.pos_ != "PRON" or w.para_kind[t.i] != "body":
            continue
        if word == "it" and not (t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ == "VERB"
                                 and t.head.lemma_ not in IT_NOT_ACTOR):
            continue
        sent_no = sent_index[t.sent.start]
        verb = t.head if t.dep_ in ("dobj", "dative", "pobj") else None
        best = None
        for s, e, actors in cands:
            if e > t.idx or not (_fits(word, actors) or (word in THEY and (s, e) in plural_nominal)):
                continue
            ti = token_at.get(s)
            if ti is None:
                continue
            if sent_no - sent_index[doc[ti].sent.start] > WINDOW:
                continue
            # principle B: "Karzai praised him" - him is not Karzai
            if verb is not None and word not in REFLEXIVE:
                head = doc[ti]
                if head.dep_ in ("nsubj", "nsubjpass") and head.head.i == (verb.head.i if t.dep_ == "pobj" else verb.i):
                    continue
            if best is None or (e, e - s) > (best[1], best[1] - best[0]):
                best = (s, e, actors)
        if best is None:
            continue
        span = Span.of(story.text, t.idx, t.idx + len(t.text))
        for a in best[2]:
            if span not in a.mentions:
                a.mentions.append(span)
        table[(span.start, span.end)] = [a.id for a in best[2]]
        cands.append((span.start, span.end, best[2]))
    for a in by_key.values():
        a.mentions.sort(key=lambda m: (m.start, m.end))
