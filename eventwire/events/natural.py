"""What no one does: killings and injuries done by weather, a disaster, an accident or disease
(``natural_cause``), warnings of them (``natural_danger``), and warnings that only forecast what may come
(``forecast``). Each is a reading the event stages check before they code a use of force or a threat."""

from __future__ import annotations

from ..data import word_set
from .draft import Draft, Work
from .passive import is_passive, passive_agent
from .resolve import resolve
from .subjects import subject_of
from .syntax import child
from .triggers import match_token, noun_event


def natural_cause(tok) -> str | None:
    """Whether what a killing or injury verb reports was done by weather, a disaster, an accident or disease
    (``events/natural_causes.txt``): "doer" when that is its subject or "by" agent ("lightning killed", "killed
    by a flash flood in Himachal"; the subject of a participle is its clause's: "a landslide buried the
    village, killing 18"); "circumstance" when it is the cause it happened in ("killed in landslides") or a
    "when" clause of an accident ("killed when the bus fell into a gorge"); else None."""
    causes = word_set("events/natural_causes.txt")

    def word(t) -> bool:  # a capitalised plural may keep its form as lemma ("Hailstones")
        forms = {t.lemma_.lower(), t.lower_, t.lower_[:-1] if t.lower_.endswith("s") else t.lower_}
        return bool(forms & causes)

    def named(t) -> bool:  # "floods", "a flash flood", "Cyclone Amphan"
        return t is not None and (word(t) or any(c.dep_ == "compound" and word(c) for c in t.children))

    if named(passive_agent(tok)) or (not is_passive(tok) and named(subject_of(tok))):
        return "doer"
    heads = [tok] + [c for c in tok.children if c.dep_ == "conj"]  # "were killed and twelve injured when ..."
    for c in (c for h in heads for c in h.children):
        if c.dep_ == "prep" and c.lower_ in ("in", "during", "after", "due", "because", "from", "amid"):
            if any(named(p) for p in c.subtree if p.dep_ == "pobj"):
                return "circumstance"
            if any(p.dep_ == "pcomp" and word(p) and not match_token(p) for p in c.children):
                return "circumstance"  # "killed after FALLING from scaffolding"
        if c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "after", "as")
                                     for m in c.children):
            # "when his car went off the road and CRASHED"; not "a gun was fired"
            if any(word(x) and not match_token(x) for x in [c, *c.conjuncts]) or named(child(c, "nsubj")):
                return "circumstance"
    return None


def natural_danger(tok, d: Draft):
    """The "of" phrase of a warning of weather, disaster or disease (``events/natural_causes.txt``: "warned of
    flooding", "warns of famine"), a forecast and not a threat; else None."""
    if d.type != "THREATEN":
        return None
    causes = word_set("events/natural_causes.txt")
    return next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "about") and
                 any(p.pos_ == "NOUN" and p.lemma_.lower() in causes for p in c.subtree)), None)


WARNINGS = {"warn", "warning"}
# What a warning may warn of that is the warner's own act: "warned of serious CONSEQUENCES", "of a crushing RESPONSE".
REPRISALS = {"consequence", "response", "retaliation", "reprisal", "action", "measure", "step", "countermeasure"}


def forecast(w: Work, tok, d: Draft, comp) -> bool:
    """Whether a warning warns no one of no act: "BA warned that there would be delays", "the embassy is
    warning that travellers could face provocations", "Klotzbach warns, ..." tell what may come, and threaten no
    one. A warning to someone ("warned China", "warned the Fed not to act"), of an act ("warned of war", "of
    serious consequences") or of what someone will do ("warned that police will no longer tolerate rallies") is a
    THREATEN."""
    if d.type != "THREATEN" or d.match.entry.pattern not in WARNINGS or d.target.actors:
        return False
    if any(c.dep_ == "prep" and any(p.dep_ == "pobj" and (noun_event(p) is not None or p.lemma_.lower() in REPRISALS)
                                    for p in c.children) for c in tok.children):
        return False
    doing = comp is not None and comp.pos_ in ("VERB", "AUX") and comp.lemma_ != "be" and \
        comp.lemma_.lower() not in word_set("events/undergoer_verbs.txt")
    who = subject_of(comp) if doing else None
    if who is not None and (who.lower_ in ("it", "we", "they", "he", "she", "i") or resolve(w.story, who).actors):
        return False  # someone's act: "warned that it would respond with force", "that police will no longer
        # tolerate rallies" ("that travellers could FACE provocations" is what may happen to them)
    return True
