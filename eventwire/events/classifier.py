"""The sentence-level PLOVER event classifier (``python -m eventwire.train events``), shipped in
``eventwire/data/models/events/``, loaded once per process, offline.

It is consulted when the ``event_classifier`` setting is on (the default), in three ways:

- as an arbiter of the lexicon's events (``arbitrate``): the events of a sentence it calls NONE are dropped;
- for predicates the lexicon does not know (``clause_match``): in a sentence the lexicon coded nothing in, a
  verb whose subject and object name actors, one of them political, is coded with the type the classifier
  gives the verb's clause, at ``CLAUSE_THRESHOLD``, with the trigger at the verb;
- for sentences still silent (``sentence_match``): one that names a political actor is coded at its main verb
  with the type the classifier gives the whole sentence, when it is very sure (``SENTENCE_THRESHOLD``).

It never retypes a lexicon event. Measured with ``python -m bench.events_plover``: alone it picks the gold type
of only 0.17 (PLOVER dev), 0.30 (NGEC story leads) and 0.45 (NGEC headlines) of sentences, far below the
lexicon; where it disagrees with the lexicon's type on PLOVER dev the lexicon is right at every threshold
(at 0.8: 7 to 0), breaking ties between the lexicon's types with it costs recall on every set, and letting it
choose among the entries one token matches changes nothing (the lexicon's first entry is already the one it
scores highest wherever the gold type is one of them). But it
rarely says NONE on a sentence that reports an event (0 of 163 PLOVER dev sentences, 3 of 960 held-out NGEC
leads, 0 of 864 headlines at 0.5), and dropping the events of a sentence it calls NONE removes most events
coded on sport, business, science, weather and culture news. Typing verbs outside the lexicon in otherwise
silent sentences adds a few right events (PLOVER dev recall 0.853 to 0.859) at a clause threshold of 0.5;
coding such verbs in sentences that have lexicon events too, or at 0.3-0.4, costs precision. Typing a silent
sentence by its whole-sentence type at 0.8 adds events on the NGEC sets (story leads recall 0.315 to 0.318,
headlines 0.238 to 0.243) and none on PLOVER dev, where the classifier is rarely that sure; at 0.7 PLOVER dev
precision falls (0.843 to 0.838).
"""

from __future__ import annotations

from functools import lru_cache

from ..data import data_path
from .clauses import subject_of
from .political import political_actor
from .syntax import counted

# A sentence whose NONE probability is at least this reports no PLOVER event: its lexicon events are dropped.
NONE_THRESHOLD = 0.5
# ... unless the event's source is a political actor (a country, or an actor with a sector, country or role)
# named by the subject itself: then the classifier must be surer ("the police resorted to a lathi charge ... at
# the railway station").
NONE_THRESHOLD_POLITICAL = 0.9

# A verb outside the lexicon, in a sentence the lexicon coded nothing in, whose subject and object name actors,
# is coded with the type the classifier gives its clause when that type's probability is at least this (and
# the clause's NONE probability below NONE_THRESHOLD).
CLAUSE_THRESHOLD = 0.5
# A sentence still silent after that, naming a political actor, is coded at its main verb with the type the
# classifier gives the whole sentence when that type's probability is at least this.
SENTENCE_THRESHOLD = 0.8

MODEL_DIR = data_path("models/events")


def available() -> bool:
    """Whether the trained type classifier ships with this installation."""
    return (MODEL_DIR / "type" / "config.cfg").exists()


@lru_cache(maxsize=1)
def type_model():
    """The type classifier pipeline (a blank English tokenizer and one ``textcat``)."""
    import spacy

    return spacy.load(MODEL_DIR / "type")


def type_scores(text: str) -> dict[str, float]:
    """PLOVER type (or ``NONE``) -> probability for one sentence or clause."""
    return dict(_scores(text))


@lru_cache(maxsize=2048)
def _scores(text: str) -> tuple:
    return tuple(type_model()(text).cats.items())


def clause_text(tok) -> str:
    """The words of the clause a verb heads (its subtree)."""
    return tok.doc[tok.left_edge.i:tok.right_edge.i + 1].text


def clause_match(w, tok):
    """A match typed by the classifier for a verb outside the lexicon, or None: the verb is no reporting or
    "never" verb, its subject and its object (direct, or of a preposition) name actors, one of them a political
    actor, and the classifier gives its clause one PLOVER type at ``CLAUSE_THRESHOLD`` or above."""
    from .draft import Match
    from .fallback import not_event_verbs
    from .lexicon import Entry
    from .resolve import resolve
    from .syntax import child, pobjs

    lem = tok.lemma_.lower()
    if lem in not_event_verbs() or lem in w.reporting:
        return None
    subj = subject_of(tok)
    if subj is None:
        return None
    src = resolve(w.story, subj).actors
    if not src:
        return None
    objs = [o for o in (child(tok, "dobj"),) if o is not None] + [p for _, p in pobjs(tok, OBJECT_PREPS)]
    tgt = [a for o in objs for a in resolve(w.story, o).actors]
    if not tgt or not any(political_actor(a) for a in src + tgt):
        return None
    cats = type_scores(clause_text(tok))
    if cats.get("NONE", 0.0) >= NONE_THRESHOLD:
        return None
    best = max((t for t in cats if t != "NONE"), key=cats.get)
    if cats[best] < CLAUSE_THRESHOLD:
        return None
    return Match(tok, Entry(lem, (), "V", best, "", "", "sv", 0), [], learned=cats[best])


def sentence_match(w, sent):
    """A match typed by the classifier for a sentence the lexicon and ``clause_match`` coded nothing in, or
    None: the sentence names a political actor, the classifier gives the whole sentence one PLOVER type at
    ``SENTENCE_THRESHOLD`` or above (and NONE below ``NONE_THRESHOLD``), and the trigger is the sentence's main
    verb or event noun (its root, else its first verb). Its arguments come from the parse as for a lexicon
    verb, so it is coded only when they name a participant."""
    from .draft import Match
    from .lexicon import Entry
    from .syntax import pos_of

    story = w.story
    if not any(political_actor(a) and any(sent.start_char <= m.start and m.end <= sent.end_char for m in a.mentions)
               for a in story.actors):
        return None
    cats = type_scores(sent.text)
    if cats.get("NONE", 0.0) >= NONE_THRESHOLD:
        return None
    best = max((t for t in cats if t != "NONE"), key=cats.get)
    if cats[best] < SENTENCE_THRESHOLD:
        return None
    tok = sent.root if pos_of(sent.root) in ("V", "N") else next((t for t in sent if pos_of(t) == "V"), sent.root)
    if tok.i in w.consumed:
        return None
    pos = "N" if pos_of(tok) == "N" else "V"  # a headline's parse may give no verb: its root stands for one
    return Match(tok, Entry(tok.lemma_.lower(), (), pos, best, "", "", "sv", 0), [], learned=cats[best])


# Sectors of actors who hold no power of state or arms: their acts are weighed like anyone's.
CIVIL_SECTORS = {"BUS", "EDU", "MED", "JRN", "AGR", "ELI", "SOC"}


OBJECT_PREPS = ("to", "with", "against", "on", "for", "from", "in", "at", "of", "over")


def _political_source(story, d) -> bool:
    """Whether the draft's source is a political actor named by its subject itself: "the Indian shuttler" or
    "Brazil's striker" is not India or Brazil, though the actors stage finds the country in the phrase. An
    agentless arrest, beating, shooting or lathi charge ("the accused was arrested") counts as one: only a
    security force does it."""
    if not d.source.actors and d.mode in ("arrest", "beat", "firearms", "torture", "crowd-control") \
            and d.attrs.get("source_missing") == "agentless":
        return True  # "the accused was arrested", "a youth was beaten": security forces' act, unnamed
    if not any(political_actor(a) and (a.sector not in CIVIL_SECTORS or d.type == "PROTEST")
               for a in d.source.actors):
        return False  # a firm, a school or a hospital acts in everyday news too ("the company sued its CEO");
        # a protest is political whoever makes it ("thousands of farmers protested")
    subj = subject_of(d.match.tok) if d.match.entry.pos != "N" else None
    if subj is None or subj.pos_ == "PRON":
        return True
    subj = counted(subj) or subj  # "THOUSANDS of workers": the workers
    return bool(story.actors_at(subj.idx, subj.idx + len(subj)))


def _unnamed_force(d) -> bool:
    """An arrest or use of force on a person told with no agent ("the woman was held at the station", "a youth
    was beaten"): only security forces do it, and crime news tells it in words the classifier takes for
    everyday life, so its NONE never drops it."""
    return not d.source.actors and d.mode in ("arrest", "beat", "firearms", "torture", "crowd-control") \
        and d.attrs.get("source_missing") == "agentless" and bool(d.target.actors or d.attrs.get("target_text"))


def arbitrate(story, drafts: list) -> list:
    """The drafts whose sentence the classifier does not call NONE (at ``NONE_THRESHOLD``, or
    ``NONE_THRESHOLD_POLITICAL`` for a political actor's act); each kept draft records the classifier's NONE
    probability for its sentence in ``attrs["classifier_none"]``."""
    scores: dict[int, float] = {}
    kept = []
    for d in drafts:
        sent = d.match.tok.sent
        if sent.start not in scores:
            scores[sent.start] = type_scores(sent.text).get("NONE", 0.0)
        political = _political_source(story, d)
        if scores[sent.start] >= (NONE_THRESHOLD_POLITICAL if political else NONE_THRESHOLD) \
                and not _unnamed_force(d):
            continue
        d.attrs["classifier_none"] = round(scores[sent.start], 3)
        kept.append(d)
    return kept
