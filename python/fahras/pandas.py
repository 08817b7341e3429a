"""Extraction over pandas DataFrames, for Dask ``map_partitions`` and Spark ``mapInPandas``.

pandas is imported when a function runs, not with ``fahras``; it comes with
the ``pandas`` extra (``pip install 'fahras[pandas]'``).

Dask::

    import fahras.pandas
    entities = ddf.map_partitions(
        fahras.pandas.extract_partition, column="text", id_column="id",
        meta=fahras.pandas.entity_meta(),
    )

Spark (one cached extractor per Python worker; set ``FAHRAS_NUM_THREADS=1``
when the executor already runs one task per core)::

    import fahras.pandas

    def extract(batches):
        for pdf in batches:
            yield fahras.pandas.extract_partition(pdf, column="text", id_column="id")

    spark_df.mapInPandas(extract, schema=fahras.pandas.ENTITY_SPARK_SCHEMA)
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from fahras._fahras import Extractor

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DIRECTIVE_COLUMNS",
    "DIRECTIVE_SPARK_SCHEMA",
    "ENTITY_COLUMNS",
    "ENTITY_SPARK_SCHEMA",
    "directive_meta",
    "entity_meta",
    "extract_partition",
]

#: Columns of the entity table, with their pandas dtypes.
ENTITY_COLUMNS: dict[str, str] = {
    "doc_id": "object",
    "id": "int64",
    "kind": "object",
    "start": "int64",
    "end": "int64",
    "byte_start": "int64",
    "byte_end": "int64",
    "text": "object",
    "value": "object",
    "attrs": "object",
}

#: Columns of the directive table (``fahras extract --table directives``).
DIRECTIVE_COLUMNS: dict[str, str] = {
    "doc_id": "object",
    "date": "object",
    "actor": "object",
    "kind": "object",
    "addressee": "object",
    "content": "object",
    "deadline": "object",
    "start": "int64",
    "end": "int64",
}

#: The entity table as a Spark DDL schema, for ``mapInPandas``.
ENTITY_SPARK_SCHEMA = (
    "doc_id string, id long, kind string, start long, end long, "
    "byte_start long, byte_end long, text string, value string, attrs string"
)

#: The directive table as a Spark DDL schema.
DIRECTIVE_SPARK_SCHEMA = (
    "doc_id string, date string, actor string, kind string, addressee string, "
    "content string, deadline string, start long, end long"
)


def _import_pandas() -> Any:
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("fahras.pandas needs pandas: pip install 'fahras[pandas]'") from e
    return pandas


def _empty(columns: dict[str, str]) -> pd.DataFrame:
    pandas = _import_pandas()
    return pandas.DataFrame({c: pandas.Series(dtype=t) for c, t in columns.items()})


def entity_meta() -> pd.DataFrame:
    """An empty entity table: Dask's ``meta`` for :func:`extract_partition`."""
    return _empty(ENTITY_COLUMNS)


def directive_meta() -> pd.DataFrame:
    """An empty directive table: Dask's ``meta`` with ``table="directives"``."""
    return _empty(DIRECTIVE_COLUMNS)


@lru_cache(maxsize=16)
def _extractor(kinds: tuple[str, ...] | None) -> Extractor:
    # One extractor per worker process and kind set, built on first use.
    return Extractor(list(kinds) if kinds is not None else None)


def extract_partition(
    df: pd.DataFrame,
    column: str = "text",
    id_column: str | None = None,
    published_column: str | None = None,
    kinds: Iterable[str] | None = None,
    table: str = "entities",
    n_threads: int | None = None,
) -> pd.DataFrame:
    """One row per entity (or per directive, ``table="directives"``) of the texts in ``df[column]``.

    Ids come from ``df[id_column]``, else from the DataFrame's index, so rows
    stay traceable when partitions are combined. Dtypes are those of
    :data:`ENTITY_COLUMNS` / :data:`DIRECTIVE_COLUMNS`, also for an empty partition.
    """
    pandas = _import_pandas()
    columns = ENTITY_COLUMNS if table == "entities" else DIRECTIVE_COLUMNS
    if len(df) == 0:
        return _empty(columns)
    texts = df[column].astype(str).tolist()
    ids = (df[id_column] if id_column is not None else df.index.to_series()).astype(str).tolist()
    published = None
    if published_column is not None:
        published = [None if pandas.isna(p) else str(p) for p in df[published_column]]
    key = tuple(kinds) if kinds is not None else None
    cols = _extractor(key).extract_columns(
        texts, ids=ids, published=published, n_threads=n_threads, table=table
    )
    out = pandas.DataFrame(cols)
    return out.astype(columns) if len(out) else _empty(columns)
