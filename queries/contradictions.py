"""Who contradicts whom, and on what: disputed claims with both sides' provenance.

>>> import tempfile, os
>>> from provkg.graph.store import open_store
>>> contradictions(open_store(os.path.join(tempfile.mkdtemp(), "c.lbug")))
{'count': 0, 'contradictions': [], 'denied': []}
"""
from __future__ import annotations

from provkg.queries import named
from provkg.queries.common import DENIAL_CUES, Articles, report, report_rows
from provkg.queries.origins import origins


def contradictions(store) -> dict:
    """Every CONTRADICTS edge, in date order, with both claims and who stands behind each, and every
    claim denied in the very words another article reports.

    ``{"count", "contradictions": [{"edge_id", "basis", "article", "evidence", "a": side, "b": side}],
    "denied": [side]}``; a side is ``{"id", "text", "kind", "origin_count", "reports": [...],
    "denials": [...]}``: the reports supporting the claim, the ones denying it, and its independent
    origins (:func:`provkg.queries.origins.origins`). A denial that repeats the report's words is the
    same Claim node as the report, so no CONTRADICTS edge can join them: ``denied`` lists such claims
    (those not already on a side of an edge), with both their reports and their denials.
    """
    articles = Articles(store)
    rows = named.run(store, "contradictions").records()
    on_edges = {r["a_id"] for r in rows} | {r["b_id"] for r in rows}
    by_claim = _claim_report_rows(store)
    denied = _denied_in_place(store, by_claim, exclude=on_edges)
    claim_ids = sorted(on_edges | set(denied))
    articles.fetch(r["article_id"] for cid in claim_ids for r in by_claim.get(cid, ()))
    reports = {cid: [report(r, articles) for r in by_claim.get(cid, ())] for cid in claim_ids}
    counts = {cid: origins(store, claim_id=cid)["origin_count"] for cid in claim_ids}
    articles.fetch(r["article_id"] for r in rows)

    def side(cid, text, kind):
        return {"id": cid, "text": text, "kind": kind, "origin_count": counts[cid],
                "reports": [r for r in reports[cid] if r["cue_lemma"] not in DENIAL_CUES],
                "denials": [r for r in reports[cid] if r["cue_lemma"] in DENIAL_CUES]}

    out = [{"edge_id": row["edge_id"], "basis": row["basis"], "article": articles.ref(row["article_id"]),
            "evidence": articles.evidence(row["article_id"], row["start"], row["stop"], row["edge_id"]),
            "a": side(row["a_id"], row["a_text"], row["a_kind"]),
            "b": side(row["b_id"], row["b_text"], row["b_kind"])} for row in rows]
    return {"count": len(out), "contradictions": out,
            "denied": [side(cid, text, kind) for cid, (text, kind) in denied.items()]}


def _claim_report_rows(store) -> dict[str, list[dict]]:
    """Every REPORTED edge to a claim (reports.cypher rows), by claim id, in date order: one read serves
    both the search for claims denied in place and the sides' reports."""
    by_claim: dict[str, list[dict]] = {}
    for row in report_rows(store):
        if row["label"] == "Claim":
            by_claim.setdefault(row["item_id"], []).append(row)
    return by_claim


def _denied_in_place(store, by_claim: dict[str, list[dict]], exclude: set[str]) -> dict[str, tuple[str, str]]:
    """``{claim id: (text, kind)}`` of the claims one article denies and another reports, in first-report order."""
    ids = [cid for cid, rs in by_claim.items() if cid not in exclude
           and any(d["cue_lemma"] in DENIAL_CUES and any(r["cue_lemma"] not in DENIAL_CUES and
                                                         r["article_id"] != d["article_id"] for r in rs) for d in rs)]
    if not ids:
        return {}
    kinds = dict(store.query("MATCH (c:Claim) WHERE c.id IN $ids RETURN c.id, c.kind", {"ids": ids}).rows)
    return {cid: (by_claim[cid][0]["item"], kinds[cid]) for cid in ids}
