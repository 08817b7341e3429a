"""Tables for pandas and Arrow: one row per entity, and a directives table."""

from __future__ import annotations

import json
import sys

import fahras
import pytest


def test_entity_table_matches_the_documents(sample_docs) -> None:
    pd = pytest.importorskip("pandas")
    ex = fahras.Extractor()
    texts = [d["text"] for d in sample_docs]
    ids = [d["id"] for d in sample_docs]
    pub = [d.get("published") for d in sample_docs]
    df = ex.to_pandas(texts, ids=ids, published=pub)
    docs = ex.extract_batch(texts, ids=ids, published=pub)
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == ["doc_id", "id", "kind", "start", "end", "byte_start", "byte_end", "text", "value", "attrs"]
    assert len(df) == sum(len(d.entities) for d in docs)
    by_id = {d["id"]: d["text"] for d in sample_docs}
    for row in df.sample(n=200, random_state=1).itertuples():
        assert by_id[row.doc_id][row.start : row.end] == row.text
    first = docs[0].entities[0]
    row = df[df.doc_id == docs[0].id].iloc[0]
    assert (row.kind, row.text, row.value) == (first.kind, first.text, first.value)
    assert json.loads(row["attrs"]) == first.attrs
    assert set(df.kind) >= {"DATE", "ORG", "BRANCH", "PERSON", "ROLE", "LOC", "DIRECTIVE", "MEETING"}


def test_directive_table_and_arrow(sample_docs) -> None:
    pa = pytest.importorskip("pyarrow")
    ex = fahras.Extractor()
    texts = [d["text"] for d in sample_docs]
    table = ex.to_arrow(texts, ids=[d["id"] for d in sample_docs], table="directives")
    assert isinstance(table, pa.Table)
    assert table.column_names == ["doc_id", "date", "actor", "kind", "addressee", "content", "deadline", "start", "end"]
    rows = [r for d in ex.extract_batch(texts, ids=[d["id"] for d in sample_docs]) for r in d.directives]
    assert table.num_rows == len(rows) > 50
    assert table.column("content").to_pylist() == [r["content"] for r in rows]
    meetings = ex.extract_columns(texts, ids=[d["id"] for d in sample_docs], table="meetings")
    assert list(meetings) == ["doc_id", "kind", "body", "date", "place", "chair", "text", "start", "end", "published"]
    assert len(meetings["doc_id"]) > 20
    officials = ex.extract_columns(texts, table="officials")
    assert list(officials)[:3] == ["doc_id", "person", "role"]
    with pytest.raises(ValueError, match="unknown table"):
        ex.extract_columns(texts[:1], table="rows")  # type: ignore[arg-type]


def test_missing_pandas_names_the_extra(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"fahras\[pandas\]"):
        fahras.Extractor().to_pandas(["نص"])
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match=r"fahras\[arrow\]"):
        fahras.Extractor().to_arrow(["نص"])


def test_extract_partition_keeps_dtypes_and_ids(sample_docs) -> None:
    pd = pytest.importorskip("pandas")
    import fahras.pandas as fp

    df = pd.DataFrame(sample_docs[:5])
    out = fp.extract_partition(df, column="text", id_column="id", published_column="published")
    assert set(out.doc_id) == set(df.id)
    assert dict(out.dtypes.astype(str)) == fp.ENTITY_COLUMNS
    empty = fp.extract_partition(df.iloc[:0], column="text")
    assert len(empty) == 0 and list(empty.columns) == list(fp.ENTITY_COLUMNS)
    rows = fp.extract_partition(df, column="text", id_column="id", table="directives")
    assert list(rows.columns) == list(fp.DIRECTIVE_COLUMNS)
