"""Which claims and directives rest only on anonymous sources, and who are those sources?

An item "rests only on anonymous sources" when it has at least one supporting report and every
supporting report (any cue but a denial) comes from an anonymous source. Answers are grouped by
the outlet whose article carries the anonymous report, so an item reprinted by three outlets
appears under each, with that outlet's own source description.

>>> import tempfile, os
>>> from provkg.graph.store import open_store
>>> anonymous_only(open_store(os.path.join(tempfile.mkdtemp(), "a.lbug")))
{'item_count': 0, 'item_total': 0, 'outlets': []}
"""
from __future__ import annotations

from provkg.queries.common import Articles, order_key, report

NO_OUTLET = "(no outlet)"
DEFAULT_LIMIT = 100
"""Items answered by default: those with the most anonymous reports (``limit=None`` for all)."""
ALL = 2 ** 62


ANONYMOUS_ONLY = "x.named_reports = 0 AND x.anonymous_reports > 0"
ITEMS = (f"MATCH (x:Claim|Directive) WHERE {ANONYMOUS_ONLY} "
         "RETURN x.id ORDER BY x.anonymous_reports DESC, x.id LIMIT $limit")
ITEM_REPORTS = """MATCH (s:Actor)-[r:REPORTED]->(x:{label} {{id: $id}})
WHERE coalesce(r.cue_lemma, '') <> 'deny'
RETURN '{label}' AS label, x.id AS item_id, x.text AS item,
       s.id AS source_id, s.name AS source, s.kind AS source_kind, s.anonymous AS source_anonymous,
       s.descriptor AS descriptor, s.affiliation AS affiliation, s.location AS location,
       r.cue AS cue, r.cue_lemma AS cue_lemma, r.cue_start AS cue_start, r.cue_stop AS cue_stop,
       r.direct AS direct, r.recipient AS recipient_id, r.id AS edge_id,
       r.article AS article_id, r.start AS start, r.stop AS stop"""


def anonymous_only(store, limit: int | None = DEFAULT_LIMIT) -> dict:
    """``{"item_count": n, "item_total": m, "outlets": [{"outlet", "items": [{"id", "label", "text", "sources": [...]}]}]}``.

    ``item_total`` items rest only on anonymous sources; the ``item_count`` answered are the
    ``limit`` with the most anonymous reports (all when ``limit`` is None). Each source is a
    report: the anonymous source (descriptor, affiliation, location), the cue, whom it was told
    to, the article and the evidence sentence. Outlets are in name order; items in the order they
    first appear in that outlet's articles.

    The answer is the named query ``anonymous.cypher``'s, computed from lookups by id (the items,
    then each item's reports, articles and recipients), which stay fast on large stores where one
    statement would join every report to the Actor table.
    """
    rows = []
    for (item_id,) in store.query(ITEMS, {"limit": ALL if limit is None else limit}).rows:
        label = "Directive" if item_id.startswith("directive:") else "Claim"
        rows += store.query(ITEM_REPORTS.format(label=label), {"id": item_id}).records()
    recipients = {i: (name, kind) for i, name, kind in store.query(
        "UNWIND $ids AS i MATCH (a:Actor {id: i}) RETURN a.id, a.name, a.kind",
        {"ids": sorted({r["recipient_id"] for r in rows if r["recipient_id"]})}).rows}
    articles = Articles(store)
    articles.fetch(r["article_id"] for r in rows)
    for row in rows:
        if row["recipient_id"] not in recipients:
            row["recipient_id"] = None
        row["recipient"], row["recipient_kind"] = recipients.get(row["recipient_id"], (None, None))
        article = articles.get(row["article_id"])
        row["outlet"], row["published"] = article["outlet"], article["published"]
    total = store.query(f"MATCH (x:Claim|Directive) WHERE {ANONYMOUS_ONLY} RETURN count(*)").rows[0][0]
    answer = by_outlet(rows, articles)
    return {"item_count": answer["item_count"], "item_total": total, "outlets": answer["outlets"]}


def by_outlet(rows: list[dict], articles: Articles) -> dict:
    """Rows of ``anonymous.cypher`` grouped as :func:`anonymous_only` answers (without ``item_total``)."""
    articles.fetch(r["article_id"] for r in rows)
    rows = sorted(rows, key=lambda r: (r["outlet"] or "\uffff",
                                       *order_key(r["published"], r["article_id"], r["start"], r["edge_id"])))
    outlets: dict[str, dict[str, dict]] = {}
    for row in rows:
        items = outlets.setdefault(row["outlet"] or NO_OUTLET, {})
        item = items.setdefault(row["item_id"], {"id": row["item_id"], "label": row["label"], "text": row["item"],
                                                 "sources": []})
        item["sources"].append(report(row, articles))
    return {"item_count": len({r["item_id"] for r in rows}),
            "outlets": [{"outlet": outlet, "items": list(items.values())} for outlet, items in outlets.items()]}
