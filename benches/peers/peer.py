#!/usr/bin/env python3
"""Peer side of the side-by-side benchmark: CAMeL Tools (and PyArabic).

Builds the exact input the fahras criterion bench measures
(`fahras_bench::corpus_text(10_000_000)` in `benches/src/lib.rs`) and times a
search-style normalization + word tokenization with each peer library.
Prints one JSON line per (peer, input). Reads only local files.

    python benches/peers/peer.py [--runs 3] [--input corpus|seeds|all]

Each peer normalizes and tokenizes line by line (`text.split("\\n")`), the
way a CAMeL Tools or PyArabic user feeds a file to these functions; for
CAMeL Tools the result is the same as one call on the whole string (the
tokenizer splits on whitespace), for PyArabic it also keeps its tokenizer
from emitting the newlines as tokens.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from pathlib import Path

CORPUS_LIMIT = 10_000_000
REPO = Path(__file__).resolve().parents[2]


def shared_dir() -> Path:
    """`../shared` beside the repository (`FAHRAS_SHARED` overrides it)."""
    env = os.environ.get("FAHRAS_SHARED")
    return Path(env) if env else REPO.parent / "shared"


def corpus_text(limit: int) -> str | None:
    """Mirror of the Rust `corpus_text`: the first `limit` UTF-8 bytes (cut
    back to a char boundary) of the corpus texts joined by blank lines."""
    path = shared_dir() / "corpus/arabic_newspapers_corpus/anc_news.jsonl.gz"
    if not path.is_file():
        return None
    parts: list[bytes] = []
    size = 0
    with gzip.open(path, "rb") as fh:
        for raw in fh:
            # BufRead::lines drops "\n" and then one "\r".
            if raw.endswith(b"\n"):
                raw = raw[:-1]
                if raw.endswith(b"\r"):
                    raw = raw[:-1]
            line = raw.decode("utf-8")  # Rust gives up on invalid UTF-8 too
            try:
                doc = json.loads(line)
                text = doc.get("text") if isinstance(doc, dict) else None
                # serde_json rejects lone surrogate escapes: skip such lines.
                data = text.encode("utf-8") if isinstance(text, str) else None
            except (ValueError, UnicodeEncodeError):
                continue
            if data is None:
                continue
            if parts:
                parts.append(b"\n\n")
                size += 2
            parts.append(data)
            size += len(data)
            if size >= limit:
                out = b"".join(parts)
                cut = limit
                while cut < len(out) and (out[cut] & 0xC0) == 0x80:
                    cut -= 1
                return out[:cut].decode("utf-8")
    return b"".join(parts).decode("utf-8")


def seeds_text() -> str | None:
    """The seed articles, sorted by file name, joined by blank lines."""
    folder = shared_dir() / "seeds"
    if not folder.is_dir():
        return None
    files = sorted(p for p in folder.iterdir() if p.is_file())
    return "\n\n".join(p.read_text(encoding="utf-8") for p in files) or None


def camel_line_tokens():
    """CAMeL Tools' normalize + tokenize of one line (also used by stem.py)."""
    from camel_tools.tokenizers.word import simple_word_tokenize
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
        normalize_unicode,
    )

    def line_tokens(line: str) -> list[str]:
        s = normalize_unicode(line)
        s = dediac_ar(s)
        s = normalize_alef_ar(s)
        s = normalize_alef_maksura_ar(s)
        s = normalize_teh_marbuta_ar(s)
        return simple_word_tokenize(s)

    return line_tokens


def pyarabic_line_tokens():
    """PyArabic's normalize + tokenize of one line (also used by stem.py)."""
    from pyarabic import araby

    def line_tokens(line: str) -> list[str]:
        s = araby.strip_tashkeel(line)
        s = araby.strip_tatweel(s)
        s = araby.normalize_ligature(s)
        s = araby.normalize_alef(s)
        s = araby.normalize_hamza(s, method="tasheel")
        s = araby.normalize_teh(s)
        return araby.tokenize(s)

    return line_tokens


def per_line(line_tokens):
    """Run a one-line pipeline over every line of a text; count the tokens."""

    def run(text: str) -> int:
        n = 0
        for line in text.split("\n"):
            n += len(line_tokens(line))
        return n

    return run


def camel_pipeline():
    return per_line(camel_line_tokens())


def pyarabic_pipeline():
    return per_line(pyarabic_line_tokens())


PEERS = {
    "camel-tools": (
        "camel_tools",
        camel_pipeline,
        "normalize_unicode(NFKC) > dediac_ar > normalize_alef_ar > "
        "normalize_alef_maksura_ar > normalize_teh_marbuta_ar > "
        "simple_word_tokenize",
    ),
    "pyarabic": (
        "pyarabic",
        pyarabic_pipeline,
        "strip_tashkeel > strip_tatweel > normalize_ligature > normalize_alef "
        "> normalize_hamza(tasheel) > normalize_teh > tokenize",
    ),
}


def version_of(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return "?"


def bench(run, text: str, runs: int) -> tuple[float, int]:
    best = float("inf")
    tokens = -1
    for _ in range(runs):
        t0 = time.perf_counter()
        n = run(text)
        dt = time.perf_counter() - t0
        if tokens not in (-1, n):
            raise SystemExit(f"token count changed between runs: {tokens} != {n}")
        tokens = n
        best = min(best, dt)
    return best, tokens


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3, help="best of N timed runs (default 3)")
    ap.add_argument("--input", choices=["corpus", "seeds", "all"], default="all")
    ap.add_argument("--peer", choices=[*PEERS, "all"], default="all")
    args = ap.parse_args()
    if args.runs < 1:
        ap.error("--runs must be at least 1")

    inputs = []
    if args.input in ("corpus", "all"):
        text = corpus_text(CORPUS_LIMIT)
        if text is None:
            print(f"peer.py: no corpus under {shared_dir()}", file=sys.stderr)
        else:
            inputs.append(("corpus-10MB", text))
    if args.input in ("seeds", "all"):
        text = seeds_text()
        if text is None:
            print(f"peer.py: no seeds under {shared_dir()}", file=sys.stderr)
        else:
            inputs.append(("seeds", text))
    if not inputs:
        return 1

    measured = 0
    for peer, (dist, make, steps) in PEERS.items():
        if args.peer not in ("all", peer):
            continue
        try:
            run = make()
        except ImportError as err:
            print(f"peer.py: {peer} skipped: {err}", file=sys.stderr)
            continue
        for label, text in inputs:
            nbytes = len(text.encode("utf-8"))
            seconds, tokens = bench(run, text, args.runs)
            if tokens <= 0:
                raise SystemExit(f"{peer} produced no tokens on {label}")
            row = {
                "peer": peer,
                "version": version_of(dist),
                "input": label,
                "bytes": nbytes,
                "seconds": round(seconds, 6),
                "mb_per_s": round(nbytes / seconds / 1e6, 3),
                "tokens": tokens,
                "runs": args.runs,
                "unit": "line",
                "steps": steps,
            }
            print(json.dumps(row, ensure_ascii=False), flush=True)
            measured += 1
    return 0 if measured else 1


if __name__ == "__main__":
    sys.exit(main())
