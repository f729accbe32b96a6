"""Which claims and directives rest only on anonymous sources, and who are those sources?

An item "rests only on anonymous sources" when it has at least one supporting report and every
supporting report (any cue but a denial) comes from an anonymous source. Answers are grouped by
the outlet whose article carries the anonymous report, so an item reprinted by three outlets
appears under each, with that outlet's own source description.

>>> import tempfile, os
>>> from provkg.graph.store import open_store
>>> anonymous_only(open_store(os.path.join(tempfile.mkdtemp(), "a.lbug")))
{'item_count': 0, 'outlets': []}
"""
from __future__ import annotations

from provkg.queries import named
from provkg.queries.common import Articles, order_key, report

NO_OUTLET = "(no outlet)"


def anonymous_only(store) -> dict:
    """``{"item_count": n, "outlets": [{"outlet", "items": [{"id", "label", "text", "sources": [...]}]}]}``.

    Each source is a report: the anonymous source (descriptor, affiliation, location), the cue,
    whom it was told to, the article and the evidence sentence. Outlets are in name order; items
    in the order they first appear in that outlet's articles.
    """
    articles = Articles(store)
    rows = named.run(store, "anonymous").records()
    articles.fetch(r["article_id"] for r in rows)
    rows.sort(key=lambda r: (r["outlet"] or "\uffff", *order_key(r["published"], r["article_id"], r["start"], r["edge_id"])))
    outlets: dict[str, dict[str, dict]] = {}
    for row in rows:
        items = outlets.setdefault(row["outlet"] or NO_OUTLET, {})
        item = items.setdefault(row["item_id"], {"id": row["item_id"], "label": row["label"], "text": row["item"],
                                                 "sources": []})
        item["sources"].append(report(row, articles))
    return {"item_count": len({r["item_id"] for r in rows}),
            "outlets": [{"outlet": outlet, "items": list(items.values())} for outlet, items in outlets.items()]}
