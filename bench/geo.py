"""Toponym recognition and resolution on GeoWebNews and TR-News (../shared/anchors/geo/gritta-corpora).

    python -m bench.geo                          # both development sets, writes bench/results/geo.json
    python -m bench.geo --limit 20               # a quick look (writes nothing)
    python -m bench.geo --extra PATH ...         # also score LGL or GeoVirus files in Gritta's XML format
    python -m bench.geo --lowercase              # also score each set written without capitals

Each article runs through the parse, the actors stage (for "Washington said") and ``places.gazetteer.v1``,
with its date and, where the corpus gives them (TR-News, LGL), its web address (the outlet's town is
context: ``datelines.outlet_place``).
Every development set is printed and stored on its own, then the two together. A gold span whose
offsets stray a few characters from the name it gives (TR-News) is first moved onto that name
(``realign``). Scored on the gold toponyms that have coordinates, matched one to one with the predicted place mentions (a gold toponym and
a prediction pair up when they overlap, most overlapping pairs first):

- a demonym that qualifies a noun ("Russian officials") counts, as both gold sets mark it; one that
  names people or a language ("Iraqis", "the French said") does not (kind ``people``).
- a set whose gold marks no demonym at all (GeoVirus annotates place names only) scores no demonym either:
  the stage's demonyms (kind ``demonym``, kept apart from names) count neither way there
  (``marks_demonyms``).
- every recognised toponym counts, metonymic uses included ("Moscow denies"): the gold sets give those
  coordinates too (the stage keeps them as places but never as an event's place).
- recognition: recall = matched gold / all gold toponyms with coordinates; precision = matched predictions
  / predictions, where a prediction overlapping only a gold span without coordinates (GeoWebNews
  annotates non-locational uses too) counts neither way.
- ``accuracy_161km``: of the matched (recognised) gold toponyms, the share whose predicted point is within
  161 km (100 miles) of the gold point; ``accuracy_161km_end_to_end``: the same count over every gold
  toponym with coordinates, recognised or not (a missed toponym counts as wrong).
- ``country_accuracy``: the predicted country equals the gold country (TR-News and LGL give it; otherwise
  the country of the gazetteer record nearest the gold point, among cities and country points);
  continents and regions (no country) are left out and counted as ``found_no_country``.
- the naive baseline: spaCy GPE/LOC entities, a country at its own country point (the same convention as
  the gold: GeoNames country points, not capitals), any other name at its most populous namesake city;
  scored on the same parses, with the same matching.
"""

from __future__ import annotations

import argparse
import re
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from bench.common import SHARED, write_result

CORPORA = SHARED / "anchors" / "geo" / "gritta-corpora"
DEV_SETS = (("GeoWebNews", "gwn", "GWN.xml"), ("TR-News", "trnews", "TR-News.xml"))


def _f(x):
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


def _date(art):
    date = (art.findtext("dltime") or "").strip()[:10]
    return date if re.fullmatch(r"\d{4}-\d\d-\d\d", date) else None


DRIFT = 20  # characters a gold span's offsets may stray from its name in the text (TR-News: up to 10)


def realign(text: str, gold: list[dict]) -> list[dict]:
    """Gold spans whose offsets stray from the name they give (117 of TR-News' 1,319 spans lie 1-10
    characters after it, the article's whitespace having been written otherwise when they were counted)
    moved onto the nearest place within ``DRIFT`` characters where the text writes that name; others
    stay as they are."""
    for g in gold:
        name = g.get("name") or ""
        if not name or text[g["start"]:g["end"]] == name:
            continue
        lo = max(0, g["start"] - DRIFT)
        near = [m.start() + lo for m in re.finditer(re.escape(name), text[lo:g["end"] + DRIFT])]
        if near:
            start = min(near, key=lambda o: abs(o - g["start"]))
            g["start"], g["end"] = start, start + len(name)
    return gold


def read_gwn(path):
    """GeoWebNews: <toponym> with start, end, extractedName, latitude, longitude, type."""
    root = ET.parse(path).getroot()
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        gold = []
        for t in art.iter("toponym"):
            lat, lon = _f(t.findtext("latitude")), _f(t.findtext("longitude"))
            gold.append({"start": int(t.findtext("start")), "end": int(t.findtext("end")),
                         "name": t.findtext("extractedName"), "lat": lat, "lon": lon, "type": t.findtext("type")})
        yield text, None, realign(text, gold)


def read_gaztag(path):
    """TR-News and LGL: <toponym> with start, end, phrase and a <gaztag> holding lat, lon and country."""
    root = ET.parse(path).getroot()
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        gold = []
        for t in art.iter("toponym"):
            g = t.find("gaztag")
            lat = lon = country = None
            if g is not None:
                lat, lon = _f(g.findtext("lat")), _f(g.findtext("lon"))
                c = g.find("country")
                country = int(c.get("geonameid")) if c is not None and (c.get("geonameid") or "").isdigit() else None
            gold.append({"start": int(t.findtext("start")), "end": int(t.findtext("end")),
                         "name": t.findtext("phrase"), "lat": lat, "lon": lon, "country_gid": country})
        yield text, (_date(art), (art.findtext("url") or "").strip() or None), realign(text, gold)


def read_geovirus(path):
    """GeoVirus: <location> with start, end, name, lat, lon (Wikipedia coordinates)."""
    root = ET.parse(path).getroot()
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        gold = [{"start": int(t.findtext("start")), "end": int(t.findtext("end")), "name": t.findtext("name"),
                 "lat": _f(t.findtext("lat")), "lon": _f(t.findtext("lon"))} for t in art.iter("location")]
        yield text, None, realign(text, gold)


def reader_for(path: Path):
    head = path.read_text(encoding="utf-8", errors="replace")[:200_000]
    if "<location>" in head:
        return read_geovirus
    if "<gaztag" in head:
        return read_gaztag
    return read_gwn


class Nearest:
    """The country of the gazetteer record nearest a point (cities and country points)."""

    def __init__(self, gaz):
        import numpy as np

        pts = [e for e in gaz.entries if e.feature in ("city", "country") and e.lat is not None]
        self.np = np
        self.lat = np.radians(np.array([e.lat for e in pts]))
        self.lon = np.radians(np.array([e.lon for e in pts]))
        self.country = [e.country for e in pts]

    def __call__(self, lat, lon):
        np = self.np
        la, lo = np.radians(lat), np.radians(lon)
        h = np.sin((self.lat - la) / 2) ** 2 + np.cos(la) * np.cos(self.lat) * np.sin((self.lon - lo) / 2) ** 2
        return self.country[int(np.argmin(h))]


def naive(story, gaz):
    """The baseline: spaCy GPE/LOC entities; a country at its country point (the gold's convention), any
    other name at its most populous namesake city."""
    from eventwire.model import Span
    from eventwire.places.mention import Mention

    out = []
    for ent in story.doc.ents:
        if ent.label_ not in ("GPE", "LOC"):
            continue
        cands = [e for e, _ in gaz.lookup(ent.text) if e.feature in ("country", "city")]
        if not cands:
            continue
        country = next((e for e in cands if e.feature == "country"), None)
        entry = country or max(cands, key=lambda e: e.population)
        out.append(Mention(Span.from_spacy(ent), ent.root, entry=entry))
    return out


def match(gold, mentions):
    """One-to-one pairs (gold index, mention index) of overlapping spans, the most overlapping first."""
    pairs = []
    for gi, g in enumerate(gold):
        for mi, m in enumerate(mentions):
            ov = min(g["end"], m.span.end) - max(g["start"], m.span.start)
            if ov > 0:
                pairs.append((ov, gi, mi))
    used_g, used_m, out = set(), set(), {}
    for _, gi, mi in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if gi not in used_g and mi not in used_m:
            used_g.add(gi)
            used_m.add(mi)
            out[gi] = mi
    return out


def marks_demonyms(items, gaz) -> bool:
    """Whether a gold set marks demonyms ("Russian officials") as toponyms: some gold span is a demonym and
    no place name (GeoWebNews and TR-News do; GeoVirus marks place names only)."""
    return any(gaz.demonym(g["name"] or "") is not None and not gaz.lookup(g["name"] or "")
               for _, _, gold in items for g in gold)


def score(items, stories, gaz, nearest, *, verbose=False, name="", baseline=False):
    """Counts for one corpus: items are (text, date, gold) and stories the parsed articles."""
    from eventwire.places import gazetteer, index

    by_gid = {e.geonameid: e.country for e in gaz.entries if e.feature == "country"}
    kinds = {"name", "demonym"} if marks_demonyms(items, gaz) else {"name"}
    c = Counter()
    errors = []
    for (text, _, gold), story in zip(items, stories):
        if not hasattr(story, "doc"):
            c["failed_articles"] += 1
            continue
        found = naive(story, gaz) if baseline else gazetteer.geoparse(story, gaz)
        mentions = [m for m in found if m.entry is not None and m.kind in kinds]
        c["articles"] += 1
        gold_xy = [g for g in gold if g["lat"] is not None]
        gold_no = [g for g in gold if g["lat"] is None]
        c["gold"] += len(gold_xy)
        pairs = match(gold_xy, mentions)
        matched = set(pairs.values())
        for mi, m in enumerate(mentions):
            if mi in matched:
                c["pred_tp"] += 1
            elif any(g["start"] < m.span.end and m.span.start < g["end"] for g in gold_no + gold_xy):
                c["pred_ignored"] += 1  # a non-locational gold span, or a second piece of a matched one
            else:
                c["pred_fp"] += 1
                if verbose:
                    errors.append(("FP", name, m.span.text, m.entry.name, m.entry.feature))
        for gi, g in enumerate(gold_xy):
            if gi not in pairs:
                if verbose:
                    errors.append(("FN", name, g["name"], g.get("type")))
                continue
            hit = mentions[pairs[gi]]
            c["found"] += 1
            e = hit.entry
            d = index.distance_km(e.lat, e.lon, g["lat"], g["lon"]) if e.lat is not None else 1e9
            c["within_161"] += d <= 161
            if verbose and d > 161:
                errors.append(("FAR", name, g["name"], hit.span.text, e.name, e.feature, e.country, round(d)))
            if e.country is None:  # a continent or region: no country to compare
                c["found_no_country"] += 1
                continue
            gc = by_gid.get(g.get("country_gid")) if g.get("country_gid") else nearest(g["lat"], g["lon"])
            c["country_ok"] += e.country == gc
            if verbose and e.country != gc:
                errors.append(("CTRY", name, g["name"], e.name, e.feature, e.country, gc))
    return c, errors


def parse(items):
    from eventwire import Pipeline
    from eventwire.model import Article

    pipeline = Pipeline(stages=["actors.rules.v1"])
    def meta(m):  # a date, or (date, url) where the corpus gives the article's address (TR-News, LGL)
        return m if isinstance(m, tuple) else (m, None)

    return list(pipeline.code_many([Article(text=t, date=meta(m)[0], url=meta(m)[1]) for t, m, _ in items]))


def lower(items):
    """The articles written without capitals (same offsets: a character whose lower case is longer stays)."""
    return [("".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text), date, gold)
            for text, date, gold in items]


def run(limit: int | None = None, *, verbose: bool = False, extra: list[Path] = (), lowercase: bool = False):
    from eventwire.places import index

    gaz = index.load()
    nearest = Nearest(gaz)
    results, errors = {}, []
    sets = [(name, CORPORA / fname) for name, _, fname in DEV_SETS] + [(p.stem, p) for p in extra]
    for name, path in sets:
        items = list(reader_for(path)(path))[:limit]
        stories = parse(items)
        c, errs = score(items, stories, gaz, nearest, verbose=verbose, name=name)
        results[name] = _figures(c)
        errors += errs
        b, _ = score(items, stories, gaz, nearest, name=name, baseline=True)
        results[f"{name} (naive baseline)"] = _figures(b)
        if lowercase:
            low = lower(items)
            c, _ = score(low, parse(low), gaz, nearest, name=name)
            results[f"{name} (lower case)"] = _figures(c)
    for suffix in ("", " (naive baseline)"):
        total = Counter()
        for name, _, _ in DEV_SETS:
            total.update(results[name + suffix]["counts"])
        results["development" + suffix] = _figures(total)
    return results, errors


def _figures(c: Counter) -> dict:
    p = c["pred_tp"] / max(1, c["pred_tp"] + c["pred_fp"])
    r = c["found"] / max(1, c["gold"])
    return {
        "recognition_precision": round(p, 3),
        "recognition_recall": round(r, 3),
        "recognition_f1": round(2 * p * r / max(1e-9, p + r), 3),
        "accuracy_161km": round(c["within_161"] / max(1, c["found"]), 3),
        "accuracy_161km_end_to_end": round(c["within_161"] / max(1, c["gold"]), 3),
        "country_accuracy": round(c["country_ok"] / max(1, c["found"] - c["found_no_country"]), 3),
        "counts": dict(c),
    }


FIGURES = ("recognition_f1", "accuracy_161km", "accuracy_161km_end_to_end", "country_accuracy")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="articles per corpus (default: all)")
    ap.add_argument("--errors", type=int, default=0, help="print this many errors of each kind")
    ap.add_argument("--extra", type=Path, nargs="*", default=[], help="more corpora in Gritta's XML formats")
    ap.add_argument("--lowercase", action="store_true", help="also score every set written without capitals")
    args = ap.parse_args(argv)
    if not CORPORA.exists():
        raise SystemExit(f"no development sets at {CORPORA}")
    t0 = time.time()
    results, errors = run(args.limit, verbose=bool(args.errors), extra=args.extra, lowercase=args.lowercase)
    if args.errors:
        for kind in ("FP", "FN", "FAR", "CTRY"):
            for e in [e for e in errors if e[0] == kind][: args.errors]:
                print(*e, sep="\t")
    summary = {}
    for name, key in ((n, k) for n, k, _ in DEV_SETS):
        for fig in FIGURES:
            summary[f"{key}_{fig}"] = results[name][fig]
        summary[f"{key}_naive_accuracy_161km"] = results[f"{name} (naive baseline)"]["accuracy_161km"]
    for fig in FIGURES:
        summary[f"dev_{fig}"] = results["development"][fig]
    summary["dev_naive_accuracy_161km"] = results["development (naive baseline)"]["accuracy_161km"]
    summary["dev_naive_accuracy_161km_end_to_end"] = results["development (naive baseline)"]["accuracy_161km_end_to_end"]
    for name, key in ((n, k) for n, k, _ in DEV_SETS):
        if f"{name} (lower case)" in results:
            for fig in ("recognition_f1", "accuracy_161km_end_to_end"):
                summary[f"{key}_lowercase_{fig}"] = results[f"{name} (lower case)"][fig]
    cmd = "python -m bench.geo" + (" --lowercase" if args.lowercase else "")
    if args.limit is None and not args.extra:
        write_result("geo", {"command": cmd, "seconds": round(time.time() - t0, 1), "summary": summary,
                             "corpora": results})
    for name, r in results.items():
        print(f"{name:32s}", " ".join(f"{k}={r[k]}" for k in ("recognition_precision", "recognition_recall",
                                                               *FIGURES)), r["counts"])


if __name__ == "__main__":
    main()
