"""Who contradicts whom, and on what: disputed claims with both sides' provenance.

>>> import tempfile, os
>>> from provkg.graph.store import open_store
>>> contradictions(open_store(os.path.join(tempfile.mkdtemp(), "c.lbug")))
{'count': 0, 'contradictions': []}
"""
from __future__ import annotations

from provkg.queries import named
from provkg.queries.common import DENIAL_CUES, Articles, reports_of
from provkg.queries.origins import origins


def contradictions(store) -> dict:
    """Every CONTRADICTS edge, in date order, with both claims and who stands behind each.

    ``{"count", "contradictions": [{"edge_id", "basis", "article", "evidence", "a": side, "b": side}]}``;
    a side is ``{"id", "text", "kind", "origin_count", "reports": [...], "denials": [...]}``:
    the reports supporting the claim, the ones denying it, and its independent origins
    (:func:`provkg.queries.origins.origins`).
    """
    articles = Articles(store)
    rows = named.run(store, "contradictions").records()
    claim_ids = sorted({r["a_id"] for r in rows} | {r["b_id"] for r in rows})
    reports = reports_of(store, claim_ids, articles)
    counts = {cid: origins(store, claim_id=cid)["origin_count"] for cid in claim_ids}
    articles.fetch(r["article_id"] for r in rows)

    def side(row, key):
        cid = row[f"{key}_id"]
        return {"id": cid, "text": row[f"{key}_text"], "kind": row[f"{key}_kind"], "origin_count": counts[cid],
                "reports": [r for r in reports[cid] if r["cue_lemma"] not in DENIAL_CUES],
                "denials": [r for r in reports[cid] if r["cue_lemma"] in DENIAL_CUES]}

    out = [{"edge_id": row["edge_id"], "basis": row["basis"], "article": articles.ref(row["article_id"]),
            "evidence": articles.evidence(row["article_id"], row["start"], row["stop"], row["edge_id"]),
            "a": side(row, "a"), "b": side(row, "b")} for row in rows]
    return {"count": len(out), "contradictions": out}
