"""``fahras.Index``: the CLI's archive from Python, with the same answers."""

from __future__ import annotations

import json
from pathlib import Path

import fahras
import pytest


@pytest.fixture(scope="module")
def sample_index(tmp_path_factory, sample_docs) -> Path:
    path = tmp_path_factory.mktemp("idx") / "archive"
    with fahras.Index.create(path) as index:
        n = index.add(
            {k: d[k] for k in ("id", "text", "title", "published") if d.get(k) is not None} for d in sample_docs
        )
        assert n == len(sample_docs)
        assert index.pending == len(sample_docs)
    return path


def test_add_commit_stats(sample_index: Path, sample_docs, cli) -> None:
    index = fahras.Index.open(sample_index)
    assert len(index) == len(sample_docs)
    stats = index.stats()
    assert stats == json.loads(cli("index", "stats", str(sample_index), "--format", "json"))
    assert stats["directives"] > 50
    assert sample_docs[0]["id"] in index and "nope" not in index


@pytest.mark.parametrize(
    ("query", "options", "cli_args"),
    [
        ("اجتماع", {}, []),
        ("أمين", {"limit": 3, "snippets": 2}, ["--limit", "3", "--snippets", "2"]),
        ('"المكتب السياسي"', {"facets": ["org", "year", "kind"]}, ["--facets", "org,year,kind"]),
        ("دعا", {"kind": "directive", "facets": "branch"}, ["--kind", "directive", "--facets", "branch"]),
        ("تجديد", {"kind": "decision"}, ["--kind", "decision"]),
        ("الحزب", {"date_from": "2021-01-01", "date_to": "2021-12-31"}, ["--from", "2021-01-01", "--to", "2021-12-31"]),
        ("الحزب", {"place": "اللاذقية"}, ["--place", "اللاذقية"]),
        ("date:[2020-01-01 TO 2020-12-31]", {"offset": 2}, ["--offset", "2"]),
        ("امين", {"timeline": True, "limit": 2}, ["--timeline", "--limit", "2"]),
    ],
)
def test_search_equals_cli(sample_index: Path, cli, query, options, cli_args) -> None:
    index = fahras.Index.open(sample_index)
    got = index.search(query, **options)
    expected = json.loads(cli("search", str(sample_index), query, "--format", "json", *cli_args))
    assert got.to_dict() == expected
    assert got.total == expected["total"]
    assert [h.id for h in got.hits] == [h["id"] for h in expected["hits"]]


def test_timeline_counts_dated_matches_per_month(sample_index: Path) -> None:
    index = fahras.Index.open(sample_index)
    results = index.search("*", timeline=True, limit=0)
    months = results.timeline
    assert months and [m["month"] for m in months] == sorted(m["month"] for m in months)
    assert sum(m["count"] for m in months) <= results.total
    assert index.search("*").timeline is None


def test_article_is_what_index_show_prints(sample_index: Path, sample_docs, cli) -> None:
    index = fahras.Index.open(sample_index)
    doc = sample_docs[0]
    got = index.article(doc["id"])
    assert got == json.loads(cli("index", "show", str(sample_index), doc["id"]))
    assert got["text"] == doc["text"]
    assert all(doc["text"][e["start"] : e["end"]] == e["text"] for e in got["entities"])
    assert index.article("no-such-article") is None


def test_hits_carry_snippets_pointing_into_the_article(sample_index: Path, sample_docs) -> None:
    texts = {d["id"]: d["text"] for d in sample_docs}
    results = fahras.Index.open(sample_index).search("أمين فرع", limit=5, snippets=2)
    assert results.total > 0 and len(results) == len(results.hits) > 0
    for hit in results:
        text = texts[hit.article]
        assert hit.snippets
        for s in hit.snippets:
            assert text[s["start"] : s["end"]] == s["text"]
            for h in s["highlights"]:
                assert text[h["start"] : h["end"]]
        assert hit.entities and all(text[e["start"] : e["end"]] == e["text"] for e in hit.entities)


def test_directive_hits_have_their_row(sample_index: Path) -> None:
    results = fahras.Index.open(sample_index).search("دعا", kind="directive", limit=5)
    assert results.total > 0
    for hit in results.hits:
        assert hit.doc_type == "directive" and hit.id.startswith(hit.article + "#")
        assert len(hit.directives) == 1


def test_replace_delete_rollback(tmp_path: Path) -> None:
    path = tmp_path / "idx"
    index = fahras.Index.create(path)
    index.add([("a", "عقد فرع حمص اجتماعه الدوري"), ("b", "أصدر المكتب السياسي بيانا")], extract=False)
    index.commit()
    assert len(index) == 2 and index.search("حمص").total == 1
    index.add([("a", "انعقد مؤتمر الفرع في طرطوس")])
    index.commit()
    assert len(index) == 2
    assert index.search("حمص").total == 0 and index.search("طرطوس").total == 1
    assert index.delete("b") == 1 and index.delete(["zzz"]) == 0
    index.commit()
    assert len(index) == 1 and "b" not in index
    index.add([("c", "بيان جديد")])
    index.rollback()
    index.commit()
    assert len(index) == 1
    # A failing block rolls back.
    with pytest.raises(RuntimeError):
        with fahras.Index.open(path, read_only=False) as w:
            w.add([("d", "بيان آخر")])
            raise RuntimeError("stop")
    assert "d" not in fahras.Index.open(path)


def test_read_only_and_errors(tmp_path: Path, sample_index: Path) -> None:
    reader = fahras.Index.open(sample_index)
    with pytest.raises(fahras.IndexingError, match="read-only"):
        reader.add([("x", "نص")])
    with pytest.raises(fahras.QueryError):
        reader.search('"unclosed')
    with pytest.raises(ValueError, match="unknown kind"):
        reader.search("x", kind="meeting")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="cannot index"):
        fahras.Index.create(tmp_path / "t").add([42])  # type: ignore[list-item]
    with pytest.raises(FileNotFoundError):
        fahras.Index.open(tmp_path / "missing")
    with pytest.raises(FileExistsError, match="already a fahras index"):
        fahras.Index.create(sample_index)


def test_another_analyzer_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "idx"
    with fahras.Index.create(path) as index:
        index.add([("a", "نص")])
    meta = path / "fahras-index.json"
    spec = json.loads(meta.read_text(encoding="utf-8"))
    spec["fingerprint"] = "0" * len(spec["fingerprint"])
    meta.write_text(json.dumps(spec), encoding="utf-8")
    with pytest.raises(fahras.IncompatibleIndexError):
        fahras.Index.open(path)


def test_cli_reads_what_python_wrote_and_back(tmp_path: Path, cli) -> None:
    path = tmp_path / "idx"
    with fahras.Index.create(path) as index:
        index.add([{"id": "p1", "text": "دعا أمين فرع طرطوس الرفاق إلى العمل", "published": "2022-02-02"}])
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "c1", "text": "قرر المكتب السياسي عقد المؤتمر"}, ensure_ascii=False) + "\n", encoding="utf-8")
    cli("index", "add", str(path), str(feed))
    index = fahras.Index.open(path)
    assert len(index) == 2
    assert index.search("المؤتمر").hits[0].id == "c1"
    assert json.loads(cli("search", str(path), "طرطوس", "--format", "json"))["hits"][0]["id"] == "p1"
