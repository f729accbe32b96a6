"""Whom does an outlet rely on? Named versus anonymous share of its reports, and its top sources.

Counts every report (REPORTED edge) in the articles the outlet published, reprints included:
a reprint is the outlet relying on the original's sources.

>>> import tempfile, os
>>> from provkg.graph.store import open_store
>>> sources(open_store(os.path.join(tempfile.mkdtemp(), "s.lbug")), "Daily NK")
Traceback (most recent call last):
...
provkg.errors.NotFoundError: no outlet named 'Daily NK': the store has no articles with an outlet yet
"""
from __future__ import annotations

from provkg.errors import NotFoundError
from provkg.queries import named
from provkg.queries.common import Articles, find_actor, order_key, source


def outlets(store) -> list[dict]:
    """Every actor that published an article in the store."""
    return store.query("MATCH (o:Actor)-[:PUBLISHED]->(:Article) RETURN DISTINCT o.id AS id, o.name AS name, "
                       "o.aliases AS aliases, o.kind AS kind, o.anonymous AS anonymous ORDER BY id").records()


def sources(store, outlet: str, limit: int = 10) -> dict:
    """The sources behind ``outlet``'s articles (name, alias or id; fuzzy matched among outlets).

    ``{"outlet", "match", "articles", "reports", "named_reports", "anonymous_reports", "named_share",
    "anonymous_share", "named_sources", "anonymous_sources", "top_sources": [...]}``; shares are
    fractions of reports (3 decimals); top sources are the ``limit`` sources with most reports
    (then most articles, then name), each with its first report as an example.
    """
    candidates = outlets(store)
    if not candidates:
        raise NotFoundError(f"no outlet named {outlet!r}: the store has no articles with an outlet yet")
    actor, match = find_actor(store, outlet, candidates=candidates)
    n_articles = store.query("MATCH (o:Actor {id: $id})-[:PUBLISHED]->(a:Article) RETURN count(DISTINCT a)",
                             {"id": actor["id"]}).rows[0][0]
    rows = named.run(store, "sources", {"outlet_id": actor["id"]}).records()
    rows.sort(key=lambda r: order_key(r["published"], r["article_id"], r["start"], r["edge_id"]))
    articles = Articles(store)
    articles.fetch(r["article_id"] for r in rows)
    by_source: dict[str, dict] = {}
    for r in rows:
        entry = by_source.setdefault(r["source_id"], {"source": source(r), "reports": 0, "articles": set(),
                                                      "items": set(), "example": articles.evidence(
                                                          r["article_id"], r["start"], r["stop"], r["edge_id"])})
        entry["reports"] += 1
        entry["articles"].add(r["article_id"])
        entry["items"].add(r["item_id"])
    anonymous = sum(1 for r in rows if r["source_anonymous"])
    total = len(rows)
    ranked = sorted(by_source.values(), key=lambda e: (-e["reports"], -len(e["articles"]), e["source"]["name"] or "",
                                                       e["source"]["id"]))
    return {"outlet": {"id": actor["id"], "name": actor["name"]}, "match": match, "articles": n_articles,
            "reports": total, "named_reports": total - anonymous, "anonymous_reports": anonymous,
            "named_share": round((total - anonymous) / total, 3) if total else None,
            "anonymous_share": round(anonymous / total, 3) if total else None,
            "named_sources": sum(1 for e in by_source.values() if not e["source"]["anonymous"]),
            "anonymous_sources": sum(1 for e in by_source.values() if e["source"]["anonymous"]),
            "top_sources": [{**e["source"], "reports": e["reports"], "articles": len(e["articles"]),
                             "items": len(e["items"]), "example": e["example"]} for e in ranked[:limit]]}
