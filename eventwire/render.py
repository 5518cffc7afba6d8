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


def story_tables(story: Story) -> str:
    a = story.article
    parts = [f"{a.title or '(no headline)'}   [{a.date or 'undated'}]  id {a.id}"]
    parts.append(f"\nACTORS ({len(story.actors)})")
    parts.append(table(
        ["id", "name", "kind", "country", "sector", "role", "mentions"],
        [[x.id, x.name, x.kind, x.country or "-", x.sector or "-", x.role or "-", len(x.mentions)]
         for x in story.actors],
        [4, 26, 12, 7, 6, 26, 8],
    ))
    parts.append(f"\nEVENTS ({len(story.events)})")
    rows = []
    for e in story.events:
        flags = ",".join(f for f, on in (("NEG", e.negated), ("HYP", e.hypothetical)) if on) or "-"
        place = story.place(e.place)
        rows.append([e.id, _names(story, e.source), f"{e.type}/{e.mode or '-'}", e.cameo or "-",
                     _names(story, e.target), flags, e.date or "-", place.name if place else "-",
                     (e.trigger.text + ": " if e.trigger else "") + e.evidence.text])
    parts.append(table(["id", "source", "type/mode", "cameo", "target", "flags", "date", "place", "evidence"],
                       rows, [4, 20, 18, 5, 20, 7, 10, 12, 60]))
    parts.append(f"\nQUOTES ({len(story.quotes)})")
    rows = []
    for q in story.quotes:
        sp = story.actor(q.speaker)
        rows.append([q.id, q.kind, sp.name if sp else (q.speaker_text or "?"), q.cue.text,
                     " … ".join(c.text for c in q.content)])
    parts.append(table(["id", "kind", "speaker", "cue", "content"], rows, [4, 8, 22, 12, 80]))
    parts.append(f"\nPLACES ({len(story.places)})")
    parts.append(table(
        ["id", "name", "country", "feature", "lat", "lon", "mentions"],
        [[p.id, p.name, p.country or "-", p.feature or "-",
          f"{p.lat:.2f}" if p.lat is not None else "-", f"{p.lon:.2f}" if p.lon is not None else "-",
          len(p.mentions)] for p in story.places],
        [4, 24, 7, 10, 7, 8, 8],
    ))
    return "\n".join(parts)
