import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))
KARZAI = SHARED / "examples" / "karzai-omar.txt"
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def pipeline():
    """One loaded pipeline for the whole test session (loading spaCy takes a second)."""
    from eventwire import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def karzai_text():
    if not KARZAI.exists():
        pytest.skip("../shared/examples/karzai-omar.txt is not here")
    return KARZAI.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def karzai(pipeline, karzai_text):
    """The reference article, coded once."""
    return pipeline.code(karzai_text, date="2008-11-17")


def sample_files():
    """The fiction samples: the top-level articles and the plain-text corpus."""
    return sorted(SAMPLES.glob("*.txt")) + sorted((SAMPLES / "corpus" / "text").glob("*.txt"))


def build_sample_store(pipeline, path, extra=()):
    """A store at ``path`` holding the samples (dated 2026-03-01 to -09) and ``extra`` (text, source) articles,
    dated 2026-03-10."""
    from eventwire.store import Store

    with Store(path) as store:
        for i, f in enumerate(sample_files()):
            story = pipeline.code(f.read_text(encoding="utf-8"), date=f"2026-03-{i % 9 + 1:02d}")
            story.article.source = f"samples/{f.name}"
            store.add_story(story)
        for text, source in extra:
            story = pipeline.code(text, date="2026-03-10")
            story.article.source = source
            store.add_story(story)
    return path
