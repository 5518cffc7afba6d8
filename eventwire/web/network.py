"""Communities for the network page: groups of nodes that interact more among themselves than with the rest.

The page lays each community out on its own and packs them apart (``static/js/network.js``), so a graph of
many actors reads as its groups instead of one knot. Communities come from networkx's Louvain method on the
shown edges, undirected and weighted by events, from a fixed seed: the same data always gives the same groups.
"""

from __future__ import annotations

import networkx as nx  # imported with the app, not on the first request (it takes a second)

SEED = 7


def communities(edges: list[tuple[str, str, int]]) -> dict[str, int]:
    """node -> community number (0 is the largest community) for weighted edges (source, target, events)."""
    if not edges:
        return {}
    g = nx.Graph()
    for s, t, w in edges:
        if g.has_edge(s, t):
            g[s][t]["weight"] += w
        else:
            g.add_edge(s, t, weight=w)
    groups = nx.community.louvain_communities(g, weight="weight", seed=SEED)
    # Largest first, ties by the group's first node, so numbering is stable.
    groups = sorted(groups, key=lambda c: (-len(c), min(c)))
    return {node: i for i, group in enumerate(groups) for node in group}
