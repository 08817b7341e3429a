#!/usr/bin/env python3
"""Write RESULTS.md from the raw outputs of one run_all.sh run.

    python benches/peers/report.py --raw DIR --out benches/peers/RESULTS.md
                                   --started EPOCH --load-start "L1 L5 L15"
                                   [--fahras BIN] [--quick] [--note TEXT]

DIR holds what run_all.sh collected: normalize.json (run.sh --json),
crit-stem.txt (criterion output of analyze/corpus-10MB/stem), stem.jsonl
(stem.py), dates.json (dates.py), search.jsonl (search.py), e2e.jsonl
(e2e.py). A missing file leaves its section saying so. Every figure in the
report comes from these files or from the machine (cores, memory, versions,
git commit, load average, gathered on the first call and kept in
DIR/meta.json, so `report.py --raw DIR --out FILE` rewrites the same report).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
UNITS = {"B/s": 1, "KiB/s": 1024, "MiB/s": 1024**2, "GiB/s": 1024**3,
         "KB/s": 1e3, "MB/s": 1e6, "GB/s": 1e9}
KIND_LABELS = {"teh_marbuta": "teh marbuta", "alef_maqsura": "alef maqsura"}


def criterion_bps(path: Path, name: str) -> float | None:
    """Criterion's middle throughput estimate for bench `name`, in bytes/s."""
    if not path.is_file():
        return None
    seen = False
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if name in line:
            seen = True
        m = re.search(r"thrpt:\s*\[([^\]]*)\]", line)
        if seen and m:
            parts = m.group(1).split()
            if len(parts) == 6 and parts[3] in UNITS:
                return float(parts[2]) * UNITS[parts[3]]
            return None
    return None


def jsonl(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def cmd(argv: list[str], strip: bool = True) -> str:
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.strip() if strip else out


def mbs(x: float) -> str:
    return f"{x:,.1f}" if x >= 10 else f"{x:.2f}" if x >= 0.1 else f"{x:.3f}"


def ratio(a: float | None, b: float | None) -> str:
    if not a or not b:
        return "—"
    r = a / b
    return f"{r:,.0f}×" if r >= 10 else f"{r:.1f}×" if r >= 1 else f"{r:.2f}×"


def frac(same: int, of: int) -> str:
    return f"{same}/{of}"


def pct(x: float) -> str:
    return f"{100 * x:.1f}"


# ------------------------------------------------------------------ sections


def collect_meta(args) -> dict:
    """The machine and the run: read from meta.json in the raw directory when
    it is there (so the report can be rewritten later), else gathered now and
    saved there."""
    path = args.raw / "meta.json"
    if path.is_file():
        return json.loads(path.read_text(encoding="utf-8"))
    mem_gib = None
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        mem_gib = round(kb / 1024**2)
    except (OSError, AttributeError):
        pass
    status = cmd(["git", "-C", str(REPO), "--no-optional-locks", "status", "--porcelain",
                  "--untracked-files=no"], strip=False)
    changed = [line[3:] for line in status.splitlines() if line.strip()]
    if not changed:
        tree = "clean tree"
    elif all(p.startswith("benches/peers/") for p in changed):
        tree = "plus uncommitted benches/peers scripts only"
    else:
        tree = f"plus {len(changed)} uncommitted files outside benches/peers"
    fahras = cmd([args.fahras, "--version"]).split()[-1:] if args.fahras else []
    meta = {
        "started": float(args.started), "finished": time.time(),
        "load_start": [float(x) for x in args.load_start.split()] if args.load_start else None,
        "load_end": [round(x, 2) for x in os.getloadavg()],
        "system": f"{platform.system()} {platform.machine()}", "cores": os.cpu_count(),
        "mem_gib": mem_gib, "python": platform.python_version(),
        "rustc": cmd(["rustc", "--version"]).replace("rustc ", "") or "?",
        "commit": cmd(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"]) or "?",
        "tree": tree, "fahras": fahras[0] if fahras else "?", "quick": args.quick,
        "note": args.note,
    }
    path.write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return meta


def header(meta: dict, out: list[str]) -> None:
    when = dt.datetime.fromtimestamp(meta["started"], dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    minutes = (meta["finished"] - meta["started"]) / 60

    def la(v) -> str:
        return " ".join(f"{x:.2f}" for x in v) if v else "?"

    # The run itself keeps the cores busy, so a 1-minute load average near
    # their number at the end is the run's own; what says more is the load
    # as the run began (the minute before it) and one well above the cores
    # at the end (something ran alongside).
    busy = ""
    start, end = (meta["load_start"] or [None])[0], (meta["load_end"] or [None])[0]
    if start is not None and start >= meta["cores"]:
        busy += (f"The minute before the run was busy (1-minute load average {start:.2f} "
                 "as it started). ")
    if end is not None and end >= meta["cores"] + 1:
        busy += (f"Something else ran alongside it (1-minute load average {end:.2f} at the "
                 f"end, above the run's own {meta['cores']}). ")
    note = (meta.get("note") or "").strip()
    if note and not note.endswith((".", "!", "?")):
        note += "."
    out.append("# Peer benchmarks: results")
    out.append("")
    out.append(f"Written by `benches/peers/run_all.sh{' --quick' if meta['quick'] else ''}` on "
               f"{when}, one run of {minutes:.0f} minutes. Machine: {meta['system']}, "
               f"{meta['cores']} cores, {meta['mem_gib']} GiB, Python {meta['python']}, rustc "
               f"{meta['rustc']}; fahras {meta['fahras']} at commit `{meta['commit']}` "
               f"({meta['tree']}), release build. Load average (1/5/15 min) "
               f"{la(meta['load_start'])} at the start, {la(meta['load_end'])} at the end.")
    out.append("")
    out.append((note + " " if note else "") + busy + "Each figure is one run's (the best of "
               "its passes, or the median of its rounds where a section says so): run-to-run "
               "spread of ±25 % is usual here, so "
               "ratios far above that carry and small ones do not. MB/s is 10^6 bytes of UTF-8 "
               "text per second; \"fahras ÷ peer\" divides fahras's throughput by the peer's "
               "(above 1×: fahras is that many times faster).")
    out.append("")


def normalize_section(raw: Path, out: list[str]) -> dict:
    out.append("## 1. Normalize + tokenize (corpus-10MB)")
    out.append("")
    path = raw / "normalize.json"
    if not path.is_file():
        out.append("Not measured: run.sh failed (see its log).")
        out.append("")
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    f = data["fahras"]["bytes_per_s"]
    peers = [r for r in data["peers"] if r["input"] == "corpus-10MB"]
    nbytes = peers[0]["bytes"] if peers else 9_999_999
    out.append("| side | MB/s | s per pass | tokens | fahras ÷ peer |")
    out.append("| --- | ---: | ---: | ---: | ---: |")
    if f:
        out.append(f"| fahras, `search` profile (criterion `analyze/corpus-10MB/search`) | {mbs(f / 1e6)} "
                   f"| {nbytes / f:.3f} | — | — |")
    else:
        out.append("| fahras, `search` profile | not measured | | | |")
    for r in peers:
        bps = r["mb_per_s"] * 1e6
        name = {"camel-tools": "CAMeL Tools", "pyarabic": "PyArabic"}.get(r["peer"], r["peer"])
        out.append(f"| {name} {r['version']} | {mbs(r['mb_per_s'])} | {r['seconds']:.2f} "
                   f"| {r['tokens']:,} | {ratio(f, bps)} |")
    out.append("")
    runs = peers[0]["runs"] if peers else "?"
    out.append(f"{nbytes:,} bytes; fahras is criterion's middle estimate (10 samples), the peers "
               f"the best of {runs} passes, line by line, as `peer.py` runs them.")
    out.append("")
    return {r["peer"]: r for r in peers} | {"fahras_search_bps": f}


def stem_section(raw: Path, out: list[str], norm: dict) -> None:
    out.append("## 2. Stemmers (corpus-10MB throughput, spelling-variant recall)")
    out.append("")
    rows = jsonl(raw / "stem.jsonl")
    f_stem = criterion_bps(raw / "crit-stem.txt", "corpus-10MB/stem")
    f_search = norm.get("fahras_search_bps")
    thr = {r["side"]: r for r in rows if r["measure"] == "throughput"}
    probes = {r["side"]: r for r in rows if r["measure"] == "probe"}
    if not rows and not f_stem:
        out.append("Not measured: stem.py and the criterion bench failed (see the log).")
        out.append("")
        return
    kinds = list(next(iter(probes.values()))["per_kind"]) if probes else []
    out.append("| side | MB/s | fahras ÷ peer | variant recall | "
               + " | ".join(KIND_LABELS.get(k, k) for k in kinds) + " | words kept apart |")
    out.append("| --- | ---: | ---: | ---: | " + " | ".join("---:" for _ in kinds) + " | ---: |")

    def probe_cells(side: str) -> str:
        p = probes.get(side)
        if not p:
            return " | ".join(["—"] * (len(kinds) + 2))
        cells = [f"{frac(p['same'], p['variants'])} ({pct(p['recall'])} %)"]
        cells += [frac(p["per_kind"][k]["same"], p["per_kind"][k]["of"]) if k in p["per_kind"]
                  else "—" for k in kinds]
        cells.append(frac(p["kept_apart"], p["lemma_groups"]))
        return " | ".join(cells)

    stem_mbs = mbs(f_stem / 1e6) if f_stem else "not measured"
    out.append(f"| fahras `stem` profile (criterion `analyze/corpus-10MB/stem`) | {stem_mbs} | — "
               f"| {probe_cells('fahras-stem')} |")
    search_mbs = mbs(f_search / 1e6) + " (§1)" if f_search else "—"
    out.append(f"| fahras `search` profile (no stemming) | {search_mbs} | — "
               f"| {probe_cells('fahras-search')} |")
    for side in ("isri", "snowball-py", "snowball-c"):
        r = thr.get(side)
        label = {"isri": "ISRI (nltk {v})", "snowball-py": "Snowball Arabic, snowballstemmer {v} "
                 "(pure Python)", "snowball-c": "Snowball Arabic, PyStemmer {v} (C)"}[side]
        if r is None and side not in probes:
            continue
        v = r["version"] if r else "?"
        speed = f"{mbs(r['mb_per_s'])} | {ratio(f_stem, r['mb_per_s'] * 1e6)}" if r else "— | —"
        out.append(f"| {label.format(v=v)} | {speed} | {probe_cells(side)} |")
    for side, name in (("camel-tools", "CAMeL Tools normalizer"), ("pyarabic", "PyArabic normalizer")):
        if side not in probes:
            continue
        n = norm.get(side)
        speed = (f"{mbs(n['mb_per_s'])} (§1) | {ratio(f_search, n['mb_per_s'] * 1e6)} (§1)"
                 if n else "— | —")
        out.append(f"| {name} {n['version'] if n else ''} | {speed} | {probe_cells(side)} |")
    out.append("")
    tok = next((r for r in rows if r["measure"] == "tokenize"), None)
    agree = next((r for r in rows if r["measure"] == "snowball-agreement"), None)
    notes = []
    if thr:
        runs = ", ".join(f"{r['label']} {r['runs']}" for r in thr.values())
        notes.append(f"Peers: regex tokenization plus stemming of every token, best of the runs "
                     f"done ({runs}); fahras ÷ peer against the `stem` profile")
    if tok:
        notes.append(f"the regex alone takes {tok['seconds']:.2f} s for {tok['tokens']:,} tokens")
    if agree:
        notes.append(f"Snowball C and pure Python differ on {agree['differ']:,} of "
                     f"{agree['tokens']:,} stems")
    p0 = next(iter(probes.values()), None)
    if p0:
        notes.append(f"recall over {p0['variants']} variants of {p0['bases']} words (key not "
                     f"empty and equal to the base word's); kept apart: lemma groups (article "
                     "ال dropped) that share no key with another group")
    merges = [f"{r['label']}: " + ", ".join(f"{'+'.join(gs)} → {k}" for k, gs in r["merged"].items())
              for r in probes.values() if r.get("merged")]
    if merges:
        notes.append("groups merged (judge for yourself: some are one word family) — "
                     + "; ".join(merges))
    empties = [f"{r['label']} {r['empty_variants']}" for r in probes.values() if r["empty_variants"]]
    if empties:
        notes.append("empty keys (word dropped, e.g. as a stop word): " + ", ".join(empties))
    if notes:
        out.append("; ".join(notes) + ".")
        out.append("")


def dates_section(raw: Path, out: list[str]) -> None:
    out.append("## 3. Dates: fahras vs dateparser")
    out.append("")
    path = raw / "dates.json"
    if not path.is_file():
        out.append("Not measured: run_dates.sh failed (see its log).")
        out.append("")
        return
    rows = json.loads(path.read_text(encoding="utf-8"))
    out.append("| dataset | system | ref | pred | rel. P | rel. R | rel. F1 | exact F1 | value acc. "
               "| MB/s | fahras ÷ peer |")
    out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        fahras = next((x for x in rows if x["dataset"] == r["dataset"] and x["system"] == "fahras"),
                      None)
        v = r["value"]
        value = f"{pct(v['accuracy'])} ({v['correct']}/{v['matched']})" if r["score_values"] else "—"
        rat = ratio(fahras["mb_per_s"], r["mb_per_s"]) if fahras and r["system"] != "fahras" else "—"
        out.append(f"| {r['dataset']} ({r['docs']} docs) | {r['system']} {r['version']} | {r['gold']} "
                   f"| {r['pred']} | {pct(r['relaxed']['p'])} | {pct(r['relaxed']['r'])} "
                   f"| {pct(r['relaxed']['f1'])} | {pct(r['exact']['f1'])} | {value} "
                   f"| {mbs(r['mb_per_s'])} | {rat} |")
    out.append("")
    runs = rows[0]["runs"] if rows else "?"
    checks = {r["check"] for r in rows if r.get("check")}
    out.append(f"Percentages. Best of {runs}: fahras as one whole `extract --kinds DATE` process "
               "(start-up included, so its MB/s is a floor), dateparser `search_dates` in-process. "
               "Value accuracy: correct/relaxed-matched, gold only. Scorer cross-check with "
               f"`fahras eval`: {'; '.join(sorted(checks)) or 'skipped'}.")
    out.append("")


def search_section(raw: Path, out: list[str]) -> None:
    out.append("## 4. Indexing and search: fahras vs tantivy-py vs SQLite FTS5")
    out.append("")
    rows = jsonl(raw / "search.jsonl")
    if not rows:
        out.append("Not measured: run_search.sh failed (see its log).")
        out.append("")
        return
    corpus = next(r for r in rows if r["measure"] == "corpus")
    index = [r for r in rows if r["measure"] == "index"]
    query = {r["side"]: r for r in rows if r["measure"] == "query"}
    spell = {r["side"]: r for r in rows if r["measure"] == "spelling"}
    base = {r["side"]: r for r in rows if r["measure"] == "baseline"}
    fahras_ix = next((r for r in index if r["side"] == "fahras --no-extract"), None)
    qside = {"fahras --no-extract": "fahras CLI, text index",
             "fahras (extraction)": "fahras CLI, default index"}
    out.append("| side | threads | index MB/s | fahras ÷ peer | peak RSS MB | index MB "
               "| query p50 ms | query p95 ms | variant recall |")
    out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in index:
        q = query.get(qside.get(r["side"], r["side"]))
        s = spell.get(qside.get(r["side"], r["side"]))
        if r["engine"] == "fahras":
            label = {"fahras --no-extract": "fahras, `--no-extract` index"}.get(
                r["side"], "fahras, default index (with extraction)")
        elif r["engine"] == "fts5":
            label = f"SQLite FTS5 ({r['version'].replace('SQLite ', '')})"
        else:
            label = f"{r['side']} {r['version']}"
        rat = "—" if r["engine"] == "fahras" else ratio(fahras_ix["mb_per_s"] if fahras_ix else None,
                                                        r["mb_per_s"])
        recall = f"{frac(s['same_set'], s['variants'])} ({pct(s['recall'])} %)" if s else "—"
        lat = f"{q['p50_ms']:.2f} | {q['p95_ms']:.2f}" if q else "— | —"
        out.append(f"| {label} | {r['threads']} | {mbs(r['mb_per_s'])} | {rat} "
                   f"| {r['peak_rss_mb']:.0f} | {r['index_mb']:.0f} | {lat} | {recall} |")
    out.append("")
    runs = len(index[0].get("runs", [None])) if index else 1
    notes = [f"{corpus['docs']:,} articles, {corpus['text_bytes'] / 1e6:.1f} MB of text "
             f"({corpus['corpus']}); indexing is one whole process per side, the median of "
             f"{runs} round(s) that run every side once in a rotated order; fahras ÷ peer "
             "compares the `--no-extract` index (like for like)",
             f"{corpus['queries']} queries of 1–3 words, all required, top 10 + total; in this "
             "table fahras is one CLI process per query, the peers warm in-process searchers "
             "(in process, side by side: below)"]
    if base:
        v, nm = base.get("fahras --version"), base.get("fahras search, no match")
        if v and nm:
            notes.append(f"fahras's fixed cost per process: `fahras --version` p50 {v['p50_ms']:.2f} ms, "
                         f"a search matching nothing {nm['p50_ms']:.2f} ms")
    if spell:
        s0 = next(iter(spell.values()))
        notes.append(f"variant recall: of {s0['variants']} spelling variants of {s0['bases']} words, "
                     "those matching exactly the base word's documents (fahras probed on the "
                     "`--no-extract` index, same analyzer as the default one)")
    out.append("; ".join(notes) + ".")
    out.append("")
    peer = next((r for r in index if r["engine"] == "tantivy" and r.get("runs")), None)
    if peer:
        for r in (r for r in index if r["engine"] == "fahras" and r.get("runs")):
            per = ", ".join(f"{t / f:.2f}×" for t, f in zip(peer["runs"], r["runs"]))
            out.append(f"- {r['side']} ÷ tantivy-py, round by round: {per} "
                       f"(seconds: {', '.join(f'{w:.2f}' for w in r['runs'])} against "
                       f"{', '.join(f'{w:.2f}' for w in peer['runs'])}).")
        out.append("")
    inproc = [r for r in query.values() if r["in_process"]]
    tq = query.get("tantivy-py")
    if any(r["side"].startswith("fahras") for r in inproc):
        out.append("Query latency in process, every side warm (a pass over the queries, then "
                   "the timed one):")
        out.append("")
        out.append("| side | p50 ms | p95 ms | mean ms | p95 ÷ tantivy-py | 0-hit queries "
                   "| mean total |")
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for r in inproc:
            rel = f"{r['p95_ms'] / tq['p95_ms']:.2f}×" if tq and tq["p95_ms"] else "—"
            out.append(f"| {r['side']} | {r['p50_ms']:.2f} | {r['p95_ms']:.2f} "
                       f"| {r['mean_ms']:.2f} | {rel} | {r['zero_hit_queries']} "
                       f"| {r['mean_total']:,.1f} |")
        out.append("")
        out.append("fahras in process is the `search_latency` example (a Rust loop over "
                   "`Index::top_ids`, or `Index::search` for full hits with passages, entities "
                   "and officials); tantivy-py's time includes its Python call. A mean total "
                   "that differs between sides is a difference of analyzers: fahras matches "
                   "spelling variants and proclitics.")
        out.append("")


def e2e_section(raw: Path, out: list[str]) -> None:
    out.append("## 5. fahras extract end to end (all entity kinds)")
    out.append("")
    rows = jsonl(raw / "e2e.jsonl")
    ext = [r for r in rows if r["measure"] == "extract"]
    if not ext:
        out.append("Not measured: e2e.py failed (see the log).")
        out.append("")
        return
    r0 = ext[0]
    one = next((r for r in ext if r["threads"] == 1), None)
    out.append("| threads | s | MB/s | docs/s | peak RSS MB | docs out | entities | vs 1 thread |")
    out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in ext:
        label = (f"`--threads {r['threads']}`" if r["threads"] is not None
                 else "no `--threads` flag at this commit")
        vs = ratio(r["mb_per_s"], one["mb_per_s"]) if one and r is not one else "—"
        out.append(f"| {label} | {r['seconds']:.2f} | {mbs(r['mb_per_s'])} | {r['docs_per_s']:,.0f} "
                   f"| {r['peak_rss_mb']:.0f} | {r['output_lines']:,} | {r['entities']:,} | {vs} |")
    out.append("")
    how = "`-o FILE`" if r0["output_flag"] else "standard output redirected to a file"
    note = (f"`fahras extract {' '.join(r0['files'])}`: {r0['docs']:,} articles, "
            f"{r0['text_bytes'] / 1e6:.1f} MB of text, JSON Lines out ({how}, "
            f"{r0['output_mb']:.0f} MB); one whole process, best of {r0['runs']}; "
            "docs/s counts the articles read.")
    if r0.get("stderr_last_line"):
        note += f" fahras's own last line: \"{r0['stderr_last_line']}\"."
    cmp_row = next((r for r in rows if r["measure"] == "extract-compare"), None)
    if cmp_row:
        note += (" Output on 2 threads " + ("identical to 1 thread." if cmp_row["identical"] else
                 "the same lines as 1 thread, in another order." if cmp_row["same_lines"] else
                 "DIFFERS from 1 thread."))
    two = next((r for r in ext if r["threads"] == 2), None)
    if two and "loadavg_start" in two:
        la = two["loadavg_start"][0], two["loadavg_end"][0]
        if max(la) >= two["cpus"]:
            note += (f" The 1-minute load average was {la[0]:.2f} before and {la[1]:.2f} after the "
                     f"2-thread runs, on {two['cpus']} cores: the second thread shared a core "
                     "with other work.")
    if not r0["threads_flag"]:
        note += (" `fahras extract --help` lists no `--threads` at the commit measured, so one "
                 "configuration was run without the flag and there is no 2-thread/1-thread ratio.")
    out.append(note)
    out.append("")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--raw", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--started", default="0", help="epoch seconds at the start of the run")
    ap.add_argument("--load-start", default="?")
    ap.add_argument("--fahras", help="the fahras binary measured (for its version)")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--note", default="", help="a sentence on the machine for the header")
    args = ap.parse_args()

    out: list[str] = []
    header(collect_meta(args), out)
    norm = normalize_section(args.raw, out)
    stem_section(args.raw, out, norm)
    dates_section(args.raw, out)
    search_section(args.raw, out)
    e2e_section(args.raw, out)
    out.append("## How to reproduce")
    out.append("")
    out.append("`./benches/peers/run_all.sh` from a checkout with `../shared` beside it (or "
               "`FAHRAS_SHARED`), on an otherwise idle machine; `CARGO_TARGET_DIR` is honoured. "
               "It installs the pinned peers into `benches/peers/.venv`, builds "
               "`fahras-cli` and the criterion bench, runs everything above and rewrites this "
               "file; `benches/peers/README.md` says what each part measures.")
    args.out.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"report.py: wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
