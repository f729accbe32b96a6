"""Crash safety: kill -9 a real ``provkg ingest`` at several points, reopen, re-run, compare.

The corpus is 40 real news texts (the openings of polnear training articles, written into
tmp_path at test time). A baseline store is built by one uninterrupted ingest. Then, for each
kill point, a fresh ingest subprocess is SIGKILLed there; the store must reopen (read-only and
for writing), hold only whole articles (every article's edges exactly as in the baseline, no edge
citing an absent article), and a re-run of the same ingest must end with exactly the baseline's
stats and edge ids: nothing lost, nothing doubled.

Deterministic kill points use a small wrapper that runs ``provkg.cli.main()`` unchanged except
that the store's batch size is 4 and, at the chosen point, it writes a marker file and sleeps;
the test then sends SIGKILL from outside. One kill point is not instrumented at all: plain
``python -m provkg ingest``, killed as soon as a read-only open sees the first committed batch.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import ROOT, SHARED

POLNEAR = SHARED / "eval" / "polnear" / "train" / "text"
N_ARTICLES = 40
BATCH = 4
KILL_POINTS_TRIED: list[str] = []

pytestmark = pytest.mark.skipif(not POLNEAR.is_dir(), reason=f"{POLNEAR} not available")

WRAPPER = textwrap.dedent('''
    """provkg ingest with a batch size override and one pause point (for kill -9 tests).

    The pause points sit at the engine boundary (ladybug.Connection.execute) and at public
    methods, so they do not depend on how the store builds its statements:
      begin:N      before the N-th BEGIN TRANSACTION
      stmt:N       after the N-th write statement inside a transaction (a half-written batch)
      precommit:N  before the N-th COMMIT (the whole batch written, not committed)
      commit:N     after the N-th COMMIT
      article:N    after the N-th article's rows are built (inside its batch's transaction)
      close        after the last commit, before the store is closed (WAL not checkpointed)
    The marker file says the pid, how many COMMITs had returned, and the point.
    """
    import os, re, sys, time
    import ladybug
    from provkg.graph import ladybug_store as ls

    BATCH = int(os.environ.get("CRASH_BATCH", "32"))
    KIND, _, N = os.environ.get("CRASH_AT", "").partition(":")
    N = int(N or 0)
    MARK = os.environ.get("CRASH_MARK", "")
    seen = {"begin": 0, "stmt": 0, "precommit": 0, "commit": 0, "article": 0}
    state = {"in_tx": False, "loading": False}
    WRITES = re.compile(r"\\b(CREATE|MERGE|SET|DELETE)\\b", re.I)

    def tick(kind, label):
        if kind != "close" and not state["loading"]:
            return  # only the transactions of load() count, not the schema's
        seen[kind] += 1
        if KIND == kind and seen[kind] == N:
            with open(MARK + ".tmp", "w") as f:
                f.write(f"{os.getpid()} {seen['commit']} {label} {N}")
            os.replace(MARK + ".tmp", MARK)
            time.sleep(600)

    execute = ladybug.Connection.execute

    def patched_execute(self, query, parameters=None):
        text = query.strip().upper() if isinstance(query, str) else ""
        if text.startswith("BEGIN"):
            tick("begin", "before BEGIN")
            state["in_tx"] = True
        elif text == "COMMIT":
            tick("precommit", "before COMMIT")
        result = execute(self, query, parameters)
        if text == "COMMIT":
            state["in_tx"] = False
            tick("commit", "after COMMIT")
        elif text.startswith("ROLLBACK"):
            state["in_tx"] = False
        elif state["in_tx"] and WRITES.search(text):
            tick("stmt", "after write statement")
        return result

    ladybug.Connection.execute = patched_execute

    load, close, build_rows = ls.LadybugStore.load, ls.LadybugStore.close, ls.build_rows

    def patched_load(self, records, replace=False, batch_size=32, progress=None):
        state["loading"] = True
        try:
            return load(self, records, replace=replace, batch_size=BATCH, progress=progress)
        finally:
            state["loading"] = False

    def patched_build_rows(*args, **kwargs):
        rows = build_rows(*args, **kwargs)
        tick("article", "after building article rows")
        return rows

    def patched_close(self):
        if getattr(self, "db", None) is not None and not self.read_only:
            tick("close", "before close")
        close(self)

    seen["close"] = 0
    if KIND == "close":
        N = 1
    ls.LadybugStore.load = patched_load
    ls.LadybugStore.close = patched_close
    ls.build_rows = patched_build_rows

    from provkg.cli import main
    sys.argv = ["provkg", *sys.argv[1:]]
    main()
''')


# --------------------------------------------------------------------------- helpers

def _env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CRASH_", "PROVKG_"))}
    env.update(extra)
    return env


def _ingest_args(corpus: Path, db: Path) -> list[str]:
    return ["ingest", str(corpus), "--db", str(db), "--workers", "1", "-q", "--format", "json"]


def _run_to_end(wrapper: Path, corpus: Path, db: Path) -> dict:
    proc = subprocess.run([sys.executable, str(wrapper), *_ingest_args(corpus, db)], cwd=ROOT,
                          env=_env(CRASH_BATCH=str(BATCH)), capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return json.loads(proc.stdout)


def _kill_at(wrapper: Path, corpus: Path, db: Path, point: str, tmp: Path) -> int:
    """Run the ingest until ``point``, SIGKILL it there; returns how many COMMITs that run had made."""
    mark = tmp / f"mark-{point.replace(':', '-')}"
    proc = subprocess.Popen([sys.executable, str(wrapper), *_ingest_args(corpus, db)], cwd=ROOT,
                            env=_env(CRASH_BATCH=str(BATCH), CRASH_AT=point, CRASH_MARK=str(mark)),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while not mark.exists():
            if proc.poll() is not None:
                pytest.fail(f"ingest ended before kill point {point}: {proc.communicate()[1][-2000:]}")
            if time.monotonic() > deadline:
                pytest.fail(f"kill point {point} never reached")
            time.sleep(0.02)
        pid, commits, label = mark.read_text().split(" ", 2)
        assert int(pid) == proc.pid
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    KILL_POINTS_TRIED.append(f"{point}: {label}, {commits} transactions committed in that run")
    return int(commits)


def snapshot(db: Path) -> dict:
    """Everything the comparison needs, read through a read-only open."""
    from provkg.graph.maintenance import check
    from provkg.graph.store import open_store
    from provkg.schemas import MODEL

    with open_store(str(db), read_only=True) as store:
        articles = {row[0] for row in store.query("MATCH (a:Article) RETURN a.id").rows}
        edges = {}
        for rel_type in MODEL.rel_types:
            edges[rel_type] = {(eid, art) for eid, art in
                               store.query(f"MATCH ()-[r:{rel_type}]->() RETURN r.id, r.article").rows}
        nodes = {label: {row[0] for row in store.query(
            f"MATCH (n:{label}) RETURN n.{MODEL.node_key(label)}").rows}
                 for label in MODEL.node_labels if label != "StoreInfo"}
        return {"articles": articles, "edges": edges, "nodes": nodes, "stats": store.stats(),
                "problems": check(store)}


# Cross-article links are made when the second article of a pair arrives, so a store cut short
# may lack some of them; every other edge belongs wholly to the article it cites.
CROSS_ARTICLE = {"REPRINT_OF", "CONTRADICTS"}


def assert_whole_articles(partial: dict, baseline: dict) -> None:
    assert partial["problems"] == []
    assert partial["articles"] <= baseline["articles"]
    for rel_type, edges in partial["edges"].items():
        assert edges <= baseline["edges"][rel_type], f"{rel_type} edges the baseline does not have"
        cited = {art for _, art in edges}
        assert cited <= partial["articles"], f"{rel_type} edges cite articles that are not in the store"
        if rel_type in CROSS_ARTICLE:
            continue
        expected = {(eid, art) for eid, art in baseline["edges"][rel_type] if art in partial["articles"]}
        assert edges == expected, f"{rel_type}: an article is in the store without all of its edges"
    for label, keys in partial["nodes"].items():
        assert keys <= baseline["nodes"][label], f"{label} nodes the baseline does not have"


# --------------------------------------------------------------------------- fixtures

@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """40 articles: the opening (up to ~1,500 characters, whole lines) of polnear texts across outlets."""
    root = tmp_path_factory.mktemp("crash-corpus")
    names = sorted(p.name for p in POLNEAR.glob("*.txt"))
    step = max(1, len(names) // N_ARTICLES)
    for name in names[::step][:N_ARTICLES]:
        text = (POLNEAR / name).read_text(encoding="utf-8")
        cut = text[:1500]
        if "\n" in cut[300:]:
            cut = cut[:cut.rindex("\n")]
        (root / name).write_text(cut + "\n", encoding="utf-8")
    assert len(list(root.iterdir())) == N_ARTICLES
    return root


@pytest.fixture(scope="module")
def wrapper(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("crash-wrapper") / "ingest_with_kill_points.py"
    path.write_text(WRAPPER, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def baseline(tmp_path_factory, wrapper, corpus) -> dict:
    db = tmp_path_factory.mktemp("crash-baseline") / "kg.lbug"
    summary = _run_to_end(wrapper, corpus, db)
    assert summary["added"] == N_ARTICLES and summary["failed"] == 0
    snap = snapshot(db)
    assert snap["problems"] == []
    assert snap["stats"]["articles"] == N_ARTICLES
    assert sum(len(e) for e in snap["edges"].values()) > 1000  # a graph worth checking
    return snap


# --------------------------------------------------------------------------- tests

# Kill points, in order: each lands in the re-run that recovers from the previous kill. Batches
# of BATCH records line up across runs (a re-run batches every record, stored or not; a batch of
# stored ones commits an empty transaction), so after a kill the store holds exactly
# (COMMITs of that run) * BATCH articles, whole.
CHAIN = [
    "begin:1",      # store created, first batch extracted, nothing committed
    "stmt:12",      # half-way through writing a batch's statements
    "commit:5",     # a re-run, between transactions
    "precommit:8",  # a re-run, the whole batch written but COMMIT not yet run
    "article:3",    # a re-run, inside a transaction, while building an article's rows
    "close",        # a re-run, everything committed, the WAL not yet checkpointed into the file
]


def test_kill_9_at_each_point_then_reopen_and_rerun(tmp_path, wrapper, corpus, baseline):
    """Kill, check, re-run and kill again at the next point; the last re-run completes."""
    db = tmp_path / "kg.lbug"
    stored = 0
    for point in CHAIN:
        commits = _kill_at(wrapper, corpus, db, point, tmp_path)
        # A read-only open (it takes no lock) sees exactly the committed batches, each article whole.
        partial = snapshot(db)
        assert len(partial["articles"]) == commits * BATCH >= stored, point
        assert_whole_articles(partial, baseline)
        stored = len(partial["articles"])
    assert stored == N_ARTICLES
    # The same ingest once more: completes, adds nothing twice, and equals the uninterrupted run.
    summary = _run_to_end(wrapper, corpus, db)
    assert (summary["added"], summary["unchanged"], summary["failed"]) == (0, N_ARTICLES, 0)
    final = snapshot(db)
    assert final["problems"] == []
    assert final["stats"] == baseline["stats"]
    assert final["edges"] == baseline["edges"]
    assert final["nodes"] == baseline["nodes"]


def test_kill_9_an_uninstrumented_ingest_seen_by_a_polling_reader(tmp_path, corpus, baseline):
    """Plain ``python -m provkg ingest`` (default batch of 32), killed as soon as a reader sees a commit.

    The reader polls with read-only opens while the writer works: every count it gets is a
    number of whole batches (0, 32 or 40 articles), never part of one.
    """
    db = tmp_path / "kg.lbug"
    proc = subprocess.Popen([sys.executable, "-m", "provkg", *_ingest_args(corpus, db)], cwd=ROOT, env=_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen, reader_errors = [], []
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if not db.exists():
                time.sleep(0.05)
                continue
            try:
                n = _count_articles(db)
            except Exception as err:  # noqa: BLE001 - recorded and asserted on below
                reader_errors.append(f"{type(err).__name__}: {err}")
                continue
            seen.append(n)
            if n:
                break
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    KILL_POINTS_TRIED.append(f"uninstrumented: after a reader saw {seen[-1] if seen else 0} articles")
    assert set(seen) <= {0, 32, N_ARTICLES}, seen
    assert not [e for e in reader_errors if "is an empty database" not in e], reader_errors
    after = snapshot(db)
    assert len(after["articles"]) in (32, N_ARTICLES)
    assert_whole_articles(after, baseline)
    summary = _run_to_end_plain(corpus, db)
    assert summary["added"] + summary["unchanged"] == N_ARTICLES
    final = snapshot(db)
    assert (final["stats"], final["edges"]) == (baseline["stats"], baseline["edges"])


def _count_articles(db: Path) -> int:
    from provkg.graph.store import open_store

    with open_store(str(db), read_only=True) as store:
        return store.query("MATCH (a:Article) RETURN count(a)").rows[0][0]


def _run_to_end_plain(corpus: Path, db: Path) -> dict:
    proc = subprocess.run([sys.executable, "-m", "provkg", *_ingest_args(corpus, db)], cwd=ROOT, env=_env(),
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_report_kill_points(capsys):
    """Not a check: prints how many kill points were tried (run with -s to see it)."""
    with capsys.disabled():
        print(f"\n[crash] kill -9 points tried: {len(KILL_POINTS_TRIED)}")
        for point in KILL_POINTS_TRIED:
            print(f"[crash]   {point}")
