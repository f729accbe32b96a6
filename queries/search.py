"""Text search over claims and directives: ranked, tolerant of paraphrase and typos, no server.

Scores combine rapidfuzz's token-set ratio (word overlap, order-free) with partial ratio
(typo-tolerant substring match), so a half-remembered phrase finds its claim.

Small stores (up to :data:`EXHAUSTIVE_MAX` claims and directives) are scored exhaustively.
Larger ones use a word index kept in a file next to the database (``<db>.search.npz``; in
memory only when that folder is not writable or the store is not a local file): a vocabulary,
postings (term → items) and the item ids. A query's words, and the vocabulary words within a
few typos of them, pick the :data:`CANDIDATES` items with the highest IDF-weighted overlap;
those items' texts are read from the store by primary key and scored as above. The index is
checked against the store on every search (item counts and highest node offsets: a few
milliseconds) and brought up to date incrementally: new items are read by node offset, deleted
ones retired. The index is Ladybug's (it relies on node offsets); other stores are scored
exhaustively.
"""
from __future__ import annotations

import os
import re
import threading
import weakref
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process, utils

EXHAUSTIVE_MAX = 20_000   # items up to which every text is scored (no index)
CANDIDATES = 200          # items the index hands to the exact scorer
TYPO_MIN = 80.0           # rapidfuzz ratio for a vocabulary word to stand in for a query word
TYPO_VARIANTS = 4         # at most this many vocabulary words per query word
COMMON_SHARE = 0.2        # words in more than this share of items only count when nothing rarer matches
INDEX_VERSION = 1

_WORD = re.compile(r"[a-z0-9]+")
STOPWORDS = frozenset("""a an and are as at be been but by for from had has have he her his i if in into is it its
of on or our she so than that the their them then there these they this to was we were what when which who will
with would you your""".split())


@dataclass(frozen=True)
class Hit:
    id: str
    label: str
    text: str
    score: float


def _scorer(query, choice, **kwargs):
    return 0.6 * fuzz.token_set_ratio(query, choice, **kwargs) + 0.4 * fuzz.partial_ratio(query, choice, **kwargs)


def words(text: str) -> list[str]:
    """The index terms of a text: lower-cased words and numbers, stopwords left out.

    >>> words("The Ministry ordered police to report weekly.")
    ['ministry', 'ordered', 'police', 'report', 'weekly']
    """
    return [w for w in _WORD.findall(utils.default_process(text or "")) if w not in STOPWORDS]


def search_claims(store, text: str, limit: int = 5, min_score: float = 55.0, labels=("Claim", "Directive")) -> list[Hit]:
    """The claims (and directives) whose words best match ``text``, best first.

    >>> import tempfile, os
    >>> from provkg.graph.store import open_store
    >>> search_claims(open_store(os.path.join(tempfile.mkdtemp(), "s.lbug")), "anything")
    []
    """
    labels = tuple(labels)
    if not labels:
        return []
    fingerprint = _fingerprint(store) if _indexable(store) else None
    if fingerprint is None or sum(fingerprint[0::2]) <= EXHAUSTIVE_MAX:
        candidates = []
        for label in labels:
            candidates += [(label, cid, ctext) for cid, ctext in
                           store.query(f"MATCH (c:{label}) RETURN c.id, c.text").rows if ctext]
    else:
        candidates = TextIndex.for_store(store, fingerprint).candidates(store, text, labels)
    if not candidates:
        return []
    matches = process.extract(text, [c[2] for c in candidates], scorer=_scorer, processor=utils.default_process,
                              limit=limit, score_cutoff=min_score)
    return [Hit(candidates[i][1], candidates[i][0], candidates[i][2], round(score, 1)) for _, score, i in matches]


def _indexable(store) -> bool:
    from provkg.graph.ladybug_store import LadybugStore

    return isinstance(store, LadybugStore)


# -- the index ---------------------------------------------------------------------------------
INDEXED = ("Claim", "Directive")


def _fingerprint(store) -> list[int]:
    """Per indexed label: the item count and the highest internal node offset.

    Both come from the database in milliseconds. Ladybug never reuses a deleted node's offset,
    so any insert raises the highest offset and any delete lowers the count.
    """
    out = []
    for label in INDEXED:
        count, top = store.query(f"MATCH (c:{label}) RETURN count(c), max(offset(id(c)))").rows[0]
        out += [int(count), -1 if top is None else int(top)]
    return out


_CACHE: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


class TextIndex:
    """Word postings over every claim and directive of a store, persisted next to the database."""

    def __init__(self):
        self.ids = np.zeros(0, dtype="S1")            # item id (utf-8) per row
        self.labels = np.zeros(0, dtype=np.uint8)     # index into INDEXED per row
        self.alive = np.zeros(0, dtype=bool)
        self.terms: list[str] = []
        self.vocab: dict[str, int] = {}
        self.offsets = np.zeros(1, dtype=np.int64)    # CSR: rows of term t are docs[offsets[t]:offsets[t+1]]
        self.docs = np.zeros(0, dtype=np.int32)
        self.fingerprint: list[int] = []
        self._row_of: dict[str, int] | None = None

    # -- lifecycle ----------------------------------------------------------------------------
    @classmethod
    def for_store(cls, store, fingerprint: list[int] | None = None) -> "TextIndex":
        """The store's index, loaded from its file or built, and brought up to date."""
        with _LOCK:
            try:
                index = _CACHE.get(store)
            except TypeError:
                index = None
            fingerprint = fingerprint or _fingerprint(store)
            if index is not None and index.fingerprint == fingerprint:
                return index
            path = cls.path_for(store)
            if index is None and path is not None and path.exists():
                index = cls.load(path)
            if index is None:
                index = cls()
            if index.fingerprint != fingerprint:
                index.refresh(store, fingerprint)
                if path is not None:
                    index.save(path)
            try:
                _CACHE[store] = index
            except TypeError:
                pass
            return index

    @staticmethod
    def path_for(store) -> Path | None:
        location = getattr(store, "location", None)
        if not location or "://" in str(location):
            return None
        return Path(str(location) + ".search.npz")

    def save(self, path: Path) -> None:
        """Write the index atomically; silently kept in memory only when the folder is read-only."""
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            with open(tmp, "wb") as handle:
                np.savez(handle, version=np.array([INDEX_VERSION]), ids=self.ids, labels=self.labels,
                         alive=self.alive, terms=np.frombuffer("\n".join(self.terms).encode("utf-8"), dtype=np.uint8),
                         offsets=self.offsets, docs=self.docs, fingerprint=np.array(self.fingerprint, dtype=np.int64))
            os.replace(tmp, path)
        except OSError:
            try:
                tmp.unlink()
            except OSError:
                pass

    @classmethod
    def load(cls, path: Path) -> "TextIndex | None":
        try:
            with np.load(path, allow_pickle=False) as data:
                if int(data["version"][0]) != INDEX_VERSION:
                    return None
                index = cls()
                index.ids, index.labels, index.alive = data["ids"], data["labels"], data["alive"]
                blob = data["terms"].tobytes().decode("utf-8")
                index.terms = blob.split("\n") if blob else []
                index.vocab = {t: i for i, t in enumerate(index.terms)}
                index.offsets, index.docs = data["offsets"], data["docs"]
                index.fingerprint = [int(x) for x in data["fingerprint"]]
                return index
        except (OSError, ValueError, KeyError):
            return None

    # -- keeping up with the store ------------------------------------------------------------
    def _rows_by_id(self) -> dict[str, int]:
        if self._row_of is None:
            self._row_of = {i.decode("utf-8"): n for n, i in enumerate(self.ids) if self.alive[n]}
        return self._row_of

    def refresh(self, store, fingerprint: list[int]) -> None:
        """Add the items the store gained since the index was made; retire those it lost."""
        known = self._rows_by_id()
        for n, label in enumerate(INDEXED):
            count, top = fingerprint[2 * n], fingerprint[2 * n + 1]
            last = self.fingerprint[2 * n + 1] if self.fingerprint else -1
            if top < last:  # a new database at the same path: start again
                self.__init__()
                return self.refresh(store, fingerprint)
            if top > last:
                rows = store.query(f"MATCH (c:{label}) WHERE offset(id(c)) > $last RETURN c.id, c.text",
                                   {"last": last}).rows
                reborn = [known.pop(cid) for cid, _ in rows if cid in known]
                if reborn:
                    self.alive[np.array(reborn, dtype=np.int64)] = False
                if rows:
                    self._append([(n, cid, ctext or "") for cid, ctext in rows])
            alive = int((self.alive & (self.labels == n)).sum())
            if alive != count:  # items were deleted: find which
                current = {row[0] for row in store.query(f"MATCH (c:{label}) RETURN c.id").rows}
                gone = [item for item, row in known.items() if self.labels[row] == n and item not in current]
                if gone:
                    self.alive[np.array([known.pop(item) for item in gone], dtype=np.int64)] = False
        self.fingerprint = list(fingerprint)

    def _append(self, items: list[tuple[int, str, str]]) -> None:
        first = len(self.ids)
        term_list, doc_list = [], []
        vocab, terms = self.vocab, self.terms
        for n, (_, _, text) in enumerate(items):
            row = first + n
            for w in set(words(text)):
                t = vocab.get(w)
                if t is None:
                    t = vocab[w] = len(terms)
                    terms.append(w)
                term_list.append(t)
                doc_list.append(row)
        width = max([self.ids.dtype.itemsize] + [len(i.encode("utf-8")) for _, i, _ in items])
        new_ids = np.array([i.encode("utf-8") for _, i, _ in items], dtype=f"S{width}")
        self.ids = np.concatenate([self.ids.astype(f"S{width}"), new_ids])
        self.labels = np.concatenate([self.labels, np.array([n for n, _, _ in items], dtype=np.uint8)])
        self.alive = np.concatenate([self.alive, np.ones(len(items), dtype=bool)])
        # merge the new (term, row) pairs into the CSR postings
        old_terms = np.repeat(np.arange(len(self.offsets) - 1, dtype=np.int32), np.diff(self.offsets))
        all_terms = np.concatenate([old_terms, np.array(term_list, dtype=np.int32)])
        all_docs = np.concatenate([self.docs, np.array(doc_list, dtype=np.int32)])
        order = np.lexsort((all_docs, all_terms))
        self.docs = all_docs[order]
        self.offsets = np.zeros(len(terms) + 1, dtype=np.int64)
        np.cumsum(np.bincount(all_terms, minlength=len(terms)), out=self.offsets[1:])
        if self._row_of is not None:
            for n, (_, item, _) in enumerate(items):
                self._row_of[item] = first + n

    # -- querying -----------------------------------------------------------------------------
    def _variants(self, word: str) -> list[tuple[int, float]]:
        """Vocabulary terms standing for a query word: itself, and near spellings (typos, inflections)."""
        out = {}
        if word in self.vocab:
            out[self.vocab[word]] = 1.0
        if len(word) >= 4 and self.terms:
            for _, score, t in process.extract(word, self.terms, scorer=fuzz.ratio, limit=TYPO_VARIANTS,
                                               score_cutoff=TYPO_MIN):
                out.setdefault(t, score / 100.0 * 0.9)
        return list(out.items())

    def candidates(self, store, text: str, labels=INDEXED) -> list[tuple[str, str, str]]:
        """``(label, id, text)`` of the items most likely to match ``text``, read from the store."""
        n_rows = len(self.ids)
        query = list(dict.fromkeys(words(text))) or list(dict.fromkeys(_WORD.findall(utils.default_process(text))))
        if not query or not n_rows:
            return []
        live = int(self.alive.sum()) or 1
        df = np.diff(self.offsets)
        total = np.zeros(n_rows, dtype=np.float32)
        common: list[list[tuple[int, float]]] = []
        for word in query:
            variants = self._variants(word)
            if not variants:
                continue
            if all(df[t] > COMMON_SHARE * live for t, _ in variants):
                common.append(variants)
                continue
            self._add(total, variants, df, live)
        if not total.any():
            for variants in common:
                self._add(total, variants, df, live)
        wanted = np.isin(self.labels, [INDEXED.index(label) for label in labels if label in INDEXED])
        total[~(self.alive & wanted)] = 0
        hits = np.flatnonzero(total)
        if len(hits) > CANDIDATES:
            hits = hits[np.argpartition(-total[hits], CANDIDATES - 1)[:CANDIDATES]]
        by_label: dict[int, list[str]] = {}
        for row in np.sort(hits):  # store order, as an exhaustive scan would see them (ties keep it)
            by_label.setdefault(int(self.labels[row]), []).append(self.ids[row].decode("utf-8"))
        found = []
        for label in labels:
            ids = by_label.get(INDEXED.index(label), []) if label in INDEXED else []
            if ids:
                texts = dict(store.query(f"UNWIND $ids AS i MATCH (c:{label} {{id: i}}) RETURN c.id, c.text",
                                         {"ids": ids}).rows)
                found += [(label, cid, texts[cid]) for cid in ids if texts.get(cid)]
        return found

    def _add(self, total: np.ndarray, variants: list[tuple[int, float]], df: np.ndarray, live: int) -> None:
        """Add one query word's weight to every item holding one of its variants (the best variant counts)."""
        rows = [self.docs[self.offsets[t]:self.offsets[t + 1]] for t, _ in variants]
        values = [np.full(len(r), weight * np.log1p(live / (1.0 + df[t])), dtype=np.float32)
                  for r, (t, weight) in zip(rows, variants)]
        rows, values = np.concatenate(rows), np.concatenate(values)
        if len(variants) > 1:
            order = np.lexsort((-values, rows))  # by row, best value first
            rows, values = rows[order], values[order]
            first = np.ones(len(rows), dtype=bool)
            first[1:] = rows[1:] != rows[:-1]
            rows, values = rows[first], values[first]
        total[rows] += values
