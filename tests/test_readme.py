"""The README's example outputs are real: `make demo`'s provenance tree over examples/, and every `$ provkg ...`
block run on the fixture corpus as the README says (`provkg ingest tests/fixtures/corpus --db corpus.lbug`), print
exactly what the README shows (at the README's width, 100 columns)."""
from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from provkg.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```\n\$ (provkg [^\n]*)\n(.*?)```", README, re.S)
DEMO_TREE = re.search(r"```\n(claim: .*?)```", README, re.S).group(1)
WIDTH = {"COLUMNS": "100"}


def ingest(folder, db):
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", db, "-q"])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory):
    return ingest(ROOT / "tests" / "fixtures" / "corpus", str(tmp_path_factory.mktemp("readme") / "corpus.lbug"))


def test_make_demo_prints_the_readme_tree(tmp_path):
    db = ingest(ROOT / "examples", str(tmp_path / "demo.lbug"))
    result = CliRunner().invoke(cli, ["provenance", "progress reports to the Ministry of Social Security", "--db", db],
                                env=WIDTH)
    assert result.exit_code == 0, result.output
    assert result.stdout == DEMO_TREE


def test_the_readme_shows_query_outputs():
    assert len(BLOCKS) >= 8


@pytest.mark.parametrize("command, shown", BLOCKS, ids=[command for command, _ in BLOCKS])
def test_a_readme_output_is_what_the_command_prints(corpus_db, command, shown):
    args = [corpus_db if arg == "corpus.lbug" else arg for arg in shlex.split(command)[1:]]
    result = CliRunner().invoke(cli, args, env=WIDTH)
    assert result.exit_code == 0, result.output
    assert result.stdout == shown
