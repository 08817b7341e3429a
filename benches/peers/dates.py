#!/usr/bin/env python3
"""Dates side by side: fahras `extract --kinds DATE` against Python dateparser.

Runs both on the same documents and scores them against the same annotations:

- `gold`: `corpus-sample/gold.jsonl` (31 articles, the project's own gold;
  DATE entities with char offsets and ISO 8601 values; `published` known for
  most articles);
- `timeml`: `shared/corpus/heideltime_arabic_news_timeml/Corpus_test/*.tml`
  (silver: HeidelTime's TIMEX3 tags; the two byte-identical pairs are kept
  once; TIMEX3 of type DATE and TIME are the reference spans, DURATION and SET
  are left out; no document creation time, so values are not scored).

dateparser: `dateparser.search.search_dates(text, languages=["ar"],
settings={"RELATIVE_BASE": published})` per document (RELATIVE_BASE only
when the article's date is known), timed in-process, best of N runs, import
time reported apart. It returns (substring, datetime) pairs without offsets;
each substring is located in the text left to right from a cursor, so
repeated substrings map to successive occurrences.

fahras: one `fahras extract --kinds DATE FILE.jsonl` process over a temporary
JSONL of {"id", "text", "published"} documents, timed as a whole process
(start-up included), best of N runs.

Scoring (the same rules as `fahras eval`): per document, relaxed matches are
a maximum one-to-one matching of overlapping spans (Kuhn's augmenting paths,
equal spans tried first); exact matches need the same start and end. Value
accuracy is over relaxed-matched pairs, gold corpus only; see `value_ok` for
the rule. Prints a markdown table to stdout; progress goes to stderr.

    python benches/peers/dates.py [--runs 3] [--dataset gold|timeml|all]
                                  [--fahras target/release/fahras] [--json FILE]

Reads only local files; nothing is downloaded.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TIMEML_DIR = "corpus/heideltime_arabic_news_timeml/Corpus_test"


def shared_dir() -> Path:
    """`../shared` beside the repository (`FAHRAS_SHARED` overrides it)."""
    env = os.environ.get("FAHRAS_SHARED")
    return Path(env) if env else REPO.parent / "shared"


# --------------------------------------------------------------------------
# Data


@dataclass
class Doc:
    id: str
    text: str
    published: str | None  # YYYY-MM-DD
    gold: list[tuple[int, int, str | None]]  # (start, end, value), char offsets


@dataclass
class Dataset:
    name: str
    source: str
    docs: list[Doc]
    score_values: bool
    note: str = ""

    @property
    def nbytes(self) -> int:
        return sum(len(d.text.encode("utf-8")) for d in self.docs)


def day_prefix(stamp) -> str | None:
    """`published` as fahras reads it: YYYY-MM-DD, or a timestamp starting with one."""
    if not isinstance(stamp, str):
        return None
    m = re.match(r"\d{4}-\d{2}-\d{2}", stamp)
    return m.group(0) if m else None


def load_gold(path: Path) -> Dataset:
    docs = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            d = json.loads(line)
            text = d["text"]
            gold = []
            for e in d.get("entities", []):
                if e.get("kind") != "DATE":
                    continue
                s, t = e["start"], e["end"]
                if "text" in e and text[s:t] != e["text"]:
                    raise SystemExit(f"{path}: {d['id']}: span {s}-{t} is not {e['text']!r}")
                gold.append((s, t, e.get("value")))
            docs.append(Doc(d["id"], text, day_prefix(d.get("published")), gold))
    return Dataset("gold", str(path.relative_to(REPO)), docs, score_values=True)


def timeml_doc(path: Path, types: set[str]) -> Doc:
    """Text and TIMEX3 spans of one TimeML file: the text is everything inside
    <TimeML> with the tags stripped (XML entities decoded), then trimmed of
    surrounding whitespace and a leading BOM; offsets are shifted to match."""
    root = ET.fromstring(path.read_bytes())  # expat: the DTD is not fetched
    parts: list[str] = []
    spans = []
    pos = 0

    def add(s: str | None) -> None:
        nonlocal pos
        if s:
            parts.append(s)
            pos += len(s)

    def walk(el: ET.Element) -> None:
        add(el.text)
        for child in el:
            start = pos
            walk(child)
            if child.tag == "TIMEX3" and child.get("type") in types:
                spans.append((start, pos, child.get("value")))
            add(child.tail)

    walk(root)
    raw = "".join(parts)
    lead = len(raw) - len(raw.lstrip("\ufeff \t\r\n"))
    text = raw.strip("\ufeff \t\r\n")
    gold = [(s - lead, e - lead, v) for s, e, v in spans]
    for s, e, _ in gold:
        assert 0 <= s < e <= len(text), (path, s, e)
    return Doc(path.stem, text, None, gold)


def load_timeml(folder: Path, types: set[str]) -> Dataset:
    def natural(p: Path):
        return [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", p.name)]

    files = sorted(folder.glob("*.tml"), key=natural)
    seen: dict[str, str] = {}
    docs, dupes = [], []
    for p in files:
        digest = hashlib.sha256(p.read_bytes()).hexdigest()
        if digest in seen:
            dupes.append(f"{p.name}={seen[digest]}")
            continue
        seen[digest] = p.name
        docs.append(timeml_doc(p, types))
    note = f"{len(files)} files, byte-identical dropped: {', '.join(dupes) or 'none'}"
    return Dataset("timeml", f"shared/{TIMEML_DIR}", docs, score_values=False, note=note)


# --------------------------------------------------------------------------
# Matching and scoring (mirrors crates/fahras-core/src/eval/matching.rs)


def overlaps(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def relaxed_pairs(gold, pred) -> list[tuple[int, int]]:
    """Maximum one-to-one matching of overlapping spans (Kuhn's augmenting
    paths), as (gold, pred) index pairs. Exact partners are tried first so
    value accuracy compares a gold span with its exact counterpart."""
    cands = []
    for g in gold:
        c = [j for j, p in enumerate(pred) if overlaps(g[:2], p[:2])]
        c.sort(key=lambda j: (tuple(pred[j][:2]) != tuple(g[:2]), tuple(pred[j][:2])))
        cands.append(c)
    owner: list[int | None] = [None] * len(pred)

    def augment(g: int, seen: list[bool]) -> bool:
        for j in cands[g]:
            if seen[j]:
                continue
            seen[j] = True
            if owner[j] is None or augment(owner[j], seen):
                owner[j] = g
                return True
        return False

    for g in range(len(gold)):
        augment(g, [False] * len(pred))
    return sorted((g, j) for j, g in enumerate(owner) if g is not None)


def exact_count(gold, pred) -> int:
    """One-to-one pairs of equal spans: the size of the multiset intersection."""
    from collections import Counter

    a = Counter((s, e) for s, e, *_ in gold)
    b = Counter((s, e) for s, e, *_ in pred)
    return sum((a & b).values())


DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _bounds(v: str) -> tuple[str, str] | None:
    """First and last day covered by YYYY, YYYY-MM or YYYY-MM-DD."""
    m = PARTIAL.match(v)
    if not m:
        return None
    y, mo, d = m.groups()
    if d:
        return v, v
    if mo:
        y, mo = int(y), int(mo)
        nxt = dt.date(y + (mo == 12), mo % 12 + 1, 1)
        return f"{y:04d}-{mo:02d}-01", (nxt - dt.timedelta(days=1)).isoformat()
    return f"{y}-01-01", f"{y}-12-31"


def value_ok(gold: str | None, pred: str | None) -> bool:
    """The value rule, the same for both systems (dateparser's value is always
    its datetime's date(), YYYY-MM-DD):

    - equal strings are right (both null too);
    - a predicted day YYYY-MM-DD is right against gold YYYY-MM or YYYY when
      it starts with it (dateparser fills in a day and month it was not told),
      and against a gold interval A/B when A <= day <= B, with partial ends
      widened (2021-04/2021-05 is 2021-04-01..2021-05-31);
    - anything else is wrong: a null gold value (nothing fixed by the text)
      against any value, a coarser prediction against a finer gold value.
    """
    if gold == pred:
        return True
    if gold is None or pred is None or not DAY.match(pred):
        return False
    if "/" in gold:
        a, _, b = gold.partition("/")
        lo, hi = _bounds(a), _bounds(b)
        return bool(lo and hi) and lo[0] <= pred <= hi[1]
    if PARTIAL.match(gold) and not DAY.match(gold):
        return pred.startswith(gold + "-")
    return False


@dataclass
class Score:
    gold: int = 0
    pred: int = 0
    relaxed_tp: int = 0
    exact_tp: int = 0
    matched: int = 0
    value_ok: int = 0
    value_strict: int = 0

    def add(self, gold, pred) -> None:
        pairs = relaxed_pairs(gold, pred)
        self.gold += len(gold)
        self.pred += len(pred)
        self.relaxed_tp += len(pairs)
        self.exact_tp += exact_count(gold, pred)
        self.matched += len(pairs)
        self.value_ok += sum(value_ok(gold[g][2], pred[p][2]) for g, p in pairs)
        self.value_strict += sum(gold[g][2] == pred[p][2] for g, p in pairs)

    @staticmethod
    def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def as_dict(self) -> dict:
        rp, rr, rf = self.prf(self.relaxed_tp, self.pred, self.gold)
        ep, er, ef = self.prf(self.exact_tp, self.pred, self.gold)
        return {
            "gold": self.gold,
            "pred": self.pred,
            "relaxed": {"tp": self.relaxed_tp, "p": rp, "r": rr, "f1": rf},
            "exact": {"tp": self.exact_tp, "p": ep, "r": er, "f1": ef},
            "value": {
                "matched": self.matched,
                "correct": self.value_ok,
                "accuracy": self.value_ok / self.matched if self.matched else 0.0,
                "correct_strict": self.value_strict,
            },
        }


# --------------------------------------------------------------------------
# The systems


@dataclass
class Run:
    system: str
    version: str
    preds: dict[str, list[tuple[int, int, str | None]]]
    seconds: float  # best of the timed runs
    runs: int
    extra: dict = field(default_factory=dict)


def version_of(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return "?"


def find(text: str, sub: str, start: int) -> tuple[int, int] | None:
    """The first occurrence of `sub` in `text` at or after `start`; failing
    that, the first where `sub`'s whitespace runs match any whitespace run
    (search_dates joins a date written across a line break with a space)."""
    if not sub.strip():
        return None
    i = text.find(sub, start)
    if i >= 0:
        return i, i + len(sub)
    pattern = r"\s+".join(re.escape(part) for part in sub.split())
    m = re.compile(pattern).search(text, start)
    return (m.start(), m.end()) if m else None


def locate(text: str, found) -> tuple[list, int]:
    """Char spans for search_dates' (substring, datetime) pairs, left to right.
    A substring not found after the cursor is looked for from the start of
    the text; one found nowhere is dropped and counted."""
    spans, cursor, lost = [], 0, 0
    for sub, when in found or ():
        span = find(text, sub, cursor) or find(text, sub, 0)
        if span is None:
            lost += 1
            continue
        spans.append((*span, when.date().isoformat()))
        cursor = span[1]
    return spans, lost


def run_dateparser(ds: Dataset, runs: int, import_seconds: float) -> Run:
    from dateparser.search import search_dates

    def once():
        out, lost, errors = {}, 0, 0
        for d in ds.docs:
            settings = {}
            if d.published:
                settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(d.published)
            try:
                found = search_dates(d.text, languages=["ar"], settings=settings)
            except Exception as err:  # count, do not abort the benchmark
                print(f"dates.py: dateparser failed on {d.id}: {err!r}", file=sys.stderr)
                found, errors = None, errors + 1
            spans, n = locate(d.text, found)
            out[d.id] = spans
            lost += n
        return out, lost, errors

    best, first, times = float("inf"), None, []
    for k in range(runs):
        t0 = time.perf_counter()
        res = once()
        secs = time.perf_counter() - t0
        times.append(secs)
        best = min(best, secs)
        if first is None:
            first = res
        elif res[0] != first[0]:
            raise SystemExit(f"dateparser output changed between runs on {ds.name}")
        print(f"  dateparser {ds.name} run {k + 1}/{runs}: {secs:.2f} s", file=sys.stderr)
    preds, lost, errors = first
    return Run("dateparser", version_of("dateparser"), preds, best, runs,
               {"import_seconds": import_seconds, "first_run_seconds": times[0],
                "unlocated": lost, "errors": errors})


def fahras_version(binary: Path) -> str:
    try:
        out = subprocess.run([str(binary), "--version"], capture_output=True, text=True, timeout=30)
        return out.stdout.strip().split()[-1] if out.returncode == 0 and out.stdout.strip() else "?"
    except (OSError, subprocess.SubprocessError):
        return "?"


def run_fahras(ds: Dataset, runs: int, binary: Path, tmp: Path) -> Run:
    path = tmp / f"{ds.name}.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for d in ds.docs:
            row = {"id": d.id, "text": d.text}
            if d.published:
                row["published"] = d.published
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    cmd = [str(binary), "extract", "--kinds", "DATE", str(path)]
    best, first, notes = float("inf"), None, ""
    for k in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True)
        secs = time.perf_counter() - t0
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
            raise SystemExit(f"dates.py: {' '.join(cmd)} exited {proc.returncode}")
        best = min(best, secs)
        if first is None:
            first = proc.stdout
            notes = proc.stderr.decode("utf-8", "replace").strip()
        elif proc.stdout != first:
            raise SystemExit(f"fahras output changed between runs on {ds.name}")
        print(f"  fahras {ds.name} run {k + 1}/{runs}: {secs:.3f} s", file=sys.stderr)
    if notes:
        print(f"  fahras stderr: {notes}", file=sys.stderr)
    preds: dict[str, list] = {}
    for line in first.decode("utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        preds[row["id"]] = [
            (e["start"], e["end"], e.get("value"))
            for e in row.get("entities", [])
            if e.get("kind") == "DATE"
        ]
    missing = [d.id for d in ds.docs if d.id not in preds]
    if missing:
        print(f"  fahras: no output line for {len(missing)} documents", file=sys.stderr)
    return Run("fahras", fahras_version(binary), preds, best, runs,
               {"stderr": notes, "missing_docs": len(missing)})


def score(ds: Dataset, run: Run) -> Score:
    s = Score()
    for d in ds.docs:
        s.add(d.gold, sorted(run.preds.get(d.id, [])))
    return s


def cross_check(ds: Dataset, run: Run, binary: Path, tmp: Path, mine: Score) -> str:
    """Score the same predictions with `fahras eval` and compare span counts."""
    gold_path, pred_path = tmp / f"check-{ds.name}-gold.jsonl", tmp / f"check-{ds.name}-pred.jsonl"
    with open(gold_path, "w", encoding="utf-8") as g, open(pred_path, "w", encoding="utf-8") as p:
        for d in ds.docs:
            ents = [{"kind": "DATE", "start": s, "end": e, "value": None} for s, e, _ in d.gold]
            g.write(json.dumps({"id": d.id, "text": d.text, "entities": ents}, ensure_ascii=False) + "\n")
            ents = [{"kind": "DATE", "start": s, "end": e, "value": None}
                    for s, e, _ in run.preds.get(d.id, [])]
            p.write(json.dumps({"id": d.id, "entities": ents}) + "\n")
    proc = subprocess.run([str(binary), "eval", "--gold", str(gold_path), "--pred", str(pred_path),
                           "--format", "json"], capture_output=True, text=True)
    if proc.returncode != 0:
        return f"fahras eval exited {proc.returncode}: {proc.stderr.strip()[:200]}"
    rows = [k for k in json.loads(proc.stdout).get("kinds", []) if k["kind"] == "DATE"]
    if not rows:
        theirs = (len([1 for d in ds.docs for _ in d.gold]), 0, 0, 0)
    else:
        k = rows[0]
        theirs = (k["gold"], k["predicted"], k["exact"]["true_positives"],
                  k["relaxed"]["true_positives"])
    ours = (mine.gold, mine.pred, mine.exact_tp, mine.relaxed_tp)
    if theirs != ours:
        return f"MISMATCH with fahras eval (gold, pred, exact tp, relaxed tp): ours {ours}, fahras eval {theirs}"
    return "agrees with fahras eval"


# --------------------------------------------------------------------------


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3, help="best of N timed runs (default 3)")
    ap.add_argument("--dataset", choices=["gold", "timeml", "all"], default="all")
    ap.add_argument("--fahras", type=Path, default=REPO / "target/release/fahras",
                    help="the fahras binary (default target/release/fahras)")
    ap.add_argument("--timex-types", default="DATE,TIME",
                    help="TIMEX3 types that count as reference spans (default DATE,TIME)")
    ap.add_argument("--json", type=Path, help="also write the raw results here")
    ap.add_argument("--no-check", action="store_true",
                    help="skip the cross-check of span counts with `fahras eval`")
    args = ap.parse_args()
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    if not args.fahras.is_file():
        ap.error(f"no fahras binary at {args.fahras} (cargo build --release -p fahras-cli)")

    datasets = []
    if args.dataset in ("gold", "all"):
        datasets.append(load_gold(REPO / "corpus-sample/gold.jsonl"))
    if args.dataset in ("timeml", "all"):
        folder = shared_dir() / TIMEML_DIR
        if folder.is_dir():
            types = {t.strip().upper() for t in args.timex_types.split(",") if t.strip()}
            datasets.append(load_timeml(folder, types))
        else:
            print(f"dates.py: no TimeML corpus under {folder}; skipped", file=sys.stderr)

    t0 = time.perf_counter()
    import dateparser.search  # noqa: F401  (timed apart from the runs)
    import_seconds = time.perf_counter() - t0

    results = []
    with tempfile.TemporaryDirectory(prefix="fahras-dates.") as tmpdir:
        tmp = Path(tmpdir)
        for ds in datasets:
            print(f"==> {ds.name}: {len(ds.docs)} docs, {ds.nbytes:,} bytes, "
                  f"{sum(len(d.gold) for d in ds.docs)} reference spans"
                  + (f" ({ds.note})" if ds.note else ""), file=sys.stderr)
            for run in (run_fahras(ds, args.runs, args.fahras, tmp),
                        run_dateparser(ds, args.runs, import_seconds)):
                sc = score(ds, run)
                check = "" if args.no_check else cross_check(ds, run, args.fahras, tmp, sc)
                if check:
                    print(f"  {run.system} {ds.name}: scorer {check}", file=sys.stderr)
                results.append({
                    "dataset": ds.name, "source": ds.source, "docs": len(ds.docs),
                    "bytes": ds.nbytes, "system": run.system, "version": run.version,
                    "seconds": run.seconds, "runs": run.runs,
                    "docs_per_s": len(ds.docs) / run.seconds,
                    "mb_per_s": ds.nbytes / run.seconds / 1e6,
                    "score_values": ds.score_values, **sc.as_dict(),
                    "check": check, **run.extra,
                })

    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print_table(results, args.runs)
    return 0 if results else 1


def print_table(results: list[dict], runs: int) -> None:
    def pct(x: float) -> str:
        return f"{100 * x:.1f}"

    print("| dataset | system | ref | pred | rel. P | rel. R | rel. F1 | exact F1 "
          "| value acc. | time (s) | docs/s | MB/s |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in results:
        v = r["value"]
        value = f"{pct(v['accuracy'])} ({v['correct']}/{v['matched']})" if r["score_values"] else "—"
        print(f"| {r['dataset']} ({r['docs']} docs) | {r['system']} {r['version']} "
              f"| {r['gold']} | {r['pred']} | {pct(r['relaxed']['p'])} | {pct(r['relaxed']['r'])} "
              f"| {pct(r['relaxed']['f1'])} | {pct(r['exact']['f1'])} | {value} "
              f"| {r['seconds']:.3f} | {r['docs_per_s']:,.1f} | {r['mb_per_s']:.3f} |")
    print()
    for r in results:
        if r["system"] == "dateparser":
            print(f"- dateparser on {r['dataset']}: first run {r['first_run_seconds']:.2f} s, "
                  f"import {r['import_seconds']:.2f} s (not in the timings), "
                  f"{r['unlocated']} substrings not found in the text, {r['errors']} errors")
        elif r["score_values"]:
            v = r["value"]
            print(f"- fahras on {r['dataset']}: value accuracy by plain equality "
                  f"(`fahras eval`'s rule): {v['correct_strict']}/{v['matched']}")
        if r["system"] == "fahras" and r.get("stderr"):
            print(f"- fahras on {r['dataset']}, stderr: {r['stderr']}")
    print(f"- times: best of {runs}; fahras as one whole process (start-up included), "
          "dateparser in-process; MB/s = 10^6 bytes of UTF-8 text per second")
    # The bar: fahras ahead on recall, precision and speed.
    for name in dict.fromkeys(r["dataset"] for r in results):
        by = {r["system"]: r for r in results if r["dataset"] == name}
        if set(by) != {"fahras", "dateparser"}:
            continue
        f, d = by["fahras"], by["dateparser"]
        checks = [
            ("recall", f["relaxed"]["r"], d["relaxed"]["r"], pct),
            ("precision", f["relaxed"]["p"], d["relaxed"]["p"], pct),
            ("speed (docs/s)", f["docs_per_s"], d["docs_per_s"], lambda x: f"{x:,.1f}"),
        ]
        verdict = "; ".join(f"{label} {'yes' if a > b else 'NO'} ({fmt(a)} vs {fmt(b)})"
                            for label, a, b, fmt in checks)
        print(f"- fahras ahead on {name}: {verdict}")


if __name__ == "__main__":
    sys.exit(main())
