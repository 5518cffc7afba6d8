"""Duplicates: near-duplicate articles are linked, and one event reported many times is one cluster.

**Articles.** Wire copies and updates of one story differ by a headline, a dateline, an added paragraph or
boilerplate, so their content hashes differ. Each article gets a MinHash signature of its word 5-shingles
(``signature``, computed in the worker); ``link_duplicates`` puts all signatures of the store into a MinHash
LSH index (datasketch), keeps candidate pairs whose estimated Jaccard similarity is at least
``DUP_THRESHOLD``, joins them into groups and sets ``articles.duplicate_of`` of every member to the group's
first article (earliest date, then smallest id). Nothing is deleted.

**Events.** ``cluster_events`` gives every event a ``cluster_id``: events with the same PLOVER type, the same
dyad (source and target actor keys), the same negated/hypothetical flags and dates within
``WINDOW_DAYS`` of the first event of the cluster are one event reported several times; ``event_clusters``
holds each cluster with its number of event mentions and of articles (GDELT's NumMentions / NumArticles).
An actor's key is its CAMEO-style code, else its country and sector, else its name; an event with no actor
on either side, or no date, is only clustered with events of near-duplicate copies of its own article.

Both steps recompute everything from the stored rows in one transaction, so they are deterministic (the same
store gives the same links and clusters whatever engine or order filled it) and safe to rerun after a crash.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict

import numpy as np

NUM_PERM = 128
SHINGLE = 5  # words per shingle
DUP_THRESHOLD = 0.6  # estimated Jaccard similarity of shingle sets that makes two articles near-duplicates
WINDOW_DAYS = 1  # events of one cluster lie within this many days of its first event
SEED = 1
SCHEME = "affine32"  # datasketch's default scheme, named so stored signatures stay readable
_DTYPE = "<u4"  # affine32 hash values are uint32

_WORD = re.compile(r"\w+")


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) <= k:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + k]).encode() for i in range(len(words) - k + 1)}


def signature(text: str) -> bytes:
    """The MinHash signature of an article text, as raw little-endian uint32 bytes."""
    from datasketch import MinHash

    mh = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    sh = shingles(text)
    if sh:
        mh.update_batch(sorted(sh))
    return mh.hashvalues.astype(_DTYPE).tobytes()


def _minhash(sig: bytes):
    from datasketch import LeanMinHash

    return LeanMinHash(seed=SEED, hashvalues=np.frombuffer(sig, dtype=_DTYPE), scheme=SCHEME)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    x, y = np.frombuffer(a, dtype=_DTYPE), np.frombuffer(b, dtype=_DTYPE)
    return float(np.count_nonzero(x == y)) / len(x)


def duplicate_groups(signatures: dict[str, bytes], threshold: float = DUP_THRESHOLD) -> list[set[str]]:
    """Groups (of two or more article ids) of near-duplicate articles."""
    from datasketch import MinHashLSH

    # The index only proposes candidates and every candidate is checked below. Tuned for recall: at 0.6
    # itself it would miss one pair in five near 0.7; with 32 bands of 4 rows it finds 99% of pairs at 0.6
    # and 99.98% at 0.7, while unrelated articles (similarity under 0.1) are proposed 0.3% of the time.
    lsh = MinHashLSH(threshold=max(0.1, threshold - 0.15), num_perm=NUM_PERM, weights=(0.3, 0.7))
    ids = sorted(signatures)
    with lsh.insertion_session() as session:
        for aid in ids:
            session.insert(aid, _minhash(signatures[aid]))
    parent = {aid: aid for aid in ids}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for aid in ids:
        for other in lsh.query(_minhash(signatures[aid])):
            if other != aid and similarity(signatures[aid], signatures[other]) >= threshold:
                ra, rb = find(aid), find(other)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, set[str]] = defaultdict(set)
    for aid in ids:
        groups[find(aid)].add(aid)
    return [g for g in groups.values() if len(g) > 1]


def link_duplicates(store, threshold: float = DUP_THRESHOLD) -> int:
    """Set ``articles.duplicate_of`` from the stored signatures; return how many articles are linked."""
    import pyarrow as pa

    sigs = {r[0]: r[1] for r in store.con.execute("SELECT article_id, minhash FROM signatures").fetchall()}
    dates = dict(store.con.execute("SELECT id, date FROM articles").fetchall())
    links: dict[str, str] = {}
    for group in duplicate_groups({k: v for k, v in sigs.items() if k in dates}, threshold):
        first = min(group, key=lambda a: (dates.get(a) is None, dates.get(a) or "", a))
        for aid in group:
            if aid != first:
                links[aid] = first
    link_table = pa.table({"id": pa.array(list(links), pa.string()),  # noqa: F841 - read by the query
                           "dup": pa.array(list(links.values()), pa.string())})
    con = store.con
    con.execute("BEGIN")
    try:
        con.execute("UPDATE articles SET duplicate_of = NULL WHERE duplicate_of IS NOT NULL")
        con.execute("UPDATE articles SET duplicate_of = l.dup FROM link_table l WHERE articles.id = l.id")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return len(links)


def _actor_key(actor: dict) -> str:
    if actor.get("code"):
        return actor["code"].upper()
    if actor.get("country"):
        return (actor["country"] + (actor.get("sector") or "")).upper()
    return " ".join((actor.get("name") or "").lower().split())


def _side_key(ids: list[str], actors: dict[str, dict]) -> str:
    return "+".join(sorted({_actor_key(actors[i]) for i in ids if i in actors}))


def _day(value: str | None) -> dt.date | None:
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def cluster_events(store, window_days: int = WINDOW_DAYS) -> int:
    """Assign every stored event to a cluster and rewrite ``event_clusters``; return the number of clusters."""
    import pyarrow as pa

    con = store.con
    actors: dict[str, dict[str, dict]] = defaultdict(dict)
    for aid, xid, name, country, sector, code in con.execute(
            "SELECT article_id, id, name, country, sector, code FROM actors").fetchall():
        actors[aid][xid] = {"name": name, "country": country, "sector": sector, "code": code}
    rows = con.execute(
        "SELECT e.article_id, e.id, e.type, e.source, e.target, e.negated, e.hypothetical, "
        "COALESCE(e.date, a.date), COALESCE(a.duplicate_of, a.id) "
        "FROM events e JOIN articles a ON a.id = e.article_id").fetchall()
    keyed = []
    for aid, eid, etype, src, tgt, neg, hyp, date, root in rows:
        skey, tkey = _side_key(src or [], actors[aid]), _side_key(tgt or [], actors[aid])
        day = _day(date)
        scope = "" if (skey or tkey) and day else root  # no dyad or no date: only within copies of one article
        keyed.append(((etype or "", skey, tkey, bool(neg), bool(hyp), scope), day, aid, eid))
    keyed.sort(key=lambda r: (r[0], r[1] or dt.date.min, r[2], r[3]))

    members: list[tuple[str, str, str]] = []  # article_id, event_id, cluster_id
    clusters = []
    current = None
    for key, day, aid, eid in keyed:
        if current is None or current["key"] != key or (
                day is not None and current["first"] is not None and (day - current["first"]).days > window_days):
            cid = hashlib.sha1(f"{aid}:{eid}".encode()).hexdigest()[:16]
            current = {"key": key, "first": day, "last": day, "id": cid, "events": 0, "articles": set()}
            clusters.append(current)
        current["last"] = day or current["last"]
        current["events"] += 1
        current["articles"].add(aid)
        members.append((aid, eid, current["id"]))

    member_table = pa.table({  # noqa: F841 - read by the query below
        "article_id": pa.array([m[0] for m in members], pa.string()),
        "id": pa.array([m[1] for m in members], pa.string()),
        "cluster_id": pa.array([m[2] for m in members], pa.string())})
    cluster_table = pa.table({  # noqa: F841 - read by the query below
        "cluster_id": pa.array([c["id"] for c in clusters], pa.string()),
        "type": pa.array([c["key"][0] for c in clusters], pa.string()),
        "source_key": pa.array([c["key"][1] for c in clusters], pa.string()),
        "target_key": pa.array([c["key"][2] for c in clusters], pa.string()),
        "first_date": pa.array([c["first"].isoformat() if c["first"] else None for c in clusters], pa.string()),
        "last_date": pa.array([c["last"].isoformat() if c["last"] else None for c in clusters], pa.string()),
        "n_events": pa.array([c["events"] for c in clusters], pa.int32()),
        "n_articles": pa.array([len(c["articles"]) for c in clusters], pa.int32())})
    con.execute("BEGIN")
    try:
        con.execute("DELETE FROM event_clusters")
        con.execute("INSERT INTO event_clusters BY NAME SELECT * FROM cluster_table")
        con.execute("UPDATE events SET cluster_id = m.cluster_id FROM member_table m "
                    "WHERE events.article_id = m.article_id AND events.id = m.id")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return len(clusters)
