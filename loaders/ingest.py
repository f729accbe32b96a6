"""Extract and ingest: the pure per-document map (``extract``) and extract + load (``ingest``).

Extraction runs in this process or in ``workers`` processes (each loads the model once and
maps chunks of articles); results come back in input order and one writer loads them.
Bad inputs are reported as :class:`~provkg.errors.InputError` and skipped, never fatal.
"""
from __future__ import annotations

import json
import multiprocessing as mp
import threading
import time
from contextlib import nullcontext
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from provkg.errors import InputError
from provkg.loaders.extraction import outermost
from provkg.loaders.readers import DEFAULT_MAX_BYTES, Article, read_articles

_WORKER_EXTRACTOR = None
CHUNK = 4       # articles per task sent to a worker
IN_FLIGHT = 4   # chunks per worker read ahead of the writer, at most


@dataclass
class IngestReport:
    """Summary of an ingest or load: per-article outcomes, skipped inputs and timings."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (path, what was ignored): ingested anyway
    rows: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


def _init_worker(model: str) -> None:
    global _WORKER_EXTRACTOR
    from provkg.loaders.pipeline import Extractor

    _WORKER_EXTRACTOR = Extractor(model)


def _extract_chunk(articles: list[Article]) -> list[dict]:
    return list(_WORKER_EXTRACTOR.records(articles))


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def extract(paths: Iterable[str], *, model: str | None = None, workers: int = 1, max_bytes: int = DEFAULT_MAX_BYTES,
            include_text: bool = True, nested: bool = True, stdin=None,
            timings: dict | None = None) -> Iterator[dict | InputError]:
    """Extraction records (or InputErrors) for every article under ``paths``, in input order.

    With ``nested=False`` the records keep only outermost attributions (see :func:`outermost`).

    >>> from provkg.loaders.readers import Article
    >>> import tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "a.txt")
    >>> _ = open(path, "w").write("The ministry said the order was lifted.")
    >>> [record] = extract([path])
    >>> record["document"]["path"] == path
    True
    """
    from provkg.loaders.pipeline import DEFAULT_MODEL, Extractor

    model = model or DEFAULT_MODEL
    timings = timings if timings is not None else {}
    timings.setdefault("read", 0.0)
    timings.setdefault("nlp", 0.0)
    pending: list = []  # keeps errors in input order relative to the articles around them

    def articles() -> Iterator[Article]:
        source = read_articles(paths, max_bytes=max_bytes, stdin=stdin)
        while True:
            t0 = time.perf_counter()
            item = next(source, None)
            timings["read"] += time.perf_counter() - t0
            if item is None:
                return
            if isinstance(item, InputError):
                pending.append(item)
            else:
                yield item

    if workers <= 1:
        extractor = Extractor(model)
        stream = extractor.records(articles(), include_text=include_text)
        while True:
            t0 = time.perf_counter()
            record = next(stream, None)
            timings["nlp"] += time.perf_counter() - t0
            while pending:
                yield pending.pop(0)
            if record is None:
                return
            yield record if nested else outermost(record)
    else:
        # At most IN_FLIGHT chunks per worker are read ahead or waiting to be consumed, so memory
        # stays flat however long the input (Pool.imap alone reads the whole input at once and
        # queues every result the writer has not taken yet). Small chunks keep both workers busy
        # to the end instead of one finishing a long last chunk alone.
        ctx = mp.get_context("spawn")
        slots = threading.Semaphore(IN_FLIGHT * workers)
        done = threading.Event()

        def bounded(chunks):
            for chunk in chunks:
                while not slots.acquire(timeout=0.1):
                    if done.is_set():
                        return
                yield chunk

        with ctx.Pool(workers, initializer=_init_worker, initargs=(model,)) as pool:
            try:
                t0 = time.perf_counter()
                for chunk in pool.imap(_extract_chunk, bounded(_chunks(articles(), CHUNK))):
                    slots.release()
                    timings["nlp"] += time.perf_counter() - t0
                    while pending:
                        yield pending.pop(0)
                    for record in chunk:
                        if not include_text:
                            record["document"].pop("text", None)
                        yield record if nested else outermost(record)
                    t0 = time.perf_counter()
                while pending:
                    yield pending.pop(0)
            finally:
                done.set()  # lets the feeding thread finish before the pool is shut down


def ingest(paths: Iterable[str], store, *, replace: bool = False, workers: int = 1, model: str | None = None,
           max_bytes: int = DEFAULT_MAX_BYTES, stdin=None, progress: Callable[[dict], None] | None = None) -> IngestReport:
    """Extract every article under ``paths`` and load it into ``store``."""
    report = IngestReport()
    timings: dict = {}

    def records():
        for item in extract(paths, model=model, workers=workers, max_bytes=max_bytes, stdin=stdin, timings=timings):
            if isinstance(item, InputError):
                report.errors.append(item)
            else:
                _note_warnings(report, item)
                yield item

    _merge(report, store.load(records(), replace=replace, progress=progress))
    report.seconds = {**timings, **report.seconds}
    return report


def read_records(paths: Iterable[str], stdin=None) -> Iterator[dict | InputError]:
    """Extraction records from JSON Lines files (``-`` for stdin), errors with path:line."""
    import sys

    for path in paths:
        try:
            handle = (stdin or sys.stdin) if path == "-" else open(path, encoding="utf-8")
        except OSError as err:
            yield InputError(path, f"cannot read: {err.strerror}")
            continue
        with handle if path != "-" else nullcontext(handle):
            for lineno, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                    if not isinstance(record, dict) or "text" not in record.get("document", {}):
                        raise ValueError("not a provkg extract record with document.text (use provkg extract --format jsonl)")
                except ValueError as err:
                    yield InputError(path, str(err), line=lineno)
                    continue
                yield record


def load(paths: Iterable[str], store, *, replace: bool = False, stdin=None,
         progress: Callable[[dict], None] | None = None) -> IngestReport:
    """Load ``provkg extract --format jsonl`` output into ``store``."""
    report = IngestReport()

    def records():
        for item in read_records(paths, stdin=stdin):
            if isinstance(item, InputError):
                report.errors.append(item)
            else:
                yield item

    _merge(report, store.load(records(), replace=replace, progress=progress))
    return report


def _note_warnings(report: IngestReport, record: dict) -> None:
    document = record.get("document", {})
    for warning in (document.get("metadata") or {}).get("warnings", []):
        report.warnings.append((document.get("path"), warning))


def _merge(report: IngestReport, loaded) -> None:
    report.added, report.replaced, report.unchanged = loaded.added, loaded.replaced, loaded.unchanged
    report.rows = loaded.rows
    report.seconds.update(loaded.seconds)

