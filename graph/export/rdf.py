"""RDF export (Turtle, JSON-LD, N-Triples) with rdflib: PROV-O plus the provkg vocabulary.

The mapping is :mod:`provkg.schemas.rdf` (derived from the model); the shapes the output
conforms to are ``schemas/shapes.ttl``. In short:

- Actors are ``prov:Agent`` (``prov:Person``/``prov:Organization`` by kind; anonymous sources
  also ``provkg:AnonymousSource``), articles and claims ``prov:Entity``, places ``prov:Location``.
- Every edge is a resource ``https://provkg.dev/id/<edge id>`` of class ``provkg:<Type>Edge``
  (and ``provkg:Edge``) with ``provkg:subject``, ``provkg:object``, its own properties
  (``provkg:cue``, ``provkg:basis`` ...) and ``provkg:evidence`` → a ``provkg:Evidence``
  with ``provkg:article``, ``provkg:start``, ``provkg:stop`` and ``provkg:text`` (the words);
  plus the direct triple ``subject provkg:<type> object``.
- REPORTED: the claim ``prov:wasAttributedTo`` the source and ``prov:qualifiedAttribution`` the
  edge, which is a ``prov:Attribution`` with ``prov:agent`` the source; a direct quote makes
  the article ``prov:wasQuotedFrom`` the claim. REPRINT_OF an article: ``prov:wasDerivedFrom`` +
  ``prov:hadPrimarySource`` (qualified by a ``prov:PrimarySource``); REPRINT_OF an outlet:
  the copy ``prov:wasAttributedTo`` it. PUBLISHED and ISSUED attribute the article or directive
  to the actor; PART_OF and RUN_BY are ``prov:actedOnBehalfOf``; LOCATED_IN ``prov:atLocation``.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("actor:x", label="Actor", name="X", kind="person", anonymous=False, caption="X")
>>> g.add_node("claim:1", label="Claim", text="it rained", kind="statement", caption="it rained")
>>> g.add_edge("actor:x", "claim:1", key="e1", type="REPORTED", id="e1", article="a1", start=0, stop=15,
...            cue="said", direct=True, evidence="X said it rained")
'e1'
>>> rdf = to_rdf(g)
>>> from rdflib.namespace import PROV
>>> (node_iri("claim:1"), PROV.wasAttributedTo, node_iri("actor:x")) in rdf
True
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx
from rdflib import Graph
from rdflib.namespace import RDF, RDFS

from provkg.graph.export._common import output_path, text_output
from provkg.schemas import MODEL
from provkg.schemas.rdf import (ACTOR_KIND_CLASSES, ANONYMOUS_SOURCE, EDGE, EVIDENCE, EVIDENCE_OF, ID,
                                PREFIXES, PROV_CLASSES, PROV_SHORTCUTS, QUALIFIED, QUOTED_FROM, REFERENCES,
                                START, STOP, SUBJECT, OBJECT, TEXT, edge_class, edge_iri, evidence_iri, literal,
                                node_class, node_iri, predicate, prop)

JSONLD_CONTEXT = {name: str(ns) for name, ns in PREFIXES.items() if name in ("prov", "provkg", "rdfs", "xsd")}


def _prop_type(label_or_rel: str, name: str, is_rel: bool) -> str | None:
    props = MODEL.rel_properties(label_or_rel) if is_rel else MODEL.node_properties(label_or_rel)
    return props.get(name, {}).get("type")


def to_rdf(graph: nx.MultiDiGraph) -> Graph:
    """The view as an rdflib graph (PROV-O + provkg); see the module docstring for the mapping."""
    rdf = Graph()
    for name, ns in PREFIXES.items():
        if name not in ("sh",):
            rdf.bind(name, ns)
    labels = {}
    for node, data in graph.nodes(data=True):
        label = data.get("label")
        if label not in PROV_CLASSES:
            continue
        labels[node] = label
        iri = node_iri(node)
        rdf.add((iri, RDF.type, node_class(label)))
        for klass in PROV_CLASSES[label]:
            rdf.add((iri, RDF.type, klass))
        if label == "Actor":
            if data.get("kind") in ACTOR_KIND_CLASSES:
                rdf.add((iri, RDF.type, ACTOR_KIND_CLASSES[data["kind"]]))
            if data.get("anonymous"):
                rdf.add((iri, RDF.type, ANONYMOUS_SOURCE))
        rdf.add((iri, ID, literal(node)))
        if data.get("caption"):
            rdf.add((iri, RDFS.label, literal(data["caption"])))
        key = MODEL.node_key(label)
        for name, spec in MODEL.node_properties(label).items():
            value = data.get(name)
            if name == key or value is None or value == []:
                continue
            if name in REFERENCES:
                rdf.add((iri, prop(name), node_iri(value)))
                _stub(rdf, graph, REFERENCES[name], value)
                continue
            for item in (value if isinstance(value, list) else [value]):
                rdf.add((iri, prop(name), literal(item, spec["type"].removesuffix("[]"))))
    for u, v, key, data in graph.edges(keys=True, data=True):
        rel = data.get("type")
        if rel not in PROV_SHORTCUTS or u not in labels or v not in labels:
            continue
        s, o = node_iri(u), node_iri(v)
        edge_id = data.get("id") or key
        e = edge_iri(edge_id)
        rdf.add((s, predicate(rel), o))
        rdf.add((e, RDF.type, EDGE))
        rdf.add((e, RDF.type, edge_class(rel)))
        rdf.add((e, ID, literal(edge_id)))
        rdf.add((e, SUBJECT, s))
        rdf.add((e, OBJECT, o))
        for name, spec in MODEL.rel_properties(rel).items():
            value = data.get(name)
            if name in ("id", "article", "start", "stop") or value is None:
                continue
            if name in REFERENCES:
                rdf.add((e, prop(name), node_iri(value)))
                _stub(rdf, graph, REFERENCES[name], value)
            else:
                rdf.add((e, prop(name), literal(value, spec["type"])))
        if data.get("article") is not None:
            ev = evidence_iri(edge_id)
            rdf.add((e, EVIDENCE_OF, ev))
            rdf.add((ev, RDF.type, EVIDENCE))
            rdf.add((ev, prop("article"), node_iri(data["article"])))
            _stub(rdf, graph, "Article", data["article"])
            rdf.add((ev, START, literal(data.get("start", 0), "int")))
            rdf.add((ev, STOP, literal(data.get("stop", 0), "int")))
            rdf.add((ev, TEXT, literal(data.get("evidence") or "")))
        for pred, direction, target in PROV_SHORTCUTS[rel]:
            if target is None or labels[v] == target:
                rdf.add((s, pred, o) if direction == "forward" else (o, pred, s))
        if rel in QUALIFIED:
            qualifying, influence, influencer, influenced, target = QUALIFIED[rel]
            if target is None or labels[v] == target:
                entity, other = (o, s) if influenced == "object" else (s, o)
                rdf.add((entity, qualifying, e))
                rdf.add((e, RDF.type, influence))
                rdf.add((e, influencer, other))
        if rel == "REPORTED" and data.get("direct") and data.get("article") is not None:
            rdf.add((node_iri(data["article"]), QUOTED_FROM, o))
    return rdf


STUB_LABELS = ("Article", "Actor")


def _stub(rdf: Graph, graph: nx.MultiDiGraph, label: str, node_id: str) -> None:
    """A referenced node outside the exported (sub)graph: its provkg:id, and its class for articles and
    actors (whose shapes need nothing more), so queries can still name it."""
    if node_id in graph:
        return
    iri = node_iri(node_id)
    rdf.add((iri, ID, literal(node_id)))
    if label in STUB_LABELS:
        rdf.add((iri, RDF.type, node_class(label)))
        for klass in PROV_CLASSES[label]:
            rdf.add((iri, RDF.type, klass))


def _write(graph: nx.MultiDiGraph, path: str | Path, fmt: str, **options) -> Path:
    data = to_rdf(graph).serialize(format=fmt, **options)
    with text_output(path) as stream:
        stream.write(data if data.endswith("\n") else data + "\n")
    return output_path(path)


def write_ttl(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``graph`` as RDF Turtle to ``path`` ("-" = stdout)."""
    return _write(graph, path, "turtle")


def write_jsonld(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``graph`` as JSON-LD (compacted with the prov/provkg context) to ``path`` ("-" = stdout)."""
    return _write(graph, path, "json-ld", context=JSONLD_CONTEXT, indent=1)


def write_nt(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``graph`` as N-Triples to ``path`` ("-" = stdout)."""
    return _write(graph, path, "nt")


# -- SPARQL over the export ----------------------------------------------------------------------
SPARQL_DIR = Path(__file__).resolve().parent.parent.parent / "queries" / "sparql"


def sparql_dir() -> Path:
    """Where the example SPARQL queries (``queries/sparql/*.rq``) are installed."""
    from importlib import resources

    try:
        return Path(str(resources.files("provkg.queries").joinpath("sparql")))
    except (ModuleNotFoundError, TypeError):  # pragma: no cover - running from a bare checkout
        return SPARQL_DIR


def _python(term):
    from rdflib import BNode, Literal, URIRef

    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        return value if isinstance(value, str | int | float | bool) else str(term)
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def run_sparql(rdf: Graph, query: str, params: dict | None = None):
    """Run a SPARQL query on an RDF export; ``params`` bind ``?name``/``$name`` to literals.

    The prefixes ``prov:``, ``provkg:``, ``rdfs:``, ``xsd:`` and ``id:`` are predeclared.
    Returns a :class:`~provkg.graph.store.QueryResult` for SELECT, a bool for ASK and an rdflib
    ``Graph`` for CONSTRUCT and DESCRIBE.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph(); g.add_node("actor:x", label="Actor", name="X", caption="X")
    >>> run_sparql(to_rdf(g), "SELECT ?name WHERE { ?a a provkg:Actor ; provkg:name ?name }").rows
    [['X']]
    """
    from rdflib.plugins.sparql import prepareQuery
    from rdflib.query import Result

    from provkg.errors import QueryError
    from provkg.graph.store import QueryResult
    from provkg.schemas.rdf import literal

    try:
        prepared = prepareQuery(query, initNs={k: v for k, v in PREFIXES.items()})
    except Exception as err:  # rdflib raises pyparsing and its own exceptions for bad queries
        raise QueryError(f"SPARQL query does not parse: {err}") from None
    bindings = {name: literal(value) for name, value in (params or {}).items()}
    try:
        result: Result = rdf.query(prepared, initBindings=bindings)
    except Exception as err:
        raise QueryError(f"SPARQL query failed: {err}") from None
    if result.type == "ASK":
        return bool(result.askAnswer)
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        out = Graph()
        for name, ns in PREFIXES.items():
            out.bind(name, ns)
        for triple in result.graph or []:
            out.add(triple)
        return out
    columns = [str(v) for v in result.vars]
    return QueryResult(columns, [[_python(row[i]) for i in range(len(columns))] for row in result])
