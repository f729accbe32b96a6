"""Links that span articles, made after each batch is written (backend-neutral: plain Cypher).

- Reprints: a copy that names its original outlet gets ``REPRINT_OF`` to the original
  *article* once both are in the store (same title, or the original's paragraphs appear
  verbatim in the copy), whichever arrives first.
- Denials: a claim denied in one article ``CONTRADICTS`` a matching claim reported in another
  (basis ``denial``); the match is word overlap of the normalised texts (token-set ratio).
"""
from __future__ import annotations

from rapidfuzz import fuzz

from provkg.loaders.extraction import short_hash
from provkg.loaders.resolve import normalise

DENIAL_CUES = ["deny", "dispute", "reject", "refute", "contest", "dismiss"]
MATCH_THRESHOLD = 88.0


def link_reprints(store, article_ids: list[str]) -> int:
    """Add Article→Article REPRINT_OF for copies whose original article is ingested; returns links made."""
    rows = store.query(
        "MATCH (copy:Article)-[r:REPRINT_OF]->(o:Actor)-[:PUBLISHED]->(orig:Article) "
        "WHERE (copy.id IN $ids OR orig.id IN $ids) AND copy.id <> orig.id "
        "RETURN copy.id, copy.title, copy.text, orig.id, orig.title, orig.text, r.start, r.stop, r.original",
        {"ids": article_ids}).rows
    links = [{"src": c, "dst": o, "id": "e" + short_hash("REPRINT_OF", c, o), "article": c, "start": s, "stop": e,
              "original": name}
             for c, ct, ctext, o, ot, otext, s, e, name in rows if same_story(ct, ctext, ot, otext)]
    if links:
        store.query("UNWIND $rows AS row MATCH (a:Article {id: row.src}), (b:Article {id: row.dst}) "
                    "MERGE (a)-[r:REPRINT_OF {id: row.id}]->(b) ON CREATE SET r.article = row.article, "
                    "r.start = row.start, r.stop = row.stop, r.original = row.original", {"rows": links}, write=True)
    return len(links)


def same_story(title_a, text_a, title_b, text_b) -> bool:
    """Same normalised title, or the original's first long paragraphs appear verbatim in the copy."""
    if title_a and title_b and normalise(title_a) == normalise(title_b):
        return True
    body = [p for p in (text_b or "").split("\n") if len(p) > 80][:3]
    return bool(body) and all(p.strip() in (text_a or "") for p in body)


def link_denials(store, article_ids: list[str]) -> int:
    """CONTRADICTS between a claim denied in one article and the same claim reported in another."""
    denials = store.query(
        "MATCH (s:Actor)-[r:REPORTED]->(c:Claim) WHERE r.cue_lemma IN $cues "
        "RETURN c.id, c.text, r.article, r.start, r.stop", {"cues": DENIAL_CUES}).rows
    if not denials:
        return 0
    reported = store.query(
        "MATCH (s:Actor)-[r:REPORTED]->(c:Claim) WHERE NOT r.cue_lemma IN $cues AND "
        "(r.article IN $ids OR $whole_store) RETURN DISTINCT c.id, c.text, r.article",
        {"cues": DENIAL_CUES, "ids": article_ids, "whole_store": any(d[2] in article_ids for d in denials)}).rows
    links = []
    for denied_id, denied_text, article, start, stop in denials:
        for claim, text, claim_article in reported:
            if claim_article == article or claim == denied_id:
                continue
            if not (article in article_ids or claim_article in article_ids):
                continue
            if _same_claim(denied_text, text):
                links.append({"src": denied_id, "dst": claim, "id": "e" + short_hash("CONTRADICTS", denied_id, claim, article),
                              "article": article, "start": start, "stop": stop, "basis": "denial"})
    if links:
        store.query("UNWIND $rows AS row MATCH (a:Claim {id: row.src}), (b:Claim {id: row.dst}) "
                    "MERGE (a)-[r:CONTRADICTS {id: row.id}]->(b) ON CREATE SET r.article = row.article, "
                    "r.start = row.start, r.stop = row.stop, r.basis = row.basis", {"rows": links}, write=True)
    return len(links)


def _same_claim(a: str, b: str) -> bool:
    """A denial usually restates the claim, sometimes with more words around it."""
    na, nb = normalise(a), normalise(b)
    if min(len(na.split()), len(nb.split())) < 4:
        return False
    shorter, longer = sorted((na, nb), key=len)
    return fuzz.token_set_ratio(na, nb) >= MATCH_THRESHOLD or fuzz.partial_ratio(shorter, longer) >= 95
