"""The core commands through click's CliRunner: exit codes and exact output."""
import json

from click.testing import CliRunner

from provkg.cli import cli
from conftest import EXAMPLES, SEED

RUNNER = CliRunner()


def run(*args, input=None):
    return RUNNER.invoke(cli, list(args), input=input, catch_exceptions=False)


def test_help_of_every_command_ends_with_an_example():
    for name, command in cli.commands.items():
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert "Example" in result.output, f"{name} --help has no example"
        assert result.output.rstrip().splitlines()[-1].strip().startswith("provkg"), name


def test_ingest_then_reingest_adds_nothing(tmp_path):
    db = str(tmp_path / "kg.lbug")
    first = run("ingest", str(EXAMPLES), "--db", db, "-q", "--format", "json")
    assert first.exit_code == 0
    summary = json.loads(first.output)
    assert (summary["added"], summary["failed"], summary["errors"]) == (4, 0, [])
    stats = json.loads(run("stats", "--db", db, "--format", "json").output)
    again = json.loads(run("ingest", str(EXAMPLES), "--db", db, "-q", "--format", "json").output)
    assert (again["added"], again["unchanged"], again["rows"]) == (0, 4, 0)
    assert json.loads(run("stats", "--db", db, "--format", "json").output) == stats
    replaced = json.loads(run("ingest", str(SEED), "--db", db, "-q", "--replace", "--format", "json").output)
    assert (replaced["added"], replaced["replaced"]) == (0, 1)
    assert json.loads(run("stats", "--db", db, "--format", "json").output) == stats


def test_stats_json_shape(examples_db):
    stats = json.loads(run("stats", "--db", examples_db, "--format", "json").output)
    assert set(stats) == {"articles", "nodes", "relationships"}
    assert stats["articles"] == 4
    assert stats["relationships"]["REPRINT_OF"] == 3  # seed -> RFA, Valley Post -> Coastal Ledger (outlet and article)


def test_ingest_reports_bad_input_and_exits_1(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "good.txt").write_text("The ministry said the border would reopen on Monday.", encoding="utf-8")
    result = RUNNER.invoke(cli, ["ingest", str(tmp_path), "--db", str(tmp_path / "kg.lbug"), "-q", "--format", "json"])
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert summary["added"] == 1
    assert summary["errors"] == [{"path": str(tmp_path / "empty.txt"), "line": None, "reason": "empty file"}]


def test_extract_jsonl_is_one_record_per_document_in_order(tmp_path):
    paths = sorted(str(p) for p in EXAMPLES.glob("harbor-*.md"))
    result = run("extract", *paths, "--format", "jsonl", "--no-text")
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [r["document"]["path"] for r in records] == paths
    assert all("text" not in r["document"] for r in records)


def test_extract_reads_stdin():
    result = run("extract", "-", "--format", "json", input="Officials said the port would close, Reuters reported.\n")
    assert result.exit_code == 0
    [record] = json.loads(result.output)
    assert record["document"]["path"] == "-"


def test_extract_no_nested_keeps_only_outermost_attributions(tmp_path):
    article = tmp_path / "nested.txt"
    article.write_text("Daily NK reported that a source in the city said the ministry ordered merchants to close "
                       "their stalls by noon.\n", encoding="utf-8")

    def cues_and_directive(*flags):
        result = run("extract", str(article), "--no-text", *flags)
        assert result.exit_code == 0
        record = json.loads(result.output)
        return [a["cue"]["text"] for a in record["attributions"]], record["directives"][0]["attribution"]

    assert cues_and_directive() == (["reported", "said"], "T1")
    assert cues_and_directive("--no-nested") == (["reported"], "T1")


def test_cypher_csv_exact_output(examples_db):
    result = run("cypher", "MATCH (a:Article) WHERE a.outlet = $o RETURN a.outlet AS outlet, a.published AS published",
                 "--param", "o=Bay Herald", "--db", examples_db, "--format", "csv")
    assert result.exit_code == 0
    assert result.output == "outlet,published\nBay Herald,2026-03-05\n"


def test_cypher_is_read_only_unless_write(examples_db):
    result = RUNNER.invoke(cli, ["cypher", "MATCH (a:Actor) DETACH DELETE a", "--db", examples_db])
    assert result.exit_code == 1
    assert "writes to the store; pass --write" in result.output


def test_query_list_and_run(examples_db):
    listing = json.loads(run("query", "--list", "--format", "json").output)
    assert {"provenance", "told", "reprints", "contradicting"} <= {q["name"] for q in listing}
    missing = RUNNER.invoke(cli, ["query", "nope", "--db", examples_db])
    assert missing.exit_code == 1 and "no named query 'nope'" in missing.output


def test_provenance_of_the_seed_claim_as_a_tree(examples_db):
    result = run("provenance", "progress reports to the Ministry of Social Security", "--db", examples_db)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith("claim: “The police command structure is also being reorganized")
    text = " ".join(result.output.split())
    assert "anonymous source; judicial system; North Pyongan" in text
    assert "told RFA’s Korean Service, part of Radio Free Asia" in text
    assert "← in Radio Free Asia's article “North Korea tries to cheer people up" in text
    assert "← reprinted by AMN (2022-06-14)" in text
    assert "«said»" in text


def test_provenance_json_gives_every_hop_with_its_span(examples_db):
    result = json.loads(run("provenance", "progress reports to the Ministry of Social Security", "--db", examples_db,
                            "--format", "json").output)
    text = SEED.read_text(encoding="utf-8")
    [report] = result["reports"]
    for hop in [report["evidence"], *[t["evidence"] for t in report["told"]],
                *[r["evidence"] for r in report["article"]["reprint_of"]]]:
        assert text[hop["start"]:hop["stop"]] == hop["text"]
        assert hop["article_id"] == report["article"]["id"]


def test_provenance_not_found_is_a_clean_error(examples_db):
    result = RUNNER.invoke(cli, ["provenance", "zzzz qqqq xxxx", "--db", examples_db])
    assert result.exit_code == 1
    assert result.output == "Error: no claim matches 'zzzz qqqq xxxx'; try other words, or provkg stats to see what is stored\n"


def test_missing_database_is_a_clean_error(tmp_path):
    result = RUNNER.invoke(cli, ["stats", "--db", str(tmp_path / "none.lbug")])
    assert result.exit_code == 1
    assert "no provkg database at" in result.output and "provkg ingest" in result.output


def test_extract_with_workers_matches_a_single_process():
    one = run("extract", str(EXAMPLES), "--format", "jsonl")
    two = run("extract", str(EXAMPLES), "--format", "jsonl", "--workers", "2")
    assert one.exit_code == two.exit_code == 0
    assert one.output == two.output


def test_load_extract_output_gives_the_same_graph_as_ingest(tmp_path, examples_db):
    jsonl = tmp_path / "examples.jsonl"
    assert run("extract", str(EXAMPLES), "-o", str(jsonl)).exit_code == 0
    db = str(tmp_path / "loaded.lbug")
    loaded = json.loads(run("load", str(jsonl), "--db", db, "-q", "--format", "json").output)
    assert loaded["added"] == 4
    assert run("stats", "--db", db, "--format", "json").output == run("stats", "--db", examples_db, "--format", "json").output


def test_load_reports_broken_lines_with_their_number(tmp_path):
    good = run("extract", str(SEED), "--format", "jsonl").output
    jsonl = tmp_path / "mixed.jsonl"
    jsonl.write_text("{not json\n" + good, encoding="utf-8")
    result = RUNNER.invoke(cli, ["load", str(jsonl), "--db", str(tmp_path / "kg.lbug"), "-q", "--format", "json"])
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert summary["added"] == 1
    assert summary["errors"][0]["path"] == str(jsonl) and summary["errors"][0]["line"] == 1
