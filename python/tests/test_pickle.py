"""Everything pickles: Dask, Spark and multiprocessing send these between processes."""

from __future__ import annotations

import pickle
from pathlib import Path

import fahras
import pytest

TEXT = "ترأس الرفيق هيثم إسماعيل أمين فرع اللاذقية لحزب البعث العربي الاشتراكي اجتماعاً يوم 3 أيار 2020، ودعا إلى تعزيز العمل."


def roundtrip(x: object) -> object:
    return pickle.loads(pickle.dumps(x))


def test_value_classes_roundtrip() -> None:
    doc = fahras.extract(TEXT, published="2020-05-04", id="a")
    assert doc.entities and doc.relations and doc.directives
    assert roundtrip(doc) == doc
    for e in doc.entities:
        assert roundtrip(e) == e
        assert roundtrip(e).attrs == e.attrs
    for r in doc.relations:
        assert roundtrip(r) == r
    for t in fahras.tokenize(TEXT):
        assert roundtrip(t) == t
    for s in fahras.sentences(TEXT):
        assert roundtrip(s) == s
    # Equality is by value: another entity differs.
    assert doc.entities[0] != doc.entities[1]


def test_analyzer_and_extractor_roundtrip_from_their_spec() -> None:
    for profile in ("search", "strict", "stem"):
        a = fahras.Analyzer(profile)
        b = roundtrip(a)
        assert b == a and b.spec() == a.spec()
        assert b.tokenize(TEXT) == a.tokenize(TEXT)
    ex = fahras.Extractor(["DATE", "PERSON"])
    ex2 = roundtrip(ex)
    assert ex2 == ex and ex2.kinds == ["DATE", "PERSON"]
    assert ex2.extract(TEXT) == ex.extract(TEXT)
    assert fahras.Extractor() != ex


def test_index_pickles_read_only_and_a_writer_refuses(tmp_path: Path) -> None:
    path = tmp_path / "idx"
    with fahras.Index.create(path) as index:
        index.add([("a", TEXT)])
        with pytest.raises(TypeError, match="read-only"):
            pickle.dumps(index)
    reader = fahras.Index.open(path)
    again = roundtrip(reader)
    assert isinstance(again, fahras.Index) and again.read_only
    assert again.search("اللاذقية").to_dict() == reader.search("اللاذقية").to_dict()
    results = reader.search("اللاذقية")
    assert roundtrip(results) == results
    assert roundtrip(results.hits[0]) == results.hits[0]


def test_exceptions_pickle() -> None:
    with pytest.raises(fahras.ConfigError) as info:
        fahras.Analyzer("nope")
    err = roundtrip(info.value)
    assert isinstance(err, fahras.ConfigError) and str(err) == str(info.value)
