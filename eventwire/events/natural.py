"""What no one does: killings and injuries done by weather, a disaster, an accident or disease
(``natural_cause``), warnings of them (``natural_danger``), and warnings that only forecast what may come
(``forecast``). Each is a reading the event stages check before they code a use of force or a threat."""

from __future__ import annotations

from ..data import word_set
from .draft import Draft, Work
from .passive import is_passive, passive_agent
from .holders import named_side
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


def forecast(w: Work, tok, d: Draft, comp, named_act: bool = False) -> bool:
    """Whether a warning threatens no one with no act of the warner's: "BA warned that there would be delays",
    "warned that prices could rise", "the embassy is warning that travellers could face provocations", "warned
    that the governor would ruin the party" (someone else's act, foretold), "warned that the city is running out
    of cash" (no act to come), "Klotzbach warns, ..." tell what may come. A warning to someone ("warned China",
    "warned the Fed not to act"), of an act ("warned of war", "of serious consequences") or of what the warner's
    own side will do ("warned that it would respond with force", "that police will no longer tolerate rallies",
    a security chief's police) is a THREATEN, unless it tells someone what a third side will do ("warned
    voters that the Islamic State could strike", "warned that Russia could attack Ukraine": ``named_act``,
    the clause names an event)."""
    if d.type != "THREATEN" or d.match.entry.pattern not in WARNINGS:
        return False
    subj = subject_of(tok)
    warners = named_side(w.story, subj).actors if subj is not None and subj.pos_ != "PRON" else d.source.actors
    if comp is None:
        comp = _stray_that_clause(tok)
    if d.target.actors or named_act:
        return _third_side_act(w, tok, warners, d.target.actors, comp)
    if any(c.dep_ == "prep" and any(p.dep_ == "pobj" and (noun_event(p) is not None or p.lemma_.lower() in REPRISALS)
                                    for p in c.children) for c in tok.children):
        return False
    doing = comp is not None and comp.pos_ in ("VERB", "AUX") and comp.lemma_ != "be" and \
        comp.lemma_.lower() not in word_set("events/undergoer_verbs.txt")
    who = subject_of(comp) if doing else None
    if who is None or not _to_come(comp):
        return True  # "warned that the cartel is growing nervous", "that Clinton opposes the Second Amendment"
    if who.pos_ == "PRON":
        return who.lower_ not in _own_pronouns(warners)  # "Iran warned that it would respond with force"; not
        # "'It would have pushed us to the edge,' he warned"
    return not _own_side(warners, resolve(w.story, who).actors)


MODALS = {"will", "would", "could", "may", "might", "shall", "can", "'ll", "wo", "'d", "ca"}


def _to_come(verb) -> bool:
    """Whether a clause tells what is to come: a modal ("would respond", "will no longer tolerate"), "going to",
    or a modal of the verb it is coordinated with."""
    for v in [verb, verb.head if verb.dep_ == "conj" else verb]:
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in v.children):
            return True
        if v.dep_ == "xcomp" and v.head.lower_ == "going":
            return True
    return False


def _own_pronouns(warners) -> set[str]:
    """The pronouns that may stand for a warner: a person's "he", "she", "I", "we"; a body's "it", "we", "they"."""
    people = bool(warners) and all(a.kind == "person" for a in warners)
    bodies = bool(warners) and all(a.kind != "person" for a in warners)
    return {"we"} | (set() if bodies else {"he", "she", "i"}) | (set() if people else {"it", "they"})


# Sectors that act for a state: a state's own forces or government carry out what its officials warn of.
STATE_ARMS = {"GOV", "MIL", "COP"}


def _own_side(sources, doers) -> bool:
    """Whether those who would act are the warner's side: the same actor, one the warner belongs to, or the country, government or forces of
    the state a warning official or body speaks for ("the defence minister warned that Stockholm would not hesitate",
    "the security chief warned that police will no longer tolerate rallies"); another person is not."""
    ids = {a.id for a in sources} | {a.affiliation for a in sources if a.affiliation}
    if ids & ({a.id for a in doers} | {a.affiliation for a in doers if a.affiliation}):
        return True  # the same actor, or the body a warner speaks for
    states = {a.country for a in sources if a.country and (a.kind == "country" or a.sector in STATE_ARMS)}
    return any(a.kind != "person" and (a.kind == "country" or a.sector in STATE_ARMS) and
               (a.country in states or not a.country and states) for a in doers)


def _third_side_act(w: Work, tok, warners, targets, comp) -> bool:
    """Whether a warning to someone only tells them what a third side may do: the that-clause's subject names an
    actor who is neither the warner nor the warned ("warning voters that the Islamic State could strike the
    capital"), or a pronoun that stands for no one named ("'It would push us to the brink,' he warned";
    not "warned Clinton that HE would make an issue of it"); or a warning of fighting that is no one's act of
    the warner's side (``_fighting_foretold``)."""
    if comp is not None and comp.dep_ == "pobj" and comp.pos_ in ("NOUN", "PROPN"):
        return _fighting_foretold(w, tok, warners, targets, comp)
    if comp is None or not (comp.dep_ == "ccomp" or _that(comp)) or comp.pos_ not in ("VERB", "AUX"):
        return False
    who = subject_of(comp)
    if who is None:
        return False
    if who.lemma_.lower() in word_set("events/natural_causes.txt"):
        return True  # "warned Somalia that famine could kill thousands": no one's act
    if who.pos_ == "PRON":
        return not targets and who.lower_ not in _own_pronouns(warners)
    doers = resolve(w.story, who).actors
    return bool(doers) and not _own_side(warners + targets, doers)


def _fighting_foretold(w: Work, tok, warners, targets, noun) -> bool:
    """Whether a warning "of" fighting foretells it rather than threatens it: the fighting is done by a third
    side ("warned of Russian air strikes"), or by no one named, to no one warned and on no condition ("warned of a
    long battle ahead", "warned of civil war"). "Warned the rebels of war", "warned of war if the talks fail" and
    "warned of its retaliation" stay threats, as do warnings of protests, sanctions or arrests, which the
    warner's side carries out."""
    deed = noun_event(noun)
    if deed is None or deed.entry.type != "ASSAULT":
        return False
    agent = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound")] + \
        [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"]
    doers = [a for x in agent for a in named_side(w.story, x).actors]
    if doers:
        return not _own_side(warners + targets, doers)
    if any(x.lower_ in ("its", "their", "our", "his", "her") for x in agent):
        return False  # "warned of its retaliation"
    conditioned = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
                      for c in list(tok.children) + list(noun.children))
    return not targets and not conditioned


def _stray_that_clause(tok):
    """A that-clause the parse hung below the warning's own phrases rather than on the verb ("warning followers
    on social media and in INTERVIEWS that the Islamic State could strike", read as a clause of "interviews"),
    taken as what is warned of; else None."""
    for t in tok.subtree:
        if t.i <= tok.i or t.pos_ not in ("VERB", "AUX") or t.dep_ not in ("acl", "relcl") or not _that(t):
            continue
        h = t.head
        while h.i != tok.i and h.dep_ in ("pobj", "prep", "conj", "dobj", "appos") and h.pos_ not in ("VERB", "AUX"):
            h = h.head
        if h.i == tok.i:
            return t
    return None


def _that(t) -> bool:
    return any(m.dep_ == "mark" and m.lower_ == "that" for m in t.children)
