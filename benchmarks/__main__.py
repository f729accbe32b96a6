"""``python -m benchmarks [--quick] [--json FILE]``: every provkg benchmark, printed as tables.

1. Extraction throughput: provkg extract against bare spaCy, same model and texts, side by side.
2. Parallel ingest: ``provkg ingest --workers 1`` vs ``2`` on 200 articles (with the machine's own
   parallel capacity measured alongside), peak RSS for 100 articles and the full corpus.
3. The whole PolNeAR train set ingested end to end with its time breakdown; ``provkg load``
   throughput (rows/s) of the extraction JSONL.
4. Queries at scale on a bulk-loaded synthetic store of 1M+ nodes and 5M+ edges (cached in
   ``benchmarks/out/``): p50/p95 of provenance, origins, anonymous, actor dossier, text search;
   query plans checked for primary-key lookups.
5. Neo4j vs Ladybug (``benchmarks.bench_neo4j``) when ``PROVKG_NEO4J_URI`` is set.

The full run takes under 15 minutes on 2 cores once the synthetic store is cached (its first
generation adds about 5 minutes); ``--quick`` is a smaller run of every part (about 4 minutes).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

from benchmarks import env_note, log

FULL = {"extract_docs": 80, "ingest_docs": 200, "full_docs": None, "load_docs": 300, "synthetic_articles": 36000,
        "query_samples": 30, "query_budget_s": 20.0, "neo4j_docs": 100, "memory_docs": 100}
QUICK = {"extract_docs": 16, "ingest_docs": 30, "memory_docs": 30, "full_docs": 120, "load_docs": 120, "synthetic_articles": 3000,
         "query_samples": 12, "query_budget_s": 8.0, "neo4j_docs": 30}


def parallel_capacity(seconds: float = 3.0) -> float:
    """How much faster two CPU-bound processes finish than one after the other, right now.

    Two processes spinning for a fixed amount of work, run together, against the same work run
    alone twice; 2.0 on an idle 2-core machine, less when other work shares the cores.
    """
    spin = ("import time\nt=time.process_time()\nx=0\nwhile time.process_time()-t<%f: x+=1" % seconds)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", spin], check=True)
    alone = time.perf_counter() - t0
    t0 = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-c", spin]) for _ in range(2)]
    for p in procs:
        p.wait()
    together = time.perf_counter() - t0
    return 2 * alone / together


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a smaller run of every benchmark")
    parser.add_argument("--only", choices=["extract", "ingest", "queries", "neo4j"], action="append",
                        help="run only these parts (repeatable)")
    parser.add_argument("--profile", action="store_true", help="cProfile provkg's extraction components")
    parser.add_argument("--json", metavar="FILE", help="also write every figure as JSON")
    args = parser.parse_args(argv)
    cfg = QUICK if args.quick else FULL
    parts = set(args.only or ["extract", "ingest", "queries", "neo4j"])
    started = time.perf_counter()
    results: dict = {"config": cfg, "environment": env_note()}
    printed: list[str] = [f"provkg benchmarks ({'quick' if args.quick else 'full'} run; {results['environment']})"]
    print(printed[0], flush=True)

    def show(text: str) -> None:
        printed.append(text)
        print("\n" + text, flush=True)

    if "extract" in parts:
        from benchmarks import bench_extract

        results["extract"] = bench_extract.run(cfg["extract_docs"], profile=args.profile or not args.quick)
        show(bench_extract.tables(results["extract"]))
    if "ingest" in parts:
        from benchmarks import bench_ingest

        capacity = parallel_capacity()
        log(f"machine: two CPU-bound processes finish {capacity:.2f}x faster than one after the other")
        results["ingest"] = bench_ingest.run(cfg["ingest_docs"], cfg["full_docs"], cfg["load_docs"], cfg["memory_docs"])
        results["ingest"]["capacity"] = capacity
        show(bench_ingest.tables(results["ingest"]))
    if "queries" in parts:
        from benchmarks import bench_queries

        results["queries"] = bench_queries.run(cfg["synthetic_articles"], cfg["query_samples"], cfg["query_budget_s"])
        show(bench_queries.tables(results["queries"]))
    if "neo4j" in parts and (os.environ.get("PROVKG_NEO4J_URI") or os.environ.get("NEO4J_URI")):
        try:
            from benchmarks import bench_neo4j
        except ImportError:
            bench_neo4j = None
        if bench_neo4j is not None and hasattr(bench_neo4j, "run"):
            log("neo4j: Ladybug vs Neo4j on the same records")
            results["neo4j"] = bench_neo4j.run(cfg["neo4j_docs"])
            show("Neo4j vs Ladybug (benchmarks.bench_neo4j)\n" + bench_neo4j.table(results["neo4j"]))
    elif "neo4j" in parts:
        show("Neo4j vs Ladybug: skipped (set PROVKG_NEO4J_URI, e.g. bolt://127.0.0.1:7687 after bash tools/neo4j/start.sh)")
    total = time.perf_counter() - started
    show(f"All benchmarks ran in {total / 60:.1f} minutes.")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump({**results, "minutes": total / 60}, out, indent=1, default=str)


if __name__ == "__main__":
    main()
