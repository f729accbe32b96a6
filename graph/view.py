"""The networkx view of a provkg store: the whole graph, or the part around a claim, an actor or an article.

Every node carries its ``label`` (Actor, Claim, Directive, Article, Place), its model properties
(``name``/``text``/``title``, ``kind``, ``anonymous``, ``descriptor``, ``affiliation``,
``location`` ...) and a short display ``caption``. Every edge is keyed by its provkg edge id and
carries ``type``, ``id``, ``article``, ``start``, ``stop``, ``evidence`` (exactly
``article.text[start:stop]``, whitespace collapsed), ``article_title`` and its own properties
(``cue``, ``direct``, ``basis`` ...). Article texts are not copied onto nodes.

The graph is read with one Cypher query per label and relationship type (and endpoint pair),
so it works the same on Ladybug and Neo4j. Subgraphs are expanded hop by hop with
parameterised queries: the whole graph is never loaded to cut out a piece of it.

>>> import tempfile, os
>>> from provkg.graph.store import open_store
>>> with open_store(os.path.join(tempfile.mkdtemp(), "v.lbug")) as store:
...     g = to_networkx(store)
>>> g.number_of_nodes(), g.number_of_edges()
(0, 0)

With articles ingested (``provkg ingest examples/``)::

    g = to_networkx(store, around="Radio Free Asia", depth=2)   # an actor by name, 2 hops
    g = to_networkx(store, around="police told to be nicer")     # the best-matching claim
    g = to_networkx(store, article="aa90a023a93d5589704ace7d2")  # one article's nodes and edges
    g = provenance_subgraph(store, "claim:0123456789abcdef")     # one claim's chain
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from provkg.errors import NotFoundError, QueryError
from provkg.schemas import MODEL

#: Node labels that are index or audit structure, left out unless ``include_index``.
INDEX_LABELS = frozenset({"Name", "Merge"})
#: Relationship types that are index or audit structure, left out unless ``include_index``.
INDEX_TYPES = frozenset({"NAMES", "DECIDED", "MENTIONS"})
#: Never part of the view: facts about the store itself.
STORE_LABELS = frozenset({"StoreInfo"})
#: Node properties not copied onto view nodes (article bodies would swamp every export).
SKIP_NODE_PROPERTIES = {"Article": frozenset({"text"})}
#: Where the display name of a node comes from, by label.
CAPTION_PROPERTY = {"Actor": "name", "Place": "name", "Claim": "text", "Directive": "text", "Article": "title",
                    "Name": "key", "Merge": "rule"}
CAPTION_WIDTH = 60


def _q(name: str) -> str:
    return f"`{name}`" if name.lower() in {"end", "key", "order", "group"} else name


def _clip(text: str, width: int = CAPTION_WIDTH) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def caption(label: str, props: dict) -> str:
    """A short display name for a node.

    >>> caption("Actor", {"name": "source connected to the judicial system", "anonymous": True})
    'anonymous: source connected to the judicial system'
    >>> caption("Claim", {"text": "Police officers are being told to be nicer to residents of the country"})
    '“Police officers are being told to be nicer to residents o…”'
    """
    value = props.get(CAPTION_PROPERTY.get(label, "id")) or props.get("outlet") or props.get("id") or ""
    if label == "Actor" and props.get("anonymous"):
        return _clip(f"anonymous: {value}")
    if label in ("Claim", "Directive"):
        return f"“{_clip(value, CAPTION_WIDTH - 2)}”"
    if label == "Article" and props.get("outlet"):
        return _clip(f"{props['outlet']}: {value}")
    return _clip(value)


def _edge_specs(include_index: bool) -> list[tuple[str, str, str]]:
    """(type, from label, to label) for every relationship table in the view."""
    specs = []
    for rel in MODEL.rel_types:
        if rel in INDEX_TYPES and not include_index:
            continue
        for src, dst in MODEL.rel_endpoints(rel):
            if include_index or not ({src, dst} & INDEX_LABELS):
                specs.append((rel, src, dst))
    return specs


class _Builder:
    """Collects nodes and edges with per-label and per-type queries, then fills in evidence."""

    def __init__(self, store, include_index: bool = False):
        self.store = store
        self.include_index = include_index
        self.graph = nx.MultiDiGraph()
        self.labels = [label for label in MODEL.node_labels
                       if label not in STORE_LABELS and (include_index or label not in INDEX_LABELS)]
        self.specs = _edge_specs(include_index)
        self.pending: dict[str, set[str]] = defaultdict(set)   # label -> ids still without properties
        self.known: dict[str, str] = {}                        # node id -> label

    def run(self, cypher: str, params: dict | None = None) -> list[list]:
        return self.store.query(cypher, params or {}).rows

    # -- nodes -------------------------------------------------------------------------------
    def node_columns(self, label: str) -> list[str]:
        skip = SKIP_NODE_PROPERTIES.get(label, frozenset())
        return [name for name in MODEL.node_properties(label) if name not in skip]

    def add_node_rows(self, label: str, rows: Iterable[list]) -> None:
        columns = self.node_columns(label)
        key = MODEL.node_key(label)
        for row in rows:
            props = {c: v for c, v in zip(columns, row) if v is not None and v != []}
            node_id = props.pop(key) if key != "id" else props["id"]
            props.pop("id", None)
            self.graph.add_node(node_id, label=label, **props, caption=caption(label, props | {"id": node_id}))
            self.known[node_id] = label
            self.pending[label].discard(node_id)

    def load_nodes(self, label: str, ids: Iterable[str] | None = None) -> None:
        """Properties of the nodes of ``label`` (all of them, or those with the given ids)."""
        columns = ", ".join(f"n.{_q(c)}" for c in self.node_columns(label))
        key = _q(MODEL.node_key(label))
        if ids is None:
            self.add_node_rows(label, self.run(f"MATCH (n:{label}) RETURN {columns} ORDER BY n.{key}"))
            return
        ids = sorted(set(ids))
        if ids:
            self.add_node_rows(label, self.run(f"MATCH (n:{label}) WHERE n.{key} IN $ids RETURN {columns} "
                                               f"ORDER BY n.{key}", {"ids": ids}))

    def want(self, label: str, node_id: str) -> bool:
        """Note a node to fetch; True when it is new to the graph."""
        if node_id in self.known or node_id in self.pending[label]:
            return False
        self.pending[label].add(node_id)
        return True

    def flush_nodes(self) -> None:
        for label, ids in list(self.pending.items()):
            if ids:
                self.load_nodes(label, ids)

    # -- edges -------------------------------------------------------------------------------
    def load_edges(self, rel: str, src: str, dst: str, where: str = "", params: dict | None = None) -> list[tuple]:
        """Edges of one type between two labels, optionally filtered; returns (src_id, dst_id, src, dst)."""
        props = list(MODEL.rel_properties(rel))
        cols = ", ".join(f"r.{_q(p)}" for p in props)
        skey, dkey = _q(MODEL.node_key(src)), _q(MODEL.node_key(dst))
        cypher = (f"MATCH (a:{src})-[r:{rel}]->(b:{dst}) {('WHERE ' + where) if where else ''} "
                  f"RETURN a.{skey}, b.{dkey}, {cols} ORDER BY r.id")
        found = []
        for row in self.run(cypher, params):
            a, b, values = row[0], row[1], dict(zip(props, row[2:]))
            if self.graph.has_edge(a, b, key=values["id"]):
                continue
            attrs = {"type": rel, **{k: v for k, v in values.items() if v is not None}}
            self.graph.add_edge(a, b, key=values["id"], **attrs)
            found.append((a, b, src, dst))
        return found

    # -- evidence ----------------------------------------------------------------------------
    def finish(self) -> nx.MultiDiGraph:
        """Fetch nodes still missing and cut each edge's evidence out of its article's text."""
        self.flush_nodes()
        articles = sorted({d["article"] for _, _, d in self.graph.edges(data=True) if d.get("article")})
        texts: dict[str, tuple[str, str | None]] = {}
        for i in range(0, len(articles), 500):
            for art, text, title in self.run("MATCH (a:Article) WHERE a.id IN $ids RETURN a.id, a.text, a.title",
                                             {"ids": articles[i:i + 500]}):
                texts[art] = (text or "", title)
        for _, _, data in self.graph.edges(data=True):
            text, title = texts.get(data.get("article"), ("", None))
            start, stop = data.get("start"), data.get("stop")
            data["evidence"] = " ".join(text[start:stop].split()) if start is not None and stop is not None else ""
            if title:
                data["article_title"] = title
        return self.graph


def _seed_nodes(b: _Builder, around: str) -> list[tuple[str, str]]:
    """The nodes ``around`` names: an id; else an actor or place name or alias; else the best claim/directive."""
    from rapidfuzz import fuzz, process, utils

    from provkg.loaders.resolve import name_keys, normalise
    from provkg.queries.search import search_claims

    query = around.strip()
    if not query:
        raise QueryError("--around needs a claim, directive, actor or article (an id, a name or some words)")
    for label in ("Claim", "Actor", "Directive", "Article", "Place"):
        if b.run(f"MATCH (n:{label} {{id: $id}}) RETURN n.id", {"id": query}):
            return [(label, query)]
    keys = name_keys(query)
    if keys:
        rows = b.run("MATCH (n:Name)-[:NAMES]->(a:Actor) WHERE n.key IN $keys RETURN DISTINCT a.id", {"keys": keys})
        if rows:
            return [("Actor", r[0]) for r in sorted(rows)]
    own = normalise(query)
    named = [("Actor", i, n, aliases) for i, n, aliases in b.run("MATCH (a:Actor) RETURN a.id, a.name, a.aliases")]
    named += [("Place", i, n, []) for i, n in b.run("MATCH (p:Place) RETURN p.id, p.name")]
    exact = [(label, i) for label, i, n, aliases in named
             if own and any(normalise(x or "") == own for x in [n, *(aliases or [])])]
    if exact:
        return sorted(exact)
    hits = search_claims(b.store, query, limit=1)
    if hits:
        return [(hits[0].label, hits[0].id)]
    choices = [n or "" for _, _, n, _ in named]
    best = process.extractOne(query, choices, scorer=fuzz.WRatio, processor=utils.default_process, score_cutoff=80)
    if best:
        label, node_id, _, _ = named[best[2]]
        return [(label, node_id)]
    raise NotFoundError(f"nothing in the store matches {around!r}: give a claim or actor id, an actor name, "
                        "or words of a claim (provkg stats shows what is stored)")


def _find_article(b: _Builder, article: str) -> str:
    query = article.strip()
    rows = b.run("MATCH (a:Article) WHERE a.id = $q OR a.path = $q OR a.url = $q OR a.title = $q "
                 "RETURN a.id ORDER BY a.id", {"q": query})
    if not rows and Path(query).name and Path(query).name != query.strip("/"):
        # a path written another way (absolute, ./relative): the same file, else the one file of that name
        same_name = b.run("MATCH (a:Article) WHERE a.path ENDS WITH $name RETURN a.id, a.path ORDER BY a.id",
                          {"name": Path(query).name})
        target = Path(query).resolve()
        rows = [[i] for i, p in same_name if Path(p).resolve() == target] or \
            ([[same_name[0][0]]] if len(same_name) == 1 else [])
    if not rows:
        rows = b.run("MATCH (a:Article) WHERE a.id STARTS WITH $q RETURN a.id ORDER BY a.id", {"q": query})
    if len(rows) != 1:
        hint = "it matches several articles; give the full id" if rows else \
            "provkg cypher 'MATCH (a:Article) RETURN a.id, a.title' lists them"
        raise NotFoundError(f"no single article {article!r} (by id, path, url or title): {hint}")
    return rows[0][0]


def to_networkx(store, *, around: str | None = None, depth: int = 2, article: str | None = None,
                include_index: bool = False) -> nx.MultiDiGraph:
    """The store as a networkx ``MultiDiGraph``: all of it, or the part around a node, or one article.

    ``around``: a Claim, Actor, Directive, Place or Article id, an actor's name or alias, or some
    words of a claim (the best match); the result is every node within ``depth`` hops of it
    (either direction) and the edges between them. ``article``: an Article id (or its path,
    url, title or an unambiguous id prefix); only edges whose evidence is in that article, and
    their nodes. Both together: the neighbourhood, through that article's edges only.
    ``include_index``: also the Name and Merge nodes and the NAMES, DECIDED and MENTIONS edges.

    Example::

        from provkg.graph.store import open_store
        from provkg.graph.view import to_networkx
        with open_store("news.lbug", read_only=True) as store:
            g = to_networkx(store, around="Radio Free Asia", depth=1)
        for u, v, e in g.edges(data=True):
            print(g.nodes[u]["caption"], e["type"], g.nodes[v]["caption"], "—", e["evidence"])
    """
    if depth < 0:
        raise QueryError("depth must be 0 or more")
    b = _Builder(store, include_index)
    art = _find_article(b, article) if article else None
    scope = {"around": around, "depth": depth if around else None, "article": art}
    if around is None:
        where, params = ("r.article = $art", {"art": art}) if art else ("", {})
        for rel, src, dst in b.specs:
            for a, c, sl, dl in b.load_edges(rel, src, dst, where, params):
                b.want(sl, a)
                b.want(dl, c)
        if art:
            b.want("Article", art)
        else:
            for label in b.labels:
                b.load_nodes(label)
    else:
        seeds = _seed_nodes(b, around)
        scope["seeds"] = [i for _, i in seeds]
        for label, node_id in seeds:
            b.want(label, node_id)
        frontier: dict[str, set[str]] = defaultdict(set)
        for label, node_id in seeds:
            frontier[label].add(node_id)
        seen = {node_id: label for label, node_id in seeds}
        extra, extra_params = (" AND r.article = $art", {"art": art}) if art else ("", {})
        for _ in range(depth):
            nxt: dict[str, set[str]] = defaultdict(set)
            for rel, src, dst in b.specs:
                for side, label, key in (("a", src, MODEL.node_key(src)), ("b", dst, MODEL.node_key(dst))):
                    ids = sorted(frontier.get(label, ()))
                    if not ids:
                        continue
                    for a, c, sl, dl in b.load_edges(rel, src, dst, f"{side}.{_q(key)} IN $ids{extra}",
                                                     {"ids": ids, **extra_params}):
                        for lab, nid in ((sl, a), (dl, c)):
                            b.want(lab, nid)
                            if nid not in seen:
                                seen[nid] = lab
                                nxt[lab].add(nid)
            frontier = nxt
            if not frontier:
                break
        # the edges among the outermost nodes, so the result is the induced subgraph
        ids_by_label: dict[str, list[str]] = defaultdict(list)
        for nid, label in seen.items():
            ids_by_label[label].append(nid)
        for rel, src, dst in b.specs:
            outer = sorted(frontier.get(src, ()))
            if outer and ids_by_label.get(dst):
                b.load_edges(rel, src, dst, f"a.{_q(MODEL.node_key(src))} IN $outer AND "
                             f"b.{_q(MODEL.node_key(dst))} IN $inner{extra}",
                             {"outer": outer, "inner": sorted(ids_by_label[dst]), **extra_params})
    graph = b.finish()
    graph.graph.update({k: v for k, v in scope.items() if v is not None})
    return graph


def provenance_subgraph(store, claim_id: str) -> nx.MultiDiGraph:
    """One claim's chain as a graph, for ``provkg provenance ... --html``.

    The claim; every actor that REPORTED it (with the sentence); whom they TOLD it and what those
    recipients are PART_OF; the sources' LOCATED_IN places; each article it was reported in
    (joined to the claim by that article's MENTIONS edge), its publisher and its REPRINT_OF
    chain (to original articles and outlets, and their publishers); and the claims that
    CONTRADICT it, with who reported those.

    Example::

        from provkg.graph.export import write
        g = provenance_subgraph(store, "claim:0123456789abcdef")
        write(g, "html", "chain.html")
    """
    b = _Builder(store)
    if not b.run("MATCH (c:Claim {id: $id}) RETURN c.id", {"id": claim_id}):
        raise NotFoundError(f"no claim with id {claim_id!r}; provkg provenance TEXT finds a claim by its words")
    b.want("Claim", claim_id)
    claim_ids = [claim_id]
    for a, c, _, _ in b.load_edges("CONTRADICTS", "Claim", "Claim", "a.id = $id OR b.id = $id", {"id": claim_id}):
        for other in (a, c):
            if b.want("Claim", other):
                claim_ids.append(other)
    sources: set[str] = set()
    for a, c, _, _ in b.load_edges("REPORTED", "Actor", "Claim", "b.id IN $ids", {"ids": claim_ids}):
        b.want("Actor", a)
        if c == claim_id:
            sources.add(a)
    reports = [d for _, v, d in b.graph.edges(data=True) if d["type"] == "REPORTED" and v == claim_id]
    articles = sorted({d["article"] for d in reports})
    if sources:
        src = sorted(sources)
        for a, c, _, _ in b.load_edges("TOLD", "Actor", "Actor", "a.id IN $ids AND r.claim = $claim",
                                       {"ids": src, "claim": claim_id}):
            b.want("Actor", c)
        recipients = sorted({v for _, v, d in b.graph.edges(data=True) if d["type"] == "TOLD"})
        if recipients:
            for _, c, _, _ in b.load_edges("PART_OF", "Actor", "Actor", "a.id IN $ids", {"ids": recipients}):
                b.want("Actor", c)
        for _, c, _, _ in b.load_edges("LOCATED_IN", "Actor", "Place", "a.id IN $ids", {"ids": src}):
            b.want("Place", c)
    if articles:
        for art in articles:
            b.want("Article", art)
        b.load_edges("MENTIONS", "Article", "Claim", "a.id IN $arts AND b.id = $id AND r.article = a.id",
                     {"arts": articles, "id": claim_id})
        frontier, seen = list(articles), set(articles)
        for _ in range(8):  # the reprint chain, as far as it goes
            for a, _, _, _ in b.load_edges("PUBLISHED", "Actor", "Article", "b.id IN $ids", {"ids": frontier}):
                b.want("Actor", a)
            for _, c, _, _ in b.load_edges("REPRINT_OF", "Article", "Actor", "a.id IN $ids", {"ids": frontier}):
                b.want("Actor", c)
            nxt = [c for _, c, _, _ in b.load_edges("REPRINT_OF", "Article", "Article", "a.id IN $ids",
                                                     {"ids": frontier}) if c not in seen]
            for c in nxt:
                b.want("Article", c)
                seen.add(c)
            frontier = sorted(set(nxt))
            if not frontier:
                break
    graph = b.finish()
    graph.graph.update({"provenance_of": claim_id})
    return graph
