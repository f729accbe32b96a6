"""provkg_reprints: explicit signs that the text was first published by another outlet.

"originally published by X", "reprinted with permission from X", "republished from X", wire
credits ("CITY (AFP) —", a closing "— Reuters"), and bylines naming another outlet. ``original``
is the outlet name as written; ``original_entity`` the actor entity it names, if any; the evidence
is the whole note sentence (or line).
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml
from spacy.language import Language

from provkg.loaders.extraction import Reprint, Span, doc_text, state

LEXICON = Path(__file__).resolve().parent.parent / "lexicons" / "reprints.yaml"
ORIG = r"(?P<orig>[A-Z0-9][\w&.'’\-]*(?:\s+(?:of|the|and|&|for|[A-Z0-9][\w&.'’\-]*))*?)(?=\s*(?:[,.;:)]|\s+(?:and|on|in|at|with|under|as|is|was)\b|$))"


def _norm(text: str) -> str:
    text = re.sub(r"['’]s\b", "", text.lower())
    return " ".join(w for w in re.sub(r"[^\w\s]", " ", text).split() if w not in ("the", "a", "an"))


class ReprintsComponent:
    def __init__(self, nlp, name: str, lexicon: str | None = None):
        self.name = name
        lex = yaml.safe_load(Path(lexicon or LEXICON).read_text(encoding="utf-8"))
        self.patterns = [re.compile(p.replace("ORIG", ORIG), re.M) for p in lex["patterns"]]
        self.lines = [re.compile(lex[k], re.M) for k in ("wire_dateline", "wire_closing", "byline")]

    def _sentence(self, doc, start, end):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return Span(start, end)
        s, e = span[0].sent.start_char, span[-1].sent.end_char
        text = doc_text(doc)
        # a note is one line: keep it within the line
        ls = text.rfind("\n", 0, start) + 1
        le = text.find("\n", end)
        le = len(text) if le < 0 else le
        s, e = max(s, ls), min(e, le)
        while e > s and text[e - 1].isspace():
            e -= 1
        while s < e and text[s].isspace():
            s += 1
        return Span(s, e)

    def __call__(self, doc):
        ext = state(doc)
        text = doc_text(doc)
        found = []
        for pat in self.patterns:
            for m in pat.finditer(text):
                found.append((m.start(), m.end(), m.start("orig"), m.end("orig"), False))
        for pat in self.lines:
            for m in pat.finditer(text):
                found.append((m.start(), m.end(), m.start("orig"), m.end("orig"), True))
        seen = set()
        for start, end, os_, oe, is_line in sorted(found):
            original = text[os_:oe].strip()
            while original.endswith((".", ",")):
                original = original[:-1]
            if not original or _norm(original) in seen:
                continue
            if any(r.overlaps(Span(os_, oe)) for r in ext.ignored[:1]) and ext.ignored and ext.ignored[0].start == 0 \
                    and ext.ignored[0].contains(Span(os_, oe)):
                continue  # inside front matter
            evidence = Span(start, end) if is_line else self._sentence(doc, start, end)
            if is_line:
                evidence = Span(start + len(text[start:end]) - len(text[start:end].lstrip()), end)
            seen.add(_norm(original))
            key = _norm(original)
            entity = None
            for ent in ext.entities:
                if ent.kind == "place":
                    continue
                names = {_norm(ent.name), *(_norm(a) for a in ent.aliases)}
                if key in names or any(m.start <= os_ and oe <= m.end for m in ent.mentions):
                    entity = ent.id
                    break
            ext.reprints.append(Reprint(original=original, evidence=evidence, original_entity=entity))
        return doc


@Language.factory("provkg_reprints", default_config={"lexicon": None})
def make_reprints(nlp, name: str, lexicon: str | None = None):
    return ReprintsComponent(nlp, name, lexicon)
