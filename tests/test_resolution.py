"""Entity resolution across articles, reprint linking both ways, and the merge audit trail."""
import json

from click.testing import CliRunner

from provkg.cli import cli
from provkg.graph.store import open_store
from provkg.loaders.ingest import ingest
from provkg.queries.resolution import merges, unmerge

ARTICLES = {
    # Written for these tests (CC0). The U.S. State Department appears under two names; two
    # institutes share most of their words; each article has its own anonymous source.
    "one.md": """---
title: Embassy staff recalled
outlet: Harbor Times
published: 2026-01-10
---
The U.S. State Department ordered non-essential staff to leave the embassy, a spokesman said.

A diplomat who asked not to be named told the Harbor Times that the decision was taken overnight.

The Korea Institute said in a statement that the move was expected.
""",
    "two.md": """---
title: Staff leave embassy
outlet: River Gazette
published: 2026-01-11
---
The State Department said on Tuesday that the embassy would stay open with a reduced staff.

A diplomat who asked not to be named told the River Gazette that families had left first.

The Korea Institute for National Unification said the recall was a precaution.
""",
}


def build(tmp_path, names=ARTICLES):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in names.items():
        (folder / name).write_text(text, encoding="utf-8")
    store = open_store(str(tmp_path / "kg.lbug"))
    report = ingest([str(folder)], store)
    assert report.ok and len(report.added) == len(names)
    return store


def names_of(store, cypher):
    return sorted(r[0] for r in store.query(cypher).rows)


def test_aliases_merge_lookalikes_do_not_and_anonymous_sources_never(tmp_path):
    with build(tmp_path) as store:
        state = store.query("MATCH (a:Actor) WHERE a.name CONTAINS 'State Department' "
                            "MATCH (art:Article)-[:MENTIONS]->(a) RETURN a.id, count(DISTINCT art)").rows
        assert len(state) == 1 and state[0][1] == 2
        institutes = names_of(store, "MATCH (a:Actor) WHERE a.name CONTAINS 'Korea Institute' RETURN a.name")
        assert institutes == ["Korea Institute", "Korea Institute for National Unification"]
        diplomats = store.query("MATCH (a:Actor {anonymous: true}) WHERE a.name CONTAINS 'diplomat' "
                                "RETURN a.id, a.article").rows
        assert len(diplomats) == 2 and len({article for _, article in diplomats}) == 2
        spread = store.query("MATCH (art:Article)-[:MENTIONS]->(a:Actor {anonymous: true}) "
                             "RETURN a.id, count(DISTINCT art) AS n").rows
        assert spread and all(n == 1 for _, n in spread)


def test_merges_are_listed_with_evidence_and_can_be_undone(tmp_path):
    with build(tmp_path) as store:
        [decision] = [m for m in merges(store) if "State Department" in m["actor"]]
        assert decision["rule"] in ("exact-name", "alias") and "state department" in decision["evidence"]
        result = unmerge(store, decision["merge_id"])
        assert result["edges_moved"] > 0
        split = store.query("MATCH (art:Article)-[:MENTIONS]->(a:Actor {id: $id}) RETURN count(DISTINCT art)",
                            {"id": result["new_actor"]}).rows
        assert split == [[1]]
        assert merges(store)[0]["rule"].endswith("(undone)")


def test_actors_merges_command_json(tmp_path):
    build(tmp_path).close()
    result = CliRunner().invoke(cli, ["actors", "--merges", "--db", str(tmp_path / "kg.lbug"), "--format", "json"])
    assert result.exit_code == 0
    listed = json.loads(result.output)
    assert any("State Department" in m["actor"] and m["mention"] for m in listed)


def test_reprints_link_both_ways(tmp_path):
    original = """---
title: Dam inspection finds cracks
outlet: Valley Ledger
published: 2026-02-01
---
Inspectors found cracks in the spillway of the northern dam during a routine visit last week, the regional water board said on Monday.

The board ordered the operator to lower the reservoir by two metres until repairs are finished, according to a notice published on its website.
"""
    copy = """---
title: Dam inspection finds cracks
outlet: Mountain Post
published: 2026-02-02
---
This article was originally published by the Valley Ledger and is reprinted with permission.

Inspectors found cracks in the spillway of the northern dam during a routine visit last week, the regional water board said on Monday.
"""
    for order in (("copy.md", "original.md"), ("original.md", "copy.md")):
        folder = tmp_path / "-".join(order)
        folder.mkdir()
        texts = {"copy.md": copy, "original.md": original}
        with open_store(str(folder / "kg.lbug")) as store:
            for name in order:  # ingest one at a time: the link is made whichever arrives first
                (folder / name).write_text(texts[name], encoding="utf-8")
                ingest([str(folder / name)], store)
            rows = store.query("MATCH (c:Article)-[:REPRINT_OF]->(o:Article) RETURN c.outlet, o.outlet").rows
            assert rows == [["Mountain Post", "Valley Ledger"]], order


def test_a_claim_denied_in_another_article_keeps_the_denial(examples_store):
    # the Port Authority denies the very words the dock worker told the Coastal Ledger: one Claim, one
    # report for it and one against it (origins lists the denial apart from the origins; contradictions
    # lists the claim as denied in place, since no CONTRADICTS edge can join a claim to itself)
    from provkg.queries.contradictions import contradictions
    from provkg.queries.origins import origins

    result = origins(examples_store, "at least forty containers had gone missing since December")
    assert [(r["article"]["outlet"], r["source"]["name"]) for r in result["denials"]] == [
        ("Bay Herald", "Harbor Port Authority")]
    assert [(r["article"]["outlet"], r["source"]["name"]) for o in result["origins"] for r in o["reports"]] == [
        ("Coastal Ledger", "dock worker"), ("Valley Post", "dock worker")]
    [denied] = contradictions(examples_store)["denied"]
    assert (denied["id"], denied["origin_count"]) == (result["claim"]["id"], 1)
    assert [(r["article"]["outlet"], r["source"]["name"]) for r in denied["denials"]] == [
        ("Bay Herald", "Harbor Port Authority")]
    assert [(r["article"]["outlet"], r["source"]["name"]) for r in denied["reports"]] == [
        ("Coastal Ledger", "dock worker"), ("Valley Post", "dock worker")]
