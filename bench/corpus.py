"""A synthetic corpus of N articles for the throughput benchmark and the corpus tests, made at run time.

    python -m bench.corpus OUT_DIR --n 2000

How: the base articles are the fiction samples in ``samples/`` (the three top-level ones and the eleven of
``samples/corpus``) plus, for the benchmark only and when present, the reference article from ../shared
(read at run time, written only to the temporary folder). Article i is base ``i % len(bases)`` changed by a
seeded random generator: countries swapped for others (with their demonym and capital, consistently
through the article), weekdays and numbers changed, body paragraphs after the lead shuffled and sometimes
one dropped, a publication date in 2025, and a closing line with its number (so every text, hence every
content hash, differs). Articles are written as plain text files (60%), JSONL lines (30%, 100 to a file)
and HTML pages (10%), so the readers and trafilatura are part of what is measured.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (country, demonym, capital): written for this generator.
COUNTRIES = [
    ("Kenya", "Kenyan", "Nairobi"), ("Japan", "Japanese", "Tokyo"), ("the Philippines", "Philippine", "Manila"),
    ("Belarus", "Belarusian", "Minsk"), ("Lithuania", "Lithuanian", "Vilnius"), ("Bangladesh", "Bangladeshi", "Dhaka"),
    ("Brazil", "Brazilian", "Brasilia"), ("Argentina", "Argentine", "Buenos Aires"), ("Poland", "Polish", "Warsaw"),
    ("Ukraine", "Ukrainian", "Kyiv"), ("Nigeria", "Nigerian", "Abuja"), ("India", "Indian", "New Delhi"),
    ("China", "Chinese", "Beijing"), ("Peru", "Peruvian", "Lima"), ("Egypt", "Egyptian", "Cairo"),
    ("Ethiopia", "Ethiopian", "Addis Ababa"), ("Sudan", "Sudanese", "Khartoum"), ("Pakistan", "Pakistani", "Islamabad"),
    ("Ghana", "Ghanaian", "Accra"), ("Chile", "Chilean", "Santiago"), ("Indonesia", "Indonesian", "Jakarta"),
    ("Vietnam", "Vietnamese", "Hanoi"), ("Turkey", "Turkish", "Ankara"), ("Mexico", "Mexican", "Mexico City"),
    ("Colombia", "Colombian", "Bogota"), ("Senegal", "Senegalese", "Dakar"), ("Morocco", "Moroccan", "Rabat"),
    ("Tanzania", "Tanzanian", "Dodoma"), ("Thailand", "Thai", "Bangkok"), ("Romania", "Romanian", "Bucharest"),
    ("Hungary", "Hungarian", "Budapest"), ("Canada", "Canadian", "Ottawa"), ("Norway", "Norwegian", "Oslo"),
    ("Jordan", "Jordanian", "Amman"), ("Malaysia", "Malaysian", "Kuala Lumpur"), ("Uganda", "Ugandan", "Kampala"),
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})*\b")


def base_texts(include_shared: bool = False) -> list[str]:
    from eventwire.ingest.readers import read_articles

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    texts += [a.text for a in read_articles([ROOT / "samples" / "corpus"]) if hasattr(a, "text")]
    if include_shared:
        from bench.common import SHARED

        ref = SHARED / "examples" / "karzai-omar.txt"
        if ref.exists():
            texts.append(ref.read_text(encoding="utf-8"))
    return texts


def vary(text: str, i: int, rng: random.Random) -> str:
    """One variant of a base article (see the module docstring)."""
    swaps = {}
    present = [c for c in COUNTRIES if re.search(rf"\b({re.escape(c[0])}|{re.escape(c[1])}|{re.escape(c[2])})\b", text)]
    pool = [c for c in COUNTRIES if c not in present]
    rng.shuffle(pool)
    for old, new in zip(present, pool):
        if rng.random() < 0.7:
            for a, b in zip(old, new):
                swaps[a] = b
    if swaps:
        pattern = re.compile(r"\b(" + "|".join(re.escape(k) for k in sorted(swaps, key=len, reverse=True)) + r")\b")
        text = pattern.sub(lambda m: swaps[m.group(1)], text)
        text = re.sub(r"\b(T|t)he the\b", r"\1he", text)
    text = re.sub(r"\b(" + "|".join(WEEKDAYS) + r")\b", lambda m: rng.choice(WEEKDAYS), text)
    text = _NUMBER.sub(lambda m: str(rng.randint(2, 90)) if len(m.group()) <= 2 else f"{rng.randint(2, 900):,}000",
                       text)
    paras = [p for p in text.split("\n\n") if p.strip()]
    head, lead, rest = paras[:1], paras[1:2], paras[2:]
    tail = [p for p in rest if "illustrative fiction" in p]
    rest = [p for p in rest if p not in tail]
    rng.shuffle(rest)
    if len(rest) > 2 and rng.random() < 0.3:
        rest.pop()
    closing = f"(Benchmark variant {i} of an illustrative fiction article; not news.)"
    return "\n\n".join(head + lead + rest + [closing])


def make_corpus(out: str | Path, n: int = 2000, *, seed: int = 7, include_shared: bool = False,
                formats: bool = True) -> dict:
    """Write ``n`` articles under ``out``; return how many of each format."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    bases = base_texts(include_shared)
    rng = random.Random(seed)
    counts = {"txt": 0, "jsonl": 0, "html": 0}
    lines: list[str] = []
    for i in range(n):
        text = vary(bases[i % len(bases)], i, rng)
        date = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        roll = rng.random() if formats else 0.0
        if roll < 0.6:
            (out / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
            counts["txt"] += 1
        elif roll < 0.9:
            title, _, body = text.partition("\n\n")
            lines.append(json.dumps({"title": title, "text": body, "date": date, "outlet": "Fiction Wire",
                                     "url": f"https://example.org/{i}"}, ensure_ascii=False))
            counts["jsonl"] += 1
            if len(lines) == 100:
                (out / f"wire{i:05d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
                lines = []
        else:
            title, _, body = text.partition("\n\n")
            paras = "".join(f"<p>{html.escape(p)}</p>\n" for p in body.split("\n\n"))
            page = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
                    f"<meta name='date' content='{date}'></head><body><nav><a href='/'>Home</a></nav><article>"
                    f"<h1>{html.escape(title)}</h1>\n{paras}</article><footer>Copyright Fiction Daily</footer>"
                    "</body></html>")
            (out / f"p{i:05d}.html").write_text(page, encoding="utf-8")
            counts["html"] += 1
    if lines:
        (out / "wire-last.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return counts


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    print(make_corpus(args.out, args.n, seed=args.seed))


if __name__ == "__main__":
    main()
