"""The networkx view of a real store (the example articles ingested): whole graph, subgraphs, evidence."""
from __future__ import annotations

import networkx as nx
import pytest

from provkg.errors import NotFoundError
from provkg.graph.view import INDEX_TYPES, provenance_subgraph, to_networkx
from provkg.schemas import MODEL

VIEW_LABELS = ("Article", "Actor", "Claim", "Directive", "Place")


def count(store, cypher, **params):
    return store.query(cypher, params).rows[0][0]


class RecordingStore:
    """The real store, with every Cypher query it is asked written down."""

    def __init__(self, store):
        self.store = store
        self.queries: list[str] = []

    def query(self, cypher, params=None, write=False):
        self.queries.append(cypher)
        return self.store.query(cypher, params, write=write)


@pytest.fixture(scope="module")
def whole(examples_db):
    from provkg.graph.store import open_store

    with open_store(examples_db, read_only=True) as store:
        return to_networkx(store)


@pytest.fixture(scope="module")
def seed_article_id(examples_db):
    from provkg.graph.store import open_store

    with open_store(examples_db, read_only=True) as store:
        return store.query("MATCH (a:Article) WHERE a.path ENDS WITH 'seed-north-korea-police.txt' RETURN a.id").rows[0][0]


def test_whole_graph_has_every_node_and_edge_but_index_structure(examples_store, whole):
    nodes = sum(count(examples_store, f"MATCH (n:{label}) RETURN count(n)") for label in VIEW_LABELS)
    edges = sum(count(examples_store, f"MATCH ()-[r:{rel}]->() RETURN count(r)")
                for rel in MODEL.rel_types if rel not in INDEX_TYPES)
    assert whole.number_of_nodes() == nodes > 50
    assert whole.number_of_edges() == edges > 40
    assert {d["label"] for _, d in whole.nodes(data=True)} == set(VIEW_LABELS)
    assert not {d["type"] for _, _, d in whole.edges(data=True)} & INDEX_TYPES


def test_include_index_adds_names_merges_and_mentions(examples_store, whole):
    full = to_networkx(examples_store, include_index=True)
    assert {"Name", "Merge"} <= {d["label"] for _, d in full.nodes(data=True)}
    assert INDEX_TYPES <= {d["type"] for _, _, d in full.edges(data=True)}
    total = sum(count(examples_store, f"MATCH ()-[r:{rel}]->() RETURN count(r)") for rel in MODEL.rel_types)
    assert full.number_of_edges() == total


def test_every_edge_carries_its_exact_evidence(examples_store, whole):
    texts = dict(examples_store.query("MATCH (a:Article) RETURN a.id, a.text").rows)
    for u, v, key, data in whole.edges(keys=True, data=True):
        assert key == data["id"]
        assert {"type", "id", "article", "start", "stop", "evidence"} <= data.keys()
        assert data["evidence"] == " ".join(texts[data["article"]][data["start"]:data["stop"]].split())
        assert data.get("article_title")
    reported = [d for _, _, d in whole.edges(data=True) if d["type"] == "REPORTED"]
    assert reported and all("cue" in d and "direct" in d for d in reported)
    assert all("basis" in d for _, _, d in whole.edges(data=True) if d["type"] == "CONTRADICTS")


def test_node_attributes(whole):
    for node, data in whole.nodes(data=True):
        assert data["caption"], node
        assert None not in data.values()
    articles = [d for _, d in whole.nodes(data=True) if d["label"] == "Article"]
    assert articles and all("text" not in d and d.get("title") for d in articles)
    anonymous = [d for _, d in whole.nodes(data=True) if d.get("anonymous")]
    assert len(anonymous) >= 3
    assert all(d["label"] == "Actor" and d["caption"].startswith("anonymous:") for d in anonymous)
    assert sum(bool(d.get("descriptor")) for d in anonymous) >= 3
    assert any(d.get("affiliation") == "judicial system" and d.get("location") == "North Pyongan" for d in anonymous)
    claims = [d for _, d in whole.nodes(data=True) if d["label"] == "Claim"]
    assert all(d.get("text") and d.get("kind") for d in claims)


@pytest.mark.parametrize("depth", [0, 1, 2, 3])
def test_around_an_actor_is_its_neighbourhood(examples_store, whole, depth):
    rfa = examples_store.query("MATCH (a:Actor) WHERE a.name = 'Radio Free Asia' RETURN a.id").rows[0][0]
    recording = RecordingStore(examples_store)
    sub = to_networkx(recording, around="Radio Free Asia", depth=depth)
    expected = nx.ego_graph(whole, rfa, radius=depth, undirected=True)
    assert set(sub.nodes) == set(expected.nodes)
    assert set(sub.edges(keys=True)) == set(expected.edges(keys=True))
    assert sub.graph["seeds"] == [rfa] and sub.graph["depth"] == depth
    for node in sub.nodes:
        assert sub.nodes[node] == whole.nodes[node]
    # hop by hop: every relationship query is filtered by the ids reached so far, no whole-graph scan
    edge_queries = [q for q in recording.queries if "-[r:" in q]
    assert edge_queries and all(" IN $" in q for q in edge_queries)


def test_around_rfa_reaches_its_service_and_the_reprint(examples_store):
    sub = to_networkx(examples_store, around="RFA", depth=1)
    captions = {d["caption"] for _, d in sub.nodes(data=True)}
    assert any("Korean Service" in c for c in captions)
    assert {d["type"] for _, _, d in sub.edges(data=True)} >= {"PART_OF", "REPRINT_OF", "TOLD"}


def test_around_a_claim_by_words_and_by_id(examples_store, whole):
    claim_id, text = examples_store.query(
        "MATCH (s:Actor)-[:REPORTED]->(c:Claim) WHERE s.location = 'North Pyongan' RETURN c.id, c.text "
        "ORDER BY c.id LIMIT 1").rows[0]
    by_id = to_networkx(examples_store, around=claim_id, depth=1)
    by_words = to_networkx(examples_store, around=text, depth=1)
    assert by_words.graph["seeds"] == [claim_id]
    assert set(by_id.nodes) == set(by_words.nodes) == set(nx.ego_graph(whole, claim_id, 1, undirected=True))
    assert any(d.get("anonymous") for _, d in by_id.nodes(data=True))


def test_one_article(examples_store, whole, seed_article_id):
    sub = to_networkx(examples_store, article=seed_article_id)
    assert seed_article_id in sub and sub.nodes[seed_article_id]["label"] == "Article"
    assert sub.number_of_edges() > 20
    assert all(d["article"] == seed_article_id for _, _, d in sub.edges(data=True))
    expected = {k for _, _, k, d in whole.edges(keys=True, data=True) if d["article"] == seed_article_id}
    assert set(k for _, _, k in sub.edges(keys=True)) == expected
    # the article can also be named by its path
    assert set(to_networkx(examples_store, article="examples/seed-north-korea-police.txt").nodes) == set(sub.nodes)
    # both: the neighbourhood through that article's edges only
    both = to_networkx(examples_store, around="Radio Free Asia", depth=2, article=seed_article_id)
    assert all(d["article"] == seed_article_id for _, _, d in both.edges(data=True)) and both.number_of_edges() > 2


def test_nothing_found_says_so(examples_store):
    with pytest.raises(NotFoundError, match="nothing in the store matches"):
        to_networkx(examples_store, around="zzqx vvwk")
    with pytest.raises(NotFoundError, match="no single article"):
        to_networkx(examples_store, article="no-such-article")


def test_provenance_subgraph_of_a_claim_told_to_rfa(examples_store):
    claim_id = examples_store.query(
        "MATCH (s:Actor {anonymous: true})-[t:TOLD]->(r:Actor) WHERE s.location = 'North Pyongan' "
        "RETURN t.claim ORDER BY t.claim LIMIT 1").rows[0][0]
    sub = provenance_subgraph(examples_store, claim_id)
    assert sub.graph["provenance_of"] == claim_id
    types = {d["type"] for _, _, d in sub.edges(data=True)}
    assert {"REPORTED", "TOLD", "PART_OF", "MENTIONS", "PUBLISHED", "REPRINT_OF"} <= types
    names = {d.get("name") for _, d in sub.nodes(data=True)}
    assert {"AMN", "Radio Free Asia"} <= names
    reporters = examples_store.query("MATCH (s:Actor)-[r:REPORTED]->(c:Claim {id: $id}) RETURN r.id", {"id": claim_id}).rows
    assert {r[0] for r in reporters} <= {k for _, _, k in sub.edges(keys=True)}
    assert nx.is_weakly_connected(sub)
    with pytest.raises(NotFoundError):
        provenance_subgraph(examples_store, "claim:nope")
