"""The seed article end to end: extract, ingest, then ask the graph with Cypher."""
from conftest import SEED


def q(store, cypher, **params):
    return store.query(cypher, params).rows


def test_every_span_cuts_back_to_its_text(seed_record):
    text = SEED.read_text(encoding="utf-8")

    def spans(obj):
        if isinstance(obj, dict):
            if {"start", "end", "text"} <= obj.keys():
                yield obj
            for value in obj.values():
                yield from spans(value)
        elif isinstance(obj, list):
            for value in obj:
                yield from spans(value)

    found = list(spans({k: v for k, v in seed_record.items() if k != "document"}))
    assert len(found) > 50
    discontinuous = [span for span in found if "fragments" in span]
    assert discontinuous
    for span in found:
        if "fragments" in span:
            # a content a cue interrupts: its text joins its pieces, each inside its fragment, within its extent
            pieces = span["text"].split(" … ")
            assert len(pieces) == len(span["fragments"])
            for piece, (start, end) in zip(pieces, span["fragments"]):
                assert piece in text[start:end] and span["start"] <= start < end <= span["end"]
        else:
            assert text[span["start"]:span["end"]] == span["text"]


def test_a_split_quote_is_one_claim_in_records_old_and_new(seed_record):
    import copy

    from provkg.graph.rows import build_rows

    old = copy.deepcopy(seed_record)  # extractor 8 wrote the first piece as content, the second as content_2
    for a in old["attributions"]:
        if a["content_2"]:
            first = a["content"]["text"].split(" … ")[0]
            a["content"].update(text=first, start=a["content"]["fragments"][0][0] + 1,
                                end=a["content"]["fragments"][0][0] + 1 + len(first))

    def claims(record):
        return sorted(row["text"] for row in build_rows(record, lambda keys: {}).nodes["Claim"].values())

    assert claims(old) == claims(seed_record)
    assert any("gentler … Even so" in text for text in claims(seed_record))


def test_ministry_of_social_security_is_a_government_actor(examples_store):
    rows = q(examples_store, "MATCH (a:Actor) WHERE a.name CONTAINS 'Ministry of Social Security' RETURN a.kind")
    assert rows == [["government"]]


def test_two_distinct_anonymous_sources_with_affiliation_and_province(examples_store):
    rows = q(examples_store, "MATCH (s:Actor {anonymous: true})-[:REPORTED]->(:Claim) "
                             "WHERE s.affiliation CONTAINS 'judicial' RETURN DISTINCT s.id, s.location ORDER BY s.location")
    assert [r[1] for r in rows] == ["North Hamgyong", "North Pyongan"]


def test_rfa_with_its_korean_service(examples_store):
    rows = q(examples_store, "MATCH (svc:Actor)-[:PART_OF]->(rfa:Actor) WHERE svc.name CONTAINS 'Korean Service' "
                             "RETURN rfa.name, rfa.kind, rfa.aliases")
    assert len(rows) == 1
    name, kind, aliases = rows[0]
    assert kind == "media" and {name, *aliases} >= {"Radio Free Asia", "RFA"}


def test_the_north_pyongan_source_told_the_korean_service(examples_store):
    rows = q(examples_store, "MATCH (s:Actor {anonymous: true})-[:TOLD]->(r:Actor) WHERE s.location = 'North Pyongan' "
                             "RETURN DISTINCT r.name")
    assert any("Korean Service" in r[0] for r in rows)


def test_daily_nk_reported(examples_store):
    rows = q(examples_store, "MATCH (a:Actor)-[r:REPORTED]->(c:Claim) WHERE a.name CONTAINS 'Daily NK' RETURN a.kind, c.text")
    assert rows and rows[0][0] == "media"
    assert any("do not trust" in r[1] for r in rows)


def test_38_north_is_run_by_the_stimson_center(examples_store):
    rows = q(examples_store, "MATCH (a:Actor)-[:RUN_BY]->(b:Actor) RETURN a.name, b.name")
    assert any("38 North" in a and "Stimson Center" in b for a, b in rows)


def test_directives_with_their_reporters(examples_store):
    rows = q(examples_store, "MATCH (s:Actor)-[:REPORTED]->(d:Directive)-[:TARGETS]->(t:Actor) "
                             "RETURN d.text, s.anonymous, t.kind")
    texts = " ".join(r[0] for r in rows)
    assert "strengthen internal discipline" in texts
    assert "progress reports" in texts
    assert all(r[2] in ("security", "government") for r in rows)


def test_reprint_of_radio_free_asia_by_amn(examples_store):
    rows = q(examples_store, "MATCH (p:Actor)-[:PUBLISHED]->(a:Article)-[r:REPRINT_OF]->(o:Actor) "
                             "WHERE o.name = 'Radio Free Asia' RETURN p.name, a.title")
    assert rows == [["AMN", "North Korea tries to cheer people up by ordering police to start being nice"]]


def test_denial_then_acknowledgement_is_a_contradiction(examples_store):
    rows = q(examples_store, "MATCH (a:Claim)-[r:CONTRADICTS]->(b:Claim) RETURN a.text, b.text, r.basis")
    assert any(basis == "reversal" and {"denying" in a + b or "single case" in a + b, "acknowledge" in a + b or "confirmed" in a + b} == {True}
               for a, b, basis in rows)


def test_reingest_adds_nothing(examples_db, extractor, tmp_path):
    from provkg.graph.store import open_store
    from provkg.loaders.readers import read_articles

    from conftest import EXAMPLES

    with open_store(examples_db) as store:
        before = store.stats()
        report = store.load(extractor.records(read_articles([str(EXAMPLES)])))
        assert report.added == [] and len(report.unchanged) == before["articles"]
        assert store.stats() == before
