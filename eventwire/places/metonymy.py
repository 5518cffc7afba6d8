"""A place name standing for its government: the subject of a verb whose span the actors stage coded as a
country or organisation ("Washington said", "Moscow warned"). It stays a toponym, resolved as any other, but is
never an event's place."""

from __future__ import annotations

from ..model import Story


ACTION_DEPS = {"nsubj", "nsubjpass", "agent"}


def is_metonymic(story: Story, root) -> bool:
    """A name acting as a subject of a verb, coded as an actor: "Washington said", "Moscow warned"."""
    if root.dep_ not in ACTION_DEPS:
        return False
    if root.head.pos_ not in ("VERB", "AUX"):
        return False
    actor = story.actor_at(root.idx, root.idx + len(root.text))
    return actor is not None and actor.kind in ("country", "organization", "group")
