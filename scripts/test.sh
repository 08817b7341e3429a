#!/usr/bin/env bash
# Every test of the project. Later issues add their suites here (Python, golden corpus).
# Tests that read ../shared (seed articles, public corpora) skip with a message when
# it is absent, and fail instead when CI=true.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test --workspace --locked
