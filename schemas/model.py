"""The provkg data model, loaded from ``model.yaml``, and everything derived from it.

>>> from provkg.schemas import MODEL
>>> "Actor" in MODEL.node_labels and "REPORTED" in MODEL.rel_types
True
>>> MODEL.ladybug_ddl()[0].startswith("CREATE NODE TABLE IF NOT EXISTS Article")
True
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

LADYBUG_TYPES = {"string": "STRING", "int": "INT64", "float": "DOUBLE", "bool": "BOOLEAN", "string[]": "STRING[]"}
JSON_TYPES = {"string": {"type": "string"}, "int": {"type": "integer"}, "float": {"type": "number"},
              "bool": {"type": "boolean"}, "string[]": {"type": "array", "items": {"type": "string"}}}
SCHEMA_PATH = Path(__file__).with_name("extraction.schema.json")


@dataclass(frozen=True)
class Model:
    """The declared model: node labels, relationship types, properties and endpoints."""

    spec: dict

    @classmethod
    def load(cls) -> "Model":
        return cls(yaml.safe_load(Path(__file__).with_name("model.yaml").read_text(encoding="utf-8")))

    @property
    def version(self) -> int:
        return self.spec["version"]

    @property
    def enums(self) -> dict[str, list[str]]:
        return self.spec["enums"]

    @property
    def node_labels(self) -> list[str]:
        return list(self.spec["nodes"])

    @property
    def rel_types(self) -> list[str]:
        return list(self.spec["relationships"])

    def node_properties(self, label: str) -> dict[str, dict]:
        return self.spec["nodes"][label]["properties"]

    def node_key(self, label: str) -> str:
        return next(name for name, p in self.node_properties(label).items() if p.get("key"))

    def rel_properties(self, rel_type: str) -> dict[str, dict]:
        """Common evidence properties first, then the type's own."""
        return {**self.spec["relationship_properties"], **(self.spec["relationships"][rel_type].get("properties") or {})}

    def rel_endpoints(self, rel_type: str) -> list[tuple[str, str]]:
        spec = self.spec["relationships"][rel_type]
        return [(a, b) for a in spec["from"] for b in spec["to"]]

    def ladybug_ddl(self) -> list[str]:
        """CREATE statements for every node and relationship table, nodes first."""
        stmts = []
        for label in self.node_labels:
            cols = ", ".join(f"{_quote(n)} {LADYBUG_TYPES[p['type']]}" for n, p in self.node_properties(label).items())
            stmts.append(f"CREATE NODE TABLE IF NOT EXISTS {label}({cols}, PRIMARY KEY({_quote(self.node_key(label))}))")
        for rel in self.rel_types:
            ends = ", ".join(f"FROM {a} TO {b}" for a, b in self.rel_endpoints(rel))
            cols = ", ".join(f"{_quote(n)} {LADYBUG_TYPES[p['type']]}" for n, p in self.rel_properties(rel).items())
            stmts.append(f"CREATE REL TABLE IF NOT EXISTS {rel}({ends}, {cols})")
        return stmts

    def neo4j_schema(self) -> list[str]:
        """Uniqueness constraints on node keys and indexes on edge ids, for Neo4j 5."""
        stmts = [f"CREATE CONSTRAINT {label.lower()}_{self.node_key(label)} IF NOT EXISTS "
                 f"FOR (n:{label}) REQUIRE n.{self.node_key(label)} IS UNIQUE" for label in self.node_labels]
        stmts += [f"CREATE INDEX {rel.lower()}_id IF NOT EXISTS FOR ()-[r:{rel}]-() ON (r.id)" for rel in self.rel_types]
        stmts += [f"CREATE INDEX {rel.lower()}_article IF NOT EXISTS FOR ()-[r:{rel}]-() ON (r.article)" for rel in self.rel_types]
        return stmts

    @cached_property
    def extraction_schema(self) -> dict:
        """JSON Schema of one ``provkg extract --format jsonl`` record."""
        return extraction_json_schema(self)


def _quote(name: str) -> str:
    return f"`{name}`" if name.lower() in {"end", "key", "order", "group"} else name


def extraction_json_schema(model: Model) -> dict:
    """Derive the extraction record's JSON Schema from the model's enums and properties."""
    span = {"type": "object", "required": ["start", "end", "text"], "additionalProperties": False,
            "properties": {"start": {"type": "integer", "minimum": 0}, "end": {"type": "integer", "minimum": 0},
                           "text": {"type": "string"},
                           "fragments": {"type": "array", "description": "discontinuous parts [[start, end], ...]: start "
                                         "and end then cover them all and text joins their words with ' … '",
                                         "items": {"type": "array", "items": {"type": "integer"},
                                                   "minItems": 2, "maxItems": 2}}}}
    nullable_span = {"oneOf": [{"$ref": "#/$defs/span"}, {"type": "null"}]}
    nullable_id = {"type": ["string", "null"]}
    string_or_null = {"type": ["string", "null"]}
    doc_props = {name: string_or_null for name in ("path", "title", "outlet", "published", "url")}
    actor = model.node_properties("Actor")
    entity_extra = {name: string_or_null for name in ("descriptor", "affiliation", "location")}
    entity_extra |= {"part_of": nullable_id, "run_by": nullable_id, "located_in": string_or_null}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://provkg.dev/schemas/extraction.schema.json",
        "title": "provkg extraction record (one per input document)",
        "description": f"Generated from schemas/model.yaml (model version {model.version}) by provkg.schemas.model; do not edit.",
        "type": "object",
        "required": ["document", "entities", "attributions", "directives", "reprints", "contradictions"],
        "$defs": {"span": span},
        "properties": {
            "document": {"type": "object", "required": ["id", "path"],
                         "properties": {"id": {"type": "string"}, **doc_props, "text": {"type": "string"},
                                        "metadata": {"type": "object"}}},
            "entities": {"type": "array", "items": {
                "type": "object", "required": ["id", "kind", "name", "aliases", "anonymous", "mentions"],
                "properties": {"id": {"type": "string"}, "kind": {"enum": model.enums[actor["kind"]["enum"]]},
                               "name": {"type": "string"}, "aliases": JSON_TYPES[actor["aliases"]["type"]],
                               "anonymous": JSON_TYPES[actor["anonymous"]["type"]],
                               "mentions": {"type": "array", "items": {"$ref": "#/$defs/span"}}, **entity_extra}}},
            "attributions": {"type": "array", "items": {
                "type": "object", "required": ["id", "source", "source_entity", "cue", "content", "recipient_entity"],
                "properties": {"id": {"type": "string"}, "source": nullable_span, "source_entity": nullable_id,
                               "cue": {"$ref": "#/$defs/span"}, "cue_lemma": {"type": "string"},
                               "content": {"$ref": "#/$defs/span"}, "content_2": nullable_span,
                               "recipient_entity": nullable_id, "direct": {"type": "boolean"},
                               "sentence": {"$ref": "#/$defs/span"}}}},
            "directives": {"type": "array", "items": {
                "type": "object", "required": ["id", "content", "issuer_entity", "target_entities", "attribution"],
                "properties": {"id": {"type": "string"}, "content": {"$ref": "#/$defs/span"},
                               "issuer_entity": nullable_id, "target_entities": {"type": "array", "items": {"type": "string"}},
                               "attribution": nullable_id, "cue": nullable_span,
                               "status": {"enum": model.enums["directive_status"]}}}},
            "reprints": {"type": "array", "items": {
                "type": "object", "required": ["original", "original_entity", "evidence"],
                "properties": {"original": {"type": "string"}, "original_entity": nullable_id,
                               "evidence": {"$ref": "#/$defs/span"}}}},
            "contradictions": {"type": "array", "items": {
                "type": "object", "required": ["a", "b", "basis"],
                "properties": {"a": {"$ref": "#/$defs/span"}, "b": {"$ref": "#/$defs/span"},
                               "basis": {"enum": model.enums["contradiction_basis"]}}}},
        },
    }


def write_extraction_schema(path: Path = SCHEMA_PATH) -> Path:
    """Regenerate ``schemas/extraction.schema.json`` from the model."""
    path.write_text(json.dumps(Model.load().extraction_schema, indent=2) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write_extraction_schema())
