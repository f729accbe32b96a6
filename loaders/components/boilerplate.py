"""provkg_boilerplate: mark non-article text as ignored (promo lines, share buttons, image
captions and credits, bare datelines), by general line patterns from a lexicon.

The spans go to ``Extraction.ignored``; later components skip anything overlapping them.  The end
matter after a "Sources" or "References" heading goes to ``Extraction.end_matter``: the outlets
and authors it cites are actors, but its cited headlines are not the article's statements.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml
from spacy.language import Language

from provkg.loaders.extraction import Span, doc_text, state

LEXICON = Path(__file__).resolve().parent.parent / "lexicons" / "boilerplate.yaml"
_LINE = re.compile(r"[^\n]+")


class BoilerplateComponent:
    def __init__(self, nlp, name: str, lexicon: str | None = None):
        self.name = name
        lex = yaml.safe_load(Path(lexicon or LEXICON).read_text(encoding="utf-8"))
        self.promo = [re.compile(p, re.I) for p in lex.get("promo_lines", [])]
        self.caption = re.compile(lex["caption_credit"], re.I)
        self.caption_max = int(lex.get("caption_max_words", 40))
        self.date_line = re.compile(lex["date_line"], re.I)
        self.end_matter = re.compile(lex["end_matter_heading"], re.I)

    def end_matter_span(self, text: str) -> Span | None:
        """From a line that is only a "Sources" / "References" / "Categories: ..." heading to the end."""
        for m in _LINE.finditer(text):
            if self.end_matter.match(m.group(0)):
                return Span(m.start() + len(m.group(0)) - len(m.group(0).lstrip()), len(text.rstrip()))
        return None

    def spans(self, text: str) -> list[Span]:
        out = []
        for m in _LINE.finditer(text):
            line = m.group(0)
            if not line.strip():
                continue
            if any(p.search(line) for p in self.promo) or self.date_line.match(line) or (
                    len(line.split()) <= self.caption_max and self.caption.search(line)):
                lead = len(line) - len(line.lstrip())
                out.append(Span(m.start() + lead, m.start() + len(line.rstrip())))
        return out

    def __call__(self, doc):
        ext = state(doc)
        text = doc_text(doc)
        for sp in self.spans(text):
            if sp not in ext.ignored:
                ext.ignored.append(sp)
        ext.end_matter = self.end_matter_span(text)
        return doc


@Language.factory("provkg_boilerplate", default_config={"lexicon": None})
def make_boilerplate(nlp, name: str, lexicon: str | None = None):
    return BoilerplateComponent(nlp, name, lexicon)
