"""provkg: a provenance knowledge graph for news.

Articles go in; actors, claims, directives and the edges between them (who issued, reported,
told, reprinted and contradicted what) come out, each edge tied to the exact words behind it.

>>> import provkg
>>> provkg.__version__
'0.1.0'
"""
__version__ = "0.1.0"
EXTRACTOR_VERSION = "12"
