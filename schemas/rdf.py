"""The RDF mapping of the provkg model (PROV-O plus a small provkg vocabulary), and its SHACL shapes.

Derived from ``model.yaml``: a node label ``L`` is the class ``provkg:L``; a relationship type
``REPRINT_OF`` is the predicate ``provkg:reprintOf`` between its endpoints and the class
``provkg:ReprintOfEdge`` of its edge resources; a property ``cue_lemma`` is ``provkg:cueLemma``
with the XSD datatype of its model type. What PROV says about each label and type is declared
once below (:data:`PROV_CLASSES`, :data:`PROV_SHORTCUTS`, :data:`QUALIFIED`); a test checks that
every label and type of the model has an entry, so a new one cannot be forgotten.

IRIs are stable, derived from provkg ids: ``https://provkg.dev/id/<percent-quoted id>`` for nodes
and edges, ``.../<edge id>/evidence`` for an edge's evidence span.

The SHACL shapes in ``shapes.ttl`` are generated from this mapping and the model:
``python -m provkg.schemas.rdf`` rewrites them (a test checks the file is current).

>>> node_iri("claim:0123456789abcdef")
rdflib.term.URIRef('https://provkg.dev/id/claim%3A0123456789abcdef')
>>> predicate("REPRINT_OF"), edge_class("REPORTED"), prop("cue_lemma")
(rdflib.term.URIRef('https://provkg.dev/ns#reprintOf'), rdflib.term.URIRef('https://provkg.dev/ns#ReportedEdge'), rdflib.term.URIRef('https://provkg.dev/ns#cueLemma'))
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import PROV, RDF, RDFS, SH, XSD

from provkg.schemas.model import Model

PROVKG = Namespace("https://provkg.dev/ns#")
IDS = Namespace("https://provkg.dev/id/")
SHAPES = Namespace("https://provkg.dev/shapes#")
SHAPES_PATH = Path(__file__).with_name("shapes.ttl")
PREFIXES = {"prov": PROV, "provkg": PROVKG, "rdfs": RDFS, "xsd": XSD, "sh": SH, "id": IDS}

DATATYPES = {"string": XSD.string, "int": XSD.integer, "float": XSD.double, "bool": XSD.boolean,
             "string[]": XSD.string}

# -- what PROV says about the model (declared by hand, checked for completeness by tests) ------------
#: PROV classes of each node label (every node also has the class provkg:<Label>).
PROV_CLASSES: dict[str, tuple[URIRef, ...]] = {
    "Article": (PROV.Entity,),
    "Actor": (PROV.Agent,),
    "Claim": (PROV.Entity,),
    "Directive": (PROV.Entity,),
    "Place": (PROV.Location,),
    "Name": (),
    "StoreInfo": (),
    "Merge": (),
}
#: Further PROV agent classes by actor kind.
ACTOR_KIND_CLASSES = {"person": PROV.Person, "government": PROV.Organization, "security": PROV.Organization,
                      "media": PROV.Organization, "organization": PROV.Organization}
#: The class of anonymous sources (Actors with anonymous=true), scoped to their article.
ANONYMOUS_SOURCE = PROVKG.AnonymousSource
#: The common class of edge resources, and of evidence spans.
EDGE = PROVKG.Edge
EVIDENCE = PROVKG.Evidence
#: The PROV statements an edge implies, besides provkg:<type>: (predicate, direction, target label or None).
#: "reverse" means object → predicate → subject (the claim prov:wasAttributedTo the actor).
PROV_SHORTCUTS: dict[str, tuple[tuple[URIRef, str, str | None], ...]] = {
    "ISSUED": ((PROV.wasAttributedTo, "reverse", None),),
    "TARGETS": (),
    "REPORTED": ((PROV.wasAttributedTo, "reverse", None),),
    "TOLD": (),
    "PUBLISHED": ((PROV.wasAttributedTo, "reverse", None),),
    "REPRINT_OF": ((PROV.wasDerivedFrom, "forward", "Article"), (PROV.hadPrimarySource, "forward", "Article"),
                   (PROV.wasAttributedTo, "forward", "Actor")),
    "CONTRADICTS": (),
    "PART_OF": ((PROV.actedOnBehalfOf, "forward", None),),
    "RUN_BY": ((PROV.actedOnBehalfOf, "forward", None),),
    "LOCATED_IN": ((PROV.atLocation, "forward", None),),
    "MENTIONS": (),
    "NAMES": (),
    "DECIDED": (),
}
#: Edges that are also PROV qualified influences: type → (qualifying property on the influenced
#: entity, influence class, property naming the influencer, which end is the influenced entity,
#: target label the rule applies to or None).
QUALIFIED: dict[str, tuple[URIRef, URIRef, URIRef, str, str | None]] = {
    "REPORTED": (PROV.qualifiedAttribution, PROV.Attribution, PROV.agent, "object", None),
    "REPRINT_OF": (PROV.qualifiedPrimarySource, PROV.PrimarySource, PROV.entity, "subject", "Article"),
}
#: A direct quotation (REPORTED with direct=true): the article prov:wasQuotedFrom the claim.
QUOTED_FROM = PROV.wasQuotedFrom
#: Properties whose values are ids of other nodes, written as IRIs: property name → node label.
REFERENCES = {"article": "Article", "recipient": "Actor", "claim": "Claim"}
#: Edge properties that live on the evidence resource rather than the edge.
EVIDENCE_PROPERTIES = ("article", "start", "stop")
#: Labels and types that are index or audit structure (exported only on request).
INDEX_LABELS = ("Name", "Merge")
INDEX_TYPES = ("NAMES", "DECIDED", "MENTIONS")


def camel(name: str, upper: bool = False) -> str:
    """``REPRINT_OF`` → ``reprintOf``; ``cue_lemma`` → ``cueLemma`` (``upper``: ``ReprintOf``).

    >>> camel("REPRINT_OF"), camel("cue_lemma"), camel("REPORTED", upper=True)
    ('reprintOf', 'cueLemma', 'Reported')
    """
    parts = [p for p in name.lower().split("_") if p]
    text = parts[0] + "".join(p.capitalize() for p in parts[1:])
    return text[0].upper() + text[1:] if upper else text


def node_iri(node_id: str) -> URIRef:
    return IDS[quote(str(node_id), safe="")]


def edge_iri(edge_id: str) -> URIRef:
    return IDS[quote(str(edge_id), safe="")]


def evidence_iri(edge_id: str) -> URIRef:
    return IDS[quote(str(edge_id), safe="") + "/evidence"]


def node_class(label: str) -> URIRef:
    return PROVKG[label]


def predicate(rel_type: str) -> URIRef:
    return PROVKG[camel(rel_type)]


def edge_class(rel_type: str) -> URIRef:
    return PROVKG[camel(rel_type, upper=True) + "Edge"]


def prop(name: str) -> URIRef:
    return PROVKG[camel(name)]


# node id property (every node) and the evidence text property
ID = PROVKG.id
TEXT = PROVKG.text
SUBJECT = PROVKG.subject
OBJECT = PROVKG.object
EVIDENCE_OF = PROVKG.evidence
START = PROVKG.start
STOP = PROVKG.stop


def literal(value, model_type: str | None = None) -> Literal:
    """A typed literal for a model value; strings stay plain literals (RDF 1.1 xsd:string).

    >>> literal(3, "int").datatype == XSD.integer, literal(True, "bool").datatype == XSD.boolean, literal("x").datatype
    (True, True, None)
    """
    if model_type == "float" or (model_type is None and isinstance(value, float)):
        return Literal(float(value), datatype=XSD.double)
    if model_type == "int" or (model_type is None and isinstance(value, int) and not isinstance(value, bool)):
        return Literal(int(value), datatype=XSD.integer)
    if model_type == "bool" or isinstance(value, bool):
        return Literal(bool(value), datatype=XSD.boolean)
    return Literal(str(value))


# -- SHACL shapes, generated ------------------------------------------------------------------------
def _list(g: Graph, items) -> BNode:
    head = BNode()
    Collection(g, head, list(items))
    return head


def _property_shape(g: Graph, shape: URIRef, path, *, datatype=None, klass=None, classes=None, values=None,
                    min_count=None, max_count=None, min_inclusive=None, message=None, extra=None) -> None:
    ps = BNode()
    g.add((shape, SH.property, ps))
    g.add((ps, SH.path, path))
    if datatype is not None:
        g.add((ps, SH.datatype, datatype))
    if klass is not None:
        g.add((ps, SH["class"], klass))
    if classes:
        g.add((ps, SH["or"], _list(g, [_class_or(g, c) for c in classes])))
    if values is not None:
        g.add((ps, SH["in"], _list(g, [Literal(v) for v in values])))
    if min_count is not None:
        g.add((ps, SH.minCount, Literal(min_count)))
    if max_count is not None:
        g.add((ps, SH.maxCount, Literal(max_count)))
    if min_inclusive is not None:
        g.add((ps, SH.minInclusive, Literal(min_inclusive)))
    for p, o in (extra or {}).items():
        g.add((ps, p, o))
    if message:
        g.add((ps, SH.message, Literal(message)))


def _class_or(g: Graph, klass: URIRef) -> BNode:
    node = BNode()
    g.add((node, SH["class"], klass))
    return node


def shapes_graph(model: Model | None = None) -> Graph:
    """The SHACL shapes every provkg RDF export conforms to, derived from the model and mapping."""
    from provkg.schemas import MODEL

    model = model or MODEL
    g = Graph()
    for name, ns in PREFIXES.items():
        g.bind(name, ns)
    g.bind("shape", SHAPES)

    for label in model.node_labels:
        if label == "StoreInfo":
            continue
        shape = SHAPES[label + "Shape"]
        g.add((shape, RDF.type, SH.NodeShape))
        g.add((shape, SH.targetClass, node_class(label)))
        g.add((shape, RDFS.comment, Literal(model.spec["nodes"][label].get("doc", ""))))
        _property_shape(g, shape, ID, datatype=XSD.string, min_count=1, max_count=1,
                        message=f"every {label} has exactly one provkg:id")
        for klass in PROV_CLASSES[label]:
            _property_shape(g, shape, RDF.type, extra={SH.hasValue: klass},
                            message=f"every {label} is a {g.namespace_manager.normalizeUri(klass)}")
        key = model.node_key(label)
        for name, spec in model.node_properties(label).items():
            if name == key:
                continue
            enum = model.enums.get(spec.get("enum")) if spec.get("enum") else None
            many = spec["type"] == "string[]"
            if name in REFERENCES:
                _reference_shape(g, shape, name)
            else:
                _property_shape(g, shape, prop(name), datatype=DATATYPES[spec["type"]],
                                max_count=None if many else 1, values=enum)
        if label in ("Claim", "Directive"):
            _property_shape(g, shape, TEXT, min_count=1, message=f"a {label} has its words")
        if label == "Actor":
            anon = SHAPES["AnonymousSourceShape"]
            g.add((anon, RDF.type, SH.NodeShape))
            g.add((anon, SH.targetClass, ANONYMOUS_SOURCE))
            g.add((anon, RDFS.comment, Literal("Anonymous sources are actors scoped to the one article they appear in.")))
            _property_shape(g, anon, RDF.type, extra={SH.hasValue: node_class("Actor")})
            _property_shape(g, anon, prop("anonymous"), min_count=1, extra={SH.hasValue: Literal(True)})
            _property_shape(g, anon, prop("article"), klass=node_class("Article"), min_count=1, max_count=1,
                            message="an anonymous source belongs to exactly one article")

    # every edge resource: its endpoints and its evidence
    edge = SHAPES["EdgeShape"]
    g.add((edge, RDF.type, SH.NodeShape))
    g.add((edge, SH.targetClass, EDGE))
    g.add((edge, RDFS.comment, Literal("Every relationship, reified with its evidence span.")))
    _property_shape(g, edge, ID, datatype=XSD.string, min_count=1, max_count=1)
    _property_shape(g, edge, SUBJECT, min_count=1, max_count=1, extra={SH.nodeKind: SH.IRI})
    _property_shape(g, edge, OBJECT, min_count=1, max_count=1, extra={SH.nodeKind: SH.IRI})
    _property_shape(g, edge, EVIDENCE_OF, klass=EVIDENCE, min_count=1, max_count=1,
                    message="every edge carries exactly one evidence span")
    for rel in model.rel_types:
        shape = SHAPES[camel(rel, upper=True) + "EdgeShape"]
        g.add((shape, RDF.type, SH.NodeShape))
        g.add((shape, SH.targetClass, edge_class(rel)))
        g.add((shape, RDFS.comment, Literal(model.spec["relationships"][rel].get("doc", ""))))
        ends = model.rel_endpoints(rel)
        sources = sorted({a for a, _ in ends})
        targets = sorted({b for _, b in ends})
        for path, labels in ((SUBJECT, sources), (OBJECT, targets)):
            if len(labels) == 1:
                _property_shape(g, shape, path, klass=node_class(labels[0]))
            else:
                _property_shape(g, shape, path, classes=[node_class(x) for x in labels])
        _property_shape(g, shape, RDF.type, extra={SH.hasValue: EDGE})
        for name, spec in model.rel_properties(rel).items():
            if name in EVIDENCE_PROPERTIES:
                continue
            if name == "id":
                continue
            enum = model.enums.get(spec.get("enum")) if spec.get("enum") else None
            if name in REFERENCES:
                _reference_shape(g, shape, name)
            else:
                _property_shape(g, shape, prop(name), datatype=DATATYPES[spec["type"]], max_count=1, values=enum)
        if rel == "CONTRADICTS":
            _property_shape(g, shape, prop("basis"), min_count=1, message="a contradiction says on what basis")
        if rel in QUALIFIED:
            qualifying, influence, influencer, _, _ = QUALIFIED[rel]
            if QUALIFIED[rel][4] is None:
                _property_shape(g, shape, RDF.type, extra={SH.hasValue: influence})
                _property_shape(g, shape, influencer, klass=PROV.Agent if influencer == PROV.agent else PROV.Entity,
                                min_count=1, max_count=1)
                _property_shape(g, shape, _inverse(g, qualifying), min_count=1, max_count=1,
                                message=f"a {rel} edge qualifies exactly one {qualifying.n3(g.namespace_manager)}")
        if rel == "REPORTED":
            _property_shape(g, shape, prop("cue"), min_count=1, message="a report keeps its cue words")

    ev = SHAPES["EvidenceShape"]
    g.add((ev, RDF.type, SH.NodeShape))
    g.add((ev, SH.targetClass, EVIDENCE))
    g.add((ev, RDFS.comment, Literal("The span article.text[start:stop] behind an edge, and its words.")))
    _property_shape(g, ev, prop("article"), klass=node_class("Article"), min_count=1, max_count=1)
    _property_shape(g, ev, START, datatype=XSD.integer, min_count=1, max_count=1, min_inclusive=0,
                    extra={SH.lessThanOrEquals: STOP})
    _property_shape(g, ev, STOP, datatype=XSD.integer, min_count=1, max_count=1, min_inclusive=0)
    _property_shape(g, ev, TEXT, datatype=XSD.string, min_count=1, max_count=1)
    _property_shape(g, ev, _inverse(g, EVIDENCE_OF), min_count=1, max_count=1)
    return g


def _reference_shape(g: Graph, shape: URIRef, name: str) -> None:
    """A property holding another node's IRI; that node may lie outside a partial export, so only
    articles and actors (which exports always type) are checked for their class."""
    label = REFERENCES[name]
    has_id = BNode()
    _property_shape(g, has_id, ID, datatype=XSD.string, min_count=1, max_count=1,
                    message=f"the {label} named by provkg:{camel(name)} has its provkg:id")
    extra = {SH.nodeKind: SH.IRI, SH.node: has_id}
    _property_shape(g, shape, prop(name), klass=node_class(label) if label in ("Article", "Actor") else None,
                    max_count=1, extra=extra)


def _inverse(g: Graph, path: URIRef) -> BNode:
    node = BNode()
    g.add((node, SH.inversePath, path))
    return node


HEADER = """# SHACL shapes for provkg's RDF exports (PROV-O + the provkg vocabulary).
# GENERATED from schemas/model.yaml and schemas/rdf.py by `python -m provkg.schemas.rdf`: do not edit.
# Validate an export: pyshacl -s schemas/shapes.ttl -df turtle export.ttl
"""


def shapes_turtle() -> str:
    return HEADER + shapes_graph().serialize(format="turtle")


def write_shapes(path: Path = SHAPES_PATH) -> Path:
    """Regenerate ``schemas/shapes.ttl``."""
    path.write_text(shapes_turtle(), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write_shapes())
