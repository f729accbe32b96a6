"""The query commands through click's CliRunner: exit codes and exact output.

The store is the fixture corpus loaded from hand-written extraction records (see
tests/test_queries.py, whose loader this module reuses), so every answer is deterministic.
"""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from provkg.cli import cli
from test_queries import GRAIN, load_corpus

RUNNER = CliRunner()
COMMANDS = ("origins", "anonymous", "contradictions", "directives", "actor", "sources", "timeline", "evidence")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return load_corpus(tmp_path_factory.mktemp("cli-queries") / "corpus.lbug")


def run(db, *args):
    return RUNNER.invoke(cli, [*args, "--db", db], env={"COLUMNS": "120"})


def as_json(db, *args):
    result = run(db, *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def library(db, func, *args, **kwargs):
    from provkg.graph.store import open_store

    with open_store(db, read_only=True) as store:
        return json.loads(json.dumps(func(store, *args, **kwargs), default=str))


def test_every_query_command_has_json_table_and_tree_and_an_example():
    for name in COMMANDS:
        command = cli.commands[name]
        fmt = next(p for p in command.params if p.name == "fmt")
        assert list(fmt.type.choices) == ["table", "tree", "json"], name
        assert any(p.name == "db" for p in command.params), name
        result = RUNNER.invoke(cli, [name, "--help"])
        assert result.exit_code == 0
        assert result.output.rstrip().splitlines()[-1].strip().startswith("provkg "), name


def test_json_output_is_the_library_answer(db):
    from provkg.queries.anonymous import anonymous_only
    from provkg.queries.contradictions import contradictions
    from provkg.queries.directives import directives
    from provkg.queries.dossier import dossier
    from provkg.queries.origins import origins
    from provkg.queries.sources import sources
    from provkg.queries.timeline import timeline

    assert as_json(db, "origins", "grain prices doubled") == library(db, origins, "grain prices doubled")
    assert as_json(db, "anonymous") == library(db, anonymous_only)
    assert as_json(db, "contradictions") == library(db, contradictions)
    assert as_json(db, "directives", "--target", "Interior Ministry") == library(db, directives, target="Interior Ministry")
    assert as_json(db, "actor", "Elena Vasquez") == library(db, dossier, "Elena Vasquez")
    assert as_json(db, "sources", "Capital Wire", "--limit", "2") == library(db, sources, "Capital Wire", limit=2)
    assert as_json(db, "timeline", "Interior Ministry") == library(db, timeline, "Interior Ministry")
    assert as_json(db, "timeline", "Interior Ministry", "--topic") == library(db, timeline, "Interior Ministry", mode="topic")


def test_origins_json_count(db):
    answer = as_json(db, "origins", GRAIN)
    assert (answer["origin_count"], answer["anonymous_origin_count"], answer["report_count"]) == (3, 2, 7)
    assert [o["anonymous"] for o in answer["origins"]] == [True, True, False]
    assert [len(o["reports"]) for o in answer["origins"]] == [4, 1, 1]
    assert [len(o["relays"]) for o in answer["origins"]] == [1, 0, 0]


def test_origins_table_exact(db):
    result = run(db, "origins", GRAIN, "--format", "table")
    assert result.exit_code == 0
    assert result.output.splitlines()[0].strip() == ("“grain prices in Dunmore had doubled since January”: "
                                                     "3 independent origins (2 anonymous)")
    rows = [line for line in result.output.splitlines() if line.startswith("│ ") and line[2] != " "]
    assert [[cell.strip() for cell in line.strip("│").split("│")][:5] for line in rows] == [
        ["1", "yes", "official at the ministry", "first-hand", "Northern Courier"],
        ["1", "yes", "official at the ministry", "reprint", "River Times"],
        ["1", "yes", "official at the ministry", "reprint", "Valley Post"],
        ["1", "yes", "official at the Interior", "re-quote", "Harbor Gazette"],
        ["1", "yes", "Northern Courier (media)", "relay", "Capital Wire"],
        ["2", "yes", "trader at the Dunmore market", "first-hand", "Harbor Gazette"],
        ["3", "no", "Dunmore Farmers Cooperative", "first-hand", "Capital Wire"],
        ["denial", "no", "Interior Ministry (government)", "denied", "Capital Wire"]]


def lines(output: str) -> list[str]:
    """Output lines without the trailing spaces rich leaves where it wraps."""
    return [line.rstrip() for line in output.splitlines()]


def test_evidence_tree_exact(db):
    edge = as_json(db, "directives", "--issuer", "Interior Ministry")["directives"][0]["appearances"][0]["issued_by"][0]
    edge_id, article = edge["evidence"]["edge_id"], edge["evidence"]["article_id"]
    result = run(db, "evidence", edge_id, "--context", "20")
    assert result.exit_code == 0
    assert lines(result.output) == [
        f"ISSUED Interior Ministry → to set up grain checkpoints on all river roads [{edge_id}]",
        "├── in “Interior Ministry orders grain checkpoints on river roads”, 2026-04-01 Northern Courier",
        f"│   [{article}] at 322:394",
        "└── …e Interior Ministry «ordered provincial police to set up grain checkpoints on all river roads», an official at the…"]


def test_evidence_by_article_span_json(db):
    articles = as_json(db, "contradictions")["contradictions"][0]["article"]
    answer = as_json(db, "evidence", "--article", articles["id"], "--span", "482:531", "--context", "0")
    assert answer == {"edge": None, "article": {**articles, "url": "https://example.org/capital-wire/ministry-denies"},
                      "start": 482, "stop": 531, "text": GRAIN, "before": "", "after": ""}


def test_sources_tree_exact(db):
    result = run(db, "sources", "Harbor Gazette", "--format", "tree", "--limit", "1")
    assert result.exit_code == 0
    edge_id = as_json(db, "sources", "Harbor Gazette")["top_sources"][0]["example"]["edge_id"]
    assert lines(result.output) == [
        "Harbor Gazette: 3 reports in 1 article",
        "├── named: 1 report (33.3%) from 1 source",
        "├── anonymous: 2 reports (66.7%) from 2 sources",
        "└── top sources",
        "    └── Elena Vasquez (person): 1 report, 1 article",
        "        └── e.g. “Governor Elena Vasquez told the Harbor Gazette that the checkpoints would end smuggling within a",
        f"            month.” [{edge_id}]"]


def test_every_format_of_every_command_renders(db):
    article = as_json(db, "contradictions")["contradictions"][0]["article"]["id"]
    calls = [("origins", GRAIN), ("anonymous",), ("contradictions",), ("directives",), ("actor", "Interior Ministry"),
             ("sources", "Valley Post"), ("timeline", "grain prices"), ("evidence", "--article", article, "--span", "0:3")]
    for call in calls:
        for fmt in ("table", "tree"):
            result = run(db, *call, "--format", fmt)
            assert result.exit_code == 0, (call, fmt, result.output)
            assert result.output.strip(), (call, fmt)


def test_errors_exit_1_with_a_message_and_usage_errors_exit_2(db):
    unknown = run(db, "actor", "Orlov Pavlovich")
    assert (unknown.exit_code, unknown.stderr) == (1, "Error: no actor named 'Orlov Pavlovich'; closest: Pavel Orlov, provincial police\n")
    no_edge = run(db, "evidence", "e0")
    assert no_edge.exit_code == 1 and "no edge with id 'e0'" in no_edge.stderr
    bad_span = run(db, "evidence", "--article", "x", "--span", "1-2")
    assert bad_span.exit_code == 1 and "not START:STOP" in bad_span.stderr
    assert run(db, "evidence").exit_code == 2
    assert run(db, "evidence", "e0", "--article", "x", "--span", "1:2").exit_code == 2
    assert run(db, "origins", GRAIN, "--format", "csv").exit_code == 2
    no_claim = run(db, "origins", "zzzz qqqq")
    assert no_claim.exit_code == 1 and "no claim matches 'zzzz qqqq'" in no_claim.stderr
    missing = RUNNER.invoke(cli, ["anonymous", "--db", db + ".missing"])
    assert missing.exit_code == 1 and "no provkg database at" in missing.stderr


def test_anonymous_limit_says_how_many_are_shown(db):
    result = run(db, "anonymous", "--limit", "1")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == ("4 claims and directives rest only on anonymous sources; "
                                             "the 1 with the most reports (--limit 0 for all)")
    assert run(db, "anonymous", "--limit", "0").stdout.splitlines()[0] == \
        "4 claims and directives rest only on anonymous sources"
    assert as_json(db, "anonymous", "--limit", "0") == as_json(db, "anonymous")
    bad = run(db, "anonymous", "--limit", "-1")
    assert bad.exit_code == 2 and "Invalid value for '--limit'" in bad.stderr


def test_contradictions_lists_a_claim_denied_in_the_words_another_article_reports(examples_db):
    # the Bay Herald's Port Authority denies the very words the dock worker told the Coastal Ledger: one Claim
    result = RUNNER.invoke(cli, ["contradictions", "--db", examples_db], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    lines = [line.rstrip() for line in result.output.splitlines()]
    assert lines[0] == "2 contradictions, 1 claim denied in the words another article reports"
    assert lines[-9:] == [
        "└── denied in the words another article reports: “that at least forty containers had gone missing since December” — 1",
        "    independent origin",
        "    ├── 2026-03-02 Coastal Ledger: dock worker (anonymous source) “A dock worker who asked not to be named because he",
        "    │   was not authorised to speak to the press «said» that at least forty containers had gone missing since December.”",
        "    │   [e5d461dcb4491fa7b]",
        "    ├── 2026-03-03 Valley Post: dock worker (anonymous source) “A dock worker who asked not to be named because he was",
        "    │   not authorised to speak to the press «said» that at least forty containers had gone missing since December.”",
        "    │   [e8c7dc7b38027af59]",
        "    └── ✗ 2026-03-05 Bay Herald: denied by Harbor Port Authority [ef3740b00056d933e]"]
