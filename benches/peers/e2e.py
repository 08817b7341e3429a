#!/usr/bin/env python3
"""fahras extract end to end on the shared news, on 1 and 2 threads.

Driven by run_all.sh:

    python benches/peers/e2e.py --fahras target/release/fahras [--runs 3]
                                [--quick] [--json FILE]

Runs `fahras extract FILES [--threads N]` over the two files search.py
indexes (anc_news and the saudinewsnet sample; anc_news only with --quick),
all entity kinds, JSON Lines out to a temporary file (`-o FILE` when
`extract --help` lists it, standard output redirected to the file
otherwise). `--threads 1` and `--threads 2` are measured when `extract
--help` lists `--threads`; otherwise one configuration without the flag,
and the row says so. Each configuration: one whole process (start, gunzip,
JSON parsing, extraction, output) writing a new file, best of --runs by wall
time with the configurations taking turns run by run, peak RSS
from wait4(2); exit code 3 (some input skipped) counts as a run. MB is 10^6 bytes of the documents' UTF-8 `text` fields, as
in search.py. The outputs of the configurations are compared (byte for
byte, and as sorted lines).

Reads only local files; nothing is downloaded.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import search


def log(msg: str) -> None:
    print(f"e2e.py: {msg}", file=sys.stderr, flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fahras", required=True, help="the fahras binary")
    ap.add_argument("--runs", type=int, default=3, help="best of N runs (default 3)")
    ap.add_argument("--quick", action="store_true", help="anc_news only (2,900 articles)")
    ap.add_argument("--json", type=Path, help="also write every row here (JSON Lines)")
    args = ap.parse_args()
    if args.runs < 1:
        ap.error("--runs must be at least 1")

    files = [search.shared_dir() / search.ANC]
    if not args.quick:
        files.append(search.shared_dir() / search.SNN)
    for f in files:
        if not f.is_file():
            log(f"missing {f} (set FAHRAS_SHARED)")
            return 1
    files = [str(f) for f in files]
    docs = nbytes = 0
    for _, _, text in search.read_docs(files):
        docs += 1
        nbytes += len(text.encode("utf-8"))

    helptext = subprocess.run([args.fahras, "extract", "--help"], capture_output=True,
                              text=True, check=True).stdout
    has_threads = "--threads" in helptext
    has_output = "--output" in helptext or "-o," in helptext
    version = subprocess.run([args.fahras, "--version"], capture_output=True, text=True,
                             check=True).stdout.split()[-1]
    configs = [1, 2] if has_threads else [None]
    if not has_threads:
        log("`fahras extract --help` lists no --threads: measuring without the flag")

    rows = []
    outputs = {}
    with tempfile.TemporaryDirectory(prefix="fahras-e2e.") as tmpdir:
        tmp = Path(tmpdir)
        best = {t: (float("inf"), 0, 0, "") for t in configs}
        load_start = [round(x, 2) for x in os.getloadavg()]
        # The thread counts take turns (1, 2, 1, 2, ...): a VM's speed drifts
        # by 10-20 % over minutes, and runs of one count back to back would
        # put that drift into their ratio.
        for k in range(args.runs):
            for threads in configs:
                out = tmp / f"x{threads or 0}.jsonl"
                # Each run writes a new file: replacing the last run's output
                # costs the file system 15-20 ms of freeing blocks, which is
                # not extraction and no thread count shortens.
                out.unlink(missing_ok=True)
                argv = [args.fahras, "extract", *files]
                if threads is not None:
                    argv += ["--threads", str(threads)]
                if has_output:
                    argv += ["-o", str(out)]
                stdout_path = tmp / "stdout" if has_output else out
                wall, rss_kb, rc = search.run_measured(argv, stdout_path, tmp / "stderr")
                errtext = (tmp / "stderr").read_text(errors="replace")
                if rc not in (0, 3):  # 3: some input was skipped (it says so)
                    sys.stderr.write(errtext)
                    raise SystemExit(f"{' '.join(argv)}: exit code {rc}")
                log(f"threads={threads or 'default'} run {k + 1}/{args.runs}: {wall:.2f} s, "
                    f"peak RSS {rss_kb / 1024:.0f} MiB")
                if wall < best[threads][0]:
                    tail = errtext.strip().splitlines()[-1:] or [""]
                    best[threads] = (wall, rss_kb, rc, tail[0])
        for threads in configs:
            wall, rss_kb, rc, tail = best[threads]
            out = tmp / f"x{threads or 0}.jsonl"
            data = out.read_bytes()
            lines = data.splitlines()
            entities = sum(len(json.loads(line).get("entities", [])) for line in lines if line)
            outputs[threads] = (hashlib.sha256(data).hexdigest(),
                                hashlib.sha256(b"\n".join(sorted(lines))).hexdigest())
            row = {"measure": "extract", "threads": threads, "threads_flag": has_threads,
                   "output_flag": has_output, "version": version,
                   "files": [Path(f).name for f in files], "docs": docs, "text_bytes": nbytes,
                   "seconds": round(wall, 3), "runs": args.runs,
                   "mb_per_s": round(nbytes / wall / 1e6, 3),
                   "docs_per_s": round(docs / wall, 1),
                   "peak_rss_mb": round(rss_kb * 1024 / 1e6, 1),
                   "output_lines": len(lines), "entities": entities,
                   "output_mb": round(len(data) / 1e6, 1), "exit_code": rc,
                   "stderr_last_line": tail, "cpus": os.cpu_count(),
                   "loadavg_start": load_start,
                   "loadavg_end": [round(x, 2) for x in os.getloadavg()]}
            rows.append(row)
            print(json.dumps(row), flush=True)
    if len(outputs) == 2:
        (a, a_sorted), (b, b_sorted) = outputs.values()
        row = {"measure": "extract-compare", "identical": a == b, "same_lines": a_sorted == b_sorted}
        rows.append(row)
        print(json.dumps(row), flush=True)
    if args.json:
        args.json.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
