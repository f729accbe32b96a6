"""Shared pieces of the query layer: finding actors and claims, articles, evidence, report rows.

Every answer the query layer gives is plain data (dicts and lists, JSON-ready) in which each
statement carries its evidence: ``{"edge_id", "article_id", "start", "stop", "text"}`` where
``text`` is exactly ``article.text[start:stop]``.

>>> import tempfile, os
>>> from provkg.graph.store import open_store
>>> find_actor(open_store(os.path.join(tempfile.mkdtemp(), "c.lbug")), "Nobody")
Traceback (most recent call last):
...
provkg.errors.NotFoundError: no actor named 'Nobody': the store has no actors yet; ingest articles first (provkg ingest PATH)
"""
from __future__ import annotations

from rapidfuzz import fuzz, process, utils

from provkg.errors import NotFoundError
from provkg.loaders.resolve import name_keys, normalise
from provkg.queries import named

# Cue lemmas that dispute what they report: a denial is provenance against a claim, not for it.
DENIAL_CUES = frozenset({"deny"})
FUZZY_MIN = 80.0      # an actor name typed with a typo or a partial name still resolves
SUGGEST_MIN = 50.0    # below FUZZY_MIN, names close enough to suggest in the error message
UNDATED = "9999-99-99"  # sorts undated articles last


# -- articles and evidence ---------------------------------------------------------------------
class Articles:
    """Article metadata and text, fetched once per id."""

    def __init__(self, store):
        self.store = store
        self._rows: dict[str, dict] = {}

    def fetch(self, ids) -> None:
        missing = sorted({i for i in ids if i and i not in self._rows})
        if missing:
            for row in self.store.query("UNWIND $ids AS i MATCH (a:Article {id: i}) "
                                        "RETURN a.id AS id, a.title AS title, a.outlet AS outlet, "
                                        "a.published AS published, a.url AS url, a.text AS text",
                                        {"ids": missing}).records():
                self._rows[row["id"]] = row
            for i in missing:
                self._rows.setdefault(i, {"id": i, "title": None, "outlet": None, "published": None, "url": None,
                                          "text": ""})

    def get(self, article_id: str) -> dict:
        self.fetch([article_id])
        return self._rows[article_id]

    def ref(self, article_id: str) -> dict:
        """``{"id", "title", "outlet", "published"}`` of an article."""
        row = self.get(article_id)
        return {"id": row["id"], "title": row["title"], "outlet": row["outlet"], "published": row["published"]}

    def evidence(self, article_id: str, start: int, stop: int, edge_id: str | None = None) -> dict:
        """The evidence of one edge: where it is and the exact words."""
        text = self.get(article_id)["text"] or ""
        return {"edge_id": edge_id, "article_id": article_id, "start": start, "stop": stop, "text": text[start:stop]}


def order_key(published: str | None, article_id: str | None, start: int | None, tie: str | None = "") -> tuple:
    """Date order: the article's published date (undated last), then article, then offset."""
    return (published or UNDATED, article_id or "", start if start is not None else -1, tie or "")


def source(row: dict) -> dict:
    """A source actor from the standard columns ``source_id, source, source_kind, source_anonymous,
    descriptor, affiliation, location``."""
    return {"id": row["source_id"], "name": row["source"], "kind": row["source_kind"],
            "anonymous": bool(row["source_anonymous"]), "descriptor": row["descriptor"],
            "affiliation": row["affiliation"], "location": row["location"]}


class Parents:
    """The body each actor is part of (``PART_OF``), looked up by id once per actor.

    With several parents, the first by id. One hop per lookup, anchored on the actor's id: a
    variable-length ``PART_OF`` path joined into a larger query can fill Ladybug's buffer pool.
    """

    def __init__(self, store):
        self.store = store
        self._parent: dict[str, tuple[str, str] | None] = {}

    def of(self, actor_id: str) -> tuple[str, str] | None:
        """``(id, name)`` of the body ``actor_id`` is part of, or None."""
        if actor_id not in self._parent:
            rows = self.store.query("MATCH (x:Actor {id: $id})-[:PART_OF]->(p:Actor) "
                                    "RETURN p.id, p.name ORDER BY p.id LIMIT 1", {"id": actor_id}).rows
            self._parent[actor_id] = tuple(rows[0]) if rows else None
        return self._parent[actor_id]

    def top(self, actor_id: str, hops: int = 4) -> str:
        """The id of the body at the top of the actor's chain (at most ``hops`` up), or its own id."""
        top, seen = actor_id, {actor_id}
        for _ in range(hops):
            parent = self.of(top)
            if parent is None or parent[0] in seen:
                break
            top = parent[0]
            seen.add(top)
        return top


def actor_ref(actor_id: str | None, name: str | None, kind: str | None = None) -> dict | None:
    if actor_id is None:
        return None
    return {"id": actor_id, "name": name, "kind": kind}


def sentence_with_cue(row: dict, articles: Articles) -> dict:
    """The evidence sentence of a ``REPORTED`` edge (columns ``article_id, start, stop, edge_id,
    cue_start, cue_stop``), with the cue's own span inside it when the edge has one."""
    sentence = articles.evidence(row["article_id"], row["start"], row["stop"], row["edge_id"])
    if row["cue_start"] is not None:
        cue = articles.evidence(row["article_id"], row["cue_start"], row["cue_stop"])
        sentence["cue"] = {"start": cue["start"], "stop": cue["stop"], "text": cue["text"]}
    return sentence


def report(row: dict, articles: Articles) -> dict:
    """One REPORTED edge (columns of reports.cypher-style queries) as an answer item.

    Its evidence is the sentence, with the cue's own span inside it.
    """
    sentence = sentence_with_cue(row, articles)
    return {"edge_id": row["edge_id"], "source": source(row), "cue": row["cue"], "cue_lemma": row["cue_lemma"],
            "direct": bool(row["direct"]),
            "recipient": actor_ref(row["recipient_id"], row["recipient"], row["recipient_kind"]),
            "article": articles.ref(row["article_id"]), "evidence": sentence}


def report_rows(store, item_ids=(), source_ids=()) -> list[dict]:
    """Rows of reports.cypher (REPORTED edges to ``item_ids`` and/or by ``source_ids``), in date order."""
    rows = named.run(store, "reports", {"item_ids": list(item_ids), "source_ids": list(source_ids)}).records()
    rows.sort(key=lambda r: order_key(r["published"], r["article_id"], r["start"], r["edge_id"]))
    return rows


def reports_of(store, item_ids: list[str], articles: Articles) -> dict[str, list[dict]]:
    """Every REPORTED edge to the given claims or directives, by item id, in date order."""
    out: dict[str, list[dict]] = {i: [] for i in item_ids}
    if not item_ids:
        return out
    rows = report_rows(store, item_ids=item_ids)
    articles.fetch(r["article_id"] for r in rows)
    for row in rows:
        out[row["item_id"]].append(report(row, articles))
    return out


# -- finding things by name ------------------------------------------------------------------
def _actor(store, actor_id: str) -> dict:
    rows = store.query("MATCH (a:Actor {id: $id}) RETURN a.id AS id, a.name AS name, a.kind AS kind, "
                       "a.aliases AS aliases, a.anonymous AS anonymous", {"id": actor_id}).records()
    return rows[0] if rows else {}


def find_actor(store, name: str, candidates: list[dict] | None = None) -> tuple[dict, dict]:
    """The actor ``name`` refers to, and how it was found.

    By exact actor id; else by the Name index (the normalised keys entity resolution uses, so
    "the U.S. State Department" finds "State Department"); else by fuzzy match (rapidfuzz WRatio
    >= 80) on actor names and aliases. ``candidates`` (``[{id, name, aliases, kind}]``) narrows the
    fuzzy search, e.g. to outlets. Returns ``(actor, {"query", "rule", "score"})``; raises
    :class:`NotFoundError` with the closest names when nothing matches.
    """
    query = name.strip()
    ids = {c["id"] for c in candidates} if candidates is not None else None
    exact = _actor(store, query) if query else {}
    if exact and (ids is None or exact["id"] in ids):
        return exact, {"query": name, "rule": "id", "score": 100.0}
    own = normalise(query)
    keys = name_keys(query)
    if keys:
        rows = store.query("MATCH (n:Name)-[:NAMES]->(a:Actor) WHERE n.key IN $keys RETURN DISTINCT n.key AS key, a.id AS id",
                           {"keys": keys}).records()
        rows = [r for r in rows if ids is None or r["id"] in ids]
        if rows:
            rows.sort(key=lambda r: (r["key"] != own, r["id"]))
            return _actor(store, rows[0]["id"]), {"query": name, "rule": "name", "score": 100.0}
    if candidates is None:
        candidates = store.query("MATCH (a:Actor) RETURN a.id AS id, a.name AS name, a.aliases AS aliases, "
                                 "a.kind AS kind, a.anonymous AS anonymous").records()
    choices, owners = [], []
    for c in candidates:
        for label in {c["name"], *(c.get("aliases") or [])}:
            if label:
                choices.append(label)
                owners.append(c)
    if not choices:
        raise NotFoundError(f"no actor named {name!r}: the store has no actors yet; ingest articles first (provkg ingest PATH)")
    matches = process.extract(query, choices, scorer=fuzz.WRatio, processor=utils.default_process, limit=None,
                              score_cutoff=SUGGEST_MIN)
    # best score first; among equals a named actor before an anonymous one, then by id
    matches.sort(key=lambda m: (-m[1], bool(owners[m[2]].get("anonymous")), owners[m[2]]["id"]))
    if matches and matches[0][1] >= FUZZY_MIN:
        best = owners[matches[0][2]]
        return _actor(store, best["id"]), {"query": name, "rule": "fuzzy", "score": round(matches[0][1], 1)}
    close = []
    for _, _, i in matches:
        if owners[i]["name"] not in close:
            close.append(owners[i]["name"])
    hint = f"; closest: {', '.join(close[:3])}" if close else "; provkg cypher 'MATCH (a:Actor) RETURN a.name' lists them"
    raise NotFoundError(f"no actor named {name!r}{hint}")


def scoped_ids(store, actor: dict) -> list[str]:
    """The ids that stand for ``actor`` in questions about it.

    A named actor is one node across articles; an unnamed, article-scoped one ("provincial
    police", id ``local:ARTICLE:E2``) has a copy per article, and all copies with the same
    normalised name answer together. Anonymous sources stay alone.
    """
    if not actor["id"].startswith("local:"):
        return [actor["id"]]
    key = normalise(actor["name"] or "")
    rows = store.query("MATCH (a:Actor) WHERE a.id STARTS WITH 'local:' RETURN a.id, a.name").rows
    return sorted({actor["id"], *(i for i, n in rows if normalise(n or "") == key)})


def find_claim(store, text: str | None = None, claim_id: str | None = None) -> tuple[dict, float | None, list[dict]]:
    """The claim ``claim_id``, or the one best matching ``text`` (a claim id works as text too).

    Returns ``(claim, match_score, related)``; ``related`` are the next best matches.
    """
    from provkg.queries.search import search_claims

    related: list[dict] = []
    score = None
    if claim_id is None and text and text.strip().startswith("claim:"):
        claim_id = text.strip()
    if claim_id is None:
        hits = search_claims(store, text or "", limit=5, labels=("Claim",))
        if not hits:
            raise NotFoundError(f"no claim matches {text!r}; try other words, or provkg stats to see what is stored")
        claim_id, score = hits[0].id, hits[0].score
        related = [{"claim_id": h.id, "text": h.text, "score": h.score} for h in hits[1:]]
    rows = store.query("MATCH (c:Claim {id: $id}) RETURN c.id AS id, c.text AS text, c.kind AS kind",
                       {"id": claim_id}).records()
    if not rows:
        raise NotFoundError(f"no claim with id {claim_id!r}; provkg origins TEXT finds a claim by its words")
    return rows[0], score, related
