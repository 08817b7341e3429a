"""Bad input gets a clear error or a plain answer, never a crash."""

from __future__ import annotations

import fahras
import pytest


@pytest.mark.parametrize(
    "text",
    [
        "",
        " \n\t ",
        "<html><body><p>قرر <b>المكتب</b> السياسي</p></body></html>",
        "\u202bأمين\u202c \u200fفرع\u200f \u200bاللاذقية\ufeff",
        "abc قرر xyz 123 ٤٥٦ ۷۸۹ 😀 𝔸",
        "ـــــ" * 1000,
        "\u064b\u064c\u064d" * 500,
        "\x00\x01\x02 قرر",
    ],
)
def test_odd_text_is_analyzed(text: str) -> None:
    for t in fahras.tokenize(text):
        assert text[t.start : t.end] == t.text
    doc = fahras.extract(text)
    for e in doc.entities:
        assert text[e.start : e.end] == e.text
    assert isinstance(fahras.normalize(text), str)


def test_a_large_document(sample_docs) -> None:
    text = "\n".join(d["text"] for d in sample_docs) * 8  # about 1.5 MB
    doc = fahras.extract(text)
    assert len(doc.entities) > 1000
    last = doc.entities[-1]
    assert text[last.start : last.end] == last.text


def test_lone_surrogates_are_a_clear_error() -> None:
    with pytest.raises(UnicodeEncodeError):
        fahras.extract("قرر \ud800")


def test_wrong_types_are_type_errors() -> None:
    with pytest.raises(TypeError):
        fahras.extract(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        fahras.Extractor().extract_batch([1, 2])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="ids for"):
        fahras.Extractor().extract_batch(["a", "b"], ids=["x"])
    with pytest.raises(ValueError, match="publication dates"):
        fahras.Extractor().extract_batch(["a", "b"], published=["2020-01-01"])


def test_hierarchy() -> None:
    for cls in (
        fahras.ConfigError,
        fahras.AnnotationError,
        fahras.DocumentTooLargeError,
        fahras.IncompatibleIndexError,
        fahras.IndexingError,
        fahras.QueryError,
    ):
        assert issubclass(cls, fahras.FahrasError)
    from fahras import exceptions

    assert exceptions.FahrasError is fahras.FahrasError
    with pytest.raises(fahras.ConfigError, match="profile"):
        fahras.Analyzer("loose")
    with pytest.raises(fahras.ConfigError):
        fahras.Analyzer.from_spec('{"version": 1, "filters": [{"type": "nope"}]}')


def test_bad_gold_names_the_line(tmp_path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "entities": []}\n{not json\n', encoding="utf-8")
    with pytest.raises(fahras.AnnotationError, match="line 2"):
        fahras.eval(gold, gold)
