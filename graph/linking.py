"""Links and counts that span articles, made after each batch is written (backend-neutral: plain Cypher).

- Reprints: a copy that names its original outlet gets ``REPRINT_OF`` to the original
  *article* once both are in the store (same title, or the original's paragraphs appear
  verbatim in the copy), whichever arrives first.
- Support: each Claim and Directive keeps how many of its reports (denials aside) come from
  named and from anonymous sources (``named_reports``, ``anonymous_reports``), so "what rests only
  on anonymous sources" is a property lookup instead of a scan of every report in the store.
- Denials: a claim denied in one article ``CONTRADICTS`` a matching claim reported in another
  (basis ``denial``); the match is word overlap of the normalised texts (token-set ratio).
"""
from __future__ import annotations

from collections import Counter

from rapidfuzz import fuzz

from provkg.loaders.extraction import short_hash
from provkg.loaders.resolve import normalise
from provkg.queries.search import STOPWORDS

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
    """CONTRADICTS between a claim denied in one article and the same claim reported in another.

    Only pairs with a side in ``article_ids`` are compared (the batch's denials against every
    report, the store's denials against the batch's reports), and only when the two texts share
    content words, so linking a batch costs in proportion to the batch, not to the store squared.
    """
    ids = list(article_ids)
    new_denials = _reports(store, "r.cue_lemma IN $cues AND r.article IN $ids", ids)
    new_reports = _reports(store, "NOT r.cue_lemma IN $cues AND r.article IN $ids", ids)
    old_denials = _reports(store, "r.cue_lemma IN $cues AND NOT r.article IN $ids", ids) if new_reports else []
    old_reports = _reports(store, "NOT r.cue_lemma IN $cues AND NOT r.article IN $ids", ids) if new_denials else []
    links = {}
    for denials, reports in ((new_denials, new_reports + old_reports), (old_denials, new_reports)):
        for denial, report in _overlapping(denials, reports):
            denied_id, _, article, start, stop = denial
            claim, claim_article = report[0], report[2]
            if claim_article == article or claim == denied_id or not _same_claim(denial[1], report[1]):
                continue
            edge = "e" + short_hash("CONTRADICTS", denied_id, claim, article)
            links.setdefault(edge, {"src": denied_id, "dst": claim, "id": edge, "article": article, "start": start,
                           "stop": stop, "basis": "denial"})
    if links:
        store.query("UNWIND $rows AS row MATCH (a:Claim {id: row.src}), (b:Claim {id: row.dst}) "
                    "MERGE (a)-[r:CONTRADICTS {id: row.id}]->(b) ON CREATE SET r.article = row.article, "
                    "r.start = row.start, r.stop = row.stop, r.basis = row.basis", {"rows": list(links.values())},
                    write=True)
    return len(links)


def _reports(store, where: str, ids: list[str]) -> list[tuple]:
    """(claim id, normalised claim text, article, start, stop) of the REPORTED edges matching ``where``."""
    rows = store.query(f"MATCH (s:Actor)-[r:REPORTED]->(c:Claim) WHERE {where} "
                       "RETURN DISTINCT c.id, c.text, r.article, r.start, r.stop",
                       {"cues": DENIAL_CUES, "ids": ids}).rows
    return [(claim, normalise(text or ""), article, start, stop) for claim, text, article, start, stop in rows]


def _overlapping(denials: list[tuple], reports: list[tuple]):
    """Pairs (denial, report) whose texts share content words: at least two, or all a short one has."""
    if not denials or not reports:
        return
    postings: dict[str, list[int]] = {}
    report_words = []
    for i, report in enumerate(reports):
        content = _content_words(report[1])
        report_words.append(len(content))
        for word in content:
            postings.setdefault(word, []).append(i)
    for denial in denials:
        content = _content_words(denial[1])
        shared = Counter(i for word in content for i in postings.get(word, ()))
        for i, count in shared.items():
            if count >= min(2, len(content), report_words[i]):
                yield denial, reports[i]


def _content_words(normalised: str) -> set[str]:
    return {w for w in normalised.split() if w not in STOPWORDS}


def _same_claim(a: str, b: str) -> bool:
    """Whether two normalised texts state the same claim; a denial usually restates it, sometimes with more words."""
    if min(len(a.split()), len(b.split())) < 4:
        return False
    shorter, longer = sorted((a, b), key=len)
    return fuzz.token_set_ratio(a, b) >= MATCH_THRESHOLD or fuzz.partial_ratio(shorter, longer) >= 95


SUPPORT = """
UNWIND $ids AS i
MATCH (x:{label} {{id: i}})
OPTIONAL MATCH (s:Actor)-[r:REPORTED]->(x)
WHERE coalesce(r.cue_lemma, '') <> 'deny'
WITH x, sum(CASE WHEN r IS NULL OR s.anonymous = true THEN 0 ELSE 1 END) AS named,
        sum(CASE WHEN r IS NOT NULL AND s.anonymous = true THEN 1 ELSE 0 END) AS anonymous
SET x.named_reports = named, x.anonymous_reports = anonymous
"""


def update_support(store, item_ids) -> None:
    """Recount ``named_reports``/``anonymous_reports`` of these Claim and Directive ids (missing ones are skipped)."""
    ids = sorted(set(item_ids))
    for label, prefix in (("Claim", "claim:"), ("Directive", "directive:")):
        mine = [i for i in ids if i.startswith(prefix)]
        if mine:
            store.query(SUPPORT.format(label=label), {"ids": mine}, write=True)


def reported_items(store, article_id: str) -> list[str]:
    """The Claim and Directive ids an article reports (their support changes when it goes)."""
    return [row[0] for row in store.query("MATCH (:Actor)-[r:REPORTED]->(x) WHERE r.article = $art RETURN DISTINCT x.id",
                                          {"art": article_id}).rows]
