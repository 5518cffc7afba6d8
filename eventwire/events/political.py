"""Whether an event is a political act: PLOVER codes what governments, armed forces, parties, rebels,
international bodies and organised civil society do to one another. Idioms of everyday speech ("made it
clear", "has no need", "downplayed", listed in ``events/idioms.txt``) code an event only when a political
actor does them to another actor.

These checks apply to every event (``reports_political_act``):

- a verbal or cooperative act needs someone who does it: an agreement, a request, support, aid, a meeting or a
  concession with no source, not even as text ("NATO was set up", "is being made to continue", "Promise mama
  you'll ...") is no event; material acts and accusations are told without their doer ("was killed", "was
  arrested", "was accused of") and stay (``AGENTLESS``);
- words of force used for words or efforts (``events/figurative_force.txt``): an attack by people or bodies that command
  no force on someone who is no country, place or armed force is criticism ("Trump attacked Machado in
  tweets" is an ACCUSE), a fight or war of theirs no event ("a war on rising seas", "Tools to Fight
  Terrorism") (``figurative_force``);
- trade: an agreement, signature, refusal, threat or talks of a company or club about buying, selling, supplying,
  a merger, an order or money ("Rio Tinto struck a deal to supply iron ore") is business, no political act (``trade``);
- everyday life: advice, requests, welcome or support of doctors, teachers, residents or families among themselves,
  about no event ("Doctors urged parents to vaccinate children") is no political act (``everyday_exchange``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..data import data_path, read_lines, word_set
from .senses import figurative_words


NEEDS = ("source", "source+target", "force", "armed", "seize", "official", "group", "closed")
# Sectors of private life: media, business, health, education, refugees, ordinary people.
PRIVATE_SECTORS = {"JRN", "BUS", "MED", "EDU", "REF", "CVL"}
# Sectors of bodies that argue but do not fight: parties, legislatures, courts, media, business, education.
UNARMED_SECTORS = {"PTY", "LEG", "JUD", "JRN", "BUS", "EDU"}
# Types that are reported without their doer and still are events: material conflict and accusations.
AGENTLESS = {"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE", "ACCUSE"}
# Verbs of firing that, with "back", say a retort of people who command no force ("fired back at her critics").
ANSWERED_FIRE = {"fire", "shoot"}
# Sectors whose members use force: police, soldiers, paramilitaries, rebels, unidentified gunmen, spies, gangs.
FORCE_SECTORS = {"COP", "MIL", "PRM", "REB", "UAF", "SPY", "CRM"}


@lru_cache(maxsize=1)
def idioms() -> dict[str, str]:
    """Lexicon pattern -> what it needs to code an event (``events/idioms.txt``): "source" (a political actor
    as source), "source+target" (and another actor as target), "force" (an armed or police source) and the
    others ``political_act`` reads."""
    from ..errors import DataFileError

    out = {}
    for n, line in read_lines("events/idioms.txt"):
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) != 2 or cols[1] not in NEEDS:
            raise DataFileError(data_path("events/idioms.txt"), n,
                                f"expected a pattern and one of {', '.join(NEEDS)}, tab-separated, got {line!r}")
        out[" ".join(cols[0].split())] = cols[1]
    return out


def political_actor(actor) -> bool:
    """An actor PLOVER codes: a country, or an actor with a sector, a country or a political role."""
    if actor is None:
        return False
    return actor.kind == "country" or bool(actor.sector) or bool(actor.country) or bool(actor.role)


def political_act(draft, needs: str = "source+target", story=None) -> bool:
    """Whether a political actor is the source of a draft (and, for "source+target", another actor its target;
    for "force", an actor of a sector that uses force; for "armed", that, a country or a government body (or no
    doer, told in the passive, for "seize": "the town was captured"), named by the verb's subject
    itself or by a deed noun ("Israel hit Hamas targets", "Israeli strikes hit Gaza", not "the unemployment rate
    in India hit its highest level"); for "group", an actor that is no single person: "teachers
    rallied", not a candidate's campaign rally); for "closed", a force or "source+target" ("police closed the
    village", "Chad closed its border with Sudan", not "plans to close the prison"); for "official", no actor of private life only, nor a person
    the verb describes ("a man VISITING London with his family")."""
    if needs == "force":
        return any(a.sector in FORCE_SECTORS for a in draft.source.actors)
    if needs == "closed":  # police or soldiers sealing a place, or anyone shutting someone out
        return political_act(draft, "force") or political_act(draft, "source+target", story) or \
            political_act(draft, "source", story) and _closed_to_someone((draft.inner or draft.match).tok)
    if needs in ("armed", "seize"):
        if not draft.source.actors:  # "seize": "the town was captured on Monday", told without its doer
            from .passive import is_passive
            return needs == "seize" and draft.match.entry.pos == "V" and is_passive(draft.match.tok)
        return any(a.sector in FORCE_SECTORS or a.kind == "country" or (a.sector == "GOV" and a.kind != "person")
                   for a in draft.source.actors) and _doer_is_subject(story, draft)
    if needs == "official":
        tok = draft.match.tok
        if tok.dep_ == "acl" and tok.head.pos_ == "NOUN":  # "a Chilean ENGINEER visiting Lisbon": who is meant
            return _public_noun(tok.head)
        public = any(a.kind == "country" or (a.sector and a.sector not in PRIVATE_SECTORS) for a in draft.source.actors)
        private = draft.source.actors and all(a.sector in PRIVATE_SECTORS for a in draft.source.actors)
        return public or not (private or draft.match.tok.dep_ == "acl")
    if needs == "group":
        return not draft.source.actors or any(a.kind != "person" for a in draft.source.actors)
    if not any(political_actor(a) for a in draft.source.actors):
        return needs in ("source", "source+target") and _stranger_to_a_state(draft)
    return needs == "source" or bool(draft.target.actors)


def _closed_to_someone(verb) -> bool:
    """Whether what is closed is closed to a named party ("close all borders WITH IRAQI KURDISTAN", "the
    crossing TO GAZA") or is a way in or out (``events/passage_nouns.txt``)."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(o.lemma_.lower() in word_set("events/passage_nouns.txt") for o in objs):
        return True  # a way in or out: "will close the border", "closed its airspace"
    return any(p.dep_ == "prep" and p.lower_ in ("with", "to", "into", "from") and
               any(o.dep_ == "pobj" and o.pos_ == "PROPN" for o in p.children)
               for t in [verb] + objs for p in t.children)


# Sectors of the state: a named person acting on one of them is taken for a political figure.
STATE_SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD"}


def _stranger_to_a_state(draft) -> bool:
    """A named person the knowledge base does not know (a person actor with no entry, sector or role, or a name
    read as text only: "Rautio made it clear that Iran must ...", "X offered to negotiate with the president of
    Armenia") doing to a country or a body of a state what an idiom needs a political actor for: news names
    such a person for being one, and a person of everyday life rarely acts on a state. The knowledge base's
    coverage must not decide whether the event is coded."""
    from .resolve import unfamiliar_name

    if not any(a.kind == "country" or a.sector in STATE_SECTORS for a in draft.target.actors):
        return False
    if draft.source.actors:
        return all(a.kind == "person" and not a.kb_id and not a.sector and not a.role for a in draft.source.actors)
    tok = draft.named_at.get("source")
    return tok is not None and (tok.ent_type_ == "PERSON" or unfamiliar_name(tok))


def _public_noun(tok) -> bool:
    """Whether a common noun is a title or body of a public sector ("minister", "delegation", not "engineer",
    "man", "tourist"), by the knowledge base's roles and agent nouns."""
    from ..actors.kb import default_kb

    kb, low = default_kb(), tok.lemma_.lower()
    role, agent = kb.roles.get(low), kb.agents.get(low)
    sector = role.sector if role is not None else (agent[0] if agent else None)
    return bool(sector) and sector not in PRIVATE_SECTORS




def _doer_is_subject(story, draft) -> bool:
    """Whether the verb's subject is its source's own mention, a pronoun or a deed noun, or it has none."""
    from .subjects import subject_of
    from .triggers import noun_event

    subj = subject_of(draft.match.tok) if draft.match.entry.pos == "V" else None
    if subj is None or subj.pos_ == "PRON" or story is None or noun_event(subj) is not None:
        return True
    return any(m.start <= subj.idx and subj.idx + len(subj) <= m.end for a in draft.source.actors
               for m in a.mentions)


def _commands_force(actor) -> bool:
    """Countries, armed sectors and groups (governments, protesters, rioters) and unnamed people of no sector ("a
    man", "the suspect") may use force; named people and parties, legislatures, courts, media, companies or schools
    do not."""
    if actor.kind in ("country", "place") or actor.sector in FORCE_SECTORS:
        return True
    if actor.kind == "person" and actor.generic and not actor.sector:
        return True  # "a MAN attacked the woman", "the SUSPECT threw a can, striking her": no one's words
    return actor.kind != "person" and actor.sector not in UNARMED_SECTORS


def _other_doers(story, draft) -> bool:
    """Whether a verb's subject names people other than its source actors ("Senator Lopez's BODYGUARDS attacked
    ..."): another actor, or a noun for people. A subject that is a thing ("an ad hitting Trump", "a tweet
    attacking ...") or the source itself is not."""
    if draft.match.entry.pos == "N":
        return False
    from .subjects import subject_of
    from .resolve import namable

    subj = subject_of(draft.match.tok)
    if subj is None or subj.pos_ == "PRON":
        return False
    span = (subj.idx, subj.idx + len(subj))
    if any(m.start <= span[0] and span[1] <= m.end for a in draft.source.actors for m in a.mentions):
        return False
    return bool(story.actors_at(*span)) or namable(subj)


def figurative_force(story, draft) -> str | None:
    """For an ASSAULT named by a word of ``events/figurative_force.txt`` whose sources all command
    no force and whose targets hold no country, place or armed force: "criticize" (the act is words said against
    a named target) or "none" (no event); else None (a use of force)."""
    if draft.type != "ASSAULT":
        return None
    reading = figurative_words().get(draft.match.tok.lemma_.lower())
    if reading is None and draft.match.tok.lemma_.lower() in ANSWERED_FIRE and \
            any(c.lower_ == "back" for c in draft.match.tok.children):
        reading = "criticize"  # "Clinton fired back at Sanders", "shot back": a retort, unless armed people fire
    tok = draft.match.tok
    if tok.pos_ == "NOUN" and tok.lemma_.lower() == "fire" and not any(a.sector in FORCE_SECTORS
                                                                        for a in draft.source.actors):
        return "none"  # "came under fire from lawmakers, from the authorities": words, not the deed said of them
    if not draft.source.actors:
        # "leaving it to his niece to engage the crowd", "Tools to Fight Terrorism": no doer named, and the
        # verb not passive ("was attacked" is told without its doer)
        tok = draft.match.tok
        active = draft.match.entry.pos == "V" and not any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) \
            and tok.tag_ != "VBN"
        armed = any(a.kind in ("country", "place") or a.sector in FORCE_SECTORS for a in draft.target.actors)
        return "none" if reading and active and not armed and "source_text" not in draft.attrs else None
    if reading is None or any(_commands_force(a) for a in draft.source.actors):
        return None
    if any(a.kind in ("country", "place") or a.sector in FORCE_SECTORS for a in draft.target.actors):
        return None
    if _other_doers(story, draft):
        return None  # "Senator Lopez's bodyguards attacked ...": the doers are not the person named
    if reading == "criticize" and draft.target.actors and not _thing_struck(draft):
        return "criticize"
    return "none"


def _thing_struck(draft) -> bool:
    """Whether a verb of force strikes a thing its object names and the target lies outside that object ("hit
    another MILESTONE with the episode of X": X is no one criticised; "attacked Clinton's RECORD" is Clinton)."""
    tok = draft.match.tok
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None) if draft.match.entry.pos == "V" else None
    if obj is None:
        return False
    lo, hi = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge)
    return not any(lo <= start and end <= hi for start, end in draft.target.at.values())


# Acts a company does in trade as a state does in politics: agreeing, signing, refusing, threatening, withdrawing,
# holding or breaking off talks ("Renault and Fiat broke off merger talks").
TRADE_TYPES = {"AGREE", "SUPPORT", "REJECT", "THREATEN", "COOPERATE", "RETREAT", "CONSULT", "SANCTION"}


def trade(draft) -> bool:
    """Whether an agreement, signature, refusal, threat or withdrawal is business: its sources are all bodies or
    people of no state, party, force or public role (a company, a club: "Rio Tinto", "Real Madrid"), and what the verb
    is said of names trade (``events/trade_words.txt``) or money ("struck a deal to SUPPLY iron ore",
    "rejected a 90 million euro OFFER", "threatened to cancel an ORDER", "withdrew its profit FORECAST"). A
    country's trade deal stays."""
    if draft.type not in TRADE_TYPES or draft.match.entry.pos != "V" or not draft.source.actors:
        return False
    if any(a.kind == "country" or a.role or (a.sector and a.sector != "BUS") for a in draft.source.actors):
        return False
    words = trade_words()
    # talks held or broken off are of trade when the talks themselves are ("broke off MERGER talks"), not when
    # something said around them is ("met Merkel ... in a bid to push for progress")
    deps = ("dobj",) if draft.type in ("CONSULT", "SANCTION") else ("dobj", "xcomp", "prep", "ccomp", "attr")
    said = [draft.match.tok] + [t for c in draft.match.tok.children if c.dep_ in deps for t in c.subtree]
    pos = {"NOUN": "N", "VERB": "V"}
    return any(t.ent_type_ == "MONEY" or pos.get(t.pos_, "-") in words.get(t.lemma_.lower(), "") for t in said)


@lru_cache(maxsize=1)
def trade_words() -> dict[str, str]:
    """Lemma -> the parts of speech (N, V) it names trade as (``events/trade_words.txt``)."""
    from ..errors import DataFileError

    out = {}
    for n, line in read_lines("events/trade_words.txt"):
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) != 2 or not cols[1] or set(cols[1]) - {"N", "V"}:
            raise DataFileError(data_path("events/trade_words.txt"), n,
                                f"expected a lemma and N, V or NV, tab-separated, got {line!r}")
        out[cols[0].lower()] = cols[1]
    return out


def idle_restriction(story, draft) -> bool:
    """Whether a restriction is told in the active voice of a subject that is no actor and done to no actor
    ("ENGINEERS shut the bridge", "ROADWORKS will close two lanes"): repairs and works, not a measure against
    anyone. "Schools were closed" (no subject named), "police closed the road" and a headline's passive told
    short ("NGOs Banned for Ties to ...", no object) stay."""
    if draft.type != "COERCE" or draft.mode != "restrict" or draft.source.actors or draft.target.actors or \
            draft.match.entry.pos != "V" or story is None:
        return False
    from .passive import is_passive
    from .subjects import subject_of

    tok = draft.match.tok
    subj = subject_of(tok)
    if subj is None or is_passive(tok) or not any(c.dep_ == "dobj" for c in tok.children):
        return False  # a headline's "NGOs Banned for Ties to ...": a passive told short, no object
    return subj.pos_ == "NOUN" and story.actor_at(subj.idx, subj.idx + len(subj)) is None


# Verbal acts people of everyday life do among themselves: advice, requests, welcome, support, talks.
EVERYDAY_TYPES = {"REQUEST", "AGREE", "SUPPORT", "CONSULT"}
# People of everyday life named by a common noun: health and school staff, and neighbours and families (not
# "citizens", "communities", "youth", "protesters", "students": named for their part in public life).
EVERYDAY_SECTORS = {"MED", "EDU"}
EVERYDAY_PEOPLE = {"resident", "villager", "parent", "family", "household", "neighbour", "neighbor", "inhabitant",
                   "local", "fan", "shopper", "commuter", "passenger", "visitor", "tourist", "patient", "doctor",
                   "nurse", "physician", "teacher", "hospital"}


# Words that make people of everyday life contenders: "protesting teachers", "striking nurses".
CONTENDING = {"protest", "protesting", "strike", "striking", "demonstrate", "demonstrating", "rally", "rallying"}


def everyday_exchange(draft) -> bool:
    """Whether a verbal act is one of everyday life: its sources are all health or school staff, neighbours or
    families named only by a common noun ("DOCTORS urged parents to vaccinate children", "RESIDENTS welcomed the
    reopening of the bridge"), it is done to no one or only to people of private life, and what it is about
    names no event ("support for the PROTESTS" is politics). A request to the government or a council, a
    named doctor's word, protesters', citizens' or students' requests, any demand, and what protesting or
    striking teachers or nurses ask stay."""
    if draft.type not in EVERYDAY_TYPES or not draft.source.actors or draft.match.entry.pos != "V" or \
            draft.match.tok.lemma_.lower() == "demand":
        return False  # "teachers demand more funding": a demand is a claim on someone
    from .subjects import subject_of

    subj = subject_of(draft.match.tok)
    if subj is not None and any(c.lemma_.lower() in CONTENDING for c in subj.children):
        return False  # "PROTESTING school teachers ... urged", "STRIKING nurses welcomed"
    if not all(_everyday(a) for a in draft.source.actors):
        return False
    if not all(_private_target(a) for a in draft.target.actors):
        return False
    from .triggers import noun_event

    tok = draft.match.tok
    return not any(noun_event(t) is not None for t in tok.subtree if t.i != tok.i and t.pos_ == "NOUN")


def _private_target(actor) -> bool:
    """People of private life: of a private sector, or unnamed people a word for persons names ("sick
    CHILDREN", "parents"; not a "council", a country or a body)."""
    if actor.kind == "country" or actor.country or actor.role:
        return False
    if actor.sector:
        return actor.sector in PRIVATE_SECTORS
    from ..word_classes import first_class

    return actor.generic and actor.kind != "organization" and bool(actor.name) and \
        first_class("noun", _singular(actor.name.split()[-1].lower())) == "person"


def _singular(word: str) -> str:
    if word == "children":
        return "child"
    return word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") else word


def _everyday(actor) -> bool:
    if actor.kind == "country" or not actor.generic or actor.role or not actor.name:
        return False
    return _singular(actor.name.split()[-1].lower()) in EVERYDAY_PEOPLE and (actor.sector in EVERYDAY_SECTORS or actor.sector == "CVL")


def reports_political_act(story, draft) -> bool:
    """Whether a draft stands as an event after the checks of this module; a figurative attack is retyped
    to an ACCUSE (mode disapprove) in place."""
    if not draft.source.actors and "source_text" not in draft.attrs and draft.type not in AGENTLESS:
        return False
    if trade(draft):
        return False  # "Rio Tinto struck a deal to supply iron ore": business, no political act
    if everyday_exchange(draft):
        return False  # "Doctors urged parents to vaccinate their children": advice of everyday life
    if idle_restriction(story, draft):
        return False  # "Engineers shut the bridge after cracks were found": no one restricts anyone
    reading = figurative_force(story, draft)
    if reading == "none":
        return False
    if reading == "criticize":
        draft.attrs["figurative_of"] = draft.type
        draft.type, draft.mode, draft.cameo = "ACCUSE", "disapprove", "111"
    return True


SCORE = re.compile(r"^\d{1,3}\s*[-\u2013]\s*\d{1,3}$")


def match_score(verb) -> bool:
    """Whether a verb's clause gives a match score ("thrashed their rivals 5-0", "beat Everton 2\u20130"): a
    number right under the verb written with a dash and a second number."""
    doc = verb.doc
    for c in verb.children:
        if c.like_num or SCORE.match(c.text):
            if SCORE.match(doc[c.i:min(c.i + 3, len(doc))].text.replace(" ", "")) or SCORE.match(c.text):
                return True
    return False
