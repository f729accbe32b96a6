"""Ingest and load: ``provkg ingest --workers N`` speed-up and memory, the whole PolNeAR train set
end to end, and ``provkg load`` throughput.

Every run is the real command line (``python -m provkg ...``) in a subprocess, into a fresh
database; peak RSS is the sum over the process and its children (the extraction workers),
polled every 200 ms with psutil. The end-to-end run also writes the records it loads to a JSONL
file (the ingest command line with ``Store.load`` wrapped to copy each record as it passes), which
the load benchmark then loads with ``provkg load``.

    python -m benchmarks.bench_ingest --docs 100
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from benchmarks import CORPUS, OUT, ROOT, PeakRSS, corpus_files, log, mib, table

TEE = textwrap.dedent('''
    import json, sys
    from provkg.graph import ladybug_store as ls
    out = open(sys.argv.pop(1), "w", encoding="utf-8")
    load = ls.LadybugStore.load
    def tee(records):
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\\n")
            yield record
    ls.LadybugStore.load = lambda self, records, *a, **k: load(self, tee(records), *a, **k)
    from provkg.cli import main
    sys.argv = ["provkg", *sys.argv[1:]]
    try:
        main()
    finally:
        out.close()
''')


def provkg(args: list[str], tee: Path | None = None) -> dict:  # noqa: D401
    """Run ``provkg ARGS --format json -q`` in a subprocess: its JSON summary, wall seconds, peak RSS."""
    command = [sys.executable, "-c", TEE, str(tee)] if tee else [sys.executable, "-m", "provkg"]
    env = {k: v for k, v in os.environ.items() if k != "PROVKG_DB"}
    t0 = time.perf_counter()
    proc = subprocess.Popen([*command, *args, "--format", "json", "-q"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with PeakRSS(proc.pid) as rss:
        stdout, stderr = proc.communicate()
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"provkg {' '.join(args[:1])} failed ({proc.returncode}): {stderr[-2000:]}")
    summary = json.loads(stdout)
    return {**summary, "wall": wall, "peak_rss": rss.peak, "peak_parent": rss.peak_root, "peak_children": rss.peak_children}


def run(n_docs: int = 200, full: int | None = None, load_docs: int | None = None, memory_docs: int = 100) -> dict:
    """``n_docs`` articles with 1 and 2 workers; peak RSS of ``memory_docs`` articles with 2 workers;
    ``full`` articles (None: all) end to end; then ``provkg load`` of the first ``load_docs``
    (None: all) of the records that run loaded."""
    files = [str(p) for p in corpus_files(n_docs)]
    everything = corpus_files(full)
    result = {"docs": len(files)}
    with tempfile.TemporaryDirectory(prefix="provkg-bench-") as tmp:
        tmp = Path(tmp)
        for workers in (1, 2):
            log(f"ingest: {len(files)} articles, --workers {workers}")
            result[f"w{workers}"] = provkg(["ingest", *files, "--db", str(tmp / f"w{workers}.lbug"),
                                            "--workers", str(workers)])
        result["speedup"] = result["w1"]["wall"] / result["w2"]["wall"]
        if memory_docs == len(files):
            result["memory"] = result["w2"]
        else:
            log(f"ingest: {memory_docs} articles, --workers 2 (memory)")
            result["memory"] = provkg(["ingest", *[str(p) for p in corpus_files(memory_docs)],
                                       "--db", str(tmp / "memory.lbug"), "--workers", "2"])
        OUT.mkdir(parents=True, exist_ok=True)
        jsonl = OUT / f"polnear-ingested-{len(everything)}.jsonl"
        paths = [str(CORPUS)] if full is None else [str(p) for p in everything]
        log(f"ingest: {len(everything)} articles end to end, --workers 2")
        result["full"] = provkg(["ingest", *paths, "--db", str(tmp / "full.lbug"), "--workers", "2"], tee=jsonl)
        result["full"]["docs"] = len(everything)
        part = tmp / "load.jsonl"
        with open(jsonl, encoding="utf-8") as src, open(part, "w", encoding="utf-8") as dst:
            for n, line in enumerate(src):
                if load_docs is not None and n >= load_docs:
                    break
                dst.write(line)
        log(f"load: {n if load_docs is not None and n >= load_docs else n + 1} records of {jsonl.name} into a new store")
        result["load"] = provkg(["load", str(part), "--db", str(tmp / "load.lbug")])
        result["load"]["jsonl_mb"] = part.stat().st_size / 1e6
    return result


def tables(result: dict) -> str:
    w1, w2, full, load = result["w1"], result["w2"], result["full"], result["load"]
    mem = result.get("memory", w2)
    notes = [f"speed-up 2 workers vs 1 = {result['speedup']:.2f}x (target >= 1.6x on 2 cores)"]
    if result.get("capacity"):
        cap = result["capacity"]
        notes.append(f"measured just before: two CPU-bound processes ran {cap:.2f}x faster together than one after "
                     "the other (2.00 on an idle 2-core machine; less when other work shares the cores)" +
                     (f", so ingest got {100 * (result['speedup'] - 1) / (cap - 1):.0f}% of the parallel gain on offer"
                      if cap > 1.1 else ": the machine offered no parallel gain, the speed-up cannot show"))
    out = [table(f"Parallel ingest (provkg ingest, {result['docs']} PolNeAR train articles, new store each)",
                 ["workers", "seconds", "articles/s", "peak RSS (process + workers)"],
                 [[1, round(w1["wall"], 1), round(w1["added"] / w1["wall"], 2), mib(w1["peak_rss"])],
                  [2, round(w2["wall"], 1), round(w2["added"] / w2["wall"], 2), mib(w2["peak_rss"])]], notes)]
    out.append(table("Memory: peak RSS of provkg ingest --workers 2 (streaming: flat in corpus size but for Ladybug's "
                     "page cache, bounded by its buffer pool)",
                     ["articles", "total", "writer process", "2 workers"],
                     [[mem["added"], mib(mem["peak_rss"]), mib(mem["peak_parent"]), mib(mem["peak_children"])],
                      [full["added"], mib(full["peak_rss"]), mib(full["peak_parent"]), mib(full["peak_children"])]],
                     [f"{full['docs']} files, {full['added']} articles: files with the same text are one Article"]
                     if full["added"] != full["docs"] else []))
    s = full["seconds"]
    other = full["wall"] - s.get("nlp", 0) - s.get("read", 0) - s.get("resolve", 0) - s.get("write", 0) - s.get("link", 0)
    notes = ["read and nlp are measured in the writing process: with workers, nlp is the time it waited for "
             "extraction results, so the parts add up to the wall time; 'link' is reprint/denial linking.",
             f"rows written: {full['rows']:,}"]
    out.append(table(f"End to end: the whole PolNeAR train set ({full['docs']} articles), provkg ingest --workers 2",
                     ["stage", "seconds"],
                     [["read", round(s.get("read", 0), 1)], ["nlp (waiting for workers)", round(s.get("nlp", 0), 1)],
                      ["resolve (rows + entity resolution)", round(s.get("resolve", 0), 1)],
                      ["write (Ladybug)", round(s.get("write", 0), 1)], ["link (reprints, denials)", round(s.get("link", 0), 1)],
                      ["other (start-up: model load, schema)", round(other, 1)],
                      ["total wall", round(full["wall"], 1)]], notes))
    ls = load["seconds"]
    store_s = ls.get("resolve", 0) + ls.get("write", 0) + ls.get("link", 0)
    out.append(table(f"Store load: provkg load of that extraction JSONL ({load['jsonl_mb']:.0f} MB) into a new Ladybug store",
                     ["articles", "rows", "wall s", "rows/s (wall)", "rows/s (resolve+write+link)", "articles/s"],
                     [[load["added"], load["rows"], round(load["wall"], 1), round(load["rows"] / load["wall"]),
                       round(load["rows"] / store_s) if store_s else None, round(load["added"] / load["wall"], 1)]]))
    return "\n\n".join(out)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=200, help="articles for the 1 vs 2 workers comparison")
    parser.add_argument("--full", type=int, default=None, help="articles for the end-to-end run (default: all)")
    parser.add_argument("--load", type=int, default=None, help="records for the load benchmark (default: all)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = run(args.docs, args.full, args.load)
    print(json.dumps(result, indent=1) if args.json else tables(result))


if __name__ == "__main__":
    main()
