"""Named Cypher queries shipped in ``queries/cypher/*.cypher``.

Each file starts with a comment header: what it answers, its parameters, an example.

>>> "provenance" in names()
True
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from provkg.errors import NotFoundError

CYPHER_DIR = Path(__file__).with_name("cypher")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    text: str


def names() -> list[str]:
    return sorted(p.stem for p in CYPHER_DIR.glob("*.cypher"))


def get(name: str) -> NamedQuery:
    if name not in names():  # never build a path from user input
        raise NotFoundError(f"no named query {name!r}; provkg query --list shows them: {', '.join(names())}")
    text = (CYPHER_DIR / f"{name}.cypher").read_text(encoding="utf-8")
    header = [line[2:].strip() for line in text.splitlines() if line.startswith("//")]
    return NamedQuery(name, header[0] if header else "", text)


def run(store, name: str, params: dict | None = None):
    """Run a named query on a store."""
    return store.query(get(name).text, params or {})
