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


def test_the_source_is_the_unnamed_person_quoted_last_whatever_they_were_called(nlp):
    text = ("Stalls must close by noon, a resident of Rotterdam told the Evening Ledger.\n\n"
            "“Vendors are furious,” the source said.\n\n"
            "The rule came from the capital, according to a second source, a trader in Lyon. "
            "Prices have doubled, the second source said.")
    ext = run(nlp, text)
    resident, source, trader, second = [a.source_entity for a in ext.attributions[:4]]
    assert source == resident and second == trader != resident
    assert len([e for e in ext.entities if e.kind == "anonymous_source"]) == 2


@pytest.mark.parametrize("text, name, affiliation, location", [
    ("A spokesman for Canada's Foreign Ministry denied that the talks had failed.",
     "spokesman for Canada's Foreign Ministry", "Canada's Foreign Ministry", "Canada"),
    ("A source in Ontario told the Evening Ledger that prices rose.", "source in Ontario", None, "Ontario"),
    ("A resident who voted for the mayor said the plan would fail.", "resident", None, None),
    ("A resident of Rotterdam said the plan would fail.", "resident in Rotterdam", None, "Rotterdam"),
    ("Another source, a smuggler based in Musan, said the teams had arrived.", "another source in Musan", None,
     "Musan"),
    ("A source at the Workers' Party said the plan was ready.", "source at Workers' Party", "Workers' Party", None),
    ("An official of the Workers' Party said the plan was ready.", "official at Workers' Party", "Workers' Party",
     None),
    ("A resident of Chongjin told the Evening Ledger that the market had closed.", "resident in Chongjin", None,
     "Chongjin"),
    ("The Transport Ministry closed the bridge on Monday. An official at the ministry said it would reopen in May.",
     "official at Transport Ministry", "Transport Ministry", None),
])
def test_an_anonymous_source_is_named_by_its_affiliation_and_place_once(nlp, text, name, affiliation, location):
    ext = run(nlp, text)
    e = ent(ext, ext.attributions[-1].source_entity)
    assert (e.name, e.affiliation, e.location) == (name, affiliation, location)


def test_named_entity_and_surname(nlp):
    text = "Maria Gonzalez said the plant would close. Gonzalez added that workers would be paid."
    ext = run(nlp, text)
    ids = [a.source_entity for a in ext.attributions]
    assert len(ids) == 2 and ids[0] is not None and ids[0] == ids[1]


def test_a_body_named_by_a_common_noun_is_a_source(nlp):
    text = ("The country's disaster agency said the river had risen. "
            "According to the meteorological office, more rain is expected this weekend.")
    ext = run(nlp, text)
    agency, office = (ent(ext, a.source_entity) for a in ext.attributions)
    assert (agency.kind, agency.name) == ("government", "country's disaster agency")
    assert (office.kind, office.name) == ("government", "meteorological office")


def test_an_outlets_source_talks_to_the_outlet(nlp):
    text = ("The Harbour Gazette reported floods in the north. "
            "According to a Harbour Gazette source in the province, the dam broke on Friday.")
    ext = run(nlp, text)
    a = ext.attributions[-1]
    source, outlet = ent(ext, a.source_entity), ent(ext, a.recipient_entity)
    assert source.kind == "anonymous_source" and source.affiliation is None
    assert outlet.kind == "media" and outlet.name == "Harbour Gazette"


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


def test_they_resolves_to_the_subject_of_the_governing_clause(nlp):
    text = ("The police department said the case was open. On Monday, hospital officials went to the city "
            "police station, where they said three ventilators had been stolen.")
    ext = run(nlp, text)
    they = next(a for a in ext.attributions if a.source and a.source.text(text) == "they")
    assert "officials" in ent(ext, they.source_entity).name


def test_pronoun_skips_an_incompatible_subject_for_its_possessor(nlp):
    text = ("Tom Reyes met the mayor on Friday. Paul Ortega said the meeting was short. "
            "Reyes' sister begged him to leave town, but he said that he would stay.")
    ext = run(nlp, text)
    he = next(a for a in ext.attributions if a.source and a.source.text(text) == "he")
    assert ent(ext, he.source_entity).name == "Tom Reyes"


def test_they_prefers_a_plural_speaker_to_a_named_body(nlp):
    text = ("Researchers at the Lindqvist Institute say the river is polluted. The Kessler Report said lead levels "
            "were high. They say the city must act.")
    ext = run(nlp, text)
    first = ext.attributions[0]
    they = next(a for a in ext.attributions if a.source and a.source.text(text) == "They")
    assert they.source_entity == first.source_entity


def test_the_report_refers_back_to_the_named_study(nlp):
    text = "Scientists published the Northern Diet Study on Monday. The report says children eat too little fruit."
    ext = run(nlp, text)
    report = next(a for a in ext.attributions if a.source and a.source.text(text) == "The report")
    assert "Northern Diet Study" in ent(ext, report.source_entity).name


def test_study_authors_are_the_researchers(nlp):
    text = "Researchers say the lake is shrinking. The study's authors say the cause is irrigation."
    ext = run(nlp, text)
    a1, a2 = ext.attributions[:2]
    assert a1.source_entity is not None and a1.source_entity == a2.source_entity


def test_one_member_of_a_group_is_a_source_with_the_groups_affiliation(nlp):
    text = ('Critics of the scheme at the online forum Harbor Talk were scathing, with one poster writing '
            '"Nobody asked us."')
    ext = run(nlp, text)
    poster = next(a for a in ext.attributions if a.source and a.source.text(text) == "one poster")
    e = ent(ext, poster.source_entity)
    assert e.kind == "anonymous_source" and "Harbor Talk" in (e.affiliation or "")


def test_a_descriptor_with_a_given_name_is_that_name(nlp):
    text = 'A user called "Nightjar" wrote that the servers were down.'
    ext = run(nlp, text)
    wrote = next(a for a in ext.attributions if a.cue.text(text) == "wrote")
    e = ent(ext, wrote.source_entity)
    assert e.kind != "anonymous_source" and "Nightjar" in e.name


def test_title_with_a_name_right_after_another_name(nlp):
    text = "Ecuador's Ambassador to the United Nations Pedro Alvarado said the vote was fair."
    ext = run(nlp, text)
    [a] = ext.attributions
    e = ent(ext, a.source_entity)
    assert e.kind == "person" and e.name == "Pedro Alvarado"


def test_misspelt_surname_is_the_earlier_person(nlp):
    text = ("Margaret Hollingsworth, a spokeswoman for the firm, said the plant would reopen. "
            "Ms Hollingworth said workers would be paid.")
    ext = run(nlp, text)
    a1, a2 = ext.attributions[:2]
    assert a1.source_entity is not None and a1.source_entity == a2.source_entity
    assert len([e for e in ext.entities if e.kind == "person"]) == 1


def test_someone_who_hands_material_to_an_outlet_is_an_anonymous_source(nlp):
    text = "The memo was found on a train by someone who gave it to the Daily Planet."
    ext = run(nlp, text)
    [e] = [e for e in ext.entities if e.kind == "anonymous_source"]
    assert {m.text(text) for m in e.mentions} == {"someone who gave it to the Daily Planet"}


@pytest.mark.parametrize("text, cue, speaker", [
    ('The agency said the border was calm. "Troops were hastily sent to the front line to stop the smugglers if '
     'the talks do not resume within two days", added Interfax.', "added", "Interfax"),
    ("Speaking for the defence, Omar Haddad, SC, said that, as the boys came from Syria, where the custom is "
     "common, they should be released.", "said", "Omar Haddad"),
])
def test_speaker_the_parse_did_not_attach_to_the_cue(nlp, text, cue, speaker):
    from provkg.loaders.components.sources import SourcesComponent
    from provkg.loaders.extraction import Attribution, Span

    doc = nlp(text)
    tok = next(t for t in doc if t.text == cue)
    content = Span(0, tok.idx - 3) if tok.i > 12 else Span(tok.idx + len(tok) + 6, len(text) - 1)
    att = Attribution(id="T1", cue=Span(tok.idx, tok.idx + len(tok)), content=content)
    span = SourcesComponent._unparsed_speaker(doc, att, {"cue_tok": tok.i})
    assert span is not None and span.text(text) == speaker


@pytest.mark.parametrize("text, affiliation, location", [
    ("Two people familiar with the discussions said the deal was close.", None, None),
    ("A Western diplomat in Beijing said the visit had been postponed.", None, "Beijing"),
    ("A second source, a trader in Sinuiju, said the market was closed.", None, "Sinuiju"),
    ("An employee at the factory said workers had not been paid for months.", "factory", None),
])
def test_anonymous_descriptor_affiliation_and_location(nlp, text, affiliation, location):
    ext = run(nlp, text)
    [a] = ext.attributions
    e = ent(ext, a.source_entity)
    assert e.kind == "anonymous_source"
    assert (e.affiliation, e.location) == (affiliation, location)


def test_a_definite_body_noun_is_the_latest_body_of_its_kind_or_a_new_one(nlp):
    text = ("Acme Corp said profits fell. The company said it would cut jobs. "
            "The army said it had repelled an attack. Its statement said five soldiers died.")
    ext = run(nlp, text)
    src = {a.source.text(text): ent(ext, a.source_entity) for a in ext.attributions if a.source and a.source_entity}
    assert src["The company"].id == src["Acme Corp"].id
    assert src["The army"].kind == "security"
    assert src["Its statement"].id == src["The army"].id


def test_a_named_bodys_letter_speaks_for_the_body(nlp):
    text = ("The Transport Ministry announced new rules on Monday. "
            "The Transport Ministry letter says that drivers must renew their licences every five years.")
    ext = run(nlp, text)
    a = next(a for a in ext.attributions if a.cue.text(text) == "says")
    e = ent(ext, a.source_entity)
    assert e.name.endswith("Transport Ministry") and e.kind != "anonymous_source"


def test_the_city_is_the_municipality_named_before(nlp):
    text = ("The Municipality of Corvale asked the schools to pay taxes. "
            "The city reasoned, \"because the families pay a fee, this activity is commercial\".")
    ext = run(nlp, text)
    a = next(a for a in ext.attributions if a.cue_lemma == "claim")
    assert ent(ext, a.source_entity).name == "Municipality of Corvale"


@pytest.mark.parametrize("text, name, kind", [
    pytest.param("Defectors include Tom Wexley and Mark Dunford. According to Dunford the church property in "
                 "question was returned by mail.", "Mark Dunford", "person",
                 id="a name run into the next phrase is cut at 'the'"),
    pytest.param("According to preliminary figures published by the Central Election Commission, the president won "
                 "54 percent of the vote.", "Central Election Commission", "government",
                 id="figures published by a body speak for it"),
    pytest.param("\"Each worker was told to pay,\" said one of the sources, a factory employee who spoke on condition "
                 "of anonymity.", "factory employee", "anonymous_source",
                 id="one of the sources is named by the description in apposition"),
])
def test_the_one_speaker_is(nlp, text, name, kind):
    ext = run(nlp, text)
    [a] = ext.attributions
    assert (ent(ext, a.source_entity).name, ent(ext, a.source_entity).kind) == (name, kind)


def test_another_is_one_more_unnamed_source_like_the_last(nlp):
    text = ("One supporter, who gave only his first name, said the gate was never opened. Another said some fans "
            "climbed over the fence.")
    ext = run(nlp, text)
    first, second = (ent(ext, a.source_entity) for a in ext.attributions)
    assert first is not second
    assert (second.name, second.kind, second.anonymous) == ("another supporter", "anonymous_source", True)


def test_a_body_said_shorter_is_the_body_described_before(nlp):
    text = ("In its report, the regional police directorate said fans had forced a side gate. \"Officers acted "
            "quickly,\" the directorate said. The police directorate denied giving any such order.")
    ext = run(nlp, text)
    [body] = {ent(ext, a.source_entity).id for a in ext.attributions}
    assert (ent(ext, body).name, ent(ext, body).kind) == ("regional police directorate", "security")


def test_a_one_word_name_after_in_is_the_sources_town_whatever_the_model_called_it(nlp):
    text = "Another source, a trader in Musan, said security officials had begun searching warehouses."
    ext = run(nlp, text)
    [a] = ext.attributions
    source = ent(ext, a.source_entity)
    assert (source.name, source.location, source.affiliation) == ("another source in Musan", "Musan", None)


@pytest.mark.parametrize("text", [
    "Earlier reports revealed that the company kept files on its customers.",
    "The photos show that the roof collapsed onto the hall.",
    "The results suggest that turnout fell in every district.",
])
def test_documents_and_findings_are_no_actors(nlp, text):
    ext = run(nlp, text)
    [a] = ext.attributions
    assert a.source is not None and a.source_entity is None
    assert not any(m.overlaps(a.source) for e in ext.entities for m in e.mentions)


def test_the_author_of_plural_documents_speaks(nlp):
    text = "The Interior Ministry published new figures on Monday. The ministry's reports say that crime fell."
    ext = run(nlp, text)
    said = next(a for a in ext.attributions if text[a.cue.start:a.cue.end] == "say")
    assert ent(ext, said.source_entity).name == "Interior Ministry"


def test_a_body_someone_owns_speaks_as_a_body_of_its_own(nlp):
    text = "Viktor Sand rejected the ban. Sand's party says its own count shows a runoff is needed."
    ext = run(nlp, text)
    says = next(a for a in ext.attributions if text[a.cue.start:a.cue.end] == "says")
    assert (ent(ext, says.source_entity).name, ent(ext, says.source_entity).kind) == ("Sand's party", "organization")


def test_the_government_is_not_the_ministry_named_before(nlp):
    text = ("He said the mine was run by the Ministry of State Security. The government has repeatedly denied that "
            "such camps exist.")
    ext = run(nlp, text)
    denied = next(a for a in ext.attributions if "denied" in text[a.cue.start:a.cue.end])
    assert ent(ext, denied.source_entity).name == "government"


def test_the_man_is_the_unnamed_source_quoted_before(nlp):
    text = ("A former inmate of a prison camp described the work in an interview. The man, who now lives abroad, "
            "said guards beat anyone who failed to meet the quota.")
    ext = run(nlp, text)
    described, said = ext.attributions
    assert said.source_entity == described.source_entity
    assert ent(ext, said.source_entity).kind == "anonymous_source"
