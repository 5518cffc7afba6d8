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
