"""Tests of provkg.loaders.readers: every input rule, with real files."""
from __future__ import annotations

import doctest
import hashlib
import io
import json
import logging
import os
import random
import tempfile
import types
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from provkg.errors import InputError
from provkg.loaders import readers
from provkg.loaders.readers import DEFAULT_MAX_BYTES, Article, read_articles

FIXTURES = Path(__file__).parent / "fixtures" / "readers"


def only(path, **kwargs):
    """The single item read_articles yields for ``path``."""
    items = list(read_articles([path], **kwargs))
    assert len(items) == 1, items
    return items[0]


def article(path, **kwargs) -> Article:
    item = only(path, **kwargs)
    assert isinstance(item, Article), item
    return item


def error(path, **kwargs) -> InputError:
    item = only(path, **kwargs)
    assert isinstance(item, InputError), item
    return item


# --------------------------------------------------------------------------- Article

def test_article_id_is_content_hash_and_article_is_frozen_and_hashable():
    a = Article("Police were ordered to stop.", "x.txt")
    assert a.id == "a" + hashlib.sha256("Police were ordered to stop.".encode()).hexdigest()[:24]
    assert len(a.id) == 25
    assert Article("Police were ordered to stop.", "y.txt", title="T").id == a.id
    assert a.metadata == {} and a.title is a.url is a.outlet is a.published is None
    with pytest.raises(AttributeError):
        a.text = "changed"  # type: ignore[misc]
    assert len({a, Article("Police were ordered to stop.", "x.txt")}) == 1


def test_module_doctests_pass():
    result = doctest.testmod(readers)
    assert result.attempted >= 4 and result.failed == 0


# --------------------------------------------------------------------------- plain text

def test_plain_text_equals_read_text_and_offsets_slice(tmp_path):
    p = tmp_path / "story.txt"
    p.write_bytes("Police were ordered to stop, the ministry said.\r\nSecond line.\rThird «line».\n".encode())
    a = article(str(p))
    expected = p.read_text(encoding="utf-8")
    assert a.text == expected
    assert "\r" not in a.text  # universal newlines, as read_text applies them
    start = expected.index("ministry")
    assert a.text[start:start + len("ministry")] == "ministry"
    assert a.path == str(p)
    assert a.metadata == {} and a.title is None


@pytest.mark.parametrize("ext", [".txt", ".text", ".md", ".markdown", ".TXT"])
def test_all_plain_text_extensions(tmp_path, ext):
    p = tmp_path / f"story{ext}"
    p.write_text("The ministry said so.\n", encoding="utf-8")
    assert article(p).text == "The ministry said so.\n"


def test_utf8_bom_is_kept_like_read_text(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbf---\ntitle: With BOM\n---\nThe ministry said so.\n")
    a = article(p)
    assert a.text == p.read_text(encoding="utf-8")
    assert a.text.startswith("\ufeff---")
    assert a.title == "With BOM"


def test_front_matter_parsed_and_text_verbatim():
    p = FIXTURES / "front_matter.md"
    a = article(str(p))
    raw = p.read_text(encoding="utf-8")
    assert a.text == raw
    assert a.text.startswith("---\ntitle: Ministry orders halt")
    assert a.title == "Ministry orders halt to river works"
    assert a.url == "https://gazette.example.org/2024/03/01/river-works"
    assert a.outlet == "Riverside Gazette"
    assert a.published == "2024-03-01"
    assert a.metadata == {"author": "Jane Doe", "tags": ["environment", "water"], "license": "CC-BY-4.0"}
    start = raw.index("ordered the regional")
    assert a.text[start:start + 7] == "ordered"


def test_front_matter_values_are_normalised_and_json_serialisable(tmp_path):
    p = tmp_path / "fm.md"
    p.write_text("---\nTitle: 1984\ndate: March 1, 2024\nupdated: 2024-03-02 10:00:00\nscore: .nan\n"
                 "ids: !!set {b, a}\nloop: &x [1, *x]\n---\nBody text here.\n", encoding="utf-8")
    a = article(p)
    assert a.title == "1984"
    assert a.published == "2024-03-01"  # "date" is an alias of "published"
    assert a.metadata["updated"] == "2024-03-02T10:00:00"
    assert a.metadata["score"] == "nan"
    assert a.metadata["ids"] == ["a", "b"]
    assert a.metadata["loop"] == [1, "<recursive>"]
    json.dumps(a.metadata, allow_nan=False)


def test_published_keeps_unparseable_raw_string(tmp_path):
    p = tmp_path / "fm.md"
    p.write_text("---\npublished: early spring\n---\nBody text here.\n", encoding="utf-8")
    assert article(p).published == "early spring"


def test_bad_yaml_front_matter_keeps_article_and_warns(tmp_path):
    p = tmp_path / "bad.md"
    p.write_text("---\ntitle: Broken\nauthor: [unclosed\n---\nThe ministry said so.\n", encoding="utf-8")
    a = article(p)
    assert a.text == p.read_text(encoding="utf-8")
    assert a.title is None
    assert list(a.metadata) == ["warnings"]
    [warning] = a.metadata["warnings"]
    assert "invalid YAML" in warning and "line" in warning


@pytest.mark.parametrize("yaml_text, expected", [
    ("- just\n- a list", "mapping"),
    ("published: 2024-13-45", "front matter ignored"),
])
def test_front_matter_that_is_not_usable_warns(tmp_path, yaml_text, expected):
    p = tmp_path / "odd.md"
    p.write_text(f"---\n{yaml_text}\n---\nThe ministry said so.\n", encoding="utf-8")
    a = article(p)
    assert a.published is None
    assert expected in a.metadata["warnings"][0]


def test_front_matter_only_file_is_an_error(tmp_path):
    p = tmp_path / "only.md"
    p.write_text("---\ntitle: Nothing else\n---\n\n", encoding="utf-8")
    assert "no article text after the YAML front matter" in error(p).reason


# --------------------------------------------------------------------------- encodings

def test_latin1_file_is_decoded(tmp_path):
    p = tmp_path / "latin1.txt"
    p.write_bytes("Le café était fermé. Naïve résumé, garçon, où êtes-vous? Über straße.\n".encode("latin-1"))
    a = article(p)
    assert a.text == "Le café était fermé. Naïve résumé, garçon, où êtes-vous? Über straße.\n"
    assert a.metadata["encoding"] == "cp1252"
    assert a.text == p.read_text(encoding=a.metadata["encoding"])


def test_cp1252_smart_quotes_are_decoded(tmp_path):
    p = tmp_path / "cp1252.txt"
    p.write_bytes("The minister said “we will not stop” — the ministry’s statement cost €5.\r\n".encode("cp1252"))
    a = article(p)
    assert a.text == "The minister said “we will not stop” — the ministry’s statement cost €5.\n"
    assert a.metadata == {"encoding": "cp1252"}


def test_cyrillic_cp1251_file_is_decoded(tmp_path):
    text = "Министр заявил, что реформа необходима. Правительство объявило в среду о новых правилах.\n"
    p = tmp_path / "ru.txt"
    p.write_bytes(text.encode("cp1251"))
    a = article(p)
    assert a.text == text and a.metadata["encoding"] == "cp1251"


def test_utf16_file_with_bom_is_decoded(tmp_path):
    p = tmp_path / "u16.txt"
    p.write_bytes("The ministry said so.\r\nAgain.\n".encode("utf-16"))
    a = article(p)
    assert a.text == "The ministry said so.\nAgain.\n"
    assert a.text == p.read_text(encoding=a.metadata["encoding"])


def test_binary_file_with_nul_bytes(tmp_path):
    p = tmp_path / "image.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert "binary file" in error(p).reason


def test_binary_file_without_nul_bytes(tmp_path):
    rng = random.Random(7)
    p = tmp_path / "noise.txt"
    p.write_bytes(bytes(rng.randrange(1, 256) for _ in range(4000)))
    assert "binary file" in error(p).reason


def test_undetectable_encoding_says_how_to_convert(tmp_path):
    p = tmp_path / "mixed.txt"
    good = "Le café était fermé, the minister said “stop”.".encode("utf-8")
    p.write_bytes(good[:-3] + b"\xe9\xe9 and more caf\xe9")
    e = error(p)
    assert "not UTF-8" in e.reason and "could not be detected" in e.reason
    assert "iconv -f ENC -t UTF-8" in e.reason


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf\n"])
def test_empty_and_whitespace_only_files(tmp_path, content):
    p = tmp_path / "empty.txt"
    p.write_bytes(content)
    assert "empty file" in error(p).reason


# --------------------------------------------------------------------------- size limit

def test_oversize_file_names_size_limit_and_how_to_raise(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("word " * 100, encoding="utf-8")  # 500 bytes
    e = error(p, max_bytes=100)
    assert "500 bytes" in e.reason and "100 bytes" in e.reason
    assert "--max-bytes" in e.reason and "PROVKG_MAX_BYTES" in e.reason
    assert isinstance(only(p, max_bytes=500), Article)  # exactly at the limit is fine
    assert isinstance(only(p, max_bytes=None), Article)
    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024


def test_oversize_html_is_refused_before_parsing(tmp_path):
    p = tmp_path / "big.html"
    p.write_text("<p>" + "word " * 100 + "</p>", encoding="utf-8")
    assert "--max-bytes" in error(p, max_bytes=50).reason


@pytest.mark.parametrize("bad", [0, -1, 1.5, True])
def test_invalid_max_bytes_is_a_programming_error(tmp_path, bad):
    with pytest.raises(ValueError):
        list(read_articles([tmp_path], max_bytes=bad))


# --------------------------------------------------------------------------- JSON Lines

def test_jsonl_broken_line_in_the_middle(tmp_path):
    p = tmp_path / "corpus.jsonl"
    lines = [
        {"text": "The ministry said so.", "title": "One", "url": "https://e.org/1", "outlet": "E",
         "published": "2024-03-01T10:00:00+02:00", "author": "A", "license": "CC0"},
        "{not json",
        "",
        {"text": "Police were ordered to stop.", "metadata": {"lang": "en"}},
        ["a", "list"],
        {"title": "no text"},
        {"text": "   "},
        {"text": 42},
        "   ",
        {"text": "Last one.", "published": "yesterday"},
    ]
    p.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    items = list(read_articles([str(p)]))
    kinds = [(type(x).__name__, x.path if isinstance(x, Article) else x.line) for x in items]
    assert kinds == [("Article", f"{p}:1"), ("InputError", 2), ("Article", f"{p}:4"), ("InputError", 5),
                     ("InputError", 6), ("InputError", 7), ("InputError", 8), ("Article", f"{p}:10")]
    first, bad_json, second, not_object, missing, empty, not_string, last = items
    assert first.text == "The ministry said so." and first.title == "One" and first.outlet == "E"
    assert first.url == "https://e.org/1" and first.published == "2024-03-01"
    assert first.metadata == {"author": "A", "license": "CC0"}
    assert second.metadata == {"lang": "en"}
    assert last.published == "yesterday"
    assert bad_json.path == str(p) and "invalid JSON" in bad_json.reason
    assert "JSON object" in not_object.reason and "array" in not_object.reason
    assert 'missing "text"' in missing.reason
    assert '"text" is empty' in empty.reason
    assert "must be a string" in not_string.reason
    assert str(bad_json) == f"{p}:2: {bad_json.reason}"


def test_jsonl_text_is_exact_json_string(tmp_path):
    p = tmp_path / "c.ndjson"
    text = "Line one\r\nLine two\u200b «quoted»\n"
    p.write_bytes((json.dumps({"text": text}) + "\r\n").encode())
    assert article(p).text == text


def test_jsonl_long_line_and_non_utf8_line_are_skipped(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_bytes(b'{"text": "short one"}\n{"text": "' + b"x" * 500 + b'"}\n'
                  b'{"text": "caf\xe9"}\n{"text": "short two"}')
    items = list(read_articles([p], max_bytes=100))
    assert [x.text if isinstance(x, Article) else x.line for x in items] == ["short one", 2, 3, "short two"]
    assert "longer than the limit of 100 bytes" in items[1].reason and "--max-bytes" in items[1].reason
    assert "not valid UTF-8" in items[2].reason


def test_jsonl_unpaired_surrogate_is_refused(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text('{"text": "bad \\ud800 here"}\n{"text": "fine \\ud83d\\ude00"}\n', encoding="utf-8")
    bad, good = read_articles([p])
    assert isinstance(bad, InputError) and "surrogate" in bad.reason
    assert good.text == "fine \U0001f600"


@pytest.mark.parametrize("content, reason", [(b"", "empty file"), (b"\n  \n\n", "empty file"),
                                             (b'{"text": "a"}\x00\x00\x00', "binary"),
                                             ('{"text": "a"}\n'.encode("utf-16"), "must be UTF-8")])
def test_jsonl_empty_or_binary_file(tmp_path, content, reason):
    p = tmp_path / "c.jsonl"
    p.write_bytes(content)
    assert reason in error(p).reason


# --------------------------------------------------------------------------- HTML

def test_html_article_main_text_and_metadata():
    p = FIXTURES / "article.html"
    a = article(p)
    assert "The environment ministry on Friday ordered" in a.text
    assert "premature and incomplete" in a.text and "signed a petition" in a.text
    assert "Privacy policy" not in a.text and "Sport" not in a.text
    assert a.title == "Ministry orders halt to river works"
    assert a.url == "https://gazette.example.org/2024/03/01/river-works"
    assert a.outlet == "Riverside Gazette"
    assert a.published == "2024-03-01"
    assert a.metadata["author"] == "Jane Doe"
    json.dumps(a.metadata)
    start = a.text.index("spokesperson")
    assert a.text[start:start + 12] == "spokesperson"


def test_html_title_falls_back_to_title_element(tmp_path):
    paragraphs = "".join(f"<p>Paragraph {i}: the council said on Monday that the bridge would close for repairs "
                         f"lasting several weeks, officials confirmed.</p>" for i in range(4))
    p = tmp_path / "page.htm"
    p.write_text(f"<html><head><title>Bridge &amp; road closed</title></head><body><div>{paragraphs}</div>"
                 "</body></html>", encoding="utf-8")
    a = article(p)
    assert a.title == "Bridge & road closed"
    assert "Paragraph 3" in a.text


def test_html_in_cp1252_with_meta_charset(tmp_path):
    html = (FIXTURES / "article.html").read_text(encoding="utf-8")
    html = html.replace('charset="utf-8"', 'charset="windows-1252"').replace("ministry's", "ministry’s")
    p = tmp_path / "w.html"
    p.write_bytes(html.encode("cp1252"))
    a = article(p)
    assert "ministry’s findings" in a.text and a.metadata["encoding"] == "cp1252"


@pytest.mark.parametrize("markup", [
    "<html><body><p>Unclosed <div><b>text that goes <i>on and on",
    "<<<>>><</p></div></body><html><p>",
    "<html><head><title>T</title></head><body></body></html>",
    "<p>One short para.</p>",
    "</html>&#xffff;&#0;<script>var x = '<p>';</script>",
])
def test_malformed_html_never_crashes(tmp_path, markup, caplog):
    p = tmp_path / "bad.html"
    p.write_text(markup, encoding="utf-8")
    with caplog.at_level(logging.DEBUG):
        item = only(p)
    if isinstance(item, InputError):
        assert item.reason.startswith("no article text found in HTML")
    else:
        assert item.text.strip()
    assert not [r for r in caplog.records if r.name.split(".")[0] in ("trafilatura", "htmldate", "courlan")
                and r.levelno >= logging.WARNING]


def test_html_without_article_text_is_an_error(tmp_path):
    p = tmp_path / "nav.html"
    p.write_text("<html><head><title>Home</title><script>var page = 'home';</script></head>"
                 "<body><div class='app'></div><img src='logo.png' alt=''></body></html>", encoding="utf-8")
    assert error(p).reason.startswith("no article text found in HTML")


# --------------------------------------------------------------------------- paths and directories

def test_unsupported_extension_named_explicitly_vs_in_directory(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "README").write_text("not an article", encoding="utf-8")
    (tmp_path / "story.txt").write_text("The ministry said so.", encoding="utf-8")
    e = error(tmp_path / "notes.pdf")
    assert "unsupported file type .pdf" in e.reason
    for ext in (".txt", ".md", ".markdown", ".text", ".html", ".htm", ".jsonl", ".ndjson"):
        assert ext in e.reason
    assert "(no extension)" in error(tmp_path / "README").reason
    assert [x.path for x in read_articles([tmp_path])] == [str(tmp_path / "story.txt")]


def test_missing_path(tmp_path):
    e = error(str(tmp_path / "nope.txt"))
    assert e.path == str(tmp_path / "nope.txt") and "no such file or directory" in e.reason
    assert "no such file" in error(tmp_path / "no_dir").reason


def test_broken_symlink_named_and_in_directory(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (corpus / "dangling.pdf").symlink_to(tmp_path / "gone.pdf")  # not an article: skipped silently
    (corpus / "ok.txt").write_text("The ministry said so.", encoding="utf-8")
    e = error(corpus / "dangling.txt")
    assert "broken symbolic link" in e.reason and "gone.txt" in e.reason
    items = list(read_articles([corpus]))
    assert [type(x).__name__ for x in items] == ["InputError", "Article"]
    assert "broken symbolic link" in items[0].reason


def test_symlink_loop_in_directory_terminates(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "sub" / "a.txt").write_text("The ministry said so.", encoding="utf-8")
    (corpus / "sub" / "loop").symlink_to(corpus, target_is_directory=True)
    items = list(read_articles([corpus]))
    assert [type(x).__name__ for x in items] == ["Article", "InputError"]
    assert "loop" in items[1].reason


def test_directory_walk_is_recursive_sorted_and_skips_hidden(tmp_path):
    root = tmp_path / "corpus"
    for rel in ["b.txt", "a/z.md", "a/b/c.txt", "c.jsonl", ".hidden.txt", ".git/x.txt", "a/.cache/y.txt",
                "d.html", "e.png"]:
        f = root / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        if rel.endswith(".jsonl"):
            f.write_text('{"text": "one"}\n{"text": "two"}\n', encoding="utf-8")
        elif rel.endswith(".html"):
            f.write_text("<nav>menu</nav>", encoding="utf-8")
        else:
            f.write_text(f"Text of {rel}.", encoding="utf-8")
    items = list(read_articles([str(root)]))
    paths = [x.path for x in items]
    r = str(root)
    assert paths == [f"{r}/a/b/c.txt", f"{r}/a/z.md", f"{r}/b.txt", f"{r}/c.jsonl:1", f"{r}/c.jsonl:2", f"{r}/d.html"]
    assert isinstance(items[-1], InputError)


def test_directory_with_2000_files_streams(tmp_path):
    root = tmp_path / "many"
    root.mkdir()
    for i in range(2000):
        (root / f"{i:05d}.txt").write_text(f"Article number {i} said the ministry.", encoding="utf-8")
    stream = read_articles([root])
    assert isinstance(stream, types.GeneratorType)
    first = next(stream)
    assert first.path == str(root / "00000.txt")
    count = 1 + sum(1 for x in stream if isinstance(x, Article))
    assert count == 2000


def test_mixed_inputs_keep_order_and_never_raise(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("The ministry said so.", encoding="utf-8")
    empty = tmp_path / "empty.md"
    empty.write_text("", encoding="utf-8")
    items = list(read_articles([tmp_path / "missing.txt", good, empty, Path(good)]))
    assert [type(x).__name__ for x in items] == ["InputError", "Article", "InputError", "Article"]
    assert [x.path for x in items] == [str(tmp_path / "missing.txt"), str(good), str(empty), str(good)]


def test_single_path_string_is_accepted(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("The ministry said so.", encoding="utf-8")
    assert [x.path for x in read_articles(str(good))] == [str(good)]


# --------------------------------------------------------------------------- standard input

def test_stdin_plain_text_with_front_matter():
    text = "---\ntitle: From stdin\n---\nThe ministry said so.\r\nMore.\n"
    a = article("-", stdin=io.StringIO(text))
    assert a.path == "-" and a.title == "From stdin"
    assert a.text == "---\ntitle: From stdin\n---\nThe ministry said so.\nMore.\n"


def test_stdin_jsonl():
    stream = io.StringIO('\n  {"text": "One.", "title": "A"}\n\n{"text": "Two."}\n{broken\n')
    items = list(read_articles(["-"], stdin=stream))
    assert [(type(x).__name__, getattr(x, "path"), getattr(x, "line", None)) for x in items] == [
        ("Article", "-:2", None), ("Article", "-:4", None), ("InputError", "-", 5)]
    assert items[0].title == "A"


def test_stdin_binary_stream_is_decoded_like_a_file():
    a = article("-", stdin=io.BytesIO("Le café était fermé, a déclaré le ministre.\n".encode("cp1252")))
    assert a.text == "Le café était fermé, a déclaré le ministre.\n" and a.metadata["encoding"] == "cp1252"
    b = article("-", stdin=io.BytesIO(b'{"text": "caf\xc3\xa9"}\n'))
    assert b.text == "café" and b.path == "-:1"


def test_stdin_text_wrapper_uses_its_buffer():
    wrapper = io.TextIOWrapper(io.BytesIO("The ministry said so.\n".encode()), encoding="ascii")
    assert article("-", stdin=wrapper).text == "The ministry said so.\n"


@pytest.mark.parametrize("content", ["", "\n \n"])
def test_stdin_empty(content):
    assert "empty" in error("-", stdin=io.StringIO(content)).reason


def test_stdin_over_limit():
    e = error("-", stdin=io.StringIO("word " * 100), max_bytes=50)
    assert e.path == "-" and "--max-bytes" in e.reason


# --------------------------------------------------------------------------- property

_SPECIAL = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202e", "\u2066", "\u2069",
            "\ufeff", "\r", "\n", "\r\n", "\r\r\n", '"', "'", "“", "”", "«", "»", "\x01", "\x1b", "\x7f", "\x85",
            "\u2028", "\u2029", "\t", "---\n", "{", "\U0001f600", "\u0627\u0644", "\u05e9\u05dc"]
_TEXT = st.lists(st.one_of(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                                   max_size=8),
                           st.sampled_from(_SPECIAL)), max_size=40).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT)
def test_property_utf8_text_reads_back_as_read_text(text):
    match = readers.FRONT_MATTER.match(text.replace("\r\n", "\n").replace("\r", "\n"))
    assume(text.lstrip("\ufeff").strip())
    assume(not match or text.replace("\r\n", "\n").replace("\r", "\n")[match.end():].lstrip("\ufeff").strip())
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "random.txt"
        p.write_bytes(text.encode("utf-8"))
        a = article(p)
        assert a.text == p.read_text(encoding="utf-8")
        assert "encoding" not in a.metadata
        json.dumps(a.metadata)


def test_fixture_files_exist():
    assert sorted(os.listdir(FIXTURES)) == ["article.html", "front_matter.md"]
