"""Shared fixtures: the real spaCy pipeline (loaded once) and real Ladybug stores in tmp dirs."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED = EXAMPLES / "seed-north-korea-police.txt"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def extractor():
    from provkg.loaders.pipeline import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def seed_record(extractor):
    from provkg.loaders.readers import read_articles

    [article] = list(read_articles([str(SEED)]))
    [record] = list(extractor.records([article]))
    return record


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory, extractor):
    """A store with every example article ingested (through the library, as the CLI does)."""
    from provkg.graph.store import open_store
    from provkg.loaders.readers import read_articles

    path = tmp_path_factory.mktemp("kg") / "examples.lbug"
    with open_store(str(path)) as store:
        store.load(extractor.records(a for a in read_articles([str(EXAMPLES)])))
    return str(path)


@pytest.fixture()
def examples_store(examples_db):
    from provkg.graph.store import open_store

    with open_store(examples_db, read_only=True) as store:
        yield store
