"""The sentence-level PLOVER event classifier (``python -m eventwire.train events``), shipped in
``eventwire/data/models/events/``, loaded once per process, offline.

It is consulted when the ``event_classifier`` setting is on (the default), as an arbiter of the lexicon's
events (``arbitrate``): the events of a sentence it calls NONE are dropped.

It never types an event itself. Measured with ``python -m bench.events_plover``: alone it picks the gold type
of only 0.17 (PLOVER dev), 0.30 (NGEC story leads) and 0.45 (NGEC headlines) of sentences, far below the
lexicon; where it disagrees with the lexicon's type on PLOVER dev the lexicon is right at every threshold
(at 0.8: 7 to 0), and breaking ties between the lexicon's types with it costs recall on every set. Typing
verbs outside the lexicon between two actors, and typing silent sentences at their main verb when it was very
sure, added one PLOVER dev sentence and five NGEC story leads, but on 250 real articles (GWN, PolNeAR) about
80 of the 83 events it typed that way were wrong (mostly CONCEDE and ASSAULT on reporting verbs: "said", "wrote",
"says"), so both were removed. It rarely says NONE on a sentence that reports an event (0 of 163 PLOVER dev
sentences, 3 of 960 held-out NGEC leads, 0 of 864 headlines at 0.5), and dropping the events of a sentence it
calls NONE removes most events coded on sport, business, science, weather and culture news.

Also measured and dropped: dropping a lexicon event whose type the classifier gives less than 0.005 in a
sentence with other events (PLOVER dev loses 1 right event of 3 dropped: recall 0.908 -> 0.902), and the
ensemble with compact vectors (``--arch ensemble --vectors``, 11 MB: type alone 0.23 / 0.30 / 0.45, but as the
arbiter PLOVER dev recall 0.908 -> 0.902, police macro F1 0.973 -> 0.937, non-political share 0.034 -> 0.038).
"""

from __future__ import annotations

from collections import OrderedDict
from functools import lru_cache

from ..data import data_path
from .political import political_actor
from .subjects import subject_of
from .syntax import counted

# A sentence whose NONE probability is at least this reports no PLOVER event: its lexicon events are dropped.
NONE_THRESHOLD = 0.5
# ... unless the event's source is a political actor (a country, or an actor with a sector, country or role)
# named by the subject itself: then the classifier must be surer ("the police resorted to a lathi charge ... at
# the railway station").
NONE_THRESHOLD_POLITICAL = 0.9

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


_CACHE: "OrderedDict[str, tuple]" = OrderedDict()  # sentence text -> scores, the most recently used last
_CACHE_SIZE = 2048


def _scores(text: str) -> tuple:
    found = _CACHE.get(text)
    if found is None:
        found = tuple(type_model()(text).cats.items())
    _remember(text, found)
    return found


def score_many(texts) -> None:
    """Score the sentences not scored yet in one batch through the model (each alone costs the model's call
    overhead), for ``type_scores`` to find. A bag of words weighs each text by itself: the scores are those
    of one call per text."""
    todo = list(dict.fromkeys(t for t in texts if t not in _CACHE))
    if todo:
        for text, doc in zip(todo, type_model().pipe(todo)):
            _remember(text, tuple(doc.cats.items()))


def _remember(text: str, scores: tuple) -> None:
    _CACHE[text] = scores
    _CACHE.move_to_end(text)
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)


# Sectors of actors who hold no power of state or arms: their acts are weighed like anyone's.
CIVIL_SECTORS = {"BUS", "EDU", "MED", "JRN", "AGR", "ELI", "SOC"}


def _political_source(story, d) -> bool:
    """Whether the draft's source is a political actor named by its subject itself: "the Indian shuttler" or
    "Brazil's striker" is not India or Brazil, though the actors stage finds the country in the phrase. An
    agentless arrest, beating, shooting or lathi charge ("the accused was arrested") counts as one: only a
    security force does it."""
    if not d.source.actors and d.mode in ("arrest", "beat", "firearms", "torture", "crowd-control") \
            and d.attrs.get("source_missing") == "agentless":
        return True  # "the accused was arrested", "a youth was beaten": security forces' act, unnamed
    if d.mode == "arrest" and d.source.actors and all(a.kind == "organization" and a.sector not in CIVIL_SECTORS
                                                      for a in d.source.actors):
        return True  # "the ATS detained two men": a body that arrests is an authority, known to us or not
    if not any(political_actor(a) and (a.sector not in CIVIL_SECTORS or d.type == "PROTEST")
               and not (a.kind == "organization" and a.sector is None and a.kb_id is None)
               for a in d.source.actors):  # a body of no known kind ("the Dallas Mavericks") is no state's
        return False  # a firm, a school or a hospital acts in everyday news too ("the company sued its CEO");
        # a protest is political whoever makes it ("thousands of farmers protested")
    subj = subject_of(d.match.tok) if d.match.entry.pos != "N" else None
    if subj is None or subj.pos_ == "PRON":
        return True
    subj = counted(subj) or subj  # "THOUSANDS of workers": the workers
    return bool(story.actors_at(subj.idx, subj.idx + len(subj)))


def _against_the_state(d) -> bool:
    """Force aimed at police or soldiers ("his brother attacked the policeman", "a mob attacked two
    constables"), or a sanction on an official ("the ambassador was recalled"): political whoever does it."""
    return d.type == "ASSAULT" and any(a.sector in ("COP", "MIL") for a in d.target.actors) or \
        d.type == "SANCTION" and any(a.sector == "GOV" for a in d.target.actors)


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
    sents = [d.match.tok.sent for d in drafts]  # Token.sent walks the doc: once per draft
    score_many(sent.text for sent in sents)
    for d, sent in zip(drafts, sents):
        if sent.start not in scores:
            scores[sent.start] = type_scores(sent.text).get("NONE", 0.0)
        political = _political_source(story, d) or _against_the_state(d)
        if scores[sent.start] >= (NONE_THRESHOLD_POLITICAL if political else NONE_THRESHOLD) \
                and not _unnamed_force(d):
            continue
        d.attrs["classifier_none"] = round(scores[sent.start], 3)
        kept.append(d)
    return kept
