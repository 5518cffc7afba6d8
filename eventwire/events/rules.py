"""Stage ``events.rules.v1``: PLOVER 2.0 events from the dependency parse and the event lexicon.

See ``extract.py`` for the mechanisms (control verbs, nominal and light-verb events, passives, coordination,
quotes, negation, hypotheticals) and ``fallback.py`` for verbs outside the lexicon. The ontology and lexicon
are data files in ``eventwire/data/`` (``plover/*.tsv``, ``event_lexicon.tsv``).
"""

from __future__ import annotations

from functools import lru_cache

from ..data import read_lines
from ..model import Story
from ..registry import stage
from .extract import Extractor, reported_accusations, to_events


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    """Reporting verbs (``speech_verbs.txt``) plus verbs of indicating and believing: what they report keeps its
    own modality."""
    own = {"say", "tell", "report", "indicate", "note", "add", "state", "claim", "announce", "believe", "think",
           "insist", "stress", "confirm", "explain", "suggest", "reveal", "argue"}
    from .lexicon import event_entries

    coded = {e.head for e in event_entries("V")}  # verbs that are events themselves ("accuse") stay events
    listed = (line.split("\t") for _, line in read_lines("speech_verbs.txt"))
    return frozenset(own | {cols[0] for cols in listed if cols[-1] == "speech" and cols[0] not in coded})


def code_events(story: Story, fast: bool = False) -> Story:
    """Code the events of a parsed story whose actors (and quotes, if any) are already set."""
    drafts = Extractor(story, set(reporting_verbs()), use_vectors=not fast).run()
    drafts += reported_accusations(story, drafts)
    story.events = to_events(story, drafts)
    return story


@stage("events.rules.v1", requires=["doc", "actors"], assigns=["events"])
def make_event_rules(nlp, config):
    """PLOVER events from parse predicates, with negation, hypotheticals and quotes."""
    fast = bool((config or {}).get("fast", False))

    def events(story: Story) -> Story:
        return code_events(story, fast=fast)

    def warm() -> None:
        """Load what the stage would otherwise load on first need (the word vectors)."""
        if not fast:
            from . import fallback

            fallback.available()

    events.warm = warm
    return events
