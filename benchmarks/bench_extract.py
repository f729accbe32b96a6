"""Extraction throughput: ``Extractor.records`` (provkg extract) against bare spaCy ``nlp.pipe``.

Both run the same model on the same PolNeAR train texts (front matter masked as provkg does),
in alternating chunks of one run, so the noisy machine slows both alike; words are whitespace
words of the texts. Then the per-component CPU cost of the provkg pipeline (each component run
over the same docs in turn) and, with ``profile=True``, the costliest functions inside provkg's
components (cProfile, cumulative time).

    python -m benchmarks.bench_extract --docs 40 --profile
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import time

from benchmarks import corpus_files, log, table


def _articles(n_docs: int):
    from provkg.errors import InputError
    from provkg.loaders.readers import read_articles

    return [a for a in read_articles([str(p) for p in corpus_files(n_docs)]) if not isinstance(a, InputError)]


def run(n_docs: int = 40, chunk: int = 8, profile_docs: int = 16, profile: bool = False) -> dict:
    import spacy

    from provkg.loaders.extraction import to_record
    from provkg.loaders.pipeline import DEFAULT_MODEL, Extractor, nlp_text

    articles = _articles(n_docs)
    texts = [nlp_text(a.text)[0] for a in articles]
    words = [len(t.split()) for t in texts]
    extractor = Extractor()
    bare = spacy.load(DEFAULT_MODEL)
    list(bare.pipe(texts[:2]))
    list(extractor.records(articles[:2]))  # warm-up: lazy tables, lexicons

    wall = {"bare": 0.0, "provkg": 0.0}
    cpu = {"bare": 0.0, "provkg": 0.0}
    log(f"extract: {len(articles)} articles, {sum(words):,} words, bare spaCy and provkg alternating")
    for k, start in enumerate(range(0, len(articles), chunk)):
        part = slice(start, start + chunk)
        runs = [("bare", lambda: list(bare.pipe(texts[part], batch_size=16))),
                ("provkg", lambda: list(extractor.records(articles[part])))]
        for name, fn in runs if k % 2 == 0 else runs[::-1]:
            t0, c0 = time.perf_counter(), time.process_time()
            fn()
            wall[name] += time.perf_counter() - t0
            cpu[name] += time.process_time() - c0
    total = sum(words)
    result = {"docs": len(articles), "words": total,
              "bare_wps": total / wall["bare"], "provkg_wps": total / wall["provkg"],
              "ratio": wall["bare"] / wall["provkg"], "ratio_cpu": cpu["bare"] / cpu["provkg"],
              "bare_s": wall["bare"], "provkg_s": wall["provkg"]}

    # Per-component CPU time over the same docs (each component over all docs, in pipeline order).
    nlp = extractor.nlp
    sample = articles[:profile_docs]
    sample_texts = texts[:profile_docs]
    costs: dict[str, float] = {"tokenizer": 0.0}
    c0 = time.process_time()
    docs = [nlp.make_doc(t) for t in sample_texts]
    costs["tokenizer"] = time.process_time() - c0
    for name, proc in nlp.pipeline:
        c0 = time.process_time()
        docs = list(proc.pipe(docs, batch_size=16)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        costs[name] = time.process_time() - c0
    c0 = time.process_time()
    for doc, article in zip(docs, sample):
        to_record(doc._.provkg, article)
    costs["to_record"] = time.process_time() - c0
    result["components"] = costs
    result["component_docs"] = len(sample)
    if profile:  # provkg's components once more, under cProfile (it slows Python code, so timed apart)
        profiler = cProfile.Profile()
        for doc in docs:
            doc._.provkg = None
            doc.user_data.clear()
        for name, proc in nlp.pipeline:
            if name.startswith("provkg_") and name != "provkg_paragraphs":
                profiler.enable()
                docs = [proc(d) for d in docs]
                profiler.disable()
        rows = []
        for (path, line, func), (cc, nc, tt, ct, callers) in pstats.Stats(profiler).stats.items():
            if "loaders/components" in path or ("spacy/tokens/doc.pyx" in path and func in ("__get__", "__iter__")):
                rows.append((ct, tt, nc, f"{path.split('/')[-1]}:{line}({func})"))
        rows.sort(reverse=True)
        result["hotspots"] = [{"function": f, "calls": n, "cumulative_s": c, "own_s": t} for c, t, n, f in rows[:15]]
    return result


def tables(result: dict) -> str:
    out = [table(
        f"Extraction throughput ({result['docs']} PolNeAR train articles, {result['words']:,} words, same model, "
        "alternating chunks)",
        ["pipeline", "seconds", "words/s"],
        [["bare spaCy nlp.pipe", round(result["bare_s"], 1), round(result["bare_wps"])],
         ["provkg Extractor.records", round(result["provkg_s"], 1), round(result["provkg_wps"])]],
        [f"ratio provkg/bare = {result['ratio']:.2f} wall, {result['ratio_cpu']:.2f} CPU time (target >= 0.8)"])]
    costs = result["components"]
    total = sum(costs.values())
    spacy_total = sum(v for k, v in costs.items() if not k.startswith("provkg_") and k != "to_record")
    rows = [[k, round(v, 2), round(100 * v / total, 1)] for k, v in costs.items()]
    out.append(table(f"Where extraction time goes (CPU seconds over {result['component_docs']} articles, each "
                     "component over all of them in pipeline order)", ["component", "cpu s", "share %"], rows,
                     [f"spaCy model {100 * spacy_total / total:.0f}%, provkg components + to_record "
                      f"{100 * (total - spacy_total) / total:.0f}%"]))
    if result.get("hotspots"):
        out.append(table("Costliest functions in provkg's components (cProfile, cumulative; doc.pyx:724 is spaCy's "
                         "Doc.text, rebuilt from tokens on every access)",
                         ["function", "calls", "cum s", "own s"],
                         [[h["function"], h["calls"], round(h["cumulative_s"], 2), round(h["own_s"], 2)]
                          for h in result["hotspots"]]))
    return "\n\n".join(out)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=40)
    parser.add_argument("--profile", action="store_true", help="cProfile provkg's components")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = run(args.docs, profile=args.profile)
    print(json.dumps(result, indent=1) if args.json else tables(result))


if __name__ == "__main__":
    main()
