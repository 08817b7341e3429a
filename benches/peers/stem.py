#!/usr/bin/env python3
"""Stemmers side by side: fahras's `stem` profile against ISRI and Snowball.

Driven by run_all.sh, which installs the pinned peers into benches/peers/.venv
and passes the fahras binary:

    python benches/peers/stem.py --fahras target/release/fahras [--runs 3]
                                 [--budget 60] [--json FILE]

Two measurements, one JSON line each on stdout (progress on stderr):

 1. Throughput on corpus-10MB, the exact text peer.py builds (`corpus_text`,
    the input of the criterion bench `analyze/corpus-10MB/stem`, which
    run_all.sh runs for fahras). Each peer tokenizes the whole text with one
    regex (`WORD` below: letters, digits, diacritics and tatweel; neither
    stemmer ships a tokenizer) and stems every token:
      - ISRI: nltk.stem.isri.ISRIStemmer().stem, token by token
      - Snowball Arabic, pure Python: snowballstemmer's ArabicStemmer,
        stemWords on the token list
      - Snowball Arabic, C: PyStemmer's Stemmer("arabic").stemWords (what
        `snowballstemmer.stemmer("arabic")` returns when PyStemmer is
        installed); its stems are compared with the pure-Python ones
    Timed with time.perf_counter around tokenize + stem, import and the
    building of the text excluded; best of --runs, but a side stops
    repeating once its runs have used --budget seconds (the pure-Python
    Snowball takes minutes per pass). The regex tokenization alone is timed
    too.
 2. Variant recall on tests/data/spelling_variants.tsv (`base<TAB>variant<TAB>
    kind`, 621 variants of 50 words): a variant counts when the tool maps it
    to the same key as its base word, and that key is not empty. The key is
    the stem for the stemmers, the normalized tokens joined by a space for
    the CAMeL Tools and PyArabic normalizers (peer.py's pipelines), and the
    `norm` of `fahras tokenize --profile search|stem --format jsonl` (all
    words in one process, one word a line). "Kept apart" guards against a
    stemmer that conflates everything: the 50 base words fall into lemma
    groups once a leading article ال is dropped (الحزب and حزب are one
    group); a group is kept apart when none of its keys is a key of another
    group.

Reads only local files; nothing is downloaded.
"""

from __future__ import annotations

import argparse
import bisect
import collections
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import peer

REPO = Path(__file__).resolve().parents[2]
VARIANTS = REPO / "tests/data/spelling_variants.tsv"
# A word for the stemmers: letters and digits (\w) plus tatweel, the Arabic
# diacritics U+064B-U+0652 and the superscript alef U+0670, which \w leaves out.
WORD = re.compile(r"[\w\u0640\u064B-\u0652\u0670]+")


def log(msg: str) -> None:
    print(f"stem.py: {msg}", file=sys.stderr, flush=True)


def emit(row: dict, rows: list) -> None:
    rows.append(row)
    print(json.dumps(row, ensure_ascii=False), flush=True)


# ------------------------------------------------------------------ the peers


def isri():
    from nltk.stem.isri import ISRIStemmer

    stem = ISRIStemmer().stem
    return (lambda words: [stem(w) for w in words]), stem


def snowball_py():
    from snowballstemmer.arabic_stemmer import ArabicStemmer

    s = ArabicStemmer()
    return s.stemWords, s.stemWord


def snowball_c():
    import Stemmer

    s = Stemmer.Stemmer("arabic")
    return s.stemWords, s.stemWord


# side: (label, distribution for the version, factory, what it does)
STEMMERS = {
    "isri": ("ISRI", "nltk", isri, "nltk.stem.isri.ISRIStemmer().stem per token"),
    "snowball-py": ("Snowball Arabic, pure Python", "snowballstemmer", snowball_py,
                    "snowballstemmer.arabic_stemmer.ArabicStemmer().stemWords"),
    "snowball-c": ("Snowball Arabic, C", "PyStemmer", snowball_c,
                   'Stemmer.Stemmer("arabic").stemWords'),
}


def time_stemmer(stem_words, text: str, runs: int, budget: float) -> tuple[float, int, int, list]:
    """(best seconds, runs done, tokens, stems of the first run)."""
    best, spent, done, first = float("inf"), 0.0, 0, None
    while done < runs and (done == 0 or spent < budget):
        t0 = time.perf_counter()
        stems = stem_words(WORD.findall(text))
        dt = time.perf_counter() - t0
        done += 1
        spent += dt
        best = min(best, dt)
        if first is None:
            first = stems
        elif len(stems) != len(first):
            raise SystemExit("token count changed between runs")
        log(f"  run {done}: {dt:.2f} s")
    if not first or not any(first):
        raise SystemExit("the stemmer produced nothing")
    return best, done, len(first), first


# ---------------------------------------------------------------- the probe


def load_variants() -> list[tuple[str, str, str]]:
    rows = []
    for line in VARIANTS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        base, variant, kind = line.split("\t")[:3]
        rows.append((base, variant, kind))
    return rows


def fahras_keys(binary: str, profile: str, words: list[str]) -> dict[str, str]:
    """`fahras tokenize --profile P --format jsonl` over the words, one a
    line, in one process: word -> its tokens' norms joined by a space ("" when
    the profile drops it, as `stem` drops stop words)."""
    data = "".join(w + "\n" for w in words).encode("utf-8")
    starts, pos = [], 0
    for w in words:
        starts.append(pos)
        pos += len(w.encode("utf-8")) + 1
    with tempfile.NamedTemporaryFile(suffix=".txt") as fh:
        fh.write(data)
        fh.flush()
        proc = subprocess.run([binary, "tokenize", "--profile", profile, "--format", "jsonl",
                               fh.name], capture_output=True, check=False)
    if proc.returncode not in (0, 1):  # 1: no token at all
        sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
        raise SystemExit(f"fahras tokenize exited {proc.returncode}")
    norms: list[list[str]] = [[] for _ in words]
    for line in proc.stdout.decode("utf-8").splitlines():
        if line.strip():
            tok = json.loads(line)
            norms[bisect.bisect_right(starts, tok["byte_start"]) - 1].append(tok["norm"])
    return {w: " ".join(n) for w, n in zip(words, norms)}


def lemma(base: str) -> str:
    return base[2:] if base.startswith("ال") and len(base) > 4 else base


def probe(label: str, keys: dict[str, str], variants) -> dict:
    per_kind: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    misses = []
    for base, variant, kind in variants:
        ok = keys[base] != "" and keys[variant] == keys[base]
        per_kind[kind][0] += ok
        per_kind[kind][1] += 1
        if not ok:
            misses.append([variant, keys[variant], base, keys[base], kind])
    bases = list(dict.fromkeys(b for b, _, _ in variants))
    groups: dict[str, set[str]] = collections.defaultdict(set)
    for b in bases:
        groups[lemma(b)].add(keys[b])
    apart = sum(all(not (ks & other) for g2, other in groups.items() if g2 != g)
                for g, ks in groups.items())
    by_key: dict[str, list[str]] = collections.defaultdict(list)
    for g, ks in groups.items():
        for k in ks:
            by_key[k].append(g)
    merged = {k: gs for k, gs in by_key.items() if len(gs) > 1}
    same = sum(v[0] for v in per_kind.values())
    return {"measure": "probe", "side": label, "variants": len(variants), "same": same,
            "recall": round(same / len(variants), 4),
            "per_kind": {k: {"same": v[0], "of": v[1]} for k, v in per_kind.items()},
            "bases": len(bases), "empty_bases": sum(keys[b] == "" for b in bases),
            "empty_variants": sum(keys[v] == "" for _, v, _ in variants),
            "lemma_groups": len(groups), "kept_apart": apart, "merged": merged,
            "misses": misses[:12], "misses_total": len(misses)}


# --------------------------------------------------------------------- main


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fahras", required=True, help="the fahras binary (for the probe)")
    ap.add_argument("--runs", type=int, default=3, help="best of N timed runs (default 3)")
    ap.add_argument("--budget", type=float, default=60.0,
                    help="stop repeating a side once its runs used this many seconds (default 60)")
    ap.add_argument("--no-throughput", action="store_true", help="the probe only")
    ap.add_argument("--json", type=Path, help="also write every row here (JSON Lines)")
    args = ap.parse_args()
    if args.runs < 1:
        ap.error("--runs must be at least 1")

    rows: list[dict] = []
    available = {}
    for side, (label, dist, make, steps) in STEMMERS.items():
        try:
            available[side] = make()
        except ImportError as err:
            log(f"{label} skipped: {err}")

    # ---- 1. throughput
    if not args.no_throughput:
        text = peer.corpus_text(peer.CORPUS_LIMIT)
        if text is None:
            log(f"no corpus under {peer.shared_dir()}")
            return 1
        nbytes = len(text.encode("utf-8"))
        t0 = time.perf_counter()
        n_words = len(WORD.findall(text))
        tok_s = time.perf_counter() - t0
        emit({"measure": "tokenize", "input": "corpus-10MB", "bytes": nbytes,
              "seconds": round(tok_s, 4), "tokens": n_words, "regex": WORD.pattern}, rows)
        stems_by_side = {}
        for side, (stem_words, _) in available.items():
            label, dist, _, steps = STEMMERS[side]
            log(f"{label}: tokenize + stem corpus-10MB")
            secs, done, tokens, stems = time_stemmer(stem_words, text, args.runs, args.budget)
            stems_by_side[side] = stems
            emit({"measure": "throughput", "side": side, "label": label,
                  "version": peer.version_of(dist), "dist": dist, "input": "corpus-10MB",
                  "bytes": nbytes, "seconds": round(secs, 4),
                  "mb_per_s": round(nbytes / secs / 1e6, 4), "tokens": tokens, "runs": done,
                  "steps": steps}, rows)
        if {"snowball-py", "snowball-c"} <= stems_by_side.keys():
            a, b = stems_by_side["snowball-py"], stems_by_side["snowball-c"]
            differ = sum(x != y for x, y in zip(a, b)) + abs(len(a) - len(b))
            emit({"measure": "snowball-agreement", "tokens": len(a), "differ": differ}, rows)
        del stems_by_side, text

    # ---- 2. variant recall
    variants = load_variants()
    words = list(dict.fromkeys(w for b, v, _ in variants for w in (b, v)))
    log(f"variant probe: {len(variants)} variants, {len(words)} distinct words")
    sides: list[tuple[str, str, dict[str, str]]] = []
    for profile in ("search", "stem"):
        sides.append((f"fahras-{profile}", f"fahras `{profile}` profile",
                      fahras_keys(args.fahras, profile, words)))
    for side, (_, stem_word) in available.items():
        sides.append((side, STEMMERS[side][0], {w: stem_word(w) for w in words}))
    for side, label, make in (("camel-tools", "CAMeL Tools normalizer", peer.camel_line_tokens),
                              ("pyarabic", "PyArabic normalizer", peer.pyarabic_line_tokens)):
        try:
            line_tokens = make()
        except ImportError as err:
            log(f"{label} skipped: {err}")
            continue
        sides.append((side, label, {w: " ".join(line_tokens(w)) for w in words}))
    for side, label, keys in sides:
        row = probe(side, keys, variants)
        row["label"] = label
        emit(row, rows)

    if args.json:
        args.json.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                             encoding="utf-8")
    summary(rows)
    return 0


def summary(rows: list[dict]) -> None:
    p = lambda *a: print(*a, file=sys.stderr)  # noqa: E731  (stdout is the JSON)
    p()
    for r in rows:
        if r["measure"] == "tokenize":
            p(f"regex tokenization alone: {r['seconds']:.2f} s, {r['tokens']:,} tokens")
        elif r["measure"] == "throughput":
            p(f"{r['label']} {r['version']}: {r['mb_per_s']:.3f} MB/s "
              f"({r['seconds']:.2f} s, best of {r['runs']}), {r['tokens']:,} tokens")
        elif r["measure"] == "snowball-agreement":
            p(f"Snowball pure Python vs C: {r['differ']} of {r['tokens']:,} stems differ")
    probes = [r for r in rows if r["measure"] == "probe"]
    if probes:
        kinds = list(probes[0]["per_kind"])
        p(f"{'side':<34}{'recall':>8}" + "".join(f"{k:>14}" for k in kinds) + f"{'apart':>9}")
        for r in probes:
            cells = "".join(f"{r['per_kind'][k]['same']:>10}/{r['per_kind'][k]['of']:<3}"
                            for k in kinds)
            p(f"{r['label']:<34}{100 * r['recall']:>7.1f}%{cells}"
              f"{r['kept_apart']:>5}/{r['lemma_groups']}")


if __name__ == "__main__":
    sys.exit(main())
