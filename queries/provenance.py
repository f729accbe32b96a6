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
from provkg.queries.search import search_claims


def article_text(store, article_id: str, cache: dict) -> str:
    if article_id not in cache:
        rows = store.query("MATCH (a:Article {id: $id}) RETURN a.text", {"id": article_id}).rows
        cache[article_id] = rows[0][0] if rows else ""
    return cache[article_id]


def evidence(text: str, start: int, stop: int, article_id: str, edge_id: str | None = None) -> dict:
    """The evidence of one hop: where it is and the exact words."""
    return {"edge_id": edge_id, "article_id": article_id, "start": start, "stop": stop, "text": text[start:stop]}


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
    texts: dict[str, str] = {}
    reports = []
    for row in named.run(store, "provenance", {"claim_id": claim_id}).records():
        body = article_text(store, row["article_id"], texts)
        sentence = evidence(body, row["start"], row["stop"], row["article_id"], row["edge_id"])
        sentence["cue"] = {"start": row["cue_start"], "stop": row["cue_stop"], "text": body[row["cue_start"]:row["cue_stop"]]}
        told = [{"recipient_id": t["recipient_id"], "recipient": t["recipient"], "kind": t["recipient_kind"],
                 "part_of": t["part_of"], "evidence": evidence(article_text(store, t["article_id"], texts), t["start"],
                                                              t["stop"], t["article_id"], t["edge_id"])}
                for t in named.run(store, "told", {"actor_id": row["source_id"]}).records()]
        reprints = [{"original": r["original"], "original_outlet": r["original_outlet"],
                     "original_article": r["original_id"] if r["original_title"] is not None else None,
                     "original_title": r["original_title"],
                     "evidence": evidence(body, r["start"], r["stop"], row["article_id"], r["edge_id"])}
                    for r in named.run(store, "reprints", {"article_id": row["article_id"]}).records()]
        reports.append({
            "source": {"id": row["source_id"], "name": row["source"], "kind": row["source_kind"],
                       "anonymous": bool(row["anonymous"]), "descriptor": row["descriptor"],
                       "affiliation": row["affiliation"], "location": row["location"]},
            "cue": row["cue"], "cue_lemma": row["cue_lemma"], "direct": bool(row["direct"]),
            "evidence": sentence, "told": told,
            "article": {"id": row["article_id"], "title": row["title"], "outlet": row["outlet"],
                        "published": row["published"], "reprint_of": reprints},
        })
    contradictions = []
    for c in named.run(store, "contradicting", {"claim_id": claim_id}).records():
        body = article_text(store, c["article_id"], texts)
        contradictions.append({"claim_id": c["claim_id"], "text": c["claim"], "basis": c["basis"],
                               "evidence": evidence(body, c["start"], c["stop"], c["article_id"], c["edge_id"])})
    return {"claim": {"id": claim_id, "text": claim_rows[0][0], "kind": claim_rows[0][1]}, "match_score": score,
            "reports": reports, "contradictions": contradictions, "related": related}
