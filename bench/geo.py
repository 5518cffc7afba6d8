"""Toponym recognition and resolution on GeoWebNews and TR-News (../shared/anchors/geo/gritta-corpora).

    python -m bench.geo                # both corpora, writes bench/results/geo.json
    python -m bench.geo --limit 20     # a quick look

Each article runs through the parse, the actors stage (for "Washington said") and ``places.gazetteer.v1``.
Scored on the gold toponyms that have coordinates:

- recognition: a gold toponym is found when a predicted place mention overlaps it. Recall over all gold
  toponyms with coordinates; precision over predicted mentions, where a prediction overlapping a gold
  span that has no coordinates (GeoWebNews annotates non-locational uses too) counts neither way.
- the naive baseline the issue describes (spaCy GPE/LOC, the most populous namesake city, a country at
  its capital) is scored on the same parses, side by side.
- resolution, on the found gold toponyms: the predicted point within 161 km of the gold point, and the
  predicted country equal to the gold country (TR-News gives it; for GeoWebNews it is the country of the
  gazetteer record nearest to the gold point, among cities and country points). Toponyms resolved to a
  continent or region (no country) are left out of the country figure and counted as found_no_country.
"""

from __future__ import annotations

import argparse
import re
import time
import xml.etree.ElementTree as ET
from collections import Counter

from bench.common import SHARED, write_result

CORPORA = SHARED / "anchors" / "geo" / "gritta-corpora"


def _f(x):
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


def read_gwn(path):
    root = ET.parse(path).getroot()
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        gold = []
        for t in art.iter("toponym"):
            lat, lon = _f(t.findtext("latitude")), _f(t.findtext("longitude"))
            gold.append({"start": int(t.findtext("start")), "end": int(t.findtext("end")),
                         "name": t.findtext("extractedName"), "lat": lat, "lon": lon, "country": None,
                         "type": t.findtext("type")})
        yield text, None, gold


def read_trnews(path):
    root = ET.parse(path).getroot()
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        date = (art.findtext("dltime") or "").strip()[:10]
        date = date if re.fullmatch(r"\d{4}-\d\d-\d\d", date) else None
        gold = []
        for t in art.iter("toponym"):
            g = t.find("gaztag")
            lat = lon = country = None
            if g is not None:
                lat, lon = _f(g.findtext("lat")), _f(g.findtext("lon"))
                c = g.find("country")
                country = int(c.get("geonameid")) if c is not None and c.get("geonameid") else None
            gold.append({"start": int(t.findtext("start")), "end": int(t.findtext("end")),
                         "name": t.findtext("phrase"), "lat": lat, "lon": lon, "country_gid": country})
        yield text, date, gold


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
    """The baseline the issue describes: spaCy GPE/LOC entities, the most populous namesake city, and a
    country at its capital."""
    from eventwire.model import Span
    from eventwire.places.gazetteer import Mention

    capitals = {e.country: e for e in gaz.entries if e.feature == "city" and e.capital}
    out = []
    for ent in story.doc.ents:
        if ent.label_ not in ("GPE", "LOC"):
            continue
        cands = [e for e, _ in gaz.lookup(ent.text) if e.feature in ("country", "city")]
        if not cands:
            continue
        country = next((e for e in cands if e.feature == "country"), None)
        entry = capitals.get(country.country, country) if country else max(cands, key=lambda e: e.population)
        out.append(Mention(Span.from_spacy(ent), ent.root, entry=entry))
    return out


def score(items, stories, gaz, nearest, *, verbose=False, name="", baseline=False):
    """Counts for one corpus: items are (text, date, gold) and stories the parsed articles."""
    from eventwire.places import gazetteer, index

    by_gid = {e.geonameid: e.country for e in gaz.entries if e.feature == "country"}
    c = Counter()
    errors = []
    for (text, _, gold), story in zip(items, stories):
        if not hasattr(story, "doc"):
            c["failed_articles"] += 1
            continue
        found = naive(story, gaz) if baseline else gazetteer.geoparse(story, gaz)
        mentions = [m for m in found if m.entry is not None and not (m.metonymic and m.entry.feature == "city")]
        c["articles"] += 1
        gold_xy = [g for g in gold if g["lat"] is not None]
        gold_no = [g for g in gold if g["lat"] is None]
        c["gold"] += len(gold_xy)
        for m in mentions:
            s, e = m.span.start, m.span.end
            if any(g["start"] < e and s < g["end"] for g in gold_xy):
                c["pred_tp"] += 1
            elif any(g["start"] < e and s < g["end"] for g in gold_no):
                c["pred_ignored"] += 1
            else:
                c["pred_fp"] += 1
                if verbose:
                    errors.append(("FP", name, m.span.text, m.entry.name, m.entry.feature))
        for g in gold_xy:
            hit = next((m for m in mentions if g["start"] < m.span.end and m.span.start < g["end"]), None)
            if hit is None:
                if verbose:
                    errors.append(("FN", name, g["name"], g.get("type")))
                continue
            c["found"] += 1
            e = hit.entry
            d = index.distance_km(e.lat, e.lon, g["lat"], g["lon"]) if e.lat is not None else 1e9
            c["within_161"] += d <= 161
            if e.country is None:  # a continent or region: no country to compare
                c["found_no_country"] += 1
                continue
            gc = by_gid.get(g.get("country_gid")) if g.get("country_gid") else nearest(g["lat"], g["lon"])
            c["country_ok"] += e.country == gc
            if verbose and d > 161:
                errors.append(("FAR", name, g["name"], e.name, e.feature, e.country, round(d)))
            if verbose and e.country != gc:
                errors.append(("CTRY", name, g["name"], e.name, e.feature, e.country, gc))
    return c, errors


def run(limit: int | None = None, *, verbose: bool = False):
    from eventwire import Pipeline
    from eventwire.model import Article
    from eventwire.places import index

    pipeline = Pipeline(stages=["actors.rules.v1"])
    gaz = index.load()
    nearest = Nearest(gaz)
    results, errors = {}, []
    for name, reader, fname in (("GeoWebNews", read_gwn, "GWN.xml"), ("TR-News", read_trnews, "TR-News.xml")):
        items = list(reader(CORPORA / fname))[:limit]
        stories = list(pipeline.code_many([Article(text=t, date=d) for t, d, _ in items]))
        c, errs = score(items, stories, gaz, nearest, verbose=verbose, name=name)
        results[name] = _figures(c)
        errors += errs
        b, _ = score(items, stories, gaz, nearest, name=name, baseline=True)
        results[f"{name} (naive baseline)"] = _figures(b)
    for suffix in ("", " (naive baseline)"):
        total = Counter()
        for name in ("GeoWebNews", "TR-News"):
            total.update(results[name + suffix]["counts"])
        results["overall" + suffix] = _figures(total)
    return results, errors


def _figures(c: Counter) -> dict:
    p = c["pred_tp"] / max(1, c["pred_tp"] + c["pred_fp"])
    r = c["found"] / max(1, c["gold"])
    return {
        "recognition_precision": round(p, 3),
        "recognition_recall": round(r, 3),
        "recognition_f1": round(2 * p * r / max(1e-9, p + r), 3),
        "accuracy_161km": round(c["within_161"] / max(1, c["found"]), 3),
        "country_accuracy": round(c["country_ok"] / max(1, c["found"] - c["found_no_country"]), 3),
        "counts": dict(c),
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="articles per corpus (default: all)")
    ap.add_argument("--errors", type=int, default=0, help="print this many errors of each kind")
    args = ap.parse_args(argv)
    t0 = time.time()
    results, errors = run(args.limit, verbose=bool(args.errors))
    if args.errors:
        for kind in ("FP", "FN", "FAR", "CTRY"):
            for e in [e for e in errors if e[0] == kind][: args.errors]:
                print(*e, sep="\t")
    summary = {}
    for name, key in (("GeoWebNews", "gwn"), ("TR-News", "trnews"), ("overall", "overall")):
        r = results[name]
        summary[f"{key}_recognition_f1"] = r["recognition_f1"]
        summary[f"{key}_accuracy_161km"] = r["accuracy_161km"]
        summary[f"{key}_country_accuracy"] = r["country_accuracy"]
    summary["naive_overall_accuracy_161km"] = results["overall (naive baseline)"]["accuracy_161km"]
    summary["naive_overall_country_accuracy"] = results["overall (naive baseline)"]["country_accuracy"]
    cmd = "python -m bench.geo" + (f" --limit {args.limit}" if args.limit else "")
    if args.limit is None:
        write_result("geo", {"command": cmd, "seconds": round(time.time() - t0, 1), "summary": summary,
                             "corpora": results})
    for name, r in results.items():
        print(name, {k: v for k, v in r.items() if k != "counts"}, r["counts"])


if __name__ == "__main__":
    main()
