"""Fuzzing the readers and the extraction pipeline with hypothesis.

Readers get random bytes and random text as .txt/.md/.html/.jsonl files and on stdin: they never
raise, every input yields articles or InputErrors, and a text file's article is its text exactly.
The extractor gets random and adversarial text (huge tokens, nested and unbalanced quotes, RTL and
zero-width characters, control characters): it never crashes, every span lies inside the text
and cuts back to its own words, and the records load into a real store without a problem.
The number of documents fuzzed is printed at the end (``-s``) and recorded in docs/reliability.md.
"""
from __future__ import annotations

import io
import json
import os
import string
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from provkg.errors import InputError
from provkg.loaders.readers import Article, read_articles

COUNTS = {"reader files": 0, "stdin streams": 0, "extracted documents": 0, "loaded documents": 0}
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                database=None, derandomize=True)

# --------------------------------------------------------------------------- text strategies

QUOTES = "“”\"'‘’«»„‚‹›"
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
CONTROL = "".join(chr(c) for c in range(0, 32)) + "\x7f\x85\u2028\u2029"
FRAGMENTS = [
    "The ministry said", "said", "told Reuters", "according to a source", "a source connected to the judicial "
    "system told RFA’s Korean Service", "Police were ordered to stop", "denied the report", "The Interior Ministry "
    "ordered provincial police to", "reported", "“", "”", "\"", "'", "‘", "’", "“nested ‘quotes “deeper” here’",
    "“unbalanced", "unbalanced”", "\n\n", "\n", ". ", ", ", " — ", "(", ")", "[", "]", "Kim Jong Un", "RFA",
    "Radio Free Asia", "he said.", "she told", "the second source", "10,000", "50%", "Monday", "June 14, 2022",
    "---\ntitle: x\n---\n", "<p>", "</p>", "&amp;", "مرحبا قال الوزير", "שלום אמר", "中国外交部说", "😀", "e\u0301",
]


def _chars(alphabet: str) -> st.SearchStrategy[str]:
    return st.text(alphabet=alphabet, min_size=1, max_size=8)


adversarial_piece = st.one_of(
    st.sampled_from(FRAGMENTS),
    _chars(QUOTES),
    _chars(INVISIBLE),
    _chars(CONTROL),
    st.text(alphabet=string.ascii_letters, min_size=200, max_size=3000),  # huge tokens
    st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=30),  # any Unicode but lone surrogates
)
adversarial_text = st.lists(adversarial_piece, min_size=1, max_size=40).map(" ".join)


# --------------------------------------------------------------------------- readers

def _read_one(path: str) -> list:
    items = list(read_articles([path], max_bytes=200_000))
    assert items, "a file must yield something"
    assert all(isinstance(i, (Article, InputError)) for i in items)
    for item in items:
        if isinstance(item, Article):
            assert isinstance(item.text, str) and item.text.strip()
            json.dumps(item.metadata)  # metadata is always JSON-ready
        else:
            assert item.reason and "\n" not in item.reason  # one-line, readable reasons
    COUNTS["reader files"] += 1
    return items


@FAST
@given(data=st.binary(max_size=4000), ext=st.sampled_from([".txt", ".md", ".html", ".htm", ".jsonl"]))
def test_readers_never_raise_on_random_bytes(data, ext):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "fuzz" + ext)
        Path(path).write_bytes(data)
        items = _read_one(path)
        for item in items:
            if isinstance(item, Article) and ext in (".txt", ".md"):
                # The article is the file as Python reads it with the recorded encoding.
                assert item.text == Path(path).read_text(encoding=item.metadata.get("encoding", "utf-8"))


@FAST
@given(text=adversarial_text)
def test_a_text_file_is_read_back_exactly(text):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "fuzz.txt")
        Path(path).write_bytes(text.encode("utf-8"))
        [item] = _read_one(path)
        expected = text.replace("\r\n", "\n").replace("\r", "\n")
        if isinstance(item, Article):
            assert item.text == expected
            assert "encoding" not in item.metadata
        else:
            blank = not expected.lstrip("\ufeff").strip()
            assert blank or "\x00" in text or "front matter" in item.reason, item.reason


jsonl_line = st.one_of(
    st.builds(lambda t, extra: json.dumps({"text": t, **extra}, ensure_ascii=False), adversarial_text,
              st.dictionaries(st.sampled_from(["title", "url", "outlet", "published", "date", "metadata", "x"]),
                              st.one_of(st.none(), st.integers(), st.text(max_size=10),
                                        st.lists(st.integers(), max_size=3),
                                        st.dictionaries(st.text(max_size=3), st.integers(), max_size=2)),
                              max_size=4)),
    st.text(max_size=50),  # garbage
    st.just(""), st.just("   "), st.just("{"), st.just('{"text": 1}'), st.just("[1, 2]"), st.just('"x"'),
)


@FAST
@given(lines=st.lists(jsonl_line, min_size=0, max_size=12))
def test_jsonl_yields_one_item_per_non_blank_line_with_its_line_number(lines):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "fuzz.jsonl")
        Path(path).write_text("\n".join(lines), encoding="utf-8")
        items = _read_one(path)
        physical = Path(path).read_bytes().decode("utf-8").splitlines()  # str.splitlines also splits on \x1c, \u2028 ...
        with open(path, encoding="utf-8", newline="\n") as f:
            numbered = [n for n, line in enumerate(f, 1) if (line.lstrip("\ufeff") if n == 1 else line).strip()]
        if b"\x00" in Path(path).read_bytes()[:8192]:  # a NUL byte up front: a binary file, rejected whole
            assert [(type(i), i.line, i.reason) for i in items] == [
                (InputError, None, "binary file (NUL bytes), not JSON Lines text")]
            return
        if not numbered:
            reason = "empty file" if not Path(path).stat().st_size else "empty file (no JSON lines)"
            assert [(type(i), i.reason) for i in items] == [(InputError, reason)]
            return
        got = [int(i.path.rsplit(":", 1)[1]) if isinstance(i, Article) else i.line for i in items]
        assert got == numbered, (got, numbered, physical)


@FAST
@given(data=st.one_of(st.binary(max_size=2000), adversarial_text.map(lambda t: t.encode("utf-8"))))
def test_stdin_never_raises(data):
    items = list(read_articles(["-"], stdin=io.BytesIO(data), max_bytes=100_000))
    assert items and all(isinstance(i, (Article, InputError)) for i in items)
    COUNTS["stdin streams"] += 1


# --------------------------------------------------------------------------- extraction

def _spans(node, path="record"):
    """Every {start, end, text} dict in a record, with where it is."""
    if isinstance(node, dict):
        if {"start", "end", "text"} <= set(node):
            yield path, node
        for key, value in node.items():
            if key != "document":
                yield from _spans(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _spans(value, f"{path}[{i}]")


def _check_record(record: dict, text: str) -> None:
    assert record["document"]["text"] == text
    json.dumps(record, ensure_ascii=False).encode("utf-8")  # serialisable as extract output
    for where, span in _spans(record):
        start, end = span["start"], span["end"]
        assert isinstance(start, int) and isinstance(end, int), where
        assert 0 <= start <= end <= len(text), (where, start, end, len(text))
        if "fragments" in span:
            # content a cue interrupts: its text joins its pieces with " … ", each inside its fragment
            fragments = span["fragments"]
            assert all(start <= a < b <= end for a, b in fragments), where
            assert _joins_pieces(span["text"], [text[a:b] for a, b in fragments]), where
        else:
            assert text[start:end] == span["text"], where


def _joins_pieces(joined: str, windows: list[str]) -> bool:
    """Whether ``joined`` is pieces joined by " … ", each piece inside its window (a piece may hold " … " too)."""
    if len(windows) == 1:
        return joined in windows[0]
    at = joined.find(" … ")
    while at >= 0:
        if joined[:at] in windows[0] and _joins_pieces(joined[at + 3:], windows[1:]):
            return True
        at = joined.find(" … ", at + 1)
    return False


@pytest.fixture(scope="module")
def fuzz_extractor(extractor):
    return extractor


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None,
          derandomize=True)
@given(text=adversarial_text)
@example(text="The ministry said « The ministry said The ministry said « The ministry said")  # content in two pieces
def test_extraction_survives_adversarial_text_and_every_span_cuts_back(fuzz_extractor, text):
    [record] = fuzz_extractor.records([Article(text, "fuzz.txt")])
    _check_record(record, text)
    COUNTS["extracted documents"] += 1


PATHOLOGICAL = [
    "x" * 200_000,                                    # one enormous token
    "“" * 400 + "said" + "”" * 400,                    # deeply nested quotes (spaCy's tokenizer is quadratic
                                                      # on long runs without spaces: 10,000 take ~50 s)
    ("“A ‘B “C ‘D " * 400) + " the minister said.",   # unbalanced nesting
    "\u202e" + "The ministry said the border would reopen, officials told Reuters. " * 200,
    "\u200b".join("The ministry said the border would reopen."),
    "\x00\x01\x02 Police said \x1b[31m red \x1b[0m so.\x0c\x0b",
    "said. " * 2_000,                                 # many tiny sentences
    "\n" * 10_000 + "The ministry said so.",
    "---\ntitle: [\n---\n" + "“Quote,” he said. " * 100,
    " ",
    "\ufeff",
    "😀" * 400,                                       # (10,000 take ~60 s, see docs/reliability.md)
]


def test_extraction_of_pathological_documents(fuzz_extractor):
    for text in PATHOLOGICAL:
        [record] = fuzz_extractor.records([Article(text, "fuzz.txt")])
        _check_record(record, text)
        COUNTS["extracted documents"] += 1


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory):
    from provkg.graph.store import open_store

    with open_store(str(tmp_path_factory.mktemp("fuzz") / "kg.lbug")) as store:
        yield store


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None,
          derandomize=True)
@given(texts=st.lists(adversarial_text, min_size=1, max_size=4))
def test_fuzzed_records_load_into_a_real_store_and_stay_consistent(fuzz_extractor, fuzz_store, texts):
    from provkg.graph.maintenance import check

    texts = [t for t in texts if t.strip()]
    records = list(fuzz_extractor.records([Article(t, f"fuzz{i}.txt") for i, t in enumerate(texts)]))
    report = fuzz_store.load(records)
    ids = {r["document"]["id"] for r in records}
    assert set(report.added) | set(report.unchanged) == ids
    stored = {row[0]: row[1] for row in fuzz_store.query(
        "MATCH (a:Article) WHERE a.id IN $ids RETURN a.id, a.text", {"ids": sorted(ids)}).rows}
    assert stored == {r["document"]["id"]: r["document"]["text"] for r in records}  # text stored exactly
    assert check(fuzz_store) == []
    COUNTS["loaded documents"] += len(records)


def test_report_how_much_was_fuzzed():
    """Not a check: prints the counts (run with -s to see them)."""
    print(f"\n[fuzz] {json.dumps(COUNTS)}")
    assert COUNTS["extracted documents"] > 0 or os.environ.get("PYTEST_XDIST_WORKER")
