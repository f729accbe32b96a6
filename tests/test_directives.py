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
