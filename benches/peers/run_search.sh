#!/usr/bin/env bash
# Search side by side: fahras (CLI `index add` / `search`) against tantivy-py
# and SQLite FTS5 (benches/peers/search.py) on the shared news corpora:
# indexing docs/s, MB/s and peak RSS; p50/p95 latency of 500 AND queries
# (fahras as CLI processes, and in process through the search_latency
# example, which the build step builds); recall on the spelling-variant
# probe (tests/data/spelling_variants.tsv).
# Works from any directory:
#
#   ./benches/peers/run_search.sh [--runs N] [--quick] [--no-build] [--json FILE]
#
# --runs N: indexing rounds, each side once a round in a rotated order; a
# side's figure is its median round (default 5; --quick: 1). Five, not
# three: with three, one slow minute of the VM could still move a median.
# --quick indexes anc_news only (2,900 articles) for a fast check; the full
# run adds saudinewsnet (11,901 articles, 52.5 MB of text) and takes a few
# minutes on 2 cores. tantivy-py lives in benches/peers/.venv (git-ignored,
# shared with run.sh), created on first use from PyPI with a pinned version;
# FTS5 is Python's own sqlite3. Indexes go to a temporary directory removed
# at exit. Environment: PYTHON (interpreter used to create the venv,
# >= 3.11), FAHRAS_SHARED (the shared data directory), CARGO (default cargo),
# CARGO_TARGET_DIR (default target).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="$here/.venv"
# Where cargo puts the binary: $CARGO_TARGET_DIR (relative to the repository
# root, where cargo runs) or target/.
target_dir="${CARGO_TARGET_DIR:-target}"
case "$target_dir" in /*) ;; *) target_dir="$repo/$target_dir" ;; esac

build=1
args=()
runs=""
quick=0
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) args+=(--quick); quick=1; shift ;;
        --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
        --runs=*) runs="${1#--runs=}"; shift ;;
        --no-build) build=0; shift ;;
        --json) args+=(--json "${2:?--json needs a file}"); shift 2 ;;
        --json=*) args+=("$1"); shift ;;
        -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run_search.sh: unknown argument: $1" >&2; exit 2 ;;
    esac
done

# tantivy-py has no runtime dependencies (abi3 wheel, Python >= 3.11).
TANTIVY_PINS=(tantivy==0.27.0)

script=run_search.sh
# shellcheck source=venv.sh
source "$here/venv.sh"
echo "==> installing ${TANTIVY_PINS[*]}" >&2
"$vpy" -m pip install --quiet --disable-pip-version-check --no-deps "${TANTIVY_PINS[@]}"

if [ "$build" -eq 1 ]; then
    echo "==> cargo build --release -p fahras-cli, and the search_latency example" >&2
    (cd "$repo" && "${CARGO:-cargo}" build --release -p fahras-cli \
        && "${CARGO:-cargo}" build --release -p fahras-bench --example search_latency) >&2
fi

out="$(mktemp -d "${TMPDIR:-/tmp}/fahras-search.XXXXXX")"
trap 'rm -rf "$out"' EXIT
# A private copy of the binary, so a rebuild during the run changes nothing.
cp "$target_dir/release/fahras" "$out/fahras"
# fahras in process, beside the in-process peers (built above, or by run_all.sh).
latency="$target_dir/release/examples/search_latency"
if [ -x "$latency" ]; then
    cp "$latency" "$out/search_latency"
    args+=(--latency "$out/search_latency")
else
    echo "run_search.sh: no $latency (build it, or run without --no-build): no in-process fahras rows" >&2
fi

if [ -z "$runs" ]; then
    if [ "$quick" -eq 1 ]; then runs=1; else runs=5; fi
fi
args+=(--runs "$runs")
echo "==> search.py ${args[*]:-}" >&2
PYTHONDONTWRITEBYTECODE=1 "$vpy" "$here/search.py" --fahras "$out/fahras" \
    --workdir "$out" ${args[@]+"${args[@]}"}
