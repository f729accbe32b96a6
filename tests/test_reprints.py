"""provkg_reprints and provkg_boilerplate on hand-written texts and the seed article."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_actors import SEED, extract


def test_originally_published(extractor):
    text = "Storm hits coast\n\nThis story was originally published by the Harbour Gazette and is reprinted with permission.\n\nThe storm came at night."
    ext = extract(extractor, text)
    [r] = ext.reprints
    assert r.original == "Harbour Gazette"
    assert text[r.evidence.start:r.evidence.end].startswith("This story was originally published")
    assert text[r.evidence.start:r.evidence.end].endswith("permission.")
    ent = ext.entity(r.original_entity)
    assert ent is not None and ent.kind == "media"


def test_wire_dateline_and_republished(extractor):
    text = "LIMA (AFP) — Protesters marched on Sunday.\n\nThe march was peaceful, police said."
    ext = extract(extractor, text)
    assert [r.original for r in ext.reprints] == ["AFP"]
    text2 = "Republished from Coastline Weekly. Farmers said prices rose."
    assert [r.original for r in extract(extractor, text2).reprints] == ["Coastline Weekly"]


def test_no_reprint_for_plain_citation(extractor):
    text = "According to AFP, the talks failed. The Herald reported that the minister resigned."
    assert extract(extractor, text).reprints == []


def test_boilerplate_caption_and_promo(extractor):
    text = ("Join our new Daily Wave Telegram channel for updates!\n\nHeadline here\n\n"
            "A bus in the rain. (Jane Roe/Flickr)\nMarch 3, 2021\n\nThe mayor said the buses would run.")
    ext = extract(extractor, text)
    ignored = [text[s.start:s.end] for s in ext.ignored]
    assert any(i.startswith("Join our") for i in ignored)
    assert "A bus in the rain. (Jane Roe/Flickr)" in ignored
    assert "March 3, 2021" in ignored
    assert not any("Flickr" in e.name for e in ext.entities)


@pytest.mark.parametrize("credits", ["Translated by Jane Roe. Written in English by Tom Doe.",
                                     "Reported by Ann Lee for the Korean Service. Edited by Tom Doe."])
def test_staff_credits_are_not_actors(extractor, credits):
    text = "The mayor said the buses would run.\n\n" + credits
    ext = extract(extractor, text)
    assert [text[s.start:s.end] for s in ext.ignored] == [credits]
    assert not any(e.kind == "person" for e in ext.entities)


def test_reference_list_names_actors_but_makes_no_statements(extractor):
    text = ("The ministry said the report was not secret.\n\nSources\n\n"
            "\"Report found on rainy street, officials say\" — Harbour Gazette, August 15, 2008\n\n"
            "Categories: August 15, 2008 Published Politics")
    ext = extract(extractor, text)
    assert text[ext.end_matter.start:ext.end_matter.end].startswith("Sources")
    assert [text[a.cue.start:a.cue.end] for a in ext.attributions] == ["said"]
    assert "Harbour Gazette" in [e.name for e in ext.entities]


@pytest.mark.skipif(not SEED.exists(), reason="shared eval folder not present")
def test_seed_reprint(extractor):
    text = SEED.read_text(encoding="utf-8")
    ext = extract(extractor, text)
    [r] = ext.reprints
    assert r.original == "Radio Free Asia"
    assert text[r.evidence.start:r.evidence.end] == ("This article was originally published by Radio Free Asia "
                                                     "and is reprinted with permission.")
    assert ext.entity(r.original_entity).name == "Radio Free Asia"
