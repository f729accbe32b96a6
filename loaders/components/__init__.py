"""provkg's spaCy components, one module each, registered with ``Language.factory``.

Order in the pipeline (see provkg.loaders.pipeline.COMPONENTS): publisher, boilerplate, actors,
attributions, sources, directives, reprints, contradictions. Each reads and extends the
shared :class:`~provkg.loaders.extraction.Extraction` on ``doc._.provkg``.
"""
from . import actors, attributions, boilerplate, contradictions, directives, paragraphs, publisher, reprints, sources  # noqa: F401
