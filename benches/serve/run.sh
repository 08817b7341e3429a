#!/usr/bin/env bash
# Latency of `fahras serve` under load: indexes the shared news corpus
# (../shared/corpus, ~12,000 articles) into a temporary folder, serves it on
# loopback and runs wrk (Debian's `wrk`) with 50 connections for 20 s, once
# with the search cache (the default) and once without (`--cache 0`, every
# request searched). The request is the page's own (see load.lua).
# Usage: benches/serve/run.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECS="${1:-20}"
SHARED="${FAHRAS_SHARED:-../shared}"
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 2; }
cargo build --release --locked -p fahras-cli
BIN="$PWD/target/release/fahras"
WORK="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
"$BIN" index create "$WORK/ix" >/dev/null 2>&1
"$BIN" index add --quiet "$WORK/ix" \
    "$SHARED/corpus/arabic_newspapers_corpus/anc_news.jsonl.gz" \
    "$SHARED/corpus/saudinewsnet/saudinewsnet_sample.jsonl.gz"
"$BIN" index stats "$WORK/ix"
for cache in 1024 0; do
    "$BIN" serve "$WORK/ix" --port 0 --cache "$cache" > "$WORK/serve.out" &
    until grep -q "http://" "$WORK/serve.out" 2>/dev/null; do sleep 0.1; done
    URL="$(head -1 "$WORK/serve.out" | sed 's/^fahras serve: //; s#/$##')"
    echo "== --cache $cache: wrk -t2 -c50 -d${SECS}s"
    wrk -t2 -c50 -d"${SECS}s" -s benches/serve/load.lua "$URL" | tail -2
    kill %1 2>/dev/null || true
    wait 2>/dev/null || true
done
