#!/usr/bin/env bash
# Every test of the project: the Rust workspace, then the Python package built and
# installed by pip (maturin) into a venv this script makes, its stubs checked by
# mypy.stubtest, the pytest suite (which compares answers with the CLI), and the
# search page of `fahras serve` driven in headless Chromium (installed when missing).
# Tests that read ../shared (seed articles, public corpora) skip with a message when
# it is absent, and fail instead when CI=true.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test --workspace --locked

echo "== python"
# The CLI the Python suite compares against.
cargo build --release --locked -p fahras-cli
export FAHRAS_BIN="$PWD/target/release/fahras"

VENV="${FAHRAS_VENV:-target/py-venv}"
PYTHON="${PYTHON:-python3}"
if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet \
    "maturin>=1.7,<2" "pytest>=8" "hypothesis>=6" "pandas>=2" "pyarrow>=14" \
    "dask[dataframe]>=2024.1" "distributed>=2024.1" "mypy>=1.10"
# As a user installs it (`pip install .`); the build reuses target/.
"$VENV/bin/python" -m pip install --quiet --no-build-isolation --force-reinstall --no-deps .

# Run from an empty folder so the installed package is what gets imported (from
# python/, a module left there by `maturin develop` would be checked instead).
VENV_PY="$(cd "$VENV" && pwd)/bin/python"
(cd "$(mktemp -d)" && "$VENV_PY" -m mypy.stubtest fahras._fahras)
"$VENV/bin/python" -m pytest -q -p no:cacheprovider python/tests

echo "== browser (fahras serve in headless Chromium)"
# Debian's chromium and chromium-driver drive the page; installed when missing.
if ! command -v chromedriver >/dev/null 2>&1 || ! command -v chromium >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null ||
        { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null; }
fi
# --workspace: the same feature set as the first run, so nothing is built twice.
cargo test --workspace --locked --test browser -- --ignored
