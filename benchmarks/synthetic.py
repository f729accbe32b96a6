"""A realistic synthetic provkg store at scale, bulk-loaded with Ladybug ``COPY ... FROM`` parquet.

The generator writes exactly the rows ``provkg load`` would write for articles shaped like the
PolNeAR train set (per article: ~18 named actor sightings, ~6 unnamed groups, ~0.6 anonymous
sources, ~18 reported claims, ~1.3 directives, ~90 MENTIONS spans), with what makes provenance
questions hard:

* many outlets (Zipf-popular), each article PUBLISHED by one;
* reprint chains: ~12% of articles copy an earlier article (same claims, same named sources,
  anonymous sources re-scoped to the copy) with REPRINT_OF to the original article and to the
  credited outlet, chains of any length;
* claims repeated across articles (a Zipf "hot" pool re-quoted by other outlets), directives
  reported by several outlets, contradictions and denials, sources TOLD outlets;
* entity resolution as the loader records it: a named actor's first sighting creates the Actor
  and its Name keys, every later sighting a Merge node with a DECIDED edge; NAMES edges per
  article; anonymous sources and unnamed groups scoped to their article (``anon:``/``local:``).

Every edge carries ``article``/``start``/``stop`` spans into the generated article text, so
evidence can be cut out as for real data. Claim texts are made of word windows of the PolNeAR
train texts (real vocabulary and word frequencies) when ``../shared`` is present.

Nothing goes through MERGE: node and relationship rows are written as parquet files (one per
table, one per endpoint pair for multi-endpoint relationships) with the model's columns, then
loaded with ``COPY``. The store is cached in ``benchmarks/out/`` keyed by the spec, the model,
the extractor version and this generator's version.

    python -m benchmarks.synthetic --articles 36000          # ~1.5M nodes, ~5.2M edges
"""
from __future__ import annotations

import argparse
import gc
import hashlib
import json
import random
import re
import shutil
import time
from bisect import bisect_left
from dataclasses import asdict, dataclass
from itertools import accumulate
from pathlib import Path

GENERATOR_VERSION = 5
OUT = Path(__file__).resolve().parent / "out"
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "polnear" / "train" / "text"


@dataclass(frozen=True)
class Spec:
    """What to generate; the default is the issue's scale (1M+ nodes, 5M+ edges)."""

    articles: int = 36_000
    outlets: int = 400
    named: int = 60_000          # named actor pool (persons, ministries, organisations, ...)
    places: int = 3_000
    reprint_rate: float = 0.12
    requote_rate: float = 0.2    # share of attributions that re-quote an existing (hot) claim
    seed: int = 20151111

    def key(self) -> str:
        from provkg import EXTRACTOR_VERSION
        from provkg.schemas import MODEL

        blob = json.dumps([asdict(self), GENERATOR_VERSION, MODEL.spec, EXTRACTOR_VERSION], sort_keys=True, default=str)
        return hashlib.sha256(blob.encode()).hexdigest()[:10]


# -- vocabulary ------------------------------------------------------------------------------
_FALLBACK_WORDS = """the police ministry said officials border security government report reports weekly crossing
residents order ordered units local province city court judge law president state department military army
defense foreign policy nuclear test missile sanctions trade economy market prices food rice shortage aid workers
factory farm harvest election campaign vote senator congress party leader minister spokesman agency press news
media radio television journalist source sources sensitive matter condition anonymity citizens protest arrest
prison camp labor smuggling phones china chinese north south korea korean united nations human rights
investigation inquiry evidence documents meeting summit talks negotiations treaty agreement""".split()
_FIRST = """James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph
Jessica Thomas Sarah Charles Karen Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn
Song Hong Jeon Ko Moon Yang Son Bae Baek Heo Yoo Nam Sim Noh Ha Kwak Sung Cha Joo Woo Koo Min Ryu Na Jin Ji Um
Chae Won Cheon Bang Gong Hyun Ham Byun Yeom Yeo Chu Do So Seok Seon Seol Ma Gil Yeon Wi Pyo Myung Ki Ban Wang""".split()
_LAST = """Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson
Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson
Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell
Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales
Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson
Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers""".split()
_BODIES = ["Ministry of {x}", "Department of {x}", "{x} Bureau", "{x} Commission", "Office of {x}", "{x} Council",
           "{x} Committee", "{x} Agency", "{x} Institute", "{x} Association", "{x} Foundation", "{x} Union"]
_TOPICS = """Public Security|State Security|Social Security|Foreign Affairs|Defense|Trade|Finance|Agriculture|Justice|
Labor|Health|Education|Energy|Transport|Commerce|Information|Culture|Unification|Border Control|Customs|Railways|
Fisheries|Forestry|Mining|Housing|Veterans Affairs|Human Rights|Economic Planning|Food Security|Water Resources|
Nuclear Safety|Environment|Immigration|Internal Affairs|Statistics|Science|Telecommunications|Maritime Affairs""".replace(
    "\n", "").split("|")
_OUTLET_A = """Northern Southern Eastern Western Capital Daily Morning Evening Free National Global Pacific Atlantic
Central Metro Harbor Valley Mountain River Coastal Union Liberty Standard Sentinel Observer Herald""".split()
_OUTLET_B = """Courier Times Post Tribune Gazette Journal Chronicle Herald Star Ledger Monitor Review Record Dispatch
Telegraph Wire Radio Press Report Bulletin Examiner Register Independent Voice Signal""".split()
_PLACE_A = """North South East West Upper Lower New Old Great Little Port Fort Lake Mount Saint""".split()
_PLACE_B = """Hyesan Sinuiju Chongjin Wonsan Hamhung Kaesong Rason Nampo Haeju Kanggye Hyeryong Musan Onsong Manpo
Dandong Yanji Hunchun Tumen Shenyang Ridge Falls Bay Creek Haven Springs Hills Field Ford Bridge Point Grove""".split()
_GROUPS = ["officials", "residents", "police", "lawmakers", "protesters", "workers", "soldiers", "traders", "farmers",
           "analysts", "diplomats", "investigators", "critics", "supporters", "authorities", "voters", "students"]
_ANON = [("a source", None), ("a source connected to the judicial system", "judicial system"),
         ("an official who asked not to be named", "government"), ("a senior administration official", "administration"),
         ("a resident", None), ("a person familiar with the matter", None), ("a trader", "market"),
         ("a security source", "security services"), ("a party official", "party"), ("a diplomat", "diplomatic corps"),
         ("a police officer who spoke on condition of anonymity", "police")]
_CUES = [("said", "say", 50), ("told", "tell", 10), ("reported", "report", 10), ("according to", "according_to", 10),
         ("claimed", "claim", 5), ("added", "add", 5), ("denied", "deny", 5), ("believes", "believe", 3),
         ("warned", "warn", 2)]
_DIRECTIVE_VERBS = ["ordered", "instructed", "told", "required", "directed", "called on", "banned"]
_DIRECTIVE_ACTS = ["report {x} weekly", "stop {x}", "tighten controls on {x}", "investigate {x}", "crack down on {x}",
                   "submit progress reports on {x}", "halt {x}", "monitor {x}", "register {x}", "hand over {x}"]
_FILLER = ["{n} declined to comment.", "{n} did not respond to a request for comment.", "{n} has said little since.",
           "{n} was briefed on the matter.", "Asked about it, {n} said nothing.", "{n} attended the meeting."]
_STATUS = ["issued"] * 8 + ["reported", "repeated", "explained", "reversed"]
_BASIS = ["dispute", "figures", "reversal", "denial"]


def _words() -> list[str]:
    if CORPUS.is_dir():
        words = []
        for path in sorted(CORPUS.glob("*.txt")):
            words += re.findall(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*\d|\d", path.read_text(encoding="utf-8", errors="replace"))
        if len(words) > 10_000:
            return words
    rng = random.Random(1)
    return [rng.choice(_FALLBACK_WORDS) for _ in range(200_000)]


class _Zipf:
    """Draw indexes 0..n-1 with probability ~ 1/(i+1)^s (popular first)."""

    def __init__(self, n: int, rng: random.Random, s: float = 1.0):
        self.cum = list(accumulate(1.0 / (i + 1) ** s for i in range(n)))
        self.rng = rng

    def __call__(self) -> int:
        return bisect_left(self.cum, self.rng.random() * self.cum[-1])


class _Rows:
    """Column-wise rows of one table (or one endpoint pair of a relationship table)."""

    def __init__(self, columns: list[str]):
        self.columns = columns
        self.rows: list[tuple] = []


class _Text:
    """An article text under construction: add sentences, get their spans."""

    def __init__(self):
        self.parts: list[str] = []
        self.pos = 0

    def add(self, s: str, sep: str = " ") -> int:
        start = self.pos
        self.parts.append(s)
        self.parts.append(sep)
        self.pos += len(s) + len(sep)
        return start

    def value(self) -> str:
        return "".join(self.parts).rstrip()


def generate(spec: Spec, directory: Path, log=print) -> dict:
    """Write the node and relationship parquet files for ``spec`` into ``directory``; return counts."""
    # Millions of live row tuples: the cyclic GC would rescan them over and over (about 2x slower).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _generate(spec, directory, log)
    finally:
        if enabled:
            gc.enable()


def _generate(spec: Spec, directory: Path, log) -> dict:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from provkg import EXTRACTOR_VERSION
    from provkg.graph.rows import claim_id, directive_id, place_id
    from provkg.loaders.resolve import actor_id, name_keys
    from provkg.schemas import MODEL

    t0 = time.perf_counter()
    rng = random.Random(spec.seed)
    words = _words()
    nodes = {label: _Rows(list(MODEL.node_properties(label))) for label in MODEL.node_labels}
    rels: dict[tuple[str, str, str], _Rows] = {}
    common = list(MODEL.spec["relationship_properties"])
    edge_seq = [0]
    support: dict[str, list[int]] = {}  # item id -> [named, anonymous] reports, denials aside

    def rel(rel_type, src_label, src, dst_label, dst, article, start, stop, *extra):
        key = (rel_type, src_label, dst_label)
        table = rels.get(key)
        if table is None:
            table = rels[key] = _Rows(["from", "to", *MODEL.rel_properties(rel_type)])
        edge_seq[0] += 1
        table.rows.append((src, dst, f"e{edge_seq[0]:016x}", article, start, stop, *extra))

    # -- the cast --------------------------------------------------------------------------
    outlet_names = []
    for a in _OUTLET_A:
        for b in _OUTLET_B:
            outlet_names.append(f"The {a} {b}" if len(outlet_names) % 3 == 0 else f"{a} {b}")
    rng.shuffle(outlet_names)
    outlet_names = outlet_names[:spec.outlets]
    while len(outlet_names) < spec.outlets:
        outlet_names.append(f"{rng.choice(_OUTLET_A)} {rng.choice(_OUTLET_B)} {len(outlet_names)}")
    outlets = [(actor_id(n), n) for n in outlet_names]
    place_names = sorted({f"{a} {b}" for a in _PLACE_A for b in _PLACE_B} | set(_PLACE_B))
    rng.shuffle(place_names)
    place_names = place_names[:spec.places]
    while len(place_names) < spec.places:
        place_names.append(f"{rng.choice(_PLACE_B)} {len(place_names)}")
    places = [(place_id(n), n) for n in place_names]
    for pid, name in places:
        nodes["Place"].rows.append((pid, name))

    kinds = ["person"] * 50 + ["organization"] * 28 + ["government"] * 12 + ["security"] * 4 + ["country"] * 2 + ["media"] * 4
    named = []  # (id, name, kind, aliases, keys, parent index or None)
    seen_names = set(outlet_names)
    while len(named) < spec.named:
        kind = rng.choice(kinds)
        if kind == "person":
            name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
            if name in seen_names:
                name = f"{rng.choice(_FIRST)} {rng.choice(_FIRST)[0]}. {rng.choice(_LAST)}"
        elif kind == "country":
            name = f"Republic of {rng.choice(_PLACE_B)}"
        else:
            name = rng.choice(_BODIES).format(x=rng.choice(_TOPICS))
            if rng.random() < 0.7:
                name += f" of {rng.choice(place_names)}"
        if name in seen_names:
            continue
        seen_names.add(name)
        aliases = []
        if kind != "person" and rng.random() < 0.3:
            acronym = "".join(w[0] for w in name.split() if w[0].isupper())
            if len(acronym) > 1:
                aliases.append(acronym)
        parent = rng.randrange(len(named)) if named and kind in ("government", "security", "organization") \
            and rng.random() < 0.1 else None
        named.append((actor_id(name), name, kind, aliases, name_keys(name, aliases), parent))
    pick_named = _Zipf(len(named), rng, 0.9)
    pick_outlet = _Zipf(len(outlets), rng, 1.0)
    pick_place = _Zipf(len(places), rng, 0.8)
    actor_seen: set[str] = set()
    name_seen: set[str] = set()
    claim_seen: set[str] = set()
    directive_seen: set[str] = set()
    hot_claims: list[tuple[str, str]] = []       # (id, text) re-quoted elsewhere
    hot_directives: list[tuple[str, str]] = []
    plans: list[dict] = []                       # per article: what a reprint copies
    log(f"synthetic: cast ready ({len(named)} named actors, {len(outlets)} outlets) in {time.perf_counter() - t0:.1f}s")

    def claim_text() -> str:
        a, b = rng.randrange(len(words) - 10), rng.randrange(len(words) - 10)
        return " ".join(words[a:a + rng.randint(4, 9)] + words[b:b + rng.randint(4, 9)])

    for i in range(spec.articles):
        art = "a" + hashlib.sha256(f"synthetic:{spec.seed}:{i}".encode()).hexdigest()[:24]
        o_idx = pick_outlet()
        oid, oname = outlets[o_idx]
        day = i * 1100 // max(1, spec.articles)
        published = f"{2015 + day // 365:04d}-{1 + (day % 365) // 31:02d}-{1 + (day % 365) % 28:02d}"
        text = _Text()
        text.add(f"({oname}) —")
        created = f"2025-01-01T00:00:{i % 60:02d}+00:00"
        entity_n = [0]
        named_here: dict[str, tuple] = {}

        def new_entity() -> str:
            entity_n[0] += 1
            return f"E{entity_n[0]}"

        def sight(idx: int, span: tuple[int, int]) -> str:
            """A named actor mentioned in this article: first sighting creates it, later ones record a merge."""
            aid, name, kind, aliases, keys, parent = named[idx]
            if aid not in named_here:
                named_here[aid] = (idx, span)
                if aid not in actor_seen:
                    actor_seen.add(aid)
                    nodes["Actor"].rows.append((aid, name, kind, aliases, False, None, None, None, None))
                else:
                    mid = "merge:" + hashlib.md5(f"{art}{aid}".encode()).hexdigest()[:16]
                    nodes["Merge"].rows.append((mid, "exact-name", f"name key {keys[0]!r}", name, art, created))
                    rel("DECIDED", "Merge", mid, "Actor", aid, art, *span)
                for key in keys:
                    if key not in name_seen:
                        name_seen.add(key)
                        nodes["Name"].rows.append((key,))
                    rel("NAMES", "Name", key, "Actor", aid, art, *span)
                if parent is not None:
                    pid = named[parent][0]
                    if pid not in named_here:
                        at = text.add(named[parent][1] + " oversees it.")
                        sight(parent, (at, at + len(named[parent][1])))
                        rel("MENTIONS", "Article", art, "Actor", pid, art, at, at + len(named[parent][1]))
                    rel("PART_OF", "Actor", aid, "Actor", pid, art, *span)
            return aid

        # The outlet that published this copy.
        for key in name_keys(oname):
            if key not in name_seen:
                name_seen.add(key)
                nodes["Name"].rows.append((key,))
            rel("NAMES", "Name", key, "Actor", oid, art, 0, 0)
        if oid not in actor_seen:
            actor_seen.add(oid)
            nodes["Actor"].rows.append((oid, oname, "media", [], False, None, None, None, None))
        rel("PUBLISHED", "Actor", oid, "Article", art, art, 1, 1 + len(oname))

        original = None
        if i > 50 and rng.random() < spec.reprint_rate:
            original = plans[rng.randrange(max(0, i - 3000), i)]
        if original is not None:
            at = text.add(f"This story first appeared in {original['outlet']}.", "\n\n")
            span = (at + 30, at + 30 + len(original["outlet"]))
            rel("REPRINT_OF", "Article", art, "Actor", original["outlet_id"], art, *span, original["outlet"])
            rel("REPRINT_OF", "Article", art, "Article", original["id"], art, *span, original["outlet"])
            attributions = original["attributions"]
            directives = original["directives"]
            title = original["title"]
        else:
            attributions = []
            for _ in range(max(1, int(rng.gauss(17, 6)))):
                r = rng.random()
                if r < 0.75:
                    source = ("named", pick_named())
                elif r < 0.79:
                    source = ("anon", rng.choice(_ANON), rng.choice(place_names) if rng.random() < 0.5 else None)
                else:
                    source = ("local", rng.choice(_GROUPS))
                if hot_claims and rng.random() < spec.requote_rate:
                    # mostly any earlier hot claim; sometimes one of the first hundred (the viral ones)
                    cid, ctext = hot_claims[rng.randrange(min(100, len(hot_claims)))] \
                        if rng.random() < 0.1 else rng.choice(hot_claims)
                else:
                    ctext = claim_text()
                    cid = claim_id(ctext)
                cue = rng.choices(_CUES, weights=[c[2] for c in _CUES])[0]
                told = outlets[pick_outlet()] if rng.random() < 0.1 else None
                attributions.append((source, cid, ctext, cue, told))
            directives = []
            for _ in range(int(rng.random() * 2.6 + 0.5) if rng.random() < 0.8 else 0):
                if hot_directives and rng.random() < 0.3:
                    did, dtext = rng.choice(hot_directives)
                else:
                    dtext = "to " + rng.choice(_DIRECTIVE_ACTS).format(x=" ".join(words[(p := rng.randrange(len(words) - 5)):p + 3]))
                    did = directive_id(dtext)
                directives.append((did, dtext, pick_named(), rng.choice(_GROUPS) if rng.random() < 0.6 else pick_named(),
                                   rng.choice(_DIRECTIVE_VERBS), rng.choice(_STATUS), rng.random() < 0.5))
            title = attributions[0][2][:60]
        plans.append({"id": art, "outlet": oname, "outlet_id": oid, "attributions": attributions,
                      "directives": directives, "title": title})

        claims_here = []
        for source, cid, ctext, (cue, lemma, _), told in attributions:
            kind_label = source[0]
            if kind_label == "named":
                sname = named[source[1]][1]
            elif kind_label == "anon":
                sname = source[1][0]
                sname = sname[0].upper() + sname[1:]
            else:
                sname = source[1].capitalize()
            if cue == "according to":
                sentence = f"According to {sname}, {ctext}."
                s_at = 13
                cue_at = 0
                c_at = 15 + len(sname)
            else:
                recipient = f" {told[1]}" if told else ""
                sentence = f"{sname} {cue}{recipient} that {ctext}."
                s_at, cue_at = 0, len(sname) + 1
                c_at = len(sname) + 1 + len(cue) + len(recipient) + 6
            at = text.add(sentence)
            s_span = (at + s_at, at + s_at + len(sname))
            if kind_label == "named":
                sid = sight(source[1], s_span)
            elif kind_label == "anon":
                sid = f"anon:{art}:{new_entity()}"
                descriptor, affiliation = source[1]
                nodes["Actor"].rows.append((sid, sname, "anonymous_source", [], True, descriptor, affiliation,
                                            source[2], art))
                if source[2]:
                    rel("LOCATED_IN", "Actor", sid, "Place", place_id(source[2]), art, *s_span)
            else:
                sid = f"local:{art}:{new_entity()}"
                nodes["Actor"].rows.append((sid, source[1], "group", [], False, None, None, None, art))
            rel("MENTIONS", "Article", art, "Actor", sid, art, *s_span)
            c_span = (at + c_at, at + c_at + len(ctext))
            if cid not in claim_seen:
                claim_seen.add(cid)
                ckind = "denial" if lemma == "deny" else ("belief" if lemma == "believe" else "statement")
                value = float(m.group(0).replace(",", "")) if (m := re.search(r"\d+(?:\.\d+)?", ctext)) else None
                nodes["Claim"].rows.append((cid, ctext, ckind, value, None))
                if rng.random() < 0.04:
                    hot_claims.append((cid, ctext))
            rel("MENTIONS", "Article", art, "Claim", cid, art, *c_span)
            recipient_id = None
            if told:
                recipient_id = told[0]
                if recipient_id not in actor_seen:
                    actor_seen.add(recipient_id)
                    nodes["Actor"].rows.append((recipient_id, told[1], "media", [], False, None, None, None, None))
                rel("TOLD", "Actor", sid, "Actor", recipient_id, art, at, at + len(sentence), cid)
            attribution = f"A{len(claims_here) + 1}"
            if lemma != "deny":
                support.setdefault(cid, [0, 0])[kind_label == "anon"] += 1
            rel("REPORTED", "Actor", sid, "Claim", cid, art, at, at + len(sentence),
                cue, lemma, at + cue_at, at + cue_at + len(cue), sname, c_span[0], c_span[1],
                cue == "said" and rng.random() < 0.3, recipient_id, attribution)
            claims_here.append((cid, c_span))

        for did, dtext, issuer, target, verb, status, reported in directives:
            iname = named[issuer][1]
            tname = target if isinstance(target, str) else named[target][1]
            sentence = f"{iname} {verb} {tname} {dtext}."
            at = text.add(sentence)
            d_at = at + len(iname) + len(verb) + len(tname) + 3
            iid = sight(issuer, (at, at + len(iname)))
            rel("MENTIONS", "Article", art, "Actor", iid, art, at, at + len(iname))
            t_at = at + len(iname) + len(verb) + 2
            if isinstance(target, str):
                tid = f"local:{art}:{new_entity()}"
                nodes["Actor"].rows.append((tid, target, "group", [], False, None, None, None, art))
            else:
                tid = sight(target, (t_at, t_at + len(tname)))
            rel("MENTIONS", "Article", art, "Actor", tid, art, t_at, t_at + len(tname))
            if did not in directive_seen:
                directive_seen.add(did)
                nodes["Directive"].rows.append((did, dtext, status))
                if rng.random() < 0.1:
                    hot_directives.append((did, dtext))
            span = (d_at, d_at + len(dtext))
            rel("MENTIONS", "Article", art, "Directive", did, art, *span)
            rel("ISSUED", "Actor", iid, "Directive", did, art, at, span[1])
            rel("TARGETS", "Directive", did, "Actor", tid, art, at, span[1])
            if reported:
                src = outlets[pick_outlet()]
                if src[0] not in actor_seen:
                    actor_seen.add(src[0])
                    nodes["Actor"].rows.append((src[0], src[1], "media", [], False, None, None, None, None))
                s2 = f"{src[1]} reported the order."
                at2 = text.add(s2)
                support.setdefault(did, [0, 0])[0] += 1
                rel("REPORTED", "Actor", src[0], "Directive", did, art, at2, at2 + len(s2), "reported", "report",
                    at2 + len(src[1]) + 1, at2 + len(src[1]) + 9, src[1], span[0], span[1], False, None,
                    f"A{len(claims_here) + 100}")

        # Contradictions between claims of this article (or with a hot claim).
        if len(claims_here) > 2 and rng.random() < 0.3:
            (a, sa), (b, sb) = rng.sample(claims_here, 2)
            rel("CONTRADICTS", "Claim", a, "Claim", b, art, min(sa[0], sb[0]), max(sa[1], sb[1]), rng.choice(_BASIS))

        # More named actors, unnamed groups and places, mentioned several times (as real articles do).
        for _ in range(rng.randint(2, 8)):
            idx = pick_named()
            name = named[idx][1]
            for _ in range(rng.randint(1, 3)):
                at = text.add(rng.choice(_FILLER).format(n=name))
                start = at + text.parts[-2].index(name)
                sight(idx, (start, start + len(name)))
                rel("MENTIONS", "Article", art, "Actor", named[idx][0], art, start, start + len(name))
        for aid, (idx, span) in list(named_here.items()):
            for _ in range(rng.randint(0, 3)):
                rel("MENTIONS", "Article", art, "Actor", aid, art, *span)
        for _ in range(rng.randint(3, 7)):
            group = rng.choice(_GROUPS)
            lid = f"local:{art}:{new_entity()}"
            nodes["Actor"].rows.append((lid, group, "group", [], False, None, None, None, art))
            at = text.add(f"Some {group} disagreed.")
            for _ in range(rng.randint(1, 3)):
                rel("MENTIONS", "Article", art, "Actor", lid, art, at + 5, at + 5 + len(group))
        for _ in range(rng.randint(3, 9)):
            pid, pname = places[pick_place()]
            at = text.add(f"It happened in {pname}.")
            rel("MENTIONS", "Article", art, "Place", pid, art, at + 15, at + 15 + len(pname))

        body = text.value()
        nodes["Article"].rows.append((art, f"synthetic/{o_idx}/{i}.txt", f"https://example.org/{o_idx}/{i}",
                                      title, oname, published, body, created, EXTRACTOR_VERSION))
        if i and i % 10_000 == 0:
            log(f"synthetic: {i} articles generated in {time.perf_counter() - t0:.0f}s")

    nodes["StoreInfo"].rows += [("schema_version", str(MODEL.version)), ("extractor_version", EXTRACTOR_VERSION)]
    log(f"synthetic: {spec.articles} articles generated in {time.perf_counter() - t0:.0f}s; writing parquet")

    # -- parquet files ---------------------------------------------------------------------
    arrow = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
             "string[]": pa.list_(pa.string())}
    directory.mkdir(parents=True, exist_ok=True)
    files = {"nodes": [], "rels": []}
    counts = {"nodes": {}, "rels": {}}
    for label in ("Claim", "Directive"):  # the support counts close each row (see schemas/model.yaml)
        assert list(MODEL.node_properties(label))[-2:] == ["named_reports", "anonymous_reports"]
        nodes[label].rows = [row + tuple(support.get(row[0], (0, 0))) for row in nodes[label].rows]
    for label, table in nodes.items():
        props = MODEL.node_properties(label)
        schema = pa.schema([(c, arrow[props[c]["type"]]) for c in table.columns])
        path = directory / f"node-{label}.parquet"
        columns = list(zip(*table.rows)) if table.rows else [[] for _ in table.columns]
        pq.write_table(pa.table([pa.array(list(col), type=f.type) for col, f in zip(columns, schema)], schema=schema), path)
        files["nodes"].append((label, str(path)))
        counts["nodes"][label] = len(table.rows)
        table.rows = []
    for (rel_type, src, dst), table in rels.items():
        props = MODEL.rel_properties(rel_type)
        schema = pa.schema([("from", pa.string()), ("to", pa.string())] +
                           [(c, arrow[props[c]["type"]]) for c in table.columns[2:]])
        path = directory / f"rel-{rel_type}-{src}-{dst}.parquet"
        columns = list(zip(*table.rows))
        pq.write_table(pa.table([pa.array(list(col), type=f.type) for col, f in zip(columns, schema)], schema=schema), path)
        files["rels"].append((rel_type, src, dst, str(path)))
        counts["rels"][rel_type] = counts["rels"].get(rel_type, 0) + len(table.rows)
        table.rows = []
    assert common == ["id", "article", "start", "stop"]
    log(f"synthetic: parquet written in {time.perf_counter() - t0:.0f}s")
    return {"files": files, "counts": counts, "generate_s": time.perf_counter() - t0}


def bulk_load(db_path: Path, files: dict, log=print) -> float:
    """Create the schema and ``COPY`` every parquet file into a new Ladybug database; seconds taken."""
    import ladybug

    from provkg.schemas import MODEL

    t0 = time.perf_counter()
    db = ladybug.Database(str(db_path), buffer_pool_size=4 * 1024 ** 3)
    conn = ladybug.Connection(db)
    for statement in MODEL.ladybug_ddl():
        conn.execute(statement)
    for label, path in files["nodes"]:
        conn.execute(f"COPY {label} FROM '{path}'")
    for rel_type, src, dst, path in files["rels"]:
        multi = len(MODEL.rel_endpoints(rel_type)) > 1
        conn.execute(f"COPY {rel_type} FROM '{path}'" + (f" (from='{src}', to='{dst}')" if multi else ""))
    conn.execute("CHECKPOINT")
    conn.close()
    db.close()
    seconds = time.perf_counter() - t0
    log(f"synthetic: COPY into {db_path.name} in {seconds:.0f}s")
    return seconds


def ensure(spec: Spec = Spec(), out: Path = OUT, log=print, rebuild: bool = False) -> dict:
    """The cached synthetic store for ``spec`` (generated and bulk-loaded on first use).

    Returns ``{"db": path, "counts": {...}, "generate_s", "copy_s", "cached": bool}``.
    """
    root = out / f"synthetic-{spec.articles}-{spec.key()}"
    meta_path = root / "meta.json"
    db_path = root / "store.lbug"
    if meta_path.exists() and db_path.exists() and not rebuild:
        meta = json.loads(meta_path.read_text())
        return {**meta, "db": str(db_path), "cached": True}
    if root.exists():
        shutil.rmtree(root)
    (root / "parquet").mkdir(parents=True)
    generated = generate(spec, root / "parquet", log=log)
    copy_s = bulk_load(db_path, generated["files"], log=log)
    shutil.rmtree(root / "parquet")
    meta = {"spec": asdict(spec), "counts": generated["counts"], "generate_s": round(generated["generate_s"], 1),
            "copy_s": round(copy_s, 1), "nodes": sum(generated["counts"]["nodes"].values()),
            "edges": sum(generated["counts"]["rels"].values())}
    meta_path.write_text(json.dumps(meta, indent=1))
    for old in out.glob(f"synthetic-{spec.articles}-*"):  # older generator/model versions of this size
        if old != root:
            shutil.rmtree(old, ignore_errors=True)
    return {**meta, "db": str(db_path), "cached": False}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=Spec.articles)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args(argv)
    info = ensure(Spec(articles=args.articles), rebuild=args.rebuild)
    print(json.dumps(info, indent=1))


if __name__ == "__main__":
    main()
