"""Actor benchmark: do the actor phrases of the PLOVER gold records resolve to the right country and sector?

For every source and target actor of the development half of ``PLOVER_GSR_CAMEO.dev.json`` whose
``actorText`` occurs in the sentence, the actors eventwire finds over that text (``actors_at``) are compared
with the gold code: the country agrees when the ISO code (or, for international bodies, the IGO / IMG / NGO
prefix of the actor code) equals the gold code; the sector agrees when the gold record gives a PLOVER sector
and one of the actors has it. Old CAMEO country codes in the gold file are mapped to ISO (JAP -> JPN).
``country_agreement_with_places`` also accepts the country of a place the text names there but
eventwire does not count as acting ("an embassy in Tehran"; ``story.ext["actors.locations"]``).
Also times the actor stage against the spaCy parse.

    python -m bench.actors_plover
"""

from __future__ import annotations

import json
import sys
import time

from bench.common import SHARED, write_result

GOLD = SHARED / "anchors" / "plover" / "gold_standard_records" / "PLOVER_GSR_CAMEO.dev.json"
OLD_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "UGA": "UGA"}


def predicted_codes(actor) -> set[str]:
    out = set()
    if actor.country:
        out.add(actor.country)
    if actor.code:
        out.add(actor.code[:3])
    return out


def main(argv=None) -> int:
    if not GOLD.exists():
        print(f"{GOLD} is not here; nothing to measure", file=sys.stderr)
        return 1
    from eventwire import Pipeline
    from eventwire.actors import actors_at

    records = [r for r in json.loads(GOLD.read_text(encoding="utf-8")) if r.get("text")]
    nlp = Pipeline(stages=["actors.rules.v1"])
    stage = nlp.stages[0][1]
    texts = [r["text"] for r in records]
    t0 = time.perf_counter()
    parsed = [nlp.code(t) for t in texts]  # parse + actors
    total = time.perf_counter() - t0
    t1 = time.perf_counter()
    for story in parsed:
        stage(story)
    actor_time = time.perf_counter() - t1
    found = agree = sector_n = sector_ok = missing = with_places = 0
    misses, sector_misses = [], []
    for rec, story in zip(records, parsed):
        text = rec["text"]
        for side in ("source", "target"):
            for gold in rec.get(side, []):
                phrase, code = gold.get("actorText", ""), gold.get("code", "")
                code = OLD_CODES.get(code, code)
                start = text.find(phrase)
                if start < 0 or not phrase or not code:
                    missing += 1
                    continue
                actors = actors_at(story, start, start + len(phrase))
                found += 1
                codes = set().union(*(predicted_codes(a) for a in actors)) if actors else set()
                ok = code in codes
                agree += ok
                places = {x["country"] for x in story.ext["actors.locations"]
                          if x["start"] < start + len(phrase) and start < x["end"]}
                with_places += ok or code in places
                sector = (gold.get("sector") or "")[:3]
                if sector and sector != "***":
                    sector_n += 1
                    good = any(a.sector == sector for a in actors)
                    sector_ok += good
                    if not good:
                        sector_misses.append({"text": phrase, "gold": sector, "got": [a.sector for a in actors]})
                if not ok:
                    misses.append({"text": phrase, "gold": code, "got": sorted(codes),
                                   "actors": [a.name for a in actors]})
    figures = {
        "command": "python -m bench.actors_plover",
        "summary": {
            "gold_actors_located": found,
            "country_agreement": round(agree / found, 3) if found else None,
            "country_agreement_with_places": round(with_places / found, 3) if found else None,
            "sector_agreement": round(sector_ok / sector_n, 3) if sector_n else None,
            "actor_stage_share_of_parse": round(actor_time / max(total - actor_time, 1e-9), 3),
        },
        "gold_actors_not_in_text": missing,
        "sentences": len(records),
        "actor_stage_ms_per_sentence": round(1000 * actor_time / len(records), 2),
        "country_misses": misses,
        "sector_misses": sector_misses,
    }
    path = write_result("actors", figures)
    print(json.dumps(figures["summary"], indent=2))
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
