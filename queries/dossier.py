"""Everything the store knows about one actor, each item with the words that say so.

>>> import tempfile, os
>>> from provkg.graph.store import open_store
>>> dossier(open_store(os.path.join(tempfile.mkdtemp(), "d.lbug")), "Nobody")
Traceback (most recent call last):
...
provkg.errors.NotFoundError: no actor named 'Nobody': the store has no actors yet; ingest articles first (provkg ingest PATH)
"""
from __future__ import annotations

from collections import Counter

from provkg.queries import named
from provkg.queries.common import Articles, actor_ref, find_actor, order_key, report, report_rows, scoped_ids


_OTHER_SIDE = {"targets": "target", "issuers": "issuer"}


def _grouped(rows: list[dict], other: str) -> list[dict]:
    """Directive edges (issued/targeted rows), one per edge, with the other side's actors collected."""
    out: dict[str, dict] = {}
    col = _OTHER_SIDE[other]
    for row in rows:
        item = out.setdefault(row["edge_id"], {"edge_id": row["edge_id"], "directive": {
            "id": row["directive_id"], "text": row["directive"], "status": row["status"]}, other: [], "row": row})
        ref = actor_ref(row[f"{col}_id"], row[col], row[f"{col}_kind"])
        if ref and ref not in item[other]:
            item[other].append(ref)
    return list(out.values())


def directive_events(store, rows: list[dict], other: str, articles: Articles) -> list[dict]:
    """issued.cypher (``other="targets"``) or targeted.cypher (``"issuers"``) rows as dated events."""
    rows = sorted(rows, key=lambda r: order_key(r["published"], r["article_id"], r["start"], r["edge_id"]))
    articles.fetch(r["article_id"] for r in rows)
    events = []
    for item in _grouped(rows, other):
        row = item.pop("row")
        events.append({**item, "article": articles.ref(row["article_id"]),
                       "evidence": articles.evidence(row["article_id"], row["start"], row["stop"], row["edge_id"])})
    return events


def dossier(store, name: str) -> dict:
    """The actor ``name`` refers to (see :func:`provkg.queries.common.find_actor`) and its record.

    ``{"actor": profile, "match", "said": [...], "issued": [...], "targeted_by": [...],
    "told": [...], "cited_by": [...]}``: what it said or reported (claims and directives, with the
    cue, recipient and sentence), the directives it issued (with their targets) and those that
    bind it (with their issuers), whom it spoke to, and which outlets cite it, most often first.
    """
    actor, match = find_actor(store, name)
    ids = scoped_ids(store, actor)
    profile = named.run(store, "actor", {"actor_id": actor["id"]}).records()[0]
    profile["aliases"] = sorted(profile["aliases"] or [])
    for key in ("part_of", "units", "run_by", "located_in"):
        profile[key] = sorted(x for x in profile[key] if x)
    profile["anonymous"] = bool(profile["anonymous"])
    articles = Articles(store)
    statements = report_rows(store, source_ids=ids)
    articles.fetch(r["article_id"] for r in statements)
    said = [{"item": {"id": r["item_id"], "label": r["label"], "text": r["item"]}, **report(r, articles)}
            for r in statements]
    for s in said:
        del s["source"]
    issued = directive_events(store, named.run(store, "issued", {"actor_ids": ids, "directive_ids": []}).records(),
                              "targets", articles)
    targeted = directive_events(store, named.run(store, "targeted", {"actor_ids": ids}).records(), "issuers", articles)
    told = Counter((r["recipient_id"], r["recipient"], r["recipient_kind"]) for r in statements if r["recipient_id"])
    cited: dict[str, dict] = {}
    for r in statements:
        outlet = cited.setdefault(r["outlet"] or "(no outlet)", {"outlet": r["outlet"], "reports": 0, "articles": set()})
        outlet["reports"] += 1
        outlet["articles"].add(r["article_id"])
    cited_by = sorted(({"outlet": c["outlet"], "reports": c["reports"], "articles": len(c["articles"])}
                       for c in cited.values()), key=lambda c: (-c["reports"], -c["articles"], c["outlet"] or ""))
    return {"actor": {**profile, "ids": ids}, "match": match, "said": said, "issued": issued, "targeted_by": targeted,
            "told": [{**actor_ref(i, n, k), "reports": c} for (i, n, k), c in
                     sorted(told.items(), key=lambda x: (-x[1], x[0][1] or "", x[0][0]))],
            "cited_by": cited_by}
