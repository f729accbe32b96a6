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

from provkg.queries import named
from provkg.queries.common import Articles, order_key, report

NO_OUTLET = "(no outlet)"
DEFAULT_LIMIT = 100
"""Items answered by default: those with the most anonymous reports (``limit=None`` for all)."""
ALL = 2 ** 62


def anonymous_only(store, limit: int | None = DEFAULT_LIMIT) -> dict:
    """``{"item_count": n, "item_total": m, "outlets": [{"outlet", "items": [{"id", "label", "text", "sources": [...]}]}]}``.

    ``item_total`` items rest only on anonymous sources; the ``item_count`` answered are the
    ``limit`` with the most anonymous reports (all when ``limit`` is None). Each source is a report: the anonymous source (descriptor, affiliation, location), the cue,
    whom it was told to, the article and the evidence sentence. Outlets are in name order; items
    in the order they first appear in that outlet's articles.
    """
    articles = Articles(store)
    rows = named.run(store, "anonymous", {"limit": ALL if limit is None else limit}).records()
    total = store.query("MATCH (x:Claim|Directive) WHERE x.named_reports = 0 AND x.anonymous_reports > 0 "
                        "RETURN count(*)").rows[0][0]
    articles.fetch(r["article_id"] for r in rows)
    rows.sort(key=lambda r: (r["outlet"] or "\uffff", *order_key(r["published"], r["article_id"], r["start"], r["edge_id"])))
    outlets: dict[str, dict[str, dict]] = {}
    for row in rows:
        items = outlets.setdefault(row["outlet"] or NO_OUTLET, {})
        item = items.setdefault(row["item_id"], {"id": row["item_id"], "label": row["label"], "text": row["item"],
                                                 "sources": []})
        item["sources"].append(report(row, articles))
    return {"item_count": len({r["item_id"] for r in rows}), "item_total": total,
            "outlets": [{"outlet": outlet, "items": list(items.values())} for outlet, items in outlets.items()]}
