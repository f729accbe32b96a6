"""Text search: the exhaustive scorer on small stores, the on-disk word index on large ones.

The index path is forced on small real stores by lowering ``EXHAUSTIVE_MAX``; it must find what
the exhaustive scorer finds (typos and paraphrases included) and follow the store as articles
are added and removed.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from provkg.graph.store import open_store
from provkg.queries import search
from provkg.queries.search import Hit, TextIndex, search_claims, words

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture()
def indexed(monkeypatch):
    """Every store searched in the test uses the index, however small."""
    monkeypatch.setattr(search, "EXHAUSTIVE_MAX", 0)
    search._CACHE.clear()
    yield
    search._CACHE.clear()


def _typo(text: str, rng: random.Random, n: int = 2) -> str:
    w = text.split()
    for _ in range(n):
        i = rng.randrange(len(w))
        if len(w[i]) > 4:
            j = rng.randrange(len(w[i]) - 1)
            w[i] = w[i][:j] + w[i][j + 1] + w[i][j] + w[i][j + 2:]
    return " ".join(w)


def _claims_store(path: Path, n: int, seed: int = 5) -> tuple[object, list[tuple[str, str]]]:
    """A store holding ``n`` claims made of word windows of the example articles."""
    vocab = re.findall(r"[A-Za-z][A-Za-z'-]*|\d+", " ".join(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*"))
                                                            if p.suffix in (".md", ".txt")))
    rng = random.Random(seed)
    claims = {}
    while len(claims) < n:
        a, b = rng.randrange(len(vocab) - 10), rng.randrange(len(vocab) - 10)
        text = " ".join(vocab[a:a + rng.randint(4, 8)] + vocab[b:b + rng.randint(4, 8)])
        claims[f"claim:{len(claims):016x}"] = text
    store = open_store(str(path))
    rows = [{"id": k, "text": v} for k, v in claims.items()]
    store.query("UNWIND $rows AS r CREATE (:Claim {id: r.id, text: r.text, kind: 'statement'})", {"rows": rows}, write=True)
    return store, list(claims.items())


def test_words_drop_stopwords_and_punctuation():
    assert words("The Ministry of Social Security ordered police: “report weekly!”") == [
        "ministry", "social", "security", "ordered", "police", "report", "weekly"]


def test_small_store_is_scored_exhaustively(examples_store):
    hits = search_claims(examples_store, "progress reports to the Ministry of Social Security")
    assert hits and isinstance(hits[0], Hit)
    assert not Path(examples_store.location + ".search.npz").exists()  # no index for a few items


@pytest.mark.parametrize("query", [
    "progress reports to the Ministry of Social Security",
    "progres reprots to the Minstry of Social Securty",           # typos
    "police must be nicer to the people",                          # paraphrase
    "containers missing since Decmber",                            # a fragment
])
def test_index_finds_what_the_exhaustive_scorer_finds(examples_db, indexed, monkeypatch, query):
    with open_store(examples_db, read_only=True) as store:
        via_index = search_claims(store, query)
        monkeypatch.setattr(search, "EXHAUSTIVE_MAX", 10 ** 9)
        exhaustive = search_claims(store, query)
    assert via_index and via_index[:1] == exhaustive[:1]


def test_index_top_hit_agrees_on_thousands_of_claims(tmp_path, indexed, monkeypatch):
    store, claims = _claims_store(tmp_path / "many.lbug", 3000)
    rng = random.Random(11)
    agree = found = 0
    sample = rng.sample(claims, 40)
    with store:
        for claim_id, text in sample:
            query = _typo(" ".join(text.split()[1:8]), rng)
            monkeypatch.setattr(search, "EXHAUSTIVE_MAX", 0)
            via_index = search_claims(store, query, limit=5)
            monkeypatch.setattr(search, "EXHAUSTIVE_MAX", 10 ** 9)
            exhaustive = search_claims(store, query, limit=5)
            # as good a top hit (claims built from the same word windows can tie: either may come first)
            agree += bool(via_index) and via_index[0].score == exhaustive[0].score
            # the claim the words came from is among the best (word windows of a small text repeat)
            found += any(h.id == claim_id and h.score == via_index[0].score for h in via_index)
        assert Path(store.location + ".search.npz").exists()
    assert agree == len(sample)
    assert found >= 0.85 * len(sample)  # the scorer's own limit on this repetitive text, same both ways


def test_index_follows_the_store(tmp_path, indexed, extractor):
    from provkg.loaders.readers import read_articles

    articles = list(read_articles([str(EXAMPLES)]))
    path = tmp_path / "grow.lbug"
    with open_store(str(path)) as store:
        store.load(extractor.records(articles[:1]))
        search_claims(store, "anything at all")
        before = TextIndex.for_store(store)
        rows_before = len(before.ids)
        store.load(extractor.records(articles[1:]))
        [claim_id, text] = store.query("MATCH (c:Claim) WHERE offset(id(c)) > $last RETURN c.id, c.text "
                                       "ORDER BY size(c.text) DESC LIMIT 1", {"last": before.fingerprint[1]}).rows[0]
        [hit] = search_claims(store, text, limit=1)
        assert hit.id == claim_id                           # a claim added after the index was made
        after = TextIndex.for_store(store)
        assert after is before and len(after.ids) > rows_before  # updated in place, not rebuilt
        store.query("MATCH (c:Claim {id: $id}) DETACH DELETE c", {"id": claim_id}, write=True)
        assert all(h.id != claim_id for h in search_claims(store, text))
        assert claim_id not in TextIndex.for_store(store)._rows_by_id()   # retired


def test_index_is_persisted_next_to_the_database(tmp_path, indexed, monkeypatch):
    store, claims = _claims_store(tmp_path / "kept.lbug", 500)
    with store:
        first = search_claims(store, claims[7][1])
    assert first and first[0].id == claims[7][0]
    assert (tmp_path / "kept.lbug.search.npz").exists()
    search._CACHE.clear()

    def no_rebuild(self, *args):
        raise AssertionError("the saved index should have been up to date")

    monkeypatch.setattr(TextIndex, "refresh", no_rebuild)
    with open_store(str(tmp_path / "kept.lbug"), read_only=True) as store:
        assert search_claims(store, claims[7][1])[0].id == claims[7][0]


def test_a_new_database_at_the_same_path_gets_a_new_index(tmp_path, indexed):
    store, claims = _claims_store(tmp_path / "again.lbug", 300, seed=1)
    with store:
        assert search_claims(store, claims[3][1])[0].id == claims[3][0]
    search._CACHE.clear()
    for leftover in tmp_path.glob("again.lbug*"):
        if leftover.is_file() and not leftover.name.endswith(".search.npz"):
            leftover.unlink()
    store, claims = _claims_store(tmp_path / "again.lbug", 200, seed=2)
    with store:
        hits = search_claims(store, claims[5][1])
        assert hits[0].id == claims[5][0] and hits[0].text == claims[5][1]
        assert len(TextIndex.for_store(store).ids) == 200  # rebuilt, not appended to the old one
