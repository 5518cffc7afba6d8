"""Stage ``events.rules.v1``: PLOVER 2.0 events from the dependency parse and the event lexicon.

``extract.py`` runs the steps; each concern has its module: ``subjects.py``, ``passive.py`` and
``complements.py`` (who acts, passives, the clause a control verb takes), ``consume.py`` (what a coded predicate
accounts for), ``order.py`` (the order clauses are coded in), ``triggers.py`` (lexicon matches), ``choice.py``
(which match a token codes, with ``calls.py`` for phone calls and ``campaign.py`` for a candidate's own race),
``control.py`` (what a control verb takes from its clause), ``event_type.py`` (retyping by who acts and by
modality), ``holders.py`` (whose words or guess a clause is), ``arguments.py`` and
``resolve.py`` (source and target), ``nominal.py`` (event nouns and light verbs), ``modality.py`` (negation,
hypotheticals, time), ``reported.py`` (demands and accusations in reported speech),
``records.py`` (drafts to records) and ``fallback.py`` (verbs outside the lexicon). The ontology, lexicon and
word lists are data files in ``eventwire/data/`` (``plover/*.tsv``, ``event_lexicon.tsv``, ``events/*.txt``).

The stage reads the actors (``story.actor_at``, ``story.actors_at``, so the actors stage's ``actors.pronouns``
and ``actors.conjuncts``) and the quotes (an event inside a quotation links it, and "we" in it is the speaker's
side), so it requires both.
"""

from __future__ import annotations

from functools import lru_cache

from ..data import read_lines, word_set
from ..model import Story
from ..registry import stage
from . import classifier
from .extract import Extractor
from .records import to_events
from .reported import reported_accusations
from .syntax import use_verb_forms


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    """Reporting verbs (the "speech" verbs of ``speech_verbs.txt``) plus verbs of indicating and believing
    (``events/reporting_verbs.txt``): what they report keeps its own modality."""
    from .lexicon import event_entries

    coded = {e.head for e in event_entries("V")}  # verbs that are events themselves ("accuse") stay events
    listed = (line.split("\t") for _, line in read_lines("speech_verbs.txt"))
    speech = {cols[0] for cols in listed if cols[-1] == "speech" and cols[0] not in coded}
    return frozenset(word_set("events/reporting_verbs.txt") | speech)


def code_events(story: Story, use_vectors: bool = False, use_classifier: bool = False) -> Story:
    """Code the events of a parsed story whose actors (and quotes, if any) are already set. With
    ``use_classifier`` the sentence classifier drops the events of sentences it calls NONE
    (``classifier.arbitrate``). A city or region an event is
    done to, which the actors stage left a place (``actors.locations``), is added to ``story.actors`` as a
    place actor (``place_targets.place_actor``)."""
    drafts = Extractor(story, set(reporting_verbs()), use_vectors=use_vectors).run()
    drafts += reported_accusations(story, drafts)
    if use_classifier:
        drafts = classifier.arbitrate(story, drafts)
    story.events = to_events(story, drafts)
    return story


@stage("events.rules.v1", requires=["doc", "sentences", "paragraphs", "actors", "actors.pronouns", "actors.conjuncts",
                                    "quotes"], assigns=["events"])
def make_event_rules(nlp, config):
    """PLOVER events from parse predicates, with negation, hypotheticals and quotes."""
    use_vectors = bool((config or {}).get("vector_fallback", False)) and not (config or {}).get("fast", False)
    use_classifier = bool((config or {}).get("event_classifier", False)) and classifier.available()
    use_verb_forms(nlp)

    def events(story: Story) -> Story:
        return code_events(story, use_vectors=use_vectors, use_classifier=use_classifier)

    def warm() -> None:
        """Load what the stage would otherwise load on first need (the word vectors, the classifier)."""
        if use_vectors:
            from . import fallback

            fallback.available()
        if use_classifier:
            classifier.type_model()

    events.warm = warm
    return events
