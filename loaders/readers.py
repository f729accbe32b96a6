"""Article readers: turn files, directories and standard input into :class:`Article` objects.

Supported inputs (the extension is matched case-insensitively):

* ``.txt``, ``.text``, ``.md``, ``.markdown``: one article per file. ``Article.text`` is the file's
  text exactly as ``Path(p).read_text(encoding=...)`` returns it (universal newlines, a leading
  BOM kept as U+FEFF), so the offsets of every extraction index the file as a scorer reads it.
  Non-UTF-8 files are decoded with the encoding charset-normalizer detects, recorded in
  ``metadata["encoding"]``; then ``text == Path(p).read_text(encoding=metadata["encoding"])``.
  A YAML front matter block (``---`` line, YAML, ``---`` or ``...`` line) at the top fills
  title/url/outlet/published (``date`` is an alias) and metadata, but stays in the text verbatim.
  Front matter that is not valid YAML (or not a mapping) does not lose the article: it is read
  without metadata and the problem is recorded in ``metadata["warnings"]``.
* ``.html``, ``.htm``: the main text and metadata extracted by trafilatura (comments left out).
* ``.jsonl``, ``.ndjson``: one UTF-8 JSON object per line; ``Article.text`` is its ``"text"`` string
  exactly, ``title``/``url``/``outlet``/``published`` are read, other keys (and the keys of a
  ``"metadata"`` object) go to ``metadata``; ``path`` is ``FILE:LINE``. Bad lines are skipped with
  an error naming the line; ``max_bytes`` applies to each line, not to the whole file.
* ``-``: standard input, read as JSONL when its first non-blank character is ``{``, else as one
  plain-text article (with front matter support).
* directories: walked recursively in sorted order; hidden entries (``.name``) and files of other
  types are skipped silently. Symbolic links are followed; a link back to an enclosing directory is
  reported once and not followed again.

Bad input never raises: :func:`read_articles` yields a :class:`provkg.errors.InputError` in its
place and goes on with the next file or line.

>>> import io
>>> [article] = read_articles(["-"], stdin=io.StringIO("Police were ordered to stop, the ministry said.\\n"))
>>> article.path, article.text[:6], article.id[:1]
('-', 'Police', 'a')
"""
from __future__ import annotations

import base64
import codecs
import email.utils
import hashlib
import html as html_lib
import io
import json
import logging
import math
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import chain

from provkg.errors import InputError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""Default size limit of one file (for JSONL: of one line), in bytes."""

TEXT_EXTENSIONS = (".txt", ".text", ".md", ".markdown")
HTML_EXTENSIONS = (".html", ".htm")
JSONL_EXTENSIONS = (".jsonl", ".ndjson")
SUPPORTED_EXTENSIONS = tuple(sorted(TEXT_EXTENSIONS + HTML_EXTENSIONS + JSONL_EXTENSIONS))

# Same shape as provkg.loaders.pipeline.FRONT_MATTER, plus an optional leading BOM.
FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)

_SNIFF_BYTES = 8192
_RAISE_LIMIT = "raise the limit with --max-bytes N or the PROVKG_MAX_BYTES environment variable"
# Encodings charset-normalizer may pick: those news pages and exports actually use. The DOS and Mac
# code pages are left out: on short Western text they win too often (cp852, mac_roman ...).
_CANDIDATE_ENCODINGS = [
    "cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "koi8_r", "koi8_u", "iso8859_5",
    "cp1253", "iso8859_7", "cp1254", "iso8859_9", "cp1255", "iso8859_8", "cp1256", "iso8859_6", "cp1257",
    "iso8859_13", "cp874", "shift_jis", "cp932", "euc_jp", "iso2022_jp", "gb2312", "gbk", "gb18030", "big5",
    "big5hkscs", "euc_kr", "cp949", "utf_16", "utf_32",
]
_WESTERN = ("cp1252", "latin_1", "iso8859_15")
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_QUIET_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext")
_DATE_FORMATS = ("%Y/%m/%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y",
                 "%d. %B %Y", "%d.%m.%Y")
_METADATA_NODES = 100_000  # cap on converted front-matter values (YAML aliases can expand exponentially)


@dataclass(frozen=True)
class Article:
    """One article: its text (all extraction offsets index it) and where it came from.

    >>> Article("Police were ordered to stop.", "x.txt").id
    'a3f3e8803d9e779976884e2d6'
    """

    text: str
    path: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    metadata: dict = field(default_factory=dict, hash=False)

    @property
    def id(self) -> str:
        """Content hash of ``text``: ``"a"`` + the first 24 hex digits of its UTF-8 SHA-256."""
        return "a" + hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:24]


class _Reject(Exception):
    """Internal: this input is not an article; ``reason`` says why and how to fix it."""

    def __init__(self, reason: str, line: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.line = line


def read_articles(paths: Iterable[str | os.PathLike] | str | os.PathLike, *, max_bytes: int | None = DEFAULT_MAX_BYTES,
                  stdin=None) -> Iterator[Article | InputError]:
    """Stream articles from files, directories and ``"-"`` (standard input), in the order given.

    Directories are walked recursively in sorted order, skipping hidden entries and files of
    unsupported types. ``max_bytes`` caps each file (each line for JSONL, and standard input);
    ``None`` means no cap. ``stdin`` is a text or binary stream (default ``sys.stdin``). Never raises
    for bad input: yields an :class:`InputError` for each bad file or line and goes on.

    >>> import io
    >>> stream = io.StringIO('{"text": "The ministry said so.", "title": "Halt"}\\nnot json\\n')
    >>> [(type(x).__name__, x.path) for x in read_articles(["-"], stdin=stream)]
    [('Article', '-:1'), ('InputError', '-')]
    """
    if max_bytes is not None and (isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1):
        raise ValueError(f"max_bytes must be a positive integer or None, got {max_bytes!r}")
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]
    for raw in paths:
        path = os.fsdecode(os.fspath(raw))
        if path == "-":
            yield from _read_stdin(sys.stdin if stdin is None else stdin, max_bytes)
        else:
            yield from _read_path(path, max_bytes)


# --------------------------------------------------------------------------- paths and directories

def _kind(path: str) -> str | None:
    ext = os.path.splitext(path)[1].lower()
    if ext in TEXT_EXTENSIONS:
        return "text"
    if ext in HTML_EXTENSIONS:
        return "html"
    if ext in JSONL_EXTENSIONS:
        return "jsonl"
    return None


def _stat_problem(path: str, err: OSError) -> str:
    if isinstance(err, FileNotFoundError):
        if os.path.islink(path):
            try:
                target = os.readlink(path)
            except OSError:
                target = "?"
            return f"broken symbolic link: its target {target!r} does not exist"
        return "no such file or directory"
    if isinstance(err, PermissionError):
        return "permission denied; check the file's permissions"
    return f"cannot be read: {err.strerror or err}"


def _read_path(path: str, limit: int | None) -> Iterator[Article | InputError]:
    try:
        st = os.stat(path)
    except OSError as err:
        yield InputError(path, _stat_problem(path, err))
        return
    if stat.S_ISDIR(st.st_mode):
        yield from _walk(path, limit, {(st.st_dev, st.st_ino)})
    elif not stat.S_ISREG(st.st_mode):
        yield InputError(path, "not a regular file or directory")
    elif (kind := _kind(path)) is None:
        ext = os.path.splitext(path)[1] or "(no extension)"
        yield InputError(path, f"unsupported file type {ext}; supported: {', '.join(SUPPORTED_EXTENSIONS)} "
                               "(or - for standard input)")
    else:
        yield from _read_file(path, kind, st.st_size, limit)


def _walk(top: str, limit: int | None, ancestors: set) -> Iterator[Article | InputError]:
    """Depth-first, sorted by name; one directory listing in memory per level."""
    try:
        with os.scandir(top) as it:
            entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as err:
        yield InputError(top, f"directory cannot be listed: {err.strerror or err}")
        return
    for entry in entries:
        path = entry.path
        try:
            is_dir = entry.is_dir()
            is_file = not is_dir and entry.is_file()
        except OSError as err:
            if _kind(path):
                yield InputError(path, _stat_problem(path, err))
            continue
        if is_dir:
            try:
                st = entry.stat()
            except OSError as err:
                yield InputError(path, _stat_problem(path, err))
                continue
            key = (st.st_dev, st.st_ino)
            if key in ancestors:
                yield InputError(path, "symbolic link loop: this directory contains itself; skipped")
                continue
            yield from _walk(path, limit, ancestors | {key})
        elif (kind := _kind(path)) is None:
            continue  # not an article file
        elif not is_file:
            if entry.is_symlink() and not os.path.exists(path):
                yield InputError(path, _stat_problem(path, FileNotFoundError()))
            else:
                yield InputError(path, "not a regular file")
        else:
            try:
                size = entry.stat().st_size
            except OSError as err:
                yield InputError(path, _stat_problem(path, err))
                continue
            yield from _read_file(path, kind, size, limit)


def _too_big(what: str, size: int, limit: int) -> str:
    return f"{what} is {size:,} bytes, over the limit of {limit:,} bytes; {_RAISE_LIMIT}"


def _read_file(path: str, kind: str, size: int, limit: int | None) -> Iterator[Article | InputError]:
    try:
        if kind == "jsonl":
            with open(path, "rb") as f:
                head = f.read(_SNIFF_BYTES)
                if not head:
                    raise _Reject("empty file")
                bom = next((enc for mark, enc in _BOMS if head.startswith(mark)), None)
                if bom:
                    raise _Reject(f"JSON Lines must be UTF-8, this file is {bom.upper()}; "
                                  f"convert it with iconv -f {bom.upper()} -t UTF-8")
                if b"\x00" in head:
                    raise _Reject("binary file (NUL bytes), not JSON Lines text")
                f.seek(0)
                yield from _jsonl(_lines(f, limit), path, limit)
            return
        if limit is not None and size > limit:
            raise _Reject(_too_big("file", size, limit))
        with open(path, "rb") as f:
            data = f.read() if limit is None else f.read(limit + 1)
        if limit is not None and len(data) > limit:
            raise _Reject(_too_big("file", len(data), limit))
        if kind == "text":
            text, encoding = _decode(data)
            yield _text_article(text, path, encoding)
        else:
            yield _html_article(data, path)
    except _Reject as bad:
        yield InputError(path, bad.reason, bad.line)
    except OSError as err:
        yield InputError(path, _stat_problem(path, err))


# --------------------------------------------------------------------------- decoding

def _newlines(text: str) -> str:
    """Universal newlines, as ``open(..., newline=None)`` and ``Path.read_text`` apply them."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _decode(data: bytes, html_charset: str | None = None) -> tuple[str, str | None]:
    """Bytes to text as ``Path.read_text(encoding=E)`` gives; E is None for UTF-8, else returned."""
    if not data:
        raise _Reject("empty file")
    bom = next((enc for b, enc in _BOMS if data.startswith(b)), None)
    if bom is None and b"\x00" in data[:_SNIFF_BYTES]:
        raise _Reject("binary file (NUL bytes), not text")
    if bom is not None:
        try:
            return _newlines(data.decode(bom)), bom
        except UnicodeDecodeError as err:
            raise _Reject(f"starts with a {bom.upper()} byte order mark but is not valid {bom.upper()} ({err.reason}); "
                          "convert it with iconv -f ENC -t UTF-8") from None
    try:
        return _newlines(data.decode("utf-8")), None
    except UnicodeDecodeError as err:
        utf8_error = err
    if html_charset:
        try:
            return _newlines(data.decode(html_charset)), codecs.lookup(html_charset).name
        except (LookupError, UnicodeDecodeError):
            pass
    encoding = _detect(data, utf8_error)
    return _newlines(data.decode(encoding)), encoding


def _odd_chars(text: str) -> int:
    """Control, unassigned, private-use and replacement characters: signs of a wrong decoding."""
    return sum(1 for ch in text if ch == "\ufffd" or ch not in "\t\n\r\f\v"
               and unicodedata.category(ch) in ("Cc", "Co", "Cn"))


def _detect(data: bytes, utf8_error: UnicodeDecodeError) -> str:
    """The encoding charset-normalizer is confident of, or _Reject (binary / undetectable).

    Confident means: a candidate with a mess ratio of at most 10% that decodes the bytes strictly
    into text with at most 1% control/unassigned characters.
    """
    from charset_normalizer import from_bytes

    start = utf8_error.start
    line = data.count(b"\n", 0, start) + 1
    column = start - (data.rfind(b"\n", 0, start) + 1) + 1
    undetectable = _Reject(f"not UTF-8 text (byte 0x{data[start]:02x} at line {line}, column {column}) and its "
                           "encoding could not be detected; convert it with iconv -f ENC -t UTF-8 "
                           "(ENC is its encoding, e.g. CP1252)")
    matches = list(from_bytes(data, cp_isolation=_CANDIDATE_ENCODINGS))
    if not matches:
        sample = data[:65536].decode("utf-8", errors="replace")
        if _odd_chars(sample) <= len(sample) / 10:  # text with a few stray bytes, not a binary blob
            raise undetectable
        raise _Reject("binary file: not text in any known encoding")
    best = matches[0]
    if best.chaos > 0.1:
        raise undetectable
    # Single-byte Western text fits several code pages equally well (cp1250, cp1257 ...); prefer
    # cp1252, by far the most common of them, when charset-normalizer cannot tell them apart.
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    encoding = best.encoding
    if any(enc in _WESTERN for m in tied for enc in [m.encoding, *m.could_be_from_charset]):
        encoding = "cp1252"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        if encoding != "cp1252":
            raise undetectable from None
        encoding, text = "latin_1", data.decode("latin_1")
    sample = text[:1_000_000]
    if _odd_chars(sample) > len(sample) / 100:
        raise undetectable
    return codecs.lookup(encoding).name


def _is_blank(text: str) -> bool:
    return not text.lstrip("\ufeff").strip()


# --------------------------------------------------------------------------- plain text + front matter

def _text_article(text: str, path: str, encoding: str | None) -> Article:
    if _is_blank(text):
        raise _Reject("empty file (only whitespace)")
    fields: dict = {}
    metadata: dict = {}
    match = FRONT_MATTER.match(text)
    if match:
        if _is_blank(text[match.end():]):
            raise _Reject("no article text after the YAML front matter")
        fields, metadata = _front_matter(match.group("yaml"))
    if encoding:
        metadata["encoding"] = encoding
    return Article(text=text, path=path, metadata=metadata, **fields)


def _front_matter(source: str) -> tuple[dict, dict]:
    """Parse front matter; a problem leaves the article without metadata and adds ``warnings``."""
    import yaml

    try:
        data = yaml.safe_load(source)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 2}, column {mark.column + 1}" if mark is not None else ""
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        return {}, {"warnings": [f"front matter ignored: invalid YAML{where}: {problem}"]}
    except Exception as err:  # e.g. ValueError for "date: 2024-13-45", RecursionError
        return {}, {"warnings": [f"front matter ignored: {type(err).__name__}: {err}"]}
    if data is None:
        return {}, {}
    if not isinstance(data, dict):
        return {}, {"warnings": [f"front matter ignored: expected a YAML mapping (key: value lines), "
                                 f"got {type(data).__name__}"]}
    return _split_fields(data, "front matter")


def _split_fields(data: dict, source: str) -> tuple[dict, dict]:
    """title/url/outlet/published (``date`` as an alias) out of ``data``; the rest is metadata."""
    data = dict(data)
    warnings: list[str] = []
    fields: dict = {}
    lower = {str(k).lower(): k for k in data}
    names = {"title": "title", "url": "url", "outlet": "outlet", "published": "published"}
    if "published" not in lower and "date" in lower:
        names["published"] = "date"
    for name, key in names.items():
        if key not in lower:
            continue
        value = data[lower[key]]
        if not isinstance(value, (dict, list, tuple, set, frozenset, bytes)):
            del data[lower[key]]
            fields[name] = _iso_date(value) if name == "published" else _scalar(value)
        else:
            warnings.append(f"{source} {lower[key]!r} is not a single value; kept in metadata")
    budget = [_METADATA_NODES]
    metadata = _jsonable(data, budget, set())
    if budget[0] < 0:
        metadata = {}
        warnings.append(f"{source} metadata dropped: more than {_METADATA_NODES:,} values")
    if warnings:
        metadata["warnings"] = warnings
    return fields, metadata


def _scalar(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value).strip() or None


def _iso_date(value) -> str | None:
    """``YYYY-MM-DD`` when ``value`` reads as a date, else the raw string.

    >>> _iso_date("2024-03-01T09:30:00Z"), _iso_date("March 1, 2024"), _iso_date("spring")
    ('2024-03-01', '2024-03-01', 'spring')
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    raw = _scalar(value)
    if raw is None:
        return None
    try:
        return datetime.fromisoformat(raw).date().isoformat()
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(raw, fmt).date().isoformat()
        except ValueError:
            continue
    try:
        return email.utils.parsedate_to_datetime(raw).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return raw


def _jsonable(value, budget: list, active: set):
    """A JSON-serialisable copy: dates as ISO strings, sets/tuples as lists, keys as strings."""
    budget[0] -= 1
    if budget[0] < 0:
        return None
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, (dict, list, tuple, set, frozenset)):
        if id(value) in active:
            return "<recursive>"
        active.add(id(value))
        try:
            if isinstance(value, dict):
                return {str(k): _jsonable(v, budget, active) for k, v in value.items()}
            items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
            return [_jsonable(v, budget, active) for v in items]
        finally:
            active.discard(id(value))
    return str(value)


# --------------------------------------------------------------------------- HTML

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.I | re.S)


def _html_article(data: bytes, path: str) -> Article:
    declared = _META_CHARSET.search(data[:_SNIFF_BYTES])
    markup, encoding = _decode(data, declared.group(1).decode("ascii") if declared else None)
    if _is_blank(markup):
        raise _Reject("empty file (only whitespace)")
    # An XML declaration naming an encoding makes lxml refuse an already decoded str.
    markup = re.sub(r"\A\ufeff?\s*<\?xml[^>]*\?>", "", markup)
    trafilatura = _trafilatura()
    try:
        doc = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False, deduplicate=False)
    except Exception as err:  # trafilatura/lxml on pathological markup
        raise _Reject(f"HTML could not be parsed: {type(err).__name__}: {err}") from None
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or _is_blank(text):
        raise _Reject("no article text found in HTML (no main content block); "
                      "if the page really is an article, save its text as .txt")
    title = doc.title
    if not title:
        found = _TITLE.search(markup)
        title = " ".join(html_lib.unescape(found.group(1)).split()) if found else None
    metadata = {}
    for key in ("author", "description", "hostname", "license", "language", "categories", "tags", "image"):
        value = getattr(doc, key, None)
        if value:
            metadata[key] = _jsonable(value, [_METADATA_NODES], set())
    if encoding:
        metadata["encoding"] = encoding
    return Article(text=text, path=path, title=title or None, url=doc.url or None, outlet=doc.sitename or None,
                   published=_iso_date(doc.date), metadata=metadata)


def _trafilatura():
    """Import trafilatura lazily (it is slow to import) and keep its loggers quiet."""
    for name in _QUIET_LOGGERS:
        logger = logging.getLogger(name)
        if logger.level == logging.NOTSET:
            logger.setLevel(logging.CRITICAL + 1)
    import trafilatura

    return trafilatura


# --------------------------------------------------------------------------- JSON Lines and stdin

def _lines(stream, limit: int | None) -> Iterator[tuple[int, bytes | str | None]]:
    """``(line number, line)`` from a text or binary stream; ``None`` for a line over ``limit``."""
    lineno = 0
    while True:
        line = stream.readline() if limit is None else stream.readline(limit + 2)
        if not line:
            return
        lineno += 1
        newline = b"\n" if isinstance(line, bytes) else "\n"
        ended = line.endswith(newline)
        content = line[:-1] if ended else line
        if content.endswith(b"\r" if isinstance(line, bytes) else "\r"):
            content = content[:-1]
        if limit is not None and len(content) > limit:
            while not ended:  # skip the rest of the long line without keeping it
                more = stream.readline(65536)
                ended = not more or more.endswith(newline)
            yield lineno, None
        else:
            yield lineno, line


def _jsonl(lines: Iterable[tuple[int, bytes | str | None]], path: str, limit: int | None,
           ) -> Iterator[Article | InputError]:
    seen = False
    for lineno, line in lines:
        if line is None:
            seen = True
            yield InputError(path, f"line is longer than the limit of {limit:,} bytes; {_RAISE_LIMIT}", lineno)
            continue
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8")
            except UnicodeDecodeError as err:
                seen = True
                yield InputError(path, f"not valid UTF-8 (byte 0x{line[err.start]:02x} at column {err.start + 1}); "
                                       "JSON Lines must be UTF-8: convert it with iconv -f ENC -t UTF-8", lineno)
                continue
        if lineno == 1:
            line = line.lstrip("\ufeff")
        if not line.strip():
            continue
        seen = True
        try:
            yield _jsonl_article(line, f"{path}:{lineno}")
        except _Reject as bad:
            yield InputError(path, bad.reason, lineno)
    if not seen:
        yield InputError(path, "empty file (no JSON lines)")


def _json_type(value) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}.get(
        type(value), "number")


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _jsonl_article(line: str, where: str) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise _Reject(f"invalid JSON: {err.msg} at column {err.colno}") from None
    except RecursionError:
        raise _Reject("invalid JSON: nested too deeply") from None
    if not isinstance(record, dict):
        raise _Reject(f'expected a JSON object with a "text" field, got a JSON {_json_type(record)}')
    if "text" not in record:
        raise _Reject('missing "text" field')
    text = record.pop("text")
    if not isinstance(text, str):
        raise _Reject(f'"text" must be a string, got a JSON {_json_type(text)}')
    if _is_blank(text):
        raise _Reject('"text" is empty')
    if _SURROGATE_ESCAPE.search(line):
        try:
            json.dumps([text, record], ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise _Reject("contains an unpaired UTF-16 surrogate escape (\\ud800-\\udfff)") from None
    nested = record.pop("metadata", None) if isinstance(record.get("metadata"), dict) else None
    fields, metadata = _split_fields(record, "field")
    if nested:
        metadata = {**_jsonable(nested, [_METADATA_NODES], set()), **metadata}
    return Article(text=text, path=where, metadata=metadata, **fields)


def _read_stdin(stream, limit: int | None) -> Iterator[Article | InputError]:
    if isinstance(stream, io.TextIOWrapper) and getattr(stream, "buffer", None) is not None:
        stream = stream.buffer  # decode ourselves: same encoding detection as files
    lines = _lines(stream, limit)
    head = []
    try:
        for item in lines:
            head.append(item)
            if item[1] is None or item[1].strip():
                break
        first = head[-1][1] if head else None
        if not head or (first is not None and not first.strip()):
            yield InputError("-", "empty input on standard input")
            return
        bom = b"\xef\xbb\xbf" if isinstance(first, bytes) else "\ufeff"
        if first is not None and first.lstrip().lstrip(bom).lstrip().startswith(b"{" if isinstance(first, bytes)
                                                                               else "{"):
            yield from _jsonl(chain(head, lines), "-", limit)
            return
        parts, size = [], 0
        for _, line in chain(head, lines):
            size += limit + 1 if line is None else len(line)
            if limit is not None and size > limit:
                raise _Reject(f"standard input is over the limit of {limit:,} bytes; {_RAISE_LIMIT}")
            parts.append(line)
        if isinstance(parts[0], bytes):
            text, encoding = _decode(b"".join(parts))
        else:
            text, encoding = _newlines("".join(parts)), None
        yield _text_article(text, "-", encoding)
    except _Reject as bad:
        yield InputError("-", bad.reason, bad.line)
    except UnicodeDecodeError as err:
        yield InputError("-", f"standard input is not valid text ({err}); pipe UTF-8 text or name a file")
    except OSError as err:
        yield InputError("-", f"standard input cannot be read: {err.strerror or err}")
