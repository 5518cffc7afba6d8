"""Pronouns resolved by rules: he / she to the nearest person of a fitting gender (cues in
``data/actors/gender.tsv``; a person with no cue fits both), it / its to the nearest organisation, group
or country, they / their to the nearest group or to a compound of actors ("Obama and Petraeus ... they").

The antecedent is the nearest fitting mention within the pronoun's sentence and the three before it, in the
body of the article, after the teller of the pronoun's own clause ("Wasserman Schultz announced SHE will
resign", ``_teller``). "She" prefers a woman, "he" a person not likely a woman, by a hand-kept cue or a first
name (``first_names``). One taken for "he" is a man from then on ("Faso HIMSELF ... SHE": not Faso). "He" /
"she" that no person fits, as the subject of a clause someone says, is that speaker when the parser took an
unfamiliar personal name for an organisation (``_unknown_speaker``). Two constraints keep obvious mistakes
out: a pronoun object never takes the subject of its own verb ("Karzai praised him", "the army hit the
positions and destroyed them"), and "it" counts only as the subject of a full verb, not in "it is clear" or
"made it clear". "I", "we", "you" are left to the quote and event stages (the speaker's side in a quote).
Each resolved pronoun becomes a mention of its actor(s) and is listed in ``story.ext["actors.pronouns"]``;
compounds of actors in ``story.ext["actors.conjuncts"]``.
"""

from __future__ import annotations

from bisect import bisect_right

from ..model import Span
from ..tree import climb
from .genders import known_genders, likely_of_sex

HE = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
IT = {"it", "its", "itself"}
THEY = {"they", "them", "their", "theirs", "themselves"}
REFLEXIVE = {"himself", "herself", "itself", "themselves"}
IT_NOT_ACTOR = {"be", "seem", "appear", "remain", "look", "take", "matter", "happen", "make", "mean", "become",
                "sound", "feel", "help", "cost", "depend"}
# Adjectives of will or ability whose subject acts ("it was WILLING to resume talks", "it is READY to help"):
# "it" before them is an actor as before a full verb, not the "it" of "it is clear".
IT_WILLING = {"willing", "unwilling", "ready", "prepared", "determined", "eager", "keen", "reluctant", "able",
              "unable", "committed"}
WINDOW = 3  # sentences before the pronoun's own
SALIENCE = True  # subject pronouns continue the last sentence's subject (off only to measure its effect)
BODY_NOUNS = {"group", "movement", "organization", "organisation", "militia", "alliance", "bloc", "agency",
              "party", "insurgency", "faction"}  # "the group" = the last organisation or group named
COUNTRY_NOUNS = {"country", "nation", "kingdom", "republic"}  # "the country" = the last country named


def body_anaphor(head) -> bool:
    """Whether a noun's possessor is "the (militant) group" or a like noun that stands for the body named last
    (not "the RIVAL group"): "the group's leaders" are that body's (read by ``nominals``)."""
    return any(c.dep_ == "poss" and c.lemma_.lower() in BODY_NOUNS and any(x.lower_ == "the" for x in c.children)
               and not any(x.lower_ in ("other", "another", "rival", "new") for x in c.children) for c in head.children)


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
        root = climb(t, lambda x: x.dep_ == "conj")
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


SHE = {"she", "her", "hers", "herself"}


def _parallel_verb(pron):
    """For a subject pronoun, the verb whose subject it most likely continues: the verb its own verb is
    coordinated with ("rejected ... and he accused"), or the verb whose object its relative clause modifies
    ("freed a diplomat it arrested"). None otherwise."""
    if pron.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = pron.head
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return verb.head
    if verb.dep_ == "relcl" and verb.head.dep_ in ("dobj", "attr"):
        return verb.head.head
    return None


def _subject_verbs(verb) -> set[int]:
    """The verb whose subject is this verb's: itself, or, for a verb coordinated with no subject of its own,
    the verbs it shares one with ("the army hit the positions and destroyed THEM": them is not the army)."""
    out = {verb.i}
    while verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head
        out.add(verb.i)
    return out


def _owner_noun(doc, ti: int) -> int | None:
    """The noun whose prepositional phrase a mention's head word sits in ("fighters" for Idlib in "fighters
    in the Idlib countryside", "officials" for Nairobi in "officials in Nairobi"), or None."""
    t = climb(doc[ti], lambda x: x.dep_ in ("compound", "amod", "flat", "nmod") and x.head.i != x.i, limit=4)
    if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.pos_ in ("NOUN", "PROPN") and \
            t.head.lower_ in ("in", "at", "from", "near", "inside", "across"):
        return t.head.head.i
    return None


RELATIVE_WORDS = {"who", "whom", "whose", "which", "that", "where"}


def _relative_on(pron, ti: int) -> bool:
    """Whether a pronoun is the subject or object of a relative clause with no relative word, on the token
    ``ti``: "a woman IT had arrested" (she is what it arrested). With a relative word the pronoun may well be
    the noun ("Karzai, who said HE would")."""
    clause = pron.head
    return pron.dep_ in ("nsubj", "nsubjpass", "dobj") and clause.dep_ == "relcl" and clause.head.i == ti \
        and not any(c.lower_ in RELATIVE_WORDS for c in clause.subtree if c.i < pron.i)


def _apposed_to(pron, ti: int) -> bool:
    """Whether a possessive pronoun sits in an apposition to the token ``ti``, or is ``ti``'s own noun: "Rahm
    Emanuel, HIS chief of staff" is someone else's chief of staff, never his own."""
    noun = pron.head
    return pron.dep_ == "poss" and (noun.i == ti or noun.dep_ == "appos" and noun.head.i == ti)


def _subject_of(tok, verb) -> bool:
    """Whether a mention's head word is (part of) the subject of ``verb``."""
    head = climb(tok, lambda x: x.dep_ in ("compound", "conj", "appos", "flat", "poss") and x.head.i != x.i)
    return head.dep_ in ("nsubj", "nsubjpass") and head.head.i == verb.i


def _main_subject(tok) -> bool:
    """Whether a mention's head word is (part of) the subject of its sentence's main clause, and not only the
    teller of what the sentence reports ("'Something had to be done,' Gutin says", "Shelby said HE refused":
    about what she says) nor a subject no one in particular is ("NO candidate has less at stake than Cruz")."""
    head = climb(tok, lambda x: x.dep_ in ("compound", "conj", "appos", "flat") and x.head.i != x.i)
    verb = head.head
    if head.dep_ not in ("nsubj", "nsubjpass") or not (verb.dep_ == "ROOT" or (
            verb.dep_ == "conj" and verb.head.dep_ == "ROOT")):
        return False
    if any(c.dep_ == "det" and c.lower_ in ("no", "any", "every", "each") for c in head.children):
        return False
    from ..quotes.lexicon import speech_verbs  # the cue lexicon, read once

    return verb.lemma_.lower() not in speech_verbs()


def _teller(pron) -> int | None:
    """The token index of the likeliest antecedent of a personal pronoun, told by the clause alone, or None:
    the subject of the verb that reports a subject pronoun's clause ("Wasserman Schultz announced SHE will
    resign", "Sanders ... before explaining why SHE forgave him"), or the subject of the verb whose object a
    possessive is in ("Sanders called HER son her hero", "she will resign HER post"). It wins over a person
    named before it whose gender is known when its own is not; a gender that does not fit still rules it out."""
    if pron.dep_ == "poss":
        np = pron.head
        verb = np.head.head if np.dep_ == "pobj" else np.head
        if np.dep_ not in ("dobj", "dative", "attr", "pobj") or verb.pos_ not in ("VERB", "AUX"):
            return None
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subj.i if subj is not None and subj.i < pron.i and subj.pos_ in ("PROPN", "PRON") else None
    if pron.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = pron.head
    if clause.dep_ not in ("ccomp", "advcl") and not (clause.dep_ == "conj" and clause.head.dep_ == "ccomp"):
        return None
    teller = clause.head if clause.dep_ != "conj" else clause.head.head
    teller = climb(teller, lambda t: t.dep_ in ("xcomp", "pcomp", "prep"))  # "before explaining why she ...": "called"
    subj = next((c for c in teller.children if c.dep_ == "nsubj"), None)
    # any word class: the tagger may call a name an adjective ("TRUMP, later alleging ..., said he"), and a
    # titled noun is a person ("the MINISTER said he"); the caller keeps it only where an actor fits
    return subj.i if subj is not None and subj.i < pron.i else None


def _unknown_speaker(pron, cands):
    """For "he"/"she" that no person fits, the name that says it: "Oyelaran Szabo announces that HE is resigning",
    where the parser took an unfamiliar personal name for an organisation. Only the subject of the verb of saying
    whose clause the pronoun is the subject of, a name of capitalised words the knowledge base does not know."""
    if pron.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = pron.head
    if clause.dep_ != "ccomp" or clause.head.i == clause.i:
        return None
    say = clause.head
    for e, s, actors, ti, _plural in cands:
        a = actors[0]
        if len(actors) != 1 or a.kind != "organization" or a.kb_id or a.generic or ti >= pron.i:
            continue
        head = pron.doc[ti]
        words = a.name.split()
        if head.dep_ == "nsubj" and head.head.i == say.i and len(words) >= 2 and \
                all(x[:1].isupper() for x in words) and all(tok.ent_type_ in ("PERSON", "ORG", "GPE") for tok in
                                                               pron.doc[head.left_edge.i:head.i + 1] if tok.is_title):
            return (e, s, actors)
    return None


def _fits(word: str, actors: list, genders: dict | None = None) -> bool:
    if word == "the country":
        return len(actors) == 1 and actors[0].kind == "country"
    if word == "the group":
        return len(actors) == 1 and actors[0].kind in ("organization", "group")
    if word in HE:
        if len(actors) != 1 or actors[0].kind != "person":
            return False
        g = (genders or {}).get(actors[0].id)
        return g is None or g == ("f" if word in SHE else "m")
    if word in IT:
        return len(actors) == 1 and actors[0].kind in ("organization", "group", "country")
    if len(actors) > 1:
        return True
    return actors[0].kind in ("organization", "group")


def resolve(story, w, by_key) -> None:
    doc = w.doc
    table = story.ext["actors.pronouns"]
    sent_of = [0] * len(doc)  # token -> sentence number
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            sent_of[i] = n
    from spacy.attrs import IDX, LOWER

    rows = doc.to_array([IDX, LOWER]).tolist()
    token_at = {idx: i for i, (idx, _) in enumerate(rows)}
    strings = doc.vocab.strings
    pronoun_hashes = {strings.add(p) for p in HE | IT | THEY}
    # candidates: (end char, start char, actors, first token, plural nominal)
    cands: list[tuple[int, int, list, int, bool]] = []
    for m in w.mentions:
        if m.body and m.key in by_key and m.how != "intitle":
            last = doc[m.end - 1]
            plural = m.how == "nominal" and last.tag_ in ("NNS", "NNPS")  # "Belarusian officials" -> they
            root = doc[m.start:m.end].root.i  # its head word, for the subject test below
            cands.append((last.idx + len(last.text), doc[m.start].idx, [by_key[m.key]], root, plural))
    for s, e, actors in _conjuncts(story, w, by_key):
        cands.append((e, s, actors, token_at.get(s, 0), True))
    cands.sort(key=lambda c: (c[0], c[0] - c[1]))
    genders = known_genders(w, by_key)
    women, men = likely_of_sex(w, by_key, genders, "f"), likely_of_sex(w, by_key, genders, "m")
    ends = [c[0] for c in cands]
    anaphor_hashes = {strings.add(p) for p in BODY_NOUNS | COUNTRY_NOUNS}
    for i, (_, low) in enumerate(rows):
        if (low not in pronoun_hashes and low not in anaphor_hashes) or w.para_kind[i] != "body":
            continue
        t = doc[i]
        word = t.lower_
        if low in anaphor_hashes:
            # "the group said", "the country's leaders": a definite noun with no other modifier
            if i in w.taken or t.pos_ != "NOUN" or [c.lower_ for c in t.children if c.dep_ in
                                                     ("det", "amod", "compound", "poss")] != ["the"]:
                continue
            word = "the group" if word in BODY_NOUNS else "the country"
        elif t.pos_ != "PRON":
            continue
        if t.lower_ == "it" and not (t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ == "VERB"
                                 and t.head.lemma_ not in IT_NOT_ACTOR) and not (
                t.dep_ == "nsubj" and any(c.dep_ == "acomp" and c.lower_ in IT_WILLING for c in t.head.children)):
            continue
        sent_no = sent_of[t.i]
        verb = t.head if t.dep_ in ("dobj", "dative", "pobj") else None
        verb_i = None if verb is None else (verb.head.i if t.dep_ == "pobj" else verb.i)
        best = fallback = subject = None
        parallel = _parallel_verb(t)
        is_subject = parallel is not None
        # "Hill signed a confession, where he admitted killing Reed and Wu. HE stated ...": a person's
        # pronoun subject of a sentence's main clause continues the subject of the last sentence naming
        # someone who fits, not the nearest name (salience: subjects outrank objects)
        centred = SALIENCE and word in HE and not is_subject and t.dep_ in ("nsubj", "nsubjpass") \
            and t.head.dep_ == "ROOT"
        best_sent = -1
        teller = _teller(t) if word in HE else None
        # nearest first: candidates ending before the pronoun, from the right, within the window
        k = bisect_right(ends, t.idx) - 1
        if teller is not None:  # "X announced she will resign": the teller of her own clause, if she fits
            told = [c for c in cands[:k + 1] if c[3] == teller and _fits(word, c[2], genders)
                    and (word in SHE or c[2][0].id not in women)]
            if told:
                best, k = told[-1][:3], -1
        while k >= 0:
            e, s, actors, ti, plural = cands[k]
            k -= 1
            if sent_no - sent_of[ti] > WINDOW:
                if sent_no - sent_of[ti] > WINDOW + 3:
                    break  # well out of the window (compounds may start a little earlier than they end)
                continue
            if not (_fits(word, actors, genders) or (word in THEY and plural)):
                continue
            owner = _owner_noun(doc, ti)
            if owner is not None and any(_fits(word, o_actors, genders) or (word in THEY and o_plural)
                                         for _, _, o_actors, o_ti, o_plural in cands if o_ti == owner):
                continue  # "rebel fighters in the Idlib countryside said they": the fighters, not Idlib
            if word in IT and plural:
                continue  # "crowds trashed its embassy": its is not the crowds'
            if _apposed_to(t, ti):
                continue
            if _relative_on(t, ti):
                continue  # "a woman it had arrested": a relative clause's pronoun is not the noun it is on
            # principle B: "Karzai praised him" - him is not Karzai
            if verb_i is not None and word not in REFLEXIVE:
                head = doc[ti]
                while head.dep_ in ("det", "amod", "compound", "poss", "nummod", "conj") and head.head.i != head.i:
                    head = head.head  # a compound of actors is read at its first word: up to its head
                if head.dep_ in ("nsubj", "nsubjpass") and head.head.i in _subject_verbs(doc[verb_i]):
                    continue
            if word in SHE and genders.get(actors[0].id) != "f" and actors[0].id not in women:
                # "she": a woman named in the window wins over a person of unknown gender nearer to it
                if fallback is None and actors[0].id not in men:
                    fallback = (e, s, actors)
                continue
            if word not in SHE and word in HE and actors[0].id in women:  # "he": a likely woman as the last resort
                fallback = fallback or (e, s, actors)
                continue
            if is_subject and subject is None and _subject_of(doc[ti], parallel):
                subject = (e, s, actors)
            if best is None or (e, e - s) > (best[0], best[0] - best[1]):
                best, best_sent = (e, s, actors), sent_of[ti]
            if centred and subject is None and sent_of[ti] == best_sent < sent_no and _main_subject(doc[ti]):
                subject = (e, s, actors)  # the subject of the sentence before: the one it goes on about
            if best is not None and e < best[0] and (not (is_subject or centred) or subject is not None
                                                     or sent_of[ti] != best_sent):
                break
        # the subject of a clause coordinated with another, or of a relative clause on its object, continues
        # that clause's subject ("Iran's leader rejected Trump's offer and he accused ...": he is the leader;
        # "Congo freed a diplomat it arrested": it is Congo)
        best = subject or best or fallback
        if best is None and word in HE:
            best = _unknown_speaker(t, cands)
        if best is None:
            continue
        if word in HE and len(best[2]) == 1 and best[2][0].id not in genders:
            # a person once called "he" is a man from then on ("Faso ... HIMSELF ... she" is not Faso)
            genders[best[2][0].id] = "f" if word in SHE else "m"
        span = Span.of(story.text, t.idx, t.idx + len(t.text))
        for a in best[2]:
            if span not in a.mentions:
                a.mentions.append(span)
        table[(span.start, span.end)] = [a.id for a in best[2]]
        cand = (span.end, span.start, best[2], t.i, len(best[2]) > 1)
        pos = bisect_right(ends, span.end)
        cands.insert(pos, cand)
        ends.insert(pos, span.end)
    for a in by_key.values():
        a.mentions.sort(key=lambda m: (m.start, m.end))
