"""Small Jinja filters for the templates. They return plain strings, which autoescape then escapes."""

from __future__ import annotations

from . import geo, tone


def trunc(value, n: int = 160) -> str:
    s = "" if value is None else " ".join(str(value).split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def num(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return f"{value:,}"


def dash(value) -> str:
    return "—" if value in (None, "", []) else str(value)


def names(value) -> str:
    if not value:
        return ""
    return ", ".join(value) if isinstance(value, (list, tuple)) else str(value)


def split_names(value) -> list[str]:
    """The store keeps several names as "A; B"."""
    if not value:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    return [n.strip() for n in str(value).split(";") if n.strip()]


def record_summary(rec) -> str:
    """One line for a corrected record: an event's type, mode, sides and flags; a quote's speaker."""
    if not rec:
        return "—"
    if "type" in rec:
        parts = [rec["type"] + (f" ({rec['mode']})" if rec.get("mode") else "")]
        parts.append(f"{', '.join(rec.get('source') or []) or '?'} → {', '.join(rec.get('target') or []) or '?'}")
        parts += [flag for flag in ("negated", "hypothetical") if rec.get(flag)]
        return " · ".join(parts)
    return "speaker " + (rec.get("speaker") or "unknown") + (f" ({rec['speaker_text']})" if rec.get("speaker_text") else "")


FILTERS = {
    "record_summary": record_summary,
    "trunc": trunc,
    "num": num,
    "dash": dash,
    "names": names,
    "split_names": split_names,
    "tone_css": tone.css,
    "quad_name": lambda q: tone.QUAD_NAMES.get(q, "unclassified"),
    "country_name": lambda c: geo.country_name(c) or (c or ""),
}
