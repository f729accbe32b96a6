"""Queries at scale: the provenance questions on a synthetic store of 1M+ nodes and 5M+ edges.

The store comes from :mod:`benchmarks.synthetic` (bulk-loaded, cached in ``benchmarks/out/``)
and is opened read-only, as ``provkg provenance`` / ``origins`` / ``anonymous`` / ``actor`` open it.
Each question is asked through the query layer's own function (``queries.provenance.provenance``,
``queries.origins.origins``, ``queries.anonymous.anonymous_only``, ``queries.dossier.dossier``,
``queries.search.search_claims``); where a function is missing, its named Cypher query is timed
instead and the table says so. Samples:

* claims drawn uniformly among the claims that have a report (what an analyst usually looks up),
  and separately the most-reported ("viral") claims;
* text queries: 4 to 8 words of a sampled claim with two adjacent letters swapped in two words;
* named actors drawn uniformly, and the most-reporting ones.

Each sample runs once after one warm-up call; p50/p95/max are over the samples. The plans of
the named queries behind these functions are checked with EXPLAIN: every lookup by id must be a
primary-key lookup, not a scan of a large table.

    python -m benchmarks.bench_queries --articles 36000
"""
from __future__ import annotations

import argparse
import importlib
import json
import random
import statistics
import time

from benchmarks import log, pct, table

BIG_TABLES = ("Article", "Actor", "Claim", "Directive", "Merge", "Name")


def _store(info: dict):
    from provkg.graph.ladybug_store import LadybugStore

    return LadybugStore(info["db"], read_only=True, buffer_pool_mb=4096)


def _fn(module: str, name: str):
    try:
        return getattr(importlib.import_module(f"provkg.queries.{module}"), name)
    except (ImportError, AttributeError):
        return None


def _typo(text: str, rng: random.Random) -> str:
    words = text.split()
    start = rng.randrange(max(1, len(words) - 6))
    words = words[start:start + rng.randint(4, 8)]
    for _ in range(2):
        i = rng.randrange(len(words))
        if len(words[i]) > 4:
            j = rng.randrange(len(words[i]) - 1)
            words[i] = words[i][:j] + words[i][j + 1] + words[i][j] + words[i][j + 2:]
    return " ".join(words)


def samples(store, n: int, seed: int = 7) -> dict:
    """Claim ids, claim texts and actor names to ask about."""
    rng = random.Random(seed)
    top = store.query("MATCH (c:Claim) RETURN max(offset(id(c)))").rows[0][0]
    claims: list[tuple[str, str]] = []
    while len(claims) < n:
        offsets = rng.sample(range(top + 1), min(top + 1, 4 * n))
        claims += store.query("MATCH (c:Claim) WHERE offset(id(c)) IN $o AND EXISTS { MATCH (:Actor)-[:REPORTED]->(c) } "
                              "RETURN c.id, c.text", {"o": offsets}).rows
    claims = claims[:n]
    hot = [r[0] for r in store.query("MATCH (:Actor)-[r:REPORTED]->(c:Claim) RETURN c.id, count(r) AS n "
                                     "ORDER BY n DESC, c.id LIMIT 10").rows]
    hot_reports = store.query("MATCH (:Actor)-[r:REPORTED]->(c:Claim) WHERE c.id IN $ids RETURN count(r)",
                              {"ids": hot}).rows[0][0]
    top_actor = store.query("MATCH (a:Actor) RETURN max(offset(id(a)))").rows[0][0]
    actors: list[str] = []
    while len(actors) < n // 2:
        offsets = rng.sample(range(top_actor + 1), min(top_actor + 1, 20 * n))
        actors += [r[0] for r in store.query("MATCH (a:Actor) WHERE offset(id(a)) IN $o AND a.article IS NULL "
                                             "AND EXISTS { MATCH (a)-[:REPORTED]->() } RETURN a.name", {"o": offsets}).rows]
    actors = actors[:n // 2]
    hot_actors = [r[0] for r in store.query("MATCH (a:Actor)-[r:REPORTED]->() WHERE a.article IS NULL "
                                            "RETURN a.name, count(r) AS n ORDER BY n DESC, a.name LIMIT 5").rows]
    return {"claims": claims, "hot": hot, "hot_mean_reports": hot_reports / max(1, len(hot)),
            "texts": [(cid, _typo(text, rng)) for cid, text in claims], "actors": actors, "hot_actors": hot_actors}


def _time(fn, args_list: list, budget_s: float) -> dict:
    """Call ``fn(*args)`` for each args (one warm-up first); stop early past ``budget_s``."""
    fn(*args_list[0])
    times, errors, started = [], [], time.perf_counter()
    for args in args_list:
        t0 = time.perf_counter()
        try:
            fn(*args)
        except Exception as err:  # noqa: BLE001 - a failing question is reported, not fatal
            errors.append(f"{type(err).__name__}: {str(err)[:100]}")
            continue
        finally:
            elapsed = time.perf_counter() - t0
        times.append(elapsed * 1000)
        if time.perf_counter() - started > budget_s:
            break
    out = {"n": len(times), "errors": errors}
    if times:
        out |= {"p50": statistics.median(times), "p95": pct(times, 0.95), "max": max(times)}
    return out


def plan_ops(plan: str) -> list[dict]:
    """Operators of a Ladybug EXPLAIN/PROFILE plan (drawn as boxes side by side): name and attributes."""
    boxes, open_boxes = [], {}
    for line in plan.splitlines():
        for i, ch in enumerate(line):
            if ch == "┌":
                j = line.find("┐", i)
                if j > i:
                    open_boxes[(i, j)] = []
        for (i, j) in list(open_boxes):
            seg = line[i:j + 1]
            if seg.startswith("└"):
                boxes.append(open_boxes.pop((i, j)))
            elif seg.startswith("│"):
                text = seg.strip("│").strip()
                if text and not text.startswith("---"):
                    open_boxes[(i, j)].append(text)
    ops = []
    for box in boxes:
        if not box or "[" not in box[0]:
            continue
        attrs = {}
        for text in box[1:]:
            key, sep, value = text.partition(": ")
            if sep:
                attrs[key] = value
        ops.append({"op": box[0].split("[")[0], "name": box[0], **attrs})
    return ops


def check_plan(store, cypher: str, params: dict) -> dict:
    """Primary-key lookups and scans of large node tables in a query's plan."""
    rows = store.conn.execute("EXPLAIN " + cypher, params).get_all()
    ops = plan_ops(rows[0][0])
    masked = " ".join(o.get("Operators", "") for o in ops if o["op"] == "SEMI_MASKER")
    pk = sorted({f"{o.get('Alias', '?')}{':' + o['Table'] if 'Table' in o else ''} by {o.get('Key', '?')}" for o in ops
                 if o["op"] in ("PRIMARY_KEY_SCAN_NODE_TABLE", "QUERY_PRIMARY_KEY_LOOKUP")})
    pk_lookups = sum(o["op"] in ("PRIMARY_KEY_SCAN_NODE_TABLE", "QUERY_PRIMARY_KEY_LOOKUP") for o in ops)
    scans = sorted({f"{o['Tables']}{'' if o['name'] in masked else ' (FULL)'}" for o in ops
                    if o["op"] == "SCAN_NODE_TABLE" and o.get("Tables") in BIG_TABLES})
    return {"pk_lookups": pk_lookups, "pk_aliases": pk, "scans": scans}


def run(articles: int = 36000, n: int = 30, budget_s: float = 25.0) -> dict:
    from benchmarks.synthetic import Spec, ensure

    info = ensure(Spec(articles=articles), log=log)
    result = {"store": {k: info[k] for k in ("nodes", "edges", "counts", "generate_s", "copy_s", "cached")}}
    store = _store(info)
    try:
        from provkg.queries import named
        from provkg.queries.search import TextIndex, search_claims

        t0 = time.perf_counter()
        index = TextIndex.for_store(store)
        result["index"] = {"seconds": time.perf_counter() - t0, "items": int(index.alive.sum()),
                           "terms": len(index.terms), "postings": int(len(index.docs))}
        log(f"queries: search index ready in {result['index']['seconds']:.1f}s")
        s = samples(store, n)
        result["samples"] = {"claims": len(s["claims"]), "hot": len(s["hot"]), "hot_mean_reports": s["hot_mean_reports"],
                             "actors": len(s["actors"])}
        rows = []
        provenance = _fn("provenance", "provenance")
        origins = _fn("origins", "origins")
        anonymous = _fn("anonymous", "anonymous_only")
        dossier = _fn("dossier", "dossier")
        questions = [
            ("search_claims(text)", "queries.search", lambda t: search_claims(store, t), [(t,) for _, t in s["texts"]], 1000),
            ("provenance(claim_id)", "queries.provenance", lambda c: provenance(store, claim_id=c),
             [(c,) for c, _ in s["claims"]], 100),
            ("provenance(claim_id), viral claims", "queries.provenance", lambda c: provenance(store, claim_id=c),
             [(c,) for c in s["hot"]], 100),
            ("provenance(text)", "queries.provenance", lambda t: provenance(store, text=t), [(t,) for _, t in s["texts"]], 1000),
            ("origins(claim_id)", "queries.origins", lambda c: origins(store, claim_id=c), [(c,) for c, _ in s["claims"]], 100),
            ("origins(claim_id), viral claims", "queries.origins", lambda c: origins(store, claim_id=c),
             [(c,) for c in s["hot"]], 100),
            ("anonymous_only(limit=100)", "queries.anonymous", lambda: anonymous(store), [()] * 3, 1000),
            ("dossier(name)", "queries.dossier", lambda a: dossier(store, a), [(a,) for a in s["actors"]], 1000),
            ("dossier(name), busiest actors", "queries.dossier", lambda a: dossier(store, a),
             [(a,) for a in s["hot_actors"]], 1000),
        ]
        fallbacks = {"queries.provenance": ("provenance", lambda c: {"claim_id": c}),
                     "queries.origins": ("origins", lambda c: {"claim_id": c}),
                     "queries.anonymous": ("anonymous", lambda: {"limit": 100}),
                     "queries.dossier": ("actor", None)}
        available = {"queries.search": True, "queries.provenance": provenance is not None,
                     "queries.origins": origins is not None, "queries.anonymous": anonymous is not None,
                     "queries.dossier": dossier is not None}
        for name, module, fn, args, target in questions:
            how = f"{module}"
            if not available[module]:
                query, params = fallbacks[module]
                if params is None:
                    continue
                how = f"named Cypher {query}.cypher ({module} missing)"
                text = named.get(query).text
                fn = (lambda q, p: lambda *a: store.query(q, p(*a)))(text, params)  # noqa: E731
            log(f"queries: {name} x{len(args)}")
            timing = _time(fn, args, budget_s)
            rows.append({"question": name, "via": how, "target_ms": target, **timing})
        result["questions"] = rows
        # Plans of the named queries behind them.
        claim = s["claims"][0][0]
        source, article = store.query("MATCH (s:Actor)-[r:REPORTED]->(c:Claim {id: $id}) RETURN s.id, r.article LIMIT 1",
                                      {"id": claim}).rows[0]
        params = {"provenance": {"claim_id": claim}, "origins": {"claim_id": claim}, "contradicting": {"claim_id": claim},
                  "told": {"actor_id": source, "article_ids": [article]}, "reprints": {"article_id": article}, "actor": {"actor_id": source},
                  "reports": {"item_ids": [], "source_ids": [source]}, "issued": {"actor_ids": [source], "directive_ids": []},
                  "targeted": {"actor_ids": [source]}, "anonymous": {"limit": 100}}
        plans = []
        for query, p in params.items():
            try:
                plans.append({"query": query, **check_plan(store, named.get(query).text, p)})
            except Exception as err:  # noqa: BLE001
                plans.append({"query": query, "error": str(err)[:100]})
        result["plans"] = plans
    finally:
        store.close()
    return result


def tables(result: dict) -> str:
    st = result["store"]
    counts = st["counts"]
    made = "cached" if st["cached"] else f"generated in {st['generate_s']:.0f}s, COPY in {st['copy_s']:.0f}s"
    out = [table(f"Synthetic store: {st['nodes']:,} nodes, {st['edges']:,} edges ({made})",
                 ["label / type", "count"],
                 [[k, v] for k, v in sorted(counts["nodes"].items(), key=lambda kv: -kv[1])] +
                 [[k, v] for k, v in sorted(counts["rels"].items(), key=lambda kv: -kv[1])])]
    ix = result["index"]
    sm = result["samples"]
    rows = []
    for q in result["questions"]:
        ok = "-" if "p95" not in q else ("yes" if q["p95"] <= q["target_ms"] else "NO")
        rows.append([q["question"], q["n"], round(q.get("p50", 0), 1) if "p50" in q else None,
                     round(q.get("p95", 0), 1) if "p95" in q else None, round(q.get("max", 0), 1) if "max" in q else None,
                     q["target_ms"], ok, q["via"] + (f"; {len(q['errors'])} errors: {q['errors'][0]}" if q["errors"] else "")])
    out.append(table("Query latency on that store (ms; read-only open; one warm-up call)",
                     ["question", "n", "p50", "p95", "max", "p95 target", "met", "measured through"], rows,
                     [f"claims sampled uniformly among reported claims; viral = the {sm['hot']} most-reported claims "
                      f"({sm['hot_mean_reports']:.0f} reports each on average); texts = 4-8 words of a sampled claim, "
                      "two words with a typo",
                      f"search index: {ix['items']:,} items, {ix['terms']:,} terms, {ix['postings']:,} postings, "
                      f"ready in {ix['seconds']:.1f}s (built on first search, then loaded from <db>.search.npz)"]))
    prow = []
    for p in result["plans"]:
        if "error" in p:
            prow.append([p["query"], "-", "-", p["error"]])
        else:
            prow.append([p["query"], p["pk_lookups"], ", ".join(p["pk_aliases"]) or "-",
                         ", ".join(p["scans"]) or "-"])
    out.append(table("Plans (EXPLAIN) of the named queries behind them",
                     ["query", "PK lookups", "looked up by key", "large node tables scanned (semi-masked unless FULL)"],
                     prow))
    return "\n\n".join(out)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=36000)
    parser.add_argument("--samples", type=int, default=30)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = run(args.articles, args.samples)
    print(json.dumps(result, indent=1, default=str) if args.json else tables(result))


if __name__ == "__main__":
    main()
