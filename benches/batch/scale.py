#!/usr/bin/env python3
"""Scale run of `fahras extract` (or, with --index, of `fahras index add` and
`fahras search`): about 1 GB of JSON Lines (the shared news repeated, each copy
with its own ids and a line that tells the copies apart, so none is a
duplicate) with broken lines mixed in at known places.

Checks that the error report lists exactly the broken lines, and measures
throughput and the peak RSS of the fahras process (from wait4). With --index
it builds an index of the same input (entities extracted, the default), checks
that it holds every readable document, and times queries against it.

    python3 benches/batch/scale.py [--gb 1.0] [--threads 2] [--index] [--fahras target/release/fahras]

The input is written to a temporary directory (or --workdir) and removed at
the end; nothing from ../shared is kept.
"""

import argparse
import gzip
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
SHARED = Path(os.environ.get("FAHRAS_SHARED", REPO.parent / "shared"))
FILES = [
    SHARED / "corpus/arabic_newspapers_corpus/anc_news.jsonl.gz",
    SHARED / "corpus/saudinewsnet/saudinewsnet_sample.jsonl.gz",
]

# Kinds of breakage a crawl produces; each is a whole line.
BROKEN = [
    b'{"id": "cut", "text": "\xd9\x82\xd8\xb1\xd8\xb1 \xd8\xa7\xd9\x84',  # cut JSON (and UTF-8)
    b"\x00\x00\x1f\x8b binary \xff\xfe\x00 junk",  # binary
    b'{"id": "nojson" "text": "x"}',  # not JSON
    b'{"id": "notext"}',  # no text
    b'{"id": "bad", "text": "\xd9\x82\xd8\xb1\xd8\xb1 \xff \xd8\xa7\xd9\x84\xd8\xad\xd8\xb2\xd8\xa8"}',  # damaged UTF-8
    b'["a", "list"]',  # JSON, not a document
]


def docs():
    for f in FILES:
        with gzip.open(f, "rt", encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                yield {k: d[k] for k in ("id", "title", "text", "published", "date") if k in d}


def build(path, target_bytes, every, seed=7):
    """Write the input; return (text bytes, documents, broken line numbers)."""
    rng = random.Random(seed)
    base = list(docs())
    broken, lineno, size, n, copy = [], 0, 0, 0, 0
    with open(path, "wb") as out:
        while size < target_bytes:
            copy += 1
            for d in base:
                d = dict(d, id=f"{d['id']}#{copy}", text=f"{d['text']}\n(نسخة {copy})")
                line = json.dumps(d, ensure_ascii=False).encode() + b"\n"
                out.write(line)
                lineno += 1
                n += 1
                size += len(line)
                if rng.randrange(every) == 0:
                    out.write(rng.choice(BROKEN) + b"\n")
                    lineno += 1
                    broken.append(lineno)
                if size >= target_bytes:
                    break
    return size, n, broken


def run(cmd):
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    secs = time.perf_counter() - start
    err = p.stderr.read().decode(errors="replace")
    return os.waitstatus_to_exitcode(status), secs, usage.ru_maxrss / 1024, err


# Queries a researcher types: words, a phrase, a field, a date range, a facet.
QUERIES = [
    ["الأمين العام"],
    ["وزير الخارجية"],
    ['"مجلس الوزراء"'],
    ["الحكومة", "--from", "2015-01-01", "--to", "2015-12-31"],
    ["اجتماع", "--kind", "directive"],
    ["الرياض", "--facets", "org,year"],
    ["امين"],
    ["انتخابات OR الانتخابات"],
]


def index_run(a, tmp, src, size, n, broken):
    """Index the input with bounded memory, then query it. Returns the exit code."""
    index = tmp / "index"
    subprocess.run([a.fahras, "index", "create", str(index)], check=True, capture_output=True)
    errors = tmp / "errors.jsonl"
    code, secs, rss, err = run([a.fahras, "index", "add", str(index), str(src), "--quiet",
                                "--threads", str(a.threads), "--errors", str(errors)])
    listed = [json.loads(l) for l in errors.read_text().splitlines()]
    skipped = sorted(r["line"] for r in listed if r["problem"] == "skipped")
    stats = json.loads(subprocess.run([a.fahras, "index", "stats", str(index), "--format", "json"],
                                      check=True, capture_output=True).stdout)
    disk = sum(f.stat().st_size for f in index.rglob("*") if f.is_file())
    print(f"indexed {stats.get('documents')} documents in {secs:.0f} s, peak RSS {rss:.0f} MB, "
          f"exit code {code}", file=sys.stderr)
    latencies, totals = [], []
    for q in QUERIES:
        for _ in range(3):
            start = time.perf_counter()
            p = subprocess.Popen([a.fahras, "search", str(index), *q, "--format", "json",
                                  "--limit", "10"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            out, qerr = p.communicate()
            latencies.append((time.perf_counter() - start) * 1000)
            if p.returncode != 0:
                print(f"query {q} failed: {qerr.decode(errors='replace')}", file=sys.stderr)
                return 1
        totals.append({"query": " ".join(q), "total": json.loads(out)["total"]})
    latencies.sort()
    result = {
        "input_gb": round(size / 1e9, 3),
        "documents": n,
        "indexed": stats.get("documents"),
        "broken_lines": len(broken),
        "report_lists_exactly_the_broken_lines": skipped == broken,
        "exit_code": code,
        "threads": a.threads,
        "seconds": round(secs, 1),
        "input_mb_per_s": round(size / 1e6 / secs, 1),
        "peak_rss_mb": round(rss, 1),
        "index_gb": round(disk / 1e9, 2),
        "query_ms_p50": round(latencies[len(latencies) // 2], 1),
        "query_ms_max": round(latencies[-1], 1),
        "queries": totals,
    }
    print(json.dumps(result, indent=1, ensure_ascii=False))
    if err.strip():
        print(err, file=sys.stderr)
    ok = skipped == broken and stats.get("documents") == n and code == 3
    return 0 if ok else 1


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gb", type=float, default=1.0)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--every", type=int, default=5000, help="one broken line per this many documents, on average")
    ap.add_argument("--fahras", default=str(REPO / "target/release/fahras"))
    ap.add_argument("--workdir", default=None)
    ap.add_argument("--index", action="store_true",
                    help="index the input and query it instead of extracting to a file")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=a.workdir, prefix="fahras-scale.") as tmp:
        tmp = Path(tmp)
        src = tmp / "big.jsonl"
        t = time.perf_counter()
        size, n, broken = build(src, int(a.gb * 1e9), a.every)
        print(f"input: {size / 1e9:.2f} GB, {n} documents, {len(broken)} broken lines "
              f"(written in {time.perf_counter() - t:.0f} s)", file=sys.stderr)
        if a.index:
            sys.exit(index_run(a, tmp, src, size, n, broken))
        errors = tmp / "errors.jsonl"
        cmd = [a.fahras, "extract", str(src), "--quiet", "--threads", str(a.threads),
               "--errors", str(errors), "--output", str(tmp / "out.jsonl")]
        code, secs, rss, err = run(cmd)
        listed = [json.loads(l) for l in errors.read_text().splitlines()]
        skipped = sorted(r["line"] for r in listed if r["problem"] == "skipped")
        written = sum(1 for _ in open(tmp / "out.jsonl", "rb"))
        result = {
            "input_gb": round(size / 1e9, 3),
            "documents": n,
            "written": written,
            "broken_lines": len(broken),
            "report_lists_exactly_the_broken_lines": skipped == broken,
            "duplicates_reported": sum(1 for r in listed if r["problem"] == "duplicate"),
            "other_report_lines": sum(1 for r in listed if r["problem"] not in ("skipped", "duplicate")),
            "exit_code": code,
            "threads": a.threads,
            "seconds": round(secs, 1),
            "input_mb_per_s": round(size / 1e6 / secs, 1),
            "peak_rss_mb": round(rss, 1),
        }
        print(json.dumps(result, indent=1))
        if err.strip():
            print(err, file=sys.stderr)
        dups = sum(1 for r in listed if r["problem"] == "duplicate")
        ok = skipped == broken and written == n - dups and code == 3
        sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
