"""Phrase matchers over the knowledge base: names, roles and actor nouns found in a Doc by token sequence.

The matchers are built once per (knowledge base, vocabulary) and compare lower-case tokens, so matching an
article costs one pass per matcher. A name only matches where the text is capitalised ("Chad", not "chad")
and a surface written in capitals ("US", "WHO") only where the text is in capitals too.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from .kb import KnowledgeBase
from .places import city_country, region_adjective

NAME_PARTICLES = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "bin", "ibn", "de", "la", "le", "van",
                  "von", "du"}


@dataclass
class Matchers:
    names: object
    roles: object
    agents: object
    verbs: frozenset = frozenset()  # the verbs of the model's lemma index, for nouns of doers (``peoplewords``)
    nouns: frozenset = frozenset()  # its nouns, for common nouns capitalised at a sentence start (``participants``)

    @classmethod
    def get(cls, kb: KnowledgeBase, nlp) -> Matchers:
        """The matchers of a knowledge base for a vocabulary, built once. They are kept on the knowledge base
        itself (with the vocabulary they were built for), so they go when it goes and never serve another."""
        built = kb.matchers.get(id(nlp.vocab))
        if built is None or built[0] is not nlp.vocab:
            built = (nlp.vocab, cls.build(kb, nlp))
            kb.matchers[id(nlp.vocab)] = built
        return built[1]

    @classmethod
    def build(cls, kb: KnowledgeBase, nlp) -> Matchers:
        from spacy.matcher import PhraseMatcher

        def matcher(label, phrases):
            m = PhraseMatcher(nlp.vocab, attr="LOWER")
            docs = list(nlp.tokenizer.pipe(sorted(set(phrases)), batch_size=1000))
            m.add(label, [d for d in docs if len(d)])
            return m

        names = [f for f in kb.forms if " ".join(f.split()).lower() in kb.surfaces]
        names += [f.title() for f in names if f.islower()]
        def cased(phrases):  # tokenizer exceptions are case-sensitive ("Lt." is one token, "lt." is not)
            out = set(phrases)
            out |= {p.title() for p in phrases} | {p.capitalize() for p in phrases}
            return out

        from .peoplewords import model_nouns, model_verbs

        return cls(matcher("NAME", names), matcher("ROLE", cased(kb.roles)), matcher("AGENT", cased(kb.agents)),
                   model_verbs(nlp), model_nouns(nlp))


def longest(matches) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) token ranges, longest first, then leftmost."""
    taken: set[int] = set()
    out = []
    for _, s, e in sorted(matches, key=lambda m: (m[1] - m[2], m[1])):
        if any(i in taken for i in range(s, e)):
            continue
        taken.update(range(s, e))
        out.append((s, e))
    return sorted(out)


def capitalised(span, kb: KnowledgeBase) -> bool:
    """Whether a matched name is written as a name: first letter upper case (all capitals for "US")."""
    text = span.text
    if not text:
        return False
    if not text[0].isupper():
        # "al-Qaeda", "al Shabaab": a lower-case article before a capitalised name
        if not (span[0].lower_ in NAME_PARTICLES and len(span) > 1 and any(t.text[:1].isupper() for t in span[1:])):
            return False
    norm = " ".join(text.split()).lower()
    norm = norm.removeprefix("the ")
    if norm in kb.upper:
        letters = [c for c in text if c.isalpha()]
        return all(c.isupper() for c in letters) or " ".join(text.split()) in kb.forms
    return True


def inside_place_name(doc, s: int, e: int, refs, place_ents) -> bool:
    """Whether a knowledge-base name is only part of a longer place name of another country: "Jersey" in
    "New Jersey police", "Mexico" in "New Mexico". The longer name is spaCy's place entity around it (one of
    ``place_ents``, the doc's GPE and LOC entities and their starts), and the gazetteer must place it
    (``places.city_country``)."""
    k = bisect_right(place_ents[1], s) - 1  # entities do not overlap: only the last one starting by s may hold it
    ent = place_ents[0][k] if k >= 0 and e <= place_ents[0][k].end else None
    if ent is not None and (ent.start, ent.end) != (s, e):
        country = city_country(ent.text)
        return country is not None and all(r[0].country != country for r in refs)
    # inside another entity ("Western NEW ENGLAND University"): the capitalised words right before the name
    # and the name are a place the gazetteer knows, of another country
    for k in (1, 2):
        if s - k < 0 or not all(t.is_title and t.pos_ == "PROPN" for t in doc[s - k:s]):
            break
        country = city_country(doc[s - k:e].text)
        if country is not None:
            return all(r[0].country != country for r in refs)
    return False


def inside_person_name(doc, s: int, refs) -> bool:
    """Whether a country's name or demonym is a later word of a person's name: "Mark CUBAN", "Michael
    JORDAN" (spaCy's PERSON entity runs on from a name word right before it; not "Abdullah of Jordan")."""
    if s == 0 or not all(r[0].kind == "country" for r in refs):
        return False
    prev = doc[s - 1]
    return doc[s].ent_type_ == "PERSON" and doc[s].ent_iob_ == "I" and prev.ent_type_ == "PERSON" \
        and prev.pos_ == "PROPN" and prev.is_title


def inside_region_word(doc, s: int, e: int, refs) -> bool:
    """Whether a country's demonym ends the adjective of a region: "Latin AMERICAN governments", "Central
    AMERICAN migrants" are of no one state (``places/demonyms.tsv`` gives the regions' adjectives)."""
    if s == 0 or not doc[s - 1].is_title or not all(r[0].kind == "country" for r in refs):
        return False
    return region_adjective(doc[s - 1:e].text)


def inside_longer_name(doc, s: int, refs, kb) -> bool:
    """Whether a known body's name ends a longer name of another body: "the FEDERAL Foreign Office" (Germany's,
    not Britain's), "the NATIONAL Security Council" (not the UN's), "the INDIAN Foreign Office". spaCy's ORG
    entity runs on from a capitalised word right before it that names no body of the known one's own country
    ("the UN Security Council", "the British Foreign Office" stay)."""
    if s == 0 or not all(r[0].kind == "organization" for r in refs):
        return False
    prev = doc[s - 1]
    if doc[s].ent_type_ != "ORG" or doc[s].ent_iob_ != "I" or prev.ent_type_ != "ORG" or not prev.is_title or \
            prev.pos_ not in ("PROPN", "ADJ") or prev.is_stop:
        return False
    own = {r[0].country for r in refs} | {r[0].key for r in refs}
    return not any(e.country in own or e.key in own for e, _how in kb.lookup(prev.text))

