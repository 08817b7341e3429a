"""The exceptions fahras raises; all but file errors derive from ``FahrasError``.

File errors are the builtin ``OSError`` subclasses (``FileNotFoundError``,
``PermissionError``).
"""

from fahras._fahras import (
    AnnotationError,
    ConfigError,
    DocumentTooLargeError,
    FahrasError,
    IncompatibleIndexError,
    IndexingError,
    QueryError,
)

__all__ = [
    "AnnotationError",
    "ConfigError",
    "DocumentTooLargeError",
    "FahrasError",
    "IncompatibleIndexError",
    "IndexingError",
    "QueryError",
]
