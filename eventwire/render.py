"""Plain-text tables of a story for the terminal."""

from __future__ import annotations

from .model import Story


def _clip(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def table(headers: list[str], rows: list[list], widths: list[int]) -> str:
    def line(cells):
        return "  ".join(_clip(str(c) if c is not None else "", w).ljust(w) for c, w in zip(cells, widths)).rstrip()

    out = [line(headers), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in rows]
    return "\n".join(out)


def _names(story: Story, ids: list[str]) -> str:
    return " + ".join((a.name if (a := story.actor(i)) else i) for i in ids) or "-"


def _party(story: Story, ids: list[str], text: str | None = None) -> str:
    """Actors of one side with country and sector ("Hamid Karzai AFG/GOV"); unresolved words in brackets."""
    out = []
    for i in ids:
        a = story.actor(i)
        if a is None:
            out.append(i)
            continue
        code = "/".join(x for x in (a.country, a.sector) if x)
        out.append(f"{a.name} {code}".strip())
    if not out and text:
        out.append(f"[{text}]")
    return " + ".join(out) or "-"


def _flags(e) -> str:
    attrs = e.attrs or {}
    on = [
        ("NEG", e.negated),
        ("HYP", e.hypothetical),
        ("COND", bool(attrs.get("condition") or attrs.get("conditional"))),
        ("FUT", attrs.get("time") == "future" or "future_of" in attrs),
        ("HIST", attrs.get("time") == "historical" or attrs.get("historical")),
        ("Q", bool(e.quote)),
        ("VEC", "fallback" in attrs),
        ("?", bool(attrs.get("argument_guessed"))),
    ]
    return ",".join(f for f, yes in on if yes) or "-"


def _evidence(e, width: int) -> str:
    """The evidence sentence cut to ``width`` around the trigger, which is marked with brackets."""
    text = " ".join(e.evidence.text.split())
    if e.trigger is None or not (e.evidence.start <= e.trigger.start < e.evidence.end):
        return text
    raw = e.evidence.text
    a, b = e.trigger.start - e.evidence.start, e.trigger.end - e.evidence.start
    left, right = " ".join(raw[:a].split()), " ".join(raw[b:].split())
    marked = f"{left} [{raw[a:b]}] {right}".strip()
    if len(marked) <= width:
        return marked
    start = max(0, len(left) - width // 3)
    return "…" + marked[start:]


def story_tables(story: Story) -> str:
    a = story.article
    parts = [f"{a.title or '(no headline)'}   [{a.date or 'undated'}]  id {a.id}"]
    if story.coverage is not None:
        parts.append(f"PARTLY CODED: the time budget ran out after the first {story.coverage:,} of "
                     f"{len(a.text):,} characters (setting article_timeout)")
    parts.append(f"\nACTORS ({len(story.actors)})")
    parts.append(table(
        ["id", "name", "kind", "country", "sector", "role", "mentions"],
        [[x.id, x.name, x.kind, x.country or "-", x.sector or "-", x.role or "-", len(x.mentions)]
         for x in story.actors],
        [4, 26, 12, 7, 6, 26, 8],
    ))
    parts.append(f"\nEVENTS ({len(story.events)}): who did what to whom; flags NEG negated, HYP hypothetical, "
                 "COND conditional, FUT future, HIST historical, Q in a quote, VEC vector fallback, ? guessed "
                 "argument")
    rows = []
    for e in story.events:
        place = story.place(e.place)
        rows.append([e.id, _party(story, e.source, e.attrs.get("source_text")), f"{e.type}/{e.mode or '-'}",
                     _party(story, e.target, e.attrs.get("target_text")), _flags(e), f"{e.confidence:.2f}",
                     e.cameo or "-", e.date or "-", place.name if place else "-", _evidence(e, 66)])
    parts.append(table(["id", "source", "type/mode", "target", "flags", "conf", "cameo", "date", "place",
                        "evidence"], rows, [4, 26, 18, 26, 12, 4, 5, 10, 12, 66]))
    parts.append(f"\nQUOTES ({len(story.quotes)})")
    rows = []
    for q in story.quotes:
        sp = story.actor(q.speaker)
        rows.append([q.id, q.kind, sp.name if sp else (q.speaker_text or "?"), q.cue.text,
                     " … ".join(c.text for c in q.content)])
    parts.append(table(["id", "kind", "speaker", "cue", "content"], rows, [4, 8, 22, 12, 80]))
    parts.append(f"\nPLACES ({len(story.places)})   focus country: {story.focus_country or '-'}")
    parts.append(table(
        ["id", "name", "country", "feature", "lat", "lon", "mentions", "events"],
        [[p.id, p.name, p.country or "-", p.feature or "-",
          f"{p.lat:.2f}" if p.lat is not None else "-", f"{p.lon:.2f}" if p.lon is not None else "-",
          len(p.mentions), ",".join(e.id for e in story.events if e.place == p.id) or "-"] for p in story.places],
        [4, 24, 7, 10, 7, 8, 8, 16],
    ))
    return "\n".join(parts)
