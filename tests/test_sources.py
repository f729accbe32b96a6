"""provkg_sources: speakers and recipients resolved to entities (real model, no mocks)."""
from __future__ import annotations

from pathlib import Path

import pytest

from provkg.loaders.pipeline import build_nlp

SEED = Path(__file__).resolve().parents[1] / "examples" / "seed-north-korea-police.txt"


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def run(nlp, text):
    doc = nlp(text)
    ext = doc._.provkg
    for e in ext.entities:
        for m in e.mentions:
            assert 0 <= m.start < m.end <= len(text)
    return ext


def ent(ext, eid):
    e = ext.entity(eid)
    assert e is not None, eid
    return e


def test_anonymous_source_with_affiliation_and_location(nlp):
    text = ("Water has been rationed for a month, a source connected to the city council in the southern "
            "province of Kandor told the Evening Ledger.")
    ext = run(nlp, text)
    [a] = ext.attributions
    e = ent(ext, a.source_entity)
    assert e.kind == "anonymous_source" and e.anonymous
    assert e.affiliation == "city council"
    assert e.location == "Kandor"
    assert a.recipient_entity is not None


def test_the_source_and_pronoun_resolve_to_first_source(nlp):
    text = ("Bread prices rose sharply, a source in the capital told the Evening Ledger.\n\n"
            "“Queues start before dawn,” the source said.\n\n"
            "“Nobody expected this,” he said.")
    ext = run(nlp, text)
    ids = [a.source_entity for a in ext.attributions]
    assert len(ids) == 3 and len(set(ids)) == 1
    e = ent(ext, ids[0])
    assert e.kind == "anonymous_source"
    texts = {m.text(text) for m in e.mentions}
    assert {"the source", "he"} <= texts


def test_second_source_is_distinct(nlp):
    text = ("Schools were closed, a source close to the ministry told the Evening Ledger.\n\n"
            "In the eastern province of Marrow, teachers were sent home, another source there told the Evening Ledger.\n\n"
            "“The teachers are frightened,” the second source said.\n\n"
            "“Parents are angry,” the first source said.")
    ext = run(nlp, text)
    a1, a2, a3 = ext.attributions[:3]
    assert a1.source_entity != a2.source_entity
    assert a3.source_entity == a2.source_entity
    anon = [e for e in ext.entities if e.kind == "anonymous_source"]
    assert len(anon) == 2
    second = ent(ext, a2.source_entity)
    assert second.location == "Marrow"


def test_named_entity_and_surname(nlp):
    text = "Maria Gonzalez said the plant would close. Gonzalez added that workers would be paid."
    ext = run(nlp, text)
    ids = [a.source_entity for a in ext.attributions]
    assert len(ids) == 2 and ids[0] is not None and ids[0] == ids[1]


def test_group_source(nlp):
    text = "Experts say the dam is unsafe."
    ext = run(nlp, text)
    [a] = ext.attributions
    assert ent(ext, a.source_entity).kind == "group"


def test_created_ids_start_with_s(nlp):
    text = "An official who spoke on condition of anonymity said the talks had failed."
    ext = run(nlp, text)
    [a] = ext.attributions
    e = ent(ext, a.source_entity)
    assert e.kind == "anonymous_source" and e.id.startswith("S")



def test_seed_article_sources(nlp):
    text = SEED.read_text(encoding="utf-8")
    ext = run(nlp, text)
    anon = [e for e in ext.entities if e.kind == "anonymous_source"]
    judicial = [e for e in anon if e.affiliation == "judicial system"]
    assert len(judicial) == 2
    assert {e.location for e in judicial} == {"North Pyongan", "North Hamgyong"}
    first = next(e for e in judicial if e.location == "North Pyongan")
    second = next(e for e in judicial if e.location == "North Hamgyong")
    by_src = [(a.source.text(text) if a.source else None, a.source_entity) for a in ext.attributions]
    assert ("the second source", second.id) in by_src
    second_mentions = {m.text(text) for m in second.mentions}
    assert {"the second source", "he", "the source"} <= second_mentions
    assert {"the source", "he"} <= {m.text(text) for m in first.mentions}
    told = next(a for a in ext.attributions if a.source_entity == first.id and a.cue.text(text) == "told")
    rec = ent(ext, told.recipient_entity)
    assert "Korean Service" in text[rec.mentions[0].start:rec.mentions[-1].end] or "Korean Service" in rec.name
    sources_in_country = next(a for a in ext.attributions if a.source and a.source.text(text) == "sources in the country")
    assert ent(ext, sources_in_country.source_entity).kind == "anonymous_source"


def test_pronoun_gender_agreement(nlp):
    text = ("Mary Lund met Tom Berg in the capital. She said the deal was done. "
            "He said it was not. She said he had misunderstood the terms.")
    ext = run(nlp, text)
    she1, he1, she2 = ext.attributions[:3]
    assert she1.source_entity == she2.source_entity
    assert he1.source_entity is not None and he1.source_entity != she1.source_entity


def test_officials_as_speakers_are_anonymous_sources(nlp):
    text = "Officials told the Evening Ledger that every claim would be assessed."
    ext = run(nlp, text)
    [a] = ext.attributions
    assert ent(ext, a.source_entity).kind == "anonymous_source"


def test_unnamed_relative_and_unknown_author(nlp):
    text = ("Allegedly, the farmer's sister pleaded with him to call a doctor. "
            "“Someone sent me the file,” said the post by an unknown author on the forum.")
    ext = run(nlp, text)
    kinds = {text[a.source.start:a.source.end]: ent(ext, a.source_entity).kind
             for a in ext.attributions if a.source_entity}
    assert kinds.get("the farmer's sister") == "anonymous_source"
    post = next(a for a in ext.attributions if a.cue.text(text) == "said")
    e = ent(ext, post.source_entity)
    assert e.kind == "anonymous_source" and "unknown author" in e.name


def test_documents_are_not_anonymous_speakers(nlp):
    text = "A leaked internal letter said that the office would close."
    ext = run(nlp, text)
    assert not [e for e in ext.entities if e.kind == "anonymous_source"]


def test_title_with_apposed_name_resolves_to_the_person(nlp):
    text = ("The committee met on Monday. Acme co-founder Jane Doerr said the plan would fail. "
            "Doerr added that she would not attend.")
    ext = run(nlp, text)
    a = next(a for a in ext.attributions if a.cue.text(text) == "said")
    e = ent(ext, a.source_entity)
    assert e.kind == "person" and "Doerr" in e.name


def test_unnamed_officials_of_an_organisation_are_an_anonymous_source(nlp):
    text = "Greenfield Energy officials said the pipeline was safe."
    ext = run(nlp, text)
    [a] = ext.attributions
    e = ent(ext, a.source_entity)
    assert e.kind == "anonymous_source"
    assert e.affiliation and "Greenfield" in e.affiliation


def test_population_nouns_share_one_group_entity(nlp):
    text = ("Residents of the town have complained for weeks about the water. Residents said the water smelled. "
            "Officials said the water was safe. Later, citizens said they had stopped drinking it.")
    ext = run(nlp, text)
    ids = {a.source_entity for a in ext.attributions if a.content.text(text).startswith(("the water smelled", "they had"))}
    assert len(ids) == 1 and None not in ids


def test_a_name_inside_a_place_phrase_is_not_the_speaker(extractor):
    from provkg.loaders.readers import Article

    text = "A trader at the Dunmore market, who declined to give his name, told the Gazette that prices had doubled."
    [record] = list(extractor.records([Article(text, "trader.txt")]))
    entities = {e["id"]: e for e in record["entities"]}
    [attribution] = record["attributions"]
    speaker = entities[attribution["source_entity"]]
    assert speaker["kind"] == "anonymous_source" and "trader" in speaker["name"]
