"""Money people and companies give to a campaign, a party or a cause is political giving, not aid.

"C.V. Starr gave $10 million to a group backing Bush", "industry lobbyists giving thousands of dollars to her
campaign", "Women have provided a fifth of all individual contributions to super PACs", "donations from people who
work in the industry": PLOVER's AID is what states, armed forces and international or aid bodies give one another
and people in need. An AID whose gift is money (a sum, or a word for money: ``MONEY_WORDS``) given by no country,
body of a state or international, aid or religious body, to no country or place, is no event. "The United States
gave $2 billion to Ukraine", "the World Bank lent Kenya $100 million", "the Red Cross donated $1 million" stay, and
so does money one office holder gives another ("Senator Dole is considering giving money to Senator Lee's
campaign"): both are political actors.
"""

from __future__ import annotations

MONEY_WORDS = {"donation", "contribution", "money", "dollar", "cash", "fund", "funding", "loan", "check", "cheque",
               "million", "billion", "donate", "contribute", "lend", "finance", "financing", "fundraising"}
# Bodies that give aid in PLOVER's sense, whatever they give, and armed groups (money for arms).
GIVING_BODIES = {"GOV", "MIL", "COP", "IGO", "NGO", "REL", "LEG", "JUD", "SPY", "REB", "PRM", "UAF"}


def _public(actor) -> bool:
    if actor.kind in ("country", "place"):
        return True
    return actor.kind != "person" and actor.sector in GIVING_BODIES


def _office_holder(actor) -> bool:
    return actor.kind == "person" and bool(actor.role) and actor.sector in ("GOV", "LEG", "JUD", "MIL")


def _money(tok) -> bool:
    """Whether the trigger or what it gives names money: a sum ("$10 million") or a word for money."""
    if tok.lemma_.lower() in MONEY_WORDS:
        return True
    given = [c for c in tok.children if c.dep_ in ("dobj", "dative", "attr")]
    given += [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "with") for p in c.children]
    return any(t.ent_type_ == "MONEY" or t.lemma_.lower() in MONEY_WORDS for g in given for t in g.subtree)


def political_giving(draft) -> bool:
    """Whether an AID is money given by and to no public body (see the module docstring)."""
    if draft.type != "AID" or not _money(draft.match.tok):
        return False
    if any(map(_office_holder, draft.source.actors)) and any(map(_office_holder, draft.target.actors)):
        return False  # one office holder's money to another's campaign
    return not any(_public(a) for a in draft.source.actors) and not any(_public(a) for a in draft.target.actors)
