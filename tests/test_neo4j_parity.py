"""Every named query (queries/cypher/*.cypher, listed when the tests run) gives the same answers on
Ladybug and on Neo4j, both loaded with the same extraction records of examples/.

Each ``$parameter`` gets every value the graph offers for it (by its name: ``claim_id`` takes
every Claim id, ``actor_ids`` ``[]``, each Actor id alone and all of them, and so on). Answers are
compared as multisets of rows; when the query ends in ``ORDER BY`` on returned columns, the
sequence of those sort keys must match too. Numbers compare as numbers (1 == 1.0), nodes as their
properties, lists as multisets (collect() has no order).
"""
from __future__ import annotations

import re
from collections import Counter

import pytest

import neo4j_env
from neo4j_env import exclusive_server  # noqa: F401 - autouse: one test run at a time on the shared database
from conftest import EXAMPLES
from provkg.schemas import MODEL

pytestmark = pytest.mark.neo4j

# parameter name (without _id/_ids) -> the node label its values come from
STEM_LABELS = {"claim": ["Claim"], "article": ["Article"], "actor": ["Actor"], "directive": ["Directive"],
               "place": ["Place"], "merge": ["Merge"], "outlet": ["Actor"], "source": ["Actor"], "issuer": ["Actor"],
               "target": ["Actor"], "recipient": ["Actor"], "item": ["Claim", "Directive"], "copy": ["Article"],
               "original": ["Article", "Actor"], "name": ["Name"]}
MAX_VALUES = 80


def _query_names() -> list[str]:
    from provkg.queries import named

    return named.names()


@pytest.fixture(scope="module")
def stores(extractor, tmp_path_factory):
    """(ladybug, neo4j): the same records of examples/ loaded into both."""
    from provkg.graph.ladybug_store import LadybugStore
    from provkg.loaders.readers import read_articles

    cfg = neo4j_env.settings()
    records = list(extractor.records(a for a in read_articles([str(EXAMPLES)])))
    neo4j_env.wipe(cfg)
    lady = LadybugStore(str(tmp_path_factory.mktemp("parity") / "kg.lbug"))
    neo = neo4j_env.open_neo4j(cfg)
    lady.load(records)
    neo.load(records)
    yield lady, neo
    lady.close()
    neo.close()


def test_both_stores_hold_the_same_graph(stores):
    lady, neo = stores
    assert lady.stats() == neo.stats()
    differences = neo4j_env.diff_dumps(neo4j_env.graph_dump(lady), neo4j_env.graph_dump(neo))
    assert not differences, "\n".join(differences)


def _parameters(text: str) -> list[str]:
    code = re.sub(r"//[^\n]*", "", text)
    code = re.sub(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"", "''", code)
    return sorted(set(re.findall(r"\$(\w+)", code)))


def _values(store, name: str) -> list:
    """Every value the graph offers for a parameter, by its name."""
    if name == "limit":
        return [1, 2, 1000]
    many = name.endswith("_ids")
    stem = re.sub(r"_ids?$", "", name)
    if stem == "edge":
        ids = sorted({r[0] for r in store.query("MATCH ()-[r]->() RETURN r.id").rows if r[0]})
    elif stem in STEM_LABELS:
        ids = []
        for label in STEM_LABELS[stem]:
            key = MODEL.node_key(label)
            ids += [r[0] for r in store.query(f"MATCH (n:{label}) RETURN n.`{key}` ORDER BY n.`{key}`").rows]
    else:
        pytest.fail(f"no rule for parameter ${name}: add its stem to STEM_LABELS in tests/test_neo4j_parity.py")
    ids = ids[:MAX_VALUES] + ["no-such-id"]
    return [[], *([i] for i in ids), ids] if many else ids


def _order_columns(text: str, columns: list[str]) -> list[str] | None:
    """The returned columns the query's final ORDER BY sorts on (None: no usable ORDER BY)."""
    code = re.sub(r"//[^\n]*", "", text)
    tail = re.split(r"\bRETURN\b", code, flags=re.I)[-1]
    match = re.search(r"\bORDER\s+BY\b(.*?)(?:\bSKIP\b|\bLIMIT\b|$)", tail, flags=re.I | re.S)
    if not match:
        return None
    keys = [re.sub(r"\s+(ASC|DESC|ASCENDING|DESCENDING)$", "", k.strip(), flags=re.I) for k in match.group(1).split(",")]
    if not all(k in columns for k in keys):
        return None
    return keys


def canon(value):
    """A hashable, engine-neutral form of a value."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return round(float(value), 6)
    if isinstance(value, dict):
        return tuple(sorted((k, canon(v)) for k, v in value.items()
                            if k not in ("_ID", "_SRC", "_DST") and v is not None))
    if isinstance(value, (list, tuple)):
        return ("list",) + tuple(sorted((canon(v) for v in value), key=repr))
    return repr(value)


@pytest.mark.parametrize("name", _query_names())
def test_named_query_answers_match(stores, name):
    from provkg.queries import named

    lady, neo = stores
    text = named.get(name).text
    params = {p: _values(lady, p) for p in _parameters(text)}
    cases = [{p: values[0] for p, values in params.items()}]
    for p, values in params.items():
        cases += [{**cases[0], p: v} for v in values[1:]]
    non_empty = 0
    for case in cases:
        theirs = lady.query(text, case)
        try:
            mine = neo.query(text, case)
        except Exception as err:  # noqa: BLE001 - say which query and why
            pytest.fail(f"{name}.cypher does not run on Neo4j with {case}: {err}")
        assert mine.columns == theirs.columns, f"{name}: columns differ"
        a = [tuple(canon(v) for v in row) for row in theirs.rows]
        b = [tuple(canon(v) for v in row) for row in mine.rows]
        assert Counter(a) == Counter(b), (f"{name} with {case}: rows differ\n only Ladybug: "
                                          f"{list((Counter(a) - Counter(b)).elements())[:3]}\n only Neo4j: "
                                          f"{list((Counter(b) - Counter(a)).elements())[:3]}")
        keys = _order_columns(text, theirs.columns)
        if keys:
            at = [theirs.columns.index(k) for k in keys]
            assert [tuple(r[i] for i in at) for r in a] == [tuple(r[i] for i in at) for r in b], \
                f"{name} with {case}: ORDER BY {', '.join(keys)} gives another order"
        non_empty += bool(a)
    assert non_empty, f"{name}: no parameter value gave any rows; the comparison proves nothing"
