"""Load throughput and named-query latency: embedded Ladybug vs Neo4j, on the same extraction records.

The corpus is ``n_docs`` articles of ../shared/eval/polnear/train/text/ (spread evenly over the
sorted file list, so every outlet is in it), extracted once and cached as JSON Lines in
``benchmarks/out/``. Both engines load exactly those records; then every named query in
``queries/cypher/`` runs ``runs`` times on each (after one warm-up run) with parameters taken
from the loaded graph.

Neo4j: ``PROVKG_NEO4J_URI`` (or ``NEO4J_URI``), ``PROVKG_NEO4J_USER``/``NEO4J_USER``,
``PROVKG_NEO4J_PASSWORD``/``NEO4J_PASSWORD``. **The benchmark empties that database first**; it
refuses when the database holds nodes that are not provkg's.

    python -m benchmarks.bench_neo4j --docs 100 --runs 20
"""
from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import os
import re
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(__file__).resolve().parent / "out"
CORPUS = ROOT.parent / "shared" / "eval" / "polnear" / "train" / "text"


def corpus(n_docs: int = 100, refresh: bool = False, workers: int = 2) -> Path:
    """The cached extraction JSONL of ``n_docs`` articles (extracted on first use)."""
    from provkg import EXTRACTOR_VERSION
    from provkg.errors import InputError
    from provkg.loaders.ingest import extract

    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"polnear-{n_docs}-x{EXTRACTOR_VERSION}.jsonl"
    if path.exists() and not refresh:
        return path
    files = sorted(p for p in CORPUS.glob("*.txt"))
    if not files:
        raise SystemExit(f"no articles in {CORPUS}")
    step = max(1, len(files) // n_docs)
    chosen = [str(p) for p in files[::step][:n_docs]]
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as out:
        for item in extract(chosen, workers=workers):
            if not isinstance(item, InputError):
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
    tmp.replace(path)
    return path


def _records(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def neo4j_settings() -> dict:
    env = os.environ
    uri = env.get("PROVKG_NEO4J_URI") or env.get("NEO4J_URI")
    if not uri:
        raise SystemExit("set PROVKG_NEO4J_URI (bash tools/neo4j/start.sh starts a test server on bolt://127.0.0.1:7687)")
    return {"uri": uri, "user": env.get("PROVKG_NEO4J_USER") or env.get("NEO4J_USER") or "neo4j",
            "password": env.get("PROVKG_NEO4J_PASSWORD") or env.get("NEO4J_PASSWORD") or "provkg-test-pw"}


@contextlib.contextmanager
def _exclusive(uri: str):
    """The lock the Neo4j tests take (tests/neo4j_env.py): one user of the test database at a time."""
    home = Path(os.environ.get("NEO4J_HOME_DIR", "/tmp/provkg-neo4j"))
    home.mkdir(parents=True, exist_ok=True)
    name = "provkg-tests-" + "".join(ch if ch.isalnum() else "_" for ch in uri) + ".lock"
    with open(home / name, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _empty_neo4j(settings: dict) -> None:
    from neo4j import GraphDatabase

    from provkg.schemas import MODEL

    with GraphDatabase.driver(settings["uri"], auth=(settings["user"], settings["password"]),
                              notifications_min_severity="OFF") as driver, driver.session() as session:
        labels = {label for record in session.run("CALL db.labels()") for label in record.values()}
        foreign = labels - set(MODEL.node_labels) - {"Tmp"}
        if foreign and session.run("MATCH (n) WHERE any(l IN labels(n) WHERE l IN $f) RETURN n LIMIT 1",
                                   f=sorted(foreign)).single():
            raise SystemExit(f"{settings['uri']} holds non-provkg nodes ({', '.join(sorted(foreign))}); "
                             "the benchmark empties its database, point it at a test server")
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


# -- parameters for the named queries, taken from the loaded graph ---------------------------
_LABEL_OF = {"claim": "Claim", "article": "Article", "actor": "Actor", "directive": "Directive", "place": "Place",
             "merge": "Merge", "outlet": "Actor", "source": "Actor", "issuer": "Actor", "target": "Actor",
             "recipient": "Actor", "item": "Claim"}


def _params(store, text: str) -> dict:
    """Parameters that make the query work: list parameters get every id of their label (capped);
    each single id the one, among the 30 best-connected nodes of its label, giving the most rows."""
    names = sorted(set(re.findall(r"\$(\w+)", re.sub(r"//[^\n]*", "", text))))
    params, singles = {}, {}
    for name in names:
        if name == "limit":
            params[name] = 100
            continue
        stem = re.sub(r"_ids?$", "", name)
        labels = ["Claim", "Directive"] if stem == "item" else [_LABEL_OF.get(stem)] if stem in _LABEL_OF else []
        if stem == "edge":
            ids = [r[0] for r in store.query("MATCH ()-[r:REPORTED]->() RETURN r.id AS id ORDER BY id LIMIT 30").rows]
        elif name.endswith("_ids"):
            ids = [r[0] for label in labels for r in store.query(f"MATCH (n:{label}) RETURN n.id LIMIT 1000").rows]
        else:
            edge = "-[:PUBLISHED]->" if stem == "outlet" else "--"
            ids = [r[0] for label in labels for r in store.query(
                f"MATCH (n:{label}){edge}() RETURN n.id AS id, count(*) AS c ORDER BY c DESC, id LIMIT 30").rows]
        if name.endswith("_ids"):
            params[name] = ids
        else:
            singles[name] = ids or [""]
            params[name] = singles[name][0]
    for name, ids in singles.items():
        best = max(ids, key=lambda i: len(store.query(text, {**params, name: i}).rows))
        params[name] = best
    return params


def _latency(store, text: str, params: dict, runs: int) -> tuple[list[float], int]:
    store.query(text, params)  # warm-up: plan caches, page cache
    times = []
    rows = 0
    for _ in range(runs):
        t0 = time.perf_counter()
        rows = len(store.query(text, params).rows)
        times.append((time.perf_counter() - t0) * 1000)
    return times, rows


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def run(n_docs: int = 100, runs: int = 20, batch_size: int | None = None, refresh: bool = False) -> list[dict]:
    """Benchmark both engines on ``n_docs`` articles; one dict per (benchmark, engine[, query])."""
    records = _records(corpus(n_docs, refresh=refresh))
    settings = neo4j_settings()
    with _exclusive(settings["uri"]):
        return _run(records, settings, runs, batch_size)


def _run(records: list[dict], settings: dict, runs: int, batch_size: int | None) -> list[dict]:
    from provkg.graph.ladybug_store import LadybugStore
    from provkg.graph.neo4j_store import Neo4jStore
    from provkg.queries import named

    _empty_neo4j(settings)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        stores = {"ladybug": LadybugStore(os.path.join(tmp, "bench.lbug")),
                  "neo4j": Neo4jStore(settings["uri"], user=settings["user"], password=settings["password"])}
        try:
            for engine, store in stores.items():
                t0 = time.perf_counter()
                report = store.load(records, **({"batch_size": batch_size} if batch_size else {}))
                seconds = time.perf_counter() - t0
                results.append({"benchmark": "load", "engine": engine, "docs": len(report.added), "rows": report.rows,
                                "seconds": round(seconds, 3), "rows_per_s": round(report.rows / seconds, 1),
                                "docs_per_s": round(len(report.added) / seconds, 2)})
            for name in named.names():
                text = named.get(name).text
                params = _params(stores["ladybug"], text)
                for engine, store in stores.items():
                    try:
                        times, rows = _latency(store, text, params, runs)
                    except Exception as err:  # noqa: BLE001 - reported in the table
                        results.append({"benchmark": "query", "name": name, "engine": engine, "error": str(err)[:120]})
                        continue
                    results.append({"benchmark": "query", "name": name, "engine": engine, "rows": rows, "runs": runs,
                                    "p50_ms": round(statistics.median(times), 2), "p95_ms": round(_pct(times, 0.95), 2)})
        finally:
            for store in stores.values():
                store.close()
    return results


def table(results: list[dict]) -> str:
    """A plain-text table of ``run``'s results."""
    lines = ["load: engine      docs    rows   seconds   rows/s   docs/s"]
    for r in results:
        if r["benchmark"] == "load":
            lines.append(f"      {r['engine']:<9} {r['docs']:>5} {r['rows']:>7} {r['seconds']:>9.2f} {r['rows_per_s']:>8.0f} "
                         f"{r['docs_per_s']:>8.1f}")
    lines += ["", "query           rows  ladybug p50/p95 ms    neo4j p50/p95 ms"]
    by_name: dict[str, dict] = {}
    for r in results:
        if r["benchmark"] == "query":
            by_name.setdefault(r["name"], {})[r["engine"]] = r

    def cell(r):
        if r is None:
            return "-"
        if "error" in r:
            return "error: " + r["error"][:40]
        return f"{r['p50_ms']:>7.2f} / {r['p95_ms']:<7.2f}"

    for name, engines in by_name.items():
        rows = next((e.get("rows") for e in engines.values() if "rows" in e), "-")
        lines.append(f"{name:<15} {rows!s:>4}  {cell(engines.get('ladybug')):<20} {cell(engines.get('neo4j'))}")
    return "\n".join(lines)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--batch-size", type=int, default=None, help="articles per transaction (default: each store's)")
    parser.add_argument("--refresh", action="store_true", help="re-extract the corpus")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    results = run(args.docs, args.runs, args.batch_size, args.refresh)
    print(json.dumps(results, indent=2) if args.json else table(results))


if __name__ == "__main__":
    main()
