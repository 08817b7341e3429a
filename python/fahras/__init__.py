"""fahras: Arabic text analytics for organizational and political news.

Normalization and tokenization, entity extraction (dates, organizations,
branches, persons, titles, places, directives, meetings) and a search index,
from a Rust core. The same answers as the ``fahras`` command line on the same
input; offsets are ``str`` indices into the text you passed
(``text[e.start:e.end] == e.text``), with UTF-8 byte offsets beside them.

>>> import fahras
>>> doc = fahras.extract("ترأس أمين فرع اللاذقية لحزب البعث العربي الاشتراكي الاجتماع الدوري")
>>> sorted({e.kind for e in doc.entities}) >= ["BRANCH", "ORG", "ROLE"]
True
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from os import PathLike
from typing import Any

from fahras._fahras import (
    AnnotationError,
    Analyzer,
    ConfigError,
    Document,
    DocumentTooLargeError,
    Entity,
    Extractor,
    FahrasError,
    Hit,
    IncompatibleIndexError,
    Index,
    IndexingError,
    QueryError,
    Relation,
    SearchResults,
    Sentence,
    Token,
    __version__,
    get_num_threads,
    sentences,
    set_num_threads,
)
from fahras._fahras import score as _score
from fahras._fahras import score_conll as _score_conll

__all__ = [
    "AnnotationError",
    "Analyzer",
    "ConfigError",
    "Document",
    "DocumentTooLargeError",
    "Entity",
    "Extractor",
    "FahrasError",
    "Hit",
    "IncompatibleIndexError",
    "Index",
    "IndexingError",
    "QueryError",
    "Relation",
    "SearchResults",
    "Sentence",
    "Token",
    "__version__",
    "eval",
    "eval_conll",
    "extract",
    "get_num_threads",
    "normalize",
    "sentences",
    "set_num_threads",
    "tokenize",
]


@lru_cache(maxsize=None)
def _analyzer(profile: str) -> Analyzer:
    return Analyzer(profile)


@lru_cache(maxsize=None)
def _extractor(kinds: tuple[str, ...] | None) -> Extractor:
    return Extractor(list(kinds) if kinds is not None else None)


def normalize(text: str, profile: str = "search") -> str:
    """Normalize ``text`` as ``fahras normalize --profile PROFILE`` does.

    >>> fahras.normalize("أَمِينُ")
    'امين'
    """
    return _analyzer(profile).normalize(text)


def tokenize(text: str, profile: str = "search") -> list[Token]:
    """The tokens of ``text`` (``fahras tokenize``), with offsets into it.

    >>> [t.norm for t in fahras.tokenize("قرّر المؤتمرُ")]
    ['قرر', 'المؤتمر']
    """
    return _analyzer(profile).tokenize(text)


def extract(
    text: str,
    published: str | date | None = None,
    kinds: str | Iterable[str] | None = None,
    *,
    id: str = "",
) -> Document:
    """Entities, relations and directive rows of one text (``fahras extract``).

    ``published`` (``YYYY-MM-DD`` or a ``datetime.date``) anchors relative
    dates such as أمس; ``kinds`` limits the entity kinds (default: all).
    """
    if isinstance(kinds, str):
        kinds = [k for k in kinds.split(",") if k.strip()]
    key = tuple(kinds) if kinds is not None else None
    return _extractor(key).extract(text, published=published, id=id)


_Docs = str | PathLike[str] | Iterable[Document | dict[str, Any]]


def eval(gold: _Docs, pred: _Docs) -> dict[str, Any]:  # noqa: A001 - mirrors `fahras eval`
    """Score predictions against gold (ANNOTATION.md), as ``fahras eval --gold G --pred P --format json``.

    Each side is a JSON Lines path or a list of ``Document``s or dicts
    ``{"id", "entities": [{"kind", "start", "end", "value"?, "attrs"?}]}``.
    """
    return _score(gold, pred)


def eval_conll(
    path: str | PathLike[str], kinds: str | Iterable[str] | None = None, context: int = 0
) -> dict[str, Any]:
    """Extract from a BIO-tagged CoNLL file and score it, as ``fahras eval --conll PATH --format json``.

    ``context`` reads each sentence after that many sentences before it and
    scores only the sentence, as ``--context N``.
    """
    return _score_conll(path, kinds=kinds, context=context)
