"""``provkg_paragraphs``: a blank line always ends a sentence.

Runs before the parser, which respects preset boundaries, so a headline, a dateline or a
caption never fuses with the paragraph after it into one "sentence".
"""
from __future__ import annotations

from spacy.language import Language


@Language.component("provkg_paragraphs")
def paragraph_boundaries(doc):
    """Mark the first token after a whitespace token holding two line breaks as a sentence start."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc
