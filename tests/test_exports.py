"""File exports of a real store (the example articles ingested): round trips, RDF shapes, SPARQL twins, CLI."""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, RDF

from provkg.cli import cli
from provkg.graph.export import FORMATS, write
from provkg.graph.export.gexf import gexf_graph
from provkg.graph.export.rdf import run_sparql, sparql_dir, to_rdf
from provkg.graph.view import to_networkx
from provkg.queries import named
from provkg.schemas import MODEL
from provkg.schemas import rdf as mapping



@pytest.fixture(scope="module")
def whole(examples_db):
    from provkg.graph.store import open_store

    with open_store(examples_db, read_only=True) as store:
        return to_networkx(store)


@pytest.fixture(scope="module")
def with_index(examples_db):
    from provkg.graph.store import open_store

    with open_store(examples_db, read_only=True) as store:
        return to_networkx(store, include_index=True)


@pytest.fixture(scope="module")
def seed_id(examples_db):
    from provkg.graph.store import open_store

    with open_store(examples_db, read_only=True) as store:
        return store.query("MATCH (a:Article) WHERE a.path ENDS WITH 'seed-north-korea-police.txt' RETURN a.id").rows[0][0]


@pytest.fixture(scope="module")
def rdf_whole(whole):
    return to_rdf(whole)


@pytest.fixture(scope="module")
def shapes():
    return Graph().parse(mapping.SHAPES_PATH)


# -- networkx formats ---------------------------------------------------------------------------
def test_graphml_round_trip(whole, tmp_path):
    path = write(whole, "graphml", tmp_path / "g.graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    assert back.number_of_nodes() == whole.number_of_nodes()
    assert back.number_of_edges() == whole.number_of_edges()
    assert set(k for _, _, k in back.edges(keys=True)) == set(k for _, _, k in whole.edges(keys=True))
    for node, data in whole.nodes(data=True):
        expected = {k: "; ".join(v) if isinstance(v, list) else v for k, v in data.items()}
        assert back.nodes[node] == expected
    for u, v, key, data in whole.edges(keys=True, data=True):
        assert back.edges[u, v, key] == data


def test_gexf_round_trip(whole, tmp_path):
    path = write(whole, "gexf", tmp_path / "g.gexf")
    back = nx.read_gexf(path)
    assert back.number_of_nodes() == whole.number_of_nodes()
    assert back.number_of_edges() == whole.number_of_edges()
    assert {d["id"] for _, _, d in back.edges(data=True)} == {k for _, _, k in whole.edges(keys=True)}
    expected = gexf_graph(whole)
    for node, data in back.nodes(data=True):
        assert data == expected.nodes[node]
        assert data["label"] == whole.nodes[node]["caption"] and data["node_label"] == whole.nodes[node]["label"]
    edge = next(d for _, _, d in back.edges(data=True) if d["rel_type"] == "REPORTED")
    assert {"span_start", "span_stop", "evidence", "cue"} <= edge.keys() and edge["label"] == "REPORTED"


def test_cytoscape_json_round_trip(whole, tmp_path):
    path = write(whole, "cytoscape", tmp_path / "g.cyjs")
    data = json.loads(path.read_text(encoding="utf-8"))
    nodes, edges = data["elements"]["nodes"], data["elements"]["edges"]
    assert len(nodes) == whole.number_of_nodes() and len(edges) == whole.number_of_edges()
    assert {n["data"]["id"] for n in nodes} == set(whole.nodes)
    assert {e["data"]["id"] for e in edges} == {k for _, _, k in whole.edges(keys=True)}
    assert all(n["data"]["name"] == whole.nodes[n["data"]["id"]]["caption"] for n in nodes)
    back = nx.cytoscape_graph(data)
    assert back.number_of_nodes() == whole.number_of_nodes() and back.number_of_edges() == whole.number_of_edges()


def test_dot_has_every_node_and_edge(whole, tmp_path):
    path = write(whole, "dot", tmp_path / "g.dot")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("digraph provkg {") and text.rstrip().endswith("}")
    edge_lines = [line for line in text.splitlines() if " -> " in line]
    node_lines = [line for line in text.splitlines() if line.endswith("];") and " -> " not in line
                  and not line.startswith(("  graph [", "  node [", "  edge ["))]
    assert len(edge_lines) == whole.number_of_edges() and len(node_lines) == whole.number_of_nodes()
    assert "dashed" in text  # anonymous sources
    if shutil.which("dot"):  # Graphviz present: it must parse and lay the file out
        out = subprocess.run(["dot", "-Tjson0", str(path)], capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr
        laid = json.loads(out.stdout)
        assert len(laid["objects"]) == whole.number_of_nodes() and len(laid["edges"]) == whole.number_of_edges()


def test_html_page_is_self_contained(whole, tmp_path):
    path = write(whole, "html", tmp_path / "g.html")
    page = path.read_text(encoding="utf-8")
    assert f'<span id="node-count">{whole.number_of_nodes()}</span>' in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)  # nothing loaded from anywhere
    data = json.loads(re.search(r'<script id="provkg-data" type="application/json">(.*?)</script>', page, re.S).group(1))
    assert len(data["nodes"]) == whole.number_of_nodes() and len(data["edges"]) == whole.number_of_edges()
    assert any(n["anonymous"] and n["shape"] == "diamond" for n in data["nodes"])
    assert all(e["evidence"] for e in data["edges"])
    assert "Actor · anonymous source" in {c["name"] for c in data["categories"]}


def test_every_format_writes_to_stdout(examples_db, seed_id):
    runner = CliRunner()
    for fmt in FORMATS:
        result = runner.invoke(cli, ["export", fmt, "-o", "-", "--article", seed_id, "--db", examples_db, "-q"])
        assert result.exit_code == 0, (fmt, result.output)
        assert len(result.stdout) > 500, fmt
    result = runner.invoke(cli, ["export", "ttl", "-o", "-", "--article", seed_id, "--db", examples_db, "-q"])
    assert len(Graph().parse(data=result.stdout, format="turtle")) > 100


# -- RDF ----------------------------------------------------------------------------------------
def test_mapping_covers_the_model():
    assert set(mapping.PROV_CLASSES) == set(MODEL.node_labels)
    assert set(mapping.PROV_SHORTCUTS) == set(MODEL.rel_types)
    assert set(mapping.QUALIFIED) <= set(MODEL.rel_types)


def test_shapes_file_is_generated_from_the_model():
    assert isomorphic(Graph().parse(mapping.SHAPES_PATH), mapping.shapes_graph()), \
        "schemas/shapes.ttl is stale: run python -m provkg.schemas.rdf"


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's JSON-LD parser uses ConjunctiveGraph
@pytest.mark.parametrize("fmt,rdflib_format", [("ttl", "turtle"), ("jsonld", "json-ld"), ("nt", "nt")])
def test_rdf_serialisations_parse_back(whole, rdf_whole, tmp_path, fmt, rdflib_format):
    path = write(whole, fmt, tmp_path / f"g.{fmt}")
    back = Graph().parse(path, format=rdflib_format)
    assert isomorphic(back, rdf_whole)
    assert isomorphic(to_rdf(whole), rdf_whole)  # stable IRIs: the same graph every time


def _validate(rdf, shapes):
    from pyshacl import validate

    conforms, _, text = validate(rdf, shacl_graph=shapes, inference="none")
    return conforms, text


@pytest.mark.parametrize("scope", ["whole", "index", "around", "article"])
def test_rdf_conforms_to_the_shapes(examples_store, whole, with_index, seed_id, shapes, scope):
    graph = {"whole": lambda: whole, "index": lambda: with_index,
             "around": lambda: to_networkx(examples_store, around="Radio Free Asia", depth=1),
             "article": lambda: to_networkx(examples_store, article=seed_id)}[scope]()
    conforms, text = _validate(to_rdf(graph), shapes)
    assert conforms, text


def test_shapes_catch_broken_exports(rdf_whole, shapes):
    broken = Graph()
    for triple in rdf_whole:
        broken.add(triple)
    edge = next(broken.subjects(RDF.type, mapping.edge_class("CONTRADICTS")))
    broken.set((edge, mapping.prop("basis"), Literal("vibes")))
    evidence = next(broken.subjects(RDF.type, mapping.EVIDENCE))
    broken.remove((evidence, mapping.TEXT, None))
    report = next(broken.subjects(RDF.type, mapping.edge_class("REPORTED")))
    broken.remove((report, PROV.agent, None))
    conforms, text = _validate(broken, shapes)
    assert not conforms
    assert "vibes" in text and "prov:agent" in text and "provkg:text" in text


def test_prov_statements(whole, rdf_whole):
    reported = [(u, v, d) for u, v, d in whole.edges(data=True) if d["type"] == "REPORTED"]
    for u, v, d in reported:
        claim, source, edge = mapping.node_iri(v), mapping.node_iri(u), mapping.edge_iri(d["id"])
        assert (claim, PROV.wasAttributedTo, source) in rdf_whole
        assert (claim, PROV.qualifiedAttribution, edge) in rdf_whole
        assert (edge, PROV.agent, source) in rdf_whole and (edge, RDF.type, PROV.Attribution) in rdf_whole
        assert (edge, mapping.prop("cue"), Literal(d["cue"])) in rdf_whole
        evidence = mapping.evidence_iri(d["id"])
        assert (edge, mapping.EVIDENCE_OF, evidence) in rdf_whole
        assert (evidence, mapping.START, Literal(d["start"])) in rdf_whole
        assert (evidence, mapping.TEXT, Literal(d["evidence"])) in rdf_whole
        if d["direct"]:
            assert (mapping.node_iri(d["article"]), PROV.wasQuotedFrom, claim) in rdf_whole
    assert any(d["direct"] for _, _, d in reported)
    reprints = [(u, v) for u, v, d in whole.edges(data=True) if d["type"] == "REPRINT_OF"]
    to_articles = [(u, v) for u, v in reprints if whole.nodes[v]["label"] == "Article"]
    assert to_articles and len(to_articles) < len(reprints)
    for u, v in to_articles:
        assert (mapping.node_iri(u), PROV.wasDerivedFrom, mapping.node_iri(v)) in rdf_whole
        assert (mapping.node_iri(u), PROV.hadPrimarySource, mapping.node_iri(v)) in rdf_whole
    for node, data in whole.nodes(data=True):
        if data.get("anonymous"):
            assert (mapping.node_iri(node), RDF.type, mapping.ANONYMOUS_SOURCE) in rdf_whole
            assert (mapping.node_iri(node), RDF.type, PROV.Agent) in rdf_whole


# -- SPARQL twins of the named Cypher queries ------------------------------------------------------
def _rows(result, columns):
    return sorted(tuple(r[c] for c in columns) for r in result.records())


def _sparql(rdf, name, **params):
    return run_sparql(rdf, (sparql_dir() / f"{name}.rq").read_text(encoding="utf-8"), params)


def test_every_sparql_example_has_a_header_and_runs(rdf_whole):
    files = sorted(sparql_dir().glob("*.rq"))
    assert {f.stem for f in files} >= {"provenance", "reprints", "contradicting", "anonymous"}
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert text.startswith("# ") and "# Example: provkg sparql" in text and "# Parameters:" in text


def test_provenance_twin(examples_store, rdf_whole, seed_id):
    claims = [r[0] for r in examples_store.query(
        "MATCH (:Actor)-[r:REPORTED]->(c:Claim) WHERE r.article = $a RETURN DISTINCT c.id ORDER BY c.id", {"a": seed_id}).rows]
    assert len(claims) > 5
    columns = ["source_id", "cue", "cue_lemma", "direct", "edge_id", "article_id", "title", "outlet", "start", "stop"]
    for claim_id in claims:
        cypher = _rows(named.run(examples_store, "provenance", {"claim_id": claim_id}), columns)
        sparql = _rows(_sparql(rdf_whole, "provenance", claim_id=claim_id), columns)
        assert cypher and sparql == cypher, claim_id


def test_reprints_twin(examples_store, rdf_whole, seed_id):
    articles = [r[0] for r in examples_store.query("MATCH (a:Article) RETURN a.id ORDER BY a.id").rows]
    assert seed_id in articles
    columns = ["original_id", "original_outlet", "original_title", "original", "edge_id", "start", "stop"]
    answered = 0
    for article_id in articles:
        cypher = _rows(named.run(examples_store, "reprints", {"article_id": article_id}), columns)
        sparql = _rows(_sparql(rdf_whole, "reprints", article_id=article_id), columns)
        assert sparql == cypher, article_id
        answered += bool(cypher)
    assert answered >= 2
    seed = _sparql(rdf_whole, "reprints", article_id=seed_id).records()
    assert [r["original_outlet"] for r in seed] == ["Radio Free Asia"]


def test_contradicting_twin(examples_store, rdf_whole, seed_id):
    claims = [r[0] for r in examples_store.query(
        "MATCH (a:Claim)-[r:CONTRADICTS]-(b:Claim) RETURN DISTINCT a.id ORDER BY a.id").rows]
    seed_claims = examples_store.query("MATCH (a:Claim)-[r:CONTRADICTS]-(:Claim) WHERE r.article = $a RETURN a.id",
                                       {"a": seed_id}).rows
    assert claims and seed_claims
    for claim_id in claims:
        cypher = named.run(examples_store, "contradicting", {"claim_id": claim_id}).records()
        sparql = _sparql(rdf_whole, "contradicting", claim_id=claim_id).records()
        key = ("claim", "basis", "edge_id", "article_id", "start", "stop")
        assert sorted((r["claim_id"], *(r[k] for k in key)) for r in cypher) == \
            sorted((r["other_id"], *(r[k] for k in key)) for r in sparql), claim_id


def test_anonymous_twin(examples_store, whole, rdf_whole, seed_id):
    columns = ["label", "item_id", "item", "source_id", "source", "source_kind", "source_anonymous", "descriptor",
               "affiliation", "location", "cue", "cue_lemma", "direct", "recipient_id", "recipient", "recipient_kind",
               "edge_id", "article_id", "start", "stop", "outlet", "published"]
    cypher = _rows(named.run(examples_store, "anonymous", {"limit": 1000}), columns)
    sparql = _rows(_sparql(rdf_whole, "anonymous"), columns)
    assert sparql == cypher
    seed = [r for r in cypher if r[17] == seed_id]
    assert seed and {r[9] for r in seed} >= {"North Pyongan"}
    # a subgraph export answers for its part: the seed article alone
    seed_rdf = to_rdf(to_networkx(examples_store, article=seed_id))
    assert {r[16] for r in _rows(_sparql(seed_rdf, "anonymous"), columns)} <= {r[16] for r in cypher}


def test_sparql_command(examples_db, seed_id):
    runner = CliRunner()
    result = runner.invoke(cli, ["sparql", "--file", str(sparql_dir() / "reprints.rq"), "--param", f"article_id={seed_id}",
                                 "--db", examples_db, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [r["original_outlet"] for r in json.loads(result.stdout)] == ["Radio Free Asia"]
    result = runner.invoke(cli, ["sparql", "ASK { ?s a provkg:AnonymousSource }", "--db", examples_db])
    assert result.exit_code == 0 and result.stdout.strip() == "true"
    result = runner.invoke(cli, ["sparql", "SELECT ?x WHERE { ?x a provkg:Claim", "--db", examples_db])
    assert result.exit_code == 1 and "does not parse" in result.output
    result = runner.invoke(cli, ["sparql", "--db", examples_db])
    assert result.exit_code == 2


def test_export_command(examples_db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(cli, ["export", "html", "--db", examples_db])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "provkg-graph.html").exists() and "nodes" in result.stderr
    result = runner.invoke(cli, ["export", "graphml", "--around", "Radio Free Asia", "--depth", "1", "-o", "rfa.graphml",
                                 "--db", examples_db])
    assert result.exit_code == 0, result.output
    assert nx.read_graphml(tmp_path / "rfa.graphml").number_of_nodes() >= 4
    assert runner.invoke(cli, ["export", "pdf", "--db", examples_db]).exit_code == 2
    assert runner.invoke(cli, ["export", "ttl", "--depth", "1", "--db", examples_db]).exit_code == 2
    missing = runner.invoke(cli, ["export", "ttl", "--around", "zzqx vvwk", "--db", examples_db])
    assert missing.exit_code == 1 and "nothing in the store matches" in missing.output
    assert "Example:" in runner.invoke(cli, ["export", "--help"]).output


def test_module_doctests_pass():
    import doctest
    import importlib

    for name in ("provkg.graph.view", "provkg.graph.export", "provkg.graph.export._common", "provkg.graph.export.html",
                 "provkg.graph.export.graphml", "provkg.graph.export.gexf", "provkg.graph.export.cytoscape",
                 "provkg.graph.export.dot", "provkg.graph.export.rdf", "provkg.schemas.rdf"):
        result = doctest.testmod(importlib.import_module(name))
        assert result.failed == 0 and result.attempted > 0, name


def test_unwritable_output_is_a_clean_error(whole, tmp_path, examples_db):
    from provkg.errors import ExportError

    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="cannot write"):
        write(whole, "ttl", blocker / "g.ttl")
    result = CliRunner().invoke(cli, ["export", "html", "-o", str(blocker / "g.html"), "--db", examples_db])
    assert result.exit_code == 1 and "cannot write" in result.output
