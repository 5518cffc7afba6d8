"""Order and weight of the clauses of a sentence: predicates are visited from the top of the parse down
(``visit_order``), so a control verb is coded before its clause; main clauses are what a sentence reports,
subordinate ones background (``prominence``).
"""

from __future__ import annotations

from ..tree import ancestors, is_root


def visit_order(sent) -> list:
    """The tokens of a sentence from the top of the parse down (then in text order)."""
    depth = depths(sent)
    return sorted(sent, key=lambda t: (depth[t.i], t.i))


def depths(sent) -> dict[int, int]:
    """Depth in the parse tree of every token of a sentence, each computed once from its head's."""
    out: dict[int, int] = {}
    for tok in sent:
        chain = []
        top = tok
        if top.i not in out:
            for head in ancestors(tok, limit=50):
                chain.append(top.i)
                top = head
                if top.i in out:
                    break
        d = out.get(top.i, 0)
        out.setdefault(top.i, d)
        for i in reversed(chain):
            d += 1
            out[i] = d
    return out


def prominence(tok, reporting) -> float:
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
