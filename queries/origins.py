"""How many independent origins does a claim have, once reprints and shared sources collapse?

The algorithm (:func:`origins`), over the reports of one claim (its REPORTED edges):

1. **Denials are set aside.** A report whose cue lemma is ``deny`` ("the ministry denied that
   ...") is provenance *against* the claim: listed under ``denials``, never an origin.
2. **Each report gets a channel**: the outlet (or person) that first heard the source.
   It is the report's recipient when the source told someone ("told the Northern Courier"),
   lifted to the top of its ``PART_OF`` chain ("RFA's Korean Service" → Radio Free Asia);
   otherwise the *story outlet*: follow the article's ``REPRINT_OF`` chain (``*1..8``) to the
   original ingested article and take the outlet that original credits or, failing that, its
   publisher; an article that is no reprint is its own original. With no outlet at all the
   article itself is the channel.
3. **Relays are not origins.** A report whose source *O* (lifted to the top of its ``PART_OF``
   chain) is the channel of another source's report of the claim only passes on what *O* was
   told ("the Northern Courier reported that ..." when an official told the Northern Courier):
   it is attached (under ``relays``) to every origin with a report through *O* (or through a relay
   of one). If nothing else came through *O*, *O* itself is the earliest known origin and counts.
4. **Union-find over the remaining (first-hand) reports**, two reports being one origin when
   (R1) they have the same source actor: named actors are resolved across articles, so a named
   person quoted by two outlets or in every copy of a reprint is one origin; or
   (R2) both sources are anonymous, they share a channel, their profiles agree (affiliation and
   location: equal, or one's words contained in the other's, where both are given) and they are
   in different articles: the same unnamed person copied in a reprint (same story outlet) or
   re-quoted by another outlet citing the outlet they spoke to (the recipient). Anonymous
   sources are scoped to their article in the store, so R2 is the only way they meet.
   Constraint: two different sources in the same article are never one origin (the article
   itself tells them apart). R2 joins are made greedily in date order (published date, article,
   offset), each anonymous source joining the earliest compatible origin, so the result is
   deterministic.
5. The origins are the union-find classes, ordered by their first report; an origin is
   ``anonymous`` when all its sources are. The count is conservative: anonymous sources that
   cannot be told apart through one channel are counted once.

Every report is tagged with ``via``: ``first-hand`` (the source in the outlet's own story),
``reprint`` (the article is a copy), ``re-quote`` (the source told another outlet than the one
publishing the article) or ``relay``.

>>> import tempfile, os
>>> from provkg.graph.store import open_store
>>> origins(open_store(os.path.join(tempfile.mkdtemp(), "o.lbug")), "anything")
Traceback (most recent call last):
...
provkg.errors.NotFoundError: no claim matches 'anything'; try other words, or provkg stats to see what is stored
"""
from __future__ import annotations

from provkg.loaders.resolve import normalise
from provkg.queries import named
from provkg.queries.common import DENIAL_CUES, Articles, Parents, find_claim, order_key, report

PROFILE_FIELDS = ("affiliation", "location")


def _compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    wa, wb = set(normalise(a).split()), set(normalise(b).split())
    return wa <= wb or wb <= wa


def _hops(row: dict) -> tuple[int, int]:
    return row["root_hops"] or 0, row["recipient_hops"] or 0


def _channel(row: dict) -> tuple[str, str | None]:
    if row["told_id"]:
        return row["told_id"], row["told"]
    if row["story_outlet_id"]:
        return row["story_outlet_id"], row["story_outlet"]
    return f"article:{row['article_id']}", None


def _via(row: dict) -> str:
    if row["root_article_id"] or row["credited_id"]:
        return "reprint"
    if row["told_id"] and row["told_id"] not in (row["publisher_id"], row["story_outlet_id"]):
        return "re-quote"
    return "first-hand"


class _Origins:
    """Union-find over source units, with the same-article constraint."""

    def __init__(self):
        self.parent: dict[str, str] = {}
        self.members: dict[str, list[str]] = {}

    def add(self, unit: str) -> None:
        self.parent[unit] = unit
        self.members[unit] = [unit]

    def find(self, unit: str) -> str:
        while self.parent[unit] != unit:
            self.parent[unit] = self.parent[self.parent[unit]]
            unit = self.parent[unit]
        return unit

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra
            self.members[ra] += self.members.pop(rb)


def origins(store, text: str | None = None, claim_id: str | None = None) -> dict:
    """The independent origins of the claim best matching ``text`` (or the claim ``claim_id``).

    Returns ``{"claim", "match_score", "related", "origin_count", "anonymous_origin_count",
    "report_count", "origins": [...], "denials": [...]}``; each origin is ``{"origin": n,
    "anonymous", "sources", "channels", "first_reported", "reports", "relays"}`` and each report
    carries its ``via``, article and evidence sentence. See the module docstring for the rules.
    """
    claim, score, related = find_claim(store, text, claim_id)
    articles = Articles(store)
    records = named.run(store, "origins", {"claim_id": claim["id"]}).records()
    deepest: dict[str, tuple] = {}  # each chain comes back step by step: keep the rows that reach its end
    for row in records:
        deepest[row["edge_id"]] = max(deepest.get(row["edge_id"], (0, 0)), _hops(row))
    rows, seen, parents = [], set(), Parents(store)
    for row in records:
        if row["edge_id"] not in seen and _hops(row) == deepest[row["edge_id"]]:
            seen.add(row["edge_id"])  # optional matches can repeat a report; the first row is canonical
            # a source's top body is followed hop by hop, not joined into origins.cypher (see Parents)
            rows.append({**row, "source_outlet_id": parents.top(row["source_id"])})
    articles.fetch(r["article_id"] for r in rows)
    rows.sort(key=lambda r: order_key(r["published"], r["article_id"], r["start"], r["edge_id"]))

    denials = [r for r in rows if r["cue_lemma"] in DENIAL_CUES]
    support = [r for r in rows if r["cue_lemma"] not in DENIAL_CUES]
    channel = {r["edge_id"]: _channel(r) for r in support}
    partners = {r["edge_id"]: {o["edge_id"] for o in support if o["source_id"] != r["source_id"]
                               and channel[o["edge_id"]][0] == r["source_outlet_id"]} for r in support}
    candidates = {e for e, p in partners.items() if p}
    relay_ids: set[str] = set()
    while True:  # a relay must lead, maybe through other relays, to a report that is not one
        grounded = {e for e in candidates - relay_ids if partners[e] & ((set(partners) - candidates) | relay_ids)}
        if not grounded:
            break
        relay_ids |= grounded
    relays = [r for r in support if r["edge_id"] in relay_ids]
    first_hand = [r for r in support if r["edge_id"] not in relay_ids]

    # R1: a unit is one source actor (all its reports); units are added in date order.
    uf = _Origins()
    unit_rows: dict[str, list[dict]] = {}
    for r in first_hand:
        if r["source_id"] not in unit_rows:
            uf.add(r["source_id"])
            unit_rows[r["source_id"]] = []
        unit_rows[r["source_id"]].append(r)

    def unit_articles(root):
        return {(row["article_id"], row["source_id"]) for u in uf.members[root] for row in unit_rows[u]}

    # R2: an anonymous unit joins the earliest compatible anonymous origin sharing a channel.
    for unit, urows in unit_rows.items():
        if not urows[0]["source_anonymous"]:
            continue
        mine = {channel[r["edge_id"]][0] for r in urows}
        for other in list(unit_rows)[:list(unit_rows).index(unit)]:
            root = uf.find(other)
            if root == uf.find(unit) or not unit_rows[root][0]["source_anonymous"]:
                continue
            group = [row for u in uf.members[root] for row in unit_rows[u]]
            if not mine & {channel[row["edge_id"]][0] for row in group}:
                continue
            if not all(_compatible(row[f], r[f]) for row in group for r in urows for f in PROFILE_FIELDS):
                continue
            if any(a == art and s != unit for a, s in unit_articles(root) for art in {r["article_id"] for r in urows}):
                continue
            uf.union(root, unit)
            break

    answer = []
    for root in [u for u in unit_rows if uf.find(u) == u]:
        group = sorted((row for u in uf.members[root] for row in unit_rows[u]),
                       key=lambda r: order_key(r["published"], r["article_id"], r["start"], r["edge_id"]))
        channels = {channel[r["edge_id"]] for r in group}
        reached = {r["edge_id"] for r in group}
        while True:  # relays of this origin's reports, then relays of those relays
            more = {e for e in relay_ids - reached if partners[e] & reached}
            if not more:
                break
            reached |= more
        attached = [r for r in relays if r["edge_id"] in reached]
        sources, ids = [], set()
        for r in group:
            if r["source_id"] not in ids:
                ids.add(r["source_id"])
                sources.append(report(r, articles)["source"])
        answer.append({
            "anonymous": all(s["anonymous"] for s in sources),
            "sources": sources,
            "channels": [{"id": cid, "name": cname} for cid, cname in sorted(channels, key=lambda c: (c[1] or "", c[0]))],
            "first_reported": articles.ref(group[0]["article_id"]),
            "reports": [{**report(r, articles), "via": _via(r)} for r in group],
            "relays": [{**report(r, articles), "via": "relay"} for r in attached],
        })
    answer.sort(key=lambda o: order_key(o["reports"][0]["article"]["published"], o["reports"][0]["article"]["id"],
                                        o["reports"][0]["evidence"]["start"], o["reports"][0]["edge_id"]))
    for n, origin in enumerate(answer, 1):
        origin["origin"] = n
    return {"claim": claim, "match_score": score, "related": related,
            "origin_count": len(answer), "anonymous_origin_count": sum(o["anonymous"] for o in answer),
            "report_count": len(support), "origins": [{"origin": o.pop("origin"), **o} for o in answer],
            "denials": [report(r, articles) for r in denials]}
