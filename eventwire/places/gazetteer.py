"""Stage ``places.gazetteer.v1``: toponyms found, resolved to a point and a country, and events placed.

Steps, each in a module of its own (this one runs them in order: ``geoparse``):

- ``recognise``: step 1, with ``finders`` (entities split or joined, "town, division", repeats, listed
  divisions, airports), ``datelines`` (datelines and the outlet's town), ``lowercase`` (text without
  capitals), ``people`` (names of people), ``not_places`` (names of firms, roads, streets, waters,
  diseases, storms), ``metonymy`` ("Washington said"), ``spelling`` (what a name as written can mean)
  and ``qualifiers`` ("Paris, Texas", lists);
- ``resolve`` and ``scoring``: step 2, in the article's ``context``, then ``local`` (towns recognition left
  out, places the gazetteer lacks);
- ``context``: step 3, the country focus;
- ``event_places``: step 4;
- shared: ``index`` (the gazetteer's data: loading, names, points), ``mention`` (a toponym and the story's
  places), ``tokens`` (the doc read once), ``vocabulary`` (word sets), ``areas`` (what lies in what).

1. **Recognise** (``recognise.recognise``): spaCy GPE/LOC/FAC entities whose name the gazetteer knows; a
   capitalised dateline and its state ("HOLLIDAY, Mo. -"); names the model labelled otherwise or missed
   when they are surely places or their company says so (after "in", before a local noun such as
   "police" or "mayor", listed with a found place); names listed before a plural division word ("Lee,
   Terrell and Worth counties") as those divisions; a name surely read as a place once, wherever else the
   article writes it (one sense per article: "the Winnipeg Free Press" after "in Winnipeg"); in text
   without capitals, a gazetteer scan. A lone
   word of a person the article names ("Ryan Bingham" ... "Bingham") is not a town, nor a country, state or
   big city when the person is named by a plain personal name ("Georgia Stevens" ... "Georgia's coach")
   and the text does not say it is a place there ("in Georgia"); a word of a person the actors stage
   knows from its knowledge base ("Obama") is no town or county below 100,000; a name right after a noun of kin
   (``kin_nouns.txt``: "his wife, Tonya") is a person; a lone word the
   actors stage took for a person is a place when it is a big city and no person of that name is named
   in full ("Winnipeg needs more buses"), and a big city the model labelled a language or a date ("in
   Aleppo") is still read. An acronym ("NATO") is never a town spelt the same, a direction ("the
   West") never a division abroad, and the head word of an organisation's name ("Cancer Centre") never
   a place on its own. A place name or demonym that begins a disease's name ("Marburg virus", "Lassa
   fever", "Spanish flu") is the disease there and wherever else the article writes it, unless the text
   says it is a place ("in Marburg", "Kikwit, Zaire"). A place name inside the name of a water the
   gazetteer lacks ("the Gulf of Honduras", "Lake Winnebago") is not that place; one that begins a street's
   or a park's name ("Texas Avenue") is kept only as a town near the article's other places; a division
   word before "of" belongs to a body's name ("the Florida Department of Law Enforcement": Florida, not a
   department of Uruguay); a demonym after "Pan" ("Pan American") is none. Demonyms that qualify a noun
   ("Afghan troops", kind ``demonym``) are places; those naming people or a language ("Iraqis", kind
   ``people``) only vote for the focus. A name used
   as the subject of a speech or action verb whose span the actors stage coded as an actor ("Washington said") is a government: it is still a
   toponym (resolved as any other, so "Washington" is the capital) but never an event's place.
2. **Resolve** (``resolve.resolve``, points in ``scoring.score``): every candidate of the name (countries, first- and second-level divisions,
   cities and towns, by name or alternate name, accents folded) is scored by its size (population), its
   kind (a country or state name beats a town that shares it unless the text says "state" or "Gov."; an
   alternate name counts less than a primary one), a qualifier next to it ("Paris, Texas", "Albany, Ga.",
   "Quetta, Pakistan"; a country name is never narrowed to a town by another country, and a name that
   modifies the next noun starts a new phrase: "in Russia, U.S. officials said"; the qualifier itself is
   read as a place that holds the first name: "Albany, Georgia" is in the American state), the names it
   is listed with (a state among states: "California or Washington"), how many other names have a reading near
   each town reading (a town reading far from every reading of the article's other names is pushed
   down, unless it is a big city far ahead of its namesakes: "Jackson", "Canton" and "Madison County"
   together are in Mississippi), the states and countries the article's other places lie in (most for
   the state named most; a town dwarfed fifty times by a namesake abroad gets little for the country alone,
   with no place of the article in its state or near it, or four times in a country the article names itself:
   ``scoring._dwarfed_stranger``), and nearness to its other
   towns; none of the article's places counts for a name that only ever opens an event's or accord's name
   ("the Venice Film Festival": ``not_places.names_an_event``), nor does it vote. A city of 500,000 known by the name only by
   another spelling loses nothing for it when it is ten times bigger than every place bearing the name as
   its own ("Mansoura": Egypt's Al Mansurah); a town that shares a country's name is that town in a story
   of the county named after it ("Lebanon" with "Lebanon County"). Passes: qualifiers first, then every
   name, then each in the context of the article's other names (confident ones, then all), then the free names
   read together in each country most of them can lie in, kept when that reading scores more in all and more by
   the names' own points ("Bristol" and "Somerset": England, not two American towns held there by each other:
   ``resolve.agree_on_country``). A town of fewer than 40,000 in a country where none of the article's other
   places lies, no qualifier or dateline saying so, is a misreading ("the Thames" in a London story is no town
   of New Zealand; "Federal mine"): its readings in the article's countries, else none
   (``resolve.drop_stray_towns``). Then a town of the
   state the article is about that recognition left out ("fled to Perry" in a Macon story, the model
   taking Perry for a person) is read as that town (``local.local_towns``). A place entity the gazetteer knows
   by no primary spelling is also read by another spelling of it ("Gharbiya" for Al Gharbiyah:
   ``index.skeleton``), kept only where the article's other places lie in that country
   (``resolve.drop_far_respellings``); a name said to lie in a division ("the village of Karo in North
   Sumatra", "Gharbiya province of Egypt") is narrowed to it as a comma qualifier would; and a name the
   gazetteer lacks, written with a word of its kind and the place it lies in ("the villages of Foua and
   Kfraya in Idlib", "Giza's Haram district"), is read at that place's point (``local.unlisted_places``).
3. **Focus** (``context.focus_country``): the country most of the article's places lie in.
4. **Event places** (``event_places.place_events``): a place named in a locative phrase ("in", "at", "near" ...)
   attached to the event's clause, else a dateline ("GENEVA -") for body events, else none.

Where each coordinate comes from is documented in ``index.py``.
"""

from __future__ import annotations

from ..model import Story
from ..registry import stage
from . import index
from .context import Context, focus_country, mark_coherence
from .datelines import dateline, outlet_mentions, outlet_place
from .event_places import place_events
from .index import Gazetteer
from .local import local_towns, unlisted_places
from .mention import Mention, to_places
from .not_places import names_an_event, opens_a_longer_name
from .qualifiers import narrow_qualifiers
from .recognise import recognise
from .resolve import agree_on_country, drop_far_respellings, drop_far_streets, drop_stray_towns, one_sense, resolve


def geoparse(story: Story, gaz: Gazetteer) -> list[Mention]:
    """Recognised and resolved toponyms of a parsed story (the stage without writing the story)."""
    mentions = recognise(story, gaz)
    text = story.text
    line = dateline(story, {m.span.start: m for m in mentions if m.kind == "name"})
    if line is not None and any(e.feature == "city" for e, _ in line.candidates):
        line.candidates = [(e, p) for e, p in line.candidates if e.feature == "city"]  # a dateline names a city
        line.dateline = True
    for m in outlet_mentions(story, mentions):
        # "Moberly" in an article of moberlymonitor.com: the outlet's own town, as a dateline says
        m.candidates = [(e, p) for e, p in m.candidates if e.feature == "city"]
        m.dateline = True
    for m in mentions:
        m.embedded = opens_a_longer_name(story.doc, m)
    alone = {index.fold(m.span.text) for m in mentions if m.kind == "name" and not m.embedded}
    for m in mentions:
        m.event_name = m.embedded and index.fold(m.span.text) not in alone and names_an_event(story.doc, m)
    mark_coherence(mentions)
    narrow_qualifiers(mentions, text)
    qualifiers = [m for m in mentions if m.qualifies]
    resolve(qualifiers, text, Context())
    resolve(mentions, text, Context())
    outlet = outlet_place(story, gaz)
    voters = mentions
    if outlet is not None:
        resolve([outlet], text, others=mentions)
        voters = mentions + [outlet]
    resolve(mentions, text, others=voters, confident_only=True)
    resolve(mentions, text, others=voters)
    agree_on_country(mentions, text, voters)
    mentions = drop_far_respellings(mentions, text)
    mentions = drop_far_streets(mentions)
    mentions = drop_stray_towns(mentions, text)
    local = local_towns(story, gaz, mentions)
    if local:
        mentions = sorted(mentions + local, key=lambda m: m.span.start)
        resolve(local, text, others=mentions)
    # after the local towns, resolved: "the village of Torkula in Guma district" lies in the district read there
    unlisted = unlisted_places(story, gaz, mentions)
    if unlisted:
        mentions = sorted(mentions + unlisted, key=lambda m: m.span.start)
    one_sense(mentions, text)
    return mentions


@stage("places.gazetteer.v1", requires=["doc", "sentences", "paragraphs", "actors", "events"],
       assigns=["places", "events.place", "focus_country"])
def make_places(nlp, config):
    """Toponyms resolved to a point, a feature type and a country; each event's place; the country focus."""
    gaz = index.load()

    def places(story: Story) -> Story:
        mentions = geoparse(story, gaz)
        story.places, place_of = to_places(mentions)
        story.focus_country = focus_country(mentions)
        place_events(story, mentions, place_of)
        return story

    return places
