"""Python extraction against the CLI on the whole shared news corpus (issue 8's figures).

    FAHRAS_BIN=target/release/fahras python benches/python/bench_extract.py [--shared ../shared]

Prints: CLI seconds (one thread, `fahras extract --format jsonl`), `extract_batch`
on 1 and 2 threads (batches of 1,000, results kept as Documents then dropped),
the Python/CLI ratio, the 2-thread speedup, and peak RSS of this process.
Timings are the best of `--repeat` runs; run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import tempfile
import time
from pathlib import Path

import fahras


def news(shared: Path) -> list[dict]:
    docs = []
    for name in ("arabic_newspapers_corpus/anc_news.jsonl.gz", "saudinewsnet/saudinewsnet_sample.jsonl.gz"):
        with gzip.open(shared / "corpus" / name, "rt", encoding="utf-8") as f:
            docs.extend(json.loads(line) for line in f if line.strip())
    return docs


def best(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[3] / "shared")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--batch", type=int, default=1000)
    args = ap.parse_args()
    docs = news(args.shared)
    texts = [d["text"] for d in docs]
    ids = [str(d["id"]) for d in docs]
    mb = sum(len(t.encode()) for t in texts) / 1e6
    print(f"{len(texts)} documents, {mb:.1f} MB")

    fahras_bin = os.environ.get("FAHRAS_BIN", "target/release/fahras")
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as f:
        for i, t in zip(ids, texts):
            f.write(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n")
        feed = f.name
    try:
        def run_cli() -> None:
            subprocess.run([fahras_bin, "extract", "--format", "jsonl", feed], stdout=subprocess.DEVNULL, check=True)

        cli = best(args.repeat, run_cli)
    finally:
        os.unlink(feed)

    ex = fahras.Extractor()

    def run_py(n: int) -> None:
        total = 0
        for s in range(0, len(texts), args.batch):
            out = ex.extract_batch(texts[s : s + args.batch], ids=ids[s : s + args.batch], n_threads=n)
            total += sum(len(d) for d in out)
        assert total > 0

    one = best(args.repeat, lambda: run_py(1))
    two = best(args.repeat, lambda: run_py(2))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"cli (1 thread)          {cli:6.2f} s  {mb / cli:5.1f} MB/s")
    print(f"extract_batch 1 thread  {one:6.2f} s  {mb / one:5.1f} MB/s  ({one / cli - 1:+.0%} vs cli)")
    print(f"extract_batch 2 threads {two:6.2f} s  {mb / two:5.1f} MB/s  (speedup {one / two:.2f}x)")
    print(f"peak RSS (python)       {rss:6.0f} MB")


if __name__ == "__main__":
    main()
