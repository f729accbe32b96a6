"""The model is declared once; DDL, constraints and the JSON Schema derive from it."""
import json

import jsonschema
import ladybug

from provkg.schemas import MODEL
from provkg.schemas.model import SCHEMA_PATH


def test_extraction_schema_file_is_generated_from_the_model():
    assert json.loads(SCHEMA_PATH.read_text(encoding="utf-8")) == MODEL.extraction_schema


def test_real_extract_output_validates_against_the_schema(seed_record):
    jsonschema.validate(seed_record, MODEL.extraction_schema)


def test_ladybug_ddl_creates_every_label_and_type(tmp_path):
    conn = ladybug.Connection(ladybug.Database(str(tmp_path / "ddl.lbug")))
    for statement in MODEL.ladybug_ddl():
        conn.execute(statement)
    tables = {row[1] for row in conn.execute("CALL show_tables() RETURN *").get_all()}
    assert set(MODEL.node_labels) | set(MODEL.rel_types) <= tables


def test_neo4j_schema_has_a_constraint_per_label_and_an_index_per_type():
    statements = MODEL.neo4j_schema()
    for label in MODEL.node_labels:
        assert any(f"FOR (n:{label}) REQUIRE" in s for s in statements)
    for rel in MODEL.rel_types:
        assert any(f"FOR ()-[r:{rel}]-() ON (r.id)" in s for s in statements)


def test_every_relationship_carries_its_evidence():
    for rel in MODEL.rel_types:
        assert {"id", "article", "start", "stop"} <= set(MODEL.rel_properties(rel))


def test_extraction_and_ingest_doctests_pass():
    import doctest

    import provkg.loaders.extraction
    import provkg.loaders.ingest

    for module in (provkg.loaders.extraction, provkg.loaders.ingest):
        result = doctest.testmod(module)
        assert result.failed == 0 and result.attempted > 0, module.__name__
