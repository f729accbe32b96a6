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
from provkg.queries.common import Articles, Parents, sentence_with_cue
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
    told: dict[tuple[str, str], list] = {}      # (source, article) -> whom the source told there
    reprints: dict[str, list] = {}              # article -> what it reprints
    parents = Parents(store)
    reports = []
    for row in rows:
        art = row["article_id"]
        sentence = sentence_with_cue(row, articles)
        key = (row["source_id"], art)
        if key not in told:
            told[key] = [{"recipient_id": t["recipient_id"], "recipient": t["recipient"], "kind": t["recipient_kind"],
                          "part_of": (parents.of(t["recipient_id"]) or (None, None))[1],
                          "evidence": articles.evidence(art, t["start"], t["stop"], t["edge_id"])}
                         for t in named.run(store, "told", {"actor_id": row["source_id"], "article_ids": [art]}).records()]
        if art not in reprints:
            reprints[art] = [{"original": r["original"], "original_outlet": r["original_outlet"],
                              "original_article": r["original_id"] if r["original_title"] is not None else None,
                              "original_title": r["original_title"],
                              "evidence": articles.evidence(art, r["start"], r["stop"], r["edge_id"])}
                             for r in named.run(store, "reprints", {"article_id": art}).records()]
        reports.append({
            "source": {"id": row["source_id"], "name": row["source"], "kind": row["source_kind"],
                       "anonymous": bool(row["anonymous"]), "descriptor": row["descriptor"],
                       "affiliation": row["affiliation"], "location": row["location"]},
            "cue": row["cue"], "cue_lemma": row["cue_lemma"], "direct": bool(row["direct"]),
            "evidence": sentence, "told": told[key],
            "article": {"id": art, "title": row["title"], "outlet": row["outlet"],
                        "published": row["published"], "reprint_of": reprints[art]},
        })
    contradictions = []
    for c in named.run(store, "contradicting", {"claim_id": claim_id}).records():
        contradictions.append({"claim_id": c["claim_id"], "text": c["claim"], "basis": c["basis"],
                               "evidence": articles.evidence(c["article_id"], c["start"], c["stop"], c["edge_id"])})
    return {"claim": {"id": claim_id, "text": claim_rows[0][0], "kind": claim_rows[0][1]}, "match_score": score,
            "reports": reports, "contradictions": contradictions, "related": related}
