"""Everyday senses of event words, told by what they are said of: checks ``choice.choose`` runs before it
lets a lexicon match code an event.

- an attack aimed at something abstract is words, not force ("attacks on his personal LIFE", ``abstract_aim``),
  and abuse of something abstract harms no body ("abused the POWER given to her", ``abstract``)
- support or opposition told of a percentage of people is a poll, not an act ("47 percent say they will support
  Clinton", ``poll_share``)
- a material deed done to an idea or to oneself, or a blow told of a state of affairs, is a figure
  ("reinforces the negative attributes", "defended himself", "when crisis strikes", ``figurative``)
- what is offered may be words, not an offer ("offered remarks", ``speech``)
- demand met may be a market's, not anyone's demands ("to meet demand", ``market_demand``)
- what is approved or rejected may be a medicine, licensed by a regulator ("approved the therapy", ``medicine``)
- a withdrawal from a sporting contest, or a ban for matches or doping, is sport ("withdrew from the tournament",
  ``contest``), and so is a blow told with words of play ("struck 12 boundaries", ``play``)
- what is accepted may be goods, not an offer ("accepted $200,000", "accepted a gift", ``goods``)
- what is "held" may be a gathering or a firm, not people ("the Dialogue is being held", ``body_held``)
- a call whose object is a quoted word names, it phones no one ("called the Saudis 'free riders'",
  ``quoted_name``)
- a mobilization noun may name the unit, not its deed ("fired on a security patrol", ``unit``)
- a capitalised word in a short quoted title names a show or a book ("on \u201cMeet the Press\u201d",
  ``quoted_title``)
- a reporting verb after a closing quotation mark attributes the quote ("'...,' recalled the reporter",
  ``inverted_attribution``)
"""

from __future__ import annotations

from functools import lru_cache

from ..data import data_path, read_lines, word_set
from ..word_classes import classes, first_class
from .syntax import child, counted, counts, lemma

ABSTRACT = {"communication", "cognition", "attribute", "state", "feeling"}
CLOSING_QUOTES = {'"', "\u201d", "'", "\u2019", "''"}
OPENING_QUOTES = {'"', "\u201c", "'", "\u2018", "``"}
OWNERSHIP = {"privately", "publicly", "closely", "jointly"}


def noun_class(tok) -> str | None:
    """The WordNet class of a common noun's commonest sense (``word_classes``), or None."""
    return first_class("noun", tok.lemma_) if tok is not None and tok.pos_ == "NOUN" else None


def abstract(tok) -> bool:
    """Whether a noun is no body, place or thing by its commonest WordNet sense ("power", "the truth"), and not
    people's own ("the rights OF THEIR CITIZENS" are theirs)."""
    return noun_class(tok) in ABSTRACT and not any(
        p.dep_ == "prep" and p.lower_ == "of" and any(noun_class(o) in ("person", "group") or o.pos_ == "PROPN"
                                                      for o in p.children if o.dep_ == "pobj") for p in tok.children)


def abstract_aim(tok) -> bool:
    """Whether an attack noun is aimed "on"/"against" something that is no body, place or thing by its commonest
    WordNet sense ("attacks on his personal LIFE", "an assault on DEMOCRACY", "attacks against the PRESS"), or a
    dispute (``dispute``)."""
    return dispute(tok) or any(p.dep_ == "prep" and p.lower_ in ("on", "against") and
                               any(o.dep_ == "pobj" and noun_class(o) in ABSTRACT for o in p.children)
                               for p in tok.children)


def dispute(tok) -> bool:
    """Whether a fighting noun is told as being "about" something ("a battle ABOUT competence", "a fight about the
    budget"): a dispute, no force."""
    return any(p.dep_ == "prep" and p.lower_ == "about" and any(o.dep_ == "pobj" for o in p.children)
               for p in tok.children)


SHARES = {"percent", "%", "pct"}


def _share(t) -> bool:
    return t.lemma_.lower() in SHARES or t.ent_type_ == "PERCENT"


def poll_share(tok) -> bool:
    """Whether a verb, or a verb it is said under, has a percentage of people as subject ("47 PERCENT of Cuban
    Americans say they will support Clinton", "an average of 81 PERCENT of Democrats approve of Obama"), or
    is told with a poll's margin ("male troops backed Trump, 57 PERCENT TO 22 PERCENT"): a poll's finding. "A
    majority of lawmakers rejected the bill" is a vote and stays."""
    for v in [tok] + list(tok.ancestors)[:3]:
        if any(c.dep_ in ("nsubj", "nsubjpass") and any(_share(t) for t in c.subtree) for c in v.children):
            return True
    doc = tok.doc
    for t in doc[tok.i:min(tok.sent.end, tok.i + 12)]:
        if _share(t) and t.i + 3 < len(doc) and doc[t.i + 1].lower_ == "to" and \
                any(_share(x) for x in doc[t.i + 2:t.i + 4]):
            return True  # "57 percent to 22 percent"
    return False


# Types whose words name bodily or material deeds, done to things and people, not to thoughts or qualities
# ("reinforces all the negative ATTRIBUTES"); a state may be a thing ("fired tear GAS") and words may be a body
# ("closed three television CHANNELS"), so only thoughts, qualities and feelings count.
MATERIAL = {"ASSAULT", "MOBILIZE"}
MATERIAL_MODES = {"restrict"}
THOUGHTS = {"cognition", "attribute", "feeling"}
# Types no one does to themselves but in a figure ("defended HIMSELF against claims", "did not recognize THEMSELVES
# in the description", "allowed HIMSELF to", "the need for Malta to defend ITSELF"); "committed itself to peace" is
# a pledge and stays.
SELFLESS = {"SUPPORT", "AID", "CONSULT", "CONCEDE", "ASSAULT", "COERCE", "SANCTION", "RETREAT", "REQUEST",
            "THREATEN"}
# Subjects that strike no one: states, feelings, thoughts and times ("when CRISIS strikes Paris"); "forces"
# are a quality by their commonest sense, and do strike.
IDLE_SUBJECTS = {"state", "feeling", "cognition", "time"}
# What one defends of one's own when one justifies oneself: a deed, words or a thought ("his decision", "its record").
OWN_DEEDS = {"act", "communication", "cognition", "event", "attribute"}


def _reflexive(tok) -> bool:
    return any(c.dep_ == "dobj" and c.lower_.endswith(("self", "selves")) for c in tok.children)


def _outside(story, tok) -> bool:
    """Whether a noun is no actor of the story."""
    return story.actor_at(tok.idx, tok.idx + len(tok)) is None


@lru_cache(maxsize=1)
def figurative_words() -> dict[str, str]:
    """Lemma -> "criticize" or "none" (``events/figurative_force.txt``)."""
    from ..errors import DataFileError

    out = {}
    for n, line in read_lines("events/figurative_force.txt"):
        cols = line.split("\t")
        if len(cols) != 2 or cols[1].strip() not in ("criticize", "none"):
            raise DataFileError(data_path("events/figurative_force.txt"), n,
                                f"expected a lemma and criticize or none, tab-separated, got {line!r}")
        out[cols[0].strip().lower()] = cols[1].strip()
    return out


def _idea(tok) -> bool:
    """Whether a noun is words or thought in every WordNet sense ("proposal", "remarks", "policy"); not "target"
    (also a person), "protest" (also an act) or a name."""
    found = classes("noun", tok.lemma_.lower()) if tok is not None and tok.pos_ == "NOUN" else ()
    return bool(found) and set(found) <= ABSTRACT and abstract(tok)


def _own_deed(story, obj) -> bool:
    """Whether an object is the subject's own deed or words: owned by a possessive pronoun, no actor, and a deed,
    words or thought by its commonest WordNet sense ("his DECISION", "its POLICY", "their REMARKS"; not "its
    ALLIES", "his PARTY")."""
    return obj is not None and obj.pos_ == "NOUN" and \
        any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in obj.children) and _outside(story, obj) and \
        noun_class(obj) in OWN_DEEDS


def figurative(story, tok, entry) -> bool:
    """Whether a word's sense is a figure by what it is said of: a deed done to oneself ("avoided shooting
    ITSELF in the foot", "defended HIMSELF"), a material deed done to an idea ("reinforces all the negative
    ATTRIBUTES"), or a blow told of a state of affairs ("when CRISIS strikes Paris"; a crisis that "threatens to
    spill over" is coded as a threat, as the NGEC stories do)."""
    if entry.type in SELFLESS and _reflexive(tok):
        return True
    if entry.pos != "V":
        return False
    obj = child(tok, "dobj") or child(tok, "nsubjpass")  # "her MIND is shot"
    if entry.type == "SUPPORT" and lemma(tok) == "defend" and _own_deed(story, obj):
        return True  # "defended HIS DECISION to visit Athens", "defends ITS RECORD": justifying oneself
    said_of = [obj, *obj.conjuncts] if obj is not None else []  # "rights groups and MEDIA were banned": not all
    if entry.type == "ASSAULT" and figurative_words().get(lemma(tok)) == "criticize" and said_of \
            and all(_idea(x) and _outside(story, x) for x in said_of):
        return True  # "attacked the PROPOSAL": words, as "attacks on his record"
    made = obj if obj is not None else (tok.head if tok.dep_ == "acl" and tok.tag_ == "VBN" else None)
    if lemma(tok) == "shoot" and noun_class(made) == "communication":
        return True  # "the video, SHOT by a worker", "shot a campaign ad": filmed
    if entry.type == "ASSAULT" and play(tok, entry):
        return True  # "struck 12 BOUNDARIES": a game
    if (entry.type in ("RETREAT", "COERCE", "SANCTION") or lemma(tok) == "host") and contest(tok):
        return True  # "withdrew from the TOURNAMENT", "banned for three MATCHES", "host Senegal in a FRIENDLY"
    if entry.type in ("AGREE", "REJECT", "SUPPORT") and medicine(obj):
        return True  # "approved the first gene THERAPY": a product licensed, no one agreed with
    if entry.type == "CONCEDE" and market_demand(obj):
        return True  # "struggling to meet DEMAND as flu cases climb": supply, no one's demands granted
    if entry.type == "RETREAT" and entry.mode == "withdraw" and goods(obj):
        return True  # "continued withdrawing her monthly PENSION": money taken out, no retreat
    if (entry.type in MATERIAL or entry.mode in MATERIAL_MODES) and said_of and all(
            noun_class(x) in THOUGHTS and abstract(x) and _outside(story, x)
            and x.lemma_.lower() not in word_set("events/force_nouns.txt") for x in said_of):
        return True  # "strengthened its FORCES" (a quality by the commonest sense) stays
    subj = child(tok, "nsubj")
    return entry.type == "ASSAULT" and noun_class(subj) in IDLE_SUBJECTS and _outside(story, subj) \
        and not any(c.dep_ == "compound" for c in subj.children)


def play(tok, entry) -> bool:
    """Whether a verb of force names play in a game in its clause (``events/play_nouns.txt``: "struck 12
    BOUNDARIES", "hit back to overturn a ten-point DEFICIT"). An attack noun after a light verb ("mounted an
    attack to overturn a deficit") is chosen elsewhere and not read here."""
    words = word_set("events/play_nouns.txt")
    return entry.pos == "V" and any(t.lemma_.lower() in words for t in tok.subtree)


def contest(tok) -> bool:
    """Whether a verb is said "from" or "for" a sporting contest, or what a player is suspended for, or a side is
    hosted "in" one (``events/contest_nouns.txt``: "withdrew from the Pan Pacific OPEN", "banned for two
    MATCHES", "for DOPING", "will host Senegal in a FRIENDLY")."""
    words = word_set("events/contest_nouns.txt")
    preps = ("from", "for", "in") if lemma(tok) == "host" else ("from", "for")
    return any(p.dep_ == "prep" and p.lower_ in preps and
               any(o.dep_ == "pobj" and o.lemma_.lower() in words for o in p.children) for p in tok.children)


def medicine(obj) -> bool:
    """Whether an object is a medicine (``events/medicine_nouns.txt``), or a request to license one ("rejected an
    APPLICATION to approve the drug")."""
    if obj is None:
        return False
    words = word_set("events/medicine_nouns.txt")
    heads = [obj] + [o for c in obj.children if c.dep_ == "acl" for o in c.children if o.dep_ == "dobj"]
    return any(h.lemma_.lower() in words for h in heads)


def market_demand(obj) -> bool:
    """Whether "demand" is a market's: singular, with no article or owner ("meet DEMAND", "meet growing
    DEMAND"); "met the protesters' demands" and "meet their demand for a vote" are someone's."""
    return obj is not None and obj.lemma_.lower() == "demand" and obj.tag_ == "NN" and \
        not any(c.dep_ in ("det", "poss") for c in obj.children)


def unit(tok, entry) -> bool:
    """Whether a mobilization noun names the unit rather than its deed: one whose commonest WordNet sense is a
    group ("patrol") and that is what another verb is said of ("a police PATROL received reports", "gunmen fired
    on a security PATROL"). "Patrols along the border began" and "stepped up patrols" stay deeds."""
    if entry.type != "MOBILIZE" or entry.pos != "N" or noun_class(tok) != "group":
        return False
    return tok.dep_ in ("nsubj", "nsubjpass") and lemma(tok.head) not in ("begin", "start", "resume", "continue") \
        or tok.dep_ == "pobj" and tok.head.lower_ in ("on", "at", "against") and tok.head.head.pos_ == "VERB"


FUNCTION_WORDS = {"the", "a", "an", "of", "and", "or", "for", "to", "in", "on", "at", "with", "by", "from"}


def quoted_title(tok) -> bool:
    """Whether a capitalised word stands in a short title in quotation marks ("said on \u201cMeet the
    Press\u201d", "the book \u201cFire and Fury\u201d"): a name of a show, book or film, no deed. A quoted
    clause ("\u201cWe will attack\u201d") is words, and stays for the quote stage to judge."""
    if not tok.text[:1].isupper() or tok.i == tok.sent.start:
        return False
    sent = tok.sent
    left = next((t for t in reversed(tok.doc[sent.start:tok.i]) if t.text in OPENING_QUOTES | CLOSING_QUOTES), None)
    right = next((t for t in tok.doc[tok.i + 1:sent.end] if t.text in CLOSING_QUOTES | OPENING_QUOTES), None)
    if left is None or right is None or left.text not in OPENING_QUOTES or right.i - left.i > 7:
        return False
    words = [t for t in tok.doc[left.i + 1:right.i] if t.is_alpha]
    return bool(words) and words[0].text[:1].isupper() and \
        all(t.text[:1].isupper() or t.lower_ in FUNCTION_WORDS for t in words) and left.i > sent.start


def speech(obj) -> bool:
    """Whether an object is words said or a view held (``events/speech_nouns.txt``: "remarks", "thoughts")."""
    return obj is not None and obj.pos_ == "NOUN" and obj.lemma_.lower() in word_set("events/speech_nouns.txt")


def goods(obj) -> bool:
    """Whether an object is money or goods owned by its commonest WordNet sense ("$200,000", "millions of
    dollars", "a gift", "donations")."""
    if obj is not None and obj.ent_type_ != "MONEY" and counts(obj):
        obj = counted(obj)
    return obj is not None and (obj.ent_type_ == "MONEY" or noun_class(obj) == "possession")


def body_held(story, tok) -> bool:
    """Whether what is "held" is an organisation or gathering rather than people: an actor of the organization
    kind with no sector ("the Dialogue is being held"), or owned "privately"/"publicly"."""
    if any(c.dep_ == "advmod" and c.lower_ in OWNERSHIP for c in tok.children):
        return True
    obj = child(tok, "dobj", "nsubjpass")
    a = story.actor_at(obj.idx, obj.idx + len(obj)) if obj is not None else None
    return a is not None and a.kind == "organization" and not a.sector



def quoted_name(tok) -> bool:
    """Whether a verb names its object rather than acting on it ("called the Saudis \u201cfree riders\u201d",
    "called Smith 'Miss Piggy'", "called her late husband her hero", "called him a liar"): a word in quotation marks inside or right after the object, a second noun phrase set on the object
    with no comma (an apposition the parser read for the name given; not a name: "phoned his brother Karl
    Berg"), or a second object."""
    obj = child(tok, "dobj", "oprd")
    if obj is None:
        return False
    doc, lo, hi = tok.doc, obj.left_edge.i, obj.right_edge.i
    if any(t.text in OPENING_QUOTES and t.tag_ != "POS" and lo < t.i < obj.i for t in doc[lo:hi + 1]):
        return True  # "Machado 'Miss Piggy'" read as one noun phrase
    if hi + 1 < len(doc) and doc[hi + 1].text in OPENING_QUOTES and hi + 2 < len(doc) and doc[hi + 2].pos_ in (
            "DET", "ADJ", "NOUN", "PROPN"):
        return True  # "calls the border town 'a costly mistake'"
    if any(c.dep_ == "appos" and c.i > obj.i and (c.pos_ == "NOUN" or _indefinite(c)) and
           doc[c.left_edge.i - 1].text not in (",", "(", "-", "\u2013", "\u2014") for c in obj.children):
        return True  # "called her late husband her hero", "called Smith AN ''Uncle Sam''"
    return sum(c.dep_ in ("dobj", "oprd") for c in tok.children) > 1  # "calling Governor Brandt an ignorant clown"


def _indefinite(tok) -> bool:
    """A name given with "a"/"an" ("an Uncle Sam"): a label, not someone's name in apposition."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)


def inverted_attribution(tok) -> bool:
    """Whether a reporting verb follows a closing quotation mark (and its comma) with no subject before it: the
    speaker comes after it ("'...,' recalled the reporter", "'...,' warned the minister"), and the verb only
    attributes the quote."""
    if tok.i < 1 or lemma(tok) not in _reporting():
        return False
    prev = tok.doc[tok.i - 1]
    if prev.text == "," and tok.i >= 2:
        prev = tok.doc[tok.i - 2]
    return prev.text in CLOSING_QUOTES and not any(c.dep_ == "nsubj" and c.i < tok.i for c in tok.children)


def trailing_allegation(tok) -> bool:
    """Whether "allege" only attributes a clause told before it and set off by a comma ("a prisoner was beaten to
    death, his family ALLEGED"): the news is the clause, coded as reported, not an accusation that swallows it."""
    if lemma(tok) != "allege":
        return False
    return any(c.dep_ == "ccomp" and c.i < tok.i and any(t.text == "," for t in tok.doc[c.right_edge.i + 1:tok.i])
               for c in tok.children)


@lru_cache(maxsize=1)
def _reporting() -> frozenset[str]:
    """Speech verbs (``speech_verbs.txt``, events or not: "said", "warned", "recalled") and the verbs of
    indicating and believing of ``events/reporting_verbs.txt``."""
    speech = {line.split("\t")[0] for _, line in read_lines("speech_verbs.txt") if line.split("\t")[-1] == "speech"}
    return frozenset(speech | word_set("events/reporting_verbs.txt"))
