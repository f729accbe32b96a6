"""provkg_contradictions on hand-written texts and the seed article."""
from __future__ import annotations

import pytest

from tests.test_actors import SEED, extract


def test_reversal(extractor):
    text = "The company was forced to admit the leak after denying that any data had been lost."
    ext = extract(extractor, text)
    [c] = ext.contradictions
    assert c.basis == "reversal"
    assert text[c.a.start:c.a.end] == "denying that any data had been lost"
    assert text[c.b.start:c.b.end] == "admit the leak"


def test_denial_of_earlier_claim(extractor):
    text = ("Critics say the new dam will flood three villages. "
            "The water authority denied that the dam will flood any villages.")
    ext = extract(extractor, text)
    [c] = ext.contradictions
    assert c.basis == "denial"
    assert text[c.a.start:c.a.end].startswith("Critics say")
    assert text[c.b.start:c.b.end] == "the dam will flood any villages"


@pytest.mark.parametrize("denial", ["The news agency denied the report.", "The spokesman rejected that claim."])
def test_a_denial_that_names_the_statement_again_answers_the_one_just_reported(extractor, denial):
    text = "Radio Freedom reported last month that the guards had been promised extra rations. " + denial
    ext = extract(extractor, text)
    [c] = ext.contradictions
    assert c.basis == "denial"
    assert text[c.a.start:c.a.end] == "that the guards had been promised extra rations"
    assert text[c.b.start:c.b.end] == denial.rstrip(".")


def test_a_denied_act_named_again_answers_the_statement_that_names_the_act(extractor):
    text = ("A steward said police had ordered stewards to keep the gate shut. "
            "The police directorate denied giving any such order.")
    ext = extract(extractor, text)
    [c] = ext.contradictions
    assert (c.basis, text[c.a.start:c.a.end], text[c.b.start:c.b.end]) == (
        "denial", "police had ordered stewards to keep the gate shut",
        "The police directorate denied giving any such order")


def test_a_denied_thing_named_again_answers_the_statement_that_names_it(extractor):
    text = ("According to a report by the United Nations, about 80,000 people are held in prison camps. "
            "The government has repeatedly denied that such camps exist.")
    ext = extract(extractor, text)
    [c] = ext.contradictions
    assert (text[c.a.start:c.a.end], text[c.b.start:c.b.end]) == (
        "about 80,000 people are held in prison camps", "The government has repeatedly denied that such camps exist")


def test_a_denied_act_that_no_statement_names_answers_nothing(extractor):
    text = "A steward said the gate was locked early. The police directorate denied giving any such order."
    assert extract(extractor, text).contradictions == []


def test_a_speaker_does_not_deny_their_own_report(extractor):
    text = "The ministry said the dam was safe. The ministry later denied the report."
    assert extract(extractor, text).contradictions == []


def test_no_contradiction_in_plain_report(extractor):
    text = "The council said the road would reopen. Drivers welcomed the news."
    assert extract(extractor, text).contradictions == []


@pytest.mark.skipif(not SEED.exists(), reason="shared eval folder not present")
def test_seed_reversal(extractor):
    text = SEED.read_text(encoding="utf-8")
    ext = extract(extractor, text)
    rev = [c for c in ext.contradictions if c.basis == "reversal"]
    assert rev
    assert text[rev[0].a.start:rev[0].a.end] == "denying it had even a single case since the beginning of the pandemic"
    assert text[rev[0].b.start:rev[0].b.end] == "acknowledge its first confirmed cases and deaths"


def test_polarity_converse_predicate(extractor):
    text = ("According to the lawyer, the documents were returned by mail to the company last week. "
            "Company officials have stated they have not received the documents.")
    ext = extract(extractor, text)
    assert any(text[c.b.start:c.b.end] == "they have not received the documents" for c in ext.contradictions)


def test_competing_characterisations(extractor):
    text = "He was sent to a camp, which the group describes as a religious retreat, but critics charge is a labour camp."
    ext = extract(extractor, text)
    pairs = {(text[c.a.start:c.a.end], text[c.b.start:c.b.end]) for c in ext.contradictions}
    assert ("a religious retreat", "a labour camp") in pairs


def test_anaphoric_figure(extractor):
    text = "Today, about 5,000 people attend the festival. The church estimates that number is closer to 2,000."
    ext = extract(extractor, text)
    [c] = ext.contradictions
    assert c.basis == "figures"
    assert text[c.b.start:c.b.end].endswith("number is closer to 2,000")
