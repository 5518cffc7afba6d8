"""The sex a person's pronouns must fit (for ``pronouns``): known from a hand-kept cue of
``data/actors/gender.tsv`` (a first name, a role, a title such as "Mrs."), or a first name only one census
list holds; or likely, from a first name the census lists give mostly to one sex (``first_names``)."""

from __future__ import annotations

from .first_names import first_name_gender, one_sex_gender


def known_genders(w, by_key) -> dict[str, str]:
    """Actor id -> "f" / "m" from a first name, a role, a title ("Mrs."), or a one-sex census first name."""
    doc, cues = w.doc, w.kb.gender
    out: dict[str, str] = {}
    for m in w.mentions:
        a = by_key.get(m.key)
        if a is None or a.kind != "person" or a.id in out:
            continue
        words = [a.name.split()[0].lower()] if a.name else []
        words += (a.role or "").lower().split()
        if m.start > 0:
            words.append(doc[m.start - 1].lower_)
        for word in words:
            if word in cues:
                out[a.id] = cues[word]
                break
        else:
            sex = one_sex_gender(words[0]) if words and len(a.name.split()) > 1 else None
            if sex:  # "Ruth Bader Ginsburg", "Laura Bush": never "he"
                out[a.id] = sex
    return out


def likely_of_sex(w, by_key, genders, sex: str) -> set[str]:
    """Ids of people with no cue of gender whose first name the census lists give to one sex ("Debbie
    Wasserman Schultz", "Ted Cruz"). A likely woman takes "he" only when no one else in reach fits, as the lists
    are American ("Jean Chr\u00e9tien"); a likely man never takes "she" ("He lost his sister. SHE had")."""
    return {a.id for a in by_key.values() if a.kind == "person" and a.id not in genders and a.name
            and len(a.name.split()) > 1 and all(x[:1].isupper() for x in a.name.split())  # not "Florida senator"
            and first_name_gender(a.name.split()[0]) == sex}
