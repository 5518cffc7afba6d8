"""Stage ``actors.rules.v1``: every actor in the article, with country, sector, role and every mention.

The steps, in order, each in the module of what it decides:

1. ``names.find_names``: knowledge-base names (countries, demonyms, seats of government, organisations, people)
   and spaCy's PERSON / ORG / GPE entities, cleaned: a knowledge-base name inside a wrong entity is split off
   ("CENTCOM David Petraeus" is CENTCOM plus the person David Petraeus), leading titles are peeled off a
   person's name, and a seat of government is an actor only where it acts ("Washington said"), not where it
   is a place ("a speech in Washington").
2. ``people.find_people``: full names, then surnames and ORG/GPE entities that repeat a person's name join that person
   (spaCy's small model often labels a surname seen earlier as ORG).
3. ``titles.read_titles``: a person's role, country and affiliation from the words before the name ("State Department
   spokesman Sean McCormack", "the new commander of CENTCOM David Petraeus") and after it ("President Hamid
   Karzai of Afghanistan", "Gordon Johndroe, a White House spokesman"); an appositive title is a mention.
4. ``led.led_bodies`` ("a Saudi-led coalition", "U.S.-backed forces"), ``nominals.find_nominals`` (then
   ``unnamed.unnamed_roles``, ``countries.possessed_people``, ``countries.demonym_actors``): noun phrases
   that name a body of actors ("Israeli soldiers", "Afghan government", "police in Nairobi", "Hungarian and
   Romanian officials" which is two actors, "Brazil's truck drivers");
   the country comes from a demonym, country name or place next to the noun, else the article's focus country.
   A government noun is a mention of its country.
   ``participants.named_participants``: a subject, agent or object that is a name or a noun for people and
   that no step named is an actor of its own (generic for a common noun), with no guessed country.
   ``acronyms.link_acronyms``: an acronym the knowledge base does not know is the body the article names in
   full before it in brackets ("the International Renewable Energy Agency (IRENA)") or with its initials.
5. ``build.build``: mentions grouped into Actors with canonical name, kind, country, sector, role, CAMEO-style
   code and affiliation.
6. ``pronouns.resolve``: he / she / it / they and "the group"-like phrases, to the nearest fitting actor.
7. ``build.headlines``: headline and heading mentions only join actors found in the body ("Karzai Offer" is
   Karzai), never make new ones.
8. ``groups.resolve_groups``: "the two governments", "officials on both sides" stand for every actor of the
   pair named together nearby.

Extensions for later stages (``story.ext[...]``):
    ``actors.pronouns``   {(start, end): [actor ids]} for every pronoun mention (several ids for "they")
    ``actors.conjuncts``  {(start, end): [actor ids]} for compound phrases ("Hungarian and Romanian officials")
    ``actors.locations``  [{"start", "end", "text", "country", "actor", "dateline"}] for places named in the
                          text that are not acting (a city, a dateline, or a country after "in" / "to"),
                          with their country and the country actor when there is one
The extensions are registered on the Story in ``model.py``; ``story.actors_at(start, end)`` gives every
actor of a compound or plural mention.
"""

from __future__ import annotations

from ..model import Story
from ..registry import stage
from . import pronouns
from .build import build, finish, headlines
from .countries import demonym_actors, focus_country, possessed_people, region_people, union_government
from .groups import resolve_groups
from .participants import named_participants
from .kb import KnowledgeBase
from .led import led_bodies
from .sources import knowledge_base
from .match import Matchers
from .names import find_names, kb_matches
from .nominals import city_country, find_nominals
from .people import find_people
from .titles import read_titles
from .appositions import apposed_people
from .acronyms import link_acronyms
from .unnamed import unnamed_roles
from .work import Work, paragraph_kinds


def code_actors(story: Story, kb: KnowledgeBase, matchers: Matchers) -> Story:
    doc = story.doc
    for name, empty in (("actors.pronouns", dict), ("actors.conjuncts", dict), ("actors.locations", list)):
        story.ext[name] = empty()  # running the stage again starts afresh
    w = Work(story, doc, kb, paragraph_kinds(story, doc))
    kb_matches(w, matchers)
    find_names(w)
    apposed_people(w)
    find_people(w)
    # the country generic actors are placed in when the text places them nowhere: the actors stage's own
    # reckoning from actor mentions (the story's ``focus_country``, where its places lie, is the places stage's)
    w.focus = focus_country(w)
    read_titles(w)
    led_bodies(w)
    find_nominals(w)
    unnamed_roles(w)
    possessed_people(w)
    union_government(w)
    demonym_actors(w)
    region_people(w)
    named_participants(w, matchers.verbs, matchers.nouns)
    link_acronyms(w)
    by_key = build(w)
    headlines(w, by_key)
    actors = finish(w, by_key)
    story.actors = actors
    # conjunct and location records, by actor id
    conj = story.ext["actors.conjuncts"]
    for span, ms in list(conj.items()):
        ids = [by_key[m.key].id for m in ms if m.key in by_key]
        conj[span] = list(dict.fromkeys(ids))
    story.ext["actors.locations"] = [
        {**story.span(doc[x["start"]].idx, doc[x["end"] - 1].idx + len(doc[x["end"] - 1].text)).to_dict(),
         "country": x["country"] or city_country(doc[x["start"]:x["end"]].text, w.focus),
         "actor": by_key[x["actor"]].id if x["actor"] in by_key else None, "dateline": bool(x.get("dateline"))}
        for x in w.locations
    ]
    pronouns.resolve(story, w, by_key)
    resolve_groups(story, w, by_key)
    return story


@stage("actors.rules.v1", requires=["doc", "paragraphs"],
       assigns=["actors", "actors.pronouns", "actors.conjuncts", "actors.locations"])
def make_actor_rules(nlp, config):
    """People, organisations, countries and groups with country, sector, role and every mention."""
    kb = knowledge_base(tuple(config.get("actor_files") or ()))
    matchers = Matchers.get(kb, nlp)

    def actors(story: Story) -> Story:
        return code_actors(story, kb, matchers)

    return actors
