"""provkg_directives on hand-written texts and the seed article."""
from __future__ import annotations

import pytest

from tests.test_actors import SEED, extract


def texts(ext, text):
    return [text[d.content.start:d.content.end] for d in ext.directives]


def test_active_order_with_issuer_and_target(extractor):
    text = "The Ministry of Transport ordered the railway police to close the station on Friday."
    ext = extract(extractor, text)
    [d] = ext.directives
    assert text[d.content.start:d.content.end].startswith("to close the station")
    assert ext.entity(d.issuer_entity).name == "Ministry of Transport"
    assert any(ext.entity(t).kind == "security" for t in d.target_entities)
    assert text[d.cue.start:d.cue.end] == "ordered"


def test_a_bare_body_that_speaks_later_issues_the_order_it_gave_earlier(extractor):
    text = "The ministry ordered police to stop checking phones. The ministry said the order would last a month."
    ext = extract(extractor, text)
    [d] = ext.directives
    [a] = ext.attributions
    assert d.issuer_entity is not None and d.issuer_entity == a.source_entity
    assert [text[m.start:m.end] for m in ext.entity(d.issuer_entity).mentions] == ["The ministry", "The ministry"]


def test_a_title_subject_issues_through_the_name_it_gives(extractor):
    text = "The governor of Tarvo, Maria Lund, ordered schools in the province to close until further notice."
    ext = extract(extractor, text)
    [d] = ext.directives
    assert ext.entity(d.issuer_entity).name == "Maria Lund"


def test_a_repeated_title_issues_through_the_person_who_holds_it(extractor):
    text = ("“Every bottle must go,” Health Minister Ana Kovac told reporters. The health minister also instructed "
            "regional health offices to report any new cases within 24 hours.")
    ext = extract(extractor, text)
    [d] = [d for d in ext.directives if "report" in texts(ext, text)[ext.directives.index(d)]]
    assert ext.entity(d.issuer_entity).name == "Ana Kovac"
    assert text[d.content.start:d.content.end] == "to report any new cases within 24 hours"
    assert not any(text[a.cue.start:a.cue.end] == "to report" for a in ext.attributions)  # ordered, not done


def test_an_addressee_who_is_no_actor_is_not_replaced_by_a_body_in_the_order(extractor):
    text = "Officials barred fishing crews from leaving port without a permit from the maritime security bureau."
    ext = extract(extractor, text)
    [d] = ext.directives
    assert d.target_entities == []


def test_the_ordered_act_ends_before_a_clause_that_explains_the_order(extractor):
    text = ("The ministry ordered pharmacies across the country to remove three brands of cough syrup from their "
            "shelves, after laboratory tests found traces of a toxic solvent.")
    ext = extract(extractor, text)
    assert texts(ext, text) == ["to remove three brands of cough syrup from their shelves"]


@pytest.mark.parametrize("text, content", [
    ("The Ministry of Transport ordered the closure of the bridge.", "the closure of the bridge"),
    ("The Ministry of Transport ordered an inquiry into the crash.", "an inquiry into the crash"),
    ("The airline ordered 50 jets from the manufacturer.", None),
])
def test_an_order_whose_object_names_the_act(extractor, text, content):
    ext = extract(extractor, text)
    assert [text[d.content.start:d.content.end] for d in ext.directives] == ([content] if content else [])
    if content:
        assert ext.entity(ext.directives[0].issuer_entity).name == "Ministry of Transport"


def test_passive_told_and_required(extractor):
    text = ("Border guards are being told to be polite, officials said. "
            "Each district office is required to file weekly reports to the capital.")
    ext = extract(extractor, text)
    got = texts(ext, text)
    assert "to be polite" in got
    assert "file weekly reports to the capital" in got
    assert all(d.issuer_entity is None for d in ext.directives)


def test_call_for_and_ban(extractor):
    text = ("The new rule calls for provincial councils to publish their budgets. "
            "Street vendors will be prohibited from selling alcohol by the city council.")
    ext = extract(extractor, text)
    got = texts(ext, text)
    assert "publish their budgets" in got
    ban = next(d for d in ext.directives if "prohibited" in text[d.content.start:d.content.end])
    assert ext.entity(ban.issuer_entity).name.lower().endswith("city council")


def test_intent_is_not_a_directive(extractor):
    text = "We will consider new measures next year, the minister said."
    assert extract(extractor, text).directives == []


@pytest.mark.parametrize("text", [
    "A resident, who requested anonymity to speak freely, said the market had closed.",
    "The governor urged restraint to avoid violence.",
])
def test_a_thing_asked_for_is_not_someone_ordered_to_act(extractor, text):
    assert extract(extractor, text).directives == []


@pytest.mark.skipif(not SEED.exists(), reason="shared eval folder not present")
def test_seed_directives(extractor):
    text = SEED.read_text(encoding="utf-8")
    ext = extract(extractor, text)
    got = texts(ext, text)
    assert "to be nicer" in got
    assert "strengthen internal discipline and work toward improving relations with residents" in got
    assert "give daily, weekly and monthly progress reports to the Ministry of Social Security in Pyongyang" in got
    nicer = [d for d in ext.directives if text[d.content.start:d.content.end] == "to be nicer"]
    assert any(ext.entity(d.issuer_entity) is not None and ext.entity(d.issuer_entity).kind == "government" for d in nicer)
    assert all(any(ext.entity(t).kind == "security" for t in d.target_entities) for d in nicer)


def test_negated_and_circumstantial_force_are_not_directives(extractor):
    from tests.test_actors import extract as _extract
    text = ("The ministry was forced to acknowledge the outbreak. "
            "She was never forced to work in the kitchen.")
    assert _extract(extractor, text).directives == []


def test_coordinated_bodies_are_one_target(extractor):
    from tests.test_actors import extract as _extract
    text = ("The directive calls for provincial, municipal, county, and regional security departments and agencies "
            "to strengthen internal discipline.")
    ext = _extract(extractor, text)
    [d] = ext.directives
    [t] = d.target_entities
    ent = ext.entity(t)
    assert ent.name == "provincial, municipal, county, and regional security departments and agencies"
    assert ent.kind == "security"


# ---------------------------------------------------------------- further forms
def _one(ext, text, needle):
    return next(d for d in ext.directives if needle in text[d.content.start:d.content.end])


def test_mandatory_duty_for_group(extractor):
    text = "Wearing a helmet on the site is a compulsory safety rule for all visiting engineers, managers said."
    ext = extract(extractor, text)
    d = _one(ext, text, "compulsory")
    assert text[d.content.start:d.content.end].startswith("Wearing a helmet")
    assert d.issuer_entity is None


def test_subjunctive_and_modal_that_clauses(extractor):
    text = ("The Harbour Authority demanded that every trawler be inspected before sailing. "
            "The Federation of Bakers recommends that each bakery should label all allergens.")
    ext = extract(extractor, text)
    got = texts(ext, text)
    assert "every trawler be inspected before sailing" in got
    assert "each bakery should label all allergens" in got
    d = _one(ext, text, "trawler")
    assert "Harbour Authority" in ext.entity(d.issuer_entity).name


def test_that_clause_statement_is_not_a_directive(extractor):
    text = "The Harbour Authority insisted that the trawler was inspected last year."
    ext = extract(extractor, text)
    assert not any("trawler" in t for t in texts(ext, text))


def test_calls_for_clause_and_owned_recommendation(extractor):
    text = ("The outbreak has prompted calls for all tap water to be boiled. "
            "Shops ignore a Red Cross recommendation that all bottles be sealed.")
    ext = extract(extractor, text)
    got = texts(ext, text)
    assert "all tap water to be boiled" in got
    assert "all bottles be sealed" in got


def test_requests_for_payment_and_bans(extractor):
    text = ("Governor Ana Belmonte said the council ignored her requests for compensation. "
            "Exporters criticised Governor Belmonte's fishing ban, and the ministry announced a ban on plastic bags.")
    ext = extract(extractor, text)
    got = texts(ext, text)
    assert "requests for compensation" in got
    assert any("fishing ban" in t for t in got)
    assert any("ban on plastic bags" in t for t in got)
    assert sum("fishing ban" in t for t in got) == 1


def test_tax_and_required(extractor):
    text = ("The Ministry of Finance changed the rules last year. A turnover threshold is used to tax only "
            "the firms that earn more than ten million euros. From May, seat belts will be required.")
    ext = extract(extractor, text)
    d = _one(ext, text, "to tax")
    assert text[d.content.start:d.content.end].startswith("A turnover threshold")
    assert any("seat belts will be required" in t for t in texts(ext, text))


def test_asking_not_to_be_named_is_not_a_directive(extractor):
    text = ("The official, who asked not to be named because she was not authorised to speak, said the "
            "checkpoints would stay. A clerk requested to be moved to another office.")
    assert extract(extractor, text).directives == []
    text = "The governor asked the police to leave the square."
    assert texts(extract(extractor, text), text) == ["to leave the square"]


def test_a_committee_described_by_its_owner_issues_a_passive_order(extractor):
    text = "Managers had been instructed by the city's party committee to collect the money every week."
    ext = extract(extractor, text)
    [d] = ext.directives
    assert ext.entity(d.issuer_entity).name == "city's party committee"
