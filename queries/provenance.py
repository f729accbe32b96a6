"""Where does a claim come from? Its whole chain, hop by hop, each with its evidence span.

>>> import tempfile, os
>>> from provkg.graph.store import open_store
>>> provenance(open_store(os.path.join(tempfile.mkdtemp(), "p.lbug")), "no such claim")
Traceback (most recent call last):
...
provkg.errors.NotFoundError: no claim matches 'no such claim'; try other words, or provkg stats to see what is stored
"""
from __future__ import annotations

from provkg.errors import NotFoundError
from provkg.queries import named
from provkg.queries.common import Articles
from provkg.queries.search import search_claims


def provenance(store, text: str | None = None, claim_id: str | None = None) -> dict:
    """The chain behind the claim best matching ``text`` (or the claim ``claim_id``).

    Returns ``{"claim": {...}, "match_score": s, "reports": [...], "contradictions": [...], "related": [...]}``;
    each report is one source reporting the claim in one article, with the recipient it told,
    the article, its outlet and what that article reprints.
    """
    related = []
    score = None
    if claim_id is None:
        hits = search_claims(store, text or "", limit=5, labels=("Claim",))
        if not hits:
            raise NotFoundError(f"no claim matches {text!r}; try other words, or provkg stats to see what is stored")
        claim_id, score = hits[0].id, hits[0].score
        related = [{"claim_id": h.id, "text": h.text, "score": h.score} for h in hits[1:]]
    claim_rows = store.query("MATCH (c:Claim {id: $id}) RETURN c.text, c.kind", {"id": claim_id}).rows
    if not claim_rows:
        raise NotFoundError(f"no claim with id {claim_id!r}")
    rows = named.run(store, "provenance", {"claim_id": claim_id}).records()
    articles = Articles(store)
    articles.fetch(row["article_id"] for row in rows)
    reports: dict[str, dict] = {}
    for row in rows:
        report = reports.get(row["edge_id"])
        if report is None:
            sentence = articles.evidence(row["article_id"], row["start"], row["stop"], row["edge_id"])
            cue = articles.evidence(row["article_id"], row["cue_start"], row["cue_stop"])
            sentence["cue"] = {"start": cue["start"], "stop": cue["stop"], "text": cue["text"]}
            report = reports[row["edge_id"]] = {
                "source": {"id": row["source_id"], "name": row["source"], "kind": row["source_kind"],
                           "anonymous": bool(row["anonymous"]), "descriptor": row["descriptor"],
                           "affiliation": row["affiliation"], "location": row["location"]},
                "cue": row["cue"], "cue_lemma": row["cue_lemma"], "direct": bool(row["direct"]),
                "evidence": sentence, "told": [],
                "article": {"id": row["article_id"], "title": row["title"], "outlet": row["outlet"],
                            "published": row["published"], "reprint_of": []},
            }
        told_ids = [t["evidence"]["edge_id"] for t in report["told"]]
        if row["told_edge_id"] is not None and row["told_edge_id"] not in told_ids:
            report["told"].append({"recipient_id": row["told_id"], "recipient": row["told"], "kind": row["told_kind"],
                                   "part_of": row["told_part_of"],
                                   "evidence": articles.evidence(row["article_id"], row["told_start"],
                                                                 row["told_stop"], row["told_edge_id"])})
        reprints = report["article"]["reprint_of"]
        if row["reprint_edge_id"] is not None and row["reprint_edge_id"] not in [r["evidence"]["edge_id"] for r in reprints]:
            reprints.append({"original": row["original"], "original_outlet": row["original_outlet"],
                             "original_article": row["original_id"] if row["original_title"] is not None else None,
                             "original_title": row["original_title"],
                             "evidence": articles.evidence(row["article_id"], row["reprint_start"],
                                                           row["reprint_stop"], row["reprint_edge_id"])})
    contradictions = []
    for c in named.run(store, "contradicting", {"claim_id": claim_id}).records():
        contradictions.append({"claim_id": c["claim_id"], "text": c["claim"], "basis": c["basis"],
                               "evidence": articles.evidence(c["article_id"], c["start"], c["stop"], c["edge_id"])})
    return {"claim": {"id": claim_id, "text": claim_rows[0][0], "kind": claim_rows[0][1]}, "match_score": score,
            "reports": list(reports.values()), "contradictions": contradictions, "related": related}
