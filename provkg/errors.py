"""The one error root of provkg.

Library code raises a subclass of :class:`ProvKGError`; only the CLI turns it into a
``click.ClickException``. Every message says what went wrong and how to fix it.
"""


class ProvKGError(Exception):
    """Base class of every error provkg raises on purpose."""


class InputError(ProvKGError):
    """An input file, line or stream cannot be read as an article."""

    def __init__(self, path: str, reason: str, line: int | None = None):
        self.path = path
        self.reason = reason
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")


class StoreError(ProvKGError):
    """The graph store cannot be opened, read or written."""


class StoreLockedError(StoreError):
    """Another process holds the embedded database for writing."""


class SchemaVersionError(StoreError):
    """The store was written by another schema or extractor version."""


class QueryError(ProvKGError):
    """A query is malformed, not allowed, or failed in the engine."""


class NotFoundError(ProvKGError):
    """A claim, actor, article or edge asked for is not in the store."""


class ExportError(ProvKGError):
    """A graph export cannot be written."""
