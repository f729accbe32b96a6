"""``provkg_publisher``: which outlet published this copy, and its headline, when the metadata does not say.

Pages pasted from the web often keep the site's own promotion ("Join our new AMN Telegram
channel", "Follow X on Twitter", "Subscribe to the X newsletter"); the name in it is the
publisher. The headline is the first line near the top that stands alone as a paragraph and
reads like one (4-25 words, no closing full stop, not a promotion or a date line).
Metadata (front matter, HTML, JSONL) always wins over both.
"""
from __future__ import annotations

import re
from datetime import datetime

from spacy.language import Language

from provkg.loaders.extraction import Span, doc_text, state

DEFAULT_PATTERNS = [
    # "Join our (brand new) (verified) NAME Telegram channel"
    r"\b(?:Join|Follow|Subscribe to)\s+(?:our|the)\s+(?:(?:brand|new|official|verified)\s+)*"
    r"(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4}?)\s+(?:Telegram|WhatsApp|YouTube|Facebook|Twitter|X|Instagram|"
    r"newsletter|podcast)\b",
]


class PublisherDetector:
    def __init__(self, patterns: list[str], head_chars: int):
        self.patterns = [re.compile(p) for p in patterns]
        self.head_chars = head_chars

    def __call__(self, doc):
        extraction = state(doc)
        head = doc_text(doc)[: self.head_chars]
        for pattern in self.patterns:
            match = pattern.search(head)
            if match:
                extraction.publisher = (match.group("name"), Span(match.start("name"), match.end("name")))
                break
        extraction.headline = self.headline(head)
        extraction.dateline = self.dateline(head)
        return doc

    @staticmethod
    def dateline(head: str) -> str | None:
        for line in head.splitlines():
            match = _DATELINE.match(line.strip())
            if match:
                text = match.group("date").replace(",", "")
                for pattern in ("%Y-%m-%d", "%B %d %Y", "%b %d %Y"):
                    try:
                        return datetime.strptime(text, pattern).date().isoformat()
                    except ValueError:
                        pass
        return None

    def headline(self, head: str) -> Span | None:
        offset = 0
        for paragraph in re.split(r"(\n\s*\n)", head)[:12]:
            line = paragraph.strip()
            start = offset + paragraph.find(line) if line else offset
            offset += len(paragraph)
            if not line or "\n" in line or any(p.search(line) for p in self.patterns) or _DATELINE.match(line):
                continue
            words = line.split()
            if 4 <= len(words) <= 25 and not line.endswith((".", ")", ":", "?\"", ".\"", ".”")):
                return Span(start, start + len(line))
            return None
        return None


_DATELINE = re.compile(r"^(?:\w+day,\s+)?(?P<date>\w+\s+\d{1,2},\s+\d{4}|\d{4}-\d{2}-\d{2})$")


@Language.factory("provkg_publisher", default_config={"patterns": DEFAULT_PATTERNS, "head_chars": 600})
def make_publisher(nlp: Language, name: str, patterns: list[str], head_chars: int):
    """Detect the publishing outlet from promotion lines at the top of the text."""
    return PublisherDetector(patterns, head_chars)
