"""The Python API gives the CLI's answers on the same input."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import fahras
import pytest


def jsonl(docs: list[dict[str, Any]]) -> str:
    keep = ("id", "text", "published")
    return "".join(json.dumps({k: d[k] for k in keep if d.get(k) is not None}, ensure_ascii=False) + "\n" for d in docs)


def test_extract_equals_cli_on_the_sample_corpus(sample_docs, cli, tmp_path: Path) -> None:
    src = tmp_path / "docs.jsonl"
    src.write_text(jsonl(sample_docs), encoding="utf-8")
    expected = [json.loads(line) for line in cli("extract", "--format", "jsonl", str(src)).splitlines()]
    got = fahras.Extractor().extract_batch(
        [d["text"] for d in sample_docs],
        ids=[d["id"] for d in sample_docs],
        published=[d.get("published") for d in sample_docs],
    )
    assert len(got) == len(expected) == len(sample_docs)
    assert [d.to_dict() for d in got] == expected
    # The batch and one-at-a-time calls agree.
    one = fahras.extract(sample_docs[0]["text"], published=sample_docs[0]["published"], id=sample_docs[0]["id"])
    assert one == got[0]
    assert sum(len(d.entities) for d in got) > 500


def test_directive_rows_equal_cli_table(sample_docs, cli, tmp_path: Path) -> None:
    src = tmp_path / "docs.jsonl"
    src.write_text(jsonl(sample_docs), encoding="utf-8")
    out = cli("extract", "--table", "directives", "--format", "jsonl", str(src))
    expected = [json.loads(line) for line in out.splitlines()]
    docs = fahras.Extractor().extract_batch(
        [d["text"] for d in sample_docs],
        ids=[d["id"] for d in sample_docs],
        published=[d.get("published") for d in sample_docs],
    )
    rows = [r for d in docs for r in d.directives]
    assert rows == expected
    assert len(rows) > 50
    cols = fahras.Extractor().extract_columns(
        [d["text"] for d in sample_docs],
        ids=[d["id"] for d in sample_docs],
        published=[d.get("published") for d in sample_docs],
        table="directives",
    )
    assert cols["content"] == [r["content"] for r in expected]


@pytest.mark.parametrize("table", ["entities", "officials", "directives", "meetings"])
def test_every_table_equals_the_cli_table(sample_docs, cli, tmp_path: Path, table: str) -> None:
    src = tmp_path / "docs.jsonl"
    src.write_text(jsonl(sample_docs), encoding="utf-8")
    out = cli("extract", "--table", table, "--format", "jsonl", str(src))
    expected = [json.loads(line) for line in out.splitlines()]
    cols = fahras.Extractor().extract_columns(
        [d["text"] for d in sample_docs],
        ids=[d["id"] for d in sample_docs],
        published=[d.get("published") for d in sample_docs],
        table=table,  # type: ignore[arg-type]
    )
    assert list(cols) == list(expected[0])
    rows = [dict(zip(cols, values)) for values in zip(*cols.values())]
    assert rows == expected
    assert len(rows) > 20


def test_seed_articles_equal_cli(shared: Path, cli) -> None:
    for path in sorted((shared / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        expected = json.loads(cli("extract", "--format", "jsonl", str(path)).splitlines()[0])
        got = fahras.extract(text, id=expected["id"]).to_dict()
        assert got == expected, path.name


def test_tokenize_normalize_sentences_equal_cli(sample_docs, cli) -> None:
    for doc in sample_docs[:8]:
        text = doc["text"]
        for profile in ("search", "strict"):
            tokens = json.loads(cli("tokenize", "--format", "json", "--profile", profile, input=text))["tokens"]
            assert [t.to_dict() for t in fahras.tokenize(text, profile)] == tokens
            lines = cli("normalize", "--profile", profile, input=text).splitlines()
            assert [fahras.normalize(line, profile) for line in text.splitlines()] == lines
        sents = [json.loads(s) for s in cli("sentences", "--format", "jsonl", input=text).splitlines()]
        assert [s.to_dict() for s in fahras.sentences(text)] == sents


def test_analyzer_spec_equals_cli(cli) -> None:
    for profile in ("search", "strict", "stem"):
        spec = json.loads(cli("analyzer", "--profile", profile))
        assert fahras.Analyzer(profile).spec() == spec
        assert fahras.Analyzer.from_spec(json.dumps(spec)) == fahras.Analyzer(profile)
        assert fahras.Analyzer.from_spec(spec) == fahras.Analyzer(profile)


def test_spelling_variants_normalize_alike() -> None:
    forms = ["أمين", "الأمين", "امين", "أَمين", "أمـــين"]
    norms = {fahras.normalize(f).removeprefix("ال") for f in forms}
    assert norms == {"امين"}


def test_published_accepts_dates_and_resolves_relative_dates() -> None:
    text = "عقد المكتب السياسي اجتماعه أمس"
    as_str = fahras.extract(text, published="2021-03-10")
    as_date = fahras.extract(text, published=datetime.date(2021, 3, 10))
    as_stamp = fahras.extract(text, published="2021-03-10T08:00:00+02:00")
    assert as_str == as_date == as_stamp
    dates = [e for e in as_str.entities if e.kind == "DATE"]
    assert [d.value for d in dates] == ["2021-03-09"]
    with pytest.raises(ValueError, match="not a date"):
        fahras.extract(text, published="10/03/2021")
    with pytest.raises(TypeError):
        fahras.extract(text, published=20210310)  # type: ignore[arg-type]


def test_kinds_limit_what_is_extracted(sample_docs) -> None:
    text = sample_docs[0]["text"]
    only = fahras.extract(text, kinds=["DATE"])
    assert only.entities and {e.kind for e in only.entities} == {"DATE"}
    assert fahras.extract(text, kinds="date,org") == fahras.Extractor(["DATE", "ORG"]).extract(text)
    with pytest.raises(fahras.ConfigError, match="PLACE"):
        fahras.Extractor(["PLACE"])


def test_relations_point_at_entities_and_officials_read_off(sample_docs) -> None:
    docs = fahras.Extractor().extract_batch([d["text"] for d in sample_docs])
    seen = set()
    for doc in docs:
        for r in doc.relations:
            assert 0 <= r.source < len(doc.entities) and 0 <= r.target < len(doc.entities)
            seen.add(r.kind)
            if r.kind == "holds_role":
                assert doc.entities[r.source].kind == "PERSON"
                assert doc.entities[r.target].kind == "ROLE"
        for o in doc.officials:
            assert doc.entities[o["role"]].kind == "ROLE"
    assert {"holds_role", "role_of", "branch_of", "issued_by"} <= seen


def test_eval_equals_cli(sample_docs, cli, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in sample_docs), encoding="utf-8")
    pred_docs = fahras.Extractor().extract_batch(
        [d["text"] for d in sample_docs],
        ids=[d["id"] for d in sample_docs],
        published=[d.get("published") for d in sample_docs],
    )
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(d.to_dict(), ensure_ascii=False) + "\n" for d in pred_docs), encoding="utf-8")
    expected = json.loads(cli("eval", "--gold", str(gold), "--pred", str(pred), "--format", "json"))
    assert fahras.eval(gold, pred) == expected
    # Documents and dicts score as the files do.
    assert fahras.eval(sample_docs, pred_docs) == expected
    perfect = fahras.eval(gold, gold)
    assert all(k["relaxed"]["f1"] == 1.0 for k in perfect["kinds"])
    assert any(k["relaxed"]["f1"] < 1.0 for k in expected["kinds"])
    with pytest.raises(FileNotFoundError):
        fahras.eval(tmp_path / "missing.jsonl", pred)


def test_eval_conll_with_context_equals_cli(cli, tmp_path: Path) -> None:
    conll = tmp_path / "two.conll"
    conll.write_text(
        "وصل O\nالروائي O\nنجيب B-PERS\nمحفوظ I-PERS\nإلى O\nالقاهرة B-LOC\n. O\n\n"
        "وترجمت O\nروايات O\nمحفوظ B-PERS\nإلى O\nالفرنسية O\n. O\n",
        encoding="utf-8",
    )
    for context in (0, 1):
        expected = json.loads(cli("eval", "--format", "json", "--context", str(context), "--conll", str(conll)))
        got = fahras.eval_conll(conll, context=context)
        assert got == expected["result"]
        assert got["context"] == context
    alone = fahras.eval_conll(conll)["report"]["overall"]["exact"]["true_positives"]
    read_on = fahras.eval_conll(conll, context=1)["report"]["overall"]["exact"]["true_positives"]
    assert alone < read_on == 3
