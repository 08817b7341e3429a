"""Extraction on a Dask cluster in one call.

::

    from dask.distributed import Client, LocalCluster
    import dask.dataframe as dd
    import fahras.dask

    client = Client(LocalCluster(n_workers=2, threads_per_worker=1))
    ddf = dd.read_json("feed-*.jsonl", lines=True)
    entities = fahras.dask.extract(ddf, column="text", id_column="id").compute()

Each worker process builds one ``Extractor`` on first use (the gazetteers are
compiled into the library, so nothing is shipped but the texts). Dask comes
with the ``dask`` extra (``pip install 'fahras[dask]'``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fahras import pandas as _fp

__all__ = ["extract"]


def extract(
    ddf: Any,
    column: str = "text",
    id_column: str | None = None,
    published_column: str | None = None,
    kinds: Iterable[str] | None = None,
    table: str = "entities",
    n_threads: int | None = 1,
) -> Any:
    """A lazy Dask DataFrame of the entity (or directive) table of ``ddf[column]``.

    ``n_threads`` defaults to 1 because Dask already runs one task per worker
    thread; raise it for workers with one thread and several cores.
    """
    meta = _fp.entity_meta() if table == "entities" else _fp.directive_meta()
    return ddf.map_partitions(
        _fp.extract_partition,
        column=column,
        id_column=id_column,
        published_column=published_column,
        kinds=tuple(kinds) if kinds is not None else None,
        table=table,
        n_threads=n_threads,
        meta=meta,
    )
