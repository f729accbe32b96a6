"""What extraction produces for one document, and its JSON Lines form.

spaCy components fill ``doc._.provkg`` (an :class:`Extraction`) in pipeline order; every span
is a pair of character offsets into the article text, so ``text[span.start:span.end]`` is the
evidence. :func:`to_record` turns it into the ``provkg extract --format jsonl`` contract.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Span:
    """Character offsets ``[start, end)`` into the article text."""

    start: int
    end: int

    def text(self, text: str) -> str:
        return text[self.start:self.end]

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass
class Entity:
    """An actor (or a place) in one document, with every mention of it."""

    id: str
    kind: str
    name: str
    mentions: list[Span] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    anonymous: bool = False
    descriptor: str | None = None
    affiliation: str | None = None
    location: str | None = None
    part_of: str | None = None
    run_by: str | None = None
    located_in: str | None = None


@dataclass
class Attribution:
    """Someone (source) said (cue) something (content), maybe to someone (recipient)."""

    id: str
    cue: Span
    content: Span
    source: Span | None = None
    source_entity: str | None = None
    recipient_entity: str | None = None
    cue_lemma: str = "say"
    direct: bool = False
    content_2: Span | None = None
    sentence: Span | None = None


@dataclass
class Directive:
    """An order issued by an authority (or by nobody named) to target actors."""

    id: str
    content: Span
    issuer_entity: str | None = None
    target_entities: list[str] = field(default_factory=list)
    attribution: str | None = None
    cue: Span | None = None
    status: str = "issued"


@dataclass
class Reprint:
    """Evidence that this text was first published by another outlet."""

    original: str
    evidence: Span
    original_entity: str | None = None


@dataclass
class Contradiction:
    """Two statements that cannot both be true."""

    a: Span
    b: Span
    basis: str


@dataclass
class Extraction:
    """Everything the provkg components found in one document."""

    entities: list[Entity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    reprints: list[Reprint] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
    ignored: list[Span] = field(default_factory=list)  # boilerplate and front matter: no extraction there
    # a reference list or category footer: its names are actors, its cited headlines are no statements
    end_matter: Span | None = None
    publisher: tuple[str, Span] | None = None  # the outlet that published this copy, when the text says so
    headline: Span | None = None  # the headline line, when the text starts with one
    dateline: str | None = None  # ISO date of a date line near the top ("June 14, 2022")

    def entity(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def is_ignored(self, span: Span) -> bool:
        """Whether ``span`` is outside the article's statements (boilerplate, front or end matter)."""
        return any(region.overlaps(span) for region in self.ignored) or \
            self.end_matter is not None and self.end_matter.overlaps(span)

    def statement_free(self) -> list[Span]:
        """The regions no attribution, directive or contradiction comes from."""
        return self.ignored + ([self.end_matter] if self.end_matter is not None else [])


def short_hash(*parts: object, length: int = 16) -> str:
    """A stable hex digest of the parts, for ids.

    >>> short_hash("a", 1) == short_hash("a", 1)
    True
    """
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:length]


def span_json(span: Span | None, text: str) -> dict | None:
    return None if span is None else {"start": span.start, "end": span.end, "text": text[span.start:span.end]}


def _quoted(span: Span, text: str) -> tuple[int, int]:
    """``span`` widened over the quote marks (and the comma or stop inside them) that enclose it."""
    a, b = span.start, span.end
    while a > 0 and span.start - a < 2 and text[a - 1] in "“\"«‘'`":
        a -= 1
    k = b
    while k < len(text) and k - b < 2 and text[k] in ",.?!":
        k += 1
    e = k
    while e < len(text) and e - k < 2 and text[e] in "”\"»’'":
        e += 1
    return a, (e if e > k else b)


def to_record(extraction: Extraction, article, *, include_text: bool = True) -> dict:
    """The JSON Lines record for one article (see schemas/extraction.schema.json)."""
    text = article.text

    def sj(span):
        return span_json(span, text)

    def content_json(a):
        if a.content_2 is None:
            return sj(a.content)
        # content a cue interrupts is one discontinuous span, as in brat standoff: it extends over both pieces, its
        # text joins them, and its fragments are the pieces (a quote's with its quote marks); content_2 repeats the
        # second piece on its own
        pieces = (a.content, a.content_2)
        fragments = [_quoted(p, text) for p in pieces]
        return {"start": min(lo for lo, _ in fragments), "end": max(hi for _, hi in fragments),
                "text": " … ".join(p.text(text) for p in pieces), "fragments": [list(f) for f in fragments]}

    outlet = article.outlet or (extraction.publisher[0] if extraction.publisher else None)
    published = article.published or extraction.dateline
    title = article.title or (extraction.headline.text(text) if extraction.headline else None)
    document = {"id": article.id, "path": article.path, "title": title, "outlet": outlet,
                "published": published, "url": article.url}
    if article.metadata:
        document["metadata"] = article.metadata
    if include_text:
        document["text"] = text
    return {
        "document": document,
        "entities": [{"id": e.id, "kind": e.kind, "name": e.name, "aliases": e.aliases, "anonymous": e.anonymous,
                      "mentions": [sj(m) for m in sorted(e.mentions)], "descriptor": e.descriptor,
                      "affiliation": e.affiliation, "location": e.location, "part_of": e.part_of,
                      "run_by": e.run_by, "located_in": e.located_in} for e in extraction.entities],
        "attributions": [{"id": a.id, "source": sj(a.source), "source_entity": a.source_entity, "cue": sj(a.cue),
                          "cue_lemma": a.cue_lemma, "content": content_json(a), "content_2": sj(a.content_2),
                          "recipient_entity": a.recipient_entity, "direct": a.direct, "sentence": sj(a.sentence)}
                         for a in extraction.attributions],
        "directives": [{"id": d.id, "content": sj(d.content), "issuer_entity": d.issuer_entity,
                        "target_entities": d.target_entities, "attribution": d.attribution, "cue": sj(d.cue),
                        "status": d.status} for d in extraction.directives],
        "reprints": [{"original": r.original, "original_entity": r.original_entity, "evidence": sj(r.evidence)}
                     for r in extraction.reprints],
        "contradictions": [{"a": sj(c.a), "b": sj(c.b), "basis": c.basis} for c in extraction.contradictions],
    }


def _pieces(span: dict) -> list[tuple[int, int]]:
    """A record span's character ranges: its fragments, or itself."""
    return [(lo, hi) for lo, hi in span.get("fragments", ())] or [(span["start"], span["end"])]


def outermost(record: dict) -> dict:
    """``record`` without nested attributions: none whose cue lies inside another attribution's content.

    This is the view of benchmarks that give every word one role, such as PolNeAR ("Daily NK reported that
    people believe X" is one attribution there, not two). A directive that a left-out attribution reported is
    then reported by the attribution whose content holds it.

    >>> def attribution(id, cue, content):
    ...     return {"id": id, "cue": {"start": cue[0], "end": cue[1]}, "content": {"start": content[0], "end": content[1]}}
    >>> record = {"attributions": [attribution("A1", (8, 16), (22, 60)), attribution("A2", (29, 36), (37, 60))],
    ...           "directives": [{"id": "D1", "attribution": "A2"}]}
    >>> short = outermost(record)
    >>> [a["id"] for a in short["attributions"]], short["directives"][0]["attribution"]
    (['A1'], 'A1')
    """
    attributions = record["attributions"]

    def inside(a: dict, b: dict) -> bool:  # a's cue within b's content
        cue = a["cue"]
        return a is not b and any(lo <= cue["start"] and cue["end"] <= hi for lo, hi in _pieces(b["content"]))

    nested = {a["id"] for a in attributions if any(inside(a, b) and not inside(b, a) for b in attributions)}
    kept = [a for a in attributions if a["id"] not in nested]
    holder = {a["id"]: next((b["id"] for b in kept if inside(a, b)), None) for a in attributions if a["id"] in nested}
    directives = [{**d, "attribution": holder.get(d["attribution"], d["attribution"])} for d in record["directives"]]
    return {**record, "attributions": kept, "directives": directives}


def state(doc) -> Extraction:
    """The Extraction that provkg components share on ``doc._.provkg`` (created on first use)."""
    if doc._.provkg is None:
        doc._.provkg = Extraction()
    return doc._.provkg


def doc_text(doc) -> str:
    """``doc.text``, computed once per document.

    spaCy rebuilds ``Doc.text`` from every token on each access; components call this instead.

    >>> import spacy
    >>> doc = spacy.blank("en")("The ministry said so.")
    >>> doc_text(doc) is doc_text(doc)
    True
    """
    text = doc.user_data.get("provkg_text")
    if text is None:
        text = doc.user_data["provkg_text"] = doc.text
    return text
