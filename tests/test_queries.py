"""The query layer (issue 5) on a fixture corpus: five fictional articles in tests/fixtures/corpus/.

The corpus holds a reprint chain (Valley Post ← River Times ← Northern Courier), an anonymous
ministry official copied by both reprints and re-quoted by the Harbor Gazette through the
Northern Courier, a named source (Governor Elena Vasquez) quoted by two outlets, an independent
anonymous trader, a named cooperative, and a cross-article denial by the Interior Ministry.

Two stores:

* ``corpus_db`` — the exact answers. It is loaded from HAND-WRITTEN extraction records
  (tests/fixtures/corpus/annotations.yaml, turned into schemas/extraction.schema.json records
  by :func:`corpus_records`, every span located in the real article text). They are real input
  to Store.load and the query layer, not mocks; they keep these answers independent of how the
  spaCy pipeline, still being tuned by others, extracts.
* ``real_db`` — the same articles through the real ``ingest`` (spaCy + provkg components),
  checked for what the pipeline already finds: the reprint chain, the named source collapsing
  to one origin, the anonymous official collapsing across reprints and the re-quote, the denial.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from provkg.errors import NotFoundError, QueryError

CORPUS = Path(__file__).resolve().parent / "fixtures" / "corpus"
GRAIN = "grain prices in Dunmore had doubled since January"
SMUGGLING = "the checkpoints would end smuggling within a month"


# -- the hand-written extraction records ------------------------------------------------------------
def _find(text: str, phrase: str, start: int, stop: int | None = None) -> dict:
    at = text.find(phrase, start, len(text) if stop is None else stop)
    assert at >= 0, f"annotation phrase {phrase!r} not found in the article text"
    return {"start": at, "end": at + len(phrase), "text": phrase}


def corpus_records() -> list[dict]:
    """Extraction records for the corpus from annotations.yaml (see its header)."""
    from provkg.loaders.readers import read_articles

    spec = yaml.safe_load((CORPUS / "annotations.yaml").read_text(encoding="utf-8"))
    articles = list(read_articles([str(CORPUS)]))
    return [build_record(article, spec, Path(article.path).name) for article in articles]


def build_record(article, spec: dict, name: str) -> dict:
    """One extraction record from the annotations ``spec[name]`` of ``article`` (phrases located in its text)."""
    from provkg.loaders.readers import FRONT_MATTER

    ann = dict(spec[name])
    if "include" in ann:
        base = spec[ann.pop("include")]
        ann = {k: list(base.get(k, [])) + list(ann.get(k, [])) for k in set(base) | set(ann)}
    text = article.text
    front = FRONT_MATTER.match(text)
    body = front.end() if front else 0

    def sentence(item):
        s = _find(text, item["sentence"], body)
        return s, lambda phrase: _find(text, phrase, s["start"], s["end"])

    entities = []
    for e in ann.get("entities", []):
        spans = sorted({(m.start() + body, m.end() + body, m.group()) for p in e["mentions"]
                        for m in re.finditer(re.escape(p), text[body:])})
        entities.append({"id": e["id"], "kind": e["kind"], "name": e["name"], "aliases": e.get("aliases", []),
                         "anonymous": bool(e.get("anonymous")), "descriptor": e.get("descriptor"),
                         "affiliation": e.get("affiliation"), "location": e.get("location"),
                         "part_of": e.get("part_of"), "run_by": e.get("run_by"), "located_in": e.get("located_in"),
                         "mentions": [{"start": s, "end": t, "text": w} for s, t, w in spans]})
    attributions = []
    for a in ann.get("attributions", []):
        s, at = sentence(a)
        attributions.append({"id": a["id"], "source": at(a["source"]), "source_entity": a["source_entity"],
                             "cue": at(a["cue"]), "cue_lemma": a["cue_lemma"], "content": at(a["content"]),
                             "content_2": None, "recipient_entity": a.get("recipient_entity"),
                             "direct": bool(a.get("direct")), "sentence": s})
    directives = []
    for d in ann.get("directives", []):
        s, at = sentence(d)
        directives.append({"id": d["id"], "content": at(d["content"]), "issuer_entity": d.get("issuer_entity"),
                           "target_entities": d.get("target_entities", []), "attribution": d.get("attribution"),
                           "cue": at(d["cue"]) if d.get("cue") else None, "status": d.get("status", "issued")})
    contradictions = []
    for c in ann.get("contradictions", []):
        s, at = sentence(c)
        contradictions.append({"a": at(c["a"]), "b": at(c["b"]), "basis": c["basis"]})
    return {
        "document": {"id": article.id, "path": article.path, "title": article.title, "outlet": article.outlet,
                     "published": article.published, "url": article.url, "text": text},
        "entities": entities, "attributions": attributions, "directives": directives,
        "reprints": [{"original": r["original"], "original_entity": r.get("original_entity"),
                      "evidence": _find(text, r["evidence"], body)} for r in ann.get("reprints", [])],
        "contradictions": contradictions}


def load_corpus(path: Path) -> str:
    from provkg.graph.store import open_store

    with open_store(str(path)) as store:
        report = store.load(corpus_records())
    assert len(report.added) == 5
    return str(path)


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory):
    return load_corpus(tmp_path_factory.mktemp("queries") / "corpus.lbug")


@pytest.fixture()
def store(corpus_db):
    from provkg.graph.store import open_store

    with open_store(corpus_db, read_only=True) as s:
        yield s


@pytest.fixture(scope="module")
def real_db(tmp_path_factory):
    from provkg.graph.store import open_store
    from provkg.loaders.ingest import ingest

    path = tmp_path_factory.mktemp("queries-real") / "real.lbug"
    with open_store(str(path)) as s:
        report = ingest([str(CORPUS)], s)
    assert report.ok and len(report.added) == 5
    return str(path)


def texts(store) -> dict[str, str]:
    return dict(store.query("MATCH (a:Article) RETURN a.id, a.text").rows)


def ids(store) -> dict[str, str]:
    """Article id by outlet."""
    return {outlet: i for i, outlet in store.query("MATCH (a:Article) RETURN a.id, a.outlet").rows}


def evidences(obj):
    """Every evidence-shaped dict inside an answer."""
    if isinstance(obj, dict):
        if {"article_id", "start", "stop", "text"} <= obj.keys():
            yield obj
        for value in obj.values():
            yield from evidences(value)
    elif isinstance(obj, list):
        for value in obj:
            yield from evidences(value)


def all_answers(store):
    from provkg.queries.anonymous import anonymous_only
    from provkg.queries.contradictions import contradictions
    from provkg.queries.directives import directives
    from provkg.queries.dossier import dossier
    from provkg.queries.origins import origins
    from provkg.queries.sources import sources
    from provkg.queries.timeline import timeline

    return [origins(store, GRAIN), origins(store, SMUGGLING), anonymous_only(store), contradictions(store),
            directives(store), dossier(store, "Interior Ministry"), dossier(store, "Elena Vasquez"),
            sources(store, "Capital Wire"), sources(store, "Harbor Gazette"), timeline(store, "Interior Ministry"),
            timeline(store, "grain prices")]


# -- the fixture itself ---------------------------------------------------------------------------------
def test_hand_written_records_follow_the_extraction_schema():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((Path(__file__).resolve().parent.parent / "schemas" / "extraction.schema.json").read_text())
    for record in corpus_records():
        jsonschema.validate(record, schema)
        text = record["document"]["text"]
        for span in _spans(record):
            assert text[span["start"]:span["end"]] == span["text"]


def _spans(record):
    def walk(obj):
        if isinstance(obj, dict):
            if {"start", "end", "text"} <= obj.keys():
                yield obj
            for value in obj.values():
                yield from walk(value)
        elif isinstance(obj, list):
            for value in obj:
                yield from walk(value)
    return list(walk({k: v for k, v in record.items() if k != "document"}))


def test_every_evidence_in_every_answer_cuts_back_to_its_article(store):
    body = texts(store)
    found = [e for answer in all_answers(store) for e in evidences(answer)]
    assert len(found) > 60
    for e in found:
        assert body[e["article_id"]][e["start"]:e["stop"]] == e["text"]
        if "cue" in e:
            assert e["start"] <= e["cue"]["start"] < e["cue"]["stop"] <= e["stop"]


# -- origins -----------------------------------------------------------------------------------------------
def _origin_summary(result):
    return [(o["origin"], o["anonymous"], [s["name"] for s in o["sources"]], [c["name"] for c in o["channels"]],
             [(r["article"]["outlet"], r["via"], r["source"]["name"]) for r in o["reports"]],
             [(r["article"]["outlet"], r["source"]["name"]) for r in o["relays"]]) for o in result["origins"]]


def test_origins_collapse_reprints_requotes_and_relays_into_three(store):
    from provkg.queries.origins import origins

    result = origins(store, "grain prices doubled in Dunmore")
    assert result["claim"]["text"] == GRAIN
    assert (result["origin_count"], result["anonymous_origin_count"], result["report_count"]) == (3, 2, 7)
    official = "official at the ministry"
    assert _origin_summary(result) == [
        (1, True, [official, official, official, "official at the Interior Ministry"], ["Northern Courier"],
         [("Northern Courier", "first-hand", official), ("River Times", "reprint", official),
          ("Valley Post", "reprint", official), ("Harbor Gazette", "re-quote", "official at the Interior Ministry")],
         [("Capital Wire", "Northern Courier")]),
        (2, True, ["trader at the Dunmore market"], ["Harbor Gazette"],
         [("Harbor Gazette", "first-hand", "trader at the Dunmore market")], []),
        (3, False, ["Dunmore Farmers Cooperative"], ["Capital Wire"],
         [("Capital Wire", "first-hand", "Dunmore Farmers Cooperative")], []),
    ]
    [denial] = result["denials"]
    assert (denial["source"]["name"], denial["cue"], denial["article"]["outlet"]) == ("Interior Ministry", "denied",
                                                                                     "Capital Wire")
    assert denial["evidence"]["text"] == ("The Interior Ministry denied that grain prices in Dunmore had doubled "
                                          "since January, saying prices had risen by only 12 percent.")
    assert [o["first_reported"]["published"] for o in result["origins"]] == ["2026-04-01", "2026-04-04", "2026-04-06"]


def test_a_named_source_quoted_by_two_outlets_and_two_reprints_is_one_origin(store):
    from provkg.queries.origins import origins

    result = origins(store, SMUGGLING)
    assert (result["origin_count"], result["anonymous_origin_count"], result["report_count"]) == (1, 0, 4)
    assert _origin_summary(result) == [
        (1, False, ["Elena Vasquez"], ["Harbor Gazette", "Northern Courier"],
         [("Northern Courier", "first-hand", "Elena Vasquez"), ("River Times", "reprint", "Elena Vasquez"),
          ("Valley Post", "reprint", "Elena Vasquez"), ("Harbor Gazette", "first-hand", "Elena Vasquez")], [])]


def test_origins_by_claim_id_and_exact_report_json(store):
    from provkg.queries.common import find_claim
    from provkg.queries.origins import origins

    claim, _, _ = find_claim(store, "prices had risen by only 12 percent")
    result = origins(store, claim_id=claim["id"])
    assert result["match_score"] is None and result["related"] == []
    art = ids(store)["Capital Wire"]
    [origin] = result["origins"]
    [rep] = origin["reports"]
    assert {k: v for k, v in rep.items() if k != "edge_id"} == {
        "source": {"id": "actor:interior-ministry:773ef12e", "name": "Interior Ministry", "kind": "government",
                   "anonymous": False, "descriptor": None, "affiliation": None, "location": None},
        "cue": "saying", "cue_lemma": "say", "direct": False, "recipient": None,
        "article": {"id": art, "title": "Ministry denies grain price surge", "outlet": "Capital Wire",
                    "published": "2026-04-06"},
        "evidence": {"edge_id": rep["edge_id"], "article_id": art, "start": 448, "stop": 576,
                     "text": "The Interior Ministry denied that grain prices in Dunmore had doubled since January, "
                             "saying prices had risen by only 12 percent.",
                     "cue": {"start": 533, "stop": 539, "text": "saying"}},
        "via": "first-hand"}
    assert origins(store, claim["id"])["claim"] == claim  # a claim id works as the text argument too


def test_origins_of_an_unknown_claim_is_a_clear_error(store):
    from provkg.queries.origins import origins

    with pytest.raises(NotFoundError, match="no claim with id 'claim:nope'"):
        origins(store, claim_id="claim:nope")


def test_origins_relays_of_relays_and_two_sources_in_one_article(tmp_path):
    """Hand-written records for five one-line articles (no files): the rules the corpus does not reach."""
    from provkg.graph.store import open_store
    from provkg.loaders.readers import Article
    from provkg.queries.origins import origins

    said = "the bridge had collapsed"

    def anon(i, words):
        return {"id": i, "kind": "anonymous_source", "name": words, "anonymous": True, "descriptor": words,
                "affiliation": "police", "mentions": [words]}

    def media(i, name):
        return {"id": i, "kind": "media", "name": name, "mentions": [name]}

    def report(i, sentence, source, entity, cue, recipient=None):
        return {"id": i, "sentence": sentence, "source": source, "source_entity": entity, "cue": cue,
                "cue_lemma": {"told": "tell", "reported": "report"}.get(cue, "say"), "content": said,
                "recipient_entity": recipient}

    two = "A police officer told the Alpha Daily that the bridge had collapsed. " \
          "A second officer told the Alpha Daily that the bridge had collapsed."
    articles = {
        # two anonymous officers in one article, same channel, same profile: two origins
        "alpha": (Article(two, "alpha", "Bridge", None, "Alpha Daily", "2026-01-01"), {
            "entities": [media("E1", "Alpha Daily"), anon("S1", "A police officer"), anon("S2", "A second officer")],
            "attributions": [report("A1", two[:67], "A police officer", "S1", "told", "E1"),
                             report("A2", two[68:], "A second officer", "S2", "told", "E1")]}),
        # another outlet re-quotes an officer who spoke to the Alpha Daily: joins the first officer
        "kappa": (Article("An officer told the Alpha Daily that the bridge had collapsed.", "kappa", "Bridge", None,
                          "Kappa", "2026-01-02"), {
            "entities": [media("E1", "Alpha Daily"), anon("S1", "An officer")],
            "attributions": [report("A1", "An officer told the Alpha Daily that the bridge had collapsed.",
                                    "An officer", "S1", "told", "E1")]}),
        # Beta News relays the Alpha Daily; Gamma Post relays Beta News: both relays, no new origin
        "beta": (Article("The Alpha Daily reported that the bridge had collapsed.", "beta", "Bridge", None,
                         "Beta News", "2026-01-03"), {
            "entities": [media("E1", "Alpha Daily")],
            "attributions": [report("A1", "The Alpha Daily reported that the bridge had collapsed.",
                                    "The Alpha Daily", "E1", "reported")]}),
        "gamma": (Article("Beta News reported that the bridge had collapsed.", "gamma", "Bridge", None,
                          "Gamma Post", "2026-01-04"), {
            "entities": [media("E1", "Beta News")],
            "attributions": [report("A1", "Beta News reported that the bridge had collapsed.", "Beta News", "E1",
                                    "reported")]}),
        # an outlet nobody spoke to, reporting on its own account: an origin of its own
        "delta": (Article("The Epsilon Times said that the bridge had collapsed.", "delta", "Bridge", None,
                          "Delta", "2026-01-05"), {
            "entities": [media("E1", "Epsilon Times")],
            "attributions": [report("A1", "The Epsilon Times said that the bridge had collapsed.", "The Epsilon Times",
                                    "E1", "said")]}),
    }
    records = [build_record(article, {name: ann}, name) for name, (article, ann) in articles.items()]
    with open_store(str(tmp_path / "relays.lbug")) as store:
        store.load(records)
        result = origins(store, said)
    assert (result["origin_count"], result["anonymous_origin_count"], result["report_count"]) == (3, 2, 6)
    assert [([s["name"] for s in o["sources"]], [r["via"] for r in o["reports"]],
             [r["article"]["outlet"] for r in o["relays"]]) for o in result["origins"]] == [
        (["A police officer", "An officer"], ["first-hand", "re-quote"], ["Beta News", "Gamma Post"]),
        (["A second officer"], ["first-hand"], ["Beta News", "Gamma Post"]),
        (["Epsilon Times"], ["first-hand"], [])]


# -- anonymous ------------------------------------------------------------------------------------------------
def test_anonymous_only_is_the_named_query_answer(store):
    from provkg.queries import named
    from provkg.queries.anonymous import anonymous_only, by_outlet
    from provkg.queries.common import Articles

    for limit in (1, 2, None):
        rows = named.run(store, "anonymous", {"limit": limit or 1000}).records()
        assert anonymous_only(store, limit=limit) == {**by_outlet(rows, Articles(store)), "item_total": 4}


def test_anonymous_limit_keeps_the_most_reported_items_whole(store):
    from provkg.queries.anonymous import anonymous_only

    result = anonymous_only(store, limit=1)
    assert (result["item_count"], result["item_total"]) == (1, 4)
    # the item three outlets carry comes first, with every one of its anonymous reports
    [item] = {i["id"]: i for g in result["outlets"] for i in g["items"]}.values()
    assert [g["outlet"] for g in result["outlets"]] == ["Northern Courier", "River Times", "Valley Post"]
    assert anonymous_only(store, limit=None) == anonymous_only(store, limit=4)


def test_anonymous_only_items_grouped_by_outlet(store):
    from provkg.queries.anonymous import anonymous_only

    result = anonymous_only(store)
    assert (result["item_count"], result["item_total"]) == (4, 4)
    ordered = "The Interior Ministry ordered provincial police to set up grain checkpoints on all river roads"
    trucks = "Trucks carrying more than two tonnes must be inspected at every checkpoint"
    checkpoints = "to set up grain checkpoints on all river roads"
    copied = [("Directive", checkpoints), ("Claim", ordered), ("Claim", trucks)]
    assert [(g["outlet"], [(i["label"], i["text"]) for i in g["items"]]) for g in result["outlets"]] == [
        ("Capital Wire", [("Claim", "smugglers had moved to mountain roads")]),
        ("Northern Courier", copied), ("River Times", copied), ("Valley Post", copied)]
    [customs] = result["outlets"][0]["items"][0]["sources"]
    assert customs["source"] == {"id": f"anon:{ids(store)['Capital Wire']}:S1", "name": "customs officer in Port Sella",
                                 "kind": "anonymous_source", "anonymous": True,
                                 "descriptor": "a customs officer in Port Sella, speaking on condition of anonymity",
                                 "affiliation": "customs", "location": "Port Sella"}
    directive_source = result["outlets"][1]["items"][0]["sources"][0]
    assert directive_source["recipient"]["name"] == "Northern Courier"
    assert directive_source["source"]["affiliation"] == "Interior Ministry"
    # the grain-price claim has named support (the cooperative), so it is not here
    assert all(i["text"] != GRAIN for g in result["outlets"] for i in g["items"])


# -- contradictions ---------------------------------------------------------------------------------------------
def test_contradictions_with_both_sides_provenance(store):
    from provkg.queries.contradictions import contradictions

    result = contradictions(store)
    assert result["count"] == 1
    [c] = result["contradictions"]
    assert (c["basis"], c["article"]["outlet"], c["evidence"]["text"]) == (
        "denial", "Capital Wire", "grain prices in Dunmore had doubled since January, saying prices had risen by only 12 percent")
    a, b = c["a"], c["b"]
    assert (a["text"], a["origin_count"], len(a["reports"])) == (GRAIN, 3, 7)
    assert [r["source"]["name"] for r in a["denials"]] == ["Interior Ministry"]
    assert [r["article"]["outlet"] for r in a["reports"]] == [
        "Northern Courier", "River Times", "Valley Post", "Harbor Gazette", "Harbor Gazette", "Capital Wire", "Capital Wire"]
    assert (b["text"], b["origin_count"], [r["source"]["name"] for r in b["reports"]], b["denials"]) == (
        "prices had risen by only 12 percent", 1, ["Interior Ministry"], [])


# -- directives -------------------------------------------------------------------------------------------------
def _directive_summary(result):
    return [(d["issuers"], d["text"], d["targets"], d["first_reported"],
             [a["article"]["outlet"] for a in d["appearances"]], [r["source"]["name"] for r in d["reported_by"]])
            for d in result["directives"]]


def test_directives_who_issued_what_to_whom(store):
    from provkg.queries.directives import directives

    everything = directives(store)
    official = "official at the ministry"
    assert everything["count"] == 2
    assert _directive_summary(everything) == [
        (["Interior Ministry"], "to set up grain checkpoints on all river roads", ["provincial police"], "2026-04-01",
         ["Northern Courier", "River Times", "Valley Post"], [official, official, official]),
        (["Dunmore Farmers Cooperative"], "to lift the checkpoints before the harvest", ["Interior Ministry"],
         "2026-04-04", ["Harbor Gazette"], []),
    ]
    first = everything["directives"][0]["appearances"][0]
    assert first["issued_by"][0]["evidence"]["text"] == "ordered provincial police to set up grain checkpoints on all river roads"
    assert first["targets"][0]["name"] == "provincial police"


def test_directives_filtered_by_issuer_and_target(store):
    from provkg.queries.directives import directives

    by_ministry = directives(store, issuer="interior ministry")
    assert by_ministry["issuer"] == {"id": "actor:interior-ministry:773ef12e", "name": "Interior Ministry",
                                     "kind": "government",
                                     "match": {"query": "interior ministry", "rule": "name", "score": 100.0}}
    assert [d["text"] for d in by_ministry["directives"]] == ["to set up grain checkpoints on all river roads"]
    # "provincial police" is an unnamed, article-scoped actor: all three copies answer together
    police = directives(store, target="provincial police")
    assert [len(d["appearances"]) for d in police["directives"]] == [3]
    binding_ministry = directives(store, target="Interior Ministry")
    assert [d["text"] for d in binding_ministry["directives"]] == ["to lift the checkpoints before the harvest"]
    assert directives(store, issuer="Interior Ministry", target="Interior Ministry")["directives"] == []


# -- actor dossier ------------------------------------------------------------------------------------------------
def test_actor_dossier(store):
    from provkg.queries.dossier import dossier

    d = dossier(store, "Interior Ministry")
    assert d["actor"] == {"id": "actor:interior-ministry:773ef12e", "name": "Interior Ministry", "kind": "government",
                          "aliases": ["the ministry"], "anonymous": False, "descriptor": None, "affiliation": None,
                          "location": None, "article": None, "part_of": [], "units": ["Pavel Orlov"], "run_by": [],
                          "located_in": [], "published": 0, "ids": ["actor:interior-ministry:773ef12e"]}
    assert [(s["cue"], s["item"]["text"]) for s in d["said"]] == [
        ("saying", "prices had risen by only 12 percent"), ("denied", GRAIN)]
    assert [(i["article"]["outlet"], i["directive"]["text"], [t["name"] for t in i["targets"]]) for i in d["issued"]] == [
        ("Northern Courier", "to set up grain checkpoints on all river roads", ["provincial police"]),
        ("River Times", "to set up grain checkpoints on all river roads", ["provincial police"]),
        ("Valley Post", "to set up grain checkpoints on all river roads", ["provincial police"])]
    assert [(t["directive"]["text"], [i["name"] for i in t["issuers"]], t["evidence"]["text"]) for t in d["targeted_by"]] == [
        ("to lift the checkpoints before the harvest", ["Dunmore Farmers Cooperative"],
         "called on the Interior Ministry to lift the checkpoints before the harvest")]
    assert d["cited_by"] == [{"outlet": "Capital Wire", "reports": 2, "articles": 1}]


def test_actor_named_source_cited_by_four_outlets_fuzzy_name(store):
    from provkg.queries.dossier import dossier

    d = dossier(store, "Elena Vasques")  # a typo: fuzzy match
    assert d["match"]["rule"] == "fuzzy" and d["match"]["score"] >= 80
    assert (d["actor"]["name"], d["actor"]["aliases"]) == ("Elena Vasquez", ["Governor Elena Vasquez"])
    assert d["told"] == [{"id": "actor:harbor-gazette:9e277bbc", "name": "Harbor Gazette", "kind": "media", "reports": 1}]
    assert d["cited_by"] == [{"outlet": o, "reports": 1, "articles": 1}
                             for o in ("Harbor Gazette", "Northern Courier", "River Times", "Valley Post")]
    assert dossier(store, "Governor Elena Vasquez")["match"]["rule"] == "name"  # an alias, through the Name index


def test_unknown_actor_suggests_close_names(store):
    from provkg.queries.dossier import dossier

    with pytest.raises(NotFoundError, match=r"no actor named 'Orlov Pavlovich'; closest: Pavel Orlov"):
        dossier(store, "Orlov Pavlovich")
    with pytest.raises(NotFoundError, match=r"no actor named 'qqqq'"):
        dossier(store, "qqqq")


# -- sources --------------------------------------------------------------------------------------------------------
def test_sources_of_an_outlet(store):
    from provkg.queries.sources import sources

    result = sources(store, "capital wire", limit=3)
    top = result.pop("top_sources")
    assert result == {"outlet": {"id": "actor:capital-wire:efd84a52", "name": "Capital Wire"},
                      "match": {"query": "capital wire", "rule": "name", "score": 100.0},
                      "articles": 1, "reports": 6, "named_reports": 5, "anonymous_reports": 1,
                      "named_share": 0.833, "anonymous_share": 0.167, "named_sources": 4, "anonymous_sources": 1}
    assert [(s["name"], s["reports"], s["articles"], s["items"]) for s in top] == [
        ("Interior Ministry", 2, 1, 2), ("Dunmore Farmers Cooperative", 1, 1, 1), ("Northern Courier", 1, 1, 1)]
    gazette = sources(store, "Harbor Gazete")  # fuzzy, among outlets only
    assert (gazette["outlet"]["name"], gazette["anonymous_share"], gazette["anonymous_sources"]) == ("Harbor Gazette", 0.667, 2)
    valley = sources(store, "Valley Post")  # a reprint relies on the original's sources
    assert (valley["reports"], valley["anonymous_reports"]) == (5, 4)
    with pytest.raises(NotFoundError, match="no actor named 'Pavel Orlov'"):
        sources(store, "Pavel Orlov")  # not an outlet


# -- timeline -------------------------------------------------------------------------------------------------------
def test_timeline_of_an_actor_in_date_then_offset_order(store):
    from provkg.queries.timeline import timeline

    result = timeline(store, "Interior Ministry")
    assert result["subject"]["kind"] == "actor"
    assert [(e["date"], e["article"]["outlet"], e["event"], e["item"]["text"]) for e in result["events"]] == [
        ("2026-04-01", "Northern Courier", "issued", "to set up grain checkpoints on all river roads"),
        ("2026-04-02", "River Times", "issued", "to set up grain checkpoints on all river roads"),
        ("2026-04-03", "Valley Post", "issued", "to set up grain checkpoints on all river roads"),
        ("2026-04-04", "Harbor Gazette", "targeted by", "to lift the checkpoints before the harvest"),
        ("2026-04-06", "Capital Wire", "said", "prices had risen by only 12 percent"),
        ("2026-04-06", "Capital Wire", "denied", GRAIN)]
    assert result["events"][3]["actor"]["name"] == "Interior Ministry"
    assert result["events"][3]["counterpart"]["name"] == "Dunmore Farmers Cooperative"
    assert result["events"][0]["counterpart"]["name"] == "provincial police"


def test_timeline_of_a_topic(store):
    from provkg.queries.timeline import timeline

    result = timeline(store, "grain prices", mode="topic")
    assert [m["text"] for m in result["subject"]["matches"]] == [GRAIN]
    assert [(e["date"], e["event"], e["actor"] and e["actor"]["name"]) for e in result["events"]] == [
        ("2026-04-01", "said", "official at the ministry"), ("2026-04-02", "said", "official at the ministry"),
        ("2026-04-03", "said", "official at the ministry"), ("2026-04-04", "said", "official at the Interior Ministry"),
        ("2026-04-04", "said", "trader at the Dunmore market"), ("2026-04-06", "said", "Northern Courier"),
        ("2026-04-06", "said", "Dunmore Farmers Cooperative"), ("2026-04-06", "denied", "Interior Ministry"),
        ("2026-04-06", "contradicted", None)]
    starts = [e["evidence"]["start"] for e in result["events"] if e["date"] == "2026-04-06"]
    assert starts == sorted(starts)
    assert timeline(store, "grain prices")["subject"]["kind"] == "topic"  # auto: no actor is called that
    with pytest.raises(NotFoundError):
        timeline(store, "grain prices", mode="actor")


# -- evidence -------------------------------------------------------------------------------------------------------
def test_evidence_of_an_edge(store):
    from provkg.queries.directives import directives
    from provkg.queries.evidence import evidence

    issued = directives(store)["directives"][0]["appearances"][0]["issued_by"][0]["evidence"]
    result = evidence(store, issued["edge_id"], context=20)
    art = ids(store)["Northern Courier"]
    assert result == {
        "edge": {"id": issued["edge_id"], "type": "ISSUED",
                 "from": {"label": "Actor", "id": "actor:interior-ministry:773ef12e", "name": "Interior Ministry"},
                 "to": {"label": "Directive", "id": "directive:b1ae799eddc6c0a6",
                        "name": "to set up grain checkpoints on all river roads"},
                 "properties": {}},
        "article": {"id": art, "title": "Interior Ministry orders grain checkpoints on river roads",
                    "outlet": "Northern Courier", "published": "2026-04-01",
                    "url": "https://example.org/northern-courier/grain-checkpoints"},
        "start": issued["start"], "stop": issued["stop"],
        "text": "ordered provincial police to set up grain checkpoints on all river roads",
        "before": "e Interior Ministry ", "after": ", an official at the"}


def test_evidence_of_every_kind_of_edge(store):
    from provkg.queries.evidence import evidence
    from provkg.schemas import MODEL

    body = texts(store)
    seen = set()
    for rel_type in MODEL.rel_types:
        for edge_id, in store.query(f"MATCH ()-[r:{rel_type}]->() RETURN r.id LIMIT 1").rows:
            result = evidence(store, edge_id)
            assert result["edge"]["type"] == rel_type
            assert body[result["article"]["id"]][result["start"]:result["stop"]] == result["text"]
            seen.add(rel_type)
    assert seen >= {"ISSUED", "TARGETS", "REPORTED", "TOLD", "PUBLISHED", "REPRINT_OF", "CONTRADICTS", "PART_OF",
                    "LOCATED_IN", "MENTIONS", "NAMES", "DECIDED"}
    reprint = store.query("MATCH (:Article)-[r:REPRINT_OF]->(:Article) RETURN r.id ORDER BY r.id LIMIT 1").rows[0][0]
    linked = evidence(store, reprint)
    assert (linked["edge"]["from"]["label"], linked["edge"]["to"]["label"]) == ("Article", "Article")
    assert linked["text"].startswith("This article was originally published by the ")


def test_evidence_of_an_article_span_and_errors(store):
    from provkg.queries.evidence import evidence, parse_span

    art = ids(store)["Capital Wire"]
    result = evidence(store, article_id=art, start=482, stop=531, context=10)
    assert (result["edge"], result["text"], result["before"], result["after"]) == (
        None, GRAIN, "nied that ", ", saying p")
    assert parse_span("482:531") == (482, 531)
    with pytest.raises(QueryError, match="not START:STOP"):
        parse_span("482-531")
    with pytest.raises(QueryError, match="does not fit article"):
        evidence(store, article_id=art, start=5, stop=2)
    with pytest.raises(NotFoundError, match="no article with id 'nope'"):
        evidence(store, article_id="nope", start=0, stop=1)
    with pytest.raises(NotFoundError, match="no edge with id 'e0'"):
        evidence(store, "e0")


# -- named Cypher queries -------------------------------------------------------------------------------------------
MINE = ("actor", "anonymous", "contradictions", "directives", "evidence", "issued", "origins", "reports", "sources",
        "targeted")


def test_named_queries_have_headers_and_run_on_ladybug(store):
    from provkg.queries import named

    params = {"actor": {"actor_id": "actor:interior-ministry:773ef12e"}, "anonymous": {"limit": 100}, "contradictions": {},
              "directives": {"issuer_ids": [], "target_ids": []}, "evidence": {"edge_id": "e0"},
              "issued": {"actor_ids": [], "directive_ids": []}, "origins": {"claim_id": "claim:035abecff2ff4276"},
              "reports": {"item_ids": [], "source_ids": []}, "sources": {"outlet_id": "actor:capital-wire:efd84a52"},
              "targeted": {"actor_ids": ["actor:interior-ministry:773ef12e"]}}
    counts = {}
    for name in MINE:
        query = named.get(name)
        header = [line for line in query.text.splitlines() if line.startswith("//")]
        assert query.description and any(h.startswith("// Parameters:") for h in header)
        assert any(h.startswith("// Example: provkg query ") for h in header)
        for param in re.findall(r"\$(\w+)", query.text):
            assert param in params[name], (name, param)
        # the shared dialect: no type()/labels(), no APOC, no list comprehensions, no CALL subqueries
        body = "\n".join(line for line in query.text.splitlines() if not line.startswith("//"))
        assert not re.search(r"\b(type|labels|label)\s*\(|apoc\.|\[\s*\w+\s+IN\b|\bCALL\b", body, re.I), name
        counts[name] = len(named.run(store, name, params[name]).rows)
    assert counts == {"actor": 1, "anonymous": 10, "contradictions": 1, "directives": 4, "evidence": 0, "issued": 4,
                      "origins": 9, "reports": 24, "sources": 6, "targeted": 1}


# -- the real pipeline on the same articles -------------------------------------------------------------------------
def test_real_ingest_answers(real_db):
    """What the spaCy pipeline extracts today already gives these answers (checked loosely)."""
    from provkg.graph.store import open_store
    from provkg.queries.anonymous import anonymous_only
    from provkg.queries.origins import origins

    with open_store(real_db, read_only=True) as store:
        chain = store.query("MATCH (a:Article)-[:REPRINT_OF]->(b:Article) RETURN a.outlet, b.outlet ORDER BY a.outlet").rows
        assert chain == [["River Times", "Northern Courier"], ["Valley Post", "River Times"]]
        vasquez = origins(store, SMUGGLING)
        assert vasquez["origin_count"] == 1 and vasquez["report_count"] >= 3
        assert {s["name"] for s in vasquez["origins"][0]["sources"]} == {"Elena Vasquez"}
        grain = origins(store, GRAIN)
        first = grain["origins"][0]
        assert first["anonymous"] and {r["article"]["outlet"] for r in first["reports"]} >= {
            "Northern Courier", "River Times", "Valley Post", "Harbor Gazette"}
        assert {r["via"] for r in first["reports"]} >= {"first-hand", "reprint", "re-quote"}
        assert grain["origin_count"] >= 2  # the trader at the Dunmore market is another origin
        assert [d["source"]["name"] for d in grain["denials"]] == ["Interior Ministry"]
        body = texts(store)
        for answer in (vasquez, grain, anonymous_only(store)):
            for e in evidences(answer):
                assert body[e["article_id"]][e["start"]:e["stop"]] == e["text"]
