"""Bulk export for Neo4j: CSV files in ``neo4j-admin database import`` format.

``write_neo4j_import(store, directory)`` writes one CSV file per node label and one per
relationship type and endpoint labels, with typed headers::

    nodes-Actor.csv              id:ID(Actor),name,kind,aliases:string[],anonymous:boolean,...,:LABEL
    rels-REPORTED-Actor-Claim.csv  :START_ID(Actor),:END_ID(Claim),id,article,start:long,...,:TYPE

plus ``import.sh`` (the exact ``neo4j-admin database import full`` command), ``schema.cypher``
(the model's constraints and indexes, to run once the database is started), ``load_csv.cypher``
(the same data through ``LOAD CSV`` into a running server) and ``IMPORT.md``.

Values: strings are always quoted (``""`` inside), so an empty string stays an empty string and
an empty field is no property (null); lists are joined with the array delimiter (``;``, or
another character when some value contains ``;``; ``import.sh`` passes it); an empty list is no
property. Texts keep their newlines (``--multiline-fields=true``).

>>> header_field("start", "int"), header_field("aliases", "string[]"), header_field("id", "string")
('start:long', 'aliases:string[]', 'id')
"""
from __future__ import annotations

import json
import shlex
from pathlib import Path

from provkg.graph.push import iter_rows
from provkg.schemas import MODEL

ADMIN_TYPES = {"string": "", "int": "long", "float": "double", "bool": "boolean", "string[]": "string[]"}
DELIMITER_CHOICES = (";", "|", "\u001f")
DEFAULT_READ_BUFFER = 4 * 1024 * 1024   # neo4j-admin's default --read-buffer-size


def header_field(name: str, kind: str) -> str:
    suffix = ADMIN_TYPES[kind]
    return f"{name}:{suffix}" if suffix else name


def _cell(value, kind: str, delimiter: str) -> str:
    if value is None:
        return ""
    if kind == "string[]":
        if not value:
            return ""
        value = delimiter.join(value)
        kind = "string"
    if kind == "bool":
        return "true" if value else "false"
    if kind == "int":
        return str(int(value))
    if kind == "float":
        return repr(float(value))
    return '"' + str(value).replace('"', '""') + '"'


def _node_files() -> list[dict]:
    files = []
    for label in MODEL.node_labels:
        key = MODEL.node_key(label)
        props = MODEL.node_properties(label)
        header = [f"{key}:ID({label})"] + [header_field(n, p["type"]) for n, p in props.items() if n != key] + [":LABEL"]
        cols = ", ".join(f"n.`{n}`" for n in props)
        files.append({"file": f"nodes-{label}.csv", "kind": "node", "label": label, "key": key,
                      "props": {n: p["type"] for n, p in props.items()}, "header": header,
                      "read": f"MATCH (n:{label}) RETURN {cols} ORDER BY n.`{key}`"})
    return files


def _rel_files() -> list[dict]:
    files = []
    for rel_type in MODEL.rel_types:
        props = MODEL.rel_properties(rel_type)
        for src, dst in MODEL.rel_endpoints(rel_type):
            header = [f":START_ID({src})", f":END_ID({dst})"] + [header_field(n, p["type"]) for n, p in props.items()] + [":TYPE"]
            cols = ", ".join(f"r.`{n}`" for n in props)
            files.append({"file": f"rels-{rel_type}-{src}-{dst}.csv", "kind": "rel", "type": rel_type, "src": src,
                          "dst": dst, "src_key": MODEL.node_key(src), "dst_key": MODEL.node_key(dst),
                          "props": {n: p["type"] for n, p in props.items()}, "header": header,
                          "read": f"MATCH (a:{src})-[r:{rel_type}]->(b:{dst}) RETURN a.`{MODEL.node_key(src)}`, "
                                  f"b.`{MODEL.node_key(dst)}`, {cols} ORDER BY r.id"})
    return files


def _choose_delimiter(store) -> str:
    """``;`` unless some list value contains it."""
    values = []
    for label in MODEL.node_labels:
        for name, spec in MODEL.node_properties(label).items():
            if spec["type"] == "string[]":
                values += [v for row in iter_rows(store, f"MATCH (n:{label}) RETURN n.`{name}`") for v in (row[0] or [])]
    for delimiter in DELIMITER_CHOICES:
        if not any(delimiter in v for v in values):
            return delimiter
    raise ValueError("every array delimiter candidate occurs in some list value")


def write_neo4j_import(store, directory: str | Path, database: str = "neo4j") -> dict:
    """Write the store's nodes and relationships as ``neo4j-admin database import`` CSV files.

    Returns ``{"directory", "nodes": {label: n}, "relationships": {type: n}, "files": [...],
    "array_delimiter", "command"}``; the files with no rows are not written.
    """
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    delimiter = _choose_delimiter(store)
    nodes = {label: 0 for label in MODEL.node_labels}
    rels = {rel: 0 for rel in MODEL.rel_types}
    written = []
    longest = 0
    for spec in _node_files() + _rel_files():
        path = out / spec["file"]
        path.unlink(missing_ok=True)
        count = 0
        kinds = list(spec["props"].values())
        handle = None
        try:
            for row in iter_rows(store, spec["read"]):
                if handle is None:
                    handle = open(path, "w", encoding="utf-8", newline="")
                    handle.write(",".join(spec["header"]) + "\n")
                if spec["kind"] == "node":
                    values = dict(zip(spec["props"], row))
                    key = spec["key"]
                    cells = [_cell(values[key], "string", delimiter)]
                    cells += [_cell(values[n], k, delimiter) for n, k in spec["props"].items() if n != key]
                    cells.append(spec["label"])
                else:
                    cells = [_cell(row[0], "string", delimiter), _cell(row[1], "string", delimiter)]
                    cells += [_cell(v, k, delimiter) for v, k in zip(row[2:], kinds)]
                    cells.append(spec["type"])
                longest = max(longest, max(len(c) for c in cells))
                handle.write(",".join(cells) + "\n")
                count += 1
        finally:
            if handle is not None:
                handle.close()
        if count:
            written.append({**{k: v for k, v in spec.items() if k not in ("read",)}, "rows": count})
            if spec["kind"] == "node":
                nodes[spec["label"]] += count
            else:
                rels[spec["type"]] += count
    # A field must fit neo4j-admin's read buffer: raise it for long article texts.
    needed = 2 * 4 * longest   # UTF-8 bytes at worst, twice over
    buffer = DEFAULT_READ_BUFFER if needed <= DEFAULT_READ_BUFFER else 1 << needed.bit_length()
    command = _command(written, delimiter, database, buffer)
    manifest = {"array_delimiter": delimiter, "database": database, "files": written,
                "nodes": nodes, "relationships": rels, "command": command}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    (out / "schema.cypher").write_text("".join(f"{s};\n" for s in MODEL.neo4j_schema()), encoding="utf-8")
    (out / "load_csv.cypher").write_text(
        "// Load this directory into a running Neo4j with LOAD CSV (cypher-shell -f load_csv.cypher).\n"
        "// Copy the CSV files into the server's import directory first (server.directories.import).\n"
        + "".join(f"{s};\n" for s in MODEL.neo4j_schema())
        + "".join(f":auto {s};\n" for s in load_csv_statements(out)), encoding="utf-8")
    script = out / "import.sh"
    script.write_text(_script(command), encoding="utf-8")
    script.chmod(0o755)
    (out / "IMPORT.md").write_text(_readme(manifest), encoding="utf-8")
    return {"directory": str(out), "nodes": nodes, "relationships": rels, "files": [f["file"] for f in written],
            "array_delimiter": delimiter, "command": command}


def _command(files: list[dict], delimiter: str, database: str, read_buffer: int) -> str:
    # The database name goes first: --nodes/--relationships take several values and would swallow it.
    parts = ["neo4j-admin", "database", "import", "full", shlex.quote(database), "--id-type=string",
             "--array-delimiter=" + shlex.quote(delimiter if delimiter != chr(31) else "\\u001F"), "--multiline-fields=true",
             "--quote='\"'", "--skip-duplicate-nodes=false", "--skip-bad-relationships=false"]
    if read_buffer != DEFAULT_READ_BUFFER:
        parts.append(f"--read-buffer-size={read_buffer}")
    parts += [f"--nodes={f['file']}" for f in files if f["kind"] == "node"]
    parts += [f"--relationships={f['file']}" for f in files if f["kind"] == "rel"]
    return " ".join(parts)


def _script(command: str) -> str:
    return f"""#!/usr/bin/env bash
# Bulk-load this directory into a new, empty Neo4j database (written by provkg export neo4j-import).
# neo4j-admin must run on the Neo4j server machine while that database is stopped or does not exist
# yet (add --overwrite-destination to replace one). Then start the database, create the model's
# constraints and indexes (cypher-shell -f schema.cypher) and use it: provkg stats --db bolt://HOST:7687
set -euo pipefail
cd "$(dirname "${{BASH_SOURCE[0]}}")"
{command} "$@"
"""


def _readme(manifest: dict) -> str:
    lines = ["# Neo4j bulk import", "",
             "Written by `provkg export neo4j-import`. Two ways in:", "",
             "1. **Offline, fastest** (a new database; it must be stopped or not exist yet): on the Neo4j server run", "",
             "   ```bash", f"   ./import.sh            # = {manifest['command']}", "   ```", "",
             "   then start the database and create the model's constraints and indexes:", "",
             "   ```bash", "   cypher-shell -u neo4j -p PASSWORD -d neo4j -f schema.cypher", "   ```", "",
             "2. **Online** (a running server; slower): copy the CSV files into the server's import directory",
             "   (`server.directories.import`), then `cypher-shell -u neo4j -p PASSWORD -f load_csv.cypher`.", "",
             "Either way, check it: `provkg stats --db bolt://HOST:7687` shows the counts below.", "",
             f"Array delimiter: `{manifest['array_delimiter']!r}`. Empty strings are quoted (`\"\"`); an empty field is "
             "no property; an empty list is written as no property.", "",
             "| file | rows |", "| --- | --- |"]
    lines += [f"| {f['file']} | {f['rows']} |" for f in manifest["files"]]
    return "\n".join(lines) + "\n"


_CONVERT = {"string": "{v}", "int": "toInteger({v})", "float": "toFloat({v})", "bool": "toBoolean({v})",
            "string[]": "CASE WHEN {v} IS NULL THEN NULL ELSE split({v}, {d}) END"}


def load_csv_statements(directory: str | Path, url_prefix: str = "file:///", rows_per_tx: int = 1000) -> list[str]:
    """``LOAD CSV`` statements that load the files of ``directory`` (as listed in its manifest.json).

    ``url_prefix`` is where the server finds the files (``file:///`` = its import directory).
    Each statement uses ``CALL { ... } IN TRANSACTIONS``, so run it in an auto-commit transaction
    (``session.run``; ``:auto`` in cypher-shell).
    """
    manifest = json.loads((Path(directory) / "manifest.json").read_text(encoding="utf-8"))
    delimiter = json.dumps(manifest["array_delimiter"]).replace('"', "'")
    statements = []
    for f in manifest["files"]:
        url = f"{url_prefix}{f['file']}"
        columns = dict(zip([h.split(":")[0] if not h.startswith(":") else h for h in f["header"]], f["header"]))

        def value(name: str, kind: str) -> str:
            return _CONVERT[kind].format(v=f"row.`{columns[name]}`", d=delimiter)

        if f["kind"] == "node":
            key = f["key"]
            sets = ", ".join(f"n.`{n}` = {value(n, k)}" for n, k in f["props"].items() if n != key)
            body = f"MERGE (n:{f['label']} {{`{key}`: row.`{columns[key]}`}})" + (f" SET {sets}" if sets else "")
        else:
            sets = ", ".join(f"r.`{n}` = {value(n, k)}" for n, k in f["props"].items() if n != "id")
            body = (f"MATCH (a:{f['src']} {{`{f['src_key']}`: row.`:START_ID({f['src']})`}}) "
                    f"MATCH (b:{f['dst']} {{`{f['dst_key']}`: row.`:END_ID({f['dst']})`}}) "
                    f"MERGE (a)-[r:{f['type']} {{id: row.id}}]->(b) SET {sets}")
        statements.append(f"LOAD CSV WITH HEADERS FROM '{url}' AS row CALL (row) {{ {body} }} "
                          f"IN TRANSACTIONS OF {rows_per_tx} ROWS")
    return statements
