"""Turn one extraction record into the node and relationship rows a store upserts.

Both store backends write exactly these rows, so the graph is the same on every engine.
Node rows are ``{label: [props]}``; relationship rows carry their endpoints' labels and keys
and the evidence (``article``, ``start``, ``stop``) the model requires on every edge.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone

from provkg import EXTRACTOR_VERSION
from provkg.loaders.extraction import short_hash
from provkg.loaders.resolve import Decision, actor_id, is_named, name_keys, normalise, resolve


@dataclass
class GraphRows:
    """Rows for one article, ready for ``Store.write``."""

    article_id: str
    nodes: dict[str, dict[str, dict]] = field(default_factory=lambda: defaultdict(dict))
    rels: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))
    decisions: list[Decision] = field(default_factory=list)
    new_aliases: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def node(self, label: str, key: str, **props) -> str:
        """Add (or complete) a node row; the first non-empty value of a property wins."""
        row = self.nodes[label].setdefault(key, {"id": key} if label not in ("Name", "StoreInfo") else {"key": key})
        for name, value in props.items():
            if row.get(name) in (None, "", []) and value not in (None, ""):
                row[name] = value
        return key

    def rel(self, rel_type: str, src: tuple[str, str], dst: tuple[str, str], span: tuple[int, int], **props) -> None:
        """Add an edge with its evidence span; its id is stable across re-ingests."""
        start, stop = span
        edge_id = "e" + short_hash(rel_type, src[1], dst[1], self.article_id, start, stop, props.get("attribution", ""))
        self.rels[rel_type].append({"src_label": src[0], "src": src[1], "dst_label": dst[0], "dst": dst[1],
                                    "props": {"id": edge_id, "article": self.article_id, "start": start, "stop": stop,
                                              **props}})

    def count(self) -> int:
        return sum(len(v) for v in self.nodes.values()) + sum(len(v) for v in self.rels.values())


def claim_id(text: str) -> str:
    """Claims are identified by their normalised words, so reprints share them.

    >>> claim_id("“Police were told to be nicer,”") == claim_id("that police were told to be nicer")
    True
    """
    words = normalise(text)
    return "claim:" + short_hash(words[5:] if words.startswith("that ") else words)


def directive_id(text: str) -> str:
    return "directive:" + short_hash(normalise(text))


def place_id(name: str) -> str:
    return "place:" + short_hash(normalise(name))


_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(%|percent|million|billion|thousand)?")


def _figure(text: str) -> tuple[float | None, str | None]:
    match = _NUMBER.search(text)
    if not match:
        return None, None
    try:
        return float(match.group(1).replace(",", "")), match.group(2)
    except ValueError:
        return None, None


def build_rows(record: dict, lookup, ingested_at: str | None = None) -> GraphRows:
    """Rows for one ``provkg extract`` record; ``lookup(keys) -> {key: actor_id}`` resolves names."""
    doc = record["document"]
    text = doc["text"]
    art = doc["id"]
    rows = GraphRows(art)
    rows.node("Article", art, path=doc.get("path"), url=doc.get("url"), title=doc.get("title"),
              outlet=doc.get("outlet"), published=doc.get("published"), text=text,
              ingested_at=ingested_at or datetime.now(timezone.utc).isoformat(timespec="seconds"),
              extractor_version=EXTRACTOR_VERSION)
    entities = {e["id"]: e for e in record["entities"]}
    rows.decisions = resolve(record["entities"], art, lookup)
    actor_of = {d.entity: d.actor for d in rows.decisions}

    def first(mentions):
        return (mentions[0]["start"], mentions[0]["end"]) if mentions else (0, 0)

    # Actors, places and their mentions.
    place_of = {}
    for e in record["entities"]:
        if e["kind"] == "place":
            place_of[e["name"]] = rows.node("Place", place_id(e["name"]), name=e["name"])
            target = ("Place", place_of[e["name"]])
        else:
            aid = actor_of[e["id"]]
            rows.node("Actor", aid, name=e["name"], kind=e["kind"], anonymous=bool(e.get("anonymous")),
                      descriptor=e.get("descriptor"), affiliation=e.get("affiliation"), location=e.get("location"),
                      article=None if is_named(e) else art)
            surface = {m["text"] for m in e["mentions"]} | set(e.get("aliases", []))
            rows.new_aliases[aid] |= {s for s in surface if s and s != e["name"] and normalise(s)}
            if is_named(e):
                for key in name_keys(e["name"], e.get("aliases", [])):
                    rows.node("Name", key)
                    rows.rel("NAMES", ("Name", key), ("Actor", aid), first(e["mentions"]))
            target = ("Actor", aid)
        for m in e["mentions"]:
            rows.rel("MENTIONS", ("Article", art), target, (m["start"], m["end"]))
    for d in rows.decisions:
        if d.rule not in ("new", "anonymous-scoped", "article-scoped"):
            mid = "merge:" + short_hash(art, d.entity, d.actor)
            rows.node("Merge", mid, rule=d.rule, evidence=d.evidence, mention=d.mention, article=art,
                      created_at=rows.nodes["Article"][art]["ingested_at"])
            rows.rel("DECIDED", ("Merge", mid), ("Actor", d.actor), first(entities[d.entity]["mentions"]))

    # Relations between actors.
    for e in record["entities"]:
        if e["kind"] == "place":
            continue
        src = ("Actor", actor_of[e["id"]])
        for rel_type, key in (("PART_OF", "part_of"), ("RUN_BY", "run_by")):
            if e.get(key) in actor_of:
                rows.rel(rel_type, src, ("Actor", actor_of[e[key]]), first(e["mentions"]))
        where = e.get("located_in") or (e.get("location") if e.get("anonymous") else None)
        if where:
            pid = place_of.get(where) or rows.node("Place", place_id(where), name=where)
            rows.rel("LOCATED_IN", src, ("Place", pid), first(e["mentions"]))

    # The outlet that published this copy.
    if doc.get("outlet"):
        outlet = doc["outlet"]
        match = next((e for e in record["entities"] if not e.get("anonymous") and normalise(e["name"]) == normalise(outlet)), None)
        oid = actor_of[match["id"]] if match else (lookup(name_keys(outlet)).get(normalise(outlet)) or actor_id(outlet))
        rows.node("Actor", oid, name=outlet, kind="media", anonymous=False)
        for key in name_keys(outlet):
            rows.node("Name", key)
            rows.rel("NAMES", ("Name", key), ("Actor", oid), (0, 0))
        at = text.find(outlet)
        rows.rel("PUBLISHED", ("Actor", oid), ("Article", art), (at, at + len(outlet)) if at >= 0 else (0, 0))

    # Attributions: claims and who reported them, to whom.
    claim_of_attr = {}
    for a in record["attributions"]:
        content = a["content"]
        words = content["text"]
        if a.get("content_2") and not words.endswith(a["content_2"]["text"]):
            words += " … " + a["content_2"]["text"]  # a record from extractor 8 or earlier: content is the first piece
        cid = claim_id(words)
        value, unit = _figure(words)
        rows.node("Claim", cid, text=words, kind=_claim_kind(a.get("cue_lemma")), value=value, unit=unit)
        claim_of_attr[a["id"]] = cid
        rows.rel("MENTIONS", ("Article", art), ("Claim", cid), (content["start"], content["end"]))
        if a.get("source_entity") in actor_of:
            sentence = a.get("sentence") or _cover(a)
            rows.rel("REPORTED", ("Actor", actor_of[a["source_entity"]]), ("Claim", cid),
                     (sentence["start"], sentence["end"]), attribution=a["id"], cue=a["cue"]["text"],
                     cue_lemma=a.get("cue_lemma"), cue_start=a["cue"]["start"], cue_stop=a["cue"]["end"],
                     source_text=(a.get("source") or {}).get("text"), content_start=content["start"],
                     content_stop=content["end"], direct=bool(a.get("direct")),
                     recipient=actor_of.get(a.get("recipient_entity")))
            if a.get("recipient_entity") in actor_of:
                rows.rel("TOLD", ("Actor", actor_of[a["source_entity"]]), ("Actor", actor_of[a["recipient_entity"]]),
                         (sentence["start"], sentence["end"]), claim=cid)

    # Directives: who issued what to whom, and who reported it.
    attrs = {a["id"]: a for a in record["attributions"]}
    for d in record["directives"]:
        did = directive_id(d["content"]["text"])
        rows.node("Directive", did, text=d["content"]["text"], status=d.get("status") or "issued")
        span = (d["content"]["start"], d["content"]["end"])
        evidence = (d["cue"]["start"], d["content"]["end"]) if d.get("cue") and d["cue"]["start"] < d["content"]["start"] else span
        rows.rel("MENTIONS", ("Article", art), ("Directive", did), span)
        if d.get("issuer_entity") in actor_of:
            rows.rel("ISSUED", ("Actor", actor_of[d["issuer_entity"]]), ("Directive", did), evidence)
        for t in d.get("target_entities", []):
            if t in actor_of:
                rows.rel("TARGETS", ("Directive", did), ("Actor", actor_of[t]), evidence)
        a = attrs.get(d.get("attribution"))
        if a and a.get("source_entity") in actor_of:
            sentence = a.get("sentence") or _cover(a)
            rows.rel("REPORTED", ("Actor", actor_of[a["source_entity"]]), ("Directive", did),
                     (sentence["start"], sentence["end"]), attribution=a["id"], cue=a["cue"]["text"],
                     cue_lemma=a.get("cue_lemma"), cue_start=a["cue"]["start"], cue_stop=a["cue"]["end"],
                     source_text=(a.get("source") or {}).get("text"), content_start=span[0], content_stop=span[1],
                     direct=bool(a.get("direct")), recipient=actor_of.get(a.get("recipient_entity")))

    # Reprints: to the original outlet (and to the original article when ingested: see Store.link_reprints).
    for r in record["reprints"]:
        original = r["original"]
        oid = actor_of.get(r.get("original_entity")) or lookup(name_keys(original)).get(normalise(original)) or actor_id(original)
        rows.node("Actor", oid, name=original, kind="media", anonymous=False)
        for key in name_keys(original):
            rows.node("Name", key)
            rows.rel("NAMES", ("Name", key), ("Actor", oid), (r["evidence"]["start"], r["evidence"]["end"]))
        rows.rel("REPRINT_OF", ("Article", art), ("Actor", oid), (r["evidence"]["start"], r["evidence"]["end"]),
                 original=original)

    # Contradictions between claims (a claim that is also an attribution's content is the same node).
    for c in record["contradictions"]:
        ids = []
        for side in (c["a"], c["b"]):
            cid = claim_id(side["text"])
            rows.node("Claim", cid, text=side["text"], kind="statement")
            rows.rel("MENTIONS", ("Article", art), ("Claim", cid), (side["start"], side["end"]))
            ids.append(cid)
        lo, hi = min(c["a"]["start"], c["b"]["start"]), max(c["a"]["end"], c["b"]["end"])
        rows.rel("CONTRADICTS", ("Claim", ids[0]), ("Claim", ids[1]), (lo, hi), basis=c["basis"])
    return rows


def _claim_kind(cue_lemma: str | None) -> str:
    return {"deny": "denial", "believe": "belief", "think": "belief", "fear": "belief"}.get(cue_lemma or "", "statement")


def _cover(a: dict) -> dict:
    parts = [p for p in (a.get("source"), a["cue"], a["content"], a.get("content_2")) if p]
    return {"start": min(p["start"] for p in parts), "end": max(p["end"] for p in parts)}
