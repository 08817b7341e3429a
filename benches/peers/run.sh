#!/usr/bin/env bash
# Side-by-side benchmark: fahras (criterion, `analyze/corpus-10MB/search`)
# against CAMeL Tools and PyArabic (benches/peers/peer.py) on the same 10 MB
# of news text. Works from any directory:
#
#   ./benches/peers/run.sh [--runs N] [--peers-only] [--json FILE]
#
# --json FILE also writes the summary (fahras's criterion estimate and the
# peers' rows) as one JSON object, for run_all.sh.
#
# The peers live in benches/peers/.venv (git-ignored), created on first use
# from PyPI with pinned versions. Environment: PYTHON (interpreter used to
# create the venv, >= 3.11), FAHRAS_SHARED (the shared data directory).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="$here/.venv"

runs=3
peers_only=0
json_out=""
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
        --runs=*) runs="${1#--runs=}"; shift ;;
        --peers-only) peers_only=1; shift ;;
        --json) json_out="${2:?--json needs a file}"; shift 2 ;;
        --json=*) json_out="${1#--json=}"; shift ;;
        -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run.sh: unknown argument: $1" >&2; exit 2 ;;
    esac
done

# camel-tools' declared dependencies (torch, transformers, scikit-learn, ...)
# serve its models; camel_tools.utils.{normalize,dediac} and
# camel_tools.tokenizers.word import only six, emoji and regex. So every
# package is pinned here and installed with --no-deps.
CAMEL_PINS=(camel-tools==1.6.0 six==1.17.0 emoji==2.16.0 regex==2026.11.15)
PYARABIC_PINS=(pyarabic==0.6.15)

script=run.sh
# shellcheck source=venv.sh
source "$here/venv.sh"
pip_install() {
    "$vpy" -m pip install --quiet --disable-pip-version-check --no-deps "$@"
}
echo "==> installing peers: ${CAMEL_PINS[*]} ${PYARABIC_PINS[*]}" >&2
pip_install "${CAMEL_PINS[@]}"
if ! pip_install "${PYARABIC_PINS[@]}"; then
    echo "run.sh: warning: PyArabic could not be installed; measuring CAMeL Tools only" >&2
fi

out="$(mktemp -d "${TMPDIR:-/tmp}/fahras-peers.XXXXXX")"
trap 'rm -rf "$out"' EXIT

crit_log="$out/criterion.txt"
if [ "$peers_only" -eq 0 ]; then
    echo "==> cargo bench -p fahras-bench --bench analyze -- corpus-10MB/search" >&2
    (cd "$repo" && cargo bench -p fahras-bench --bench analyze -- corpus-10MB/search) 2>&1 \
        | tee "$crit_log" >&2
fi

echo "==> peer.py --runs $runs" >&2
PYTHONDONTWRITEBYTECODE=1 "$vpy" "$here/peer.py" --runs "$runs" | tee "$out/peers.jsonl" >&2

# Summary. Criterion prints `thrpt:  [low mid high]` with binary units
# (MiB/s); MB/s below is 10^6 bytes per second, as peer.py reports.
"$vpy" - "$crit_log" "$out/peers.jsonl" "$json_out" <<'PY'
import json
import re
import sys

crit_path, peers_path, json_path = sys.argv[1], sys.argv[2], sys.argv[3]
UNITS = {"B/s": 1, "KiB/s": 1024, "MiB/s": 1024**2, "GiB/s": 1024**3,
         "KB/s": 1e3, "MB/s": 1e6, "GB/s": 1e9}

fahras = None
fahras_range = None
try:
    lines = open(crit_path, encoding="utf-8").read().splitlines()
except FileNotFoundError:
    lines = []
seen = False
for line in lines:
    if "corpus-10MB/search" in line:
        seen = True
    m = re.search(r"thrpt:\s*\[([^\]]*)\]", line)
    if seen and m:
        parts = m.group(1).split()
        if len(parts) == 6 and parts[3] in UNITS:
            fahras = float(parts[2]) * UNITS[parts[3]]  # middle estimate
            fahras_range = [float(parts[0]) * UNITS[parts[1]], fahras,
                            float(parts[4]) * UNITS[parts[5]]]
        break

rows = [json.loads(row) for row in open(peers_path, encoding="utf-8") if row.strip()]
corpus = [r for r in rows if r["input"] == "corpus-10MB"]

print()
print("Side-by-side on corpus-10MB (10,000,000-byte cut of the Arabic Newspapers Corpus)")
print(f"{'side':<28}{'MB/s':>10}{'MiB/s':>10}{'fahras is':>14}")
if fahras is not None:
    print(f"{'fahras (search profile)':<28}{fahras / 1e6:>10.1f}{fahras / 1024**2:>10.1f}{'':>14}")
elif lines:
    print("fahras: no `thrpt:` line for corpus-10MB/search in the criterion output", file=sys.stderr)
for r in corpus:
    bps = r["mb_per_s"] * 1e6
    ratio = f"{fahras / bps:,.0f}x faster" if fahras is not None else "-"
    label = f"{r['peer']} {r['version']}"
    print(f"{label:<28}{bps / 1e6:>10.2f}{bps / 1024**2:>10.2f}{ratio:>14}")
for r in corpus:
    print(f"  {r['peer']}: {r['tokens']:,} tokens, best of {r['runs']} runs ({r['seconds']:.2f} s), per {r['unit']}")
if json_path:
    with open(json_path, "w", encoding="utf-8") as fh:
        json.dump({"fahras": {"bench": "analyze/corpus-10MB/search", "bytes_per_s": fahras,
                              "thrpt_low_mid_high": fahras_range},
                   "peers": rows}, fh, ensure_ascii=False, indent=1)
if not corpus:
    sys.exit("no peer measured the corpus")
if fahras is None and lines:
    sys.exit(1)
PY
