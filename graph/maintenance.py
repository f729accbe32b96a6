"""Store maintenance: what version a store is, migrating it, rebuilding it, checking it.

A Ladybug store records the schema and extractor versions that wrote it (``StoreInfo``).
:class:`~provkg.graph.ladybug_store.LadybugStore` refuses to open a store of another version
(:class:`~provkg.errors.SchemaVersionError`), so versions are never mixed silently. This module is
the way forward from that error:

* :func:`migrate` upgrades the schema in place when a migration step is known
  (:data:`MIGRATIONS`), after copying the store to a backup; otherwise it says to run
  ``provkg reextract``.
* :func:`reextract` rebuilds the store from the article texts it holds (with their stored title,
  url, outlet, published date, path and ingest time): the current extractor writes a fresh store
  next to the old one, which is then swapped in with one atomic rename; the old file stays as a
  backup. Merges an analyst undid (``provkg actors --unmerge``) are undone again in the new store.
* :func:`check` lists consistency problems (edges whose evidence article is missing, edges
  pointing outside their article's text, duplicate edge ids); a healthy store has none.

These functions work on the database file directly, below the version check, so they can open
stores that ``LadybugStore`` refuses. They hold the write lock while they work: no other writer
can change the store under them.
"""
from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import ladybug

from provkg import EXTRACTOR_VERSION
from provkg.errors import SchemaVersionError, StoreError, StoreLockedError
from provkg.schemas import MODEL
from provkg.graph.ladybug_store import MAX_DB_SIZE
from provkg.schemas.model import LADYBUG_TYPES

SIDECARS = (".wal", ".shadow", ".tmp")
"""Files Ladybug keeps next to a database while it is open or after a crash."""

def _add_support_counts(conn) -> None:
    """Schema 1 -> 2: ``named_reports``/``anonymous_reports`` on Claim and Directive, counted from the edges."""
    from provkg.graph.linking import SUPPORT

    for label in ("Claim", "Directive"):
        for name, spec in MODEL.node_properties(label).items():
            if name in ("named_reports", "anonymous_reports"):
                conn.execute(f"ALTER TABLE {label} ADD {name} {LADYBUG_TYPES[spec['type']]} DEFAULT 0")
        ids = [row[0] for row in conn.execute(f"MATCH (x:{label}) RETURN x.id").get_all()]
        conn.execute(SUPPORT.format(label=label), {"ids": ids})


MIGRATIONS: dict[int, Callable] = {1: _add_support_counts}
"""In-place schema migrations: ``MIGRATIONS[n](conn)`` upgrades a schema ``n`` store to ``n + 1``.

Each step runs inside one transaction together with the version bump, so a store is either
fully at ``n`` or fully at ``n + 1``. A step that needs the extractor (new properties only
extraction can fill) belongs in ``reextract``.
"""


def current_versions() -> dict[str, str]:
    """The versions this provkg writes: ``{"schema_version": ..., "extractor_version": ...}``."""
    return {"schema_version": str(MODEL.version), "extractor_version": EXTRACTOR_VERSION}


# --------------------------------------------------------------------------- raw access

class _Raw:
    """A Ladybug database opened below the provkg version check (closed on exit)."""

    def __init__(self, path: str, read_only: bool):
        from provkg.graph.ladybug_store import _LOCKED

        if not Path(path).exists():
            raise StoreError(f"no provkg database at {path}")
        if Path(path).is_dir():
            raise StoreError(f"{path} is a directory, not a provkg database file")
        try:
            self.db = ladybug.Database(path, read_only=read_only, max_db_size=MAX_DB_SIZE,
                                       throw_on_wal_replay_failure=not read_only)
        except RuntimeError as err:
            locked = _LOCKED.search(str(err))
            if locked:
                raise StoreLockedError(f"database {path} is in use by process {locked.group(1)}; "
                                       "wait for it to finish") from None
            raise StoreError(f"cannot open database {path}: {err}") from None
        self.conn = ladybug.Connection(self.db)
        self.path = path

    def rows(self, cypher: str, params: dict | None = None) -> list[list]:
        return self.conn.execute(cypher, params or {}).get_all()

    def tables(self) -> set[str]:
        return {row[1] for row in self.rows("CALL show_tables() RETURN *")}

    def versions(self) -> dict[str, str | None]:
        if "StoreInfo" not in self.tables():
            raise StoreError(f"{self.path} is not a provkg database (no StoreInfo table)")
        info = dict(self.rows("MATCH (i:StoreInfo) RETURN i.key, i.value"))
        return {key: info.get(key) for key in current_versions()}

    def close(self) -> None:
        if self.db is not None:
            self.conn.close()
            self.db.close()
            self.db = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _as_int(value: str | None) -> int | None:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return None


def _newer(stored: str | None, current: str) -> bool:
    a, b = _as_int(stored), _as_int(current)
    return a is not None and b is not None and a > b


def versions(store_path: str | os.PathLike) -> dict:
    """What wrote the store and what to do about it.

    Returns ``{"location", "stored": {...}, "current": {...}, "action"}`` where ``action`` is
    ``"none"`` (up to date), ``"migrate"`` (a schema migration is known), ``"reextract"`` (rebuild
    from the stored texts) or ``"upgrade provkg"`` (a newer provkg wrote it). Opens read-only.
    """
    path = os.fspath(store_path)
    with _Raw(path, read_only=True) as raw:
        stored = raw.versions()
    return {"location": path, "stored": stored, "current": current_versions(), "action": _action(stored)}


def _action(stored: dict) -> str:
    current = current_versions()
    if stored == current:
        return "none"
    if any(_newer(stored[k], current[k]) for k in current):
        return "upgrade provkg"
    if stored["schema_version"] != current["schema_version"]:
        if _migration_path(stored["schema_version"]) is None:
            return "reextract"
        return "migrate" if stored["extractor_version"] == current["extractor_version"] else "reextract"
    return "reextract"


def _migration_path(stored_schema: str | None) -> list[int] | None:
    start, target = _as_int(stored_schema), MODEL.version
    if start is None or start > target:
        return None
    steps = list(range(start, target))
    return steps if all(step in MIGRATIONS for step in steps) else None


# --------------------------------------------------------------------------- backup and swap

def _sidecars(path: str) -> list[str]:
    return [path + ext for ext in SIDECARS if os.path.exists(path + ext)]


def _backup_path(path: str) -> str:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
    candidate, n = f"{path}.bak-{stamp}", 1
    while os.path.exists(candidate):
        n += 1
        candidate = f"{path}.bak-{stamp}-{n}"
    return candidate


def _backup(path: str) -> str:
    """A copy of the (closed, checkpointed) database file next to it; returns its path."""
    leftover = _sidecars(path)
    if leftover:
        raise StoreError(f"{path} was not closed cleanly ({', '.join(leftover)} present); open it once with "
                         "provkg stats to recover it, then try again")
    backup = _backup_path(path)
    try:
        os.link(path, backup)  # a hard link costs nothing; the swap below replaces the name, not the inode
    except OSError:
        shutil.copy2(path, backup)
    return backup


# --------------------------------------------------------------------------- migrate

def migrate(store_path: str | os.PathLike, *, backup: bool = True) -> dict:
    """Upgrade the store's schema in place when a migration is known; else say what to do.

    Returns ``{"location", "from", "to", "steps", "backup"}``. Raises
    :class:`SchemaVersionError` when the store cannot be migrated (run ``provkg reextract``) or
    was written by a newer provkg, and when the schema is current but the extraction is not.
    """
    path = os.fspath(store_path)
    current = current_versions()
    with _Raw(path, read_only=False) as raw:
        stored = raw.versions()
    result = {"location": path, "from": stored, "to": current, "steps": [], "backup": None}
    if any(_newer(stored[k], current[k]) for k in current):
        raise SchemaVersionError(
            f"{path} was written by a newer provkg (schema {stored['schema_version']}, extractor "
            f"{stored['extractor_version']}); this provkg writes schema {current['schema_version']}, extractor "
            f"{current['extractor_version']}: upgrade provkg to use it")
    if stored["schema_version"] != current["schema_version"]:
        steps = _migration_path(stored["schema_version"])
        if steps is None:
            raise SchemaVersionError(
                f"{path} has schema_version {stored['schema_version']} and there is no in-place migration to "
                f"{current['schema_version']}: run provkg reextract --db {path} to rebuild it from the stored "
                "article texts (the old file is kept as a backup)")
        if backup:
            result["backup"] = _backup(path)
        with _Raw(path, read_only=False) as raw:
            raw.conn.execute("BEGIN TRANSACTION")
            try:
                for step in steps:
                    MIGRATIONS[step](raw.conn)
                raw.conn.execute("MATCH (i:StoreInfo {key: 'schema_version'}) SET i.value = $v",
                                 {"v": current["schema_version"]})
                raw.conn.execute("COMMIT")
            except BaseException:
                raw.conn.execute("ROLLBACK")
                raise
        result["steps"] = [f"{step} -> {step + 1}" for step in steps]
    if stored["extractor_version"] != current["extractor_version"]:
        done = f"schema migrated ({', '.join(result['steps'])}); but " if result["steps"] else ""
        raise SchemaVersionError(
            f"{done}{path} was extracted with extractor_version {stored['extractor_version']}, this provkg uses "
            f"{current['extractor_version']}: run provkg reextract --db {path} to re-extract the stored article texts")
    return result


# --------------------------------------------------------------------------- reextract

def _stored_articles(raw: _Raw) -> list[dict]:
    if "Article" not in raw.tables():
        raise StoreError(f"{raw.path} has no Article table: nothing to re-extract")
    nodes = [row[0] for row in raw.rows("MATCH (a:Article) RETURN a")]
    bad = [n.get("id") for n in nodes if not isinstance(n.get("text"), str) or not n.get("text")]
    if bad:
        raise StoreError(f"{raw.path}: {len(bad)} article(s) have no stored text (e.g. {bad[0]}); "
                         "re-ingest them from their files instead")
    # The original ingest order (entity resolution depends on it), then path and id for ties.
    nodes.sort(key=lambda n: (n.get("ingested_at") or "", n.get("path") or "", n.get("id") or ""))
    return nodes


def _undone_merges(raw: _Raw) -> list[str]:
    if "Merge" not in raw.tables():
        return []
    return [row[0] for row in raw.rows("MATCH (m:Merge) WHERE m.rule ENDS WITH ' (undone)' RETURN m.id ORDER BY m.id")]


def _records(articles, model: str | None, workers: int):
    from provkg.loaders.pipeline import DEFAULT_MODEL, Extractor

    model = model or DEFAULT_MODEL
    if workers <= 1:
        yield from Extractor(model).records(articles)
        return
    import multiprocessing as mp

    from provkg.loaders.ingest import _chunks, _extract_chunk, _init_worker

    with mp.get_context("spawn").Pool(workers, initializer=_init_worker, initargs=(model,)) as pool:
        for chunk in pool.imap(_extract_chunk, _chunks(articles, 8)):
            yield from chunk


def reextract(store_path: str | os.PathLike, *, model: str | None = None, workers: int = 1, backup: bool = True,
              progress: Callable[[dict], None] | None = None) -> dict:
    """Re-run extraction over the stored article texts into a fresh store and swap it in.

    The new store is written to ``PATH.reextract`` next to the old one, checked (same articles),
    then renamed over ``PATH`` in one atomic step; the old database stays as ``PATH.bak-TIMESTAMP``
    (unless ``backup=False``). A failure or crash before the rename leaves the old store as it was.
    The old store is held open for writing throughout, so no other writer can change it meanwhile.

    Returns ``{"location", "articles", "from", "to", "backup", "unmerges": {"reapplied", "missing"},
    "seconds"}``.
    """
    from provkg.graph.ladybug_store import LadybugStore
    from provkg.loaders.readers import Article
    from provkg.queries import resolution

    path = os.fspath(store_path)
    t0 = time.perf_counter()
    tmp = path + ".reextract"
    for stale in [tmp, *_sidecars(tmp)]:  # a previous reextract that crashed before its rename
        if os.path.exists(stale):
            os.remove(stale)
    raw = _Raw(path, read_only=False)  # the write lock, until the swap
    try:
        stored = raw.versions() if "StoreInfo" in raw.tables() else {k: None for k in current_versions()}
        nodes = _stored_articles(raw)
        undone = _undone_merges(raw)
        articles = [Article(text=n["text"], path=n.get("path") or n["id"], title=n.get("title"), url=n.get("url"),
                            outlet=n.get("outlet"), published=n.get("published")) for n in nodes]
        changed = [n["id"] for n, a in zip(nodes, articles) if a.id != n["id"]]
        if changed:
            raise StoreError(f"{path}: {len(changed)} article text(s) no longer match their id (e.g. {changed[0]}); "
                             "the store is damaged: restore a backup or re-ingest from the files")
        reapplied, missing = [], []
        try:
            with LadybugStore(tmp) as fresh:
                report = fresh.load(_records(articles, model, workers), progress=progress)
                times = [{"id": n["id"], "at": n.get("ingested_at")} for n in nodes if n.get("ingested_at")]
                if times:
                    fresh.query("UNWIND $rows AS row MATCH (a:Article {id: row.id}) SET a.ingested_at = row.at",
                                {"rows": times}, write=True)
                for merge_id in undone:
                    if fresh.query("MATCH (m:Merge {id: $id}) RETURN m.rule", {"id": merge_id}).rows:
                        resolution.unmerge(fresh, merge_id)
                        reapplied.append(merge_id)
                    else:
                        missing.append(merge_id)
                count = fresh.stats()["articles"]
            if count != len(nodes):
                raise StoreError(f"re-extraction wrote {count} articles, the store has {len(nodes)}; "
                                 f"{path} was left unchanged")
            leftover = _sidecars(tmp)
            if leftover:
                raise StoreError(f"the rebuilt store was not closed cleanly ({', '.join(leftover)}); "
                                 f"{path} was left unchanged")
        except BaseException:
            for name in [tmp, *_sidecars(tmp)]:
                if os.path.exists(name):
                    os.remove(name)
            raise
    finally:
        raw.close()
    backup_path = _backup(path) if backup else None
    os.replace(tmp, path)  # atomic: PATH is the old store or the new one, never neither
    return {"location": path, "articles": len(nodes), "added": len(report.added), "from": stored,
            "to": current_versions(), "backup": backup_path,
            "unmerges": {"reapplied": reapplied, "missing": missing},
            "seconds": round(time.perf_counter() - t0, 3)}


# --------------------------------------------------------------------------- check

def check(store) -> list[str]:
    """Consistency problems in an open store (empty list when healthy).

    Every edge's evidence article exists and its span lies within that article's text; edge ids
    are unique per type; every Article has the extractor version the store records.
    """
    problems: list[str] = []
    lengths = {aid: len(text or "") for aid, text in store.query("MATCH (a:Article) RETURN a.id, a.text").rows}
    for rel_type in MODEL.rel_types:
        rows = store.query(f"MATCH ()-[r:{rel_type}]->() RETURN r.id, r.article, r.start, r.stop").rows
        ids = [row[0] for row in rows]
        if len(ids) != len(set(ids)):
            problems.append(f"{rel_type}: {len(ids) - len(set(ids))} duplicate edge id(s)")
        orphans = sorted({art for _, art, _, _ in rows if art not in lengths})
        if orphans:
            problems.append(f"{rel_type}: edges cite {len(orphans)} article(s) not in the store, e.g. {orphans[0]}")
        bad = [eid for eid, art, start, stop in rows if art in lengths
               and not (isinstance(start, int) and isinstance(stop, int) and 0 <= start <= stop <= lengths[art])]
        if bad:
            problems.append(f"{rel_type}: {len(bad)} edge(s) with a span outside their article's text, e.g. {bad[0]}")
    versions_seen = {v for (v,) in store.query("MATCH (a:Article) RETURN DISTINCT a.extractor_version").rows}
    if versions_seen - {EXTRACTOR_VERSION}:
        problems.append(f"articles extracted by other extractor versions: {sorted(map(str, versions_seen))}")
    return problems
