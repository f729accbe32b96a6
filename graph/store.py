"""The store protocol every backend implements, and :func:`open_store` to pick one.

>>> import tempfile, os
>>> with open_store(os.path.join(tempfile.mkdtemp(), "kg.lbug")) as store:
...     store.stats()["articles"]
0
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

DEFAULT_DB = "./provkg.lbug"


@dataclass
class LoadReport:
    """What one load did: articles added, replaced or already present, and rows written."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rows: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list]

    def records(self) -> list[dict]:
        return [dict(zip(self.columns, row)) for row in self.rows]


class Store(Protocol):
    """A provkg graph store (embedded Ladybug or Neo4j)."""

    location: str

    def load(self, records: Iterable[dict], replace: bool = False, batch_size: int = 32,
             progress: Callable[[dict], None] | None = None) -> LoadReport: ...

    def query(self, cypher: str, params: dict | None = None, write: bool = False) -> QueryResult: ...

    def stats(self) -> dict: ...

    def close(self) -> None: ...


def default_db() -> str:
    return os.environ.get("PROVKG_DB") or DEFAULT_DB


def open_store(location: str | None = None, read_only: bool = False, **options) -> "Store":
    """Open the store at ``location``: a bolt:// or neo4j:// URI, else an embedded Ladybug path."""
    location = location or default_db()
    if location.startswith(("bolt://", "bolt+s://", "neo4j://", "neo4j+s://")):
        from provkg.graph.neo4j_store import Neo4jStore

        return Neo4jStore(location, read_only=read_only, **options)
    from provkg.graph.ladybug_store import LadybugStore

    return LadybugStore(location, read_only=read_only, **options)
