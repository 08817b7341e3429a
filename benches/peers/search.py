#!/usr/bin/env python3
"""Search side by side: fahras (CLI and in process) against tantivy-py and SQLite FTS5.

Driven by run_search.sh, which installs the pinned peers into
benches/peers/.venv and passes the fahras binary:

    python benches/peers/search.py --fahras target/release/fahras [--quick]
                                   [--runs 5] [--queries 500] [--json FILE]
                                   [--latency target/release/examples/search_latency]

Inputs (read at run time, never copied into the repository; the shared
directory is $FAHRAS_SHARED or <repo>/../shared):

  corpus/arabic_newspapers_corpus/anc_news.jsonl.gz   2,900 articles
  corpus/saudinewsnet/saudinewsnet_sample.jsonl.gz    9,001 articles (not with --quick)
  tests/data/spelling_variants.tsv (in the repository): `base<TAB>variant<TAB>kind`

Each JSON line has `id`, `text` and (mostly) `title`. A document is the title
and the body (`text`); "MB" is always 10^6 bytes of the UTF-8 `text` fields.

What is measured (one JSON line per measurement on stdout, then a summary):

 1. Indexing: one process per side, timed as a whole (start, read and parse
    the .jsonl.gz, index, commit), peak RSS from wait4(2):
      - fahras `index add DIR FILES --no-extract --threads 2`
      - fahras `index add DIR FILES --threads 2` (entity extraction for
        facets and directives, the default)
      - tantivy-py: schema id (raw, stored), title and body (default
        tokenizer, stored), writer(heap 256 MB = fahras's default
        --memory-mb, 2 threads), one commit, then wait for merges
      - SQLite FTS5: `fts5(id UNINDEXED, title, body)`, default unicode61
        tokenizer, every row in one transaction (SQLite is single-threaded)
    The peers read the files with gzip + json.loads in the same child
    process, so reading and parsing are inside their time as they are
    inside fahras's.
 2. Query latency: the same N (500) queries of 1-3 words for every side,
    all words required (AND), top 10 ids + total count:
      - fahras: `fahras search DIR Q --format json --limit 10 --snippets 0`,
        one process per query, wall time of the process (so start-up, index
        open and JSON output are inside; `fahras --version` and a search
        that matches nothing, run after every query, show how much), on
        the --no-extract index (like for like) and on the default index
        (whose hits also carry their entities, officials and directives)
      - fahras in process (with --latency): the search_latency example on
        both indexes, the index opened once, a warm pass over the queries
        and then a timed one; `top10` is the total and the 10 best ids (as
        tantivy-py below), `full hits` what `fahras search` prints
      - tantivy-py: index.parse_query(q, ["title", "body"],
        conjunction_by_default=True), searcher.search(query, 10, count=True),
        stored `id` of the 10 hits; in-process, searcher opened once, a
        warm pass and then a timed one
      - FTS5: `MATCH '"w1" "w2"'` (quoted words, implicit AND):
        count(*) and the 10 best ids by bm25 (ORDER BY rank); in-process,
        a warm pass and then a timed one
    Queries: Arabic words (3+ letters, letters only) of the corpus text,
    sampled with random.Random(7) by frequency, without the 50 most
    frequent words.
 3. Spelling-variant probe: for every row of spelling_variants.tsv, the set
    of documents matching the variant against the set matching the base
    word; recall = share of variants whose set equals the base's (also the
    mean Jaccard overlap of the two sets). fahras (its --no-extract index:
    same analyzer) and FTS5 compare `id`s (limit 100000); tantivy compares
    DocAddresses (1:1 with ids in one index; fetching the stored id of every
    hit would dominate).

Fairness notes: fahras's index is tantivy too; the difference between it and
tantivy-py is the analyzer (Arabic normalization, proclitic handling) plus
what fahras stores and extracts. All three store title and body. fahras's
query latency is reported twice: a CLI process per query, and in process
beside the in-process peers (tantivy-py's time includes its Python call, the
in-process fahras one is a Rust loop). Indexing runs in --runs rounds
(default 5), every side once a round in a rotated order, and each side's
figure is its median round: on a VM whose speed drifts by a third from one
minute to the next, one run a side decides nothing. The load average at
start and end is printed with the numbers.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import math
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ANC = "corpus/arabic_newspapers_corpus/anc_news.jsonl.gz"
SNN = "corpus/saudinewsnet/saudinewsnet_sample.jsonl.gz"
VARIANTS = REPO / "tests/data/spelling_variants.tsv"
THREADS = 2
HEAP_BYTES = 256_000_000  # fahras `index add --memory-mb` default
PROBE_LIMIT = 100_000
TOP = 10
# Arabic letters only: hamza..ghain and feh..yeh (no tatweel U+0640, no marks).
ARABIC_WORD = re.compile(r"^[\u0621-\u063a\u0641-\u064a]{3,}$")
STRIP = re.compile(r"^[^\w]+|[^\w]+$")


def shared_dir() -> Path:
    env = os.environ.get("FAHRAS_SHARED")
    return Path(env) if env else REPO.parent / "shared"


def log(msg: str) -> None:
    print(f"search.py: {msg}", file=sys.stderr, flush=True)


def emit(row: dict, rows: list) -> None:
    rows.append(row)
    print(json.dumps(row, ensure_ascii=False), flush=True)


def read_docs(files):
    """Yield (id, title, text) per JSON line, as fahras reads them (lines
    that are not JSON objects with a string `text`, or whose text is not
    valid UTF-8, are skipped)."""
    for path in files:
        with gzip.open(path, "rb") as fh:
            for raw in fh:
                try:
                    doc = json.loads(raw)
                    text = doc.get("text")
                    if not isinstance(text, str):
                        continue
                    text.encode("utf-8")
                except (ValueError, UnicodeEncodeError, AttributeError):
                    continue
                title = doc.get("title")
                yield str(doc.get("id")), title if isinstance(title, str) else "", text


def version_of(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return "?"


def dir_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def pct(values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    s = sorted(values)
    return s[max(0, math.ceil(q * len(s)) - 1)]


def run_measured(argv: list[str], stdout_path: Path, stderr_path: Path) -> tuple[float, int, int]:
    """Run argv to completion: (wall seconds, peak RSS in KB, exit code)."""
    with open(stdout_path, "wb") as out, open(stderr_path, "wb") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss, proc.returncode  # ru_maxrss is KB on Linux


# --------------------------------------------------------------- peers' indexing
# Run in a child process (`search.py _index ENGINE DIR FILE...`) so that each
# side's time and peak RSS are its own.


def child_index(engine: str, target: str, files: list[str]) -> None:
    t0 = time.perf_counter()
    n = 0
    if engine == "tantivy":
        import tantivy

        sb = tantivy.SchemaBuilder()
        sb.add_text_field("id", stored=True, tokenizer_name="raw")
        sb.add_text_field("title", stored=True)
        sb.add_text_field("body", stored=True)
        index = tantivy.Index(sb.build(), path=target)
        writer = index.writer(heap_size=HEAP_BYTES, num_threads=THREADS)
        for doc_id, title, text in read_docs(files):
            writer.add_document(tantivy.Document(id=doc_id, title=title, body=text))
            n += 1
        writer.commit()
        writer.wait_merging_threads()
    elif engine == "fts5":
        con = sqlite3.connect(target)
        con.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body)")
        with con:  # one transaction
            for row in read_docs(files):
                con.execute("INSERT INTO docs(id, title, body) VALUES (?, ?, ?)", row)
                n += 1
        con.close()
    else:
        raise SystemExit(f"unknown engine {engine}")
    print(json.dumps({"docs": n, "seconds": time.perf_counter() - t0}))


# ------------------------------------------------------------------- searchers


def run_search(argv: list[str]) -> bytes:
    """Run `fahras search`: exit code 0 (hits) or 1 (no hit, like grep)."""
    proc = subprocess.run(argv, capture_output=True)
    if proc.returncode not in (0, 1):
        raise subprocess.CalledProcessError(proc.returncode, argv, proc.stdout, proc.stderr)
    return proc.stdout


class Fahras:
    def __init__(self, binary: str, index: Path):
        self.bin, self.index = binary, str(index)

    def search(self, q: str, limit: int) -> tuple[int, list[str]]:
        res = json.loads(run_search([self.bin, "search", self.index, q, "--format", "json",
                                     "--limit", str(limit), "--snippets", "0"]))
        return res["total"], [h["id"] for h in res["hits"]]

    ids = search


class Tantivy:
    def __init__(self, index: Path):
        import tantivy

        self.index = tantivy.Index.open(str(index))
        self.index.reload()
        self.searcher = self.index.searcher()

    def _query(self, q: str):
        return self.index.parse_query(q, ["title", "body"], conjunction_by_default=True)

    def search(self, q: str, limit: int) -> tuple[int, list[str]]:
        res = self.searcher.search(self._query(q), limit, count=True)
        return res.count, [self.searcher.doc(addr)["id"][0] for _, addr in res.hits]

    def ids(self, q: str, limit: int) -> tuple[int, list]:
        res = self.searcher.search(self._query(q), limit, count=True)
        return res.count, [(a.segment_ord, a.doc) for _, a in res.hits]


class Fts5:
    def __init__(self, db: Path):
        self.con = sqlite3.connect(db)

    @staticmethod
    def _match(q: str) -> str:
        return " ".join('"' + w.replace('"', '""') + '"' for w in q.split())

    def search(self, q: str, limit: int) -> tuple[int, list[str]]:
        m = self._match(q)
        total = self.con.execute("SELECT count(*) FROM docs WHERE docs MATCH ?", (m,)).fetchone()[0]
        ids = [r[0] for r in self.con.execute(
            "SELECT id FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ?", (m, limit))]
        return total, ids

    def ids(self, q: str, limit: int) -> tuple[int, list[str]]:
        ids = [r[0] for r in self.con.execute(
            "SELECT id FROM docs WHERE docs MATCH ? LIMIT ?", (self._match(q), limit))]
        return len(ids), ids


# --------------------------------------------------------------------- queries


def build_queries(files, n: int) -> tuple[list[str], dict]:
    counts: collections.Counter = collections.Counter()
    docs = nbytes = 0
    for _, _, text in read_docs(files):
        docs += 1
        nbytes += len(text.encode("utf-8"))
        for tok in text.split():
            tok = STRIP.sub("", tok)
            if ARABIC_WORD.match(tok):
                counts[tok] += 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[50:]
    words = [w for w, _ in ranked]
    weights = [c for _, c in ranked]
    rng = random.Random(7)
    queries = []
    for _ in range(n):
        k = rng.randint(1, 3)
        picked: list[str] = []
        while len(picked) < k:
            w = rng.choices(words, weights=weights)[0]
            if w not in picked:
                picked.append(w)
        queries.append(" ".join(picked))
    return queries, {"docs": docs, "text_bytes": nbytes, "vocabulary": len(counts)}


def load_variants() -> list[tuple[str, str, str]]:
    rows = []
    for line in VARIANTS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        base, variant, kind = line.split("\t")[:3]
        rows.append((base, variant, kind))
    return rows


# ------------------------------------------------------------------------ main


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "_index":
        child_index(sys.argv[2], sys.argv[3], sys.argv[4:])
        return 0

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fahras", required=True, help="the fahras binary")
    ap.add_argument("--quick", action="store_true", help="anc_news only (2,900 articles)")
    ap.add_argument("--queries", type=int, default=500)
    ap.add_argument("--runs", type=int, default=5,
                    help="indexing rounds; each side's figure is its median round")
    ap.add_argument("--json", help="also write every measurement to this file")
    ap.add_argument("--workdir", help="where the indexes go (default: a temporary directory)")
    ap.add_argument("--latency", metavar="BIN",
                    help="the search_latency example (`cargo build --release -p fahras-bench "
                         "--example search_latency`): also time fahras in process, beside "
                         "the in-process peers")
    ap.add_argument("--write-queries", metavar="FILE",
                    help="write the queries, one a line, for `cargo run --release -p fahras-bench "
                         "--example search_latency -- INDEX FILE` (in-process latency), and stop")
    args = ap.parse_args()

    files = [shared_dir() / ANC] + ([] if args.quick else [shared_dir() / SNN])
    for f in files:
        if not f.is_file():
            log(f"missing {f} (set FAHRAS_SHARED)")
            return 1
    files = [str(f) for f in files]
    corpus_label = "anc" if args.quick else "anc+saudinewsnet"
    if args.write_queries:
        queries, _ = build_queries(files, args.queries)
        Path(args.write_queries).write_text("\n".join(queries) + "\n", encoding="utf-8")
        log(f"wrote {len(queries)} queries to {args.write_queries}")
        return 0

    tmp = None
    if args.workdir:
        work = Path(args.workdir)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="fahras-search-")
        work = Path(tmp.name)

    rows: list[dict] = []
    fahras_version = subprocess.run([args.fahras, "--version"], capture_output=True,
                                    text=True, check=True).stdout.strip()
    versions = {
        "fahras": fahras_version.split()[-1],
        "tantivy": version_of("tantivy"),
        "fts5": "SQLite " + sqlite3.sqlite_version,
        "python": sys.version.split()[0],
    }
    con = sqlite3.connect(":memory:")
    try:
        con.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
        has_fts5 = True
    except sqlite3.OperationalError:
        has_fts5 = False
        log(f"this Python's SQLite {sqlite3.sqlite_version} has no FTS5: skipping it")
    con.close()
    try:
        import tantivy  # noqa: F401
        has_tantivy = True
    except ImportError as err:
        has_tantivy = False
        log(f"tantivy-py not importable ({err}): skipping it")

    log(f"reading {corpus_label} and building {args.queries} queries")
    queries, corpus = build_queries(files, args.queries)
    emit({"measure": "corpus", "corpus": corpus_label, **corpus,
          "queries": len(queries), "versions": versions, "cpus": os.cpu_count(),
          "loadavg_start": [round(x, 2) for x in os.getloadavg()]}, rows)

    # ---- 1. indexing
    sides = [
        ("fahras --no-extract", "fahras", work / "fahras-noextract", ["--no-extract"]),
        ("fahras (extraction)", "fahras", work / "fahras-extract", []),
    ]
    if has_tantivy:
        sides.append(("tantivy-py", "tantivy", work / "tantivy", None))
    if has_fts5:
        sides.append(("SQLite FTS5", "fts5", work / "fts5.db", None))
    # Rounds, each running every side once in a rotated order, so that no
    # side always runs first and a drift of the machine's speed (a third
    # between minutes on this VM) falls on every side alike. Each side's
    # figure is its median round; the per-round ratios are kept too.
    built = {}
    walls: dict[str, list[float]] = {label: [] for label, *_ in sides}
    peak: dict[str, int] = {label: 0 for label, *_ in sides}
    last: dict[str, tuple] = {}
    for rnd in range(args.runs):
        k = rnd % len(sides)
        for label, engine, target, flags in sides[k:] + sides[:k]:
            log(f"indexing, round {rnd + 1}/{args.runs}: {label}")
            out, err = work / "out.txt", work / "err.txt"
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
            if engine == "fahras":
                subprocess.run([args.fahras, "index", "create", str(target)], check=True,
                               capture_output=True)
                argv = [args.fahras, "index", "add", str(target), *files, *flags,
                        "--threads", str(THREADS)]
            else:
                if engine == "tantivy":
                    target.mkdir()
                argv = [sys.executable, __file__, "_index", engine, str(target), *files]
            wall, rss_kb, rc = run_measured(argv, out, err)
            if rc != 0:
                sys.stderr.write(err.read_text(errors="replace"))
                raise SystemExit(f"{label}: exit code {rc}")
            walls[label].append(wall)
            peak[label] = max(peak[label], rss_kb)
            if engine == "fahras":
                tail = err.read_text(errors="replace").strip().splitlines()[-2:]
                if rnd == args.runs - 1:
                    for line in tail:
                        log(f"  fahras: {line}")
                stats = json.loads(subprocess.run(
                    [args.fahras, "index", "stats", str(target), "--format", "json"],
                    check=True, capture_output=True).stdout)
                last[label] = (stats["documents"], None)
            else:
                child = json.loads(out.read_text())
                last[label] = (child["docs"], child["seconds"])
            built[label] = target
    for label, engine, target, _ in sides:
        docs, inner = last[label]
        wall = statistics.median(walls[label])
        emit({"measure": "index", "side": label, "engine": engine,
              "version": versions[engine], "corpus": corpus_label, "docs": docs,
              "text_bytes": corpus["text_bytes"], "seconds": round(wall, 3),
              "runs": [round(w, 3) for w in walls[label]],
              "inner_seconds": None if inner is None else round(inner, 3),
              "docs_per_s": round(docs / wall, 1),
              "mb_per_s": round(corpus["text_bytes"] / wall / 1e6, 3),
              "peak_rss_mb": round(peak[label] * 1024 / 1e6, 1),
              "index_mb": round(dir_mb(target), 1),
              "threads": 1 if engine == "fts5" else THREADS}, rows)

    # ---- 2. query latency
    # fahras on both of its indexes: the text-only one is the like-for-like
    # match for the peers; the default one returns each hit's entities too.
    fahras_text, fahras_ix = built["fahras --no-extract"], built["fahras (extraction)"]
    searchers = [("fahras CLI, text index", Fahras(args.fahras, fahras_text)),
                 ("fahras CLI, default index", Fahras(args.fahras, fahras_ix))]
    if has_tantivy:
        searchers.append(("tantivy-py", Tantivy(built["tantivy-py"])))
    if has_fts5:
        searchers.append(("SQLite FTS5", Fts5(built["SQLite FTS5"])))

    # fahras's fixed cost per process, measured interleaved with its
    # text-index queries (one of each after every query) so that both see
    # the same machine load: `fahras --version` (start-up) and a search that
    # matches nothing (start-up + index open + query parse).
    baselines = {
        "fahras --version": [args.fahras, "--version"],
        "fahras search, no match": [args.fahras, "search", str(fahras_text), "qqqzzz",
                                    "--format", "json", "--snippets", "0"],
    }
    base_times: dict[str, list[float]] = {k: [] for k in baselines}
    for label, s in searchers:
        log(f"{len(queries)} queries: {label}")
        interleave = label == "fahras CLI, text index"
        times, totals = [], []
        if not label.startswith("fahras"):
            # A warm pass, untimed: search_latency warms fahras in process
            # the same way, so the in-process rows compare like for like.
            for q in queries:
                s.search(q, TOP)
        for q in queries:
            t0 = time.perf_counter()
            total, ids = s.search(q, TOP)
            times.append((time.perf_counter() - t0) * 1e3)
            totals.append(total)
            assert len(ids) == min(total, TOP), (label, q, total, ids)
            if interleave:
                for name, argv in baselines.items():
                    t0 = time.perf_counter()
                    run_search(argv)
                    base_times[name].append((time.perf_counter() - t0) * 1e3)
        emit({"measure": "query", "side": label, "queries": len(queries),
              "p50_ms": round(pct(times, 0.5), 3), "p95_ms": round(pct(times, 0.95), 3),
              "mean_ms": round(sum(times) / len(times), 3),
              "zero_hit_queries": sum(t == 0 for t in totals),
              "mean_total": round(sum(totals) / len(totals), 1),
              "in_process": not label.startswith("fahras")}, rows)
        if interleave:
            for name, bt in base_times.items():
                emit({"measure": "baseline", "side": name, "runs": len(bt),
                      "p50_ms": round(pct(bt, 0.5), 3), "p95_ms": round(pct(bt, 0.95), 3)}, rows)

    # fahras in process: the search_latency example over the same queries,
    # a warm pass then a timed one, as the peers above.
    if args.latency:
        qfile = work / "queries.txt"
        qfile.write_text("\n".join(queries) + "\n", encoding="utf-8")
        for ix_label, ix in (("text index", fahras_text), ("default index", fahras_ix)):
            log(f"{len(queries)} queries: fahras in process, {ix_label}")
            proc = subprocess.run([args.latency, str(ix), str(qfile)], check=True,
                                  capture_output=True, text=True)
            for line in proc.stdout.splitlines():
                r = json.loads(line)
                what = {"top10": "", "full": ", full hits"}[r["mode"]]
                emit({"measure": "query", "side": f"fahras in process, {ix_label}{what}",
                      "queries": r["queries"], "p50_ms": r["p50_ms"], "p95_ms": r["p95_ms"],
                      "mean_ms": r["mean_ms"], "zero_hit_queries": r["zero_hit_queries"],
                      "mean_total": r["mean_total"], "in_process": True}, rows)

    # ---- 3. spelling-variant probe
    # The analyzer is the same for both fahras indexes: probe the text one
    # (the default one prints every hit's entities, slow at limit 100000).
    variants = load_variants()
    for label, s in searchers:
        if label == "fahras CLI, default index":
            continue
        log(f"spelling probe ({len(variants)} variants): {label}")
        base_sets: dict[str, set] = {}
        per_kind: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
        misses, errors, jaccard = [], 0, 0.0
        for base, variant, kind in variants:
            if base not in base_sets:
                base_sets[base] = set(s.ids(base, PROBE_LIMIT)[1])
            try:
                got = set(s.ids(variant, PROBE_LIMIT)[1])
            except (ValueError, sqlite3.Error, subprocess.CalledProcessError):
                got, errors = None, errors + 1
            ok = got == base_sets[base]
            if got:
                jaccard += len(got & base_sets[base]) / len(got | base_sets[base])
            per_kind[kind][0] += ok
            per_kind[kind][1] += 1
            if not ok:
                misses.append({"base": base, "variant": variant, "kind": kind,
                               "base_docs": len(base_sets[base]),
                               "variant_docs": None if got is None else len(got)})
        same = sum(v[0] for v in per_kind.values())
        emit({"measure": "spelling", "side": label, "variants": len(variants),
              "bases": len(base_sets), "same_set": same,
              "recall": round(same / len(variants), 4),
              "mean_jaccard": round(jaccard / len(variants), 4),
              "per_kind": {k: {"same": v[0], "of": v[1]} for k, v in per_kind.items()},
              "empty_bases": sum(not b for b in base_sets.values()),
              "errors": errors,
              "misses": misses if label.startswith("fahras") else misses[:20]}, rows)

    emit({"measure": "end", "loadavg_end": [round(x, 2) for x in os.getloadavg()]}, rows)
    if args.json:
        Path(args.json).write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                                   encoding="utf-8")
    summary(rows)
    if tmp is not None:
        tmp.cleanup()
    return 0


def summary(rows: list[dict]) -> None:
    corpus = next(r for r in rows if r["measure"] == "corpus")
    v = corpus["versions"]
    p = print
    p()
    p(f"Search side by side on {corpus['corpus']}: {corpus['docs']:,} articles, "
      f"{corpus['text_bytes'] / 1e6:.1f} MB of text (MB = 10^6 bytes of `text`)")
    p(f"versions: fahras {v['fahras']}, tantivy-py {v['tantivy']}, {v['fts5']} FTS5, "
      f"Python {v['python']}")
    end = next((r for r in rows if r["measure"] == "end"), {})
    p(f"machine: {corpus['cpus']} CPUs; load average (1/5/15 min) at start "
      f"{corpus['loadavg_start']}, at end {end.get('loadavg_end')}")
    p()
    p("1. Indexing (whole process: read .jsonl.gz, parse, index, commit)")
    index = [r for r in rows if r["measure"] == "index"]
    p(f"   median of {len(index[0]['runs'])} round(s), sides in a rotated order each round")
    p(f"{'side':<28}{'threads':>8}{'docs':>8}{'s':>8}{'docs/s':>9}{'MB/s':>8}"
      f"{'peak RSS MB':>13}{'index MB':>10}  rounds (s)")
    for r in index:
        p(f"{r['side']:<28}{r['threads']:>8}{r['docs']:>8,}{r['seconds']:>8.2f}"
          f"{r['docs_per_s']:>9,.0f}{r['mb_per_s']:>8.2f}{r['peak_rss_mb']:>13.0f}"
          f"{r['index_mb']:>10.0f}  {', '.join(f'{w:.2f}' for w in r['runs'])}")
    peer = next((r for r in index if r["engine"] == "tantivy"), None)
    for r in (r for r in index if r["engine"] == "fahras"):
        if peer:
            per = [t / f for t, f in zip(peer["runs"], r["runs"])]
            p(f"  {r['side']} ÷ tantivy-py (speed): {peer['seconds'] / r['seconds']:.2f}x "
              f"of the medians; per round {', '.join(f'{x:.2f}' for x in per)}")
    p()
    q = [r for r in rows if r["measure"] == "query"]
    p(f"2. Query latency: {corpus['queries']} queries of 1-3 words, all words required, "
      f"top {TOP} ids + total")
    p(f"{'side':<52}{'p50 ms':>9}{'p95 ms':>9}{'mean ms':>9}{'0-hit q':>9}{'mean total':>12}")
    for r in q:
        label = r["side"]
        if not label.startswith("fahras in process"):
            label += " (in-process)" if r["in_process"] else " (1 process/query)"
        p(f"{label:<52}{r['p50_ms']:>9.2f}{r['p95_ms']:>9.2f}{r['mean_ms']:>9.2f}"
          f"{r['zero_hit_queries']:>9}{r['mean_total']:>12,.1f}")
    tq = next((r for r in q if r["side"] == "tantivy-py"), None)
    iq = next((r for r in q if r["side"] == "fahras in process, text index"), None)
    if tq and iq:
        p(f"  fahras in process ÷ tantivy-py, p95: {iq['p95_ms'] / tq['p95_ms']:.2f}x "
          f"(p50 {iq['p50_ms'] / tq['p50_ms']:.2f}x); both warm, top {TOP} + total "
          "(tantivy-py's figure includes its Python call)")
    base = {r["side"]: r for r in rows if r["measure"] == "baseline"}
    fq = next((r for r in q if r["side"] == "fahras CLI, text index"), None)
    if base and fq:
        nm = base["fahras search, no match"]["p50_ms"]
        ver = base["fahras --version"]["p50_ms"]
        p(f"  fahras fixed cost per process (p50, interleaved with its text-index queries): "
          f"`fahras --version` {ver:.2f} ms, "
          f"search matching nothing (start + open index) {nm:.2f} ms = "
          f"{100 * nm / fq['p50_ms']:.0f}% of its p50 on the text index.")
        if nm >= 0.5 * fq["p50_ms"]:
            p("  => process start-up and index open DOMINATE the fahras CLI latency"
              + ("; see the in-process rows." if iq else
                 "; an in-process number (--latency) would be far lower."))
        else:
            p("  => start-up and index open are a minority of the fahras CLI latency.")
    p()
    sp = [r for r in rows if r["measure"] == "spelling"]
    if sp:
        kinds = list(sp[0]["per_kind"])
        p(f"3. Spelling-variant probe: {sp[0]['variants']} variants of {sp[0]['bases']} words; "
          "recall = variant matches exactly the base's documents")
        p(f"{'side':<24}{'overall':>9}{'Jaccard':>9}" + "".join(f"{k:>15}" for k in kinds))
        for r in sp:
            cells = "".join(f"{r['per_kind'][k]['same']:>7}/{r['per_kind'][k]['of']:<3}"
                            f"{100 * r['per_kind'][k]['same'] / r['per_kind'][k]['of']:>4.0f}%"
                            for k in kinds)
            p(f"{r['side']:<24}{100 * r['recall']:>8.1f}%{r['mean_jaccard']:>9.3f}{cells}")
        for r in sp:
            if r["empty_bases"] or r["errors"]:
                p(f"  {r['side']}: {r['empty_bases']} base words match nothing, "
                  f"{r['errors']} variant queries failed")
        p("  (Jaccard: mean |variant & base| / |variant | base| over all variants, 0 for no hit)")
        fm = next((r for r in sp if r["side"].startswith("fahras")), None)
        if fm and fm["misses"]:
            p(f"  fahras misses ({len(fm['misses'])}):")
            for m in fm["misses"]:
                p(f"    {m['base']} -> {m['variant']} ({m['kind']}): base {m['base_docs']} docs, "
                  f"variant {m['variant_docs']} docs")
        elif fm:
            p("  fahras: every variant matches exactly its base's documents.")


if __name__ == "__main__":
    sys.exit(main())
