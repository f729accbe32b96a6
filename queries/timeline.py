"""What happened, in order: dated statements and directives about an actor or a topic.

Events are ordered by their article's published date (undated articles last), then by article,
then by character offset within the article. A reprint is its own event on its own date: that is
when its readers heard it.

>>> import tempfile, os
>>> from provkg.graph.store import open_store
>>> timeline(open_store(os.path.join(tempfile.mkdtemp(), "t.lbug")), "checkpoints")["events"]
[]
"""
from __future__ import annotations

from provkg.errors import NotFoundError
from provkg.queries import named
from provkg.queries.common import (DENIAL_CUES, Articles, actor_ref, find_actor, order_key, report, report_rows,
                                   scoped_ids)
from provkg.queries.dossier import directive_events
from provkg.queries.search import search_claims

ACTOR_SCORE = 90.0   # in auto mode, a fuzzy actor match this good means the subject is that actor
TOPIC_SPREAD = 20.0  # a topic is the best matching claims/directives: within this many points of the best


def _statement(row: dict, articles: Articles) -> dict:
    rep = report(row, articles)
    kind = "denied" if row["cue_lemma"] in DENIAL_CUES else ("reported directive" if row["label"] == "Directive" else "said")
    return {"date": row["published"], "article": rep["article"], "event": kind,
            "actor": {k: rep["source"][k] for k in ("id", "name", "kind")}, "cue": row["cue"],
            "item": {"id": row["item_id"], "label": row["label"], "text": row["item"]},
            "counterpart": rep["recipient"], "evidence": rep["evidence"]}


def _directive(ev: dict, kind: str, actor: dict | None, counterpart: list[dict]) -> dict:
    return {"date": ev["article"]["published"], "article": ev["article"], "event": kind, "actor": actor,
            "cue": None, "item": {"id": ev["directive"]["id"], "label": "Directive", "text": ev["directive"]["text"]},
            "counterpart": counterpart[0] if len(counterpart) == 1 else (counterpart or None),
            "evidence": ev["evidence"]}


def timeline(store, subject: str, mode: str = "auto") -> dict:
    """Events about ``subject``: an actor (``mode="actor"``), a topic (``"topic"``) or whichever fits.

    In ``auto`` mode the subject is an actor when it names one (by id, the Name index or a fuzzy
    match scoring >= 90), else a topic: the claims and directives whose words match it.
    Actor events: what it said, denied or reported, the directives it issued and those targeting it
    (``actor`` is always the subject; ``counterpart`` the recipient, the targets or the issuers).
    Topic events: every report of the matching claims and directives (those scoring within 20
    points of the best match, see :func:`provkg.queries.search.search_claims`), their issuance,
    and the contradictions that dispute them.
    ``{"subject": {"kind", ...}, "events": [{"date", "article", "event", "actor", "cue", "item",
    "counterpart", "evidence"}]}``.
    """
    articles = Articles(store)
    actor = match = None
    if mode in ("auto", "actor"):
        try:
            actor, match = find_actor(store, subject)
        except NotFoundError:
            if mode == "actor":
                raise
        if mode == "auto" and match and match["rule"] == "fuzzy" and match["score"] < ACTOR_SCORE:
            actor = match = None
    events = []
    if actor is not None:
        ids = scoped_ids(store, actor)
        me = actor_ref(actor["id"], actor["name"], actor["kind"])
        rows = report_rows(store, source_ids=ids)
        articles.fetch(r["article_id"] for r in rows)
        events += [_statement(r, articles) for r in rows]
        for ev in directive_events(store, named.run(store, "issued", {"actor_ids": ids, "directive_ids": []}).records(),
                                   "targets", articles):
            events.append(_directive(ev, "issued", me, ev["targets"]))
        for ev in directive_events(store, named.run(store, "targeted", {"actor_ids": ids}).records(), "issuers",
                                   articles):
            events.append(_directive(ev, "targeted by", me, ev["issuers"]))
        head = {"kind": "actor", "actor": me, "match": match}
    else:
        hits = search_claims(store, subject, limit=10)
        hits = [h for h in hits if h.score >= hits[0].score - TOPIC_SPREAD]
        head = {"kind": "topic", "query": subject,
                "matches": [{"id": h.id, "label": h.label, "text": h.text, "score": h.score} for h in hits]}
        item_ids = [h.id for h in hits]
        rows = report_rows(store, item_ids=item_ids) if item_ids else []
        articles.fetch(r["article_id"] for r in rows)
        events += [_statement(r, articles) for r in rows]
        directive_ids = [h.id for h in hits if h.label == "Directive"]
        if directive_ids:
            issued = named.run(store, "issued", {"actor_ids": [], "directive_ids": directive_ids}).records()
            for ev in directive_events(store, issued, "targets", articles):
                row_issuer = [r for r in issued if r["edge_id"] == ev["edge_id"]][0]
                events.append(_directive(ev, "issued", actor_ref(row_issuer["issuer_id"], row_issuer["issuer"],
                                                                 row_issuer["issuer_kind"]), ev["targets"]))
        for h in hits:
            if h.label != "Claim":
                continue
            for c in named.run(store, "contradicting", {"claim_id": h.id}).records():
                art = articles.ref(c["article_id"])
                events.append({"date": art["published"], "article": art, "event": "contradicted", "actor": None,
                               "cue": c["basis"], "item": {"id": h.id, "label": "Claim", "text": h.text},
                               "counterpart": {"id": c["claim_id"], "name": c["claim"], "kind": "claim"},
                               "evidence": articles.evidence(c["article_id"], c["start"], c["stop"], c["edge_id"])})
    unique = {}
    for e in events:
        unique.setdefault((e["event"], e["evidence"]["edge_id"]), e)
    events = list(unique.values())
    events.sort(key=lambda e: (*order_key(e["date"], e["article"]["id"], e["evidence"]["start"], e["evidence"]["edge_id"]),
                               e["item"]["id"]))
    return {"subject": head, "events": events}
