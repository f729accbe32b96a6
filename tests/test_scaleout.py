"""Scale-out: extraction is a pure map over JSON Lines, so any engine that maps can run it.

A Dask ``LocalCluster`` (2 worker processes, the real ``dask[distributed]``) maps partitions of
an articles JSONL file to extraction records; the records must equal, line for line, what the
single-process ``provkg extract`` writes for the same file, and ``provkg load`` of either gives
the same store. The route on a real cluster is the same code with ``Client("tcp://scheduler")``
and input/output on shared storage.
"""
from __future__ import annotations

import io
import json
import logging
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT

dask_bag = pytest.importorskip("dask.bag", reason="pip install 'dask[distributed]' (the scale-out route)")
distributed = pytest.importorskip("distributed", reason="pip install 'dask[distributed]' (the scale-out route)")

CORPUS = ROOT / "tests" / "fixtures" / "corpus"


def extract_partition(lines: list[tuple[str, int, str]]) -> list[str]:
    """The map: ``(source, line number, JSON line)`` items to ``provkg extract`` JSON lines.

    Each worker loads the spaCy pipeline once (kept on the Dask worker) and reads every line
    exactly as ``provkg extract FILE.jsonl`` would, so records carry ``FILE.jsonl:LINE`` paths.
    """
    from provkg.errors import InputError
    from provkg.loaders.pipeline import Extractor
    from provkg.loaders.readers import read_articles

    worker = distributed.get_worker()
    extractor = getattr(worker, "provkg_extractor", None)
    if extractor is None:
        extractor = worker.provkg_extractor = Extractor()
    articles = []
    for source, lineno, line in lines:
        for item in read_articles(["-"], stdin=io.StringIO(line)):
            if isinstance(item, InputError):
                raise ValueError(f"{source}:{lineno}: {item.reason}")
            articles.append(replace(item, path=f"{source}:{lineno}"))
    return [json.dumps(record, ensure_ascii=False) for record in extractor.records(articles)]


def _provkg(*args: str) -> str:
    proc = subprocess.run([sys.executable, "-m", "provkg", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


@pytest.fixture(scope="module")
def articles_jsonl(tmp_path_factory) -> Path:
    """The fixture corpus and the examples as one articles JSONL file (text plus metadata per line)."""
    from provkg.loaders.readers import read_articles

    path = tmp_path_factory.mktemp("scaleout") / "articles.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for article in read_articles([str(CORPUS), str(EXAMPLES)]):
            row = {"text": article.text, "title": article.title, "outlet": article.outlet,
                   "published": article.published, "url": article.url}
            out.write(json.dumps({k: v for k, v in row.items() if v is not None}, ensure_ascii=False) + "\n")
    return path


def test_dask_map_equals_provkg_extract_and_loads_the_same_store(articles_jsonl, tmp_path):
    # The single-process reference: the real command line.
    reference = tmp_path / "reference.jsonl"
    _provkg("extract", str(articles_jsonl), "--format", "jsonl", "-o", str(reference))
    expected = [json.loads(line) for line in reference.read_text(encoding="utf-8").splitlines()]
    assert len(expected) >= 8

    # The same map on a Dask cluster of 2 worker processes.
    lines = [(str(articles_jsonl), n, line) for n, line in
             enumerate(articles_jsonl.read_text(encoding="utf-8").splitlines(), 1) if line.strip()]
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=logging.ERROR) as cluster, distributed.Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        bag = dask_bag.from_sequence(lines, npartitions=4).map_partitions(extract_partition)
        out = bag.compute()
        loaded = client.run(lambda dask_worker: hasattr(dask_worker, "provkg_extractor"))
    assert sorted(loaded.values()) == [True, True]  # both worker processes extracted a share
    mapped = tmp_path / "dask.jsonl"
    mapped.write_text("".join(line + "\n" for line in out), encoding="utf-8")
    records = [json.loads(line) for line in out]
    assert records == expected  # same records, same order, same paths

    # Loading either file gives the same store.
    stats = []
    for name, path in (("dask", mapped), ("reference", reference)):
        db = tmp_path / f"{name}.lbug"
        summary = json.loads(_provkg("load", str(path), "--db", str(db), "--format", "json", "-q"))
        assert summary["added"] == len(expected) and summary["failed"] == 0
        stats.append(json.loads(_provkg("stats", "--db", str(db), "--format", "json")))
    assert stats[0] == stats[1]
    assert stats[0]["articles"] == len(expected)
