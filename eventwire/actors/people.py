"""People (step 2): full names, then surnames and ORG entities that repeat a person's name join that
person (spaCy's small model often labels a surname seen earlier as ORG). A surname alone is the person of
that surname named last before it; a first name alone is the one person of the article with that first name."""

from __future__ import annotations

from ..word_classes import ordinary
from .first_names import first_names, surnames
from .labels import COMMON_SURNAME
from .kb import slug
from .work import Mention, Work, drop

PARTICLES = {"bin", "ibn", "al", "el", "van", "von", "de", "da", "di", "del", "le", "la", "abu", "ould"}


def _aliases(name: str) -> list[str]:
    words = name.split()
    out = [name]
    if len(words) >= 2:
        out.append(words[-1])
        if len(words) >= 3 and words[0].lower() in first_names() and len(words[-2]) > 2 and words[-2].istitle():
            out.append(" ".join(words[-2:]))  # a double surname: "Wasserman Schultz", "Lloyd Webber"
        for k in range(1, len(words) - 1):
            if words[k].lower() in PARTICLES:
                out.append(" ".join(words[k:]))
                break
        if "-" in words[-1] and words[-1].split("-")[0].lower() in PARTICLES:
            out.append(words[-1].split("-", 1)[1])
    return out


def _title_gender(w: Work, m: Mention) -> str | None:
    """"f" or "m" when a title of one gender stands right before the mention ("Mrs. Clinton"), else None."""
    if m.start == 0:
        return None
    return w.kb.gender.get(w.doc[m.start - 1].lower_)


def _name_gender(w: Work, name: str) -> str | None:
    """The gender a full name's first word tells (``actors/gender.tsv``), or None."""
    first = name.split()[0].lower() if name else ""
    return w.kb.gender.get(first)


def _other(gender: str) -> str:
    return "m" if gender == "f" else "f"


def _namesake(w: Work, entry, gender: str):
    """Another known person with the entry's surname whose first name fits the gender, or None."""
    surname = entry.name.split()[-1]
    for e in w.kb.entries.values():
        if e.kind == "person" and e is not entry and e.name.split()[-1] == surname and \
                _name_gender(w, e.name) == gender:
            return e
    return None


def _things_with_the(w: Work) -> None:
    """A name tagged as a person's that the text heads with "the" is a thing's or a body's: "the Common Core
    was rolled out", "the Census counts" (a person is "the late X" or "the Rev. X", with a word between).
    Every mention of that name is then an organisation's, so no "he" can go to it. Not where the name
    opens with a first name, or modifies a noun ("the Obama administration")."""
    doc = w.doc
    unknown = {}
    for m in w.mentions:
        if m.kind == "person" and m.entry is None and m.key.startswith("name:") and m.end - m.start <= 4:
            unknown.setdefault(tuple(t.text for t in doc[m.start:m.end]), []).append(m)
    firsts = {words[0] for words in unknown}
    after_the: dict[str, list[int]] = {}  # first words of those names -> where they follow "the", in one pass
    for t in doc[1:]:
        if t.text in firsts and doc[t.i - 1].lower_ == "the":
            after_the.setdefault(t.text, []).append(t.i)
    for words, ms in unknown.items():
        if words[0].lower() in first_names():
            continue
        n = len(words)
        for i in after_the.get(words[0], ()):
            if i + n > len(doc) or tuple(x.text for x in doc[i:i + n]) != words:
                continue
            last = doc[i + n - 1]
            if last.dep_ != "compound" and last.tag_ != "NNPS" and not (i + n < len(doc) and doc[i + n].tag_ == "POS"):
                for m in ms:  # "the Clintons" are a family
                    m.kind, m.key = "organization", f"org:{slug(m.name or doc[m.start:m.end].text)}"
                break


def _short_names_of_bodies(w: Work) -> None:
    """A one-word name tagged as a person's that opens the longer name of an organisation the article gives
    ("Valeant" after "Valeant Pharmaceuticals International", "Actavis" after "Actavis Generics") is that
    organisation's short name, in every mention, unless it is a first name."""
    doc = w.doc
    bodies = {}
    for m in w.mentions:
        if m.kind == "organization" and m.end - m.start >= 2 and doc[m.start].is_title:
            bodies.setdefault(doc[m.start].text, m)
    for m in w.mentions:
        body = bodies.get(doc[m.start].text) if m.end - m.start == 1 else None
        if body is not None and m.kind == "person" and m.entry is None and m.key.startswith("name:") \
                and doc[m.start].lower_ not in first_names():
            m.kind, m.key, m.entry = "organization", body.key, body.entry


def _other_bearers(w: Work) -> None:
    """A known person's surname right after an unknown capitalised first name is another person of that
    family: "IVANKA Trump, 34, could win over voters" is not Donald Trump (the entity recogniser found no
    name to override the surname with). The word before must be a proper noun that is no ordinary English
    word, no title, no abbreviation and no other name the article knows; tagged as another kind of name, it
    must be a census first name ("TIFFANY Trump", tagged ORG)."""
    doc = w.doc
    for m in w.mentions:
        if m.kind != "person" or m.how != "alias" or m.entry is None or m.end - m.start != 1 or m.start == 0:
            continue
        p = doc[m.start - 1]
        named = p.ent_type_ not in ("", "PERSON")
        org = next((o for o in w.mentions if (o.start, o.end) == (p.i, p.i + 1) and o.kind == "organization"
                    and o.entry is None), None) if named else None
        if not p.is_title or p.pos_ != "PROPN" or p.text.endswith(".") or (p.i in w.taken and org is None) \
                or p.i in w.roles or (named and p.lower_ not in first_names()) or ordinary(p.text) \
                or p.lower_ in {x.lower() for x in m.entry.name.split()}:
            continue
        if org is not None:
            w.mentions.remove(org)
        text = doc[p.i:m.end].text
        m.start, m.key, m.how, m.entry, m.name = p.i, f"name:{text.lower()}", "name", None, text
        w.taken.add(p.i)


def _add_first(firsts: dict[str, set[str]], key: str, name: str) -> None:
    """Index a person's key under the first word of a name of two words or more."""
    if len(name.split()) >= 2:
        firsts.setdefault(name.split()[0].lower(), set()).add(key)


def _join_fuller(m: Mention, name: str, fuller: dict) -> None:
    """A name that is a longer name of the article without its middle names ("Alan Grayson" after "Alan Mark
    Grayson") is that person, when one person alone has that first and last name."""
    words = name.lower().split()
    keys = fuller.get((words[0], words[-1]), set()) if len(words) == 2 else set()
    if len(keys) == 1:
        m.key = next(iter(keys))
        m.how = "alias"


def _modifier_names(w: Work, singles: list[Mention]) -> None:
    """A one-word name tagged as a person's, that no one of the article bears in full, that is no common
    surname, and that stands only before a noun for people of a sector ("KAREN guerrillas", "Turkish KURD
    refugees"; not "the Dravonek administration"), names a people, not a person: its mentions are dropped, for
    the noun phrase to take in."""
    doc = w.doc
    by_text: dict[str, list[Mention]] = {}
    for m in singles:
        by_text.setdefault(doc[m.start].text, []).append(m)
    for text, ms in by_text.items():
        if surnames().get(text.lower(), COMMON_SURNAME + 1) <= COMMON_SURNAME:
            continue  # "RUBIO supporters": a common surname is a person's
        keys = {m.key for m in ms}
        every = [m for m in w.mentions if m.key in keys]
        if every and all(doc[m.start].dep_ in ("compound", "amod") and doc[m.start].head.i > m.start
                         and w.kb.agents.get(doc[m.start].head.lower_, ("GOV",))[0] != "GOV"
                         and w.kb.agents[doc[m.start].head.lower_][1] == "group" for m in every):
            drop(w, lambda m: m.key in keys)
            w.people = {k: v for k, v in w.people.items() if v not in keys}


def _first_names_as_places(w: Work, firsts: dict[str, set[str]]) -> None:
    """A one-word place the knowledge base gives no country, that is the first name of the one person of the
    article who bears it and stands where no place would ("a big fan of Paul" after "Paul D. Ryan", not "in
    Paul" or "Boise, Paul", nor "Georgia lawmakers"), is that person, and no place (Paul, Cape Verde)."""
    doc = w.doc
    for x in list(w.locations):
        i = x["start"]
        text = doc[i].lower_
        if x["end"] - i != 1 or x["country"] or x["actor"] or x.get("dateline") or len(firsts.get(text, ())) != 1 \
                or text not in first_names() or doc[i].dep_ in ("compound", "amod", "nmod") \
                or (i > 0 and doc[i - 1].lower_ in ("in", "at", "near", "to", "from", "outside", ",")):
            continue
        w.locations.remove(x)
        w.add(Mention(i, i + 1, next(iter(firsts[text])), "person", "alias", body=w.para_kind[i] == "body"))


def find_people(w: Work) -> None:
    doc, kb = w.doc, w.kb
    _other_bearers(w)
    _things_with_the(w)
    _short_names_of_bodies(w)
    persons = [m for m in w.mentions if m.kind == "person"]
    # knowledge-base people by full name or alias
    for m in persons:
        if m.entry is None:
            refs = [(r, how) for r, how in kb.lookup(m.name or "") if r.kind == "person"]
            if refs:
                m.entry, m.key = refs[0][0], refs[0][0].key
                if refs[0][1] == "alias":
                    m.how = "alias"  # a known surname: may still be another person of that name
    # full names first, longest first, so that "Karzai" joins "Hamid Karzai"
    owners: dict[str, list[tuple[int, str]]] = {}  # alias -> [(first mention, person key)]
    fuller: dict[tuple[str, str], set[str]] = {}  # (first, last word) of names of three words or more -> keys
    singles = []
    for m in sorted(persons, key=lambda m: -(m.end - m.start)):
        name = m.entry.name if m.entry and m.how != "alias" else (m.name or doc[m.start:m.end].text)
        if len(name.split()) == 1 and (m.entry is None or m.how == "alias"):
            singles.append(m)
            continue
        if m.entry is None and name.lower() in w.people:  # "Wasserman Schultz" after "Debbie Wasserman Schultz"
            m.key, m.how = w.people[name.lower()], "alias"
        elif m.entry is None:
            _join_fuller(m, name, fuller)
        for a in _aliases(name) + ([m.entry.name] if m.entry else []):
            w.people.setdefault(a.lower(), m.key)
            owners.setdefault(a.lower(), []).append((m.start, m.key))
        w.person_names.setdefault(m.key, name)
        words = name.lower().split()
        if len(words) >= 3:
            fuller.setdefault((words[0], words[-1]), set()).add(m.key)
    firsts: dict[str, set[str]] = {}  # first word of a name of two words or more -> the persons' keys
    for key, n in w.person_names.items():
        _add_first(firsts, key, n)
    for m in singles:
        # a surname alone: the person of that surname named last before it ("Bill Clinton ... Hillary
        # Clinton ... Clinton" is Hillary), else the first, else a person of its own; a title of one gender
        # before it ("Mrs. Clinton") keeps to the people of that gender
        text = (m.name or doc[m.start:m.end].text).lower()
        title = _title_gender(w, m)
        cands = owners.get(text)
        if cands and title:
            gendered = [(c, _name_gender(w, w.person_names.get(c[1], ""))) for c in cands]
            fits = [c for c, g in gendered if g == title] or [c for c, g in gendered if g != _other(title)]
            if not fits:  # "Hillary Clinton ... MR. Clinton": her husband, or another person of that name
                known = next((e for e in (w.kb.entries.get(c[1]) for c in cands) if e is not None), None)
                other = _namesake(w, known, title) if known is not None else None
                if other is not None:
                    m.entry, m.key = other, other.key
            cands = fits
        elif title and m.entry is not None and _name_gender(w, m.entry.name) != title:
            other = _namesake(w, m.entry, title)
            if other is not None:
                m.entry, m.key = other, other.key
        if not cands and title is None:
            # a first name alone ("Hillary", "Bernie") is the one person of the article with that first name
            if len(firsts.get(text, ())) == 1:
                key = next(iter(firsts[text]))
                cands = [(min((c[0] for a in owners.values() for c in a if c[1] == key), default=m.start), key)]
        if cands:
            before = [c for c in cands if c[0] < m.start]
            m.key = max(before)[1] if before else min(cands)[1]
            m.entry = w.kb.entries.get(m.key)
            m.how = "alias"
        else:
            w.people.setdefault(text, m.key)
            if m.key not in w.person_names:
                w.person_names[m.key] = m.entry.name if m.entry else (m.name or doc[m.start:m.end].text)
                _add_first(firsts, m.key, w.person_names[m.key])
    _modifier_names(w, [m for m in singles if m.how != "alias" and m.entry is None])
    # ORG entities and bare proper nouns that repeat a person's name, or the first name of the one person of
    # the article who bears it ("a big fan of Paul", "the Bernie crowd"), join the person
    for m in w.mentions:
        if m.kind == "organization" and m.entry is None:
            text = (m.name or "").lower()
            if text in w.people:
                m.kind, m.key, m.how = "person", w.people[text], "alias"
            elif len(firsts.get(text, ())) == 1 and m.end - m.start == 1 and text in first_names():
                m.kind, m.key, m.how = "person", next(iter(firsts[text])), "alias"
    _first_names_as_places(w, firsts)
    from spacy.attrs import LOWER

    strings = doc.vocab.strings
    wanted = {strings.add(a): a for a in w.people if " " not in a}
    if wanted:
        lowers = doc.to_array([LOWER])
        for i, h in enumerate(lowers.tolist()):
            if h not in wanted or i in w.taken or w.para_kind[i] == "boilerplate":
                continue
            t = doc[i]
            # a surname the tagger read as a common noun at a sentence start ("Santos thanked Japan") still
            # counts when the entity recogniser calls it a person, or when it is no ordinary English word
            if t.is_title and (t.pos_ == "PROPN" or t.ent_type_ == "PERSON" or not ordinary(t.text)):
                cands = owners.get(wanted[h]) or [(0, w.people[wanted[h]])]
                before = [c for c in cands if c[0] < i]
                key = max(before)[1] if before else min(cands)[1]
                w.add(Mention(i, i + 1, key, "person", "alias", body=w.para_kind[i] == "body"))
