#!/usr/bin/env bash
# Every peer benchmark in one run, written up in benches/peers/RESULTS.md:
#   1. normalize + tokenize: fahras vs CAMeL Tools and PyArabic (run.sh)
#   2. stemmers: fahras's `stem` profile vs ISRI (nltk) and Snowball Arabic
#      (snowballstemmer, PyStemmer): throughput and variant recall (stem.py)
#   3. dates: fahras vs dateparser (run_dates.sh)
#   4. indexing and search: fahras vs tantivy-py and SQLite FTS5 (run_search.sh)
#   5. fahras extract end to end on the shared news, 1 and 2 threads (e2e.py)
# Works from any directory:
#
#   ./benches/peers/run_all.sh [--runs N] [--quick] [--no-build]
#                              [--out FILE] [--raw DIR] [--note TEXT]
#
# --runs N: best of N for the timed passes (default 3), and N indexing
# rounds in 4 (default 5: each side's figure there is a median, which needs
# more rounds than a best-of). --quick: best of 1 and one round, anc_news
# only for 4 and 5 (a check of the script, not numbers to keep).
# --out: the report (default benches/peers/RESULTS.md). --raw DIR: keep every
# raw JSON output and log there (default: a temporary directory, removed).
# --note: a sentence on the machine for the report's header. A full run takes
# about 8 minutes on 2 cores once built. Environment: PYTHON, FAHRAS_SHARED,
# CARGO, CARGO_TARGET_DIR (as in the other scripts).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="$here/.venv"
target_dir="${CARGO_TARGET_DIR:-target}"
case "$target_dir" in /*) ;; *) target_dir="$repo/$target_dir" ;; esac

runs=3
search_runs=5
quick=0
build=1
report="$here/RESULTS.md"
raw=""
note=""
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs="${2:?--runs needs a number}"; search_runs="$runs"; shift 2 ;;
        --runs=*) runs="${1#--runs=}"; search_runs="$runs"; shift ;;
        --quick) quick=1; runs=1; search_runs=1; shift ;;
        --no-build) build=0; shift ;;
        --out) report="${2:?--out needs a file}"; shift 2 ;;
        --out=*) report="${1#--out=}"; shift ;;
        --raw) raw="${2:?--raw needs a directory}"; shift 2 ;;
        --raw=*) raw="${1#--raw=}"; shift ;;
        --note) note="${2?--note needs a text}"; shift 2 ;;
        --note=*) note="${1#--note=}"; shift ;;
        -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run_all.sh: unknown argument: $1" >&2; exit 2 ;;
    esac
done
case "$report" in /*) ;; *) report="$PWD/$report" ;; esac

started="$(date +%s)"
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"

# The stemmers. nltk's isri module imports nltk.redos, which needs regex
# (same pin as run.sh); nothing else of nltk's declared dependencies (click,
# joblib, tqdm, defusedxml) is imported by `nltk.stem.isri` (found with
# `python -X importtime` in a bare venv). snowballstemmer is pure Python with
# no dependencies; PyStemmer is the C build of the same Snowball stemmers
# (snowballstemmer.stemmer() uses it when installed).
STEM_PINS=(nltk==3.10.4 regex==2026.11.15 snowballstemmer==3.1.1)
PYSTEMMER_PINS=(PyStemmer==3.1.0)

script=run_all.sh
# shellcheck source=venv.sh
source "$here/venv.sh"
echo "==> installing ${STEM_PINS[*]} ${PYSTEMMER_PINS[*]}" >&2
"$vpy" -m pip install --quiet --disable-pip-version-check --no-deps "${STEM_PINS[@]}"
if ! "$vpy" -m pip install --quiet --disable-pip-version-check --no-deps "${PYSTEMMER_PINS[@]}"; then
    echo "run_all.sh: warning: PyStemmer could not be installed; Snowball is measured in pure Python only" >&2
fi

if [ -z "$raw" ]; then
    raw="$(mktemp -d "${TMPDIR:-/tmp}/fahras-all.XXXXXX")"
    trap 'rm -rf "$raw"' EXIT
else
    mkdir -p "$raw"
fi
echo "==> raw outputs and logs in $raw" >&2

if [ "$build" -eq 1 ]; then
    echo "==> cargo build --release -p fahras-cli, and the search_latency example" >&2
    (cd "$repo" && "${CARGO:-cargo}" build --release -p fahras-cli \
        && "${CARGO:-cargo}" build --release -p fahras-bench --example search_latency) >&2
fi
# A private copy of the binary, so a rebuild during the run changes nothing.
cp "$target_dir/release/fahras" "$raw/fahras"
fahras="$raw/fahras"

failed=()
step() {  # step NAME LOG CMD...: run one part, its output to LOG and stderr;
          # a failure is reported at the end, not fatal
    local name="$1" logf="$2"
    shift 2
    echo "==> [$name] $*" >&2
    if ! "$@" 2>&1 | tee "$logf" >&2; then
        echo "run_all.sh: $name failed (log: $logf)" >&2
        failed+=("$name")
    fi
}
export PYTHONDONTWRITEBYTECODE=1
quick_args=()
[ "$quick" -eq 1 ] && quick_args=(--quick)

# 1. normalize + tokenize (also runs the criterion bench corpus-10MB/search)
step normalize "$raw/normalize.log" "$here/run.sh" --runs "$runs" --json "$raw/normalize.json"
# 2. stemmers: criterion for fahras's `stem` profile, then stem.py
step stem-criterion "$raw/crit-stem.txt" \
    bash -c 'cd "$1" && "${CARGO:-cargo}" bench -p fahras-bench --bench analyze -- "corpus-10MB/stem\$" 2>&1' \
    _ "$repo"
step stem "$raw/stem.log" "$vpy" "$here/stem.py" --fahras "$fahras" --runs "$runs" \
    --json "$raw/stem.jsonl"
# 3. dates
step dates "$raw/dates.log" "$here/run_dates.sh" --no-build --runs "$runs" --json "$raw/dates.json"
# 4. indexing and search
step search "$raw/search.log" "$here/run_search.sh" --no-build --runs "$search_runs" \
    ${quick_args[@]+"${quick_args[@]}"} --json "$raw/search.jsonl"
# 5. fahras extract end to end
step e2e "$raw/e2e.log" "$vpy" "$here/e2e.py" --fahras "$fahras" --runs "$runs" \
    ${quick_args[@]+"${quick_args[@]}"} --json "$raw/e2e.jsonl"

report_args=(--raw "$raw" --out "$report" --started "$started" --load-start "$load_start"
             --fahras "$fahras" --note "$note")
[ "$quick" -eq 1 ] && report_args+=(--quick)
"$vpy" "$here/report.py" "${report_args[@]}"
echo "==> wrote $report in $(( ($(date +%s) - started) / 60 )) min" >&2
if [ "${#failed[@]}" -gt 0 ]; then
    echo "run_all.sh: failed parts: ${failed[*]} (their sections say so in the report)" >&2
    exit 1
fi
