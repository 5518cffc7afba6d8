"""Clause-level event extraction: predicates from the lexicon, their arguments from the parse, their modes.

For each body sentence, predicates are visited from the top of the parse down, so that a verb that takes a
clause ("offered to provide security to Omar", "urged Iran to halt", "refused to negotiate") consumes the
clause below it: the offer is one AGREE whose target comes from "to Omar", not an AGREE and an AID.

- verbs: subject -> source, object or prepositional object -> target; passives take the source from the "by"
  agent; a verb with no subject of its own takes it from its controller or its coordinated verb
- light verbs ("held talks", "launched an attack") take their event from the noun; phrases like "made it clear
  that the Taliban would have to ..." are lexicon patterns (a REQUEST to the clause's subject)
- nominal events ("Karzai's offer", "Israel's attack on Gaza", "talks between X and Y"); as the object of an
  event verb, the noun's agent is that verb's target ("rejected Karzai's offer": target Karzai)
- negation: a negated cooperative intention ("we are not going to negotiate") is a REJECT; any other negated
  event is recorded with ``negated`` and never as having happened
- hypothetical and conditional (modals, "if" clauses, "willing to", "have to") set ``hypothetical``; future and
  historical phrases go into ``attrs``
- events inside a quotation link the quote; "we" in it is the speaker's organisation; a direct quotation of
  others' violence is also the speaker's ACCUSE; "X said Y must ..." is a REQUEST from X to Y
- stated intentions: to cooperate -> AGREE ("said they would meet"), to use force, sanctions or protest, or to
  withdraw unless ... -> THREATEN
- what a speech act is about (its object, clause, purpose or condition) is not coded again as a separate event
- a participant the actors stage has no actor for is kept as text in ``attrs`` (``source_text``,
  ``target_text``), never invented as an actor here
- confidence: 0.8 for a verb, 0.7 for a noun or adjective, 0.25-0.55 for the vector fallback; less when the
  source is missing or guessed, the object frame is loose or the event sits in a subordinate clause
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Event, Span, Story
from ..tree import ancestors, is_root
from . import arguments, fallback, modality, ontology
from .lexicon import Entry, by_head

# Prepositions whose object is acted on; "in", "at" and "near" mostly give the place, unless the lexicon
# pattern names them ("fire at", "shoot at").
TARGET_PREPS = ("to", "with", "against", "on", "into", "toward", "towards", "upon", "over", "for", "from")
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
FORCEFUL = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN"}
FUTURE_AGREE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
VERBAL = {"AGREE", "REQUEST", "REJECT", "ACCUSE", "THREATEN", "SUPPORT", "CONCEDE"}
MATERIAL_CONFLICT = {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
# Prepositions that make a noun a circumstance of another event, not an event reported on its own:
# "offered to negotiate following the invasions", "since last month's invasion".
CIRCUMSTANTIAL = {"after", "following", "since", "during", "before", "amid", "amidst", "despite", "in", "into",
                  "over", "because", "from", "until", "without", "under", "through", "throughout", "across", "of",
                  "by", "at", "as", "like", "than", "within", "near", "behind", "between", "among"}
# Nouns that name people or bodies acting: an argument headed by one is a real participant even when the actors
# stage gave it no actor yet ("Swiss doctors", "rebel leaders").
AGENT_NOUNS = {
    "government", "authority", "official", "leader", "minister", "president", "police", "army", "troop", "force",
    "soldier", "military", "rebel", "guerrilla", "militant", "insurgent", "fighter", "militia", "worker", "union",
    "student", "protester", "demonstrator", "activist", "party", "parliament", "court", "ministry", "spokesman",
    "spokeswoman", "diplomat", "ambassador", "envoy", "delegation", "negotiator", "group", "movement", "coalition",
    "opposition", "regime", "administration", "agency", "council", "committee", "doctor", "farmer", "teacher",
    "villager", "resident", "civilian", "people", "refugee", "prisoner", "hacker", "gunman", "terrorist",
    "commander", "general", "officer", "navy", "warship", "plane", "jet", "bomber", "organization", "organisation",
    "embassy", "state", "country", "nation", "newspaper", "media", "lawmaker", "senator", "judge", "prosecutor",
}
UNREAL_ADJ = {"possible", "potential", "planned", "proposed", "future", "expected", "imminent", "likely",
              "hypothetical", "eventual", "prospective"}
PLANNING_VERBS = {"prepare", "plan", "consider", "propose", "seek", "want", "mull", "weigh", "contemplate",
                  "discuss", "debate", "rule", "threaten", "fear", "avert", "prevent", "avoid"}
FUTURE_OR_DEONTIC = {"should", "will", "would", "must", "shall", "'ll", "wo", "to", "ought"}
OPINION_VERBS = {"think", "believe", "feel", "hope", "expect", "suppose", "guess", "doubt", "wonder"}
QUANTITY_NOUNS = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million", "millions",
                  "number", "group", "members", "member", "some", "many", "most", "several", "scores", "score"}
NOT_EVENT_VERBS = {"play", "use", "put", "give", "send", "bring", "show", "find", "turn", "run", "set",
                   "hold", "move", "stand", "lead", "follow", "live", "work", "include", "involve","be", "have", "do", "say", "tell", "get", "become", "seem", "appear", "go", "come", "make",
                   "take", "know", "think", "believe", "see", "want", "continue", "remain", "keep", "let", "add"}


@dataclass
class Match:
    tok: object  # spaCy token of the head word
    entry: Entry
    extra: list = field(default_factory=list)  # tokens matched by the pattern's other words
    similarity: float | None = None  # set for the vector fallback


@dataclass
class Draft:
    """An event before it becomes a record."""

    match: Match
    type: str
    mode: str
    cameo: str | None
    source: arguments.Resolved
    target: arguments.Resolved
    negated: bool = False
    hypothetical: bool = False
    attrs: dict = field(default_factory=dict)
    confidence: float = 0.5
    span_toks: list = field(default_factory=list)


def _pos(tok) -> str | None:
    if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ not in ("aux", "auxpass")):
        return "V"
    if tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.lower_ in ("talks",)):
        return "N"
    if tok.pos_ == "ADJ" or (tok.pos_ == "VERB" and tok.dep_ == "acomp"):
        return "A"
    return None


def _near(tok, depth: int = 3):
    """Tokens attached to ``tok`` within ``depth`` arcs below it."""
    frontier = [tok]
    for _ in range(depth):
        nxt = []
        for t in frontier:
            nxt.extend(t.children)
        yield from nxt
        frontier = nxt


def _lemma(tok) -> str:
    return tok.lemma_.lower()


def match_token(tok) -> list[Match]:
    """Lexicon entries whose pattern matches at this token, longest first."""
    out = []
    pos = _pos(tok)
    keys = [(_lemma(tok), pos)]
    if pos == "A":
        keys.append((tok.lower_, "A"))
    if pos == "V" and tok.dep_ == "acomp":
        keys.append((_lemma(tok), "A"))
    for key in keys:
        for e in by_head().get(key, ()):
            extra = []
            ok = True
            for w in e.extra:
                # particles and prepositions must hang right off the head ("call for", not "called X a
                # champion for"); objects may sit deeper ("lifted a state of emergency")
                hit = next((t for t in _near(tok) if (_lemma(t) == w or t.lower_ == w) and t not in extra
                            and (t.head.i == tok.i or t.pos_ not in ("ADP", "PART", "ADV", "SCONJ"))), None)
                if hit is None:
                    ok = False
                    break
                extra.append(hit)
            if ok:
                out.append(Match(tok, e, extra))
    return out


def _child(tok, *deps):
    return next((c for c in tok.children if c.dep_ in deps), None)


def _pobjs(tok, preps):
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    yield c.lower_, p
        if c.dep_ == "dative" and c.pos_ != "ADP":
            yield "to", c


# Participles that read as states, not passives, when no "by" agent follows: "Israel is opposed to".
STATIVE = {"oppose", "commit", "determine", "prepare", "resolve", "dedicate", "dispose", "inclined", "incline",
           "willing", "interest", "concern", "involve", "engage"}


def is_passive(tok) -> bool:
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
        return False
    if tok.lemma_.lower() in STATIVE and agent_of(tok) is None:
        return False
    return True


def subject_of(tok, seen=0):
    """The token that names who acts for a verb, looking through control, coordination and relative clauses."""
    if seen > 4:
        return None
    subj = _child(tok, "nsubj", "csubj")
    if subj is None and not is_passive(tok):
        subj = _child(tok, "nsubjpass")  # stative participle: "Israel is opposed to"
    if subj is not None and subj.lower_ not in arguments.RELATIVE:
        return subj
    if tok.dep_ == "relcl":
        return tok.head
    if subj is not None:
        return subj
    if tok.dep_ in ("xcomp", "acomp") and tok.head.i != tok.i:
        head = tok.head
        obj = _child(head, "dobj")
        # object control: "urged Iran to halt" -- the object of "urge" acts
        if obj is not None and head.lemma_ not in ("offer", "promise", "agree", "vow", "pledge"):
            return obj
        if is_passive(head):
            return _child(head, "nsubjpass")
        return subject_of(head, seen + 1)
    if tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX", "ADJ"):
        return subject_of(tok.head, seen + 1)
    if tok.dep_ in ("advcl",) and (tok.tag_ == "VBG" or _child(tok, "aux") is not None and
                                   _child(tok, "aux").lower_ == "to"):
        # participle or purpose clause: "..., saying it would", "sent personnel to investigate"
        head = tok.head
        return subject_of(head, seen + 1) if head.pos_ in ("VERB", "AUX") else None
    if tok.dep_ == "acl" and tok.tag_ == "VBG":
        return tok.head
    if tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
        return subject_of(tok.head.head, seen + 1)
    return None


def agent_of(tok):
    """The "by" agent of a passive verb or of an event noun."""
    for c in tok.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            p = _child(c, "pobj")
            if p is not None:
                return p
    return None


class Extractor:
    """Codes one story. ``use_vectors`` turns the vector fallback on (off with the ``fast`` setting)."""

    def __init__(self, story: Story, reporting: set[str], use_vectors: bool):
        self.story = story
        self.reporting = reporting
        self.use_vectors = use_vectors
        self.consumed: set[int] = set()
        self.drafts: list[Draft] = []
        self.last_args = (None, None)

    # -- noun helpers ----------------------------------------------------------------------------------
    def noun_event(self, tok) -> Match | None:
        """The event a noun names: its own lexicon entry, or that of its compound ("a mediation effort")."""
        if _pos(tok) != "N":
            return None
        m = [x for x in match_token(tok) if x.entry.type != "LIGHT"]
        if m:
            return m[0] if m[0].entry.type != "NONE" else None
        if tok.lemma_.lower() in ("effort", "mission", "campaign", "drive", "operation", "process", "round"):
            for c in tok.children:
                if c.dep_ == "compound":
                    cm = [x for x in match_token(c) if x.entry.type != "LIGHT"] if _pos(c) == "N" else []
                    if cm:
                        return Match(tok, cm[0].entry, [c])
        return None

    def noun_agent(self, tok) -> arguments.Resolved:
        """Who carries out a nominal event: "Karzai's offer", "the offer by Karzai", "Israeli strikes"."""
        for dep in ("poss",):
            c = _child(tok, dep)
            if c is not None:
                r = arguments.resolve(self.story, c)
                if r.actors:
                    return r
        ag = agent_of(tok)
        if ag is not None:
            r = arguments.resolve(self.story, ag)
            if r.actors:
                return r
        for c in tok.children:
            if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i:
                r = arguments.resolve(self.story, c)
                if r.actors:
                    return r
        for _p, c in _pobjs(tok, ("from",)):
            # "an offer from Afghanistan", "demands from Shona rebels"
            r = arguments.resolve(self.story, c)
            if r.actors:
                return r
        for _p, c in _pobjs(tok, ("between", "among")):
            r = arguments.resolve(self.story, c)
            if r.actors:
                return r
        return arguments.Resolved()

    def noun_target(self, tok, exclude=()) -> arguments.Resolved:
        for _p, c in _pobjs(tok, ("on", "against", "to", "with", "at", "toward", "towards", "for", "of", "upon",
                                  "into")):
            if c.i in exclude:
                continue
            r = self.arg_np(c)
            if r.actors:
                return r
        return arguments.Resolved()

    def arg_np(self, tok, depth: int = 0) -> arguments.Resolved:
        """The actors of an argument noun phrase. An event noun stands for whoever carries it out
        ("rejected Karzai's offer": Karzai) and is not coded again on its own; a noun with no actor of its
        own may name one through "by" ("remarks by President Karzai")."""
        if tok is None:
            return arguments.Resolved()
        if self.noun_event(tok) is not None:
            r = self.noun_agent(tok)
            if not r.actors:
                r = self.noun_target(tok)
            if r.actors:
                self.consumed.add(tok.i)
            return r
        r = arguments.resolve(self.story, tok)
        if not r.actors and tok.pos_ == "NOUN":
            ag = agent_of(tok)
            if ag is not None:
                r = arguments.resolve(self.story, ag)
        if not r.actors and tok.pos_ == "NOUN" and depth < 2:
            # "threatened further action against Russia", "offered its troops to Lebanon's President",
            # "provide 70 million dollars of aid for Romania": the object's own recipient
            for _p, c in _pobjs(tok, ("against", "to", "for", "on", "of", "toward", "towards")):
                r = self.arg_np(c, depth + 1)
                if r.actors:
                    break
        return r

    # -- verb arguments --------------------------------------------------------------------------------
    def verb_args(self, tok, entry: Entry):
        """(source, target, object token) of a verbal predicate."""
        story = self.story
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            # "people shot and killed by police": a passive participle on its patient
            ag = agent_of(tok)
            src = arguments.resolve(story, ag)
            tgt = self.arg_np(tok.head)
            self.last_args = (ag, tok.head)
            return src, tgt, tok.head
        if is_passive(tok):
            ag = agent_of(tok)
            src = arguments.resolve(story, ag)
            obj = _child(tok, "nsubjpass")
            tgt = self.arg_np(obj)
            self.last_args = (ag, obj)
            return src, tgt, obj
        s = subject_of(tok)
        if s is not None and tok.dep_ == "xcomp" and s.i != tok.i and s.dep_ == "dobj" and \
                not arguments.resolve(story, s).actors:
            # "sent 21 personnel to investigate": an object that names no actor leaves the act to the sender
            s = subject_of(tok.head) or s
        src = arguments.Resolved()
        direct = story.actor_at(s.idx, s.idx + len(s)) if s is not None else None
        if s is not None and s.lower_ in arguments.THIRD_PLURAL and len(arguments._all_at(story, s)) > 1:
            direct = None
            src = arguments.resolve(story, s)
        elif s is not None and s.lower_ in arguments.THIRD_PLURAL and (direct is None or direct.kind == "person"):
            # a plural pronoun resolved to one person is likely short of the coordinated antecedent
            # "Obama and Petraeus indicated they may be willing": they = the governing clause's subject
            for g in modality.governors(tok, set()):
                up = subject_of(g) if g.i != tok.i else None
                if up is not None and up.i != s.i:
                    r = arguments.resolve(story, up)
                    if len(r.actors) > 1 or (r.actors and r.actors[0].kind != "person" and direct is None):
                        src = arguments.Resolved(r.actors, guessed=direct is None)
                        break
        if not src.actors:
            src = arguments.resolve(story, s)
        if not src.actors and s is not None and tok.dep_ == "acl" and s.i == tok.head.i and \
                s.dep_ in ("dobj", "attr") and s.head.pos_ == "VERB":
            # "issued a declaration demanding ...": the declaration's issuer demands
            up = subject_of(s.head)
            if up is not None:
                src = arguments.resolve(story, up)
                s = up if src.actors else s
        obj = _child(tok, "dobj", "attr") if entry.type != "LIGHT" else None
        tgt = arguments.Resolved()
        if obj is not None and obj.i != tok.i:
            tgt = self.arg_np(obj)
        if not tgt.actors:
            dat = _child(tok, "dative")
            if dat is not None:
                tgt = self.arg_np(_child(dat, "pobj") or dat)
        if not tgt.actors:
            for _p, p in _pobjs(tok, TARGET_PREPS + entry.extra):
                r = self.arg_np(p)
                if r.actors:
                    tgt = r
                    break
        if not tgt.actors and obj is not None and obj.pos_ == "NOUN":
            # "downplaying remarks from the weekend by President Karzai": a "by" phrase the parse hung on the
            # active verb belongs to its object, and names whose remarks they are
            ag = agent_of(tok)
            if ag is not None:
                r = arguments.resolve(story, ag)
                if r.actors and set(r.ids()) != set(src.ids()):
                    tgt = r
        self.last_args = (s, obj)
        return src, tgt, obj

    # -- complements -----------------------------------------------------------------------------------
    def complement(self, tok):
        """The clause or event noun a control verb takes: "offered TO PROVIDE", "refused TO NEGOTIATE",
        "called FOR TALKS", "made it clear THAT ... HAVE TO RENOUNCE", "offer OF SAFETY"."""
        for c in tok.children:
            if c.dep_ in ("xcomp", "ccomp", "acl") and c.pos_ in ("VERB", "AUX", "ADJ"):
                return c
        for c in tok.children:
            if c.dep_ == "advcl" and _purpose(c):
                return c  # "have sworn to fight", parsed as an adverbial to-clause
        for c in tok.children:
            if c.dep_ in ("acomp", "oprd") and c.pos_ == "ADJ":
                inner = self.complement(c)
                if inner is not None:
                    return inner
            if c.dep_ == "advcl" and tok.pos_ == "ADJ":
                return c
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("for", "of", "to", "on"):
                for p in c.children:
                    if p.dep_ == "pcomp":
                        return p
                    if p.dep_ == "pobj" and self.noun_event(p) is not None:
                        return p
        return None

    def complement_event(self, comp):
        """The lexicon predicate heading a complement, descending through "have to", "be willing to"."""
        seen = 0
        cur = comp
        while cur is not None and seen < 3:
            ms = [m for m in match_token(cur) if m.entry.type not in ("LIGHT",)]
            if ms:
                return ms[0]
            nxt = None
            for c in cur.children:
                if c.dep_ in ("xcomp", "acomp", "ccomp") or (c.dep_ == "advcl" and cur.pos_ == "ADJ"):
                    nxt = c
                    break
            cur = nxt
            seen += 1
        return None

    # -- one predicate ---------------------------------------------------------------------------------
    def code(self, m: Match):
        tok, e = m.tok, m.entry
        if tok.i in self.consumed:
            return
        story = self.story
        etype, mode, cameo = e.type, e.mode, e.cameo or None
        pos = e.pos
        if pos == "N":
            src = self.noun_agent(tok)
            tgt = self.noun_target(tok)
            tok_for_modes = tok
            self.last_args = (None, None)
            if tok.dep_ in ("dobj", "attr") and tok.head.i not in self.consumed:
                # object of a verb: a light verb gives it a source ("held talks with X", "launched a mediation
                # effort between X and Y": the mediator acts, the parties are the targets)
                hm = [x for x in match_token(tok.head) if x.entry.type == "LIGHT"]
                if hm:
                    vsrc, vtgt, _ = self.verb_args(tok.head, hm[0].entry)
                    if vsrc.actors:
                        if not tgt.actors and src.actors and set(src.ids()) != set(vsrc.ids()):
                            tgt = src
                        src = vsrc
                    if not tgt.actors:
                        tgt = vtgt
                    self.consumed.add(tok.head.i)
                    tok_for_modes = tok.head
                    self.last_args = (self.last_args[0], None)
            elif tok.dep_ == "pobj" and not src.actors and tok.head.head.pos_ in ("VERB", "AUX"):
                # "were converging for a rally in Lagos": the rally is theirs
                verb = tok.head.head
                s_tok = subject_of(verb)
                src = arguments.resolve(story, s_tok)
                self.last_args = (s_tok, None)
            if e.frame == "recip" and not tgt.actors and len(src.actors) < 2:
                for _p, c in _pobjs(tok, ("with",)):
                    tgt = arguments.resolve(story, c)
        else:
            src, tgt, _obj = self.verb_args(tok, e)
            tok_for_modes = tok
        if etype in ("LIGHT", "NONE"):
            return
        # control verbs: the clause they take gives target and mode
        comp_match = None
        if e.frame == "ctl" or etype in ("NOT",):
            comp = self.complement(tok)
            if comp is not None:
                comp_match = self.complement_event(comp)
            if etype == "AGREE" and tok.lemma_.lower() in ("agree", "concur") and comp is None \
                    and any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children) and not \
                    any(c.dep_ == "prep" and c.lower_ in ("on", "to") for c in tok.children):
                return  # "Anderson largely agreed with McLenny": an opinion shared
            if etype == "AGREE" and tok.lemma_.lower() in ("agree", "concur") and comp is not None \
                    and comp.dep_ == "ccomp" and comp_match is None \
                    and (comp.lemma_ == "be" or
                         not ({a.lower_ for a in comp.children if a.dep_ == "aux"} & FUTURE_OR_DEONTIC)):
                # "analysts agree the top 1 percent would ... benefit" is an opinion; "agreed that their
                # countries should cooperate" is an agreement
                return
            if comp_match is None and comp is not None and not tgt.actors and comp.pos_ in ("VERB", "AUX"):
                # "threatened to deliver blows to the United States": the clause's own object or recipient
                saved = self.last_args
                _cs, ctgt, _co = self.verb_args(comp, Entry("", (), "V", etype, "", "", "sv", 0))
                self.last_args = saved
                if ctgt.actors and set(ctgt.ids()) != set(src.ids()):
                    tgt = ctgt
            if comp_match is None and comp is not None and etype == "REQUEST" and not tgt.actors:
                # "made it clear that the Taliban would have to renounce ...": who is asked is the clause subject
                inner = None
                for g in (comp, *[c for c in comp.children if c.dep_ in ("advcl", "ccomp", "xcomp")]):
                    cand = _child(g, "nsubj", "nsubjpass")
                    if cand is not None and cand.lower_ not in ("it", "there", "this", "that"):
                        inner = cand
                        break
                r = self.arg_np(inner) if inner is not None else arguments.Resolved()
                if r.actors and set(r.ids()) != set(src.ids()):
                    tgt = r
            if comp_match is not None and comp_match.tok.i != tok.i:
                ct = comp_match.entry.type
                self.consumed.add(comp_match.tok.i)
                # coordinated content is part of the same offer, demand or refusal
                for c in comp_match.tok.conjuncts:
                    self.consumed.add(c.i)
                if ct == "LIGHT" or ct == "NOT":
                    ct = "REJECT" if ct == "NOT" else None
                if ct:
                    csrc, ctgt = self._args_of(comp_match)
                    if not tgt.actors:
                        tgt = ctgt
                        if etype == "REQUEST" and not tgt.actors and csrc.actors and \
                                set(csrc.ids()) != set(src.ids()):
                            tgt = csrc
                    if etype == "AGREE" and pos != "N" and ct not in COOPERATIVE:
                        if ct in FORCEFUL:
                            etype, mode, cameo = "THREATEN", _threat_mode(comp_match.entry), None
                        else:
                            # "willing to appeal to X": the complement is the event, not yet carried out
                            etype, mode, cameo = ct, comp_match.entry.mode, comp_match.entry.cameo or None
                    elif etype in ("REQUEST", "REJECT", "NOT"):
                        mode = mode or _request_mode(ct)
                        cameo = None if not e.mode else cameo
                    elif etype == "THREATEN":
                        mode = mode or _threat_mode(comp_match.entry)
                        cameo = None
        if etype == "NOT":
            etype, cameo = "REJECT", (None if mode else cameo)
        neg = modality.negated(tok_for_modes, self.reporting)
        if pos == "N" and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children) and e.extra == ():
            neg = True
        hyp, hyp_why = modality.hypothetical(tok_for_modes, self.reporting)
        attrs = modality.time_attrs(tok_for_modes, tok.sent.text, self.reporting)
        if neg and etype in COOPERATIVE and (attrs.get("time") == "future" or hyp):
            # "we are not going to negotiate", "will not withdraw": a refusal, which did happen
            attrs["refused"] = etype
            mode = _request_mode(etype)
            etype, cameo, neg, hyp = "REJECT", None, False, False
            hyp_why = None
        elif not neg and (not hyp or _cue_word(hyp_why) == "if") and src.actors and self._intent(attrs, hyp_why) \
                and (etype in FUTURE_AGREE or (etype in ("RETREAT", "CONCEDE") and self.self_announced(tok_for_modes, src))):
            # a stated intention to cooperate is AGREE (PLOVER: future CONSULT, SUPPORT, COOPERATE and AID):
            # "will meet", "said they would meet". Future RETREAT and CONCEDE stay what they are ("troops will
            # withdraw next month") unless the actor announces them itself, which is CAMEO's "express intent to
            # yield" (03x, AGREE): "the RUF announced it will return weapons"
            attrs["future_of"] = etype
            etype, mode, cameo = "AGREE", "", None  # a conditional offer stays hypothetical
        elif not neg and src.actors and ((self._intent(attrs, hyp_why) and not hyp) or
                                         _cue_word(hyp_why) in ("if", "unless", "may", "might", "could", "would")) \
                and (etype in MATERIAL_CONFLICT - {"MOBILIZE"} or (etype == "RETREAT" and _cue_word(hyp_why) == "unless")):
            # a stated or conditional intention to use force, sanctions or protest is a THREATEN:
            # "would blockade Paris", "may halt mediation if ...", "will withdraw unless ..."
            attrs["threat_of"] = etype
            mode = _threat_mode(Entry("", (), "V", etype, mode, "", "sv", 0))
            etype, cameo, hyp = "THREATEN", None, False
        for c in tok_for_modes.children:
            if c.dep_ == "advcl" and _condition_mark(c):
                attrs["condition"] = c.doc[c.left_edge.i:c.right_edge.i + 1].text
        if hyp_why:
            attrs["hypothetical_cue"] = hyp_why
            if hyp_why.split()[0].lower() in modality.CONDITION_MARKS:
                attrs["conditional"] = True
        subj_tok, obj_tok = self.last_args
        if not src.actors and _namable(subj_tok):
            attrs["source_text"] = _np_text(subj_tok)
        if not tgt.actors and _namable(obj_tok):
            attrs["target_text"] = _np_text(obj_tok)
        if not src.actors and not tgt.actors and "source_text" not in attrs:
            return
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and etype not in ("ASSAULT", "COERCE"):
            return  # "a bill signed by the minister", "militiamen armed with machetes": description, not news
        if etype == "CONSULT" and e.frame == "recip" and len(src.actors) < 2 and not tgt.actors \
                and "target_text" not in attrs and mode != "multilateral":
            return  # a meeting needs two sides: "we're talking about a Senate that ..." is no consultation
        if not tgt.actors and e.frame != "recip" and etype not in ("CONSULT",) and src.actors:
            # no recipient named: the place acted in stands for it ("set up a research centre in Tokyo",
            # "threatened to impose a curfew in Algiers")
            place = self.place_target(tok_for_modes)
            if place.actors and set(place.ids()) != set(src.ids()):
                tgt = place
                attrs["target_is_place"] = True
        # an actor is not its own target (reciprocal "X and Y agreed" keeps both as source)
        tgt.actors = [a for a in tgt.actors if a not in src.actors]
        conf = 0.8 if pos == "V" else 0.7
        if e.extra:
            conf += 0.05
        if m.similarity is not None:
            conf = 0.25 + 0.3 * m.similarity
            attrs["fallback"] = {"nearest": e.pattern, "similarity": round(m.similarity, 3)}
        if not src.actors:
            conf -= 0.15
        if "source_text" in attrs or "target_text" in attrs:
            conf -= 0.1
        if src.guessed or tgt.guessed:
            conf -= 0.1
            attrs["argument_guessed"] = True
        if e.frame in ("obj", "actobj"):
            conf -= 0.05
        conf += _prominence(tok_for_modes, self.reporting)
        info = ontology.event_types().get(etype)
        if info and info.needs_target and not tgt.actors:
            conf -= 0.1
        if mode and info and mode not in info.modes:
            mode = ""
        self.drafts.append(Draft(m, etype, mode, cameo, src, tgt, neg, hyp, attrs, max(0.05, min(0.95, conf))))

    def place_target(self, tok) -> arguments.Resolved:
        """Actors named by an "in"/"at" phrase of the predicate, of its object or of the clause it takes."""
        heads = [tok] + [c for c in tok.children if c.dep_ in ("dobj", "xcomp", "ccomp")]
        heads += [g for h in heads[1:] for g in h.children if g.dep_ == "dobj"]
        for h in heads:
            for _p, c in _pobjs(h, ("in", "at", "inside")):
                r = arguments.resolve(self.story, c)
                if r.actors and all(a.kind in ("country", "place", "location", "city", "organization", "group")
                                    for a in r.actors):
                    return r
        return arguments.Resolved()

    def self_announced(self, tok, src: arguments.Resolved) -> bool:
        """Whether the clause is reported by a verb whose own subject is the event's source."""
        last = None
        for g in modality.governors(tok, self.reporting):
            last = g
        if last is None or last.dep_ not in ("ccomp", "conj", "advcl"):
            return False
        head = last.head
        if head.lemma_.lower() not in self.reporting:
            return False
        speaker = arguments.resolve(self.story, subject_of(head))
        return bool(speaker.actors) and set(speaker.ids()) == set(src.ids())

    @staticmethod
    def _intent(attrs: dict, hyp_why: str | None) -> bool:
        return attrs.get("time") == "future"

    def consume_content(self, tok, etype: str):
        """What a speech act is about is not asserted by it: "rejected an invitation to attend a meeting",
        "accused X of violating ...". Participial elaborations ("..., saying he would only welcome him") belong
        to the clause they hang off. Relative clauses keep their own events."""
        deps = ("dobj", "ccomp", "xcomp", "prep", "dative", "attr", "oprd", "acomp", "pcomp", "acl") \
            if etype in VERBAL else ()
        for c in tok.children:
            if c.dep_ in deps or (c.dep_ == "advcl" and c.tag_ == "VBG" and _child(c, "nsubj") is None):
                self._consume_tree(c)
            elif c.dep_ == "advcl" and _purpose(c):
                self._consume_tree(c)  # "blocked roads to press their demands": the aim, not a second act
            elif c.dep_ == "advcl" and _condition_mark(c):
                self._consume_tree(c)  # "will withdraw unless X arranges a ceasefire": the condition

    def _consume_tree(self, tok):
        self.consumed.add(tok.i)
        for c in tok.children:
            if c.dep_ in ("relcl", "parataxis") or (c.dep_ in ("advcl", "conj") and _child(c, "nsubj") is not None
                                                    and not (c.dep_ == "advcl" and _condition_mark(c))):
                continue
            self._consume_tree(c)

    def obligation(self, tok) -> bool:
        """"Russia said Sudan must return the helicopter": a demand by the speaker on the clause's subject."""
        for c in tok.children:
            if c.dep_ != "ccomp" or c.i in self.consumed:
                continue
            aux = {a.lower_ for a in c.children if a.dep_ == "aux"}
            inner = c
            if not aux & {"must", "should", "ought"}:
                if c.lemma_ in ("have", "need") and any(x.dep_ == "xcomp" for x in c.children):
                    inner = _child(c, "xcomp")
                else:
                    continue
            if tok.lemma_.lower() in OPINION_VERBS:
                continue
            who = _child(c, "nsubj")
            if who is None or who.lower_ in ("it", "this", "that", "there", "i", "we", "you"):
                continue
            speaker = arguments.resolve(self.story, subject_of(tok))
            addressee = self.arg_np(who)
            if not speaker.actors or not addressee.actors or set(speaker.ids()) == set(addressee.ids()):
                continue
            cm = self.complement_event(inner)
            ctype = cm.entry.type if cm is not None else None
            mode = _request_mode(ctype) if ctype not in (None, "LIGHT", "NOT") else "change"
            entry = Entry("must", (), "V", "REQUEST", mode, "", "ctl", 0)
            conf = 0.7
            self.drafts.append(Draft(Match(inner, entry), "REQUEST", mode, None, speaker, addressee,
                                     False, False, {"obligation": True}, conf))
            self._consume_tree(c)
            return True
        return False

    def _args_of(self, m: Match):
        if m.entry.pos == "N":
            return self.noun_agent(m.tok), self.noun_target(m.tok)
        src, tgt, _ = self.verb_args(m.tok, m.entry)
        return src, tgt

    # -- a sentence -------------------------------------------------------------------------------------
    def sentence(self, sent):
        depth = _depths(sent)
        toks = sorted(sent, key=lambda t: (depth[t.i], t.i))
        for tok in toks:
            if tok.i in self.consumed:
                continue
            if tok.lemma_.lower() in self.reporting and _pos(tok) == "V" and self.obligation(tok):
                continue
            ms = [m for m in match_token(tok)]
            chosen = None
            for m in ms:
                if m.entry.type == "LIGHT":
                    obj = _child(tok, "dobj", "attr")
                    if obj is not None and self.noun_event(obj) is not None:
                        chosen = Match(obj, self.noun_event(obj).entry, self.noun_event(obj).extra)
                        break
                    continue
                if m.entry.frame in ("obj", "actobj") and _child(tok, "dobj", "nsubjpass") is None:
                    continue
                if m.entry.frame == "intr" and _child(tok, "dobj") is not None:
                    continue  # "demonstrated her skill" shows, it does not protest
                if m.entry.frame in ("obj", "actobj") and _child(tok, "oprd") is not None:
                    continue  # "called Clinton a champion", "held him responsible": naming, not acting
                if m.entry.frame == "actobj":
                    o = _child(tok, "dobj", "nsubjpass")
                    if self.story.actor_at(o.idx, o.idx + len(o)) is None and not _namable(o):
                        continue
                if m.entry.pos == "N" and not self._noun_can_stand(tok):
                    continue
                chosen = m
                break
            if chosen is None and self.use_vectors and _pos(tok) == "V" and not ms:
                chosen = self._fallback(tok)
            if chosen is not None:
                before = len(self.drafts)
                self.code(chosen)
                self.consumed.add(chosen.tok.i)
                if len(self.drafts) > before:
                    d = self.drafts[-1]
                    self.consume_content(chosen.tok, d.type)
                    if chosen.tok.i != tok.i:
                        self.consume_content(tok, d.type)

    def _noun_can_stand(self, tok) -> bool:
        """An event noun codes an event of its own unless it is the circumstance of another clause
        ("following the invasions", "since last month's invasion")."""
        if tok.dep_ == "pobj" and tok.head.lower_ in CIRCUMSTANTIAL:
            return False
        if tok.dep_ in ("compound", "amod", "npadvmod", "poss"):
            return False
        if any(c.dep_ == "amod" and c.lower_ in UNREAL_ADJ for c in tok.children):
            return False  # "a possible war", "the planned offensive": not (yet) an event
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in PLANNING_VERBS:
            return False  # "preparing a major offensive"
        return True

    def _fallback(self, tok):
        if tok.lemma_.lower() in NOT_EVENT_VERBS or tok.lemma_.lower() in self.reporting:
            return None
        subj = subject_of(tok)
        obj = _child(tok, "dobj")
        if subj is None or obj is None:
            return None
        if not arguments.resolve(self.story, subj).actors or not arguments.resolve(self.story, obj).actors:
            return None
        hit = fallback.nearest(tok.lemma_.lower())
        if hit is None:
            return None
        entry, sim = hit
        return Match(tok, entry, [], similarity=sim)

    def run(self) -> list[Draft]:
        for sent in self.story.doc.sents:
            if not self.story.in_body(sent.start_char) or len(sent) < 3:
                continue
            self.sentence(sent)
        return self.drafts


def _purpose(clause) -> bool:
    aux = _child(clause, "aux")
    return aux is not None and aux.lower_ == "to" and _child(clause, "nsubj") is None


CONDITION_WORDS = {"if", "unless", "until", "before", "provided", "once"}


def _condition_mark(clause) -> str | None:
    for m in clause.children:
        if m.dep_ == "mark" and m.lower_ in CONDITION_WORDS:
            return m.lower_
    return None


def _prominence(tok, reporting) -> float:
    """Main-clause events are what a sentence reports; events in relative or adverbial clauses are
    background, and more often mis-typed."""
    for cur in [tok, *ancestors(tok, limit=40)]:
        if is_root(cur):
            break
        if cur.dep_ in ("relcl", "acl", "advcl", "pobj", "pcomp"):
            return -0.1
        if cur.dep_ == "ccomp" and cur.head.lemma_.lower() not in reporting:
            return -0.05
    return 0.05


def _cue_word(why: str | None) -> str:
    return why.split()[0].lower() if why else ""


def _namable(tok) -> bool:
    """Whether a noun phrase names a participant: a named entity or a noun for people or bodies."""
    if tok is None or tok.pos_ == "PRON":
        return False
    if tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or tok.pos_ == "PROPN":
        return True
    if tok.lemma_.lower() in AGENT_NOUNS:
        return True
    if tok.lemma_.lower() in QUANTITY_NOUNS or tok.like_num:
        # "thousands of Tamil refugees", "dozens of protesters"
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = _child(of, "pobj") if of is not None else None
        return _namable(pobj)
    return any(c.ent_type_ in ("NORP", "GPE", "ORG") for c in tok.children if c.dep_ in ("amod", "compound", "poss"))


def _np_text(tok) -> str:
    end = tok.i + 1
    start = min([tok.i] + [c.left_edge.i for c in tok.children if c.i < tok.i])
    return tok.doc[start:end].text


def _depths(sent) -> dict[int, int]:
    """Depth in the parse tree of every token of a sentence, each computed once from its head's."""
    out: dict[int, int] = {}
    for tok in sent:
        chain = []
        t = tok
        while t.i not in out and t.head.i != t.i and len(chain) < 50:
            chain.append(t.i)
            t = t.head
        d = out.get(t.i, 0)
        out.setdefault(t.i, d)
        for i in reversed(chain):
            d += 1
            out[i] = d
    return out


def _request_mode(ctype: str | None) -> str:
    """The REQUEST/REJECT mode from the kind of action asked for or refused."""
    if ctype in ("CONSULT",):
        return "meet"
    if ctype in ("AID", "COOPERATE", "SUPPORT", "AGREE"):
        return "assist"
    if ctype in ("RETREAT", "CONCEDE"):
        return "yield"
    return "change" if ctype else ""


def _threat_mode(entry: Entry) -> str:
    if entry.type == "ASSAULT":
        return "violence"
    if entry.type == "SANCTION":
        return "expel" if entry.mode == "expel" else "relations"
    if entry.type == "COERCE":
        return {"arrest": "arrest", "seize": "territory", "deport": "expel"}.get(entry.mode, "restrict")
    if entry.type == "MOBILIZE":
        return "violence"
    return ""


_WORD = re.compile(r"[a-z][a-z\-']+")


def contexts_for(sent, cameo: str | None) -> list[str]:
    """PLOVER contexts: the CAMEO code's implied context plus contexts whose cue words the sentence holds.
    A one-word cue counts only as a common noun or other non-name word ("bill", not "Bill Clinton"); a phrase
    cue matches anywhere ("al qaeda", "human rights")."""
    out = []
    if cameo:
        row = ontology.crosswalk().get(cameo)
        if row and row.context:
            out.append(row.context)
    every = " " + " ".join(t.lower_ for t in sent if not t.is_punct) + " "
    common = {t.lower_ for t in sent if t.pos_ != "PROPN"} | {t.lemma_.lower() for t in sent if t.pos_ != "PROPN"}
    for name, (_gloss, cues) in ontology.contexts().items():
        if name in out:
            continue
        for cue in cues:
            if (" " in cue or "-" in cue) and f" {cue} " in every or cue in common:
                out.append(name)
                break
    return out


def reported_accusations(story: Story, drafts: list[Draft]) -> list[Draft]:
    """A speaker who says in a direct quotation that others use force accuses them: in Johndroe's "they
    continue to attack innocent civilians" the attack is the Taliban's and the statement is the White House's
    ACCUSE against the Taliban. Only direct quotations with a known speaker, only material conflict that is
    asserted (not negated, hypothetical or future), and never against the speaker's own side."""
    out = []
    for d in drafts:
        if d.type not in MATERIAL_CONFLICT or d.negated or d.hypothetical or d.attrs.get("time") == "future":
            continue
        quote = arguments._quote_at(story, d.match.tok.idx)
        if quote is None or quote.kind != "direct" or not quote.speaker or not d.source.actors:
            continue
        speaker = story.actor(quote.speaker)
        if speaker is None:
            continue
        side = story.actor(speaker.affiliation) if speaker.affiliation else None
        accuser = side or speaker
        own = {speaker.id} | ({side.id} if side else set())
        accused = [a for a in d.source.actors if a.id not in own]
        if not accused or len(accused) < len(d.source.actors):
            continue
        entry = Entry("say", (), "V", "ACCUSE", "allege", "", "sv", 0)
        out.append(Draft(Match(d.match.tok, entry), "ACCUSE", "allege", None,
                         arguments.Resolved([accuser]), arguments.Resolved(accused), False, False,
                         {"reported_accusation_of": d.type}, round(d.confidence * 0.7, 3)))
    return out


def to_events(story: Story, drafts: list[Draft]) -> list[Event]:
    """Records from drafts: CAMEO code, scores, context, quote link; duplicates merged."""
    out: list[Event] = []
    seen: dict[tuple, Event] = {}
    for d in sorted(drafts, key=lambda d: d.match.tok.i):  # in text order
        tok = d.match.tok
        sent = tok.sent
        cameo = d.cameo or ontology.cameo_for(d.type, d.mode)
        quad, score = ontology.quad_and_score(d.type, d.mode)
        quote = arguments._quote_at(story, tok.idx)
        source, target = d.source.ids(), d.target.ids()
        key = (d.type, tuple(sorted(source)), tuple(sorted(target)), sent.start, d.negated)
        if key in seen:
            if d.confidence > seen[key].confidence:
                seen[key].confidence = d.confidence
            continue
        trig_end = max([tok] + d.match.extra, key=lambda t: t.i)
        trig_start = min([tok] + d.match.extra, key=lambda t: t.i)
        trigger = story.span(trig_start.idx, trig_end.idx + len(trig_end.text)) if not d.match.extra else \
            story.span(tok.idx, tok.idx + len(tok.text))
        ev = Event(
            id=f"e{len(out) + 1}",
            type=d.type,
            mode=d.mode or None,
            context=contexts_for(sent, cameo),
            cameo=cameo,
            source=source,
            target=target,
            negated=d.negated,
            hypothetical=d.hypothetical,
            evidence=Span.from_spacy(sent),
            trigger=trigger,
            confidence=d.confidence,
            quad_class=quad,
            goldstein=score,
            quote=quote.id if quote else None,
            attrs=d.attrs,
        )
        if d.match.extra:
            ev.attrs.setdefault("pattern", d.match.entry.pattern)
        if quote is not None and quote.speaker:
            ev.attrs.setdefault("reported_by", quote.speaker)
        seen[key] = ev
        out.append(ev)
    return out
