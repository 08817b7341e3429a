#!/usr/bin/env bash
# Dates side by side: fahras `extract --kinds DATE` against Python
# dateparser's `search_dates(text, languages=["ar"])` (benches/peers/dates.py)
# on corpus-sample/gold.jsonl and the HeidelTime Arabic TimeML test set:
# relaxed and exact precision/recall/F1, value accuracy, docs/s and MB/s.
# Works from any directory:
#
#   ./benches/peers/run_dates.sh [--runs N] [--dataset gold|timeml|all]
#                                [--no-build] [--json FILE]
#
# dateparser lives in benches/peers/.venv (git-ignored, shared with run.sh),
# created on first use from PyPI with pinned versions. Environment: PYTHON
# (interpreter used to create the venv, >= 3.11), FAHRAS_SHARED (the shared
# data directory), CARGO (default cargo), CARGO_TARGET_DIR (default target).
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
while [ $# -gt 0 ]; do
    case "$1" in
        --no-build) build=0; shift ;;
        --runs|--dataset|--json) args+=("$1" "${2:?$1 needs a value}"); shift 2 ;;
        --runs=*|--dataset=*|--json=*) args+=("$1"); shift ;;
        -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run_dates.sh: unknown argument: $1" >&2; exit 2 ;;
    esac
done

# dateparser and its whole dependency closure, as pip resolved it for
# `pip install dateparser` (Python 3.11), pinned and installed with --no-deps
# so nothing else moves. regex is the same pin as run.sh's.
DATEPARSER_PINS=(dateparser==1.5.0 python-dateutil==4.0.0 pytz==2026.6 tzdata==2026.6
                 tzlocal==5.4.5 regex==2026.11.15)

script=run_dates.sh
# shellcheck source=venv.sh
source "$here/venv.sh"
echo "==> installing ${DATEPARSER_PINS[*]}" >&2
"$vpy" -m pip install --quiet --disable-pip-version-check --no-deps "${DATEPARSER_PINS[@]}"

if [ "$build" -eq 1 ]; then
    echo "==> cargo build --release -p fahras-cli" >&2
    (cd "$repo" && "${CARGO:-cargo}" build --release -p fahras-cli) >&2
fi

echo "==> dates.py ${args[*]:-}" >&2
PYTHONDONTWRITEBYTECODE=1 exec "$vpy" "$here/dates.py" --fahras "$target_dir/release/fahras" ${args[@]+"${args[@]}"}
